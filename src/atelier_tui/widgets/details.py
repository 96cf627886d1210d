"""A block of facts (label: value) that opens a form to edit them with e or Enter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from textual import work
from textual.content import Content
from textual.widgets import Static

from ..commands import bindings
from ..domain.errors import describe_validation_error
from ..teksten import ui as T
from .form import FieldSpec, FormDialog, format_value
from .owner import Owned, SessionOwner


@dataclass
class DetailsSpec:
    title: str  # title of the form
    fields: Callable[[Any], list[FieldSpec]]  # session -> form fields (choices may depend on it)
    read: Callable[[Any], dict[str, Any]]  # session -> current values
    write: Callable[[Any, dict[str, Any]], None]  # (session, values) -> apply; may raise ValidationError
    render: Callable[[Any], Content] | None = None  # session -> what is shown; default label: value lines


class DetailsPanel(Owned, Static, can_focus=True):
    BINDINGS = bindings("details")
    DEFAULT_CSS = """
    DetailsPanel { height: auto; border: tall $panel; padding: 0 1; }
    DetailsPanel:focus { border: tall $primary; }
    """

    def __init__(self, owner: SessionOwner, spec: DetailsSpec, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.owner = owner
        self.spec = spec

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        session = self.session
        if self.spec.render is not None:
            self.update(self.spec.render(session))
            return
        values = self.spec.read(session)
        fields = self.spec.fields(session)
        width = max(len(f.label) for f in fields) + 2
        lines = []
        for f in fields:
            value = values.get(f.name)
            shown = dict((v, lbl) for lbl, v in f.choices).get(value, value) if f.choices else value
            lines.append(
                Content.assemble(
                    Content.styled((f.label + ":").ljust(width), "bold"), Content(format_value(f, shown) or "—")
                )
            )
        self.update(Content("\n").join(lines))

    @work(exclusive=True, group="details")
    async def action_edit(self) -> None:
        if not self.can_edit():
            return
        session = self.session
        values = await self.app.push_screen_wait(
            FormDialog(self.spec.title, self.spec.fields(session), self.spec.read(session))
        )
        if values is None:
            return
        # Apply to a copy first: the session itself only changes when the whole change is valid.
        candidate = session.model_copy(deep=True)
        try:
            self.spec.write(candidate, values)
            type(session).model_validate(candidate.model_dump())
        except ValidationError as exc:
            self.notify(T.NIET_BEWAARD.format(fout=describe_validation_error(exc)), severity="error", markup=False)
            return
        for name in type(session).model_fields:
            if getattr(candidate, name) != getattr(session, name):
                setattr(session, name, getattr(candidate, name))
        self.commit()
        self.reload()
