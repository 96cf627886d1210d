"""Keys arriving in one burst, as over SSH: the real app in a pseudo-terminal, the whole sequence in
one write, and the saved session compared with the intended one exactly.

Also the moment the board appears (keys written as soon as its first frame is drawn), and a CPU
kept busy by other processes while the keys are handled.
"""

from __future__ import annotations

import contextlib
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session

ENTER, TAB, UP, DOWN, ESC = b"\r", b"\t", b"\x1b[A", b"\x1b[B", b"\x1b"
PGDN, PGUP = b"\x1b[6~", b"\x1b[5~"
CTRL_E, CTRL_O, CTRL_T, CTRL_Z, CTRL_Q = b"\x05", b"\x0f", b"\x14", b"\x1a", b"\x11"
PASTE_START, PASTE_END = b"\x1b[200~", b"\x1b[201~"


def _start(path: Path) -> tuple[subprocess.Popen, int]:
    return _start_at(path, "kansen-knelpunten")


def _start_at(path: Path, step: str) -> tuple[subprocess.Popen, int]:
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "atelier_tui", "open", str(path), "--step", step],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    return proc, master


def _read(master: int, seen: bytearray, seconds: float) -> None:
    ready, _, _ = select.select([master], [], [], seconds)
    if ready:
        with contextlib.suppress(OSError):
            seen += os.read(master, 1 << 16)


def _wait_for(master: int, needle: bytes, seconds: float = 30) -> None:
    seen = bytearray()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        _read(master, seen, 0.02)
        if needle in seen:
            return
    raise AssertionError(f"{needle!r} never appeared on the screen; last output {bytes(seen[-300:])!r}")


def _cards(path: Path) -> list[tuple]:
    with open_session(path, writable=False) as opened:
        session = opened.session
    return [
        (k.kolom, k.tekst, k.volgorde, k.stemmen, k.thema, k.bron.soort if k.bron else "")
        for c in ("kans", "knelpunt")
        for k in session.kolom(c)
    ]


def _run(
    path: Path, burst: bytes, expected: list[tuple], *, wait_for: bytes = b"KNELPUNTEN", patience: float = 40
) -> list[tuple]:
    """Start the board, write ``burst`` in one write once ``wait_for`` is drawn, quit, return the cards."""
    proc, master = _start(path)
    try:
        _wait_for(master, wait_for)
        os.write(master, burst)
        seen = bytearray()
        end = time.monotonic() + patience
        while time.monotonic() < end and _cards(path) != expected:
            _read(master, seen, 0.1)
        os.write(master, CTRL_Q)
        end = time.monotonic() + 10
        while proc.poll() is None and time.monotonic() < end:
            _read(master, seen, 0.05)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        os.close(master)
    return _cards(path)


def _conversation(n: int, *, alternate: bool = True) -> tuple[bytes, dict[str, list[str]], int]:
    """``n`` cards alternating between kans and knelpunt, typed as a new user would: the text,
    Tab when the column must change, Enter. Returns the keys, the new texts per column and how
    many keys the cards cost beyond their text."""
    burst, new, extra = b"", {"kans": [], "knelpunt": []}, 0
    kolom = "kans"
    for i in range(n):
        want = "knelpunt" if alternate and i % 2 else "kans"
        tekst = f"Punt {i} de raad en 2026 35 + nog iets"  # letters, digits and + are text
        burst += tekst.encode()
        if want != kolom:
            burst += TAB
            kolom, extra = want, extra + 1
        burst += ENTER
        extra += 1
        new[want].append(tekst)
    return burst, new, extra


#: After the cards (the last one, a knelpunt, is selected): two votes, then the tally typed as
#: "= 12 Enter" replaces them; one card up: a theme, a source, its text changed; a vote that is
#: taken back with undo; a card moved to the kansen and back.
EDITS = (
    b"++=12"
    + ENTER
    + UP
    + CTRL_T
    + b"Bereik"
    + ENTER
    + CTRL_O
    + b"eigen"
    + ENTER
    + CTRL_E
    + b" (aangepast)"
    + ENTER
    + b"+"
    + CTRL_Z
)


def _expected(path: Path, new: dict[str, list[str]]) -> list[tuple]:
    before = _cards(path)
    result = []
    for kolom in ("kans", "knelpunt"):
        old = [c for c in before if c[0] == kolom]
        result += old + [(kolom, tekst, len(old) + i, 0, "", "") for i, tekst in enumerate(new[kolom])]
    knel = [i for i, c in enumerate(result) if c[0] == "knelpunt"]
    last, above = knel[-1], knel[-2]
    result[last] = (*result[last][:3], 12, "", "")
    kolom, tekst, volgorde = result[above][:3]
    result[above] = (kolom, tekst + " (aangepast)", volgorde, 0, "Bereik", "eigen-ervaring")
    return result


def test_capture_costs_the_text_plus_at_most_two_keys_when_the_columns_alternate(sessions_dir):
    """24 cards, kansen and knelpunten in turn: Tab (when the column changes) and Enter; the
    sequence counted here is the one the burst test below proves on the real board."""
    _, _, extra = _conversation(24)
    assert extra / 24 <= 2  # 47 keys for 24 cards: 1.96 per card
    _, _, extra = _conversation(24, alternate=False)
    assert extra == 24  # one key per card (Enter) when the column is already right
    path = create_demo_copy(SessionsDir(sessions_dir))
    burst, new, _ = _conversation(24)
    before = _cards(path)
    expected = []
    for kolom in ("kans", "knelpunt"):
        old = [c for c in before if c[0] == kolom]
        expected += old + [(kolom, tekst, len(old) + i, 0, "", "") for i, tekst in enumerate(new[kolom])]
    assert _run(path, burst, expected) == expected


def test_twenty_cards_alternating_with_votes_and_a_theme_in_one_burst(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    burst, new, _ = _conversation(20)
    expected = _expected(path, new)
    assert _run(path, burst + EDITS, expected) == expected


def _two_quick_cards(path: Path) -> tuple[bytes, list[tuple]]:
    before = _cards(path)
    kansen = [c for c in before if c[0] == "kans"]
    knelpunten = [c for c in before if c[0] == "knelpunt"]
    expected = [
        *kansen,
        ("kans", "Direct getypt", len(kansen), 0, "", ""),
        *knelpunten,
        ("knelpunt", "Nog een", len(knelpunten), 0, "", ""),
    ]
    return b"Direct getypt" + ENTER + b"Nog een" + TAB + ENTER, expected


def test_keys_written_the_instant_the_board_is_drawn(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    burst, expected = _two_quick_cards(path)
    assert _run(path, burst, expected, wait_for=b"KANSEN") == expected


def test_keys_written_the_instant_the_first_frame_is_drawn(sessions_dir):
    """The header is drawn before the board: keys typed then must still reach the board."""
    path = create_demo_copy(SessionsDir(sessions_dir))
    burst, expected = _two_quick_cards(path)
    assert _run(path, burst, expected, wait_for=b"opgeslagen", patience=8) == expected


def test_keys_written_right_after_exec_wait_for_the_board(sessions_dir):
    """As over SSH: the keys typed right after the command, before the app has the terminal in raw
    mode (so Enter comes in as a line feed) and while the start screen is up, land on the board."""
    path = create_demo_copy(SessionsDir(sessions_dir))
    burst, expected = _two_quick_cards(path)
    proc, master = _start(path)
    try:
        os.write(master, burst)
        seen = bytearray()
        end = time.monotonic() + 20
        while time.monotonic() < end and _cards(path) != expected:
            _read(master, seen, 0.1)
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
    assert _cards(path) == expected


def test_keys_typed_right_after_the_step_key_go_to_the_board(sessions_dir):
    """Page Down from the step before, and the card typed in the same burst lands on the board."""
    path = create_demo_copy(SessionsDir(sessions_dir))
    with open_session(path) as opened:
        opened.session.huidige_stap = "eisen-wensen"
        assert opened.save().ok
    before = _cards(path)
    kansen = [c for c in before if c[0] == "kans"]
    expected = [*kansen, ("kans", "Meteen na de stap", len(kansen), 0, "", ""), *before[len(kansen) :]]
    proc, master = _start_at(path, "eisen-wensen")
    try:
        _wait_for(master, b"opgeslagen")
        time.sleep(0.5)  # the step is there; now one burst: the step key and a card
        os.write(master, PGDN + b"Meteen na de stap" + ENTER)
        end = time.monotonic() + 8
        seen = bytearray()
        while time.monotonic() < end and _cards(path) != expected:
            _read(master, seen, 0.1)
        os.write(master, PGUP)  # and Page Up from the board's line goes back a step
        _wait_for(master, b"Eisen en wensen", 8)
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
    assert _cards(path) == expected


def test_escape_puts_a_draft_aside_and_undo_gives_it_back_not_another_card(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    before = _cards(path)
    kansen = [c for c in before if c[0] == "kans"]
    burst = b"Eerste kaart" + ENTER + b"Een lange zin die ik toch wil houden" + ESC
    # After Escape the line is empty; Ctrl+Z brings the draft back, Enter puts it on the board.
    burst += CTRL_Z + ENTER
    expected = [
        *kansen,
        ("kans", "Eerste kaart", len(kansen), 0, "", ""),
        ("kans", "Een lange zin die ik toch wil houden", len(kansen) + 1, 0, "", ""),
        *[c for c in before if c[0] == "knelpunt"],
    ]
    assert _run(path, burst, expected) == expected


def test_a_pasted_text_with_line_breaks_is_one_card(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    before = _cards(path)
    kansen = [c for c in before if c[0] == "kans"]
    burst = PASTE_START + b"Eerste regel\ntweede regel\r\nderde" + PASTE_END + ENTER
    expected = [
        *kansen,
        ("kans", "Eerste regel tweede regel derde", len(kansen), 0, "", ""),
        *[c for c in before if c[0] == "knelpunt"],
    ]
    assert _run(path, burst, expected) == expected


@pytest.fixture
def busy_cpu():
    """Other processes keep every core busy while the test runs."""
    spinners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"], start_new_session=True)
        for _ in range(os.cpu_count() or 2)
    ]
    yield
    for spinner in spinners:
        spinner.kill()
        spinner.wait()


def test_a_burst_while_the_cpu_is_busy(sessions_dir, busy_cpu):
    path = create_demo_copy(SessionsDir(sessions_dir))
    burst, new, _ = _conversation(12)
    expected = _expected(path, new)
    assert _run(path, burst + EDITS, expected) == expected
