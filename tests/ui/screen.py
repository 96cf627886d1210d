"""Helpers for tests: the text of the app's screen as a user sees it, and its cells with their colours."""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass

from rich.cells import cell_len
from textual.css.query import NoMatches

_TEXT = re.compile(r'<text [^>]*clip-path="url\(#[^)]*-line-(\d+)\)"[^>]*>(.*?)</text>', re.S)

#: Textual's SVG screenshot (Rich's export): one cell is 12.2 by 24.4 units; each run of text is a
#: ``<text>`` whose class gives its colour, over a ``<rect>`` in the background colour of the run.
CELL_W = 12.2
CELL_H = 24.4
_CLASS = re.compile(r"\.([\w-]+-r\d+) \{ fill: (#[0-9a-fA-F]{6})")
_RECT = re.compile(r'<rect fill="(#[0-9a-fA-F]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"')
_RUN = re.compile(
    r'<text class="([\w-]+-r\d+)" x="([\d.]+)" y="[\d.]+" textLength="([\d.]+)" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>',
    re.S,
)


@dataclass(frozen=True)
class Cell:
    """One cell as the terminal paints it: the character, its colour and the background ("#rrggbb";
    None where the screenshot names none: no text, or no background of its own)."""

    char: str = " "
    fg: str | None = None
    bg: str | None = None


def screen_text(app) -> str:
    """The visible characters, line by line (from the SVG screenshot Textual makes)."""
    lines: dict[int, list[str]] = {}
    for number, text in _TEXT.findall(app.export_screenshot()):
        lines.setdefault(int(number), []).append(html.unescape(text).replace("\xa0", " "))
    return "\n".join("".join(lines[n]) for n in sorted(lines))


def svg_cells(svg: str) -> dict[tuple[int, int], Cell]:
    """The cells an SVG screenshot paints, by (row, column), with reverse and dim already applied."""
    bg: dict[tuple[int, int], str] = {}
    for fill, x, y, w, _h in _RECT.findall(svg):
        row, first = round((float(y) - 1.5) / CELL_H), round(float(x) / CELL_W)
        for col in range(first, first + round(float(w) / CELL_W)):
            bg[(row, col)] = fill.lower()
    colours = {name: colour.lower() for name, colour in _CLASS.findall(svg)}
    cells = {place: Cell(bg=fill) for place, fill in bg.items()}
    for cls, x, _length, line, raw in _RUN.findall(svg):
        row, col = int(line), round(float(x) / CELL_W)
        for ch in html.unescape(raw).replace("\xa0", " "):
            cells[(row, col)] = Cell(ch, colours.get(cls), bg.get((row, col)))
            col += cell_len(ch)
    return dict(sorted(cells.items()))


def screen_cells(app) -> list[list[Cell]]:
    """Every cell of the app's screen, row by row, as it is painted (from Textual's SVG screenshot)."""
    cells = svg_cells(app.export_screenshot())
    width, height = app.size
    return [[cells.get((row, col), Cell()) for col in range(width)] for row in range(height)]


async def settle(pilot, n: int = 5) -> None:
    """Let the app process what is pending."""
    for _ in range(n):
        await pilot.pause()


async def wait_until(pilot, condition, what: str, timeout: float = 10.0) -> None:
    """Let the app run until ``condition()`` is true; fail loudly, naming ``what``, when it never is.

    Generous on purpose: on a busy machine (CI, two test workers) a screen can take seconds.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except NoMatches:
            pass  # the widget it looks at is not there yet
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what}; the screen shows:\n{screen_text(pilot.app)}")
        await pilot.pause(0.02)


async def wait_for(pilot, kind) -> None:
    """Wait until the screen on top is a ``kind`` (a screen class), then let it settle."""
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, kind), f"a {kind.__name__} on top")
    await settle(pilot, 2)


async def open_step(pilot, kind=None):
    """Wait until the session screen shows a step view (of class ``kind``, if given); return the view."""
    from atelier_tui.screens.session import SessionScreen
    from atelier_tui.screens.steps import StepView

    def view():
        screen = pilot.app.screen
        return screen.view if isinstance(screen, SessionScreen) else None

    await wait_until(
        pilot, lambda: isinstance(view(), kind or StepView), f"the step view {getattr(kind, '__name__', '')}"
    )
    await settle(pilot)
    return view()


def saved(path):
    """The session as it is on disk (opened read-only, as a second window would)."""
    from atelier_tui.store.repository import open_session

    opened = open_session(path, writable=False)
    opened.close()
    return opened.session
