"""A modal form for one record: one-line texts, longer texts, choices, dates, times and numbers.

The form only gathers and parses values; the caller validates them against the model and saves.
Every label and message is trusted text; every value typed is user text and is shown literally.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any, Literal

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static, TextArea

from ..commands import bindings
from ..domain import hygiene
from ..teksten import ui as T
from .dialogs import ChoiceDialog, Dialog

Kind = Literal["line", "block", "choice", "date", "time", "number", "bool"]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: Kind = "line"
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (label, value); for "choice"
    placeholder: str = ""
    help: str = ""
    allow_blank: bool = True  # for "choice": may be left empty
    suggestions: tuple[str, ...] = ()  # for "line": earlier answers, offered while typing (→ takes one)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def format_value(spec: FieldSpec, value: Any) -> str:
    if value is None:
        return ""
    if spec.kind == "date":
        return value.strftime("%d-%m-%Y")
    if spec.kind == "time":
        return value.strftime("%H:%M")
    return str(value)


def parse_date(text: str) -> date | None:
    """'7-10-2026', '07-10-2026' or '2026-10-07'; empty gives None; raises ValueError."""
    text = text.strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})", text)
    if m:
        return date(int(m[3]), int(m[2]), int(m[1]))
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    raise ValueError(text)


def parse_time(text: str) -> time | None:
    text = text.strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{1,2})[:.](\d{2})", text)
    if not m:
        raise ValueError(text)
    return time(int(m[1]), int(m[2]))


class Choice(Widget, can_focus=True):
    """One of a few values, all in view: ←/→ (or ↑/↓) move and stop at the ends, a letter picks.

    A letter picks the first choice whose label starts with it (g: griffier); the same letter
    again picks the next one with that letter. The result never depends on how fast keys come.
    """

    BINDINGS = bindings("choice")
    DEFAULT_CSS = """
    Choice { height: auto; border: tall $panel; padding: 0 1; }
    Choice:focus { border: tall $primary; }
    """

    index: reactive[int] = reactive(0)

    class Submitted(Message):
        """Enter: go on to the next field."""

        def __init__(self, choice: Choice) -> None:
            super().__init__()
            self.choice = choice

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(self, options: list[tuple[str, Any]], value: Any = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._options = options
        self.set_reactive(Choice.index, next((i for i, (_, v) in enumerate(options) if v == value), 0))

    @property
    def value(self) -> Any:
        return self._options[self.index][1]

    @value.setter
    def value(self, value: Any) -> None:
        self.index = next(i for i, (_, v) in enumerate(self._options) if v == value)

    @property
    def label(self) -> str:
        return self._options[self.index][0]

    def render(self) -> Content:
        parts = []
        for i, (label, _) in enumerate(self._options):
            name = label.replace(" ", "\xa0")  # wrap between choices, never inside one
            if i == self.index:
                parts.append(Content.styled("●\xa0" + name, "bold reverse" if self.has_focus else "bold"))
            else:
                parts.append(Content.styled("○\xa0" + name, "$text-muted"))
        return Content("   ").join(parts)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_step(self, delta: int) -> None:
        self.index = max(0, min(len(self._options) - 1, self.index + delta))

    def action_end(self, last: bool) -> None:
        self.index = len(self._options) - 1 if last else 0

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self))

    def on_key(self, event: events.Key) -> None:
        char = event.character
        if char is None or len(char) != 1 or not char.isalnum():
            return
        event.stop()
        event.prevent_default()
        starts = [i for i, (label, _) in enumerate(self._options) if label.lower().startswith(char.lower())]
        if starts:
            later = [i for i in starts if i > self.index]
            self.index = later[0] if self.index in starts and later else starts[0]


FIELD_WIDGETS = "Input, TextArea, Choice"


class FormDialog(Dialog[dict[str, Any] | None]):
    """Edit the fields of one record. Dismisses with the parsed values, or None."""

    DEFAULT_CSS = """
    FormDialog > .dialog-frame { width: 84; max-width: 98%; max-height: 96%; padding: 0 1; }
    FormDialog .dialog-title { padding: 0 1; height: 1; margin: 0; }
    FormDialog VerticalScroll { height: auto; max-height: 1fr; padding: 0 1; }
    FormDialog .form-label { margin-top: 1; height: 1; }
    FormDialog .form-help { color: $text-muted; height: auto; }
    FormDialog TextArea { height: 6; }
    FormDialog .dialog-error { padding: 0 1; }
    FormDialog .dialog-buttons { margin-top: 0; padding: 0 1; }
    """
    BINDINGS = bindings("form")

    #: Escape asks before it throws away more than this many typed characters.
    FEW_CHARACTERS = 3

    def __init__(
        self,
        title: str,
        fields: list[FieldSpec],
        values: dict[str, Any] | None = None,
        *,
        refuse: Callable[[dict[str, Any]], str | None] | None = None,
    ) -> None:
        """``refuse`` gets the parsed values and returns why they cannot be saved (the form stays open)."""
        super().__init__()
        self._title = title
        self._fields = fields
        self._refuse = refuse
        self._typed_at_start: dict[str, str] = {}
        self._values = values or {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-frame"):
            yield Static(Content(self._title), classes="dialog-title")
            with VerticalScroll():
                for spec in self._fields:
                    label = spec.label + (" *" if spec.required else "")
                    yield Label(Content(label), classes="form-label")
                    value = self._values.get(spec.name)
                    wid = f"f-{spec.name}"
                    if spec.kind == "block":
                        area = TextArea(format_value(spec, value), id=wid, soft_wrap=True, show_line_numbers=False)
                        yield area
                    elif spec.kind in ("choice", "bool"):
                        choices = list(spec.choices or ((T.JA, True), (T.NEE, False)))
                        if spec.allow_blank:
                            choices.insert(0, (T.GEEN_KEUZE, None))
                        yield Choice(choices, value, id=wid)
                    else:
                        limit = hygiene.SHORT_LIMIT if spec.kind == "line" else 12
                        yield Input(
                            format_value(spec, value),
                            placeholder=spec.placeholder or _placeholder(spec.kind),
                            id=wid,
                            max_length=limit,
                            suggester=SuggestFromList(spec.suggestions, case_sensitive=False)
                            if spec.suggestions
                            else None,
                        )
                    if spec.help:
                        yield Static(Content(spec.help), classes="form-help")
            yield Static("", id="form-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(T.BEWAREN_KNOP, id="bewaar", variant="primary")
                yield Button(T.ANNULEREN, id="annuleer")

    def on_mount(self) -> None:
        self._typed_at_start = self._typed()
        self._fit()
        self.query(FIELD_WIDGETS).first().focus()

    def on_resize(self) -> None:
        self._fit()

    #: Lines of the frame around the fields: border, title, message and the row of buttons.
    FRAME_LINES = 8

    def _fit(self) -> None:
        """The fields scroll, so that the buttons stay in view however small the terminal is."""
        fields = self.query_one(VerticalScroll)
        fields.styles.max_height = max(3, int(self.size.height * 0.96) - self.FRAME_LINES)

    def _typed(self) -> dict[str, str]:
        """The text in every text field now."""
        return {w.id or "": w.text if isinstance(w, TextArea) else w.value for w in self.query("Input, TextArea")}

    def typed_since_open(self) -> int:
        """How many characters were typed (or pasted) into the fields since the form opened."""
        now = self._typed()
        return sum(_inserted(before, now.get(k, before)) for k, before in self._typed_at_start.items())

    @on(Input.Submitted)
    @on(Choice.Submitted)
    def _next_field(self, event: Input.Submitted | Choice.Submitted) -> None:
        event.stop()
        widgets = list(self.query(FIELD_WIDGETS))
        index = widgets.index(event.control)
        if index + 1 < len(widgets):
            widgets[index + 1].focus()
        else:
            self.action_submit()

    @on(Button.Pressed, "#bewaar")
    def action_submit(self) -> None:
        values: dict[str, Any] = {}
        for spec in self._fields:
            widget = self.query_one(f"#f-{spec.name}")
            try:
                values[spec.name] = self._read(spec, widget)
            except ValueError:
                self._error(T.FORM_ONGELDIG[spec.kind].format(veld=spec.label), widget)
                return
            empty = values[spec.name] in (None, "")
            if spec.required and empty:
                self._error(T.FORM_VERPLICHT.format(veld=spec.label), widget)
                return
        problem = self._refuse(values) if self._refuse is not None else None
        if problem:
            self.show_error(problem)
            return
        self.dismiss(values)

    def _read(self, spec: FieldSpec, widget: Any) -> Any:
        if spec.kind == "block":
            return hygiene.clean_block(widget.text)
        if spec.kind in ("choice", "bool"):
            return widget.value
        text = widget.value
        if spec.kind == "date":
            return parse_date(text)
        if spec.kind == "time":
            return parse_time(text)
        if spec.kind == "number":
            text = text.strip()
            return int(text) if text else 0
        return hygiene.clean_line(text)

    def show_error(self, message: str) -> None:
        """Show a message from the caller (e.g. a validation error) without closing."""
        self.query_one("#form-error", Static).update(Content(message))

    def _error(self, message: str, widget: Any) -> None:
        self.show_error(message)
        widget.focus()

    @on(Button.Pressed, "#annuleer")
    def action_cancel(self) -> None:
        """Close without saving; when more than a few characters were typed, ask first."""
        if self.typed_since_open() <= self.FEW_CHARACTERS:
            self.dismiss(None)
            return
        focused = self.focused

        def answered(choice: str | None) -> None:
            if choice == "weg":
                self.dismiss(None)
            elif focused is not None:
                focused.focus()

        question = ChoiceDialog(T.WEGGOOIEN_KOP, T.WEGGOOIEN_VRAAG, [("verder", T.VERDER_TYPEN), ("weg", T.WEGGOOIEN)])
        self.app.push_screen(question, answered)


def _inserted(before: str, after: str) -> int:
    """The characters in ``after`` that are not in ``before``, around the part they share."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return len(after) - start - end


def _placeholder(kind: str) -> str:
    return {"date": T.DATUM_VOORBEELD, "time": T.TIJD_VOORBEELD, "number": "0"}.get(kind, "")
