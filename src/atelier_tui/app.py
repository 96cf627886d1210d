"""The Atelier app: the small wiring of screens, themes, keys and the command palette on top."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from .commands import bindings, key_display, keymap_path, load_keymap, palette_commands
from .domain.steps import steps
from .keyorder import KeyOrder
from .screens.start import StartScreen
from .teksten import themes as TT
from .teksten import ui as T
from .themes import ThemeCommands, choose_theme, load_themes, theme_variable_defaults
from .widgets.dialogs import ChoiceDialog

if TYPE_CHECKING:
    from .screens.session import SessionScreen
    from .store.repository import OpenSession, SessionsDir

# Start-up paints a first frame before it imports the store and the session models (pydantic):
# they cost ~100 ms, and the room should see the app at once. See bench/RESULTS.md.


class AtelierApp(KeyOrder, App[int]):
    TITLE = T.TITEL
    SUB_TITLE = T.ONDERTITEL
    BINDINGS = bindings("app")

    def __init__(
        self,
        sessions_dir: Path,
        open_path: Path | None = None,
        step: str | None = None,
        present_path: Path | None = None,
        theme: str | None = None,
        demo: bool = False,
    ) -> None:
        super().__init__()
        self._present_path, self._demo, self._theme_arg = present_path, demo, theme
        self._open_path, self._start_step = open_path, step
        themes, self._problems = load_themes()
        for t in themes:
            self.register_theme(t)
        self.theme, problems = choose_theme([theme], self.available_themes)
        keymap, keymap_problems = load_keymap(keymap_path())
        self.set_keymap(keymap)
        self._problems += problems + keymap_problems
        self._sessions_dir = sessions_dir
        self._sessions: SessionsDir | None = None
        self.error: str | None = None  # printed by the command line as plain text after the app stops

    @property
    def sessions(self) -> SessionsDir:
        if self._sessions is None:
            from .store.repository import SessionsDir

            self._sessions = SessionsDir(self._sessions_dir)
        return self._sessions

    @property
    def session_screen(self) -> SessionScreen | None:
        from .screens.session import SessionScreen

        return next((s for s in self.screen_stack if isinstance(s, SessionScreen)), None)

    def get_driver_class(self):
        """On Linux and macOS a driver that notices a closed connection (see driver.py)."""
        if sys.platform != "win32" and not os.environ.get("TEXTUAL_DRIVER"):
            from .driver import AtelierDriver

            return AtelierDriver
        return super().get_driver_class()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return theme_variable_defaults(self.current_theme)

    def get_key_display(self, binding: Binding) -> str:
        return key_display(binding)

    def on_mount(self) -> None:
        for problem in self._problems:
            self.notify(problem, severity="warning", markup=False, timeout=10)
        if sys.platform != "win32":
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self.connection_lost)
        self.push_screen(StartScreen())
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        """After the first frame: load what opening a session needs, then open it."""
        if self._present_path is not None:
            self._present(self._present_path)
        elif self._demo:
            self.open_demo_copy()
        elif self._open_path is not None:
            self.open_session_path(self._open_path, self._start_step)
        else:
            self.show_home()

    # Sessions ------------------------------------------------------------------------------------

    def show_home(self) -> None:
        """The list of sessions, made only when first needed (it lists itself each time it is shown)."""
        from .screens.home import HomeScreen

        if isinstance(self.screen, StartScreen):
            self.switch_screen(HomeScreen(self.sessions))

    @work(exclusive=True, group="open")
    async def open_session_path(self, path: Path, step: str | None = None) -> None:
        from .screens.session import SessionScreen
        from .store.repository import CorruptSession, StoreError, open_session, restore_backup

        try:
            try:
                opened = open_session(path)
            except CorruptSession as exc:
                choices = [("terug", T.RESERVE_TERUG), ("niet", T.RESERVE_NIET)] if exc.backup else [("ok", T.SLUITEN)]
                if await self.push_screen_wait(ChoiceDialog(T.BESCHADIGD_KOP, exc.message, choices)) != "terug":
                    self.show_home()
                    return
                restore_backup(path, exc.backup)
                self.notify(T.RESERVE_GEDAAN)
                opened = open_session(path)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=10)
            self.show_home()
            return
        self._apply_session_theme(opened)
        for notice in opened.notices:
            self.notify(notice, markup=False, timeout=8)
        await self.push_screen(SessionScreen(opened, step), callback=lambda _: self.show_home())

    def _present(self, path: Path) -> None:
        """A read-only window for the room that follows the facilitator's session (no lock)."""
        from .screens.session import SessionScreen
        from .store.repository import StoreError, open_session

        try:
            opened = open_session(path, writable=False)
        except StoreError as exc:
            self.error = str(exc)
            self.exit(1)
            return
        opened.close()
        self._apply_session_theme(opened)
        self.switch_screen(SessionScreen(opened, follow=True))

    def _apply_session_theme(self, opened: OpenSession) -> None:
        """--theme wins; otherwise the theme remembered with the session; otherwise the default."""
        name, problems = choose_theme([self._theme_arg, opened.session.thema], self.available_themes)
        for problem in problems:
            self.notify(problem, severity="warning", markup=False)
        self.theme = name

    def watch_theme(self, name: str) -> None:
        screen = self.session_screen if self.is_running else None
        if screen is not None:
            screen.remember_theme(name)

    def _create(self, make) -> None:
        from .store.repository import StoreError

        try:
            path, step = make()
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=10)
            self.show_home()
            return
        self.open_session_path(path, step)

    def open_demo_copy(self) -> None:
        from .store.demo import create_demo_copy

        self._create(lambda: (create_demo_copy(self.sessions), None))

    def create_and_open(self, naam: str, gemeente: str) -> None:
        from .domain.builtin import new_session

        self._create(lambda: (self.sessions.create(new_session(naam, gemeente)), "sessie"))

    # What the list of sessions asks for (messages HomeScreen.Open, .New and .Demo).
    def on_home_screen_open(self, message) -> None:
        self.open_session_path(message.path)

    def on_home_screen_new(self, message) -> None:
        self.create_and_open(message.naam, message.gemeente)

    def on_home_screen_demo(self) -> None:
        self.open_demo_copy()

    # Commands ------------------------------------------------------------------------------------

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=T.ZOEK_OPDRACHT, id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        scopes = [getattr(screen, "SCOPE", ""), "app"]
        if "session" in scopes:
            for s in steps():
                yield SystemCommand(
                    T.NAAR_STAP.format(stap=s.titel), f"{s.groep}: {s.uitleg}", partial(screen.go_to, s.key)
                )
        for c in palette_commands(scopes):
            node = self if c.scope == "app" else screen
            # Stopping is found by searching, never offered in the opening list: a fast Enter
            # there would stop the app ("Afsluiten" comes first in alphabetical order).
            discover = c.id != "app.quit"
            yield SystemCommand(c.text, c.palette, partial(node.run_action, c.action), discover)

    def action_choose_theme(self) -> None:
        self.push_screen(CommandPalette(providers=[ThemeCommands], placeholder=TT.THEMA_ZOEKEN))

    def action_help(self) -> None:
        from .screens.help import HelpScreen, help_rows

        self.push_screen(HelpScreen(help_rows(self.screen)))

    def action_help_quit(self) -> None:
        """Ctrl+C does not stop Atelier (it copies in text fields); say in Dutch how to stop."""
        self.notify(T.STOPPEN_UITLEG, title=T.STOPPEN_VRAAG, markup=False)

    def action_quit(self) -> None:
        self.connection_lost()

    def connection_lost(self) -> None:
        """Quit, or the terminal is gone (hang-up, kill, closed input): save what is unsaved and stop."""
        screen = self.session_screen
        if screen is not None:
            screen.shut()
        self.exit(0)
