"""Keys arriving in one burst, as over SSH: the real app in a pseudo-terminal, the whole sequence in
one write, and the saved session compared with the intended one exactly.

Also the moment the board appears (keys written as soon as its first frame is drawn), and a CPU
kept busy by other processes while the keys are handled.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session

from ..pty import CTRL_Q, ENTER, ESC, PASTE_END, PASTE_START, PGDN, PGUP, TAB, UP, atelier, busy_cpus, ctrl

CTRL_E, CTRL_O, CTRL_T, CTRL_Z = ctrl("e"), ctrl("o"), ctrl("t"), ctrl("z")


def _start(path: Path, step: str = "kansen-knelpunten"):
    return atelier("open", path, "--step", step)


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
    with _start(path) as term:
        term.wait_for(wait_for)
        term.write(burst)
        term.read_until(lambda: _cards(path) == expected, patience)
        term.write(CTRL_Q)
        term.wait_exit(10)
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
    with _start(path) as term:
        term.write(burst)  # at once, before the app is even up
        term.read_until(lambda: _cards(path) == expected, 20)
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
    with _start(path, "eisen-wensen") as term:
        term.wait_for(b"opgeslagen")
        term.read(0.5)  # the step is there; now one burst: the step key and a card
        term.write(PGDN + b"Meteen na de stap" + ENTER)
        term.read_until(lambda: _cards(path) == expected, 8)
        term.write(PGUP)  # and Page Up from the board's line goes back a step
        term.wait_for(b"Eisen en wensen", 8)
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
    with busy_cpus():
        yield


def test_a_burst_while_the_cpu_is_busy(sessions_dir, busy_cpu):
    path = create_demo_copy(SessionsDir(sessions_dir))
    burst, new, _ = _conversation(12)
    expected = _expected(path, new)
    assert _run(path, burst + EDITS, expected) == expected
