"""Werkatelier 1: opening, voorbeelden, eisen en wensen, afsluiting.

(The kansen/knelpunten board has its own module.)
"""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.segment import Segment
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.strip import Strip
from textual.widgets import SelectionList, Static
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from ...commands import bindings
from ...domain import rules
from ...domain.session import AgendaPunt, EisWens, Kaart, Spelregel, Voorbeeld
from ...teksten import export as E
from ...teksten import ui as T
from ...widgets.details import DetailsPanel, DetailsSpec
from ...widgets.form import FieldSpec
from ...widgets.records import ListSpec, RecordList, StopAtEnds
from .base import StepHeading, StepView, section

# --- Opening -------------------------------------------------------------------------------


def _agenda_times(avond, punt: AgendaPunt) -> str:
    """'19.30–19.40' from the evening's start time and the time boxes before this item."""
    start = avond.begintijd
    if start is None:
        return ""
    minutes = 0
    for p in avond.agenda:
        if p.id == punt.id:
            break
        minutes += p.minuten
    begin = datetime(2000, 1, 1, start.hour, start.minute) + timedelta(minutes=minutes)
    end = begin + timedelta(minutes=punt.minuten)
    return f"{begin:%H.%M}–{end:%H.%M}"


def agenda(evening: int) -> ListSpec:
    """The agenda of evening 1 or 2, with the times that follow from its start and time boxes."""

    def avond(s):
        return s.avond1 if evening == 1 else s.avond2

    def render(p: AgendaPunt, s) -> Content:
        times = _agenda_times(avond(s), p)
        return Content.assemble(
            Content.styled(times.ljust(12), "bold") if times else Content(""),
            Content(p.onderwerp),
            Content.styled(f"  ({p.minuten} min)", "italic"),
        )

    return ListSpec(
        get=lambda s: avond(s).agenda,
        model=AgendaPunt,
        fields=lambda s: [
            FieldSpec("onderwerp", T.F_ONDERWERP, required=True),
            FieldSpec("minuten", T.F_MINUTEN, "number"),
        ],
        render=render,
        name=lambda p: p.onderwerp,
        new_title=T.AGENDA_NIEUW,
        edit_title=T.AGENDA_BEWERK,
        separators=False,
    )


SPELREGELS = ListSpec(
    get=lambda s: s.spelregels,
    model=Spelregel,
    fields=lambda s: [FieldSpec("tekst", T.F_SPELREGEL, required=True)],
    render=lambda r, s: Content.assemble(Content.styled("• ", "bold $accent"), Content(r.tekst)),
    name=lambda r: r.tekst,
    new_title=T.SPELREGEL_NIEUW,
    edit_title=T.SPELREGEL_BEWERK,
    separators=False,
)


def _write_doel(s, v: dict) -> None:
    s.avond1 = s.avond1.model_copy(update={"doel": v["doel"]})


class OpeningView(StepView):
    """Goal, ground rules and agenda of evening 1, large and calm for the room."""

    DEFAULT_CSS = """
    OpeningView #doel { padding: 0 2; text-style: bold; max-height: 30%; }
    OpeningView #spelregels { height: auto; max-height: 30%; }
    """

    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        yield section(T.DOEL_AVOND)
        yield DetailsPanel(
            self.owner,
            DetailsSpec(
                T.DOEL_AVOND,
                lambda s: [FieldSpec("doel", T.DOEL_AVOND, "block")],
                lambda s: {"doel": s.avond1.doel},
                _write_doel,
                lambda s: Content(s.avond1.doel or T.NOG_LEEG),
            ),
            id="doel",
        )
        yield section(T.SPELREGELS)
        yield RecordList(self.owner, SPELREGELS, id="spelregels")
        yield section(T.AGENDA)
        yield RecordList(self.owner, agenda(1), id="agenda")


# --- Voorbeelden ---------------------------------------------------------------------------

OORDEEL = ((T.GOED, "goed"), (T.MINDER_GOED, "minder-goed"))


def _render_voorbeeld(v: Voorbeeld, s) -> Content:
    good = v.oordeel == "goed"
    badge = Content.styled(
        f" {T.GOED if good else T.MINDER_GOED} ", "bold reverse $success" if good else "bold reverse $error"
    )
    opgave = next((o.titel for o in s.opgaven if o.id == v.opgave_id), "")
    parts = [
        Content.assemble(
            badge,
            Content(" "),
            Content.styled(v.titel, "bold"),
            Content.styled(f"  · {opgave}" if opgave else "", "italic"),
        )
    ]
    if v.beschrijving:
        parts.append(Content(v.beschrijving))
    if v.les:
        parts.append(Content.assemble(Content.styled(T.LES + ": ", "bold $accent"), Content(v.les)))
    return Content("\n").join(parts)


VOORBEELDEN = ListSpec(
    get=lambda s: s.voorbeelden,
    model=Voorbeeld,
    fields=lambda s: [
        FieldSpec("titel", T.F_TITEL, required=True),
        FieldSpec("oordeel", T.F_OORDEEL, "choice", choices=OORDEEL, allow_blank=False),
        FieldSpec("beschrijving", T.F_WAT_GEBEURDE, "block"),
        FieldSpec("les", T.LES, "block"),
        FieldSpec("opgave_id", T.F_HOORT_BIJ, "choice", choices=tuple((o.titel, o.id) for o in s.opgaven)),
    ],
    render=_render_voorbeeld,
    name=lambda v: v.titel,
    new_title=T.VOORBEELD_NIEUW,
    edit_title=T.VOORBEELD_BEWERK,
)


class VoorbeeldenView(StepView):
    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        yield RecordList(self.owner, VOORBEELDEN, id="voorbeelden")


# --- Eisen en wensen -----------------------------------------------------------------------

SOORT_EW = (("Eis", "eis"), ("Wens", "wens"))
VAN = tuple((label, key) for key, label in E.VAN_LABEL.items())


def _render_eis(e: EisWens, s) -> Content:
    kind = Content.styled(
        f" {E.EIS_WENS_LABEL[e.soort]} ", "bold reverse $accent" if e.soort == "eis" else "bold reverse $secondary"
    )
    meta = " · ".join(x for x in (e.categorie, E.VAN_LABEL[e.van]) if x)
    return Content("\n").join([Content.assemble(kind, Content.styled("  " + meta, "italic")), Content(e.tekst)])


EISEN = ListSpec(
    get=lambda s: s.eisen_wensen,
    model=EisWens,
    fields=lambda s: [
        FieldSpec("soort", T.F_EIS_OF_WENS, "choice", choices=SOORT_EW, allow_blank=False),
        FieldSpec("tekst", T.F_TEKST, "block", required=True),
        FieldSpec("categorie", T.F_CATEGORIE, help=T.F_CATEGORIE_HULP),
        FieldSpec("van", T.F_VAN, "choice", choices=VAN, allow_blank=False),
    ],
    render=_render_eis,
    name=lambda e: e.tekst[:40],
    new_title=T.EIS_NIEUW,
    edit_title=T.EIS_BEWERK,
)


class EisenWensenView(StepView):
    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        yield RecordList(self.owner, EISEN, id="eisen")


# --- Afsluiting ----------------------------------------------------------------------------


def _card_line(k: Kaart) -> Content:
    return Content.assemble(Content.styled(f"● {k.stemmen:>2}  ", "bold"), Content(k.tekst))


class CarriedColumn(Static):
    DEFAULT_CSS = """
    CarriedColumn { width: 1fr; height: auto; padding: 0 1; border: tall $panel; }
    CarriedColumn.kans { border-title-color: $success; }
    CarriedColumn.knelpunt { border-title-color: $error; }
    """


def ties(session, *, hint: bool = True) -> list[str]:
    """Per column where the cut-off falls between cards with equal votes: a plain sentence (with
    ``hint``: and which keys settle it, for the facilitator)."""
    if session.afsluiting.gekozen is not None:
        return []
    n = session.afsluiting.top
    lines = []
    for kolom, title in (("kans", E.KANSEN), ("knelpunt", E.KNELPUNTEN)):
        cards = [k for k in rules.by_votes(session.kolom(kolom)) if k.stemmen > 0]
        if len(cards) <= n or cards[n - 1].stemmen != cards[n].stemmen:
            continue
        votes = cards[n - 1].stemmen
        tied = [k for k in cards if k.stemmen == votes]
        going = n - sum(1 for k in cards if k.stemmen > votes)
        lines.append(
            T.AFS_GELIJK.format(kolom=title, n=len(tied), stemmen=votes, mee=going)
            + (T.AFS_GELIJK_HULP if hint else "")
        )
    return lines


class CarryList(StopAtEnds, SelectionList[str]):
    """The cards to choose from: a tick for a card that goes along, an empty box for one that does not."""

    DEFAULT_CSS = """
    CarryList > .selection-list--button, CarryList > .selection-list--button-highlighted {
        background: $foreground 25%;
    }
    """

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        if len(segments) < 3:
            return line
        box = segments[1]
        segments[1] = Segment("✔" if selection.value in self.selected else " ", box.style)
        return Strip(segments, line.cell_length)


class AfsluitingView(StepView):
    """The top kansen and knelpunten by votes, carried over to evening 2; the facilitator may choose."""

    BINDINGS = bindings("afsluiting")
    DEFAULT_CSS = """
    AfsluitingView #carried { height: auto; }
    AfsluitingView #mode { height: auto; color: $text-muted; margin: 1 0 0 0; }
    AfsluitingView #gelijk { height: auto; }
    AfsluitingView SelectionList { height: 1fr; border: tall $panel; }
    AfsluitingView SelectionList:focus { border: tall $primary; }
    """

    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        with Horizontal(id="carried"):
            yield CarriedColumn(id="kans", classes="kans")
            yield CarriedColumn(id="knelpunt", classes="knelpunt")
        yield Static(id="mode")
        yield Static(id="gelijk")
        yield section(T.AFS_KIES)
        yield CarryList(id="choose")

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        s = self.session
        carried = rules.carry_over(s)
        chosen = {k.id for k in carried}
        for kolom, title in (("kans", E.KANSEN), ("knelpunt", E.KNELPUNTEN)):
            column = self.query_one(f"#{kolom}", CarriedColumn)
            column.border_title = title
            cards = [k for k in carried if k.kolom == kolom]
            column.update(
                Content("\n").join([_card_line(k) for k in cards]) if cards else Content.styled(T.AFS_GEEN, "italic")
            )
        hints = not self.owner.presenting  # the keys that change the choice: for the facilitator only
        if s.afsluiting.gekozen is not None:
            mode = T.AFS_MODE_HAND
        else:
            mode = T.AFS_MODE_AUTO.format(n=s.afsluiting.top) + (T.AFS_MODE_AUTO_HULP if hints else "")
        self.query_one("#mode", Static).update(Content(mode))
        tied = ties(s, hint=hints)
        gelijk = self.query_one("#gelijk", Static)
        gelijk.display = bool(tied)
        gelijk.update(Content("\n").join([Content.styled("⚠ " + t, "bold $warning") for t in tied]))
        selection = self.query_one("#choose", SelectionList)
        highlighted = selection.highlighted
        selection.clear_options()
        options = []
        for k in rules.by_votes(s.kaarten):
            label = Content.assemble(Content.styled(f"{E.KOLOM_LABEL[k.kolom]:<9}", "italic"), _card_line(k))
            options.append(Selection(label, k.id, k.id in chosen))
        with selection.prevent(SelectionList.SelectedChanged):
            selection.add_options(options)
        if highlighted is not None and options:
            selection.highlighted = min(highlighted, len(options) - 1)

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()
        if not self.can_edit():
            self.reload()
            return
        s = self.session
        current = [k.id for k in rules.carry_over(s)]
        card = event.selection.value
        chosen = [i for i in current if i != card] if card in current else current + [card]
        s.afsluiting = s.afsluiting.model_copy(update={"gekozen": chosen})
        self.commit()
        self.reload()

    def action_automatic(self) -> None:
        if self.can_edit():
            self.session.afsluiting = self.session.afsluiting.model_copy(update={"gekozen": None})
            self.commit()
            self.reload()

    def action_top(self, delta: int) -> None:
        if not self.can_edit():
            return
        a = self.session.afsluiting
        top = max(1, min(20, a.top + delta))
        self.session.afsluiting = a.model_copy(update={"top": top, "gekozen": None})
        self.commit()
        self.reload()
