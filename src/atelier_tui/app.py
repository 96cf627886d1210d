"""The Atelier app: wiring of screens, sessions and commands."""

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
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from .domain.steps import steps
from .teksten import themes as TT
from .teksten import timer as TT_TIMER
from .teksten import ui as T
from .themes import ThemeCommands, choose_theme, load_themes, theme_variable_defaults
from .widgets.dialogs import ChoiceDialog

if TYPE_CHECKING:
    from .store.repository import OpenSession, SessionsDir

# Start-up paints a first frame before it imports the store and the session models (pydantic):
# they cost ~100 ms, and the room should see the app at once. See bench/RESULTS.md.


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


class StartScreen(Screen):
    """The first frame: the app's name while the session is being opened."""

    DEFAULT_CSS = """
    StartScreen { align: center middle; }
    StartScreen Static { width: auto; height: auto; color: $text-muted; }
    StartScreen #start-title { text-style: bold; color: $primary; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Content(f"{T.TITEL} — {T.ONDERTITEL}"), id="start-title")
        yield Static(Content(T.EVEN_GEDULD))


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
        theme: str | None = None,
        demo: bool = False,
    ) -> None:
        super().__init__()
        self._present_path = present_path
        self._demo = demo
        self._theme_arg = theme
        themes, self._theme_problems = load_themes()
        for t in themes:
            self.register_theme(t)
        self.theme, problems = choose_theme([theme], self.available_themes)
        self._theme_problems += problems
        self._sessions_dir = sessions_dir
        self._sessions: SessionsDir | None = None
        self._open_path = open_path
        self._start_step = step
        self.opened: OpenSession | None = None
        self.error: str | None = None

    @property
    def sessions(self) -> SessionsDir:
        if self._sessions is None:
            from .store.repository import SessionsDir

            self._sessions = SessionsDir(self._sessions_dir)
        return self._sessions

    def get_driver_class(self):
        """On Linux and macOS a driver that notices a closed connection (see driver.py)."""
        if sys.platform != "win32" and not os.environ.get("TEXTUAL_DRIVER"):
            from .driver import AtelierDriver

            return AtelierDriver
        return super().get_driver_class()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return theme_variable_defaults(self.current_theme)

    def on_mount(self) -> None:
        for problem in self._theme_problems:
            self.notify(problem, severity="warning", markup=False, timeout=10)
        if sys.platform != "win32":
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self.connection_lost)
        self.push_screen(StartScreen())
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        """After the first frame: load what opening a session needs, then open it."""
        from .screens.home import HomeScreen
        from .store.repository import StoreError

        if self._present_path is not None:
            self.present(self._present_path)
            return
        if not self._demo and self._open_path is None:
            self.switch_screen(HomeScreen())
            return
        # Opening a session straight away: the list of sessions is made only when she goes back.
        if self._demo:
            from .store.demo import create_demo_copy

            try:
                self._open_path = create_demo_copy(self.sessions)
            except StoreError as exc:
                self.notify(str(exc), severity="error", markup=False, timeout=10)
                self._refresh_home()
                return
        self.open_session_path(self._open_path, self._start_step)

    # Sessions ------------------------------------------------------------------------------

    @work(exclusive=True, group="open")
    async def open_session_path(self, path: Path, step: str | None = None) -> None:
        from .screens.session import SessionScreen
        from .store.repository import CorruptSession, StoreError, open_session, restore_backup

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
        self._apply_session_theme(opened)
        for notice in opened.notices:
            self.notify(notice, markup=False, timeout=8)
        await self.push_screen(SessionScreen(opened, step))

    def present(self, path: Path) -> None:
        """A read-only window for the room that follows the facilitator's session (no lock)."""
        from .screens.session import SessionScreen
        from .store.repository import StoreError, open_session

        try:
            opened = open_session(path, writable=False)
        except StoreError as exc:
            self.error = str(exc)  # printed by the command line as plain text
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
        """Remember a theme chosen during a session with that session."""
        opened = getattr(self, "opened", None)  # also called while __init__ sets the first theme
        if opened is None or opened.read_only or opened.session.thema == name:
            return
        opened.session.thema = name
        from .screens.session import SessionScreen

        if isinstance(self.screen, SessionScreen):
            self.screen.save()
        else:
            opened.save()

    def create_and_open(self, naam: str, gemeente: str) -> None:
        from .domain.builtin import new_session
        from .store.repository import StoreError

        try:
            path = self.sessions.create(new_session(naam, gemeente))
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.open_session_path(path, "sessie")

    def open_demo_copy(self) -> None:
        from .store.demo import create_demo_copy
        from .store.repository import StoreError

        try:
            path = create_demo_copy(self.sessions)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.open_session_path(path)

    def close_session(self) -> None:
        from .screens.session import SessionScreen

        self._save_pending()
        if self.opened is not None:
            if self.opened.dirty and not self.opened.read_only:
                self.opened.save()
            self.opened.close()
            self.opened = None
        if isinstance(self.screen, SessionScreen):
            self.pop_screen()
        self._refresh_home()

    def _refresh_home(self) -> None:
        from .screens.home import HomeScreen

        if isinstance(self.screen, StartScreen):
            self.switch_screen(HomeScreen())  # its mount lists the sessions
            return
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.refresh_list()

    # Command palette ---------------------------------------------------------------------

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=T.ZOEK_OPDRACHT, id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from .screens.session import SessionScreen

        if isinstance(screen, SessionScreen):
            for s in steps():
                yield SystemCommand(
                    T.NAAR_STAP.format(stap=s.titel), f"{s.groep}: {s.uitleg}", partial(screen.go_to, s.key)
                )
            yield SystemCommand(TT_TIMER.TIJDVAK, TT_TIMER.TIJDVAK_UITLEG, screen.action_set_timebox)
            yield SystemCommand(T.PRESENTATIE, T.PRESENTATIE_UITLEG, screen.action_toggle_presenter)
            yield SystemCommand(T.SESSIES, T.SESSIES_UITLEG, self.close_session)
        yield SystemCommand(TT.THEMA_KIEZEN, TT.THEMA_KIEZEN_UITLEG, self.action_choose_theme)
        yield SystemCommand(T.HULP, T.HULP_UITLEG, self.action_help)
        yield SystemCommand(T.AFSLUITEN, T.AFSLUITEN_UITLEG, self.action_quit)

    def action_choose_theme(self) -> None:
        self.push_screen(CommandPalette(providers=[ThemeCommands], placeholder=TT.THEMA_ZOEKEN))

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

    def action_help_quit(self) -> None:
        """Ctrl+C does not stop Atelier (it copies in text fields); say in Dutch how to stop."""
        self.notify(T.STOPPEN_UITLEG, title=T.STOPPEN_VRAAG, markup=False)

    def action_quit(self) -> None:
        self.close_session()
        self.exit(0)

    def _save_pending(self) -> None:
        """A card being typed is kept when the session closes or the app stops."""
        from .screens.session import SessionScreen

        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.save_pending()

    def connection_lost(self) -> None:
        """The terminal is gone (hang-up, kill, closed input): save what is unsaved and stop."""
        self._save_pending()
        if self.opened is not None:
            if self.opened.dirty and not self.opened.read_only:
                self.opened.save()
            self.opened.close()
            self.opened = None
        self.exit(0)
