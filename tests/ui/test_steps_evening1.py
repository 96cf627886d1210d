"""Pilot tests of the voorbereiding and werkatelier-1 steps (except the board)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, SelectionList, TextArea

from atelier_tui.app import AtelierApp
from atelier_tui.domain import rules
from atelier_tui.screens.session import SessionScreen
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session
from atelier_tui.widgets.form import FormDialog
from atelier_tui.widgets.records import RecordList

from .screen import saved, screen_text, settle, wait_for, wait_until

SIZE = (120, 40)


async def open_step(sessions_dir: Path, step: str):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step=step)
    return app, path


async def test_add_edit_and_remove_a_participant(sessions_dir):
    app, path = await open_step(sessions_dir, "sessie")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        people = app.screen.query_one("#deelnemers", RecordList)
        people.focus()
        count = len(saved(path).deelnemers)
        await pilot.press("end", "n")
        await wait_for(pilot, FormDialog)
        await pilot.press(*"Mira Kok", "tab", *"Groen Lindewaard")
        await pilot.press("ctrl+s")
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        after = saved(path).deelnemers
        assert len(after) == count + 1
        assert after[-1].naam == "Mira Kok" and after[-1].fractie == "Groen Lindewaard"
        assert "Mira Kok" in screen_text(app)
        # edit: Enter opens the form prefilled
        await pilot.press("enter")
        await wait_for(pilot, FormDialog)
        name = app.screen.query_one("#f-naam", Input)
        assert name.value == "Mira Kok"
        name.value = "Mira de Kok"
        await pilot.press("ctrl+s")
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        assert saved(path).deelnemers[-1].naam == "Mira de Kok"
        # remove, with a question first
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("enter")
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        assert [p.naam for p in saved(path).deelnemers][-1] != "Mira de Kok"
        assert len(saved(path).deelnemers) == count


async def test_form_refuses_an_empty_required_field_and_a_bad_date(sessions_dir):
    app, path = await open_step(sessions_dir, "intake")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        app.screen.query_one("#intake", RecordList).focus()
        await pilot.press("n")
        await wait_for(pilot, FormDialog)
        await pilot.press("ctrl+s")
        await settle(pilot, 2)
        assert isinstance(app.screen, FormDialog)
        assert "Vul" in str(app.screen.query_one("#form-error").render())
        await pilot.press(*"Fractievoorzitters", "tab", *"31-02-2026")
        await pilot.press("ctrl+s")
        await settle(pilot, 2)
        assert "geen datum" in str(app.screen.query_one("#form-error").render())
        app.screen.query_one("#f-datum", Input).value = "3-9-2026"
        await pilot.press("ctrl+s")
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
    notes = saved(path).intake
    assert any(n.met_wie == "Fractievoorzitters" and n.datum.isoformat() == "2026-09-03" for n in notes)


async def test_session_details_are_edited_in_a_form(sessions_dir):
    app, path = await open_step(sessions_dir, "sessie")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        app.screen.query_one("#sessie-details").focus()
        await pilot.press("e")
        await wait_for(pilot, FormDialog)
        app.screen.query_one("#f-a2_plaats", Input).value = "Dorpshuis Kreekdijk"
        app.screen.query_one("#f-a2_tijd", Input).value = "20:00"
        await pilot.press("ctrl+s")
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        assert "Dorpshuis Kreekdijk" in screen_text(app)
    s = saved(path)
    assert s.avond2.plaats == "Dorpshuis Kreekdijk" and s.avond2.begintijd.hour == 20


async def test_removing_an_opgave_that_an_example_uses_is_refused(sessions_dir):
    app, path = await open_step(sessions_dir, "intake")
    before = saved(path)
    used = {v.opgave_id for v in before.voorbeelden if v.opgave_id}
    index = next(i for i, o in enumerate(before.opgaven) if o.id in used)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        opgaven = app.screen.query_one("#opgaven", RecordList)
        opgaven.focus()
        opgaven.highlighted = index
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert len(opgaven.items) == len(before.opgaven)
    assert [o.id for o in saved(path).opgaven] == [o.id for o in before.opgaven]


async def test_opening_shows_agenda_times_and_reorders(sessions_dir):
    app, path = await open_step(sessions_dir, "opening")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        assert "19.30–19.40" in screen_text(app)
        agenda = app.screen.query_one("#agenda", RecordList)
        agenda.focus()
        first = agenda.items[0].onderwerp
        await pilot.press("shift+down")
        await settle(pilot)
    assert saved(path).avond1.agenda[1].onderwerp == first


async def test_voorbeeld_can_be_linked_to_an_opgave(sessions_dir):
    app, path = await open_step(sessions_dir, "voorbeelden")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        app.screen.query_one("#voorbeelden", RecordList).focus()
        await pilot.press("n")
        await wait_for(pilot, FormDialog)
        await pilot.press(*"Wijkbudget Noord")
        form = app.screen
        form.query_one("#f-oordeel").value = "minder-goed"
        form.query_one("#f-les", TextArea).text = "Vooraf zeggen\nwat er met de inbreng gebeurt."
        opgave = saved(path).opgaven[0]
        form.query_one("#f-opgave_id").value = opgave.id
        await pilot.press("ctrl+s")
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
    v = next(v for v in saved(path).voorbeelden if v.titel == "Wijkbudget Noord")
    assert v.oordeel == "minder-goed" and v.opgave_id == opgave.id
    assert v.les == "Vooraf zeggen\nwat er met de inbreng gebeurt."


async def test_afsluiting_follows_votes_and_facilitator_can_override(sessions_dir):
    app, path = await open_step(sessions_dir, "afsluiting")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        s = saved(path)
        top = rules.carry_over(s)
        shot = screen_text(app)
        assert top[0].tekst[:30] in shot
        view = app.screen.view
        await pilot.press("plus")
        await settle(pilot)
        assert saved(path).afsluiting.top == s.afsluiting.top + 1
        choose = app.screen.query_one("#choose", SelectionList)
        choose.focus()
        choose.highlighted = len(s.kaarten) - 1  # fewest votes
        await pilot.press("space")
        await settle(pilot)
        after = saved(path)
        assert after.afsluiting.gekozen is not None
        last = rules.by_votes(after.kaarten)[-1]
        assert last.id in after.afsluiting.gekozen
        await pilot.press("a")
        await settle(pilot)
        assert saved(path).afsluiting.gekozen is None
        assert view is app.screen.view


async def test_read_only_window_changes_nothing(sessions_dir):
    app, path = await open_step(sessions_dir, "sessie")
    holder = open_session(path)
    try:
        before = path.read_bytes()
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, SessionScreen)
            await settle(pilot)
            app.screen.query_one("#deelnemers", RecordList).focus()
            await pilot.press("n")
            await settle(pilot)
            assert isinstance(app.screen, SessionScreen)  # no form opens
            await pilot.press("d")
            await settle(pilot)
            assert isinstance(app.screen, SessionScreen)
        assert path.read_bytes() == before
    finally:
        holder.close()


@pytest.mark.parametrize("text", ["[bold]x[/]", "[@click=app.quit]x[/]"])
async def test_user_text_is_shown_literally_in_lists(sessions_dir, text):
    app, path = await open_step(sessions_dir, "sessie")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        app.screen.query_one("#deelnemers", RecordList).focus()
        await pilot.press("n")
        await wait_for(pilot, FormDialog)
        app.screen.query_one("#f-naam", Input).value = text
        await pilot.press("ctrl+s")
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        assert text in screen_text(app)
        await pilot.click(RecordList, offset=(10, 1))
        await settle(pilot)
        assert app.is_running


async def test_afsluiting_shows_a_tie_at_the_cut_off_and_empty_boxes(sessions_dir):
    app, path = await open_step(sessions_dir, "afsluiting")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SessionScreen)
        await wait_until(pilot, lambda: "Alle kaarten" in screen_text(app), "the afsluiting")
        s = saved(path)
        assert s.afsluiting.top == 3  # the demo: kansen 11, 9, 8, 7, 6, 6, ...; knelpunten 12, 10, 9, 7, 6, 5, 5, ...
        assert "gelijk" not in screen_text(app)
        choose = app.screen.query_one("#choose", SelectionList)
        lines = [line for line in screen_text(app).splitlines() if "▐" in line]
        carried = len(rules.carry_over(s))
        assert sum("▐✔▌" in line for line in lines) == carried
        # the others: an empty box, never an X (the screenshot drops the box's blank)
        assert sum("▐▌" in line or "▐ ▌" in line for line in lines) == len(lines) - carried
        assert not any("X" in line.split("▌")[0] for line in lines)
        await pilot.press("plus", "plus")  # top 5: the 5th and 6th kans both have 6 votes
        await wait_until(
            pilot,
            lambda: "Kansen: 2 kaarten staan gelijk op 6 stemmen, er gaan er 1 mee." in screen_text(app),
            "the tie among the kansen",
        )
        await pilot.press("plus")  # top 6: now the knelpunten tie at 5
        await wait_until(pilot, lambda: "Knelpunten: 2 kaarten staan gelijk op 5 stemmen" in screen_text(app), "tie")
        assert "Kansen: 2 kaarten" not in screen_text(app)
        choose.focus()
        await wait_until(pilot, lambda: choose.has_focus, "the list of cards to take the keys")
        choose.highlighted = 0
        await pilot.press("space")  # choosing by hand: no automatic cut-off, no tie
        await wait_until(pilot, lambda: "gelijk op" not in screen_text(app), "the tie notice to go")


async def test_a_new_session_opens_with_ground_rules_and_both_agendas(sessions_dir):
    from atelier_tui.domain.builtin import new_session

    s = new_session("Werkateliers", "Gemeente Voorbeeld")
    path = SessionsDir(sessions_dir).create(s)
    for step, expected in (
        ("opening", [s.spelregels[0].tekst, s.avond1.agenda[0].onderwerp]),
        ("terugblik", [s.avond2.agenda[0].onderwerp]),
    ):
        app = AtelierApp(sessions_dir, open_path=path, step=step)
        async with app.run_test(size=SIZE) as pilot:
            shown = lambda a=app, e=expected: all(x in screen_text(a) for x in e)  # noqa: E731
            await wait_until(pilot, shown, f"{step} with {expected}")
