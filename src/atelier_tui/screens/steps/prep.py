"""Voorbereiding: the session's facts and participants, and the intake with the opgaven."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content

from ...domain.session import Deelnemer, IntakeNotitie, Opgave
from ...teksten import export as E
from ...teksten import ui as T
from ...widgets.details import DetailsPanel, DetailsSpec
from ...widgets.form import FieldSpec, format_value
from ...widgets.records import ListSpec, RecordList
from .base import StepHeading, StepView, section

ROLLEN = tuple((label, key) for key, label in E.ROL_LABEL.items())

SESSIE_FIELDS = [
    FieldSpec("gemeente", T.F_GEMEENTE, required=True),
    FieldSpec("soort_bijeenkomst", T.F_SOORT),
    FieldSpec("facilitator", T.F_FACILITATOR),
    FieldSpec("a1_datum", T.F_A1_DATUM, "date"),
    FieldSpec("a1_tijd", T.F_A1_TIJD, "time"),
    FieldSpec("a1_eind", T.F_A1_EIND, "time"),
    FieldSpec("a1_plaats", T.F_A1_PLAATS),
    FieldSpec("a2_datum", T.F_A2_DATUM, "date"),
    FieldSpec("a2_tijd", T.F_A2_TIJD, "time"),
    FieldSpec("a2_eind", T.F_A2_EIND, "time"),
    FieldSpec("a2_plaats", T.F_A2_PLAATS),
]

#: How the verslag for the minutes is made (issue: the head of a verslag, privacy in public minutes).
VERSLAG_FIELDS = [
    FieldSpec("voorzitter", T.F_VOORZITTER, help=T.F_VOORZITTER_HULP),
    FieldSpec("opgesteld_door", T.F_OPGESTELD_DOOR, placeholder=T.F_OPGESTELD_DOOR_VOORBEELD),
    FieldSpec("status", T.F_STATUS, "choice", choices=T.STATUS_KEUZES, allow_blank=False),
    FieldSpec("openbaar", T.F_OPENBAAR, "bool", allow_blank=False),
    FieldSpec("evaluatie", T.F_EVALUATIE_IN_VERSLAG, "choice", choices=T.EVALUATIE_KEUZES, allow_blank=False),
    FieldSpec("ambtenaren_bij_naam", T.F_AMBTENAREN_BIJ_NAAM, "bool", allow_blank=False),
]


def _write_verslag(s, v: dict) -> None:
    s.verslag = s.verslag.model_copy(update=v)


def _render_verslag(s) -> Content:
    v = s.verslag
    status = dict((key, label) for label, key in T.STATUS_KEUZES)[v.status]
    evaluatie = dict((key, label) for label, key in T.EVALUATIE_KEUZES)[v.evaluatie]
    lines = [
        f"{T.F_VOORZITTER}: {v.voorzitter or T.GESPREKSLEIDER_LEIDT}",
        f"{T.F_OPGESTELD_DOOR}: {v.opgesteld_door or '—'} · {status} · {T.OPENBAAR if v.openbaar else T.BESLOTEN}",
        f"{T.F_EVALUATIE_IN_VERSLAG}: {evaluatie}",
    ]
    return Content("\n").join(Content(line) for line in lines)


def _read_sessie(s) -> dict:
    return {
        "gemeente": s.gemeente,
        "soort_bijeenkomst": s.soort_bijeenkomst,
        "facilitator": s.facilitator,
        "a1_datum": s.avond1.datum,
        "a1_tijd": s.avond1.begintijd,
        "a1_eind": s.avond1.eindtijd,
        "a1_plaats": s.avond1.plaats,
        "a2_datum": s.avond2.datum,
        "a2_tijd": s.avond2.begintijd,
        "a2_eind": s.avond2.eindtijd,
        "a2_plaats": s.avond2.plaats,
    }


def _write_sessie(s, v: dict) -> None:
    s.gemeente = v["gemeente"]
    s.soort_bijeenkomst = v["soort_bijeenkomst"]
    s.facilitator = v["facilitator"]
    for nr in (1, 2):
        avond = getattr(s, f"avond{nr}")
        update = {"datum": v[f"a{nr}_datum"], "begintijd": v[f"a{nr}_tijd"], "eindtijd": v[f"a{nr}_eind"]}
        setattr(s, f"avond{nr}", avond.model_copy(update={**update, "plaats": v[f"a{nr}_plaats"]}))


def _render_sessie(s) -> Content:
    def evening(label: str, avond) -> Content:
        parts = [
            p
            for p in (
                format_value(SESSIE_FIELDS[3], avond.datum),
                "–".join(
                    t
                    for t in (
                        format_value(SESSIE_FIELDS[4], avond.begintijd),
                        format_value(SESSIE_FIELDS[5], avond.eindtijd),
                    )
                    if t
                ),
                avond.plaats,
            )
            if p
        ]
        return Content.assemble(Content.styled(f"{label}: ", "bold"), Content(", ".join(parts) or "—"))

    return Content("\n").join(
        [
            Content.styled(s.gemeente or "—", "bold"),
            Content(
                " · ".join(
                    p for p in (s.soort_bijeenkomst, s.facilitator and f"{T.F_FACILITATOR}: {s.facilitator}") if p
                )
            ),
            evening(E.AVOND_1, s.avond1),
            evening(E.AVOND_2, s.avond2),
        ]
    )


def _present(p: Deelnemer) -> str:
    both = p.avond1 and p.avond2
    if both:
        return ""
    if p.avond1:
        return T.ALLEEN_AVOND.format(n=1)
    if p.avond2:
        return T.ALLEEN_AVOND.format(n=2)
    return T.AFWEZIG


def _render_deelnemer(p: Deelnemer, s) -> Content:
    details = " · ".join(x for x in (p.fractie, E.ROL_LABEL[p.rol], _present(p)) if x)
    return Content.assemble(Content.styled(p.naam, "bold"), Content("  " + details))


def fracties(s) -> tuple[str, ...]:
    """The fracties entered so far (participants and positions), for picking one while typing."""
    names = [p.fractie for p in s.deelnemers] + [f.fractie for f in s.ambitie.fracties]
    return tuple(sorted({n for n in names if n}, key=str.lower))


def fractie_field(s, help: str = "", *, required: bool = False) -> FieldSpec:
    """A fractie: free text, with the fracties already entered offered while typing."""
    known = fracties(s)
    hint = T.F_FRACTIE_EERDER.format(lijst=", ".join(known)) if known else ""
    shown = " ".join(x for x in (help, hint) if x)
    return FieldSpec("fractie", T.F_FRACTIE, required=required, help=shown, suggestions=known)


DEELNEMERS = ListSpec(
    get=lambda s: s.deelnemers,
    model=Deelnemer,
    fields=lambda s: [
        FieldSpec("naam", T.F_NAAM, required=True),
        fractie_field(s, T.F_FRACTIE_HULP),
        FieldSpec("rol", T.F_ROL, "choice", choices=ROLLEN, allow_blank=False),
        FieldSpec("avond1", T.F_AANWEZIG.format(n=1), "bool", allow_blank=False),
        FieldSpec("avond2", T.F_AANWEZIG.format(n=2), "bool", allow_blank=False),
        FieldSpec("afgemeld", T.F_AFGEMELD, "bool", allow_blank=False),
        FieldSpec("functie", T.F_FUNCTIE, help=T.F_FUNCTIE_HULP),
    ],
    render=_render_deelnemer,
    name=lambda p: p.naam,
    new_title=T.DEELNEMER_NIEUW,
    edit_title=T.DEELNEMER_BEWERK,
    separators=False,
)


class SessieView(StepView):
    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        yield DetailsPanel(
            self.owner,
            DetailsSpec(T.SESSIE_BEWERK, lambda s: SESSIE_FIELDS, _read_sessie, _write_sessie, _render_sessie),
            id="sessie-details",
        )
        yield section(T.DEELNEMERS)
        yield RecordList(self.owner, DEELNEMERS, id="deelnemers")
        yield section(T.VERSLAG_KOP)
        yield DetailsPanel(
            self.owner,
            DetailsSpec(
                T.VERSLAG_BEWERK,
                lambda s: VERSLAG_FIELDS,
                lambda s: s.verslag.model_dump(),
                _write_verslag,
                _render_verslag,
            ),
            id="verslag-details",
        )


def _render_intake(n: IntakeNotitie, s) -> Content:
    head = " · ".join(x for x in (n.met_wie, n.datum.strftime("%d-%m-%Y") if n.datum else "") if x)
    parts = [Content.styled(head, "bold")]
    if n.wat_leeft:
        parts.append(Content.assemble(Content.styled(T.F_WAT_LEEFT + ": ", "italic"), Content(n.wat_leeft)))
    if n.wensen:
        parts.append(Content.assemble(Content.styled(T.F_WENSEN + ": ", "italic"), Content(n.wensen)))
    return Content("\n").join(parts)


INTAKE = ListSpec(
    get=lambda s: s.intake,
    model=IntakeNotitie,
    fields=lambda s: [
        FieldSpec("met_wie", T.F_MET_WIE, required=True),
        FieldSpec("datum", T.F_DATUM, "date"),
        FieldSpec("wat_leeft", T.F_WAT_LEEFT, "block"),
        FieldSpec("wensen", T.F_WENSEN, "block"),
    ],
    render=_render_intake,
    name=lambda n: n.met_wie,
    new_title=T.INTAKE_NIEUW,
    edit_title=T.INTAKE_BEWERK,
)

SOORT_OPGAVE = ((T.OPGAVE, "opgave"), (T.PRAKTIJKVOORBEELD, "praktijkvoorbeeld"))


def _render_opgave(o: Opgave, s) -> Content:
    soort = dict((v, lbl) for lbl, v in SOORT_OPGAVE)[o.soort]
    head = Content.assemble(Content.styled(o.titel, "bold"), Content.styled(f"  ({soort})", "italic"))
    return Content("\n").join([head, Content(o.omschrijving)]) if o.omschrijving else head


OPGAVEN = ListSpec(
    get=lambda s: s.opgaven,
    model=Opgave,
    fields=lambda s: [
        FieldSpec("titel", T.F_TITEL, required=True),
        FieldSpec("soort", T.F_SOORT_OPGAVE, "choice", choices=SOORT_OPGAVE, allow_blank=False),
        FieldSpec("omschrijving", T.F_OMSCHRIJVING, "block"),
    ],
    render=_render_opgave,
    name=lambda o: o.titel,
    new_title=T.OPGAVE_NIEUW,
    edit_title=T.OPGAVE_BEWERK,
)


class IntakeView(StepView):
    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        yield section(T.INTAKE_GESPREKKEN).set_classes("section-title facilitator-only")
        intake = RecordList(self.owner, INTAKE, id="intake")
        intake.add_class("facilitator-only")
        yield intake
        yield section(T.OPGAVEN)
        yield RecordList(self.owner, OPGAVEN, id="opgaven")
