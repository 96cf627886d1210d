"""A QR code for a link, drawn with half blocks in fixed black on white, with the link under it.

The code is always black on white, whatever the theme: phones scan dark modules on a light
ground, and a projector washes out anything subtler. Each character cell holds two modules
one above the other (▀ ▄ █ and space), so a module is about square in a terminal. The four
modules of quiet zone around the code are part of the drawing.

The pure functions (``qr_matrix``, ``qr_lines``, ``code_size``, ``fit_scale``) know nothing
of Textual; the widget and the tests share them.
"""

from __future__ import annotations

from functools import lru_cache
from math import ceil

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from rich.cells import cell_len
from textual.app import RenderResult
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from ..teksten import deel as D

#: Modules of light margin around the code, as the QR standard asks.
QUIET_ZONE = 4
#: Dark modules in the foreground colour, light modules and quiet zone in the background colour.
CODE_STYLE = "#000000 on #ffffff"
#: The link under the code (theme colours: it is text, not part of the code).
URL_STYLE = "bold $text-accent"
#: Upper half, lower half, both, neither: the glyph for a (top dark, bottom dark) pair.
GLYPHS = {(True, False): "▀", (False, True): "▄", (True, True): "█", (False, False): " "}
#: The largest enlargement the widget uses (each module scale × scale half-cells).
MAX_SCALE = 4


@lru_cache(maxsize=32)
def qr_matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of the code for ``url`` (True = dark), quiet zone included.

    Error correction M; the text is encoded as UTF-8 in the most compact modes.
    """
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(url)
    code.make(fit=True)
    return tuple(tuple(bool(m) for m in row) for row in code.get_matrix())


def qr_lines(url: str, scale: int = 1) -> list[str]:
    """The code as text lines of half blocks: dark modules drawn, light modules blank.

    At ``scale`` s every module is s columns wide and s half-rows high. An odd number of
    half-rows is completed with a light half-row (more quiet zone, never a cut module).
    """
    if scale < 1:
        raise ValueError("scale must be at least 1")
    rows = [tuple(m for m in row for _ in range(scale)) for row in qr_matrix(url) for _ in range(scale)]
    if len(rows) % 2:
        rows.append((False,) * len(rows[0]))
    return [
        "".join(GLYPHS[top, bottom] for top, bottom in zip(upper, lower)) for upper, lower in zip(rows[::2], rows[1::2])
    ]


def modules(url: str) -> int:
    """Modules across (and down) the code, quiet zone included."""
    return len(qr_matrix(url))


def code_size(url: str, scale: int = 1) -> tuple[int, int]:
    """(columns, rows) of the drawn code at ``scale``."""
    n = modules(url) * scale
    return n, ceil(n / 2)


#: Characters after which a link may be broken over two lines.
URL_BREAKS = "/?&=.-_#"


def fold_url(url: str, width: int) -> list[str]:
    """The link in lines of at most ``width`` columns, broken after a / . ? & = where possible.

    (A link has no spaces, so ordinary word wrap would cut it anywhere.)
    """
    if not url:
        return []
    if width <= 0:
        return [url]
    lines: list[str] = []
    rest = url
    keep = url.find("://") + 3 if "://" in url else 0  # never break inside "https://"
    while cell_len(rest) > width:
        cut = 0
        used = 0
        for i, ch in enumerate(rest):
            used += cell_len(ch)
            if used > width:
                break
            cut = i + 1
        if cut == 0:  # a character wider than the line: give it a line of its own
            cut = 1
        breaks = [i + 1 for i in range(cut) if rest[i] in URL_BREAKS and i + 1 > keep]
        if breaks and breaks[-1] * 2 > cut:
            cut = breaks[-1]
        lines.append(rest[:cut])
        rest = rest[cut:]
        keep = 0
    lines.append(rest)
    return lines


def text_rows(url: str, width: int) -> int:
    """Rows the link takes under the code at ``width`` columns."""
    return len(fold_url(url, width))


def fit_scale(url: str, width: int, height: int, *, with_url: bool = True, max_scale: int = MAX_SCALE) -> int:
    """The largest scale at which the code (and the link under it) fits; 0 when not even 1 fits."""
    if not url:
        return 0
    below = text_rows(url, width) if with_url else 0
    for scale in range(max_scale, 0, -1):
        columns, rows = code_size(url, scale)
        if columns <= width and rows + below <= height:
            return scale
    return 0


class QRCode(Widget):
    """A QR code for ``url``, as large as fits (up to ``max_scale``), centred, with the link under it.

    When even the smallest code does not fit, it says so in words (``too_small``: for the room's
    screen nothing, as a window's size is the facilitator's business) instead of drawing a clipped
    code that would not scan. The link is always shown as plain text, never markup.
    """

    DEFAULT_CSS = """
    QRCode {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-align: center;
    }
    """

    url: reactive[str] = reactive("", layout=True)
    show_url: reactive[bool] = reactive(True, layout=True)
    max_scale: reactive[int] = reactive(MAX_SCALE, layout=True)

    def __init__(
        self,
        url: str = "",
        *,
        show_url: bool = True,
        max_scale: int = MAX_SCALE,
        too_small: str = D.TE_KLEIN,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.too_small = too_small
        self.set_reactive(QRCode.url, url)
        self.set_reactive(QRCode.show_url, show_url)
        self.set_reactive(QRCode.max_scale, max_scale)

    @property
    def scale(self) -> int:
        """The scale the code is drawn at now; 0 when it does not fit (or there is no link)."""
        width, height = self.content_size
        return fit_scale(self.url, width, height, with_url=self.show_url, max_scale=self.max_scale)

    @property
    def fits(self) -> bool:
        return self.scale > 0

    def render(self) -> RenderResult:
        if not self.url:
            return Content("")
        url = (
            Content.styled("\n".join(fold_url(self.url, self.content_size.width)), URL_STYLE) if self.show_url else None
        )
        scale = self.scale
        if not scale:
            message = Content.styled(self.too_small, "bold $text-warning")
            if url is None or not self.too_small:
                return url if url is not None else message
            return Content("\n").join([message, url])
        lines = [Content.styled(line, CODE_STYLE) for line in qr_lines(self.url, scale)]
        if url is not None:
            lines.append(url)
        return Content("\n").join(lines)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """Natural width: the code at scale 1, or the link if that is wider (and fits)."""
        if not self.url:
            return 0
        width = code_size(self.url)[0]
        if self.show_url:
            width = max(width, min(cell_len(self.url), container.width))
        return width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Natural height: the largest code that fits the width and the container, or scale 1."""
        if not self.url:
            return 0
        below = text_rows(self.url, width) if self.show_url else 0
        scale = fit_scale(self.url, width, container.height, with_url=self.show_url, max_scale=self.max_scale) or 1
        return code_size(self.url, scale)[1] + below
