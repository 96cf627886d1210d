"""A modal form for one record: one-line texts, longer texts, choices, dates, times and numbers.

The form only gathers and parses values; the caller validates them against the model and saves.
Every label and message is trusted text; every value typed is user text and is shown literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ..commands import bindings
from ..domain import hygiene
from ..teksten import ui as T

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


class FormDialog(ModalScreen[dict[str, Any] | None]):
    """Edit the fields of one record. Dismisses with the parsed values, or None."""

    DEFAULT_CSS = """
    FormDialog { align: center middle; }
    FormDialog > Vertical {
        width: 84; max-width: 98%; height: auto; max-height: 96%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    FormDialog .form-title { text-style: bold; padding: 0 1; height: 1; }
    FormDialog VerticalScroll { height: auto; max-height: 1fr; padding: 0 1; }
    FormDialog .form-label { margin-top: 1; height: 1; }
    FormDialog .form-help { color: $text-muted; height: auto; }
    FormDialog TextArea { height: 6; }
    FormDialog #form-error { color: $error; height: auto; padding: 0 1; }
    FormDialog .form-buttons { height: auto; align-horizontal: right; padding: 0 1; }
    FormDialog Button { margin-left: 2; }
    """
    BINDINGS = bindings("form")

    def __init__(self, title: str, fields: list[FieldSpec], values: dict[str, Any] | None = None) -> None:
        super().__init__()
        self._title = title
        self._fields = fields
        self._values = values or {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self._title), classes="form-title")
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
                        choices = spec.choices or ((T.JA, True), (T.NEE, False))
                        yield Select(
                            [(Content(lbl), val) for lbl, val in choices],
                            value=value if value is not None and any(v == value for _, v in choices) else Select.NULL,
                            allow_blank=spec.allow_blank,
                            prompt=T.KIES,
                            id=wid,
                        )
                    else:
                        limit = hygiene.SHORT_LIMIT if spec.kind == "line" else 12
                        yield Input(
                            format_value(spec, value),
                            placeholder=spec.placeholder or _placeholder(spec.kind),
                            id=wid,
                            max_length=limit,
                        )
                    if spec.help:
                        yield Static(Content(spec.help), classes="form-help")
            yield Static("", id="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button(T.BEWAREN_KNOP, id="bewaar", variant="primary")
                yield Button(T.ANNULEREN, id="annuleer")

    def on_mount(self) -> None:
        first = self.query("Input, TextArea, Select").first()
        first.focus()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        widgets = list(self.query("Input, TextArea, Select"))
        index = widgets.index(event.input)
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
        self.dismiss(values)

    def _read(self, spec: FieldSpec, widget: Any) -> Any:
        if spec.kind == "block":
            return hygiene.clean_block(widget.text)
        if spec.kind in ("choice", "bool"):
            return None if widget.value is Select.NULL else widget.value
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
        self.dismiss(None)


def _placeholder(kind: str) -> str:
    return {"date": T.DATUM_VOORBEELD, "time": T.TIJD_VOORBEELD, "number": "0"}.get(kind, "")
