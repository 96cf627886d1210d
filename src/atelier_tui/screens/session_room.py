"""The room's screen follows the facilitator: she publishes a small view state, the room reads it.

On the facilitator's side (a writable window) every change of step, clock, theme or of what she
points at is published, coalesced to one write per ``PUBLISH_SECONDS``. On the room's side
(``atelier present``) the view state is checked with a cheap stat every ``FOLLOW_SECONDS``, and the
session file likewise for its content; the room never writes and never takes the lock.
"""

from __future__ import annotations

from functools import partial

from textual.css.query import NoMatches

from ..domain.clock import ClockState
from ..domain.steps import STEP_KEYS
from ..store import viewstate
from ..store.repository import StoreError, file_stamp, open_session
from ..widgets.owner import Pointed
from ..widgets.timer import StepTimer

#: The room's screen looks this often whether the facilitator published or saved something.
FOLLOW_SECONDS = 0.1
#: Changes within this time are published as one.
PUBLISH_SECONDS = 0.01


class Room:
    """Part of the session screen (a mixin): uses its ``opened``, ``current``, ``view`` and ``_show``."""

    # The facilitator's side ------------------------------------------------------------------------

    def publish(self) -> None:
        """Publish the view state soon (once for a burst of changes)."""
        if self._follow or self.opened.read_only or self.__dict__.get("_publish_timer") is not None:
            return
        self._publish_timer = self.set_timer(PUBLISH_SECONDS, self._publish_now)

    def _publish_now(self) -> None:
        self._publish_timer = None
        if self.opened.closed:
            return
        pointers = self.__dict__.setdefault("_pointers", {})
        tab, item = pointers.get(self.current, (None, None))
        self._seq = self.__dict__.get("_seq", 0) + 1
        state = {
            "seq": self._seq,
            "step": self.current,
            "tab": tab,
            "item": item,
            "clock": self.query_one(StepTimer).state.to_dict(),
            "theme": self.app.theme,
            "zaal": self.zaal_state(),
        }
        viewstate.publish(self.opened.path, state)

    def on_pointed(self, message: Pointed) -> None:  # (a mixin: handlers by name, not with @on)
        """A view says what she points at now (a card, a row, a tab)."""
        pointers = self.__dict__.setdefault("_pointers", {})
        old_tab, old_item = pointers.get(self.current, (None, None))
        tab = message.tab if message.tab is not None else old_tab
        item = message.item if message.item is not None or message.tab is not None else old_item
        pointers[self.current] = (tab, item)
        self.publish()

    # The room's side -------------------------------------------------------------------------------

    def _follow_start(self) -> None:
        self._stamp = file_stamp(self.opened.path)
        self._view_stamp = None
        self._view: dict = {}
        self.set_interval(FOLLOW_SECONDS, self._follow_tick)
        self._follow_tick()

    def _follow_tick(self) -> None:
        """Look whether she saved or published something, and show it in one go: one step view is built
        per change, with the freshest session (a view built for a step she already left, and torn down
        again, made each step change cost two builds, and a view removed while it was still being
        built crashed the room)."""
        view = self.view
        if view is not None and not view.is_mounted:
            return  # a step's view is still being built: look again at the next tick
        old_step = self.opened.session.huidige_stap
        reloaded = self._check_file()
        published = self._check_view()
        if not (reloaded or published):
            return
        key = self._view.get("step")
        if not published and reloaded and self.opened.session.huidige_stap != old_step:
            key = self.opened.session.huidige_stap  # she changed step; her view state follows it shortly
        elif key not in STEP_KEYS:
            key = self.opened.session.huidige_stap if reloaded else self.current
        if key != self.current:
            self.current = key  # builds the step's view, with the session just read
        elif reloaded and view is not None and view.reloads_in_place:
            self._show_header(key)  # the same step: drawn again in place
            self._set_timer(key)
            view.reload()
        elif reloaded:
            self._show(key, save=False)
        self.zaal_follow(self._view.get("zaal"))  # the invitation to join, or a round's outcome
        self._apply_view()

    def _check_file(self) -> bool:
        """Read the session again when the facilitator's window saved a change; True when it did."""
        stamp = file_stamp(self.opened.path)
        if stamp == self._stamp:
            return False
        try:
            fresh = open_session(self.opened.path, writable=False)
        except StoreError:
            return False  # try again at the next tick; the facilitator's file is never touched here
        fresh.close()
        self._stamp = stamp
        self.opened = fresh
        return True

    def _check_view(self) -> bool:
        """Read her view state when she published a new one (and take its theme); True when she did."""
        stamp = file_stamp(viewstate.view_state_path(self.opened.path))
        if stamp == self._view_stamp:
            return False
        self._view_stamp = stamp
        state = viewstate.read(self.opened.path)
        if state is None:
            return False
        self._view = state
        theme = state.get("theme")
        if isinstance(theme, str) and theme in self.app.available_themes and theme != self.app.theme:
            self.app.theme = theme
        return True

    def _apply_view(self) -> None:
        """Show the published clock and point at what she points at."""
        if self._view.get("step") != self.current:
            return
        clock = ClockState.from_dict(self._view.get("clock"))
        if clock is not None:
            self.query_one(StepTimer).show_state(clock)
        tab, item = self._view.get("tab"), self._view.get("item")
        self.call_after_refresh(
            self._point_view, tab if isinstance(tab, str) else None, item if isinstance(item, str) else None
        )

    def _point_view(self, tab: str | None, item: str | None, again: int = 3) -> None:
        """Point the step's view; and a few times more, a little later: a view that is still being
        built can undo it (a tab control shows its first tab when it is set up)."""
        view = self.view
        if view is None or not view.is_attached or (self._view.get("tab"), self._view.get("item")) != (tab, item):
            return
        try:
            shown = view.point(tab, item)
        except NoMatches:  # the step's view is still being built
            shown = False
        if shown is False:
            self._view_stamp = None  # point again at the next look
        if again:
            self.set_timer(0.25, partial(self._point_view, tab, item, again - 1))
