"""Small modal dialogs: confirm, message with choices, new session."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ..commands import bindings
from ..teksten import ui as T


class ChoiceDialog(ModalScreen[str | None]):
    """A message with a row of buttons; dismisses with the id of the chosen button, or None.

    ``message`` is shown literally (never as markup): it may contain user text.
    """

    DEFAULT_CSS = """
    ChoiceDialog { align: center middle; }
    ChoiceDialog > Vertical {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    ChoiceDialog .dialog-title { text-style: bold; margin-bottom: 1; }
    ChoiceDialog .dialog-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    ChoiceDialog Button { margin-left: 2; }
    """
    BINDINGS = bindings("dialog")

    def __init__(self, title: str, message: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self._title = title
        self._message = message
        self._choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(self._title), classes="dialog-title")
            yield Static(Content(self._message))
            with Horizontal(classes="dialog-buttons"):
                for i, (key, label) in enumerate(self._choices):
                    yield Button(Content(label), id=key, variant="primary" if i == 0 else "default")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def confirm(title: str, message: str) -> ChoiceDialog:
    return ChoiceDialog(title, message, [("ja", T.BEVESTIG), ("nee", T.ANNULEER)])


class NewSessionDialog(ModalScreen[tuple[str, str] | None]):
    """Asks for the name of a new session and its municipality."""

    DEFAULT_CSS = """
    NewSessionDialog { align: center middle; }
    NewSessionDialog > Vertical {
        width: 70; max-width: 95%; height: auto;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    NewSessionDialog .dialog-title { text-style: bold; margin-bottom: 1; }
    NewSessionDialog #fout { color: $error; height: auto; }
    NewSessionDialog .dialog-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    NewSessionDialog Button { margin-left: 2; }
    """
    BINDINGS = bindings("dialog")

    def __init__(self, exists) -> None:
        super().__init__()
        self._exists = exists

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(T.NIEUW_KOP, classes="dialog-title")
            yield Label(T.NIEUW_NAAM)
            yield Input(placeholder=T.NIEUW_NAAM_VOORBEELD, id="naam", max_length=200)
            yield Label(T.NIEUW_GEMEENTE)
            yield Input(placeholder=T.NIEUW_GEMEENTE_VOORBEELD, id="gemeente", max_length=200)
            yield Static("", id="fout")
            with Horizontal(classes="dialog-buttons"):
                yield Button(T.NIEUW_MAKEN, id="maken", variant="primary")
                yield Button(T.ANNULEREN, id="annuleer")

    @on(Input.Submitted, "#naam")
    def _next(self) -> None:
        self.query_one("#gemeente", Input).focus()

    @on(Input.Submitted, "#gemeente")
    @on(Button.Pressed, "#maken")
    def _make(self) -> None:
        from ..domain.hygiene import clean_line

        naam = clean_line(self.query_one("#naam", Input).value)
        gemeente = clean_line(self.query_one("#gemeente", Input).value)
        fout = self.query_one("#fout", Static)
        if not naam:
            fout.update(T.NIEUW_NAAM_LEEG)
            self.query_one("#naam", Input).focus()
        elif self._exists(naam):
            fout.update(T.NIEUW_BESTAAT)
            self.query_one("#naam", Input).focus()
        else:
            self.dismiss((naam, gemeente))

    @on(Button.Pressed, "#annuleer")
    def action_cancel(self) -> None:
        self.dismiss(None)
