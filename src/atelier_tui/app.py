"""The Atelier app: the small wiring of screens, themes, keys and the command palette on top."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from .commands import bindings, install_keymap, key_display, palette_entries
from .keyorder import KeyOrder
from .screens.start import StartScreen
from .teksten import themes as TT
from .teksten import ui as T
from .themes import ThemeCommands, choose_theme, install_themes, theme_variable_defaults

if TYPE_CHECKING:
    from .screens.session import SessionScreen
    from .store.repository import OpenSession, SessionsDir


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
        private: bool = False,
    ) -> None:
        """``private``: the sessions folder is the default one, which must be this user's alone."""
        super().__init__()
        self._present_path, self._demo, self._theme_arg = present_path, demo, theme
        self._open_path, self._start_step = open_path, step
        self._problems = install_themes(self, theme) + install_keymap(self)
        self._sessions_dir, self._private, self._sessions = sessions_dir, private, None
        self.error: str | None = None  # printed by the command line as plain text after the app stops
        self.goodbye: str | None = None  # likewise, but not an error (where an emergency copy is)

    @property
    def sessions(self) -> SessionsDir:
        """The sessions folder, read only when first needed (the first frame comes before the store)."""
        if self._sessions is None:
            from .store.repository import SessionsDir

            self._sessions = SessionsDir(self._sessions_dir, private=self._private)
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

    def input_waits(self) -> bool:
        """Keys typed during the start (before the first frame, or on the start screen) wait for the
        screen that follows: the session's, the list, or a question about a damaged file (KeyOrder)."""
        stack = self.screen_stack
        return not stack or isinstance(stack[-1], StartScreen) or stack[-1].id == "_default"

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return theme_variable_defaults(self.current_theme)

    def get_key_display(self, binding: Binding) -> str:
        return key_display(binding)

    def notify(self, message: str, *, title: str = "", **kwargs) -> None:
        """Every message cleaned like typed text; none on the room's screen (they are for the facilitator)."""
        from .domain.hygiene import clean

        if self._present_path is not None:
            return
        kwargs["markup"] = False
        super().notify(clean(message, multiline=True).text, title=clean(title).text, **kwargs)

    def _tell_problems(self) -> None:
        """Theme and keymap problems found at start-up, told once the facilitator's first screen is up
        (a toast sent before a screen is built never shows on it; the room's screen never gets them)."""
        from .screens.opening import start_notices

        for problem in self._problems + start_notices():
            self.notify(problem, severity="warning", markup=False, timeout=20)
        self._problems = []

    def on_mount(self) -> None:
        if sys.platform != "win32":
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self.connection_lost)
        self.push_screen(StartScreen())
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        """After the first frame (painted before the store and pydantic are imported: they cost ~100 ms
        and the room should see the app at once; see bench/RESULTS.md), open what was asked for."""
        if self._present_path is not None:
            from .screens.opening import room_screen

            screen = room_screen(self, self._present_path)
            if screen is not None:
                self.switch_screen(screen)
        elif self._demo:
            self.create_and_open()
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
            self.call_after_refresh(self._tell_problems)

    @work(exclusive=True, group="open")
    async def open_session_path(self, path: Path, step: str | None = None) -> None:
        from .screens.opening import open_or_recover
        from .screens.session import SessionScreen

        opened = await open_or_recover(self, path)
        if opened is None:
            self.show_home()
            return
        self.apply_session_theme(opened)
        for notice in opened.notices:
            self.notify(notice, markup=False, timeout=8)
        await self.push_screen(SessionScreen(opened, step), callback=lambda _: self.show_home())
        self._tell_problems()

    def apply_session_theme(self, opened: OpenSession) -> None:
        """--theme wins; otherwise the theme remembered with the session; otherwise the default."""
        self.theme, problems = choose_theme([self._theme_arg, opened.session.thema], self.available_themes)
        self._problems += problems

    def watch_theme(self, name: str) -> None:
        screen = self.session_screen if self.is_running else None
        if screen is not None:
            screen.remember_theme(name)

    def create_and_open(self, naam: str | None = None, gemeente: str = "") -> None:
        """A fresh copy of the demo (no name), or a new session called ``naam``; then open it."""
        from .domain.builtin import new_session
        from .store.demo import create_demo_copy
        from .store.repository import StoreError

        try:
            path = (
                create_demo_copy(self.sessions) if naam is None else self.sessions.create(new_session(naam, gemeente))
            )
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=10)
            self.show_home()
            return
        self.open_session_path(path, None if naam is None else "sessie")

    def on_home_screen_chosen(self, message) -> None:
        if message.path is not None:
            self.open_session_path(message.path)
        else:
            self.create_and_open(message.naam, message.gemeente)

    # Commands ------------------------------------------------------------------------------------

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=T.ZOEK_OPDRACHT, id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return palette_entries(self, screen)

    def action_choose_theme(self) -> None:
        self.push_screen(CommandPalette(providers=[ThemeCommands], placeholder=TT.THEMA_ZOEKEN))

    def action_help(self) -> None:
        from .screens.help import HelpScreen, help_rows

        self.push_screen(HelpScreen(help_rows(self.screen)))

    def action_help_quit(self) -> None:
        """Ctrl+C does not stop Atelier (it copies in text fields); say in Dutch how to stop."""
        self.notify(T.STOPPEN_UITLEG, title=T.STOPPEN_VRAAG, markup=False)

    @work(exclusive=True, group="quit")
    async def action_quit(self) -> None:
        """Ctrl+Q. While the last change is not on disk it asks first, and stops only with a copy."""
        screen = self.session_screen
        if screen is None or await screen.ready_to_stop():
            self.connection_lost()

    def _fatal_error(self) -> None:
        """An unexpected error (Textual's hook, pinned version): save what can be saved, and say in Dutch
        where the log is (no traceback on the screen; ATELIER_DEBUG=1 shows Textual's own)."""
        from .store.crashlog import crash_message

        screen = self.session_screen
        self.goodbye = screen.shut_after_crash() if screen is not None else None
        if os.environ.get("ATELIER_DEBUG"):
            return super()._fatal_error()
        self.error = crash_message(self._exception or RuntimeError())
        self._close_messages_no_wait()

    def connection_lost(self) -> None:
        """Quit, or the terminal is gone (hang-up, kill, closed input): save all that is typed, and stop."""
        self.call_later(self._stop)

    async def _stop(self) -> None:  # (an emergency copy where saving fails; the command line says where)
        screen = self.session_screen
        self.goodbye = await screen.stop() if screen is not None else None
        self.exit(0)
