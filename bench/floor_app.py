"""The floor of the stack, for ready-to-type and memory (issue 16).

The smallest app on the stack Atelier must use: Textual, pydantic and the project's own session
models. It reads a session file, validates its document with
``atelier_tui.domain.session.Session.model_validate_json``, paints one screen and echoes the keys
typed on it. Nothing else: no store, no lock, no step views.

    python3 bench/floor_app.py SESSION_FILE

Its "ready" (bench/run.py): the screen is painted and a key typed at once is echoed. The keys typed
before it runs wait in the terminal; Enter is echoed as " ⏎" so that the text is seen as applied.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static

from atelier_tui.domain.session import Session


def validate(path: Path) -> Session:
    """The session document in a session file (TinyDB: table "session", document "1"), validated."""
    tables = json.loads(path.read_bytes())
    ((_, document),) = tables["session"].items()
    return Session.model_validate_json(json.dumps(document))


class Floor(App):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.typed = ""

    def compose(self) -> ComposeResult:
        yield Static(Content(f"klaar: {self.session.naam}, {len(self.session.kaarten)} kaarten"))
        yield Static(id="echo")

    def on_key(self, event: events.Key) -> None:
        if event.key in ("enter", "ctrl+j"):  # an Enter typed before raw mode is a line feed
            self.typed += " ⏎"
        elif event.character and event.is_printable:
            self.typed += event.character
        else:
            return
        self.query_one("#echo", Static).update(Content(self.typed))


if __name__ == "__main__":
    Floor(validate(Path(sys.argv[1]))).run()
