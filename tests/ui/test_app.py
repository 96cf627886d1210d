"""Pilot tests of the app shell: home screen, opening, step navigation, save state."""

from __future__ import annotations

import errno
import json

from textual.widgets import DataTable, Input

from atelier_tui.app import AtelierApp
from atelier_tui.domain import builtin
from atelier_tui.screens.help import HelpScreen
from atelier_tui.screens.home import HomeScreen
from atelier_tui.screens.session import SaveIndicator, SessionHeader, SessionScreen
from atelier_tui.store import atomic
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session
from atelier_tui.widgets.dialogs import ChoiceDialog

from .screen import saved, settle, wait_for, wait_until

SIZE = (120, 40)


def _text(widget) -> str:
    return str(widget.render())


async def _wait_for_session(pilot) -> SessionScreen:
    await wait_for(pilot, SessionScreen)
    return pilot.app.screen


async def test_home_lists_sessions_and_opens_one(sessions_dir):
    create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        assert "Lindewaard" in str(table.get_row_at(0)[1])
        await pilot.press("enter")
        screen = await _wait_for_session(pilot)
        assert "Lindewaard" in _text(screen.query_one(SessionHeader))
        assert _text(screen.query_one(SaveIndicator)) == "opgeslagen"
        await pilot.press("escape")  # from the step to the step list
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape", "escape", "escape")  # stray Escapes never leave the session
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("ctrl+w")  # leaving is deliberate, with a question
        await wait_for(pilot, ChoiceDialog)
        await pilot.press("enter")  # "Ja"
        await wait_for(pilot, HomeScreen)


async def test_new_session_from_the_home_screen(sessions_dir):
    app = AtelierApp(sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Najaar 2026")
        await pilot.press("enter")
        await pilot.press(*"Lindewaard")
        await pilot.press("enter")
        screen = await _wait_for_session(pilot)
        assert screen.session.gemeente == "Lindewaard"
    assert (sessions_dir / "najaar-2026.json").exists()


async def test_new_session_refuses_an_existing_name(sessions_dir):
    SessionsDir(sessions_dir).create(builtin.new_session("Bestaat"))
    app = AtelierApp(sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Bestaat", "enter", "enter")
        await pilot.pause()
        assert "al een sessie" in _text(app.screen.query_one("#fout"))
        assert isinstance(app.screen.focused, Input)


async def test_remove_moves_the_session_to_a_recoverable_place(sessions_dir):
    path = SessionsDir(sessions_dir).create(builtin.new_session("Weg ermee"))
    content = path.read_bytes()
    app = AtelierApp(sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")  # "Ja" has the focus
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 0
    assert not path.exists()
    trashed = [p for p in sessions_dir.rglob("*") if p.is_file() and p.read_bytes() == content]
    assert trashed, "the removed session must still exist somewhere in the folder"


async def test_step_navigation_is_saved_and_reopens_at_that_step(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _wait_for_session(pilot)
        assert screen.current == "sessie"
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert screen.current == "opening"
        assert "Opening" in _text(screen.query_one(SessionHeader))
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.current == "intake"
    assert json.loads(path.read_text(encoding="utf-8"))["session"]["1"]["huidige_stap"] == "intake"
    app = AtelierApp(sessions_dir, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _wait_for_session(pilot)
        assert screen.current == "intake"


async def test_step_option_opens_a_step_directly(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="draagvlak")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _wait_for_session(pilot)
        assert screen.current == "draagvlak"
        assert "Draagvlak" in _text(screen.query_one(SessionHeader))


async def test_second_window_is_read_only_and_says_so(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    first = open_session(path)
    try:
        app = AtelierApp(sessions_dir, open_path=path)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _wait_for_session(pilot)
            assert screen.opened.read_only
            assert _text(screen.query_one(SaveIndicator)) == "alleen lezen"
            assert "ander" in _text(screen.query_one("#readonly"))
    finally:
        first.close()


async def test_failed_save_shows_a_persistent_warning_and_recovers(sessions_dir, monkeypatch):
    path = create_demo_copy(SessionsDir(sessions_dir))
    before = path.read_bytes()
    app = AtelierApp(sessions_dir, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _wait_for_session(pilot)
        real = atomic.os.replace

        def full(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(atomic.os, "replace", full)
        await pilot.press("pagedown")
        await pilot.pause()
        assert _text(screen.query_one(SaveIndicator)) == "NIET OPGESLAGEN"
        assert path.read_bytes() == before
        monkeypatch.setattr(atomic.os, "replace", real)
        await wait_until(pilot, lambda: _text(screen.query_one(SaveIndicator)) == "opgeslagen", "the retried save", 10)
    assert json.loads(path.read_text(encoding="utf-8"))["session"]["1"]["huidige_stap"] == "intake"


async def test_help_lists_every_key_in_dutch(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await _wait_for_session(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(_text(w) for w in app.screen.query("Static"))
        for description in ("Volgende stap", "Vorige stap", "Terug", "Afsluiten"):
            assert description in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def test_corrupt_file_is_set_aside_and_backup_offered(sessions_dir):
    sessions = SessionsDir(sessions_dir)
    path = create_demo_copy(sessions)
    opened = open_session(path)  # makes a backup on open
    opened.session.gemeente = "Lindewaard-Oost"
    assert opened.save().ok
    opened.close()
    opened = open_session(path)  # a second backup, holding the change
    opened.close()
    path.write_bytes(b'{"session": {"1": {"naam": ')
    app = AtelierApp(sessions_dir, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(20):
            await pilot.pause()
        assert "beschadigd" in " ".join(_text(w) for w in app.screen.query("Static, Label")).lower()
        await pilot.press("enter")  # "Reserve terugzetten" has the focus
        screen = await _wait_for_session(pilot)
        assert screen.session.gemeente == "Lindewaard-Oost"
    aside = [p for p in sessions_dir.iterdir() if "beschadigd" in p.name]
    assert aside and aside[0].read_bytes() == b'{"session": {"1": {"naam": '


async def test_command_palette_reaches_any_step_in_dutch(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _wait_for_session(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"unusual")
        for _ in range(10):
            await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == "unusual-suspects"


async def test_a_card_being_typed_is_kept_when_the_app_stops(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="kansen-knelpunten")
    async with app.run_test(size=SIZE) as pilot:
        await _wait_for_session(pilot)
        for _ in range(5):
            await pilot.pause()
        await pilot.press(*"Nog niet bevestigd")  # the board types into its line at once
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    opened = open_session(path, writable=False)
    opened.close()
    assert any(k.tekst == "Nog niet bevestigd" for k in opened.session.kaarten)


async def test_a_card_being_typed_is_kept_when_the_step_changes(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="kansen-knelpunten")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _wait_for_session(pilot)
        for _ in range(5):
            await pilot.pause()
        await pilot.press(*"Half af")  # the board types into its line at once
        await pilot.pause()
        screen.go_to("afsluiting")  # as the command palette does
        for _ in range(5):
            await pilot.pause()
    opened = open_session(path, writable=False)
    opened.close()
    assert any(k.tekst == "Half af" for k in opened.session.kaarten)


async def test_the_step_she_goes_to_is_saved_also_when_she_quits_at_once(sessions_dir, monkeypatch):
    """The step is saved a frame after it is drawn; quitting before that frame still keeps it."""
    from atelier_tui.store.demo import create_demo_copy

    monkeypatch.setattr(SessionScreen, "_save_step", lambda self: None)  # the frame never comes

    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="opening")
    async with app.run_test(size=SIZE) as pilot:
        await _wait_for_session(pilot)
        await pilot.press("pagedown", "ctrl+q")
        await pilot.pause(0.5)
    assert saved(path).huidige_stap == "voorbeelden"
