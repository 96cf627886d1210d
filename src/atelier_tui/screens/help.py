"""Help: every key of the screen underneath, with its Dutch description, from the command table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ..commands import BY_ID, bindings, key_display, keymap_path
from ..domain import hygiene
from ..teksten import ui as T
from ..widgets.dialogs import Dialog


def help_rows(screen: Screen) -> list[tuple[str, str]]:
    """(key, description) for each command that applies on ``screen`` now, the focused widget's first."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        command = BY_ID.get(binding.id or "")
        if command is None or not command.text or command.text in seen:
            continue
        seen.add(command.text)
        rows.append((key_display(binding), command.text))
    return rows


class HelpScreen(Dialog[None]):
    """The keys of the screen underneath, in the frame every dialog shares (a little narrower)."""

    BINDINGS = bindings("help")
    DEFAULT_CSS = """
    HelpScreen > .dialog-frame { width: 64; }
    HelpScreen .help-foot { color: $text-muted; }
    """

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self._rows = rows

    def compose(self) -> ComposeResult:
        width = max((len(k) for k, _ in self._rows), default=4) + 2
        lines = "\n".join(f"{k.ljust(width)}{d}" for k, d in self._rows)
        with VerticalScroll(classes="dialog-frame"):
            yield Static(T.HULP_KOP, classes="dialog-title")
            yield Static(Content(lines))
            yield Static(Content("\n" + T.HULP_SLOT))
            pad = hygiene.clean_line(str(keymap_path()), limit=200)
            yield Static(Content(T.HULP_TOETSEN.format(pad=pad)), classes="help-foot")
