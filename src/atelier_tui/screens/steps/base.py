"""The base of every step's body: access to the session, saving, cleaning typed text."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.containers import Vertical

from ...domain import hygiene
from ...domain.session import Session
from ...teksten import ui as T

if TYPE_CHECKING:
    from ..session import SessionScreen


class StepView(Vertical):
    """One step of the workshop, shown in the session screen's main area.

    Subclasses set ``step_key`` and build their widgets in ``compose``. After changing
    ``self.session`` they call ``self.commit()``, which saves durably and reports whether it
    did; only then may the change be drawn as saved.
    """

    step_key: ClassVar[str] = ""
    #: What gets the keys when the step opens (a selector); default: the first focusable widget.
    initial_focus: ClassVar[str] = ""

    DEFAULT_CSS = """
    StepView { height: 1fr; padding: 0 1; }
    StepView .step-title { text-style: bold; color: $primary; height: auto; margin: 1 0 0 0; }
    StepView .step-intro { color: $text-muted; height: auto; margin-bottom: 1; }
    StepView .section-title { text-style: bold; height: auto; margin-top: 1; }
    """

    @property
    def session_screen(self) -> SessionScreen:
        from ..session import SessionScreen

        screen = self.screen
        assert isinstance(screen, SessionScreen)
        return screen

    @property
    def session(self) -> Session:
        return self.session_screen.session

    @property
    def read_only(self) -> bool:
        return self.session_screen.opened.read_only

    def can_edit(self) -> bool:
        """False (and a short message) when this window may not change the session."""
        if self.read_only:
            self.notify(T.ALLEEN_LEZEN_GEEN_WIJZIGING, severity="warning")
            return False
        return True

    def commit(self) -> bool:
        """Save the session now. True once the change is durably on disk."""
        return self.session_screen.save()

    def clean(self, text: str, *, multiline: bool = False, limit: int | None = None) -> str:
        """Clean typed text; tell the user when something was removed or the text was shortened."""
        result = hygiene.clean(text, multiline=multiline, limit=limit)
        if result.shortened:
            self.notify(T.TEKST_INGEKORT.format(n=len(result.text)), severity="warning")
        elif result.removed:
            self.notify(T.TEKST_OPGESCHOOND, severity="information")
        return result.text

    def save_pending(self) -> None:
        """Save what is typed but not yet confirmed, before the step closes or the app stops.

        Steps that keep typed text outside a form (the board's card editor) override this.
        """

    def reload(self) -> None:
        """Redraw from the session (after an undo or an external change). Override as needed."""


def step_view_of(widget: object) -> StepView:
    """The step view that holds ``widget`` (for reusable widgets that save through it)."""
    for node in getattr(widget, "ancestors", ()):
        if isinstance(node, StepView):
            return node
    raise RuntimeError(f"{type(widget).__name__} outside a StepView")
