"""The yardstick for start-up and memory: the smallest Textual app that draws a frame."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App):
    def compose(self) -> ComposeResult:
        yield Static("klaar")


if __name__ == "__main__":
    Minimal().run()
