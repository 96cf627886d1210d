"""Keys are applied in order, each to the place the keys before it made current.

Textual routes a key to the widget that has focus at the moment the app reads the key, and runs
a priority binding (Ctrl+S) at once. When keys arrive in one burst (SSH, a fast typist), the
earlier keys are still waiting in a widget's queue when the later ones are routed: Ctrl+S then
saves a form before its text is typed in, text after Tab or Enter lands in the field it left,
and the keys after ``n`` go to the list instead of the form that ``n`` opens.

``KeyOrder`` (a mixin for the App) holds every key from the terminal back until everything the
previous key started has finished: every message it caused is handled (focus moved, a dialog
composed, mounted and focused, a worker started). Then the next key goes where it would have
gone had it been typed slowly. Nothing is dropped: a key waits at most ``LONGEST_WAIT`` seconds
(say, behind an animation that never rests) and is then handled anyway.

Keys typed while the app starts (over SSH they are often typed before the first frame) also wait
while the app says so (``input_waits``: Atelier's start screen, which has no place for them), at
most ``START_WAIT`` seconds, and then go to the screen that follows it.
"""

from __future__ import annotations

import asyncio
from collections import deque
from time import monotonic

from textual import events
from textual.worker import WorkerState

#: Loop turns with nothing to do before the app counts as settled (a task that was just made
#: ready, such as a worker that will open a dialog, runs within one or two turns).
QUIET_TURNS = 3
#: A key never waits longer than this for the app to settle.
LONGEST_WAIT = 2.0
#: Keys typed during the start wait at most this long for the first real screen.
START_WAIT = 30.0
#: How often a key that waits for the start looks again.
START_POLL = 0.005


def busy(app) -> bool:
    """True while any part of the app still has a message to handle, or a worker to start."""
    return any(_handling(node) for node in (app, *app._registry)) or any(
        worker.state is WorkerState.PENDING for worker in app.workers
    )


def _handling(node) -> bool:
    """True while a message pump is starting, has messages waiting, or is handling one.

    A pump that is idle waits for its queue's ready event; one that is not waiting for it is busy
    (composing, mounting, or inside a handler). This follows the message loop of the pinned
    Textual version (``textual.message_pump``, ``textual._queue``).
    """
    if node._closing or node._closed:
        return False
    if not node._running:
        task = node._task
        return task is not None and not task.done()  # made, about to start
    queue = node.__dict__.get("_message_queue")  # a cached property: do not create it here
    if queue is None:
        return True
    if queue.values or node._pending_message is not None or node._next_callbacks:
        return True
    return not queue.ready_event._waiters


async def started(app) -> None:
    """Return once the app no longer asks keys to wait (``input_waits``), or after ``START_WAIT``."""
    deadline = monotonic() + START_WAIT
    while app.input_waits() and app.is_running and monotonic() < deadline:
        await asyncio.sleep(START_POLL)


async def settled(app) -> None:
    """Return once the app has handled everything pending (or after ``LONGEST_WAIT``)."""
    deadline = monotonic() + LONGEST_WAIT
    quiet = 0
    while quiet < QUIET_TURNS and monotonic() < deadline:
        await asyncio.sleep(0)
        quiet = 0 if busy(app) else quiet + 1


class KeyOrder:
    """App mixin: keys and pastes from the terminal are handled one after the other, in order."""

    _held_input: deque
    _released_input: set[int]
    _input_feeder: asyncio.Task | None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            released = self.__dict__.setdefault("_released_input", set())
            if id(event) in released:
                released.discard(id(event))
            else:
                self.__dict__.setdefault("_held_input", deque()).append(event)
                feeder = self.__dict__.get("_input_feeder")
                if feeder is None or feeder.done():
                    self._input_feeder = asyncio.create_task(self._feed_input())
                return
        await super().on_event(event)  # type: ignore[misc]

    def input_waits(self) -> bool:
        """True while keys must wait whatever else is going on (the app says when; never by default)."""
        return False

    async def _feed_input(self) -> None:
        held = self._held_input
        while held:
            await started(self)
            await settled(self)
            if not self.is_running:  # type: ignore[attr-defined]
                return
            event = held.popleft()
            self._released_input.add(id(event))
            self.post_message(event)  # type: ignore[attr-defined]
