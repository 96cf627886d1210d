"""Modal dialogs: the frame they share, confirm, a message with choices, new session."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, ScreenResultType
from textual.widgets import Button, Input, Label, Static

from ..commands import bindings
from ..teksten import ui as T


class Dialog(ModalScreen[ScreenResultType]):
    """The frame every dialog shares: centred over the screen, one thick border, the surface colour.

    A dialog composes one container with the class ``dialog-frame`` (a ``Vertical`` or a
    ``VerticalScroll``), and inside it may use ``dialog-title``, ``dialog-buttons`` and
    ``dialog-error``. A dialog that needs another width sets it on ``Name > .dialog-frame``.
    """

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > .dialog-frame {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    Dialog .dialog-title { text-style: bold; margin-bottom: 1; }
    Dialog .dialog-error { color: $error; height: auto; }
    Dialog .dialog-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    Dialog .dialog-buttons Button { margin-left: 2; }
    Dialog .dialog-buttons.-stacked { layout: vertical; align-horizontal: left; }
    Dialog .dialog-buttons.-stacked Button { width: 100%; margin: 0; }
    """


class ChoiceDialog(Dialog[str | None]):
    """A message with a row of buttons; dismisses with the id of the chosen button, or None.

    ``message`` is shown literally (never as markup): it may contain user text.
    """

    BINDINGS = bindings("dialog")

    def __init__(self, title: str, message: str, choices: list[tuple[str, str]], *, stacked: bool = False) -> None:
        """``stacked``: the choices one under the other (for long ones)."""
        super().__init__()
        self._title = title
        self._message = message
        self._choices = choices
        self._stacked = stacked

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-frame"):
            yield Label(Content(self._title), classes="dialog-title")
            yield Static(Content(self._message))
            with Horizontal(classes="dialog-buttons -stacked" if self._stacked else "dialog-buttons"):
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


class NewSessionDialog(Dialog[tuple[str, str] | None]):
    """Asks for the name of a new session and its municipality."""

    BINDINGS = bindings("dialog")

    def __init__(self, exists) -> None:
        super().__init__()
        self._exists = exists

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-frame"):
            yield Label(T.NIEUW_KOP, classes="dialog-title")
            yield Label(T.NIEUW_NAAM)
            yield Input(placeholder=T.NIEUW_NAAM_VOORBEELD, id="naam", max_length=200)
            yield Label(T.NIEUW_GEMEENTE)
            yield Input(placeholder=T.NIEUW_GEMEENTE_VOORBEELD, id="gemeente", max_length=200)
            yield Static("", id="fout", classes="dialog-error")
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
