"""The room's screen is made for distance (issue 13): what forty council members see on the projector.

The step's title in a band with the big clock, never the explanation meant for the facilitator; the
ladder's NU and STRAKS marks as blocks; the board's points next to their text, in large digits at the
top of a discussion of the points, the cards filling the height; the Delen link as a large QR code,
also at the evaluatie step. Each test looks at what the room's screen (``atelier present``) draws.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier_tui.app import AtelierApp
from atelier_tui.domain import rules
from atelier_tui.domain.steps import STEP_KEYS, step
from atelier_tui.screens.steps.board import KansenKnelpuntenView
from atelier_tui.screens.steps.deel import DeelView
from atelier_tui.screens.steps.evening2 import EvaluatieView
from atelier_tui.screens.steps.ladder import LadderStepView
from atelier_tui.screens.steps.prep import StepHeading
from atelier_tui.store import viewstate
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session
from atelier_tui.widgets.board import CardColumn, _big_digits
from atelier_tui.widgets.ladder import FOCUS, NU_BLOCK, STRAKS_BLOCK, LadderDiagram
from atelier_tui.widgets.qr import QRCode
from atelier_tui.widgets.timer import BigTimer

from .screen import open_step, screen_text, settle, wait_until
from .test_qr import DEMO_URL, bitmap_from_screen, decode

ROOM, SMALL, HERS = (200, 60), (80, 24), (120, 40)


def session_at(sessions_dir: Path, key: str, *, url: str = "", tab: str | None = None, item: str | None = None):
    """A demo session open at step ``key`` (with the Delen link ``url``), and what she points at."""
    path = create_demo_copy(SessionsDir(sessions_dir))
    with open_session(path) as opened:
        opened.session.huidige_stap = key
        opened.session.deel = opened.session.deel.model_copy(update={"url": url})
        assert opened.save().ok
    if tab is not None or item is not None:
        viewstate.publish(path, {"seq": 1, "step": key, "tab": tab, "item": item})
    return path


def words(app) -> str:
    return " ".join(screen_text(app).split())


def rows(app) -> list[str]:
    """The screen as the terminal shows it: one string per row, every cell in its place."""
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def shown(widget) -> bool:
    """Drawn on the screen: displayed (and its ancestors: else it has no place) and given room."""
    return bool(widget.display and widget.region.area)


# --- The title, not her explanation; the clock in the title band -------------------------------------


@pytest.mark.parametrize("key", STEP_KEYS)
async def test_the_room_sees_the_steps_title_and_never_the_explanation_meant_for_her(sessions_dir, key):
    path = session_at(sessions_dir, key)
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=ROOM) as pilot:
        view = await open_step(pilot)
        await settle(pilot)
        heading = view.query_one(StepHeading)
        assert shown(heading) and heading.region.height == StepHeading.BAND
        assert step(key).titel in rows(room)[heading.region.y + 1]  # in the middle of the band
        assert step(key).uitleg not in words(room)
        assert not shown(heading.query_one(".step-uitleg"))


@pytest.mark.parametrize("key", [k for k in STEP_KEYS if k != "kansen-knelpunten"])
async def test_the_facilitator_sees_the_explanation_of_the_step(sessions_dir, key):
    path = session_at(sessions_dir, key)
    app = AtelierApp(sessions_dir, open_path=path, step=key)
    async with app.run_test(size=HERS) as pilot:
        view = await open_step(pilot)
        heading = view.query_one(StepHeading)
        assert shown(heading.query_one(".step-uitleg")) and not shown(heading.query_one(".step-titel"))
        assert step(key).uitleg[:40] in screen_text(app)


async def test_the_big_clock_stands_in_the_title_band_and_takes_no_strip_of_the_width(sessions_dir):
    path = session_at(sessions_dir, "kansen-knelpunten")
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=ROOM) as pilot:
        view = await open_step(pilot, KansenKnelpuntenView)
        clock = room.screen.query_one(BigTimer)
        heading = view.query_one(StepHeading)
        assert shown(clock) and clock.region.y == heading.region.y and clock.region.height <= heading.region.height
        assert clock.region.right >= ROOM[0] - 2  # in the band's right end
        # The board's columns reach under the clock, to the right edge of the body.
        assert view.query_one("#knelpunt").region.right >= ROOM[0] - 3


async def test_a_small_room_screen_keeps_its_lines_for_the_content(sessions_dir):
    """At 80x24 no band and no big clock: the header names the step and shows the time."""
    path = session_at(sessions_dir, "ladder")
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=SMALL) as pilot:
        view = await open_step(pilot, LadderStepView)
        await settle(pilot)
        assert not shown(view.query_one(StepHeading))
        assert not shown(room.screen.query_one(BigTimer))
        top = screen_text(room).splitlines()[0]
        assert "Participatieladder" in top and "tijd 40:00" in top
        # Nothing that matters is cut: every opgave has its column on the ladder.
        diagram = view.query_one(LadderDiagram)
        header = rows(room)[diagram.content_region.y]
        numbers = header[diagram.content_region.x : diagram.content_region.right].split("STRAKS")[1]
        assert numbers.split() == ["1", "2", "3", "4", "5"]  # no "›": none left out


# --- The ladder's marks -----------------------------------------------------------------------------------


def marks(diagram: LadderDiagram) -> list[str]:
    """The texts drawn in the marks' block styles."""
    content = diagram.render()
    return [content.plain[s.start : s.end] for s in content.spans if s.style in (NU_BLOCK, STRAKS_BLOCK, FOCUS)]


async def test_the_rooms_ladder_marks_nu_and_straks_with_words_in_blocks(sessions_dir):
    path = session_at(sessions_dir, "ladder")
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=ROOM) as pilot:
        view = await open_step(pilot, LadderStepView)
        await settle(pilot)
        drawn = marks(view.query_one(LadderDiagram))
        assert " NU " in drawn and " STRAKS " in drawn and " BLIJFT " in drawn  # (Groenbeheer stays)
        assert all(len(mark) >= 3 for mark in drawn)
        opgaven = view.session.opgaven
        placed = sum(o.nu is not None and o.nu != o.straks for o in opgaven) + sum(
            o.straks is not None for o in opgaven
        )
        assert len(drawn) >= placed + 2  # every mark on the ladder, and the key above it


async def test_on_a_small_room_screen_the_marks_are_blocks_of_three_cells(sessions_dir):
    path = session_at(sessions_dir, "ladder")
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=SMALL) as pilot:
        view = await open_step(pilot, LadderStepView)
        await settle(pilot)
        drawn = marks(view.query_one(LadderDiagram))
        assert {" ○ ", " ● "} <= set(drawn)
        assert all(len(mark) >= 3 for mark in drawn)


async def test_the_facilitators_ladder_keeps_its_small_marks(sessions_dir):
    path = session_at(sessions_dir, "ladder")
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=HERS) as pilot:
        view = await open_step(pilot, LadderStepView)
        content = view.query_one(LadderDiagram).render()
        assert not [s for s in content.spans if s.style in (NU_BLOCK, STRAKS_BLOCK)]


# --- The board ------------------------------------------------------------------------------------------


def next_to(text: str, votes: int, line: str) -> bool:
    """The badge with ``votes`` stands right after the last word of ``text`` in ``line`` (the gap, and
    the badge's own space: three cells)."""
    return f"{text.split()[-1]}   ● {votes} " in line


def has_digits(lines: list[str], number: int) -> bool:
    """``number`` in large digits somewhere on the screen: its three rows one above the other."""
    digits = _big_digits(str(number))
    for y in range(len(lines) - 2):
        x = lines[y].find(digits[0])
        while x >= 0:
            if lines[y + 1][x : x + len(digits[1])] == digits[1] and lines[y + 2][x : x + len(digits[2])] == digits[2]:
                return True
            x = lines[y].find(digits[0], x + 1)
    return False


async def test_sorted_by_points_the_rooms_top_cards_show_their_points_in_large_digits(sessions_dir):
    path = session_at(sessions_dir, "kansen-knelpunten", tab="punten", item="kans:")
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=ROOM) as pilot:
        view = await open_step(pilot, KansenKnelpuntenView)
        await wait_until(pilot, lambda: view.by_points, "the board sorted by points")
        await settle(pilot)
        lines = rows(room)
        top = view.session.afsluiting.top
        for kolom in ("kans", "knelpunt"):
            ranked = rules.by_votes(view.session.kolom(kolom))
            assert view.query_one(f"#{kolom} CardColumn", CardColumn).card_ids == [k.id for k in ranked]
            for card in ranked[:top]:
                assert has_digits(lines, card.stemmen), f"{card.stemmen} in large digits"
            for card in ranked[top:]:  # the others: a badge on the last line of their text
                assert any(next_to(card.tekst, card.stemmen, line) for line in lines), card.tekst
        assert not [line for line in lines if "● 11 " in line or "● 12 " in line]  # only in large digits


@pytest.mark.parametrize("size", [ROOM, SMALL], ids=["200x60", "80x24"])
async def test_the_rooms_board_has_the_points_next_to_the_text_and_no_large_digits_unsorted(sessions_dir, size):
    path = session_at(sessions_dir, "kansen-knelpunten")
    with open_session(path) as opened:  # a card with points and nothing else: no line for the points alone
        card = next(k for k in opened.session.kaarten if k.kolom == "kans")
        card.thema, card.bron, card.tekst, card.stemmen = "", None, "Kort", 4
        assert opened.save().ok
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=size) as pilot:
        view = await open_step(pilot, KansenKnelpuntenView)
        await settle(pilot)
        lines = rows(room)
        assert not any(has_digits(lines, k.stemmen) for k in view.session.kaarten)
        y = next(y for y, line in enumerate(lines) if "Kort" in line)
        x = lines[y].index("Kort")
        assert next_to("Kort", 4, lines[y][x:])  # right after the text, not at the far edge
        assert "●" not in lines[y + 1][x - 2 : x + 30]  # no line of its own for the points
        cards = view.session.kaarten if size == ROOM else []  # (at 80x24 not all are in view)
        for k in cards:  # votes sat 70 columns from their text: now two spaces after it
            assert any(next_to(k.tekst, k.stemmen, line) for line in lines), k.tekst


async def test_the_rooms_cards_fill_the_height_when_they_fit(sessions_dir):
    path = session_at(sessions_dir, "kansen-knelpunten")
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=ROOM) as pilot:
        view = await open_step(pilot, KansenKnelpuntenView)
        await settle(pilot)
        for kolom in ("kans", "knelpunt"):
            cards = view.query_one(f"#{kolom} CardColumn", CardColumn)
            height = cards.scrollable_content_region.height
            assert cards.virtual_size.height <= height  # all in view
            assert cards.virtual_size.height >= 0.8 * height  # and no empty bottom third


async def test_the_facilitators_board_sorted_by_points_has_no_large_digits(sessions_dir):
    path = session_at(sessions_dir, "kansen-knelpunten")
    app = AtelierApp(sessions_dir, open_path=path, step="kansen-knelpunten")
    async with app.run_test(size=HERS) as pilot:
        view = await open_step(pilot, KansenKnelpuntenView)
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: view.by_points, "sorted by points")
        await settle(pilot)
        lines = rows(app)
        assert not has_digits(lines, 11) and any("● 11 " in line for line in lines)


# --- The Delen link at the evaluatie step, and large ------------------------------------------------------


async def test_the_evaluatie_step_shows_the_delen_code_large_on_the_rooms_screen(sessions_dir):
    path = session_at(sessions_dir, "evaluatie", url=DEMO_URL)
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=ROOM) as pilot:
        view = await open_step(pilot, EvaluatieView)
        await settle(pilot)
        qr = view.query_one(QRCode)
        assert shown(qr) and qr.scale >= 2
        assert decode(bitmap_from_screen(room)) == [DEMO_URL]
        text = words(room)
        assert view.session.deel.toelichting in text
        assert "Gemiddeld" in text and view.session.evaluatie.reacties[0].tekst[:30] in text  # still there


async def test_the_facilitator_sees_the_code_at_the_evaluatie_step_too(sessions_dir):
    path = session_at(sessions_dir, "evaluatie", url=DEMO_URL)
    app = AtelierApp(sessions_dir, open_path=path, step="evaluatie")
    async with app.run_test(size=HERS) as pilot:
        await open_step(pilot, EvaluatieView)
        await settle(pilot)
        assert decode(bitmap_from_screen(app)) == [DEMO_URL]


async def test_without_a_link_the_evaluatie_step_shows_no_code(sessions_dir):
    path = session_at(sessions_dir, "evaluatie")
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=ROOM) as pilot:
        view = await open_step(pilot, EvaluatieView)
        await settle(pilot)
        assert not shown(view.query_one(QRCode))
        assert not set("▀▄") & set(screen_text(room))
        assert decode(bitmap_from_screen(room)) == []


async def test_a_small_room_screen_shows_the_link_in_words_and_no_window_warning(sessions_dir):
    path = session_at(sessions_dir, "evaluatie", url=DEMO_URL)
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=SMALL) as pilot:
        await open_step(pilot, EvaluatieView)
        await settle(pilot)
        text = screen_text(room)
        assert "lindewaard.example/" in text and "participatie" in text
        assert "venster" not in text  # the size of a window is her business


async def test_the_delen_step_on_the_rooms_screen_is_as_large_as_fits(sessions_dir):
    path = session_at(sessions_dir, "deel", url="https://lindewaard.nl")
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=ROOM) as pilot:
        view = await open_step(pilot, DeelView)
        await settle(pilot)
        assert view.query_one(QRCode).scale == 3  # as large as fits (the title band included)
        assert decode(bitmap_from_screen(room)) == ["https://lindewaard.nl"]
        assert step("deel").uitleg not in words(room)


# --- No key hints at the Afsluiting step --------------------------------------------------------------------


async def test_the_afsluiting_names_its_keys_for_the_facilitator_only(sessions_dir):
    path = session_at(sessions_dir, "afsluiting")
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=ROOM) as pilot:
        await open_step(pilot)
        await settle(pilot)
        assert "Automatisch: de 3 kaarten" in words(room) and "Met + en -" not in words(room)
    app = AtelierApp(sessions_dir, open_path=path, step="afsluiting")
    async with app.run_test(size=HERS) as pilot:
        await open_step(pilot)
        assert "Met + en - meer of minder" in words(app)
