"""The Atelier app: wiring of screens, sessions and commands."""

from __future__ import annotations

from pathlib import Path

import asyncio
import os
import signal
import sys
from collections.abc import Iterable
from functools import partial

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.command import CommandPalette
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from .domain.steps import steps
from .screens.home import HomeScreen
from .screens.session import SessionScreen
from .store.repository import CorruptSession, OpenSession, SessionsDir, StoreError, open_session, restore_backup
from .teksten import ui as T
from .widgets.dialogs import ChoiceDialog


def _declared_here(node: object, binding: Binding) -> bool:
    """True when the binding comes from Atelier's own classes, not from a Textual widget."""
    for cls in type(node).__mro__:
        if cls.__module__.startswith("atelier_tui"):
            for declared in cls.__dict__.get("BINDINGS", ()):
                if isinstance(declared, Binding) and declared.action == binding.action:
                    return True
    return False


class HelpScreen(ModalScreen[None]):
    """Every key of the screen underneath, with its Dutch description."""

    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss", T.SLUITEN)]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 64; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    HelpScreen .help-title { text-style: bold; margin-bottom: 1; }
    """

    def __init__(self, bindings: list[tuple[str, str]]) -> None:
        super().__init__()
        self._rows = bindings

    def compose(self) -> ComposeResult:
        width = max((len(k) for k, _ in self._rows), default=4) + 2
        lines = "\n".join(f"{k.ljust(width)}{d}" for k, d in self._rows)
        with VerticalScroll():
            yield Static(T.HULP_KOP, classes="help-title")
            yield Static(Content(lines))
            yield Static(Content("\n" + T.HULP_SLOT))


class AtelierApp(App[int]):
    TITLE = T.TITEL
    SUB_TITLE = T.ONDERTITEL
    BINDINGS = [
        Binding("ctrl+q", "quit", T.AFSLUITEN, priority=True, show=False),
        Binding("ctrl+p", "command_palette", T.OPDRACHTEN, priority=True, show=False, key_display="^p"),
    ]

    def __init__(
        self,
        sessions_dir: Path,
        open_path: Path | None = None,
        step: str | None = None,
        present_path: Path | None = None,
    ) -> None:
        super().__init__()
        self._present_path = present_path
        self.sessions = SessionsDir(sessions_dir)
        self._open_path = open_path
        self._start_step = step
        self.opened: OpenSession | None = None

    def get_driver_class(self):  # noqa: ANN201
        """On Linux and macOS a driver that notices a closed connection (see driver.py)."""
        if sys.platform != "win32" and not os.environ.get("TEXTUAL_DRIVER"):
            from .driver import AtelierDriver

            return AtelierDriver
        return super().get_driver_class()

    def on_mount(self) -> None:
        if sys.platform != "win32":
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self.connection_lost)
        if self._present_path is not None:
            self.present(self._present_path)
            return
        self.push_screen(HomeScreen())
        if self._open_path is not None:
            self.open_session_path(self._open_path, self._start_step)

    # Sessions ------------------------------------------------------------------------------

    @work(exclusive=True, group="open")
    async def open_session_path(self, path: Path, step: str | None = None) -> None:
        self.close_session()
        try:
            opened = open_session(path)
        except CorruptSession as exc:
            if exc.backup is None:
                await self.push_screen_wait(ChoiceDialog(T.BESCHADIGD_KOP, exc.message, [("ok", T.SLUITEN)]))
                self._refresh_home()
                return
            answer = await self.push_screen_wait(
                ChoiceDialog(T.BESCHADIGD_KOP, exc.message, [("terug", T.RESERVE_TERUG), ("niet", T.RESERVE_NIET)])
            )
            if answer != "terug":
                self._refresh_home()
                return
            restore_backup(path, exc.backup)
            self.notify(T.RESERVE_GEDAAN)
            try:
                opened = open_session(path)
            except StoreError as again:
                self.notify(str(again), severity="error", markup=False, timeout=10)
                self._refresh_home()
                return
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=10)
            return
        self.opened = opened
        for notice in opened.notices:
            self.notify(notice, markup=False, timeout=8)
        await self.push_screen(SessionScreen(opened, step))

    def present(self, path: Path) -> None:
        """A read-only window for the room that follows the facilitator's session (no lock)."""
        try:
            opened = open_session(path, writable=False)
        except StoreError as exc:
            self.exit(1, message=str(exc))
            return
        opened.close()
        self.push_screen(SessionScreen(opened, follow=True))

    def create_and_open(self, naam: str, gemeente: str) -> None:
        from .domain.builtin import new_session

        try:
            path = self.sessions.create(new_session(naam, gemeente))
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.open_session_path(path, "sessie")

    def open_demo_copy(self) -> None:
        from .store.demo import create_demo_copy

        try:
            path = create_demo_copy(self.sessions)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.open_session_path(path)

    def close_session(self) -> None:
        if self.opened is not None:
            if self.opened.dirty and not self.opened.read_only:
                self.opened.save()
            self.opened.close()
            self.opened = None
        if isinstance(self.screen, SessionScreen):
            self.pop_screen()
        self._refresh_home()

    def _refresh_home(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.refresh_list()

    # Command palette ---------------------------------------------------------------------

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=T.ZOEK_OPDRACHT, id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if isinstance(screen, SessionScreen):
            for s in steps():
                yield SystemCommand(
                    T.NAAR_STAP.format(stap=s.titel), f"{s.groep}: {s.uitleg}", partial(screen.go_to, s.key)
                )
            yield SystemCommand(T.SESSIES, T.SESSIES_UITLEG, self.close_session)
        yield SystemCommand(T.HULP, T.HULP_UITLEG, self.action_help)
        yield SystemCommand(T.AFSLUITEN, T.AFSLUITEN_UITLEG, self.action_quit)

    # Help ----------------------------------------------------------------------------------

    def action_help(self) -> None:
        rows: list[tuple[str, str]] = []
        actions: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if _declared_here(active.node, binding) and binding.description and binding.action not in actions:
                actions.add(binding.action)
                rows.append((binding.key_display or self.get_key_display(binding), binding.description))
        self.push_screen(HelpScreen(rows))

    def action_quit(self) -> None:
        self.close_session()
        self.exit(0)

    def connection_lost(self) -> None:
        """The terminal is gone (hang-up, kill, closed input): save what is unsaved and stop."""
        if self.opened is not None:
            if self.opened.dirty and not self.opened.read_only:
                self.opened.save()
            self.opened.close()
            self.opened = None
        self.exit(0)
