"""The colour pairs actually drawn on a screen, read from Textual's SVG screenshot, and their contrast.

Textual draws each run of text as an SVG ``<text>`` with a fill colour (its class), over ``<rect>``
backgrounds, one cell 12.2 by 24.4 units. Every visible character is paired with the background of
its cell; lines, blocks and box drawing are left out (they are not text to read).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.color import ColorSystem

from .screen import svg_cells


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
    found: dict[tuple[str, str], str] = {}
    for cell in svg_cells(svg).values():
        if _not_text(cell.char) or not cell.fg or not cell.bg:
            continue
        key = (cell.fg, cell.bg)
        if len(found.get(key, "")) < 30:
            found[key] = found.get(key, "") + cell.char
    return [Pair(fg, bg, sample) for (fg, bg), sample in found.items()]
