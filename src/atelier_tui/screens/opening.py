"""Opening a session file for the facilitator, with the way back for a damaged one."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.screen import Screen

from ..store.repository import CorruptSession, OpenSession, StoreError, open_session, restore_backup
from ..teksten import ui as T
from ..widgets.dialogs import ChoiceDialog


async def open_or_recover(app: App, path: Path) -> OpenSession | None:
    """Open ``path`` for writing. A damaged file was set aside by the store: offer its newest good
    backup. None (after a plain message) when there is nothing to open."""
    try:
        try:
            return open_session(path)
        except CorruptSession as exc:
            choices = [("terug", T.RESERVE_TERUG), ("niet", T.RESERVE_NIET)] if exc.backup else [("ok", T.SLUITEN)]
            if await app.push_screen_wait(ChoiceDialog(T.BESCHADIGD_KOP, exc.message, choices)) != "terug":
                return None
            restore_backup(path, exc.backup)
            app.notify(T.RESERVE_GEDAAN)
            return open_session(path)
    except StoreError as exc:
        app.notify(str(exc), severity="error", markup=False, timeout=10)
        return None


def room_screen(app: App, path: Path) -> Screen | None:
    """The room's screen for ``path``: read-only, without the lock (the file handle is let go at once).
    None when it cannot be opened: the app then stops, and the command line prints why."""
    from .session import SessionScreen

    try:
        opened = open_session(path, writable=False)
    except StoreError as exc:
        app.error = str(exc)
        app.exit(1)
        return None
    opened.close()
    app.apply_session_theme(opened)
    return SessionScreen(opened, follow=True)


def start_notices() -> list[str]:
    """What the facilitator must hear when Atelier starts: emergency copies from the last stop (once)."""
    from ..store.emergency import mark_told, untold_copies

    notices = []
    for copy in untold_copies():
        notices.append(T.NOODKOPIE_GEVONDEN.format(pad=copy))
        mark_told(copy)
    return notices
