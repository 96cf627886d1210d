"""The real app in a pseudo-terminal: a hang-up or a closed connection saves and stops at once."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, lock_path_for, open_session

from ..pty import PGDN, atelier


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_signal_saves_and_exits_within_a_second(sessions_dir, sig):
    path = create_demo_copy(SessionsDir(sessions_dir))
    with atelier("open", path, "--step", "opening") as term:
        term.wait_for(b"opgeslagen", 20)
        # the step the facilitator is at was saved on arrival
        term.write(PGDN)  # next step (voorbeelden)
        term.wait_for(b"Voorbeelden", 10)
        term.read(0.3)
        term.proc.send_signal(sig)
        took = term.wait_exit(5)
    assert took < 5.0  # "within a second" is measured by the benchmark; this only catches a hang
    assert term.proc.returncode == 0
    opened = open_session(path)  # the lock was released: this window may write
    assert not opened.read_only
    assert opened.session.huidige_stap == "voorbeelden"
    opened.close()


def test_a_closed_connection_does_not_make_the_app_spin(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    with atelier("open", path) as term:
        term.wait_for(b"opgeslagen", 20)
        # The connection is gone. The pty is not the app's controlling terminal, so no hang-up
        # signal comes: this tests the input side alone (end of input, read errors).
        term.hang_up()
        term.wait_exit(5, "the app to stop after its terminal closed")
    assert lock_path_for(path).exists()
    opened = open_session(path)
    assert not opened.read_only
    opened.close()


def test_without_a_terminal_the_screen_is_refused_plainly(sessions_dir):
    out = subprocess.run(
        [sys.executable, "-m", "atelier_tui", "--sessions-dir", str(sessions_dir), "demo"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert out.returncode == 1
    assert "terminal nodig" in out.stderr
    assert list(sessions_dir.glob("*.json")) == []  # no demo copy made for nothing
