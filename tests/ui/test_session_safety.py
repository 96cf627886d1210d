"""A session is never stuck or lost: taking over from a frozen window, and stopping while unsaved."""

from __future__ import annotations

import errno
import json
from pathlib import Path

from atelier_tui.app import AtelierApp
from atelier_tui.screens import session_lock
from atelier_tui.screens.session import SaveIndicator, SessionScreen
from atelier_tui.store import atomic
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session
from atelier_tui.widgets.dialogs import ChoiceDialog
from atelier_tui.widgets.form import FormDialog

from ..pty import atelier
from .screen import open_step, saved, screen_text, settle, wait_for, wait_until


def _indicator(app) -> str:
    return str(app.screen.query_one(SaveIndicator).render())


async def test_a_read_only_window_becomes_writable_by_itself_when_the_other_lets_go(sessions_dir, monkeypatch):
    monkeypatch.setattr(session_lock, "LOCK_CHECK_SECONDS", 0.1)
    path = create_demo_copy(SessionsDir(sessions_dir))
    other = open_session(path)  # the other window
    app = AtelierApp(sessions_dir, open_path=path, step="sessie")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        assert _indicator(app) == "alleen lezen"
        shown = " ".join(screen_text(app).split())
        assert "Geopend sinds" in shown and "F9: overnemen" in shown
        other.close()
        await wait_until(pilot, lambda: _indicator(app) == "opgeslagen", "the window to become writable")
        # The banner goes in the next frame (a removal is processed after the message that asked for it).
        await wait_until(pilot, lambda: "Alleen lezen" not in screen_text(app), "the read-only banner to go")
        app.screen.session.facilitator = "De gespreksleider"
        assert app.screen.commit()
    assert saved(path).facilitator == "De gespreksleider"


async def test_ctrl_o_takes_over_from_a_window_that_no_longer_answers(sessions_dir):
    """The other Atelier runs in a terminal nobody reads (a frozen SSH connection): it is asked to
    save and stop, and this window goes on writing; what the other one had saved is all there."""
    path = create_demo_copy(SessionsDir(sessions_dir))
    with atelier("open", path, "--step", "opening") as other:
        other.wait_for(b"Opening", 20)
        app = AtelierApp(sessions_dir, open_path=path, step="sessie")
        async with app.run_test(size=(120, 40)) as pilot:
            await open_step(pilot)
            assert _indicator(app) == "alleen lezen"
            # Nobody reads the other terminal any more (but keep its buffer from filling up).
            with other.reading_in_background():
                await pilot.press("f9")
                await wait_for(pilot, ChoiceDialog)
                await pilot.press("enter")  # "Ja"
                await wait_until(pilot, lambda: _indicator(app) == "opgeslagen", "taking over", timeout=15)
                assert isinstance(app.screen, SessionScreen)
        assert saved(path).huidige_stap in {"sessie", "opening"}
        other.wait_exit(10, "the other window to save and stop")
        assert other.proc.returncode == 0


def _full_disk_under(folder: Path, real):
    """os.replace as on a full disk that holds ``folder`` (the user's data folder is elsewhere)."""

    def replace(src, dst, *args, **kwargs):
        if str(dst).startswith(str(folder)):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, *args, **kwargs)

    return replace


async def test_quitting_while_not_saved_asks_and_stops_only_with_an_emergency_copy(sessions_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="sessie")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)

        monkeypatch.setattr(atomic.os, "replace", _full_disk_under(sessions_dir, atomic.os.replace))
        app.screen.session.facilitator = "Alleen in het geheugen"
        assert not app.screen.commit()
        assert _indicator(app) == "NIET OPGESLAGEN"
        await pilot.press("ctrl+q")
        await wait_for(pilot, ChoiceDialog)
        assert "nog niet bewaard" in screen_text(app)
        await pilot.press("enter")  # the default: do not quit
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, SessionScreen)
        await pilot.press("ctrl+q")
        await wait_for(pilot, ChoiceDialog)
        await pilot.press("tab", "enter")  # "Noodkopie en afsluiten"
        await wait_until(pilot, lambda: not app.is_running, "the app to stop")
    copies = list((tmp_path / "data" / "atelier" / "noodkopie").glob("*.json"))
    assert len(copies) == 1
    assert json.loads(copies[0].read_text(encoding="utf-8"))["facilitator"] == "Alleen in het geheugen"
    assert str(copies[0]) in (app.goodbye or "")
    assert saved(path).facilitator != "Alleen in het geheugen"  # the session file itself was never damaged


async def test_a_hang_up_while_not_saved_writes_an_emergency_copy_that_the_next_start_names(
    sessions_dir, monkeypatch, tmp_path
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="sessie")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        real = atomic.os.replace
        monkeypatch.setattr(atomic.os, "replace", _full_disk_under(sessions_dir, real))
        app.screen.session.facilitator = "Net getypt"
        app.screen.commit()
        app.connection_lost()  # what SIGHUP, SIGTERM and a closed terminal do
        await wait_until(pilot, lambda: not app.is_running, "the app to stop")
        monkeypatch.setattr(atomic.os, "replace", real)
    [copy] = (tmp_path / "data" / "atelier" / "noodkopie").glob("*.json")
    # The copy was named when the app stopped; remove that mark to see the next start name it.
    Path(str(copy) + ".gemeld").unlink()
    again = AtelierApp(sessions_dir, open_path=path, step="sessie")
    async with again.run_test(size=(120, 40), notifications=True) as pilot:
        await open_step(pilot)
        await wait_until(pilot, lambda: "noodkopie" in screen_text(again), "the notice about the copy")


async def test_a_hang_up_keeps_what_is_typed_in_an_open_form(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="intake")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        app.screen.query_one("#intake").focus()
        await pilot.press("end", "n")
        await wait_for(pilot, FormDialog)
        await pilot.press(*"Gesprek met de dorpsraad")
        app.connection_lost()  # what SIGHUP, SIGTERM and a closed terminal do
        await wait_until(pilot, lambda: not app.is_running, "the app to stop")
    assert saved(path).intake[-1].met_wie == "Gesprek met de dorpsraad"
