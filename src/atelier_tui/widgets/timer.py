"""The step timer: a calm countdown of the current step's time box (``Session.tijdvakken``).

``StepTimer`` is the one clock. It shows compactly in the header ("tijd 12:30"); ``BigTimer`` shows
the same countdown in large digits for a presenter view, by watching a ``StepTimer``.

It never causes idle redraws: an interval timer exists only while the countdown runs, and then it
ticks once per second. The remaining time is computed from the state's moment and the clock, so a
slow tick never makes the countdown run slow, and every screen that shows the same published state
shows the same time. At zero the timer stops, gets class ``-done`` (``$warning`` background: calm,
no sound, no blinking) and posts ``StepTimer.Finished``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Digits, Static

from ..domain.clock import ClockState, Phase
from ..teksten import timer as T

PHASES: tuple[Phase, ...] = ("empty", "ready", "running", "paused", "done")


def format_seconds(seconds: int) -> str:
    """``750`` -> ``"12:30"``; minutes are not limited to 59 (a time box may be longer)."""
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes}:{rest:02d}"


def _mark(widget: Static | Digits, phase: Phase) -> None:
    widget.update_classes({f"-{p}": p == phase for p in PHASES})


class StepTimer(Static):
    """The countdown of one time box, compact: "tijd 12:30".

    It shows a ``ClockState`` (``domain/clock.py``): ``set_minutes(n)`` (``None``: no time box),
    ``start()``, ``pause()``, ``toggle()``, ``reset()``; ``state`` is what to publish, and
    ``show_state(state)`` shows a state made elsewhere (the facilitator's, on the room's screen, or
    the one a step had when she left it). Classes ``-empty``, ``-ready``, ``-running``, ``-paused``,
    ``-done`` follow ``phase``. Without a time box the widget is hidden, unless ``show_empty`` is set:
    then it shows a dim "geen tijd".
    """

    DEFAULT_CSS = """
    StepTimer { width: auto; height: 1; padding: 0 1; background: $primary; color: $text; }
    StepTimer.-empty { display: none; }
    StepTimer.-empty.-show-empty { display: block; color: $text-muted; }
    StepTimer.-done { background: $warning; color: $text; text-style: bold; }
    """

    TICK_SECONDS: ClassVar[float] = 1.0
    """How often the countdown ticks while it runs (once a second; a test may make it faster)."""

    remaining: reactive[int | None] = reactive(None, init=False)
    """Seconds left, or None when the step has no time box."""

    running: reactive[bool] = reactive(False, init=False)
    """True while counting down."""

    class Finished(Message):
        """The time box is over."""

        def __init__(self, timer: StepTimer) -> None:
            super().__init__()
            self.timer = timer

        @property
        def control(self) -> StepTimer:
            return self.timer

    class Changed(Message):
        """Started, paused, reset or given another time box (not every second): publish it."""

    def __init__(
        self,
        minutes: int | None = None,
        *,
        show_empty: bool = False,
        clock: Callable[[], float] = time.time,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.clock = clock
        """Where the time comes from (wall-clock seconds, as published); tests replace it."""
        self._state = ClockState.of_minutes(minutes, clock())
        self._ticker: Timer | None = None
        self.set_class(show_empty, "-show-empty")
        self._apply(changed=False)

    # State -----------------------------------------------------------------------------------

    @property
    def state(self) -> ClockState:
        return self._state

    @property
    def total(self) -> int | None:
        """The time box in seconds, or None."""
        return self._state.total

    @property
    def phase(self) -> Phase:
        return self._state.phase(self.clock())

    @property
    def ticking(self) -> bool:
        """True when an interval timer is active (only while running)."""
        return self._ticker is not None

    def set_minutes(self, minutes: int | None) -> None:
        """Set a new time box (``None`` or 0: none) and stop; the countdown starts from the top."""
        self._set(ClockState.of_minutes(minutes, self.clock()))

    def show_state(self, state: ClockState, *, changed: bool = False) -> None:
        """Show ``state`` (and tick while it runs); ``changed``: post ``Changed`` as for a key."""
        self._set(state, changed=changed)

    def start(self) -> None:
        """Start or resume. Does nothing without a time box, when running, or at zero."""
        self._set(self._state.started(self.clock()))

    def pause(self) -> None:
        """Stop counting, keep the time left."""
        self._set(self._state.paused(self.clock()))

    def toggle(self) -> None:
        """Start when stopped, pause when running."""
        if self._state.running:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        """Back to the full time box, stopped."""
        self._set(self._state.reset(self.clock()))

    def tick(self) -> None:
        """Read the clock and update the time left. Called every ``TICK_SECONDS`` while running."""
        if not self._state.running:
            return
        left = self._state.remaining(self.clock())
        if left != self.remaining:
            self.remaining = left
            if left == 0:
                self._state = self._state.paused(self.clock())
                self._stop_ticker()
                self.running = False
                self.post_message(self.Finished(self))
            self._show()

    # Internals -------------------------------------------------------------------------------

    def _set(self, state: ClockState, *, changed: bool = True) -> None:
        if state == self._state and changed:
            return
        self._state = state
        self._apply(changed=changed)

    def _apply(self, *, changed: bool) -> None:
        self._stop_ticker()
        now = self.clock()
        left = self._state.remaining(now)
        running = self._state.running and bool(left)
        if self._state.running and not left:
            self._state = self._state.paused(now)  # ran out while nobody looked
        self.remaining = left
        self.running = running
        if running:
            self._ticker = self.set_interval(self.TICK_SECONDS, self.tick, name="step-timer")
        self._show()
        if changed:
            self.post_message(self.Changed())

    def _stop_ticker(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    def _show(self) -> None:
        phase = self.phase
        _mark(self, phase)
        if phase == "empty":
            self.update(Content(T.GEEN_TIJD))
            return
        template = {"paused": T.KORT_PAUZE, "done": T.KORT_KLAAR}.get(phase, T.KORT)
        self.update(Content(template.format(tijd=format_seconds(self.remaining or 0))))


class BigTimer(Digits):
    """The same countdown in large digits, for a presenter view. It follows a ``StepTimer``.

    Hidden when the step has no time box; ``$warning`` background at zero, like the header.
    """

    DEFAULT_CSS = """
    BigTimer { width: auto; height: auto; padding: 0 2; color: $foreground; }
    BigTimer.-empty { display: none; }
    BigTimer.-paused { color: $text-muted; }
    BigTimer.-done { background: $warning; color: $text; }
    """

    def __init__(
        self, source: StepTimer, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__("", name=name, id=id, classes=classes)
        self.source = source

    def on_mount(self) -> None:
        self.watch(self.source, "remaining", self._follow)
        self.watch(self.source, "running", self._follow, init=False)

    def _follow(self, _old: object = None, _new: object = None) -> None:
        phase = self.source.phase
        _mark(self, phase)
        self.update("" if phase == "empty" else format_seconds(self.source.remaining or 0))
