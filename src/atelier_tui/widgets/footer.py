"""The footer: the keys of what has the focus, with how to get help and how to stop always in view.

Textual's footer cuts the keys on the right at 80 columns; help and stopping are what a new user needs
most, so they stand on the right (like Ctrl+P), never cut. Help says F1, which works everywhere (``?``
is a letter in the board's line).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from ..commands import BY_ID, key_name

#: Always on the right, in this order (the command palette's key stands right of them).
ALWAYS = ("app.help", "app.quit")


class AtelierFooter(Footer):
    def compose(self) -> ComposeResult:
        fixed = {BY_ID[i].action for i in ALWAYS}
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in fixed:
                continue
            yield widget
        if not self._bindings_ready:
            return
        for command_id in ALWAYS:
            command = BY_ID[command_id]
            key = "f1" if command_id == "app.help" else command.keys.split(",")[0]
            yield FooterKey(key, key_name(key), command.text, command.action, classes="-command-palette -always")
