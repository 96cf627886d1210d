"""The step timer: counts down on a fake clock, pauses, resets, stops calmly at zero, idles without timers."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.color import Color

from atelier_tui.widgets.timer import BigTimer, StepTimer, format_seconds


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class TimerApp(App):
    def __init__(self, minutes: int | None = 2, **kwargs) -> None:
        super().__init__()
        self.clock = FakeClock()
        self.minutes = minutes
        self.kwargs = kwargs
        self.finished: list[StepTimer] = []

    def compose(self) -> ComposeResult:
        timer = StepTimer(self.minutes, clock=self.clock, id="timer", **self.kwargs)
        yield timer
        yield BigTimer(timer, id="big")

    def on_step_timer_finished(self, event: StepTimer.Finished) -> None:
        self.finished.append(event.timer)


def _text(timer: StepTimer) -> str:
    return str(timer.render())


def _advance(app: TimerApp, seconds: float) -> None:
    app.clock.now += seconds
    app.query_one(StepTimer).tick()


def _active_timers(widget) -> int:
    return sum(1 for t in widget._timers if t._task is not None)


def test_format_seconds():
    assert format_seconds(750) == "12:30"
    assert format_seconds(59) == "0:59"
    assert format_seconds(90 * 60) == "90:00"
    assert format_seconds(-3) == "0:00"


async def test_counts_down():
    app = TimerApp(minutes=15)
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        assert timer.remaining == 900 and timer.phase == "ready"
        assert _text(timer) == "tijd 15:00"
        timer.start()
        assert timer.running and timer.has_class("-running")
        _advance(app, 1)
        assert timer.remaining == 899
        _advance(app, 149)
        assert timer.remaining == 750
        await pilot.pause()
        assert _text(timer) == "tijd 12:30"
        assert app.query_one(BigTimer).value == "12:30"


async def test_a_slow_tick_does_not_slow_the_countdown():
    app = TimerApp(minutes=2)
    async with app.run_test():
        timer = app.query_one(StepTimer)
        timer.start()
        _advance(app, 7.02)  # ticks were skipped (busy machine): the clock still decides
        assert timer.remaining == 113
        _advance(app, 0.2)  # an extra tick within the same second changes nothing
        assert timer.remaining == 113


async def test_pause_stops_and_resume_continues():
    app = TimerApp(minutes=2)
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        timer.start()
        _advance(app, 5)
        timer.pause()
        assert timer.remaining == 115 and not timer.running and not timer.ticking
        assert timer.phase == "paused" and timer.has_class("-paused")
        _advance(app, 100)  # time passes during the pause
        assert timer.remaining == 115
        await pilot.pause()
        assert _text(timer) == "tijd 1:55 pauze"
        timer.toggle()
        _advance(app, 1)
        assert timer.remaining == 114 and timer.running


async def test_reset_restores_the_time_box():
    app = TimerApp(minutes=2)
    async with app.run_test():
        timer = app.query_one(StepTimer)
        timer.start()
        _advance(app, 30)
        timer.reset()
        assert timer.remaining == 120 and not timer.running and not timer.ticking
        assert timer.phase == "ready"
        _advance(app, 10)
        assert timer.remaining == 120


async def test_zero_sets_done_and_stops_ticking():
    app = TimerApp(minutes=1)
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        timer.start()
        _advance(app, 59)
        assert timer.remaining == 1 and not timer.has_class("-done")
        _advance(app, 1)
        await pilot.pause()
        assert timer.remaining == 0
        assert timer.has_class("-done") and timer.phase == "done"
        assert not timer.running and not timer.ticking and _active_timers(timer) == 0
        assert app.finished == [timer]
        assert _text(timer) == "tijd is om"
        # the calm signal is a theme colour, nothing else
        assert timer.styles.background == Color.parse(app.theme_variables["warning"])
        big = app.query_one(BigTimer)
        assert big.has_class("-done") and big.value == "0:00"
        # nothing more happens until a reset
        _advance(app, 30)
        timer.start()
        assert timer.remaining == 0 and not timer.running and app.finished == [timer]
        timer.reset()
        assert timer.remaining == 60 and not timer.has_class("-done")


async def test_no_timer_is_active_unless_running():
    app = TimerApp(minutes=5)
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        await pilot.pause()
        assert not timer.ticking and _active_timers(timer) == 0
        timer.start()
        assert timer.ticking and _active_timers(timer) == 1
        assert timer._ticker._interval == 1.0  # once per second, no faster
        timer.start()  # starting twice does not add a second timer
        assert _active_timers(timer) == 1
        timer.pause()
        assert not timer.ticking and _active_timers(timer) == 0
        timer.start()
        timer.set_minutes(10)  # a new step's time box stops the count
        assert not timer.ticking and _active_timers(timer) == 0 and timer.remaining == 600


async def test_real_interval_ticks_the_widget():
    """One real tick, sped up: the interval calls tick(), which reads the (fake) clock."""
    app = TimerApp(minutes=1)
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        timer.start()
        timer._ticker.stop()
        timer._ticker = timer.set_interval(0.05, timer.tick)
        app.clock.now += 3
        await pilot.pause(0.2)
        assert timer.remaining == 57


async def test_no_time_box_is_hidden_or_dim():
    app = TimerApp(minutes=None)
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        await pilot.pause()
        assert timer.remaining is None and timer.phase == "empty"
        assert timer.styles.display == "none"
        assert app.query_one(BigTimer).styles.display == "none"
        timer.start()
        assert not timer.running and not timer.ticking
        timer.set_minutes(3)
        await pilot.pause()
        assert timer.styles.display == "block" and _text(timer) == "tijd 3:00"

    app = TimerApp(minutes=None, show_empty=True)
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        await pilot.pause()
        assert timer.styles.display == "block"
        assert _text(timer) == "geen tijd"
