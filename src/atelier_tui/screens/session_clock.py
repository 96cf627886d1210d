"""The step's clock on the session screen: its time box, start, pause, reset and setting it.

Every step has its own countdown: leaving a step keeps its state (a running one keeps running, out
of sight), and coming back shows it again; another step never shows it. The state of the step on
screen is published with the view state, so the room's screens show the same clock.
"""

from __future__ import annotations

from textual import work

from ..domain.clock import ClockState
from ..domain.steps import step
from ..teksten import timer as TT
from ..teksten import ui as T
from ..widgets.dialogs import confirm
from ..widgets.timer import StepTimer


class Clock:
    """Part of the session screen (a mixin): uses its ``session``, ``opened``, ``current``, ``publish``."""

    def _time_box(self, key: str) -> int | None:
        """The step's time box: the session's own, else the registry's default."""
        return self.session.tijdvakken.get(key, step(key).tijdvak)

    def _set_timer(self, key: str, left: str | None = None) -> None:
        """Show the clock of step ``key``; keep the state of the step ``left``."""
        timer = self.query_one(StepTimer)
        clocks = self.__dict__.setdefault("_clocks", {})
        if left is not None:
            clocks[left] = timer.state
        state = clocks.get(key)
        if state is None or state.total != _seconds(self._time_box(key)):
            state = ClockState.of_minutes(self._time_box(key), timer.clock())
        timer.show_state(state)

    def action_timer_toggle(self) -> None:
        timer = self.query_one(StepTimer)
        if timer.remaining is None:
            self.notify(TT.GEEN_TIJDVAK.format(commando=TT.TIJDVAK), severity="information")
            return
        timer.toggle()

    def action_timer_reset(self) -> None:
        self.query_one(StepTimer).reset()

    def on_step_timer_changed(self) -> None:  # (a mixin: handlers by name, not with @on)
        self.publish()

    @work(exclusive=True, group="timebox")
    async def action_set_timebox(self) -> None:
        """Set how many minutes the current step may take (saved with the session)."""
        from ..widgets.form import FieldSpec, FormDialog

        if self.opened.read_only:
            self.notify(T.ALLEEN_LEZEN_GEEN_WIJZIGING, severity="warning")
            return
        key = self.current
        timer = self.query_one(StepTimer)
        if timer.running and await self.app.push_screen_wait(confirm(TT.TIJDVAK, TT.TIJDVAK_LOOPT)) != "ja":
            return
        fields = [FieldSpec("minuten", TT.TIJDVAK_MINUTEN, "number", help=TT.TIJDVAK_UITLEG)]
        values = await self.app.push_screen_wait(FormDialog(TT.TIJDVAK, fields, {"minuten": self._time_box(key) or 0}))
        if values is None:
            return
        minutes = max(0, min(600, int(values["minuten"] or 0)))
        boxes = dict(self.session.tijdvakken)
        if minutes:
            boxes[key] = minutes
        else:
            boxes.pop(key, None)
        self.session.tijdvakken = boxes
        self.commit()
        timer.set_minutes(self._time_box(key))

    def on_step_timer_finished(self) -> None:
        self.publish()
        if not self._follow:
            self.notify(TT.TIJD_OM.format(stap=step(self.current).titel), markup=False)


def _seconds(minutes: int | None) -> int | None:
    return minutes * 60 if minutes else None
