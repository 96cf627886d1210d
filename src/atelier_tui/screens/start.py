"""The first frame: the app's name while the session is being opened."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ..teksten import ui as T


class StartScreen(Screen):
    DEFAULT_CSS = """
    StartScreen { align: center middle; }
    StartScreen Static { width: auto; height: auto; color: $text-muted; }
    StartScreen #start-title { text-style: bold; color: $primary; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Content(f"{T.TITEL} — {T.ONDERTITEL}"), id="start-title")
        yield Static(Content(T.EVEN_GEDULD))
