"""Keys in one burst: the real app in a pseudo-terminal, each sequence written in a single write.

Over SSH and from a fast typist, keys arrive together. The saved session must be exactly the one
the same keys give when typed slowly: every key applied in order, to the field the keys before
it made current, also in the first moment after a form opens. Some tests run while every CPU is
kept busy by other processes, which is when the app is slowest to follow.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir

from .screen import saved

TAB, ENTER, ESC, END = b"\t", b"\r", b"\x1b", b"\x1b[F"
CTRL_S, CTRL_P = b"\x13", b"\x10"


class App:
    """The app in a pseudo-terminal; everything it writes is read and kept."""

    def __init__(self, path: Path, *args: str, size: tuple[int, int] = (120, 40)) -> None:
        master, slave = pty.openpty()
        os.set_blocking(master, False)
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(size[0]), "LINES": str(size[1])}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "atelier_tui", "open", str(path), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.seen = b""

    def read(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    self.seen += os.read(self.master, 65536)
                except OSError:
                    return

    def wait_for(self, needle: bytes, seconds: float = 30) -> None:
        end = time.monotonic() + seconds
        while needle not in self.seen:
            if time.monotonic() > end:
                raise AssertionError(f"{needle!r} never shown; last output: {self.seen[-400:]!r}")
            if self.proc.poll() is not None:
                raise AssertionError(f"the app stopped (code {self.proc.returncode}): {self.seen[-2000:]!r}")
            self.read(0.1)

    def burst(self, keys: bytes) -> None:
        """All keys in one write, as they come over SSH."""
        self.seen = b""
        os.write(self.master, keys)

    def settle(self, seconds: float = 1.5, longest: float = 20) -> None:
        """Read until the app has written (almost) nothing for ``seconds``: it has handled every key.

        A blinking cursor keeps writing a little, so "quiet" is under 4 KB in ``seconds``.
        """
        end = time.monotonic() + longest
        while time.monotonic() < end:
            before = len(self.seen)
            self.read(seconds)
            if len(self.seen) - before < 4096:
                return

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        os.close(self.master)


@contextmanager
def running(sessions_dir: Path, step: str, size: tuple[int, int] = (120, 40)):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = App(path, "--step", step, size=size)
    try:
        app.wait_for(b"opgeslagen")
        app.settle(0.5)
        yield app, path
    finally:
        app.stop()


@contextmanager
def busy_cpus():
    """Keep the machine busy with other processes while the block runs.

    One process per two CPUs: with the other test worker (pytest -n 2) every CPU is taken, while
    the tests that run beside this one still get their share.
    """
    count = max(1, (os.cpu_count() or 2) // 2)
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()


def people(path: Path) -> list[tuple]:
    return [(p.naam, p.fractie, p.rol, p.avond1, p.avond2) for p in saved(path).deelnemers]


# From the sessie step: Tab to the participants, End to the last one, n for a new one.
TO_LAST_PERSON = TAB + END


@pytest.mark.parametrize("load", ["idle", "busy"])
def test_a_participant_typed_and_saved_in_one_burst(sessions_dir, load):
    with running(sessions_dir, "sessie") as (app, path):
        before = people(path)
        keys = TO_LAST_PERSON + b"nJan de Vries" + TAB + b"Groen Lindewaard" + CTRL_S
        keys += b"nEva Bakker" + TAB + b"Dorpsbelang" + TAB + b"g" + CTRL_S
        if load == "busy":
            with busy_cpus():
                app.burst(keys)
                app.settle(3)
        else:
            app.burst(keys)
            app.settle()
        assert people(path) == [
            *before,
            ("Jan de Vries", "Groen Lindewaard", "raadslid", True, True),
            ("Eva Bakker", "Dorpsbelang", "griffier", True, True),
        ]


def test_enter_moves_to_the_next_field_and_saves_after_the_last(sessions_dir):
    with running(sessions_dir, "sessie") as (app, path):
        before = people(path)
        # Enter after the name goes to the fractie, after the fractie to the role, ... and
        # Enter in the last field (the function) saves.
        app.burst(
            TO_LAST_PERSON + b"nMila Kok" + ENTER + b"VVD" + ENTER + b"b" + ENTER + ENTER + b"n" + ENTER + ENTER + ENTER
        )
        app.settle()
        assert people(path) == [*before, ("Mila Kok", "VVD", "burgerraadslid", True, False)]


def test_keys_after_saving_go_to_the_list_again(sessions_dir):
    with running(sessions_dir, "opening") as (app, path):
        rules_before = [r.tekst for r in saved(path).spelregels]
        # On the opening the goal has the keys; Tab to the ground rules.
        keys = TAB + END + b"nWe laten elkaar uitpraten" + CTRL_S + b"nTelefoons op stil" + CTRL_S
        app.burst(keys)
        app.settle()
        assert [r.tekst for r in saved(path).spelregels] == [
            *rules_before,
            "We laten elkaar uitpraten",
            "Telefoons op stil",
        ]


def test_a_double_enter_on_a_step_in_the_palette(sessions_dir):
    with running(sessions_dir, "sessie") as (app, path):
        app.burst(CTRL_P + b"Stap: Voorbeelden" + ENTER + ENTER)
        app.settle()
        assert app.proc.poll() is None, app.seen[-2000:]
        assert saved(path).huidige_stap == "voorbeelden"
        assert b"Traceback" not in app.seen and b"Error" not in app.seen


def test_a_fast_enter_in_the_palette_does_not_stop_the_app(sessions_dir):
    with running(sessions_dir, "sessie") as (app, path):
        app.burst(CTRL_P + ENTER + ENTER)
        app.settle()
        assert app.proc.poll() is None, "the app stopped"
