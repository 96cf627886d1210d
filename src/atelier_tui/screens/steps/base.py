"""The base of every step's body: the session it is handed, saving, cleaning typed text."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static, TabbedContent

from ...domain.steps import Step
from ...widgets.owner import Owned, Pointed, SessionOwner


class StepView(Owned, Vertical):
    """One step of the workshop, shown in the session screen's main area.

    It is built with the owner of the session (the session screen) and its step from the
    registry, and builds its widgets in ``compose``, handing the owner on to them. After changing
    ``self.session`` it calls ``self.commit()``, which saves durably and reports whether it did;
    only then may the change be drawn as saved.
    """

    #: What gets the keys when the step opens (a selector); default: the first focusable widget.
    initial_focus: ClassVar[str] = ""
    #: True when ``reload()`` redraws all of the view from the session: the room's screen then shows a
    #: saved change in place, instead of building the view anew (the board: a card reaches the room
    #: sooner, with a fraction of the output).
    reloads_in_place: ClassVar[bool] = False

    DEFAULT_CSS = """
    StepView { height: 1fr; padding: 0 1; }
    StepView .step-title { text-style: bold; color: $primary; height: auto; margin: 1 0 0 0; }
    StepView .step-intro { color: $text-muted; height: auto; margin-bottom: 1; }
    StepView .section-title { text-style: bold; height: auto; margin-top: 1; }
    """

    def __init__(self, owner: SessionOwner, step: Step) -> None:
        super().__init__()
        self.owner = owner
        self.step = step

    @property
    def step_key(self) -> str:
        return self.step.key

    def save_pending(self) -> None:
        """Save what is typed but not yet confirmed, before the step closes or the app stops.

        Steps that keep typed text outside a form (the board's card editor) override this.
        """

    def reload(self) -> None:
        """Redraw from the session (after an undo or an external change). Override as needed."""

    def point(self, tab: str | None, item: str | None) -> bool:
        """On the room's screen: show the tab and mark the item the facilitator points at (what this
        view posted as ``Pointed``): a tab of a TabbedContent by its id, a record of a list as
        ``"listid:index"``. False when not all of it could be shown yet (the room tries again).
        Views with other selections override it."""
        done = True
        if tab:
            for tabs in self.query(TabbedContent):
                if tabs.query(f"TabPane#{tab}"):
                    if tabs.active != tab:
                        tabs.active = tab
                    done = tabs.active == tab
        list_id, _, index = (item or "").partition(":")
        if list_id and index.isdigit():
            for records in self.query(f"RecordList#{list_id}"):
                records.show_pointer(int(index))
                done = done and records.highlighted == int(index)
        return done

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """Tell the owner which tab she shows (for the room's screen)."""
        if event.pane.id:
            self.post_message(Pointed(tab=event.pane.id))


class StepHeading(Vertical):
    """The top of a step: for the facilitator what the step is for, in a line under the header
    (which names the step); for the room the step's title, in a band of three lines with the big
    clock at its right (the explanation is hers: the room never sees it). On a small room's screen
    the band is left out: the header names the step and shows the clock."""

    SCOPED_CSS = False  # the room's rules start at the session screen
    DEFAULT_CSS = """
    StepHeading { height: auto; margin: 1 0 0 0; }
    StepHeading > .step-uitleg { height: auto; color: $text-muted; }
    StepHeading > .step-titel { display: none; height: 3; content-align: left middle; text-style: bold; }
    SessionScreen.-presenter StepHeading { margin: 0; }
    SessionScreen.-presenter StepHeading > .step-titel { display: block; }
    SessionScreen.-presenter.-narrow StepHeading, SessionScreen.-presenter.-short StepHeading { display: none; }
    """

    #: Lines of the room's band (the height of the big clock's digits).
    BAND = 3

    def __init__(self, step: Step, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.step = step

    def compose(self) -> ComposeResult:
        yield Static(Content(self.step.uitleg), classes="step-uitleg facilitator-only")
        yield Static(Content(self.step.titel), classes="step-titel")

    def rows(self, width: int) -> int:
        """The lines it takes at ``width`` columns (as its CSS lays it out), margin included."""
        screen = self.screen
        if screen.has_class("-presenter"):
            return 0 if screen.has_class("-narrow") or screen.has_class("-short") else self.BAND
        return 1 + (len(Content(self.step.uitleg).wrap(width)) if self.step.uitleg and width > 0 else 0)


def section(title: str) -> Static:
    return Static(Content(title), classes="section-title")
