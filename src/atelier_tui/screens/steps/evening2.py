"""Werkatelier 2: terugblik, ambitie, initiatieven, unusual suspects, draagvlak, opbrengst, evaluatie.

(The participatieladder has its own module.)
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static, TabbedContent, TabPane

from ...commands import bindings
from ...domain import hygiene, rules
from ...domain.builtin import questions
from ...domain.drafts import draft_answer
from ...domain.session import (
    Actiepunt,
    Afspraak,
    Antwoord,
    Criterium,
    Doelgroep,
    FractiePositie,
    InitiatiefRol,
    Inspiratie,
    Reactie,
    Reactieafspraak,
    VervolgStap,
)
from ...teksten import deel as D
from ...teksten import export as E
from ...teksten import ui as T
from ...widgets.details import DetailsPanel, DetailsSpec
from ...widgets.dialogs import ChoiceDialog
from ...widgets.form import FieldSpec
from ...widgets.owner import Edited
from ...widgets.qr import MAX_SCALE, QRCode, code_size, modules, text_rows
from ...widgets.records import ListSpec, RecordList
from .base import StepHeading, StepView, section
from .evening1 import CarriedColumn, _card_line, agenda
from .prep import fractie_field


def _rung_choices(s) -> tuple[tuple[str, str], ...]:
    return tuple((t.naam, t.key) for t in s.ladder.treden)


def _rung_name(s, key: str | None) -> str:
    t = s.ladder.trede(key)
    return t.naam if t else ""


# --- Terugblik -----------------------------------------------------------------------------

INSPIRATIE = ListSpec(
    get=lambda s: s.inspiratie,
    model=Inspiratie,
    fields=lambda s: [FieldSpec("titel", T.F_TITEL, required=True), FieldSpec("toelichting", T.F_TOELICHTING, "block")],
    render=lambda i, s: (
        Content("\n").join([Content.styled(i.titel, "bold"), Content(i.toelichting)])
        if i.toelichting
        else Content.styled(i.titel, "bold")
    ),
    name=lambda i: i.titel,
    new_title=T.INSPIRATIE_NIEUW,
    edit_title=T.INSPIRATIE_BEWERK,
)


class TerugblikView(StepView):
    DEFAULT_CSS = """
    TerugblikView #carried { height: auto; max-height: 35%; }
    TerugblikView #lessen { height: auto; max-height: 20%; padding: 0 1; }
    TerugblikView #onder { height: 1fr; min-height: 5; }
    TerugblikView #onder > Vertical { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        with Horizontal(id="carried"):
            yield CarriedColumn(id="kans", classes="kans")
            yield CarriedColumn(id="knelpunt", classes="knelpunt")
        yield section(T.LESSEN)
        yield Static(id="lessen")
        with Horizontal(id="onder"):
            with Vertical():
                yield section(T.INSPIRATIE)
                yield RecordList(self.owner, INSPIRATIE, id="inspiratie")
            with Vertical():
                yield section(T.AGENDA_AVOND_2)
                yield RecordList(self.owner, agenda(2), id="agenda2")

    def on_mount(self) -> None:
        s = self.session
        carried = rules.carry_over(s)
        for kolom, title in (("kans", E.KANSEN), ("knelpunt", E.KNELPUNTEN)):
            column = self.query_one(f"#{kolom}", CarriedColumn)
            column.border_title = title
            cards = [k for k in carried if k.kolom == kolom]
            column.update(
                Content("\n").join([_card_line(k) for k in cards]) if cards else Content.styled(T.AFS_GEEN, "italic")
            )
        lessons = [
            Content.assemble(Content.styled("• ", "bold $accent"), Content(v.les)) for v in s.voorbeelden if v.les
        ]
        self.query_one("#lessen", Static).update(
            Content("\n").join(lessons) if lessons else Content.styled(T.GEEN_LESSEN, "italic")
        )


# --- Ambitie -------------------------------------------------------------------------------

KEUZES = ((E.KEUZE_LABEL["een-lijn"], "een-lijn"), (E.KEUZE_LABEL["per-opgave"], "per-opgave"))


def _ambitie_fields(s) -> list[FieldSpec]:
    return [
        FieldSpec("niveau", T.F_AMBITIENIVEAU, "choice", choices=_rung_choices(s)),
        FieldSpec("keuze", T.F_KEUZE, "choice", choices=KEUZES),
        FieldSpec("regel", T.F_REGEL, "block", help=T.F_REGEL_HULP),
        FieldSpec("toelichting", T.F_TOELICHTING, "block"),
    ]


def _read_ambitie(s) -> dict:
    a = s.ambitie
    return {"niveau": a.niveau, "keuze": a.keuze, "regel": a.regel, "toelichting": a.toelichting}


def _write_ambitie(s, v: dict) -> None:
    s.ambitie = s.ambitie.model_copy(update=v)


def _render_ambitie(s) -> Content:
    a = s.ambitie
    lines = [
        Content.assemble(
            Content.styled(T.F_AMBITIENIVEAU + ": ", "bold"),
            Content.styled(_rung_name(s, a.niveau) or "—", "bold $accent"),
        ),
        Content.assemble(Content.styled(T.F_KEUZE + ": ", "bold"), Content(E.KEUZE_LABEL.get(a.keuze or "", "—"))),
    ]
    if a.regel:
        lines.append(Content.assemble(Content.styled(T.F_REGEL + ": ", "bold"), Content(a.regel)))
    if a.toelichting:
        lines.append(Content(a.toelichting))
    return Content("\n").join(lines)


def _same_fractie(values: dict, s, index: int | None) -> str | None:
    """A fractie has one position: a second one for the same fractie is refused."""
    name = " ".join(str(values.get("fractie") or "").split()).casefold()
    for i, f in enumerate(s.ambitie.fracties):
        if i != index and " ".join(f.fractie.split()).casefold() == name:
            return T.FRACTIE_DUBBEL.format(fractie=f.fractie)
    return None


FRACTIES = ListSpec(
    get=lambda s: s.ambitie.fracties,
    model=FractiePositie,
    refuse=_same_fractie,
    fields=lambda s: [
        fractie_field(s, required=True),
        FieldSpec("trede", T.F_TREDE, "choice", choices=_rung_choices(s)),
        FieldSpec("toelichting", T.F_TOELICHTING, "block"),
    ],
    render=lambda f, s: Content.assemble(
        Content.styled(f.fractie, "bold"), Content("  "), Content.styled(_rung_name(s, f.trede) or "—", "$accent")
    ),
    name=lambda f: f.fractie,
    new_title=T.FRACTIE_NIEUW,
    edit_title=T.FRACTIE_BEWERK,
    separators=False,
)


def alignment(s) -> Content:
    """Per rung the fracties that put the council's level there: how aligned is the council?"""
    placed = [f for f in s.ambitie.fracties if f.trede]
    if not placed:
        return Content.styled(T.GEEN_FRACTIES, "italic")
    width = max(len(t.naam) for t in s.ladder.treden) + 2
    lines = []
    for t in reversed(s.ladder.treden):
        here = [f.fractie for f in placed if f.trede == t.key]
        mark = "◆ " if t.key == s.ambitie.niveau else "  "
        lines.append(
            Content.assemble(
                Content.styled(mark, "bold $accent"),
                Content.styled(t.naam.ljust(width), "bold" if here else "$text-muted"),
                Content.styled("█" * (2 * len(here)) + (" " if here else ""), "$accent"),
                Content(", ".join(here)),
            )
        )
    rungs = {f.trede for f in placed}
    on_level = sum(1 for f in placed if f.trede == s.ambitie.niveau)
    summary = T.EENSGEZIND if len(rungs) == 1 else T.VERDEELD.format(n=len(rungs), op=on_level, van=len(placed))
    return Content("\n").join([*lines, Content(""), Content.styled(summary, "italic")])


class AmbitieView(StepView):
    DEFAULT_CSS = """
    AmbitieView #ambitie { max-height: 45%; }
    AmbitieView #onder { height: 1fr; min-height: 6; }
    AmbitieView #fracties { width: 1fr; }
    AmbitieView #afstemming { width: 1fr; height: auto; border: tall $panel; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        yield DetailsPanel(
            self.owner,
            DetailsSpec(T.AMBITIE_BEWERK, _ambitie_fields, _read_ambitie, _write_ambitie, _render_ambitie),
            id="ambitie",
        )
        yield section(T.FRACTIES)
        with Horizontal(id="onder"):
            yield RecordList(self.owner, FRACTIES, id="fracties")
            yield Static(id="afstemming")

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        afstemming = self.query_one("#afstemming", Static)
        afstemming.border_title = T.AFSTEMMING
        afstemming.update(alignment(self.session))

    @on(Edited)
    def _edited(self) -> None:
        """A position changed: the alignment under it follows."""
        self.reload()


# --- Bewonersinitiatieven ------------------------------------------------------------------


def _render_rol(r: InitiatiefRol, s) -> Content:
    mark = Content.styled("[✔] " if r.gekozen else "[ ] ", "bold $success" if r.gekozen else "$text-muted")
    head = Content.assemble(mark, Content.styled(r.naam, "bold"))
    return Content("\n").join([head, Content(r.uitleg)]) if r.uitleg else head


ROLLEN = ListSpec(
    get=lambda s: s.initiatieven.rollen,
    model=InitiatiefRol,
    fields=lambda s: [
        FieldSpec("naam", T.F_NAAM, required=True),
        FieldSpec("uitleg", T.F_UITLEG, "block"),
        FieldSpec("gekozen", T.F_GEKOZEN, "bool", allow_blank=False),
        FieldSpec("besproken", T.F_BESPROKEN, "bool", allow_blank=False, help=T.F_BESPROKEN_HULP),
    ],
    render=_render_rol,
    name=lambda r: r.naam,
    new_title=T.ROL_NIEUW,
    edit_title=T.ROL_BEWERK,
)

REACTIE_AFSPRAKEN = ListSpec(
    get=lambda s: s.initiatieven.afspraken,
    model=Reactieafspraak,
    fields=lambda s: [
        FieldSpec("onderwerp", T.F_ONDERWERP, required=True, help=T.F_REACTIE_HULP),
        FieldSpec("afspraak", T.F_AFSPRAAK, "block", required=True),
    ],
    render=lambda a, s: Content.assemble(Content.styled(a.onderwerp + ": ", "bold"), Content(a.afspraak)),
    name=lambda a: a.onderwerp,
    new_title=T.REACTIE_NIEUW,
    edit_title=T.REACTIE_BEWERK,
)


class RolList(RecordList):
    BINDINGS = bindings("rollen")

    def action_toggle(self) -> None:
        index = self._index()
        if index is None or not self.can_edit():
            return
        rol = self.items[index]
        self.replace(index, rol.model_copy(update={"gekozen": not rol.gekozen}))


class InitiatievenView(StepView):
    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        yield section(T.ROLLEN)
        yield RolList(self.owner, ROLLEN, id="rollen")
        yield section(T.REACTIE)
        yield RecordList(self.owner, REACTIE_AFSPRAKEN, id="reactie")


# --- Unusual suspects ----------------------------------------------------------------------

BEREIK = ((T.BEREIK_JA, "ja"), (T.BEREIK_DEELS, "deels"), (T.BEREIK_NEE, "nee"))
BEREIK_STIJL = {"ja": "bold reverse $success", "deels": "bold reverse $warning", "nee": "bold reverse $error"}


def _render_groep(g: Doelgroep, s) -> Content:
    label = dict((v, lbl) for lbl, v in BEREIK).get(g.bereikt or "", T.BEREIK_ONBEKEND)
    head = Content.assemble(
        Content.styled(f" {label} ", BEREIK_STIJL.get(g.bereikt or "", "reverse")),
        Content(" "),
        Content.styled(g.naam, "bold"),
    )
    parts = [head]
    if g.hoe_bereiken:
        parts.append(Content.assemble(Content.styled(T.HOE + ": ", "italic"), Content(g.hoe_bereiken)))
    if g.actie_raad:
        parts.append(Content.assemble(Content.styled(T.RAAD_DOET + ": ", "bold $accent"), Content(g.actie_raad)))
    return Content("\n").join(parts)


DOELGROEPEN = ListSpec(
    get=lambda s: s.doelgroepen,
    model=Doelgroep,
    fields=lambda s: [
        FieldSpec("naam", T.F_GROEP, required=True),
        FieldSpec("bereikt", T.F_BEREIKT, "choice", choices=BEREIK),
        FieldSpec("hoe_bereiken", T.HOE, "block"),
        FieldSpec("actie_raad", T.RAAD_DOET, "block"),
        FieldSpec("besproken", T.F_BESPROKEN, "bool", allow_blank=False, help=T.F_BESPROKEN_HULP),
    ],
    render=_render_groep,
    name=lambda g: g.naam,
    new_title=T.GROEP_NIEUW,
    edit_title=T.GROEP_BEWERK,
)


class UnusualSuspectsView(StepView):
    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        yield RecordList(self.owner, DOELGROEPEN, id="doelgroepen")


# --- Draagvlak -----------------------------------------------------------------------------


def _render_criterium(c: Criterium, s) -> Content:
    head = Content.assemble(
        Content.styled(c.naam, "bold"), Content.styled(f"  · {c.geldt_voor}" if c.geldt_voor else "", "italic")
    )
    parts = [head]
    if c.uitleg:
        parts.append(Content(c.uitleg))
    if c.toets:
        parts.append(Content.assemble(Content.styled(T.TOETS + ": ", "bold $accent"), Content(c.toets)))
    return Content("\n").join(parts)


CRITERIA = ListSpec(
    get=lambda s: s.criteria,
    model=Criterium,
    fields=lambda s: [
        FieldSpec("naam", T.F_CRITERIUM, required=True),
        FieldSpec("uitleg", T.F_UITLEG, "block"),
        FieldSpec("toets", T.TOETS, "block"),
        FieldSpec("geldt_voor", T.F_GELDT_VOOR, help=T.F_GELDT_VOOR_HULP),
        FieldSpec("besproken", T.F_BESPROKEN, "bool", allow_blank=False, help=T.F_BESPROKEN_HULP),
    ],
    render=_render_criterium,
    name=lambda c: c.naam,
    new_title=T.CRITERIUM_NIEUW,
    edit_title=T.CRITERIUM_BEWERK,
)


class DraagvlakView(StepView):
    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        yield RecordList(self.owner, CRITERIA, id="criteria")


# --- Opbrengst -----------------------------------------------------------------------------


def _question(key: str) -> str:
    return next((q.vraag for q in questions() if q.key == key), key)


def _render_antwoord(a: Antwoord, s) -> Content:
    head = Content.styled(_question(a.vraag), "bold $accent")
    body = Content(a.antwoord) if a.antwoord else Content.styled(T.GEEN_ANTWOORD, "italic $text-muted")
    return Content("\n").join([head, body])


ANTWOORDEN = ListSpec(
    get=lambda s: s.opbrengst.antwoorden,
    model=Antwoord,
    fields=lambda s: [FieldSpec("antwoord", T.F_ANTWOORD, "block")],
    render=_render_antwoord,
    name=lambda a: _question(a.vraag),
    new_title=T.ANTWOORD_BEWERK,
    edit_title=T.ANTWOORD_BEWERK,
)


class AnswerList(RecordList):
    """The five questions: no adding or removing; c fills in a draft from the earlier steps.

    Over an answer already there, c asks whether to add the draft or replace the answer; u puts
    back the answer as it was before the last draft.
    """

    BINDINGS = bindings("vragen")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._before_draft: tuple[int, Antwoord] | None = None

    def action_nothing(self) -> None:
        self.notify(T.VRAGEN_VAST, severity="information")

    @work(exclusive=True, group="records")
    async def action_draft(self) -> None:
        index = self._index()
        if index is None or not self.can_edit():
            return
        answer = self.items[index]
        draft = hygiene.clean(draft_answer(self.session, answer.vraag), multiline=True).text
        if not draft:
            self.notify(T.GEEN_CONCEPT, severity="warning")
            return
        current = answer.antwoord.strip()
        if draft in current:
            self.notify(T.CONCEPT_STAAT_ER, severity="information")
            return
        text = draft
        if current:
            choices = [("toevoegen", T.CONCEPT_TOEVOEGEN), ("vervangen", T.CONCEPT_VERVANGEN), ("nee", T.ANNULEREN)]
            choice = await self.app.push_screen_wait(ChoiceDialog(T.CONCEPT_KOP, T.CONCEPT_VRAAG, choices))
            if choice == "toevoegen":
                text = current + "\n\n" + draft
            elif choice != "vervangen":
                return
        self._before_draft = (index, answer)
        self.replace(index, answer.model_copy(update={"antwoord": self.clean(text, multiline=True)}))
        self.notify(T.CONCEPT_INGEVULD, severity="information")

    def action_undo(self) -> None:
        if self._before_draft is None or not self.can_edit():
            self.notify(T.CONCEPT_NIETS_TERUG, severity="information")
            return
        index, before = self._before_draft
        self._before_draft = None
        self.replace(index, before)
        self.notify(T.CONCEPT_TERUGGEZET, severity="information")


def _check_actie(a: Actiepunt, s) -> str | None:
    evening = s.avond2.datum or s.avond1.datum
    if a.wanneer and evening and a.wanneer < evening:
        return T.DATUM_VOOR_AVOND.format(datum=a.wanneer.strftime("%d-%m-%Y"))
    if not a.wie:
        return T.WIE_ONTBREEKT
    return None


AFSPRAKEN = ListSpec(
    get=lambda s: s.opbrengst.afspraken,
    model=Afspraak,
    fields=lambda s: [FieldSpec("tekst", T.F_AFSPRAAK, "block", required=True, help=T.F_AFSPRAAK_HULP)],
    render=lambda a, s: Content.assemble(Content.styled("• ", "bold $accent"), Content(a.tekst)),
    name=lambda a: a.tekst[:40],
    new_title=T.AFSPRAAK_NIEUW,
    edit_title=T.AFSPRAAK_BEWERK,
)

ACTIEPUNTEN = ListSpec(
    get=lambda s: s.opbrengst.actiepunten,
    model=Actiepunt,
    fields=lambda s: [
        FieldSpec("soort", T.F_SOORT_ACTIE, "choice", choices=T.SOORT_ACTIE_KEUZES, allow_blank=False),
        FieldSpec("wie", T.F_WIE),
        FieldSpec("wat", T.F_WAT, "block", required=True),
        FieldSpec("wanneer", T.F_WANNEER, "date"),
        FieldSpec("status", T.F_STATUS_ACTIE, "choice", choices=T.STATUS_ACTIE_KEUZES, allow_blank=False),
        FieldSpec("avond", T.F_AVOND_ACTIE, "choice", choices=T.AVOND_KEUZES, allow_blank=False),
    ],
    render=lambda a, s: Content("\n").join(
        [
            Content.assemble(
                Content.styled(a.wie or T.WIE_ONBEKEND, "bold"),
                Content.styled("  " + (a.wanneer.strftime("%d-%m-%Y") if a.wanneer else T.GEEN_DATUM), "$accent"),
            ),
            Content(a.wat),
        ]
    ),
    name=lambda a: a.wat[:40],
    new_title=T.ACTIE_NIEUW,
    edit_title=T.ACTIE_BEWERK,
    check=_check_actie,
)

VERVOLG = ListSpec(
    get=lambda s: s.opbrengst.vervolg,
    model=VervolgStap,
    fields=lambda s: [FieldSpec("tekst", T.F_STAP, "block", required=True), FieldSpec("wanneer", T.F_WANNEER, "date")],
    render=lambda v, s: Content.assemble(
        Content.styled((v.wanneer.strftime("%d-%m-%Y") + "  ") if v.wanneer else "", "bold $accent"), Content(v.tekst)
    ),
    name=lambda v: v.tekst[:40],
    new_title=T.VERVOLG_NIEUW,
    edit_title=T.VERVOLG_BEWERK,
)


class OpbrengstView(StepView):
    """The answers to the five questions, agreements, actions and next steps; 1-4 open a tab."""

    BINDINGS = bindings("opbrengst")
    #: (tab, its list) in the order of the keys 1-4
    TABS = (
        ("tab-vragen", "#antwoorden"),
        ("tab-afspraken", "#afspraken"),
        ("tab-acties", "#actiepunten"),
        ("tab-vervolg", "#vervolg"),
    )
    initial_focus = "#antwoorden"
    DEFAULT_CSS = """
    OpbrengstView TabbedContent { height: 1fr; }
    OpbrengstView TabPane { height: 1fr; padding: 0; }
    """

    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        with TabbedContent(id="tabs"):
            with TabPane(T.TAB_VRAGEN, id="tab-vragen"):
                yield AnswerList(self.owner, ANTWOORDEN, id="antwoorden")
            with TabPane(T.TAB_AFSPRAKEN, id="tab-afspraken"):
                yield RecordList(self.owner, AFSPRAKEN, id="afspraken")
            with TabPane(T.TAB_ACTIES, id="tab-acties"):
                yield RecordList(self.owner, ACTIEPUNTEN, id="actiepunten")
            with TabPane(T.TAB_VERVOLG, id="tab-vervolg"):
                yield RecordList(self.owner, VERVOLG, id="vervolg")

    def action_tab(self, number: int) -> None:
        pane, records = self.TABS[number - 1]
        self.query_one("#tabs", TabbedContent).active = pane
        self.query_one(records).focus()


# --- Evaluatie -----------------------------------------------------------------------------

REACTIES = ListSpec(
    get=lambda s: s.evaluatie.reacties,
    model=Reactie,
    fields=lambda s: [
        FieldSpec("tekst", T.F_REACTIE, "block", required=True),
        FieldSpec("naam", T.F_NAAM, help=T.F_OPTIONEEL),
        fractie_field(s, T.F_OPTIONEEL),
    ],
    render=lambda r, s: Content.assemble(
        Content("“"),
        Content(r.tekst),
        Content("”"),
        Content.styled(
            "  — " + ", ".join(p for p in (r.naam, r.fractie) if p) if (r.naam or r.fractie) else "", "italic"
        ),
    ),
    name=lambda r: r.tekst[:40],
    new_title=T.REACTIE_EVAL_NIEUW,
    edit_title=T.REACTIE_EVAL_BEWERK,
)


def render_ratings(cijfers: dict[str, int]) -> Content:
    total = sum(cijfers.values())
    lines = []
    most = max(cijfers.values(), default=0) or 1
    for i in range(5, 0, -1):
        n = cijfers.get(str(i), 0)
        bar = "█" * round(20 * n / most) if n else ""
        lines.append(
            Content.assemble(
                Content.styled(f" {i} ", "bold reverse $accent"),
                Content(" "),
                Content.styled(bar, "$accent"),
                Content(f" {n}"),
            )
        )
    if total:
        avg = sum(int(k) * v for k, v in cijfers.items()) / total
        lines.append(Content.styled(T.GEMIDDELD.format(avg=f"{avg:.1f}".replace(".", ","), n=total), "bold"))
    else:
        lines.append(Content.styled(T.NOG_GEEN_CIJFERS, "italic"))
    return Content("\n").join(lines)


class EvaluatieView(StepView):
    """The reactions and the ratings; with the Delen step's link set, its QR code beside them (the
    room scans it, for example for the evaluation form), as large as the window allows."""

    BINDINGS = bindings("evaluatie")
    DEFAULT_CSS = """
    EvaluatieView #onder { height: 1fr; }
    EvaluatieView #links { width: 1fr; layout: horizontal; }
    EvaluatieView #reacties { width: 2fr; }
    EvaluatieView #cijfers { width: 1fr; height: auto; border: tall $panel; padding: 0 1; }
    EvaluatieView #delen { display: none; height: 1fr; margin-left: 1; align: center middle; }
    EvaluatieView #delen-toelichting { width: 1fr; height: auto; text-align: center; text-style: bold; }
    /* With a link: the reactions over the ratings on the left, the code on the right. */
    EvaluatieView.-delen #links { layout: vertical; }
    EvaluatieView.-delen #reacties { width: 1fr; height: 1fr; }
    EvaluatieView.-delen #delen { display: block; }
    """

    #: Columns the reactions and the ratings keep beside the code.
    LEFT_MIN = 36

    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        with Horizontal(id="onder"):
            with Vertical(id="links"):
                yield RecordList(self.owner, REACTIES, id="reacties")
                yield Static(id="cijfers")
            with Vertical(id="delen"):
                yield Static(id="delen-toelichting")
                yield QRCode(too_small="" if self.owner.presenting else D.TE_KLEIN, id="evaluatie-qr")

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        self._arrange()

    def reload(self) -> None:
        cijfers = self.query_one("#cijfers", Static)
        cijfers.border_title = T.CIJFERS
        cijfers.update(render_ratings(self.session.evaluatie.cijfers))
        deel = self.session.deel
        self.query_one("#evaluatie-qr", QRCode).url = deel.url
        toelichting = self.query_one("#delen-toelichting", Static)
        toelichting.update(Content(deel.toelichting))
        toelichting.display = bool(deel.toelichting)
        self._arrange()

    def _arrange(self) -> None:
        """As wide a column for the code as its largest scale that fits needs."""
        url, toelichting = self.session.deel.url, self.session.deel.toelichting
        self.set_class(bool(url), "-delen")
        width, height = self.content_size
        if not url or not width or not height:
            return
        height -= self.query_one(StepHeading).rows(width)
        room = width - self.LEFT_MIN - 1
        qr = self.query_one("#evaluatie-qr", QRCode)
        column = min(max(modules(url), 30), max(room, 1))  # too small: the link in words
        qr_rows = text_rows(url, column) + (len(Content(qr.too_small).wrap(column)) if qr.too_small else 0)
        for scale in range(MAX_SCALE, 0, -1):
            columns, rows = code_size(url, scale)
            above = len(Content(toelichting).wrap(columns)) if toelichting else 0
            if columns <= room and above + rows + text_rows(url, columns) <= height:
                column, qr_rows = columns, rows + text_rows(url, columns)
                break
        self.query_one("#delen", Vertical).styles.width = column
        qr.styles.height = qr_rows

    def _set(self, cijfers: dict[str, int]) -> None:
        ev = self.session.evaluatie
        self.session.evaluatie = ev.model_copy(update={"cijfers": {k: v for k, v in sorted(cijfers.items()) if v}})
        self.commit()
        self.reload()

    def action_rate(self, cijfer: str, delta: int) -> None:
        if not self.can_edit():
            return
        cijfers = dict(self.session.evaluatie.cijfers)
        cijfers[cijfer] = max(0, cijfers.get(cijfer, 0) + delta)
        self._set(cijfers)

    async def action_edit_ratings(self) -> None:
        if not self.can_edit():
            return
        from ...widgets.form import FormDialog

        fields = [FieldSpec(str(i), T.AANTAL_KEER.format(i=i), "number") for i in range(1, 6)]
        values = {str(i): self.session.evaluatie.cijfers.get(str(i), 0) for i in range(1, 6)}

        def done(result: dict | None) -> None:
            if result is not None:
                self._set({k: max(0, int(v or 0)) for k, v in result.items()})

        self.app.push_screen(FormDialog(T.CIJFERS_BEWERKEN, fields, values), done)
