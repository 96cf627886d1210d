"""The footer: how to get help and how to stop first, then the keys of what has the focus.

Textual's footer cuts the keys on the right at 80 columns; help and stopping are what a new user needs
most, so they come first and are never cut. Help says F1, which works everywhere (``?`` is a letter
in the board's line).

Textual's footer builds itself anew each time the bindings may have changed (every focus change), and
each time the whole screen is laid out and drawn again: three or four times while a step view opens.
This one builds itself once per burst of changes, and only when the keys it shows did change.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from ..commands import BY_ID, key_name

#: Always first, in this order.
ALWAYS = ("app.help", "app.quit")
#: Next, where they apply: the round with phones (on the board the keys of the line fill the footer).
FIRST = ("session.wachtrij", "session.zaal")


class AtelierFooter(Footer):
    _shown: tuple | None = None  # what the keys were when it was last built
    _pending = False  # a rebuild is asked for after the next refresh

    def _keys_now(self) -> tuple:
        """What the footer would show now: the keys of the active bindings, and whether they work."""
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if self.is_attached and self._keys_now() != self._shown:
            await self.recompose()

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._shown = self._keys_now()
        fixed = {BY_ID[i].action for i in ALWAYS}
        for command_id in ALWAYS:
            command = BY_ID[command_id]
            key = "f1" if command_id == "app.help" else command.keys.split(",")[0]
            yield FooterKey(key, key_name(key), command.text, command.action, classes="-always")
        # Those of FIRST that apply now, then the rest as Textual's footer has them (streamed: its key
        # groups are built as they are yielded).
        shown = {b.action: b for _, b, enabled, _ in self.screen.active_bindings.values() if b.show and enabled}
        for command_id in FIRST:
            binding = shown.get(BY_ID[command_id].action)
            if binding is not None:
                fixed.add(binding.action)
                key = FooterKey(binding.key, self.app.get_key_display(binding), binding.description, binding.action)
                yield key.data_bind(compact=Footer.compact)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in fixed:
                continue
            yield widget
        self.styles.grid_size_columns = (self.styles.grid_size_columns or 0) + len(ALWAYS)
