"""Pilot tests of the werkatelier-2 steps (except the ladder, which has its own tests)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from atelier_tui.app import AtelierApp
from atelier_tui.domain.drafts import draft_answer
from atelier_tui.screens.session import SessionScreen
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session
from atelier_tui.widgets.form import FormDialog
from atelier_tui.widgets.records import RecordList

from .screen import saved, screen_text, settle, wait_for

SIZE = (120, 40)


def app_at(sessions_dir: Path, step: str):
    path = create_demo_copy(SessionsDir(sessions_dir))
    return AtelierApp(sessions_dir, open_path=path, step=step), path


async def test_terugblik_shows_what_evening_one_carried_over(sessions_dir):
    app, path = app_at(sessions_dir, "terugblik")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        text = screen_text(app)
        assert "Kansen" in text and "Knelpunten" in text
        assert "● 12" in text  # the knelpunt with most votes
        assert "Wat we leerden van de voorbeelden" in text


async def test_ambitie_alignment_follows_a_changed_position(sessions_dir):
    app, path = app_at(sessions_dir, "ambitie")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        assert "3 verschillende" in screen_text(app)
        fracties = app.screen.query_one("#fracties", RecordList)
        fracties.focus()
        fracties.highlighted = 3  # Liberaal Lindewaard: raadplegen
        await pilot.press("e")
        await wait_for(pilot, FormDialog)
        app.screen.query_one("#f-trede").value = "adviseren"
        await pilot.press("ctrl+s")
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        assert "2 verschillende" in screen_text(app)
    assert saved(path).ambitie.fracties[3].trede == "adviseren"


async def test_initiatieven_role_is_chosen_with_space(sessions_dir):
    app, path = app_at(sessions_dir, "initiatieven")
    before = [r.gekozen for r in saved(path).initiatieven.rollen]
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        rollen = app.screen.query_one("#rollen", RecordList)
        rollen.focus()
        rollen.highlighted = 2
        await pilot.press("space")
        await settle(pilot)
    after = [r.gekozen for r in saved(path).initiatieven.rollen]
    assert after[2] is (not before[2]) and after[:2] == before[:2]


async def test_unusual_suspects_adds_an_own_group(sessions_dir):
    app, path = app_at(sessions_dir, "unusual-suspects")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        await pilot.press("n")
        await wait_for(pilot, FormDialog)
        await pilot.press(*"Seizoenarbeiders")
        app.screen.query_one("#f-bereikt").value = "nee"
        app.screen.query_one("#f-actie_raad", TextArea).text = "Via werkgevers en huisvesters uitnodigen."
        await pilot.press("ctrl+s")
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        assert "Seizoenarbeiders" in screen_text(app)
    groep = next(g for g in saved(path).doelgroepen if g.naam == "Seizoenarbeiders")
    assert groep.bereikt == "nee" and groep.actie_raad.startswith("Via werkgevers")


async def test_draagvlak_criterion_can_be_removed(sessions_dir):
    app, path = app_at(sessions_dir, "draagvlak")
    count = len(saved(path).criteria)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    assert len(saved(path).criteria) == count - 1


async def test_opbrengst_draft_answer_comes_from_the_earlier_steps(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    opened = open_session(path)
    for a in opened.session.opbrengst.antwoorden:
        a.antwoord = ""
    assert opened.save().ok
    opened.close()
    app = AtelierApp(sessions_dir, open_path=path, step="opbrengst")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        assert "Nog geen antwoord" in screen_text(app)
        app.screen.query_one("#antwoorden", RecordList).focus()
        await pilot.press("c")
        await settle(pilot)
    s = saved(path)
    expected = draft_answer(s, "niveau")
    assert "adviseren" in expected and s.opbrengst.antwoorden[0].antwoord == expected
    assert "besloten" not in expected


async def test_actiepunt_with_a_date_before_the_evenings_gets_a_warning(sessions_dir):
    app, path = app_at(sessions_dir, "opbrengst")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        app.screen.query_one("#tabs").active = "tab-acties"
        await settle(pilot)
        app.screen.query_one("#actiepunten", RecordList).focus()
        await pilot.press("n")
        await wait_for(pilot, FormDialog)
        await pilot.press(*"Griffie")
        app.screen.query_one("#f-wat", TextArea).text = "Verslag rondsturen"
        app.screen.query_one("#f-wanneer", Input).value = "1-1-2026"
        await pilot.press("ctrl+s")
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        assert any("vóór de werkateliers" in str(n.message) for n in app._notifications)
    assert any(a.wat == "Verslag rondsturen" for a in saved(path).opbrengst.actiepunten)


async def test_evaluatie_ratings_are_tallied_by_key(sessions_dir):
    app, path = app_at(sessions_dir, "evaluatie")
    before = dict(saved(path).evaluatie.cijfers)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        await pilot.press("2", "2", "5")
        await settle(pilot)
        assert "Gemiddeld" in screen_text(app)
    after = saved(path).evaluatie.cijfers
    assert after.get("2", 0) == before.get("2", 0) + 2
    assert after["5"] == before["5"] + 1
