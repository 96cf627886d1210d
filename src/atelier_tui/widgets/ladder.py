"""The participatieladder as a drawing: rungs from bottom to top, the opgaven on their rungs.

Every opgave has a column to the right of the ladder, numbered at the top. In its column a ○
marks where the opgave is NU and a ● where it should be STRAKS, with a line and an arrow head
between them, so the step each opgave takes reads at a glance. A legend under the ladder names
the opgaven by number.

The drawing fits itself to its size: with room to spare the rungs spread out and each rung shows
what it commits the municipality to; when space is short only the rung names and the markers are
drawn (the step view puts the long texts in a panel). The widget knows nothing about saving or
keys: it shows a ``LadderFace``. Every user text is shown literally, never read as markup.

For the room (``room=True``) the marks are larger than one glyph, to be read from the back row:
coloured blocks with the words NU and STRAKS where the columns are wide enough (the room's screen
gives them the width), else a block of three cells around the glyph; the rungs spread further.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from ..domain.session import Ladder, Opgave, Trede
from ..teksten import ladder as T

Moving = Literal["nu", "straks"]

# Styles (theme variables only)
RAIL = "$primary"
RUNG_NAME = "bold"
FOCUS = "bold $text on $accent"  # the highlighted rung name, the moving marker, the selected number
NU_STYLE = "bold $text"
STRAKS_STYLE = "bold $success"
LINE_STYLE = "$success"  # the line from NU to STRAKS
SELECTED = "bold $accent"
MUTED = "$text-muted"
#: The room's marks: blocks on a coloured background (the one being moved: FOCUS).
NU_BLOCK = "bold $text on $secondary"
STRAKS_BLOCK = "bold $text on $success"

#: Narrowest and widest rung names before they are cut off with an ellipsis.
NAME_MIN, NAME_MAX = 8, 20
#: Width of an opgave's column: natural, narrowest, widest.
COLUMN, COLUMN_MIN, COLUMN_MAX = 5, 3, 7
#: On the room's screen: natural and widest; from LABEL_MIN on the marks are words, not glyphs.
ROOM_COLUMN, ROOM_COLUMN_MAX, LABEL_MIN = 10, 10, 8
#: Most empty lines between two rungs (the room's screen spreads them further).
GAP_MAX, ROOM_GAP_MAX = 3, 5
#: Lines kept free under the legend for the selected opgave's reason when the rungs spread further.
REASON_LINES = 6
#: The rung texts are drawn inside the ladder when it is at least this wide inside ...
TEXT_MIN = 34
#: ... and are wrapped at this width at most, so lines stay easy to read.
TEXT_MAX = 64
GAP = 2  # between the ladder and the columns
LEGEND_INDENT = 4  # the number before each opgave's title
LEGEND_LINES = 5  # the legend may push the rungs together to show this many opgaven
LEGEND_MAX = 52  # the legend widens the drawing up to this width ...
LEGEND_EMPTY = 36  # ... or this one when there are no opgaven yet


@dataclass(frozen=True)
class RungFace:
    key: str
    naam: str
    tekst: str = ""  # what the municipality commits to


@dataclass(frozen=True)
class OpgaveFace:
    id: str
    titel: str
    nu: str | None = None
    straks: str | None = None
    toelichting: str = ""


@dataclass(frozen=True)
class LadderFace:
    """What the drawing shows."""

    rungs: tuple[RungFace, ...]  # bottom rung first
    opgaven: tuple[OpgaveFace, ...] = ()
    selected: str | None = None  # id of the selected opgave
    moving: Moving | None = None  # the marker of the selected opgave that the keys move
    rung: str | None = None  # the highlighted rung

    @classmethod
    def of(
        cls,
        ladder: Ladder,
        opgaven: Iterable[Opgave],
        *,
        selected: str | None = None,
        moving: Moving | None = None,
        rung: str | None = None,
    ) -> LadderFace:
        return cls(
            rungs=tuple(RungFace(t.key, t.naam, t.toezegging) for t in ladder.treden),
            opgaven=tuple(OpgaveFace(o.id, o.titel, o.nu, o.straks, o.toelichting) for o in opgaven),
            selected=selected,
            moving=moving,
            rung=rung,
        )

    def index(self) -> int | None:
        """The position of the selected opgave."""
        return next((i for i, o in enumerate(self.opgaven) if o.id == self.selected), None)

    def naam(self, key: str | None) -> str:
        return next((r.naam for r in self.rungs if r.key == key), "")


class LadderDiagram(Widget, can_focus=True):
    DEFAULT_CSS = """
    LadderDiagram { width: auto; height: 1fr; padding: 0 1; }
    """

    def __init__(self, *, room: bool = False, id: str | None = None, classes: str | None = None) -> None:
        """``room``: drawn for the room's screen, with large marks."""
        super().__init__(id=id, classes=classes)
        self.face = LadderFace(rungs=())
        self.room = room

    def show(self, face: LadderFace) -> None:
        if face != self.face:
            self.face = face
            self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The drawing with roomy columns, or the legend if that is wider (up to a point)."""
        column = ROOM_COLUMN if self.room else COLUMN
        ladder = _name_width(self.face.rungs) + 6 + GAP + len(self.face.opgaven) * column + 1
        legend = max((cell_len(o.titel) + LEGEND_INDENT for o in self.face.opgaven), default=LEGEND_EMPTY)
        return max(ladder, min(legend, LEGEND_MAX))

    # Drawing -----------------------------------------------------------------------------------

    def render(self) -> Content:
        width, height = self.size
        if not self.face.rungs or width < 10 or height < 3:
            return Content("")
        return Content("\n").join(_Drawing(self.face, width, height, room=self.room).lines())


def _name_width(rungs: tuple[RungFace, ...]) -> int:
    return max(NAME_MIN, min(NAME_MAX, max((cell_len(r.naam) for r in rungs), default=NAME_MIN)))


class _Drawing:
    """The lines of one drawing of ``face`` in ``width`` x ``height`` cells."""

    def __init__(self, face: LadderFace, width: int, height: int, *, room: bool = False) -> None:
        self.face = face
        self.width = width
        self.height = height
        self.room = room
        self.name_w = _name_width(face.rungs)
        # Columns: as wide as fits; when not all fit, a window around the selected opgave.
        n = len(face.opgaven)
        widest = ROOM_COLUMN_MAX if self.room else COLUMN_MAX
        space = width - (self.name_w + 6) - GAP - 1
        self.col_w = max(COLUMN_MIN, min(widest, space // n)) if n else COLUMN
        self.labels = self.room and self.col_w >= LABEL_MIN  # the marks as words
        shown = max(1, space // self.col_w)
        self.first = max(0, min((face.index() or 0) - shown // 2, n - shown)) if n > shown else 0
        self.columns = list(range(self.first, min(n, self.first + shown)))
        # The legend wants a line per opgave (up to a point) and a blank line above.
        self.legend = min(n, LEGEND_LINES) + 1 if n else 2
        # The inside of the ladder: wide enough for the rung texts when there is room for them.
        columns_w = GAP + len(self.columns) * self.col_w + 1
        self.inner = self.name_w + 4
        self.texts: dict[str, list[Content]] = {}
        text_inner = min(TEXT_MAX + 2, width - 2 - columns_w)
        if text_inner >= max(TEXT_MIN, self.inner):
            texts = {r.key: Content(r.tekst).wrap(text_inner - 2) if r.tekst else [] for r in face.rungs}
            if self._height(1, texts) + self.legend <= height:
                self.inner, self.texts = text_inner, texts
        # Empty lines between the rungs: as many as the height allows (3, or 5 for the room, down to none).
        # The room's wider gaps never take the lines the legend needs for why the opgave moves.
        gaps = range(ROOM_GAP_MAX if self.room else GAP_MAX, 0, -1)
        spare = {g: REASON_LINES if g > GAP_MAX else 0 for g in gaps}
        self.gap = next((g for g in gaps if self._height(g, self.texts) + self.legend + spare[g] <= height), 0)

    def _height(self, gap: int, texts: dict[str, list[Content]]) -> int:
        """Lines of the header and the ladder with ``gap`` empty lines between the rungs (and,
        unless that is 0, one above the top rung and one below the bottom rung)."""
        rungs = self.face.rungs
        text_lines = sum(len(texts.get(r.key, ())) for r in rungs)
        return 1 + len(rungs) + text_lines + gap * (len(rungs) - 1) + (2 if gap else 0)

    # Lines ---------------------------------------------------------------------------------------

    def lines(self) -> list[Content]:
        rows = self._ladder_rows()
        rung_y = {key: y for y, (kind, key, _) in enumerate(rows) if kind == "rung"}
        lines = [self._header()]
        lines += [
            self._ladder_cell(kind, key, n) + self._cells(y, kind, rung_y) for y, (kind, key, n) in enumerate(rows)
        ]
        room = self.height - len(lines) - 1
        if room > 0:
            lines.append(Content(""))
            lines += self._legend(room)
        return lines[: self.height]

    def _ladder_rows(self) -> list[tuple[str, str, int]]:
        """The ladder's lines from top to bottom as (kind, rung key, number): 'rail' (between
        rungs), 'rung', or 'text' (line ``number`` of the rung's text)."""
        rail = ("rail", "", 0)
        ends = [rail] if self.gap else []
        rows = list(ends)
        for n, rung in enumerate(reversed(self.face.rungs)):
            if n:
                rows += [rail] * self.gap
            rows.append(("rung", rung.key, 0))
            rows += [("text", rung.key, i) for i in range(len(self.texts.get(rung.key, ())))]
        return rows + ends

    def _header(self) -> Content:
        """The key to the markers over the ladder, the opgave numbers over their columns."""
        face = self.face
        parts = []
        for wat, marker, label in (("nu", T.MARKER_NU, T.NU), ("straks", T.MARKER_STRAKS, T.STRAKS)):
            if self.room:  # the key to the blocks, in their colours
                style = NU_BLOCK if wat == "nu" else STRAKS_BLOCK
                text = f" {label} " if self.labels else f" {marker} {label} "
            else:
                style = FOCUS if face.moving == wat and face.selected else MUTED
                text = f" {marker} {label} "
            parts.append(Content.styled(text, style))
        key = Content.assemble(parts[0], " ", parts[1]).truncate(self.inner + 2)
        line = key.pad_right(self.inner + 2 - key.cell_length)
        line += Content.styled("‹ " if self.first else "  ", MUTED)
        for i in self.columns:
            opgave = face.opgaven[i]
            number = str(i + 1)
            if opgave.id == face.selected and face.moving:
                cell = _centre(f" {number} ", FOCUS, self.col_w)
            else:
                cell = _centre(number, SELECTED if opgave.id == face.selected else MUTED, self.col_w)
            line += cell
        if self.columns and self.columns[-1] < len(face.opgaven) - 1:
            line += Content.styled("›", MUTED)
        return line

    def _ladder_cell(self, kind: str, key: str, text_line: int) -> Content:
        """The ladder itself on one line: rails, a rung with its name, or a line of its text."""
        inner = self.inner
        if kind == "rail":
            return Content.styled(f"┃{' ' * inner}┃", RAIL)
        rung = next(r for r in self.face.rungs if r.key == key)
        focus = rung.key == self.face.rung
        if kind == "text":
            text = self.texts[key][text_line]
            body = Content(" ") + text + Content(" " * (inner - 1 - text.cell_length))
            return Content.assemble(Content.styled("┃", RAIL), body, Content.styled("┃", RAIL))
        name = Content(rung.naam).truncate(max(self.name_w, inner - 4) if self.texts else self.name_w, ellipsis=True)
        name = Content.assemble(" ", name, " ").stylize(FOCUS if focus else RUNG_NAME)
        rest = inner - 1 - name.cell_length
        rail = SELECTED if focus else RAIL
        return Content.assemble(
            Content.styled("┣━", RAIL), name, Content.styled("━" * rest, rail), Content.styled("┫", RAIL)
        )

    def _cells(self, y: int, kind: str, rung_y: dict[str, int]) -> Content:
        """The opgaven's columns on line ``y``: markers, the line between them, or a dot on a rung."""
        face = self.face
        line = Content(" " * GAP)
        for i in self.columns:
            o = face.opgaven[i]
            chosen = o.id == face.selected
            nu, straks = rung_y.get(o.nu or ""), rung_y.get(o.straks or "")
            line += self._cell(y, kind, nu, straks, chosen)
        return line

    def _cell(self, y: int, kind: str, nu: int | None, straks: int | None, chosen: bool) -> Content:
        face, w = self.face, self.col_w
        moving = face.moving if chosen else None
        if y in (nu, straks):
            if nu == straks:
                marker, style, label = T.MARKER_BEIDE, STRAKS_STYLE, T.BLIJFT
            elif y == straks:
                marker, style, label = T.MARKER_STRAKS, STRAKS_STYLE, T.STRAKS
            else:
                marker, style, label = T.MARKER_NU, NU_STYLE, T.NU
            active = moving is not None and y == (straks if moving == "straks" else nu)
            if self.room:  # a block, never a single glyph: the word, or the glyph with a cell each side
                block = NU_BLOCK if y == nu and nu != straks else STRAKS_BLOCK
                text = f" {label} " if self.labels and len(label) + 2 <= w else f" {marker} "
                return _centre(text, FOCUS if active else block, w)
            if active:
                return _centre(f" {marker} ", FOCUS, w)
            return _centre(marker, SELECTED if chosen else style, w)
        if nu is not None and straks is not None and min(nu, straks) < y < max(nu, straks):
            up = straks < nu
            head = y == (straks + 1 if up else straks - 1)
            glyph = ("▲" if up else "▼") if head else ("┃" if chosen else "│")
            return _centre(glyph, SELECTED if chosen else LINE_STYLE, w)
        if kind == "rung":
            return _centre("·", MUTED, w)
        return Content(" " * w)

    def _legend(self, room: int) -> list[Content]:
        """The opgaven by number; the selected one with where it goes and why, as room allows."""
        face = self.face
        if not face.opgaven:
            return Content.styled(T.GEEN_OPGAVEN, MUTED).wrap(self.width)[:room]
        n = len(face.opgaven)
        order = list(range(n))
        if n > room:  # a window around the selected opgave, and a line saying how many are left out
            shown = max(1, room - 1)
            start = max(0, min((face.index() or 0) - shown // 2, n - shown))
            order = order[start : start + shown]
        # Where each opgave goes, in a column after the titles: for all of them when that fits.
        title_w = max(cell_len(face.opgaven[i].titel) for i in order)
        places = {i: self._place(face.opgaven[i]) for i in order}
        place_w = max(cell_len(p) for p in places.values())
        aligned = LEGEND_INDENT + title_w + 3 + place_w <= self.width
        spare = room - len(order) - (len(order) < n)
        lines: list[Content] = []
        for i in order:
            o = face.opgaven[i]
            chosen = o.id == face.selected
            badge = Content.styled(f"{i + 1:>2} ", FOCUS if chosen and face.moving else (SELECTED if chosen else MUTED))
            title = Content.styled(o.titel, "bold" if chosen else "")
            if aligned:
                pad = " " * (title_w - title.cell_length + 3)
                lines.append(Content.assemble(badge, " ", title, pad, Content.styled(places[i], MUTED)))
            else:
                lines.append(Content.assemble(badge, " ", title.truncate(self.width - LEGEND_INDENT, ellipsis=True)))
            if chosen and spare > 0:
                extra = self._reason(o, "" if aligned else places[i], spare)
                lines += extra
                spare -= len(extra)
        if len(order) < n:
            lines.append(Content.styled(T.MEER_OPGAVEN.format(n=n - len(order)), MUTED))
        return lines

    def _place(self, o: OpgaveFace) -> str:
        if o.nu is not None and o.nu == o.straks:
            return T.PLAATS_GELIJK.format(naam=self.face.naam(o.nu))
        return T.PLAATS.format(nu=self.face.naam(o.nu) or "?", straks=self.face.naam(o.straks) or "?")

    def _reason(self, o: OpgaveFace, place: str, room: int) -> list[Content]:
        """Under the selected opgave: where it goes (unless shown after the title) and why, in at
        most ``room`` lines; a text cut short ends in an ellipsis."""
        width = max(10, min(TEXT_MAX, self.width - LEGEND_INDENT))
        lines = [Content.styled(place, MUTED)] if place else []
        if o.toelichting:
            lines += Content.styled(o.toelichting, "italic").wrap(width)
        if len(lines) > room:
            lines = lines[:room]
            lines[-1] = lines[-1].truncate(width - 1) + Content("…")
        return [Content(" " * LEGEND_INDENT) + line for line in lines]


def _centre(text: str, style: str, width: int) -> Content:
    """``text`` in ``style``, centred in ``width`` cells (the padding unstyled); when it does not
    fit, without its own spaces around it."""
    if len(text) > width:
        text = text.strip()[:width]
    left = (width - len(text)) // 2
    return Content.assemble(" " * left, Content.styled(text, style), " " * (width - len(text) - left))


def rung_details(trede: Trede, heading: Content | None = None) -> Content:
    """The long texts of one rung, for a panel beside the drawing."""
    parts: list[Content] = []
    if heading is not None:
        parts.append(heading)
    parts.append(Content.styled(trede.naam, "bold $accent"))
    if trede.agenda:
        parts.append(Content.styled(trede.agenda, "italic"))
    for label, text in (
        (T.TOEZEGGING, trede.toezegging),
        (T.GEVOLGEN_PROCES, trede.gevolgen_proces),
        (T.GEVOLGEN_INWONERS, trede.gevolgen_inwoners),
    ):
        parts += [Content(""), Content.styled(label, "bold underline"), Content(text or T.LEEG)]
    return Content("\n").join(parts)
