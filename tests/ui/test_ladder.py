"""The participatieladder step: every key, what the room sees, and what is saved on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from atelier_tui.app import AtelierApp
from atelier_tui.domain import rules
from atelier_tui.domain.builtin import demo_data, ladder, new_session
from atelier_tui.domain.session import Session
from atelier_tui.screens.session import SessionScreen
from atelier_tui.screens.steps.ladder import LadderStepView
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session
from atelier_tui.teksten import ladder as T
from atelier_tui.widgets.dialogs import ChoiceDialog
from atelier_tui.widgets.form import Choice, FormDialog
from atelier_tui.widgets.ladder import LadderDiagram

from .screen import open_step, screen_text, settle, wait_for

SIZE = (120, 40)
DORPSPLEIN, WINDPARK, GROEN = "o-dorpsplein", "o-windpark", "o-groen"


# --- Helpers ---------------------------------------------------------------------------------


def saved(path: Path) -> Session:
    opened = open_session(path, writable=False)
    opened.close()
    return opened.session


def opgave(session: Session, opgave_id: str):
    return next(o for o in session.opgaven if o.id == opgave_id)


def demo(sessions_dir: Path) -> Path:
    return create_demo_copy(SessionsDir(sessions_dir))


async def open_ladder(pilot) -> LadderStepView:
    return await open_step(pilot, LadderStepView)


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot, 3)


def details(app) -> str:
    """All the text of the panel beside the ladder (also what is scrolled out of view)."""
    return str(app.screen.query_one("#details-text", Static).render())


def drawn(app):
    """What the ladder drawing shows right now."""
    return app.screen.query_one(LadderDiagram).face


# --- Moving the markers ------------------------------------------------------------------------


async def test_up_and_down_move_straks_and_stop_at_the_ends(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        view = await open_ladder(pilot)
        assert view.opgave_id == DORPSPLEIN and view.moving == "straks"  # raadplegen -> coproduceren
        assert isinstance(app.focused, LadderDiagram)
        await press(pilot, "up")
        assert opgave(saved(path), DORPSPLEIN).straks == "meebeslissen"
        await press(pilot, "up")  # already on the top rung
        assert opgave(saved(path), DORPSPLEIN).straks == "meebeslissen"
        assert "Raadplegen → Meebeslissen" in screen_text(app)
        await press(pilot, *["down"] * 6)  # past the bottom rung
        after = opgave(saved(path), DORPSPLEIN)
        assert (after.nu, after.straks) == ("raadplegen", "informeren")
        face = drawn(app)
        assert face.rung == "informeren"
        assert next(o for o in face.opgaven if o.id == DORPSPLEIN).straks == "informeren"
        shot = screen_text(app)
        assert "Raadplegen → Informeren" in shot
        assert "STRAKS van opgave 1" in shot and "Wat de gemeente toezegt" in shot


async def test_w_switches_to_moving_nu_and_back(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        view = await open_ladder(pilot)
        assert "Wissel naar NU" in screen_text(app)
        await press(pilot, "w")
        assert view.moving == "nu"
        assert drawn(app).moving == "nu" and drawn(app).rung == "raadplegen"
        shot = screen_text(app)
        assert "Wissel naar STRAKS" in shot and "NU van opgave 1" in shot
        await press(pilot, "up", "up")
        after = opgave(saved(path), DORPSPLEIN)
        assert (after.nu, after.straks) == ("coproduceren", "coproduceren")
        await press(pilot, "down", "down", "down", "down", "down")
        assert opgave(saved(path), DORPSPLEIN).nu == "informeren"
        await press(pilot, "w", "down")
        after = opgave(saved(path), DORPSPLEIN)
        assert (after.nu, after.straks) == ("informeren", "adviseren")


async def test_left_and_right_choose_the_opgave(sessions_dir):
    path = demo(sessions_dir)
    before = saved(path)
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        view = await open_ladder(pilot)
        await press(pilot, "right")
        assert view.opgave_id == WINDPARK and drawn(app).selected == WINDPARK
        assert "STRAKS van opgave 2" in screen_text(app)
        await press(pilot, "up")  # windpark: adviseren -> coproduceren
        s = saved(path)
        assert opgave(s, WINDPARK).straks == "coproduceren"
        assert opgave(s, DORPSPLEIN).straks == opgave(before, DORPSPLEIN).straks
        await press(pilot, *["right"] * 9)  # stops at the last opgave
        assert view.opgave_id == GROEN
        # Left of the first opgave is the ladder itself: up and down walk the rungs, nothing is saved.
        await press(pilot, *["left"] * 9)
        assert view.opgave_id is None and drawn(app).selected is None
        assert drawn(app).rung == "coproduceren"  # where the first opgave's STRAKS is
        await press(pilot, "down")
        assert drawn(app).rung == "adviseren"
        assert "Trede 3 van 5" in screen_text(app)
        assert [(o.nu, o.straks) for o in saved(path).opgaven] == [(o.nu, o.straks) for o in s.opgaven]


async def test_an_opgave_not_yet_on_the_ladder_is_put_on_the_highlighted_rung(sessions_dir):
    path = demo(sessions_dir)
    with open_session(path) as opened:
        o = opgave(opened.session, DORPSPLEIN)
        o.nu = o.straks = None
        assert opened.save().ok
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_ladder(pilot)
        assert "↑ of ↓" in details(app)
        await press(pilot, "up")
        assert opgave(saved(path), DORPSPLEIN).straks == "informeren"  # the lowest rung, highlighted
        await press(pilot, "up")
        assert opgave(saved(path), DORPSPLEIN).straks == "raadplegen"


# --- The opgave's form -------------------------------------------------------------------------


async def test_e_edits_the_rationale_and_the_places_in_a_form(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_ladder(pilot)
        await press(pilot, "e")
        await wait_for(pilot, FormDialog)
        form = app.screen
        area = form.query_one("#f-toelichting", TextArea)
        assert area.text.startswith("Nu konden inwoners")
        area.text = "Samen ontwerpen\nbinnen vaste kaders."
        form.query_one("#f-nu", Choice).value = "informeren"
        await press(pilot, "ctrl+s")
        await wait_for(pilot, SessionScreen)
        after = opgave(saved(path), DORPSPLEIN)
        assert after.toelichting == "Samen ontwerpen\nbinnen vaste kaders."
        assert (after.nu, after.straks) == ("informeren", "coproduceren")
        shot = screen_text(app)
        assert "Samen ontwerpen" in shot and "Informeren → Coproduceren" in shot
        # Escape changes nothing
        await press(pilot, "e")
        await wait_for(pilot, FormDialog)
        app.screen.query_one("#f-toelichting", TextArea).text = "weg"
        await press(pilot, "escape")
        await wait_for(pilot, SessionScreen)
        assert opgave(saved(path), DORPSPLEIN).toelichting == "Samen ontwerpen\nbinnen vaste kaders."


# --- The ladder itself -------------------------------------------------------------------------


async def choose_variant(pilot, variant: str) -> None:
    await press(pilot, "v")
    await wait_for(pilot, FormDialog)
    pilot.app.screen.query_one("#f-variant", Choice).value = variant
    await press(pilot, "ctrl+s")


async def test_switching_to_six_rungs_keeps_every_place(sessions_dir):
    path = demo(sessions_dir)
    before = saved(path)
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_ladder(pilot)
        await choose_variant(pilot, "zes-treden")
        await wait_for(pilot, SessionScreen)
        s = saved(path)
        assert s.ladder.variant == "zes-treden" and s.ladder.keys()[-1] == "zelfbeheer"
        assert [(o.nu, o.straks) for o in s.opgaven] == [(o.nu, o.straks) for o in before.opgaven]
        assert s.ambitie == before.ambitie
        shot = screen_text(app)
        assert "Zelfbeheer" in shot and "zes treden" in shot
        assert "Alle opgaven staan nog op hun trede" in shot


async def test_switching_back_asks_before_clearing_a_rung_that_is_gone(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        view = await open_ladder(pilot)
        await choose_variant(pilot, "zes-treden")
        await wait_for(pilot, SessionScreen)
        await press(pilot, *["right"] * 4)  # groenbeheer: meebeslissen -> meebeslissen
        await press(pilot, "up")
        assert opgave(saved(path), GROEN).straks == "zelfbeheer"
        # Back to five rungs: asked first; Enter (Annuleren) keeps everything.
        await choose_variant(pilot, "vijf-treden")
        await wait_for(pilot, ChoiceDialog)
        assert "Groenbeheer door bewoners (STRAKS)" in screen_text(app)
        await press(pilot, "enter")
        await wait_for(pilot, SessionScreen)
        assert saved(path).ladder.variant == "zes-treden"
        # Again, and this time go ahead.
        await choose_variant(pilot, "vijf-treden")
        await wait_for(pilot, ChoiceDialog)
        await press(pilot, "tab", "enter")
        await wait_for(pilot, SessionScreen)
        s = saved(path)
        assert s.ladder.variant == "vijf-treden" and "zelfbeheer" not in s.ladder
        groen = opgave(s, GROEN)
        assert (groen.nu, groen.straks) == ("meebeslissen", None)
        assert groen.toelichting  # the rationale stays
        assert "Leeggemaakt" in screen_text(app)
        assert view.rung_key == "meebeslissen"


# --- The rungs ---------------------------------------------------------------------------------


async def test_renaming_a_rung_keeps_its_key_and_everything_on_it(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_ladder(pilot)
        await press(pilot, "t")  # the menu for the highlighted rung (coproduceren)
        await wait_for(pilot, ChoiceDialog)
        assert "Trede ‘Coproduceren’" in screen_text(app)
        await press(pilot, "enter")  # "Aanpassen"
        await wait_for(pilot, FormDialog)
        name = app.screen.query_one("#f-naam", Input)
        assert name.value == "Coproduceren"
        name.value = "Samen maken"
        await press(pilot, "ctrl+s")
        await wait_for(pilot, SessionScreen)
        s = saved(path)
        trede = s.ladder.trede("coproduceren")
        assert trede is not None and trede.naam == "Samen maken"
        assert trede.toezegging.startswith("Gemeente en inwoners")
        assert (s.ladder.variant, s.ladder.naam) == ("eigen", T.EIGEN_NAAM)
        assert opgave(s, DORPSPLEIN).straks == "coproduceren"
        shot = screen_text(app)
        assert "Samen maken" in shot and T.EIGEN_NAAM in shot


async def test_adding_a_rung_above_the_highlighted_one(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_ladder(pilot)
        await press(pilot, "a")
        await wait_for(pilot, FormDialog)
        assert app.screen.query_one("#f-plaats", Choice).value == "4"  # above coproduceren
        await pilot.press(*"Meedenken")
        app.screen.query_one("#f-toezegging", TextArea).text = "De gemeente denkt mee."
        await press(pilot, "ctrl+s")
        await wait_for(pilot, SessionScreen)
        s = saved(path)
        assert s.ladder.keys() == ["informeren", "raadplegen", "adviseren", "coproduceren", "meedenken", "meebeslissen"]
        assert s.ladder.trede("meedenken").toezegging == "De gemeente denkt mee."
        assert opgave(s, DORPSPLEIN).straks == "coproduceren"
        await press(pilot, "up")  # the new rung is on the way up
        assert opgave(saved(path), DORPSPLEIN).straks == "meedenken"
        assert "Meedenken" in screen_text(app)


async def test_removing_a_rung_in_use_asks_and_clears_with_a_message(sessions_dir):
    path = demo(sessions_dir)
    before = saved(path)
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        view = await open_ladder(pilot)
        await press(pilot, "x")  # coproduceren: two opgaven and two fracties stand on it
        await wait_for(pilot, ChoiceDialog)
        shot = screen_text(app)
        assert "Herinrichting dorpsplein Hazelbroek (STRAKS)" in shot
        assert "de positie van Dorpsbelangen Lindewaard" in shot
        await press(pilot, "enter")  # Annuleren has the focus
        await wait_for(pilot, SessionScreen)
        assert saved(path).ladder.keys() == before.ladder.keys()
        await press(pilot, "x")
        await wait_for(pilot, ChoiceDialog)
        await press(pilot, "tab", "enter")
        await wait_for(pilot, SessionScreen)
        s = saved(path)
        assert "coproduceren" not in s.ladder and len(s.ladder.treden) == 4
        assert opgave(s, DORPSPLEIN).straks is None and opgave(s, "o-jeugd").straks is None
        assert all(f.trede != "coproduceren" for f in s.ambitie.fracties)
        assert opgave(s, DORPSPLEIN).toelichting == opgave(before, DORPSPLEIN).toelichting
        shot = screen_text(app)
        assert "verwijderd" in shot and "Leeggemaakt" in shot
        assert view.rung_key == "adviseren"  # the highlight went to the rung below


async def test_a_ladder_keeps_at_least_two_rungs(sessions_dir):
    path = demo(sessions_dir)
    with open_session(path) as opened:
        rules.replace_ladder(opened.session, opened.session.ladder.model_copy(update={"treden": ladder().treden[:2]}))
        assert opened.save().ok
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_ladder(pilot)
        await press(pilot, "x")
        assert isinstance(app.screen, SessionScreen)
        assert "minstens twee treden" in screen_text(app)
    assert len(saved(path).ladder.treden) == 2


async def test_without_opgaven_the_ladder_can_still_be_read_and_changed(sessions_dir):
    path = SessionsDir(sessions_dir).create(new_session("Leeg", "Gemeente Ergens"))
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        view = await open_ladder(pilot)
        assert view.opgave_id is None
        assert "Nog geen opgaven" in screen_text(app)
        await press(pilot, "up", "up")  # walks the rungs
        assert drawn(app).rung == "adviseren" and "Trede 3 van 5" in screen_text(app)
        await press(pilot, "e")
        assert isinstance(app.screen, SessionScreen) and "Kies eerst een opgave" in screen_text(app)
        await press(pilot, "r")
        await wait_for(pilot, FormDialog)
        app.screen.query_one("#f-naam", Input).value = "Meedenken"
        await press(pilot, "ctrl+s")
        await wait_for(pilot, SessionScreen)
    assert saved(path).ladder.trede("adviseren").naam == "Meedenken"


# --- Read-only and hostile text ----------------------------------------------------------------


async def test_read_only_window_changes_nothing(sessions_dir):
    path = demo(sessions_dir)
    holder = open_session(path)
    try:
        before = path.read_bytes()
        app = AtelierApp(sessions_dir, open_path=path, step="ladder")
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await open_ladder(pilot)
            for key in ("up", "down", "w", "up", "e", "v", "t", "r", "a", "x"):
                await press(pilot, key)
                assert isinstance(app.screen, SessionScreen), key  # no form or question opens
            assert "alleen te bekijken" in screen_text(app)
        assert path.read_bytes() == before
    finally:
        holder.close()


@pytest.mark.parametrize("text", ["[bold]x[/]", "[@click=app.quit]x[/]"])
async def test_user_text_is_shown_literally(sessions_dir, text):
    path = demo(sessions_dir)
    with open_session(path) as opened:
        s = opened.session
        o = opgave(s, DORPSPLEIN)
        o.titel = f"{text} plein"
        o.toelichting = f"{text} omdat"
        trede = s.ladder.trede("coproduceren")
        trede.naam = f"{text} samen"
        assert opened.save().ok
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_ladder(pilot)
        shot = screen_text(app)
        assert f"{text} plein" in shot and f"{text} omdat" in shot and f"{text} samen" in shot
        await pilot.click(LadderDiagram, offset=(5, 5))
        await settle(pilot)
        assert app.is_running


# --- The rules behind it -----------------------------------------------------------------------


def test_rules_keep_places_by_key_and_clear_what_is_gone():
    s = Session.model_validate(demo_data())
    assert rules.replace_ladder(s, ladder("zes-treden")) == []
    opgave(s, GROEN).straks = "zelfbeheer"
    s.ambitie.niveau = "zelfbeheer"
    cleared = rules.replace_ladder(s, ladder("vijf-treden"))
    assert [(u.wat, u.naam) for u in cleared] == [("straks", "Groenbeheer door bewoners"), ("ambitie", "")]
    assert opgave(s, GROEN).straks is None and s.ambitie.niveau is None
    assert rules.move_on_ladder(s.ladder, "informeren", -1) == "informeren"
    assert rules.move_on_ladder(s.ladder, "adviseren", 1) == "coproduceren"
    assert rules.move_on_ladder(s.ladder, "weg", 1) is None
    assert rules.new_rung_key(s.ladder, "Meedenken & cocreëren") == "meedenken-cocreeren"
    assert rules.new_rung_key(s.ladder, "Adviseren") == "adviseren-2"
    assert rules.new_rung_key(s.ladder, "!!!") == "trede"


# --- Snapshots ---------------------------------------------------------------------------------


async def _settled(pilot) -> None:
    await open_ladder(pilot)
    await settle(pilot, 2)


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_ladder(size, snap_compare, sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    assert snap_compare(app, terminal_size=size, run_before=_settled)
