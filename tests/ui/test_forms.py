"""Forms as the facilitator uses them: choices by letter, a draft kept on Escape, no double fracties."""

from __future__ import annotations

from atelier_tui.app import AtelierApp
from atelier_tui.screens.session import SessionScreen
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir
from atelier_tui.teksten import export as E
from atelier_tui.widgets.dialogs import ChoiceDialog
from atelier_tui.widgets.form import Choice, FormDialog
from atelier_tui.widgets.records import RecordList

from .screen import saved, screen_text, wait_until

SIZE = (120, 40)


async def _list(sessions_dir, step: str, list_id: str):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step=step)
    return app, path, list_id


async def _focus_list(pilot, list_id: str) -> RecordList:
    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen) and app.screen.query(f"#{list_id}"), "step")

    def list_focused() -> bool:
        records = app.screen.query_one(f"#{list_id}", RecordList)
        if not records.has_focus:
            records.focus()
        return records.has_focus

    await wait_until(pilot, list_focused, "the list to take the keys")
    return app.screen.query_one(f"#{list_id}", RecordList)


async def _open_new(pilot, list_id: str) -> FormDialog:
    app = pilot.app
    await _focus_list(pilot, list_id)
    await pilot.press("end", "n")
    await wait_until(pilot, lambda: isinstance(app.screen, FormDialog), "the form")
    return app.screen


async def test_a_letter_picks_a_role_and_arrows_stop_at_the_ends(sessions_dir):
    app, path, list_id = await _list(sessions_dir, "sessie", "deelnemers")
    async with app.run_test(size=SIZE) as pilot:
        form = await _open_new(pilot, list_id)
        await pilot.press(*"Sam Berg", "tab", "tab")
        rol = form.query_one("#f-rol", Choice)
        assert rol.has_focus
        await pilot.press("g")
        assert rol.label == "Griffier"
        await pilot.press(*["right"] * (len(E.ROL_LABEL) + 1))
        assert rol.label == list(E.ROL_LABEL.values())[-1]  # the last one: no wrapping to the first
        await pilot.press(*["left"] * (len(E.ROL_LABEL) + 1))
        assert rol.label == "Raadslid"
        await pilot.press("w")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the form to close")
        assert (saved(path).deelnemers[-1].naam, saved(path).deelnemers[-1].rol) == ("Sam Berg", "wethouder")


async def test_the_fracties_entered_are_offered(sessions_dir):
    app, path, list_id = await _list(sessions_dir, "sessie", "deelnemers")
    async with app.run_test(size=SIZE) as pilot:
        known = sorted({p.fractie for p in saved(path).deelnemers if p.fractie})
        assert known, "the demo has fracties"
        form = await _open_new(pilot, list_id)
        assert "Al genoemd: " + known[0].split()[0] in screen_text(app)
        await pilot.press(*"Ida Vos", "tab", *known[0][:3].lower(), "right")
        await wait_until(pilot, lambda: form.query_one("#f-fractie").value == known[0], "the fractie to be taken")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the form to close")
        assert saved(path).deelnemers[-1].fractie == known[0]


async def test_escape_with_a_draft_asks_and_can_go_on_typing(sessions_dir):
    app, path, list_id = await _list(sessions_dir, "sessie", "deelnemers")
    async with app.run_test(size=SIZE) as pilot:
        count = len(saved(path).deelnemers)
        form = await _open_new(pilot, list_id)
        await pilot.press(*"Noor Dekker")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question")
        assert "Weggooien?" in screen_text(app)
        await pilot.press("enter")  # the first button: Verder typen
        await wait_until(pilot, lambda: app.screen is form, "the form again")
        assert form.query_one("#f-naam").value == "Noor Dekker"
        await pilot.press(*" jr", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the form to close")
        assert [p.naam for p in saved(path).deelnemers][count:] == ["Noor Dekker jr"]


async def test_escape_can_throw_the_draft_away_and_closes_at_once_when_little_was_typed(sessions_dir):
    app, path, list_id = await _list(sessions_dir, "sessie", "deelnemers")
    async with app.run_test(size=SIZE) as pilot:
        before = saved(path).deelnemers
        await _open_new(pilot, list_id)
        await pilot.press(*"Noor Dekker", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question")
        await pilot.press("tab", "enter")  # Weggooien
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the step")
        await _open_new(pilot, list_id)
        await pilot.press("N", "o", "escape")  # two letters: no question
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the step")
        assert saved(path).deelnemers == before


async def test_a_second_position_for_the_same_fractie_is_refused(sessions_dir):
    app, path, list_id = await _list(sessions_dir, "ambitie", "fracties")
    async with app.run_test(size=SIZE) as pilot:
        before = saved(path).ambitie.fracties
        assert before, "the demo has positions"
        taken = before[0].fractie
        form = await _open_new(pilot, list_id)
        await pilot.press(*taken.upper(), "ctrl+s")
        await wait_until(pilot, lambda: "heeft al een positie" in screen_text(app), "the refusal")
        assert app.screen is form  # still open: nothing typed is lost
        form.query_one("#f-fractie").value = "Nieuwe Fractie"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the form to close")
        after = saved(path).ambitie.fracties
        assert [f.fractie for f in after] == [f.fractie for f in before] + ["Nieuwe Fractie"]


async def test_a_long_form_at_80x24_shows_its_buttons_and_scrolls(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="sessie")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen) and app.screen.focused, "the step")
        app.screen.query_one("#sessie-details").focus()
        await wait_until(pilot, lambda: app.screen.query_one("#sessie-details").has_focus, "the facts")
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog), "the form")
        assert "Bewaren (Ctrl+S)" in screen_text(app)
        assert "Werkatelier 2: plaats" not in screen_text(app)  # the last field: below, out of view
        await pilot.press(*["tab"] * 10)
        await wait_until(pilot, lambda: "Werkatelier 2: plaats" in screen_text(app), "the last field scrolled in")
        assert "Bewaren (Ctrl+S)" in screen_text(app)


async def test_arrows_in_a_list_stop_at_the_ends(sessions_dir):
    app, path, list_id = await _list(sessions_dir, "sessie", "deelnemers")
    async with app.run_test(size=SIZE) as pilot:
        records = await _focus_list(pilot, list_id)
        count = len(saved(path).deelnemers)
        await pilot.press(*["down"] * (count + 3))
        assert records.highlighted == count - 1  # the last one, not back at the top
        await pilot.press(*["up"] * (count + 3))
        assert records.highlighted == 0


async def test_the_head_of_the_verslag_is_filled_in_on_the_sessie_step(sessions_dir):
    """Voorzitter, who made the verslag, its status and the end time: set in the app, printed in the verslag."""
    from atelier_tui.export import render

    from .screen import open_step, saved

    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="sessie")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_step(pilot)
        view.query_one("#verslag-details").focus()
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog), "the form of the verslag")
        await pilot.press("ctrl+a", "ctrl+k", *"De voorzitter van de raad", "tab", "ctrl+a", "ctrl+k", *"de griffie")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, FormDialog), "the form closed")
    session = saved(path)
    assert session.verslag.voorzitter == "De voorzitter van de raad"
    assert session.verslag.opgesteld_door == "de griffie"
    assert "voorzitter: de voorzitter van de raad" in render(session, "md").lower()
