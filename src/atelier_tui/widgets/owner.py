"""What a step view and its widgets are handed when they are built: the owner of the open session.

The session screen owns the open session and its store handle. It hands itself down, typed as
this protocol, so that widgets never import screens and never look the session up in the DOM.
Changes go up in two ways: ``commit()`` (the one direct call, because the screen may only say
"opgeslagen" once the change is on disk, and a card is drawn only after its save returned), and
messages (``Edited``) that the owner handles for everything that follows from a change.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from textual.message import Message

from ..domain import hygiene
from ..teksten import ui as T

if TYPE_CHECKING:
    from ..domain.session import Session


class SaveState(Enum):
    """What the header says about saving; a reactive of the owner that widgets can watch."""

    SAVED = "opgeslagen"
    UNSAVED = "niet-opgeslagen"  # the last change is only in memory; the owner keeps retrying
    READ_ONLY = "alleen-lezen"


class SessionOwner(Protocol):
    """The session screen, as the views and widgets it builds see it."""

    #: A reactive: watch it with ``widget.watch(owner, "save_state", callback)``.
    save_state: SaveState

    @property
    def session(self) -> Session: ...

    @property
    def path(self) -> Path:
        """The session's file (the verslag is written next to it)."""
        ...

    @property
    def read_only(self) -> bool: ...

    @property
    def presenting(self) -> bool:
        """True when the room sees this screen (``atelier present``, or F5): hints for the facilitator
        (which key does what) are left out of what is drawn."""
        ...

    def commit(self) -> bool:
        """Save the session now; True once the change is durably on disk."""
        ...


class Owned:
    """For widgets that change the session: the owner they were handed, and the ways to use it."""

    owner: SessionOwner

    @property
    def session(self) -> Session:
        return self.owner.session

    @property
    def read_only(self) -> bool:
        return self.owner.read_only

    def can_edit(self) -> bool:
        """False (and a short message) when this window may not change the session."""
        if self.owner.read_only:
            self.notify(T.ALLEEN_LEZEN_GEEN_WIJZIGING, severity="warning")  # type: ignore[attr-defined]
            return False
        return True

    def commit(self, what: str = "") -> bool:
        """Save the session now (True once it is durably on disk), and tell the owner what changed."""
        ok = self.owner.commit()
        self.post_message(Edited(what))  # type: ignore[attr-defined]
        return ok

    def clean(self, text: str, *, multiline: bool = False, limit: int | None = None) -> str:
        """Clean typed text; tell the user when something was removed or the text was shortened."""
        result = hygiene.clean(text, multiline=multiline, limit=limit)
        if result.shortened:
            self.notify(T.TEKST_INGEKORT.format(n=len(result.text)), severity="warning")  # type: ignore[attr-defined]
        elif result.removed:
            self.notify(T.TEKST_OPGESCHOOND, severity="information")  # type: ignore[attr-defined]
        return result.text


class Edited(Message):
    """A widget changed the session (and committed it); the owner updates what depends on it."""

    def __init__(self, what: str = "") -> None:
        super().__init__()
        self.what = what


class Pointed(Message):
    """What the facilitator points at changed: a tab (its id) and/or an item (a key the view can
    find again, e.g. ``"deelnemers:3"`` or a card id). The owner publishes it for the room."""

    def __init__(self, *, tab: str | None = None, item: str | None = None) -> None:
        super().__init__()
        self.tab, self.item = tab, item
