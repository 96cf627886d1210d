"""A round with phones on screen: the queue on her screen, the invitation on the room's.

``Wachtrij`` (the facilitator's screen only) lists what phones sent and waits for her: one key shows,
edits, merges or leaves out a submission; it says so with a message, its owner does the work.
``ZaalOproep`` (the room's screen only) shows the QR code, the address and the code to type, and
the counts, so that moderation is visible. Both are handed plain data (attributes down); texts from
phones are always plain text, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..commands import bindings
from ..domain.hygiene import clean_line
from ..teksten import ronde as TR


@dataclass(frozen=True)
class Waiting:
    """One submission as the queue shows it."""

    id: str
    label: str  # "Kans", "Knelpunt", "Reactie", ...
    tekst: str


class Wachtrij(Vertical):
    """What the room sent, waiting for her judgement, oldest first."""

    BINDINGS = bindings("zaal")

    DEFAULT_CSS = """
    Wachtrij {
        dock: right; width: 38; height: 1fr; display: none;
        border-left: solid $primary-muted; padding: 0 1;
    }
    Wachtrij.-active { display: block; }
    Wachtrij #zaal-kop { text-style: bold; height: auto; }
    Wachtrij #zaal-adres { color: $text-muted; height: auto; }
    Wachtrij #zaal-telling { height: auto; margin-bottom: 1; }
    Wachtrij OptionList { height: 1fr; border: none; padding: 0; }
    Wachtrij:focus-within { border-left: thick $primary; }
    """

    @dataclass
    class Decided(Message):
        """Show (``getoond``) or leave out (``niet_getoond``) a submission."""

        item: str
        besluit: str

    @dataclass
    class Edit(Message):
        item: str

    @dataclass
    class Merge(Message):
        item: str

    class Back(Message):
        """Back to the step (Esc)."""

    def compose(self) -> ComposeResult:
        yield Static(Content(TR.WACHTRIJ_KOP), id="zaal-kop")
        yield Static("", id="zaal-adres")
        yield Static("", id="zaal-telling")
        yield OptionList(id="zaal-lijst")

    def show(self, *, address: str, counts: list[str], waiting: list[Waiting]) -> None:
        """Draw the queue: where phones go (or that the round is closed), the counts, the submissions."""
        self.set_class(bool(address or waiting), "-active")
        self.query_one("#zaal-adres", Static).update(Content(address or TR.DICHT))
        self.query_one("#zaal-telling", Static).update(Content("\n".join(counts)))
        lijst = self.query_one(OptionList)
        keep = lijst.highlighted_option.id if lijst.highlighted_option is not None else None
        lijst.clear_options()
        lijst.add_options(
            [Option(Content.assemble((w.label, "bold"), "\n", clean_line(w.tekst, 400)), id=w.id) for w in waiting]
            or [Option(Content(TR.WACHTRIJ_LEEG), disabled=True)]
        )
        ids = [w.id for w in waiting]
        if ids:
            lijst.highlighted = ids.index(keep) if keep in ids else 0

    @property
    def selected(self) -> str | None:
        option = self.query_one(OptionList).highlighted_option
        return option.id if option is not None and not option.disabled else None

    def take_focus(self) -> None:
        self.query_one(OptionList).focus()

    def action_decide(self, besluit: str) -> None:
        if self.selected:
            self.post_message(self.Decided(self.selected, besluit))

    def action_edit(self) -> None:
        if self.selected:
            self.post_message(self.Edit(self.selected))

    def action_merge(self) -> None:
        if self.selected:
            self.post_message(self.Merge(self.selected))

    def action_back(self) -> None:
        self.post_message(self.Back())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter in the list (or a click): "tonen"
        self.action_decide("getoond")


class ZaalOproep(Vertical):
    """On the room's screen while a round is open: the QR code, the address, the code, the counts.

    Docked beside the step; on a small screen it takes the whole width, the code beside the words
    (its owner sets the class ``-beside`` on a low screen).
    """

    DEFAULT_CSS = """
    ZaalOproep {
        dock: right; width: 48%; max-width: 96; height: 1fr; display: none;
        padding: 0 2; border-left: solid $primary-muted; align-vertical: middle;
    }
    ZaalOproep.-active { display: block; }
    ZaalOproep QRCode { height: 1fr; max-height: 45; min-height: 10; }
    ZaalOproep #oproep-tekst { height: auto; }
    ZaalOproep #oproep-tekst Static { height: auto; text-align: center; }
    ZaalOproep #oproep-kop { text-style: bold; }
    ZaalOproep #oproep-code { text-style: bold; }
    ZaalOproep #oproep-telling { margin-top: 1; }
    ZaalOproep #oproep-peiling { color: $text-muted; }
    ZaalOproep.-beside { layout: horizontal; padding: 0 1; }
    ZaalOproep.-beside QRCode { width: auto; height: 1fr; }
    ZaalOproep.-beside #oproep-tekst { width: 1fr; height: 1fr; align-vertical: middle; }
    """

    def compose(self) -> ComposeResult:
        # The QR code is added when a round opens (its library is not needed before).
        with Vertical(id="oproep-tekst"):
            yield Static(Content(TR.MEEDOEN), id="oproep-kop")
            yield Static(Content(TR.SCAN))
            yield Static("", id="oproep-adres")
            yield Static(Content(TR.CODE))
            yield Static("", id="oproep-code")
            yield Static("", id="oproep-telling")
            yield Static(Content(TR.PEILING), id="oproep-peiling")

    def show(self, state: dict[str, Any] | None) -> None:
        """``state``: the published round (url, base_url, code, telling), or None: nothing to show."""
        active = isinstance(state, dict) and bool(state.get("open")) and isinstance(state.get("url"), str)
        self.set_class(active, "-active")
        if not active:
            return
        assert isinstance(state, dict)
        from .qr import QRCode

        codes = self.query(QRCode)
        if codes:
            codes.first().url = str(state["url"])
        else:
            self.mount(QRCode(str(state["url"]), show_url=False, id="oproep-qr"), before=0)
        self.query_one("#oproep-adres", Static).update(Content(clean_line(str(state.get("base_url", "")))))
        code = clean_line(str(state.get("code", "")))
        self.query_one("#oproep-code", Static).update(Content(" ".join(code)))  # spaced: easy to read from afar
        telling = state.get("telling") if isinstance(state.get("telling"), dict) else {}
        self.query_one("#oproep-telling", Static).update(Content("\n".join(TR.telling(telling))))


class ZaalUitslag(VerticalScroll):
    """After a ladder or evaluatie round: what the room said, beside the step, until she leaves it.

    Ladder: per opgave the rungs the phones chose for NU and STRAKS (most first), next to her
    placement. Evaluatie: how many phones gave each rating. A peiling, never a vote.
    """

    DEFAULT_CSS = """
    ZaalUitslag {
        dock: right; width: 45%; max-width: 84; height: 1fr; display: none;
        padding: 0 2; border-left: solid $primary-muted;
    }
    ZaalUitslag.-active { display: block; }
    ZaalUitslag #uitslag-kop { text-style: bold; margin-bottom: 1; }
    ZaalUitslag Static { height: auto; }
    ZaalUitslag .uitslag-opgave { margin-top: 1; }
    ZaalUitslag #uitslag-peiling { color: $text-muted; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="uitslag-kop")
        yield Static("", id="uitslag-tekst")
        yield Static(Content(TR.PEILING), id="uitslag-peiling")

    def show(self, title: str, lines: list[Content]) -> None:
        """``lines`` empty: nothing to show."""
        self.set_class(bool(lines), "-active")
        if lines:
            self.query_one("#uitslag-kop", Static).update(Content(title))
            self.query_one("#uitslag-tekst", Static).update(Content("\n").join(lines))
