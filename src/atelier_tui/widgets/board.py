"""The card board: columns of cards that stay fast with a thousand cards.

A ``CardColumn`` is one widget that draws only the lines that are on screen (Textual's Line API),
so the number of widgets never grows with the number of cards. A ``BoardColumn`` puts a header
and a ``CardColumn`` together. ``CaptureLine`` is the one line the facilitator types in: it has
the keys from the board's first frame on.

The widgets know nothing about sessions: they show ``CardFace`` and ``GroupHeader`` rows that the
step view builds. Every text is shown literally: user text is never read as markup.

For the room (``room=True``) a card is laid out for distance: its points right after its text, on
the text's last line (not at the far edge of a wide column); no badge for a card without points;
the cards at the top of a discussion of the points (``CardFace.groot``) show them in large digits
before the text; and when the column has the height to spare, every card gets a line of its own
colour above and below its text, so the cards fill the screen as larger blocks.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Offset, Region, Size, Spacing
from textual.message import Message
from textual.reactive import Reactive
from textual.renderables.digits import Digits
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.widgets import Input, Static
from textual.widgets.input import Selection

from ..teksten import board as T

BAR = "▌"
VOTE = "●"


@dataclass(frozen=True)
class CardFace:
    """What one card shows. Equal faces look the same, so layouts are cached by face."""

    id: str
    tekst: str
    stemmen: int = 0
    thema: str = ""
    bron: str = ""  # a short description of the source, ready to show
    groot: bool = False  # the points in large digits (the room's screen, at the top of a discussion)


@dataclass(frozen=True)
class GroupHeader:
    """A theme header in the grouped view."""

    titel: str
    detail: str  # e.g. "3 kaarten"
    stemmen: int


Row = CardFace | GroupHeader


class CardColumn(ScrollView, can_focus=False, inherit_bindings=False):
    """One column of cards, drawn line by line: only the visible lines are ever rendered.

    Each row (card or theme header) is laid out once per width as a few lines of ``Content``
    whose spans name component classes; the styles are applied when a line is drawn, so the
    selected card only changes colour. ``show()`` replaces the rows; keys belong to the step view.
    """

    COMPONENT_CLASSES = {
        "card",
        "card--selected",
        "card--bar",
        "card--votes",
        "card--no-votes",
        "card--theme",
        "card--source",
        "card--group",
        "card--group-detail",
        "card--empty",
        "card--more",
        "card--digits",
    }

    DEFAULT_CSS = """
    CardColumn {
        height: 1fr; background: $surface; overflow-x: hidden; overflow-y: auto;
        scrollbar-gutter: stable; scrollbar-size-vertical: 1;
    }
    CardColumn > .card { background: $panel; color: $text; }
    CardColumn > .card--selected { background: $foreground 12%; color: $text; }
    CardColumn.-actief > .card--selected { background: $foreground 20%; text-style: bold; }
    CardColumn > .card--bar { color: $success; }
    CardColumn.-knelpunt > .card--bar { color: $error; }
    CardColumn > .card--votes { background: $accent; color: $text; text-style: bold; }
    CardColumn > .card--no-votes { color: $text-muted; }
    CardColumn > .card--theme { background: $secondary; color: $text; text-style: bold; }
    CardColumn > .card--source { color: $text-muted; text-style: italic; }
    CardColumn > .card--group { color: $text-accent; text-style: bold underline; }
    CardColumn > .card--group-detail { color: $text-muted; }
    CardColumn > .card--empty { color: $text-muted; }
    CardColumn > .card--more { color: $foreground; background: $surface; text-style: bold; }
    CardColumn > .card--digits { color: $text-accent; text-style: bold; }
    /* The room's screen: no scroll bar (the "▼ 6 kaarten" markers say what is out of sight). */
    CardColumn.-room { scrollbar-size-vertical: 0; scrollbar-gutter: auto; }
    """

    #: Columns between the large digits and the text, and the least the text keeps beside them.
    DIGITS_GAP, DIGITS_TEXT_MIN = 2, 16

    class Clicked(Message):
        """A card was clicked."""

        def __init__(self, column: CardColumn, card_id: str) -> None:
            super().__init__()
            self.column = column
            self.card_id = card_id

        @property
        def control(self) -> CardColumn:
            return self.column

    def __init__(
        self, empty_text: str = "", *, room: bool = False, id: str | None = None, classes: str | None = None
    ) -> None:
        """``room``: laid out for the room's screen (see the module's docstring)."""
        super().__init__(id=id, classes=classes)
        self.empty_text = empty_text
        self.room = room
        self.set_class(room, "-room")
        self._pad = 0  # the room's lines above and below a card's text, when the height allows
        self._bare: dict[Row, list[Content]] = {}  # the room's layouts without those lines
        self._rows: list[Row] = []
        self._starts: list[int] = []  # first line of each row
        self._total = 0  # number of lines
        self._index: dict[str, int] = {}  # card id -> row index
        self._layouts: dict[Row, list[Content]] = {}  # for self._width
        self._width = 0
        self._selected: str | None = None

    # What is shown ---------------------------------------------------------------------------

    @property
    def selected(self) -> str | None:
        """The id of the selected card, if any."""
        return self._selected

    @property
    def card_ids(self) -> list[str]:
        """The card ids in the order they are shown."""
        return [row.id for row in self._rows if isinstance(row, CardFace)]

    def show(self, rows: list[Row], selected: str | None = None) -> None:
        """Show these rows and select ``selected``; else keep the selected card, or when it is gone,
        select the card that took its place."""
        old_ids = self.card_ids
        self._rows = list(rows)
        self._index = {row.id: i for i, row in enumerate(self._rows) if isinstance(row, CardFace)}
        ids = self.card_ids
        for wanted in (selected, self._selected):
            if wanted in self._index:
                break
        else:
            place = old_ids.index(self._selected) if self._selected in old_ids else 0
            wanted = ids[min(place, len(ids) - 1)] if ids else None
        self._selected = wanted
        self._layout()
        self.scroll_to_selected()

    def select(self, card_id: str | None) -> None:
        if card_id is not None and card_id not in self._index:
            return
        if card_id != self._selected:
            self._selected = card_id
            self.refresh()
        self.scroll_to_selected()

    def move_selection(self, delta: int) -> None:
        """Select the card ``delta`` places further (negative: back), stopping at the ends."""
        ids = self.card_ids
        if not ids:
            return
        position = ids.index(self._selected) if self._selected in self._index else 0
        self.select(ids[max(0, min(len(ids) - 1, position + delta))])

    def select_end(self, last: bool) -> None:
        ids = self.card_ids
        if ids:
            self.select(ids[-1] if last else ids[0])

    def scroll_to_selected(self) -> None:
        index = self._index.get(self._selected) if self._selected else None
        if index is None or not self._starts:
            return
        top = self._starts[index]
        if index > 0 and isinstance(self._rows[index - 1], GroupHeader):
            top = self._starts[index - 1]  # keep the theme header in view with its first card
        bottom = self._starts[index + 1] if index + 1 < len(self._starts) else self._total
        self.scroll_to_region(  # one line to spare above and below: the "▲ 4 kaarten" markers stand there
            Region(0, top, max(self._width, 1), max(bottom - top, 1)),
            spacing=Spacing(1, 0, 1, 0),
            animate=False,
            force=True,
            immediate=True,
        )

    # Layout: which row is on which line --------------------------------------------------------

    def _layout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return  # not sized yet; on_resize lays out
        if width != self._width:
            self._width = width
            self._layouts, self._bare = {}, {}
        if self.room:
            self._fit_pad()
        old = self._layouts
        layouts = {row: old.get(row) or self._layout_row(row, width) for row in self._rows}
        self._layouts = layouts
        starts, line = [], 0
        for row in self._rows:
            starts.append(line)
            line += len(layouts[row])
        self._starts, self._total = starts, line
        size = Size(width, line if self._rows else len(self._empty_lines(width)))
        if size != self.virtual_size:
            self.virtual_size = size
        self.refresh()

    def _fit_pad(self) -> None:
        """The room's screen: cards with a line above and below their text when they all fit so."""
        height = self.scrollable_content_region.height
        cards = sum(1 for row in self._rows if isinstance(row, CardFace))
        old = self._bare
        bare = self._bare = {row: old.get(row) or self._layout_row(row, self._width, pad=0) for row in self._rows}
        pad = 1 if cards and sum(map(len, bare.values())) + 2 * cards <= height else 0
        if pad != self._pad:
            self._pad = pad
            self._layouts = {}
        if not pad:
            self._layouts = {**bare, **self._layouts}

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width or self.room:
            self._layout()
            self.scroll_to_selected()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def _layout_row(self, row: Row, width: int, pad: int | None = None) -> list[Content]:
        """The lines of one row, styled with component class names (a blank line ends a card)."""
        inner = max(width - 3, 6)  # bar, space, text, one space on the right
        if self.room and isinstance(row, CardFace):
            return self._room_card(row, inner, self._pad if pad is None else pad)
        if isinstance(row, GroupHeader):
            votes = Content.styled(f"{VOTE} {row.stemmen}", "card--votes")
            detail = Content.styled(f"  {row.detail}", "card--group-detail")
            room = max(width - votes.cell_length - 2, 4)
            left = Content.styled(row.titel, "card--group").truncate(room, ellipsis=True)
            left = (left + detail).truncate(room, ellipsis=True)
            gap = 2 if self.room else width - left.cell_length - votes.cell_length - 1  # the room: next to it
            return [Content.assemble(left, " " * gap, votes)]
        bar = Content.styled(BAR, "card--bar")
        lines = [
            Content.assemble(bar, " ", Content(row.tekst[a:b].rstrip(" "))) for a, b in wrap_spans(row.tekst, inner)
        ]
        if row.thema or row.bron or row.stemmen:  # no empty meta line: a card is as short as it can be
            lines.append(Content.assemble(bar, " ", self._meta_line(row, inner)))
        lines.append(Content(""))  # the gap between cards
        return lines

    def _room_card(self, face: CardFace, inner: int, pad: int) -> list[Content]:
        """A card for the room: the points next to the text (or in large digits before it), the
        theme and source under it (only when it has them), ``pad`` lines of card above and below."""
        bar = Content.styled(BAR, "card--bar")
        digits: list[str] = []
        number = str(face.stemmen)
        if face.groot and face.stemmen and inner - Digits.get_width(number.rjust(2)) >= self.DIGITS_TEXT_MIN:
            digits = [line.rstrip("\n") for line in _big_digits(number)]
            gutter = Digits.get_width(number.rjust(2)) + self.DIGITS_GAP
            digits = [line.rjust(gutter - self.DIGITS_GAP).ljust(gutter) for line in digits]
        room = inner - (len(digits[0]) if digits else 0)
        badge = Content.styled(f" {VOTE} {face.stemmen} ", "card--votes") if face.stemmen and not digits else None
        spans = wrap_spans(face.tekst, room)
        if badge is not None and cell_len(face.tekst[slice(*spans[-1])].rstrip(" ")) + 2 + badge.cell_length > room:
            spans = wrap_spans(face.tekst, max(room - badge.cell_length - 2, 6))  # room for the points after it
        body = [Content(face.tekst[a:b].rstrip(" ")) for a, b in spans]
        if badge is not None:
            body[-1] = Content.assemble(body[-1], "  ", badge)
        meta = self._room_meta(face, room)
        if meta is not None:
            body.append(meta)
        if digits:
            body += [Content("")] * (len(digits) - len(body))
            body = [
                Content.styled(digits[i], "card--digits") + line
                if i < len(digits)
                else Content(" " * len(digits[0])) + line
                for i, line in enumerate(body)
            ]
        lines = [Content.assemble(bar, " ", line) for line in body]
        return [bar] * pad + lines + [bar] * pad + [Content("")]

    @staticmethod
    def _room_meta(face: CardFace, room: int) -> Content | None:
        """The theme label and the source, in one line; None when the card has neither."""
        if not face.thema and not face.bron:
            return None
        left = Content("")
        if face.thema:
            left = Content.styled(f" {face.thema} ", "card--theme").truncate(room, ellipsis=True)
        if face.bron and room - left.cell_length - 1 >= 8:
            gap = " " if left else ""
            source = Content.styled(face.bron, "card--source")
            left = left + gap + source.truncate(room - left.cell_length - len(gap), ellipsis=True)
        return left

    @staticmethod
    def _meta_line(face: CardFace, inner: int) -> Content:
        """Theme label and source on the left, the votes as a badge on the right."""
        votes = Content.styled(f" {VOTE} {face.stemmen} ", "card--votes" if face.stemmen else "card--no-votes")
        room = inner - votes.cell_length - 1
        left = Content("")
        if face.thema:
            left = Content.styled(f" {face.thema} ", "card--theme").truncate(room, ellipsis=True)
        if face.bron and room - left.cell_length - 1 >= 8:
            gap = " " if left else ""
            source = Content.styled(face.bron, "card--source")
            left = left + gap + source.truncate(room - left.cell_length - len(gap), ellipsis=True)
        return Content.assemble(left, " " * (inner - left.cell_length - votes.cell_length), votes)

    def _empty_lines(self, width: int) -> list[Content]:
        text = Content.styled(self.empty_text, "card--empty")
        return [Content("")] + [Content(" ") + line for line in text.wrap(max(width - 2, 6))]

    # Drawing -----------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        if not self._rows:
            lines = self._empty_lines(width)
            return self._strip(lines[line] if line < len(lines) else None, width, None)
        if line >= self._total or not self._starts:
            return self._strip(None, width, None)
        more = self._more_marker(y, width)
        if more is not None:
            return more
        index = bisect_right(self._starts, line) - 1
        row = self._rows[index]
        lines = self._layouts.get(row) or self._layout_row(row, width)
        offset = line - self._starts[index]
        content = lines[offset] if offset < len(lines) else None
        base = None
        if isinstance(row, CardFace) and content is not None and content.cell_length:
            base = "card--selected" if row.id == self._selected else "card"
        return self._strip(content, width, base)

    def _more_marker(self, y: int, width: int) -> Strip | None:
        """On the first and last visible line: how many cards lie above or below, out of sight."""
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if y == 0 and top > 0:
            hidden = sum(1 for i, row in enumerate(self._rows) if isinstance(row, CardFace) and self._starts[i] < top)
            text = T.MEER_BOVEN
        elif y == height - 1 and top + height < self._total:
            bottom = top + height - 1
            hidden = sum(
                1
                for i, row in enumerate(self._rows)
                if isinstance(row, CardFace) and self._starts[i] + len(self._layouts.get(row, ())) - 2 >= bottom
            )
            text = T.MEER_ONDER
        else:
            return None
        if not hidden:
            return None
        words = T.KAART_N if hidden == 1 else T.KAARTEN_N
        return self._strip(Content.styled(f" {text} {words.format(n=hidden)}", "card--more"), width, None)

    def _strip(self, content: Content | None, width: int, base: str | None) -> Strip:
        """One line: the content drawn on the card (``base``) or on the column background."""
        names = (base,) if base else ()
        base_style = self.get_visual_style(*names)
        if content is None or not content.cell_length:
            return Strip.blank(width, base_style.rich_style)

        def parse(name: str | Style) -> Style:
            return name if isinstance(name, Style) else self.get_visual_style(*names, name)

        segments = [Segment(text, style.rich_style) for text, style in content.render(base_style, "", parse)]
        return Strip(segments).adjust_cell_length(width, base_style.rich_style)

    # Mouse -------------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        line = self.scroll_offset.y + event.y
        if not self._starts or line >= self._total:
            return
        row = self._rows[bisect_right(self._starts, line) - 1]
        if isinstance(row, CardFace):
            self.post_message(self.Clicked(self, row.id))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def _big_digits(number: str) -> list[str]:
    """``number`` in the 3x3 digits of Textual's ``Digits`` (the big clock's), bold: three lines."""
    text = "".join(segment.text for segment in Digits(number).render(Style(bold=True).rich_style))
    return text.split("\n")[:3]


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Where ``text`` breaks into lines of at most ``width`` cells: (start, end) per line.

    Breaks after a space where it can, inside a word only when the word is longer than a line.
    A space at a break stays at the end of its line (drawn as nothing). The card and the capture
    line both wrap with this, so a text being typed is as tall as the card it becomes.
    """
    width = max(width, 1)
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        cells, i, space = 0, start, -1
        while i < n:
            w = cell_len(text[i])
            if cells + w > width:
                break
            cells += w
            if text[i] == " ":
                space = i
            i += 1
        if i >= n:
            spans.append((start, n))
            break
        if text[i] == " ":
            end = i + 1
        elif space >= start:
            end = space + 1
        else:
            end = max(i, start + 1)
        spans.append((start, end))
        start = end
    return spans or [(0, 0)]


#: The keys of Textual's Input (cursor moves, deletes, copy and paste), handled in order in ``_on_key``.
_EDIT_KEYS = {key.strip(): b.action for b in Input.BINDINGS if isinstance(b, Binding) for key in b.key.split(",")}


class CaptureLine(Input, inherit_bindings=False):
    """The line on the board where the facilitator types what the room says.

    It holds the keys from the first frame of the board and never gives them away: every key is
    handled here, in the order it arrived, before the next one. First the board decides (the
    ``keys`` callback it was handed: a command, or not); otherwise the key edits the text. No key
    waits for a focus change or overtakes another, so a burst gives the same result as slow typing.

    The text wraps over 2 to 4 lines (the box grows with it; a longer text scrolls to the cursor),
    so a long sentence can be read back before Enter. A pasted text with line breaks is kept
    whole, its line breaks as spaces. Enter and the other commands belong to the board.
    """

    MIN_LINES = 2
    MAX_LINES = 4

    #: Textual's Input asks for a new layout of the screen on every key, and repaints all of itself;
    #: here a key repaints only the lines of text it changed (``_refresh_text``), so a key costs a
    #: line of output, not the whole box. The height changes only when the text needs another line.
    virtual_size = Reactive(Size(0, 0), layout=False, repaint=False)
    value: Reactive[str] = Reactive("", init=False, repaint=False)
    selection: Reactive[Selection] = Reactive(Selection.cursor(0), repaint=False)
    _cursor_visible: Reactive[bool] = Reactive(True, repaint=False)

    DEFAULT_CSS = """
    CaptureLine {
        width: 1fr; height: 4; padding: 0 1; background: $surface;
        border: round $success; border-title-color: $text; border-subtitle-color: $text-muted;
    }
    CaptureLine:focus { border: round $success; background-tint: $foreground 3%; }
    CaptureLine.-knelpunt, CaptureLine.-knelpunt:focus { border: round $error; }
    CaptureLine.-wijzig, CaptureLine.-wijzig:focus { border: round $accent; }
    """

    def __init__(
        self, keys: Callable[[str, str | None], bool], command_keys: frozenset[str], *, id: str | None = None
    ) -> None:
        """``keys`` runs the board command on a key (True) or not (False); ``command_keys`` are the keys
        that can be a command, shown in the footer and help even when they are also text."""
        super().__init__(placeholder=T.TYP_HIER, id=id, select_on_focus=False)
        self._keys = keys
        self._command_keys = command_keys
        self._lines = self.MIN_LINES
        self._shown: list[tuple] = []  # what each line of text shows now (see _refresh_text)

    def on_mount(self) -> None:
        # Nobody sees a headless app (the tests' screenshots): a steady cursor, so every picture of
        # the board is the same however long it took to take.
        if self.app.is_headless:
            self.cursor_blink = False

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key not in self._command_keys and super().check_consume_key(key, character)

    class StepKey(Message):
        """Page Up/Down in the line: the facilitator wants the previous or next step.

        The session screen keeps the step keys away from text fields (so that "[" and "]" stay
        text), so the line says it with this message, for the session screen to handle.
        """

        def __init__(self, delta: int) -> None:
            super().__init__()
            self.delta = delta

    # Keys: all of them here, in order -------------------------------------------------------------

    async def _on_key(self, event: events.Key) -> None:
        self._restart_blink()
        if event.key in ("pagedown", "pageup"):
            event.stop()
            event.prevent_default()
            self.post_message(self.StepKey(1 if event.key == "pagedown" else -1))
            return
        if self._keys(event.key, event.character):
            event.stop()
            event.prevent_default()
            return
        action = _EDIT_KEYS.get(event.key)
        if action is not None and action != "submit":
            event.stop()
            event.prevent_default()
            await self.run_action(action)
            return
        await super()._on_key(event)

    def _on_paste(self, event: events.Paste) -> None:
        """A pasted text is kept whole: its line breaks become spaces."""
        event.stop()
        event.prevent_default()  # not Input's own paste, which keeps the first line only
        self.insert_typed(event.text)

    def action_paste(self) -> None:
        self.insert_typed(self.app.clipboard)

    def insert_typed(self, text: str) -> None:
        text = " ".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)

    def set_text(self, value: str, *, select: bool = False) -> None:
        """Show ``value`` with the cursor at its end; ``select``: typing replaces it."""
        self.value = value
        self.selection = Selection(0, len(value)) if select else Selection.cursor(len(value))

    # Wrapping and drawing -------------------------------------------------------------------------

    def _wrapped(self) -> tuple[list[tuple[int, int]], int, int]:
        """The lines of the text, and the line and cell of the cursor."""
        width = max(self.content_region.width, 1)
        spans = wrap_spans(self.value, width)
        cursor = self.cursor_position
        row = next((i for i, (a, b) in enumerate(spans) if a <= cursor < b), len(spans) - 1)
        start, end = spans[row]
        column = cell_len(self.value[start:cursor])
        if column >= width:  # the cursor after a full last line: on a line of its own
            spans.append((end, end))
            row, column = row + 1, 0
        return spans, row, column

    def _top(self, rows: int, row: int) -> int:
        return max(0, min(row - self._lines + 1, rows - self._lines))

    def _watch_value(self, value: str) -> None:
        super()._watch_value(value)
        self._fit()
        self._refresh_text()

    def _watch_selection(self, selection: Selection) -> None:
        super()._watch_selection(selection)
        self._refresh_text()

    def _watch__cursor_visible(self) -> None:
        self._refresh_text()

    def _refresh_text(self) -> None:
        """Repaint the lines of text whose look changed (text, cursor or selection), no others."""
        width = self.content_region.width
        if not width or not self.is_mounted:
            return
        spans, row, column = self._wrapped()
        top = self._top(len(spans), row)
        cursor = self.has_focus and self._cursor_visible
        selection = tuple(sorted(self.selection)) if not self.selection.is_empty else None
        shown = [
            (self.value[slice(*spans[i])], column if cursor and i == row else None, selection)
            for i in range(top, min(top + self._lines, len(spans)))
        ]
        if not self.value:
            shown = [(self.placeholder, cursor)]
        rows = max(len(shown), len(self._shown))
        changed = [y for y in range(rows) if y >= len(shown) or y >= len(self._shown) or shown[y] != self._shown[y]]
        self._shown = shown
        if changed:
            self.refresh(*(Region(0, y, width, 1) for y in changed))

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """As tall as the text (2 to 4 lines): a new height only when the number of lines changes."""
        if not self.content_region.width:
            return
        spans, _, _ = self._wrapped()
        lines = max(self.MIN_LINES, min(self.MAX_LINES, len(spans)))
        if lines != self._lines:
            self._lines = lines
            self.styles.height = lines + 2  # the border

    @property
    def cursor_screen_offset(self) -> Offset:
        x, y, _, _ = self.content_region
        spans, row, column = self._wrapped()
        return Offset(x + column, y + row - self._top(len(spans), row))

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        style = self.rich_style
        if not self.value:
            if y != 0:
                return Strip.blank(width, style)
            text = Text(self.placeholder, end="", style=self.get_component_rich_style("input--placeholder"))
            if self.has_focus and self._cursor_visible:
                text = Text(" ", end="") + text if not self.placeholder else text
                text.stylize(self.get_component_rich_style("input--cursor"), 0, 1)
            return self._line(text, width).apply_style(style)
        spans, row, column = self._wrapped()
        index = self._top(len(spans), row) + y
        if index >= len(spans):
            return Strip.blank(width, style)
        start, end = spans[index]
        text = Text(self.value[start:end], end="")
        if self.has_focus:
            if not self.selection.is_empty:
                a, b = sorted(self.selection)
                if a < end and b > start:
                    text.stylize(
                        self.get_component_rich_style("input--selection"), max(a, start) - start, min(b, end) - start
                    )
            if self._cursor_visible and index == row:
                at = self.cursor_position - start
                if at >= len(text):
                    text.pad_right(1)
                text.stylize(self.get_component_rich_style("input--cursor"), at, at + 1)
        return self._line(text, width).apply_style(style)

    def _line(self, text: Text, width: int) -> Strip:
        text.no_wrap, text.overflow = True, "crop"
        options = self.app.console_options.update_width(max(width, 1))
        return Strip(self.app.console.render(text, options)).crop(0, width).extend_cell_length(width)

    async def _on_mouse_down(self, event: events.MouseDown) -> None:
        """A click puts the cursor there (on the line it hit)."""
        event.prevent_default()
        self._pause_blink(visible=True)
        offset = event.get_content_offset_capture(self)
        spans, row, _ = self._wrapped()
        index = min(self._top(len(spans), row) + max(offset.y, 0), len(spans) - 1)
        start, end = spans[index]
        cells, position = 0, start
        while position < end and cells + cell_len(self.value[position]) <= offset.x:
            cells += cell_len(self.value[position])
            position += 1
        self.selection = Selection.cursor(position)
        self._selecting = True
        self.capture_mouse()

    async def _on_mouse_move(self, event: events.MouseMove) -> None:
        event.prevent_default()  # selecting with the mouse across wrapped lines is not offered


class BoardColumn(Vertical):
    """A column of the board: a header and the cards."""

    DEFAULT_CSS = """
    BoardColumn { width: 1fr; height: 1fr; background: $surface; }
    /* The column in use (class -actief, set by the board): its header lights up. */
    BoardColumn > .column-header { height: 1; padding: 0 1; background: $success-muted; color: $text; }
    BoardColumn.-knelpunt > .column-header { background: $error-muted; }
    BoardColumn.-actief > .column-header { background: $success; }
    BoardColumn.-knelpunt.-actief > .column-header { background: $error; }
    """

    def __init__(self, kind: str, empty_text: str, *, room: bool = False, id: str | None = None) -> None:
        """``room``: the cards laid out for the room's screen."""
        super().__init__(id=id, classes=f"-{kind}")
        self.kind = kind
        self._empty_text = empty_text
        self._room = room

    def compose(self) -> ComposeResult:
        yield Static(classes="column-header")
        yield CardColumn(self._empty_text, room=self._room, classes=f"-{self.kind}")

    @property
    def cards(self) -> CardColumn:
        return self.query_one(CardColumn)

    def set_title(self, title: str, detail: str) -> None:
        header = Content.assemble((title.upper(), "bold"), "  ", detail)
        self.query_one(".column-header", Static).update(header, layout=False)  # always one line
