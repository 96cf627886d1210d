"""The step's clock on the session screen: its time box, start, pause, reset and setting it."""

from __future__ import annotations

from textual import work

from ..domain.steps import step
from ..teksten import timer as TT
from ..teksten import ui as T
from ..widgets.timer import StepTimer


class Clock:
    """Part of the session screen (a mixin): uses its ``session``, ``opened`` and ``current``."""

    def _time_box(self, key: str) -> int | None:
        """The step's time box: the session's own, else the registry's default."""
        return self.session.tijdvakken.get(key, step(key).tijdvak)

    def _set_timer(self, key: str) -> None:
        timer = self.query_one(StepTimer)
        if not timer.running:  # a running countdown keeps going while she looks at another step
            timer.set_minutes(self._time_box(key))

    def action_timer_toggle(self) -> None:
        timer = self.query_one(StepTimer)
        if timer.remaining is None:
            self.notify(TT.GEEN_TIJDVAK.format(commando=TT.TIJDVAK), severity="information")
            return
        timer.toggle()

    def action_timer_reset(self) -> None:
        self.query_one(StepTimer).reset()

    @work(exclusive=True, group="timebox")
    async def action_set_timebox(self) -> None:
        """Set how many minutes the current step may take (saved with the session)."""
        from ..widgets.form import FieldSpec, FormDialog

        if self.opened.read_only:
            self.notify(T.ALLEEN_LEZEN_GEEN_WIJZIGING, severity="warning")
            return
        key = self.current
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
        self.query_one(StepTimer).set_minutes(self._time_box(key))

    def on_step_timer_finished(self) -> None:
        self.notify(TT.TIJD_OM.format(stap=step(self.current).titel), markup=False)
