"""An editable list of records (participants, notes, opgaven, examples, ...).

Drawn as an OptionList (only visible lines are rendered), each record as a few wrapped lines.
n adds, e or Enter edits, d removes, shift+up/down reorders. Every change is saved at once
through the owner it was handed; the list is redrawn from the session after the save returned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from textual import work
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..commands import bindings
from ..domain.errors import describe_validation_error
from ..teksten import ui as T
from .dialogs import confirm
from .form import FieldSpec, FormDialog
from .owner import Owned, Pointed, SessionOwner


@dataclass
class ListSpec:
    """How one list of records in the session is shown and edited."""

    get: Callable[[Any], list]  # session -> the (mutable) list of records
    model: type[BaseModel]
    fields: Callable[[Any], list[FieldSpec]]  # session -> form fields (choices may depend on it)
    render: Callable[[Any, Any], Content]  # (record, session) -> what the room sees
    name: Callable[[Any], str]  # record -> short name, for questions like "X verwijderen?"
    new_title: str
    edit_title: str
    empty: str = T.LIJST_LEEG
    separators: bool = True  # a line between records; off for one-line records
    check: Callable[[Any, Any], str | None] | None = None  # (record, session) -> a warning, or None
    # (values, session, index of the record being edited or None) -> why it cannot be saved, or None;
    # the form stays open with that message
    refuse: Callable[[dict[str, Any], Any, int | None], str | None] | None = None


class StopAtEnds:
    """For option lists: ↓ on the last item and ↑ on the first stay put, never jump to the other end.

    A burst of arrows then always lands on the same record, however many arrows too many came.
    """

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def _step(self, direction: int) -> None:
        options = self.options  # type: ignore[attr-defined]
        current = self.highlighted  # type: ignore[attr-defined]
        index = (-1 if direction > 0 else len(options)) if current is None else current
        index += direction
        while 0 <= index < len(options):
            if not options[index].disabled:
                self.highlighted = index  # type: ignore[attr-defined]
                return
            index += direction


class RecordList(StopAtEnds, Owned, OptionList):
    BINDINGS = bindings("records")
    DEFAULT_CSS = """
    RecordList { height: 1fr; min-height: 4; border: tall $panel; padding: 0 1; }
    RecordList:focus { border: tall $primary; }
    RecordList > .option-list--option { padding: 0 1; }
    """

    def __init__(self, owner: SessionOwner, spec: ListSpec, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.owner = owner
        self.spec = spec

    @property
    def items(self) -> list:
        return self.spec.get(self.session)

    def on_mount(self) -> None:
        self.reload()

    @property
    def _room(self) -> bool:
        """On the room's screen a list marks only what the facilitator points at, nothing of its own."""
        return self.owner.presenting and self.owner.read_only

    def reload(self, select: int | None = None) -> None:
        session = self.session
        keep = self.highlighted if select is None else select
        if self._room and select is None and self.highlighted is None:
            keep = None
        self.clear_options()
        items = self.items
        if items:
            options: list[Option | None] = []
            for i, item in enumerate(items):
                if i and self.spec.separators:
                    options.append(None)
                options.append(Option(self.spec.render(item, session)))
            self.add_options(options)
            self.highlighted = None if keep is None and self._room else max(0, min(keep or 0, len(items) - 1))
            self.call_after_refresh(self.scroll_to_highlight)
        else:
            empty = T.LIJST_LEEG_ZAAL if self.owner.presenting else self.spec.empty
            self.add_option(Option(Content.styled(empty, "italic"), disabled=True))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Tell the owner which record she points at (for the room's screen)."""
        if event.option_list is self and self.id and self.highlighted is not None:
            self.post_message(Pointed(item=f"{self.id}:{self.highlighted}"))

    def show_pointer(self, index: int) -> None:
        """The room's screen: mark the record she points at, and bring it into view."""
        if 0 <= index < len(self.items):
            self.highlighted = index
            self.scroll_to_highlight()

    def _index(self) -> int | None:
        """The index in ``items`` of the highlighted record."""
        if not self.items or self.highlighted is None:
            return None
        return min(self.highlighted, len(self.items) - 1)

    def action_select(self) -> None:
        self.action_edit()

    @work(exclusive=True, group="records")
    async def action_new(self) -> None:
        if not self.can_edit():
            return
        values = await self._ask(self.spec.new_title, self._defaults(), None)
        if values is None:
            return
        try:
            item = self.spec.model.model_validate(values)
        except ValidationError as exc:
            self.notify(describe_validation_error(exc), severity="error", markup=False)
            return
        index = self._index()
        position = len(self.items) if index is None else index + 1
        before = list(self.items)
        self.items.insert(position, item)
        self._commit(position, before)
        self._warn(item)

    @work(exclusive=True, group="records")
    async def action_edit(self) -> None:
        index = self._index()
        if index is None:
            return
        if not self.can_edit():
            return
        item = self.items[index]
        values = await self._ask(self.spec.edit_title, item.model_dump(), index)
        if values is None:
            return
        try:
            updated = self.spec.model.model_validate({**item.model_dump(), **values})
        except ValidationError as exc:
            self.notify(describe_validation_error(exc), severity="error", markup=False)
            return
        before = list(self.items)
        self.items[index] = updated
        self._commit(index, before)
        self._warn(updated)

    @work(exclusive=True, group="records")
    async def action_remove(self) -> None:
        index = self._index()
        if index is None or not self.can_edit():
            return
        item = self.items[index]
        question = T.LIJST_WEG_VRAAG.format(naam=self.spec.name(item))
        if await self.app.push_screen_wait(confirm(T.LIJST_WEG, question)) != "ja":
            return
        before = list(self.items)
        del self.items[index]
        self._commit(index, before)

    def replace(self, index: int, item: Any) -> None:
        """Replace one record (for keys a step adds, such as choosing or filling in a draft)."""
        before = list(self.items)
        self.items[index] = item
        self._commit(index, before)

    @property
    def current(self) -> Any | None:
        index = self._index()
        return None if index is None else self.items[index]

    def action_move(self, delta: int) -> None:
        index = self._index()
        if index is None or not self.can_edit():
            return
        target = index + delta
        items = self.items
        if not 0 <= target < len(items):
            return
        before = list(items)
        items[index], items[target] = items[target], items[index]
        self._commit(target, before)

    def _defaults(self) -> dict[str, Any]:
        """The model's own defaults, so that a new record's form starts from them."""
        values = {}
        for name, field in self.spec.model.model_fields.items():
            if field.is_required() or field.default_factory is not None or field.default is None:
                continue
            values[name] = field.default
        return values

    async def _ask(self, title: str, values: dict[str, Any], index: int | None) -> dict[str, Any] | None:
        refuse = self.spec.refuse
        form = FormDialog(
            title,
            self.spec.fields(self.session),
            values,
            refuse=None if refuse is None else lambda v: refuse(v, self.session, index),
        )
        return await self.app.push_screen_wait(form)

    def _warn(self, item: Any) -> None:
        if self.spec.check is not None:
            warning = self.spec.check(item, self.session)
            if warning:
                self.notify(warning, severity="warning", markup=False, timeout=8)

    def _commit(self, select: int, before: list) -> None:
        """Check the session's references, save, and redraw from what is saved.

        The record itself was validated when it was made; what a change to one list can break is a
        reference (say, removing an opgave that an example still points at). Such a change is undone
        and explained; it is never saved.
        """
        try:
            self.session.check_references()
        except ValueError as exc:
            self.items[:] = before
            self.notify(T.NIET_BEWAARD.format(fout=str(exc)), severity="error", markup=False)
            self.reload()
            return
        self.commit()
        self.reload(select)
