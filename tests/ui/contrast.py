"""The colour pairs actually drawn on a screen, read from Textual's SVG screenshot, and their contrast.

Textual draws each run of text as an SVG ``<text>`` with a fill colour (its class), over ``<rect>``
backgrounds, one cell 12.2 by 24.4 units. Every visible character is paired with the background of
its cell; lines, blocks and box drawing are left out (they are not text to read).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.color import ColorSystem

CELL_W = 12.2
CELL_H = 24.4
_CLASS = re.compile(r"\.([\w-]+-r\d+) \{ fill: (#[0-9a-fA-F]{6})")
_RECT = re.compile(r'<rect fill="(#[0-9a-fA-F]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"')
_TEXT = re.compile(
    r'<text class="([\w-]+-r\d+)" x="([\d.]+)" y="[\d.]+" textLength="([\d.]+)" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>',
    re.S,
)


def _not_text(ch: str) -> bool:
    code = ord(ch)
    return ch.isspace() or 0x2500 <= code <= 0x259F or 0x2800 <= code <= 0x28FF or ch in "▏▕▔▁▎▊"


def _luminance(hex_colour: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def in_256(hex_colour: str) -> str:
    """The colour a 256-colour terminal shows for it (as Rich and Textual downgrade it)."""
    r, g, b = RichColor.parse(hex_colour).downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return f"#{r:02x}{g:02x}{b:02x}"


@dataclass(frozen=True)
class Pair:
    fg: str
    bg: str
    sample: str  # some of the text drawn in it

    @property
    def ratio(self) -> float:
        return ratio(self.fg, self.bg)

    @property
    def ratio_256(self) -> float:
        return ratio(in_256(self.fg), in_256(self.bg))


def drawn_pairs(svg: str) -> list[Pair]:
    colours = dict(_CLASS.findall(svg))
    backgrounds: dict[tuple[int, int], str] = {}
    for fill, x, y, w, _h in _RECT.findall(svg):
        row = round((float(y) - 1.5) / CELL_H)
        first = round(float(x) / CELL_W)
        for col in range(first, first + round(float(w) / CELL_W)):
            backgrounds[(row, col)] = fill.lower()
    found: dict[tuple[str, str], str] = {}
    for cls, x, _length, line, raw in _TEXT.findall(svg):
        text = html.unescape(raw).replace("\xa0", " ")
        fg = colours.get(cls, "").lower()
        if not fg:
            continue
        col0 = round(float(x) / CELL_W)
        for i, ch in enumerate(text):
            if _not_text(ch):
                continue
            bg = backgrounds.get((int(line), col0 + i))
            if bg is None:
                continue
            key = (fg, bg)
            if len(found.get(key, "")) < 30:
                found[key] = found.get(key, "") + ch
    return [Pair(fg, bg, sample) for (fg, bg), sample in found.items()]
