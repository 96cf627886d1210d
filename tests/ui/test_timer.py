"""The step timer: counts down on a fake clock, pauses, resets, stops calmly at zero, idles without timers."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.color import Color

from atelier_tui.widgets.timer import BigTimer, StepTimer, format_seconds

from .screen import wait_until


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class CountingTimer(StepTimer):
    """A ``StepTimer`` that notes each interval timer it asks for (through the public ``set_interval``)
    and counts the ticks those timers give (not the ones a test calls itself)."""

    def __init__(self, *args, **kwargs) -> None:
        self.intervals: list[float] = []
        self.ticks = 0
        super().__init__(*args, **kwargs)

    def set_interval(self, interval, callback=None, **kwargs):
        self.intervals.append(interval)

        def counted():
            self.ticks += 1
            return callback()

        return super().set_interval(interval, counted, **kwargs)


class TimerApp(App):
    def __init__(self, minutes: int | None = 2, **kwargs) -> None:
        super().__init__()
        self.clock = FakeClock()
        self.minutes = minutes
        self.kwargs = kwargs
        self.finished: list[StepTimer] = []

    def compose(self) -> ComposeResult:
        timer = CountingTimer(self.minutes, clock=self.clock, id="timer", **self.kwargs)
        yield timer
        yield BigTimer(timer, id="big")

    def on_step_timer_finished(self, event: StepTimer.Finished) -> None:
        self.finished.append(event.timer)


def _text(timer: StepTimer) -> str:
    return str(timer.render())


def _advance(app: TimerApp, seconds: float) -> None:
    app.clock.now += seconds
    app.query_one(StepTimer).tick()


@pytest.fixture
def fast_ticks(monkeypatch):
    """The real interval timer, but every 20 ms: one left running ticks within a fraction of a second."""
    monkeypatch.setattr(StepTimer, "TICK_SECONDS", 0.02)


async def _ticks_in(pilot, timer: CountingTimer, seconds: float = 0.3) -> int:
    """How often the interval timer ticked while the app ran for ``seconds`` (with ``fast_ticks``)."""
    before = timer.ticks
    await pilot.pause(seconds)
    return timer.ticks - before


async def _ticking(pilot, timer: CountingTimer) -> None:
    """Wait for the next tick of the interval timer (with ``fast_ticks``); fail if none comes."""
    before = timer.ticks
    await wait_until(pilot, lambda: timer.ticks > before, "a tick of the interval timer")


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


async def test_zero_sets_done_and_stops_ticking(fast_ticks):
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
        assert not timer.running and not timer.ticking and await _ticks_in(pilot, timer) == 0
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


async def test_no_timer_is_active_unless_running(fast_ticks):
    app = TimerApp(minutes=5)
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        assert not timer.ticking and await _ticks_in(pilot, timer) == 0 and timer.intervals == []
        timer.start()
        assert timer.ticking
        await _ticking(pilot, timer)
        timer.start()  # starting twice does not add a second timer
        assert len(timer.intervals) == 1
        timer.pause()
        assert not timer.ticking and await _ticks_in(pilot, timer) == 0
        timer.start()
        await _ticking(pilot, timer)
        timer.set_minutes(10)  # a new step's time box stops the count
        assert not timer.ticking and timer.remaining == 600 and await _ticks_in(pilot, timer) == 0
        assert len(timer.intervals) == 2  # one timer per start, nothing in between


async def test_the_interval_is_once_per_second_no_faster():
    assert StepTimer.TICK_SECONDS == 1.0
    app = TimerApp(minutes=1)
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        timer.start()
        assert timer.intervals == [1.0]
        app.clock.now += 3
        await pilot.pause(0.3)
        assert timer.ticks == 0 and timer.remaining == 60  # no tick yet: the first comes after a second


async def test_real_interval_ticks_the_widget(monkeypatch):
    """Real ticks, sped up: the interval calls tick(), which reads the (fake) clock."""
    monkeypatch.setattr(StepTimer, "TICK_SECONDS", 0.05)
    app = TimerApp(minutes=1)
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        timer.start()
        app.clock.now += 3
        await wait_until(pilot, lambda: timer.remaining == 57, "the interval to tick the countdown to 0:57")
        assert timer.intervals == [0.05] and timer.ticks >= 1


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
