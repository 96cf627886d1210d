"""The real app in a pseudo-terminal, for the tests that need one (keys in bursts, hang-ups, raw bytes).

``atelier("open", path, "--step", "sessie")`` starts ``python -m atelier_tui`` in a pseudo-terminal of
120x40 (the window size and ``COLUMNS``/``LINES``), in a session of its own: the terminal is not its
controlling terminal, so closing it sends no hang-up signal. The returned ``Terminal`` reads and keeps
everything the app writes:

- ``write(keys)``: all keys in one write, as they arrive over SSH; it fails if the terminal took less.
- ``wait_for(text)``: read until ``text`` appears in what the app wrote since the last write; when it
  does not come in time, or the app stops, it fails naming the text and showing the last output.
- ``read_until(condition)``: keep reading until something outside the terminal is true (a saved file).
- ``settle()``: read until the app is quiet (it has handled every key); ``drain()``: what is left.
- ``wait_exit()``: the seconds until the app stopped; fails when it does not.
- ``close()`` (also at the end of a ``with`` block): kill the app if it still runs, close the terminal.

Reading never blocks, and every wait keeps the terminal drained, so the app never blocks on a full one.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ENTER, TAB, ESC = b"\r", b"\t", b"\x1b"
UP, DOWN, END = b"\x1b[A", b"\x1b[B", b"\x1b[F"
PGUP, PGDN = b"\x1b[5~", b"\x1b[6~"
PASTE_START, PASTE_END = b"\x1b[200~", b"\x1b[201~"


def ctrl(letter: str) -> bytes:
    """The byte Ctrl+``letter`` sends: ``ctrl("q")`` is b"\\x11"."""
    return bytes([ord(letter.lower()) & 0x1F])


CTRL_Q = ctrl("q")


class Terminal:
    """A program (``python`` with ``argv``) in a pseudo-terminal of ``size`` (columns, rows).

    ``output`` is everything it wrote; ``seen`` what it wrote since the last ``write``. ``stdout`` may
    be given to send the program's standard output elsewhere (``subprocess.DEVNULL``).
    """

    def __init__(
        self,
        argv: Sequence[str | Path],
        *,
        size: tuple[int, int] = (120, 40),
        env: dict[str, str] | None = None,
        stdout: int | None = None,
    ) -> None:
        columns, rows = size
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.set_blocking(master, False)
        full_env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows), **(env or {})}
        try:
            self.proc = subprocess.Popen(
                [sys.executable, *map(str, argv)],
                stdin=slave,
                stdout=slave if stdout is None else stdout,
                stderr=slave,
                env=full_env,
                start_new_session=True,
                close_fds=True,
            )
        except BaseException:
            os.close(master)
            raise
        finally:
            os.close(slave)
        self.master: int | None = master
        self.output = bytearray()
        self._mark = 0  # where the output since the last write begins

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- What the app wrote ---------------------------------------------------------------------

    @property
    def seen(self) -> bytes:
        """What the app wrote since the last ``write`` (since its start, before the first)."""
        return bytes(self.output[self._mark :])

    @property
    def running(self) -> bool:
        return self.proc.poll() is None

    def _last(self, n: int = 600) -> str:
        return repr(bytes(self.output[-n:]))

    def read(self, seconds: float) -> bool:
        """Read what the app writes for up to ``seconds``; False once the terminal is closed (the
        app stopped and everything was read) and nothing more can come."""
        end = time.monotonic() + seconds
        while self.master is not None:
            left = end - time.monotonic()
            ready, _, _ = select.select([self.master], [], [], max(0.0, min(left, 0.05)))
            if ready:
                try:
                    chunk = os.read(self.master, 1 << 16)
                except OSError:  # EIO: the other side is closed
                    return False
                if not chunk:
                    return False
                self.output += chunk
            if time.monotonic() >= end:
                return True
        return False

    def wait_for(self, text: bytes, seconds: float = 30) -> None:
        """Read until ``text`` is in what the app wrote since the last write; fail loudly otherwise."""
        end = time.monotonic() + seconds
        while text not in self.seen:
            if not self.running:
                self.drain()
                if text in self.seen:
                    return
                raise AssertionError(
                    f"the app stopped (code {self.proc.returncode}) before {text!r} appeared; "
                    f"last output: {self._last(2000)}"
                )
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} did not appear within {seconds:g} s; last output: {self._last()}")
            self.read(0.1)

    def read_until(self, condition: Callable[[], bool], seconds: float) -> bool:
        """Keep reading until ``condition()`` is true (checked about ten times a second) or ``seconds``
        have passed; whether it came true. The caller asserts what it expected (with a clear diff)."""
        end = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > end:
                return False
            self.read(0.1)
        return True

    def settle(self, seconds: float = 1.5, longest: float = 20) -> None:
        """Read until the app has written (almost) nothing for ``seconds``: it has handled every key.

        A blinking cursor keeps writing a little, so "quiet" is under 4 KB in ``seconds``.
        """
        end = time.monotonic() + longest
        while time.monotonic() < end:
            before = len(self.output)
            self.read(seconds)
            if len(self.output) - before < 4096:
                return

    def drain(self, quiet: float = 0.2) -> None:
        """Read what is left in the terminal, until nothing comes for ``quiet`` seconds."""
        while True:
            before = len(self.output)
            if not self.read(quiet) or len(self.output) == before:
                return

    @contextmanager
    def reading_in_background(self) -> Iterator[None]:
        """Keep reading in a thread while the block runs (the test does something else meanwhile)."""
        stop = threading.Event()

        def pump() -> None:
            while not stop.is_set() and self.read(0.1):
                pass

        thread = threading.Thread(target=pump, daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join(5)

    # --- Keys, stopping -------------------------------------------------------------------------

    def write(self, keys: bytes) -> None:
        """All ``keys`` in one write, as they come over SSH; what the app writes next is ``seen``."""
        assert self.master is not None, "the terminal is closed"
        self._mark = len(self.output)
        written = os.write(self.master, keys)
        assert written == len(keys), f"the terminal took {written} of {len(keys)} bytes in one write"

    def wait_exit(self, seconds: float, what: str = "the app to stop") -> float:
        """Seconds until the app stopped (reading meanwhile); kill it and fail naming ``what`` if it
        did not within ``seconds``."""
        start = time.monotonic()
        while self.running:
            if time.monotonic() - start > seconds:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError(f"waited {seconds:g} s for {what}; last output: {self._last()}")
            if self.master is None:
                time.sleep(0.05)
            else:
                self.read(0.02)
        return time.monotonic() - start

    def hang_up(self) -> None:
        """Close the terminal as a lost connection does (the app gets no signal: see the module)."""
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def close(self) -> None:
        """Kill the app if it still runs; close the terminal."""
        if self.running:
            self.proc.kill()
        self.proc.wait()
        self.hang_up()


def atelier(*args: str | Path, **kwargs) -> Terminal:
    """``atelier *args`` (``python -m atelier_tui``) in a pseudo-terminal; see ``Terminal``."""
    return Terminal(["-m", "atelier_tui", *args], **kwargs)


@contextmanager
def busy_cpus(count: int | None = None) -> Iterator[None]:
    """Other processes keep ``count`` CPUs (default: all of them) busy while the block runs."""
    hogs = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"], start_new_session=True)
        for _ in range(count or os.cpu_count() or 2)
    ]
    try:
        yield
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
