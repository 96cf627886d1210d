"""The verslag for the minutes, as blocks: one function per section and a small assembler.

Order as raadsleden read it: the head (nature, status, evenings, programma, aanwezigen), the
belangrijkste uitkomsten, each evening, the evaluatie, then the bijlagen with the detail tables.
Only what the room said is presented as its outcome: a built-in starting text appears only when
the facilitator changed it or marked it as discussed. The same session always gives the same
blocks: no time of export in the text.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from ..domain import builtin, rules
from ..domain.session import Actiepunt, Avond, Deelnemer, Session, ZaalRonde
from ..teksten import export as T
from .document import Document, Heading, Item, after_colon


def format_date(value: date | None, *, weekday: bool = False) -> str:
    if value is None:
        return ""
    text = f"{value.day} {T.MAANDEN[value.month - 1]} {value.year}"
    return f"{T.WEEKDAGEN[value.weekday()]} {text}" if weekday else text


def format_time(value: time | None) -> str:
    return value.strftime("%H.%M") if value else ""


def gemeente(session: Session) -> str:
    naam = session.gemeente or session.naam
    for prefix in ("Gemeente ", "gemeente "):
        if naam.startswith(prefix):
            return naam[len(prefix) :]
    return naam


def evening_when(avond: Avond) -> str:
    """``woensdag 7 oktober 2026, 19.30–21.45 uur, Raadzaal``: what is known of it."""
    times = "–".join(t for t in (format_time(avond.begintijd), format_time(avond.eindtijd)) if t)
    parts = [format_date(avond.datum, weekday=True), f"{times} uur" if times else "", avond.plaats]
    return ", ".join(p for p in parts if p)


def evenings(session: Session) -> tuple[tuple[int, str, Avond], ...]:
    return ((1, T.AVOND_1, session.avond1), (2, T.AVOND_2, session.avond2))


def rung_name(session: Session, key: str | None) -> str:
    trede = session.ladder.trede(key)
    return trede.naam.lower() if trede else ""


def actie_nummers(session: Session) -> list[tuple[str, Actiepunt]]:
    """Toezeggingen (T1, T2, …) and actiepunten (A1, …), numbered apart, in the order typed."""
    counts = {"toezegging": 0, "actie": 0}
    out = []
    for a in session.opbrengst.actiepunten:
        counts[a.soort] += 1
        out.append((f"{T.NUMMER_PREFIX[a.soort]}{counts[a.soort]}", a))
    return out


# --- The head ---------------------------------------------------------------------------------


def head(d: Document, s: Session) -> None:
    v = s.verslag
    meta = [
        Item(T.SOORT_TEKST, T.SOORT),
        Item(T.OPENBAAR[v.openbaar], T.OPENBAARHEID),
        Item(
            T.STATUS_DOOR.format(status=T.STATUS_LABEL[v.status], wie=v.opgesteld_door)
            if v.opgesteld_door
            else T.STATUS_LABEL[v.status],
            T.STATUS,
        ),
    ]
    meta += [Item(evening_when(avond), label) for _, label, avond in evenings(s) if evening_when(avond)]
    if v.voorzitter:
        meta.append(Item(v.voorzitter, T.VOORZITTER))
    if s.facilitator:
        meta.append(Item(s.facilitator, T.FACILITATOR))
    d.items(meta)

    d.heading(2, T.DOEL)
    doelen = [Item(avond.doel, label) for _, label, avond in evenings(s) if avond.doel]
    if len({i.text for i in doelen}) == 1:
        d.para(doelen[0].text)
    else:
        d.items(doelen)

    d.heading(2, T.PROGRAMMA)
    for nr, label, avond in evenings(s):
        if avond.agenda and (nr == 1 or evening_two_held(s)):  # not the plan of an evening yet to come
            d.heading(3, label)
            d.items(_programma(avond), numbered=avond.begintijd is None)

    presence(d, s)


def _programma(avond: Avond) -> list[Item]:
    """The agenda, with the clock time of each point when the evening's start is known."""
    items = []
    clock = datetime.combine(avond.datum or date(2000, 1, 1), avond.begintijd) if avond.begintijd else None
    for punt in avond.agenda:
        items.append(Item(punt.onderwerp, clock.strftime("%H.%M") if clock else "", sep=" "))
        if clock:
            clock += timedelta(minutes=punt.minuten)
    return items


def _name(s: Session, p: Deelnemer) -> str:
    """A person as the verslag names them; civil servants by function unless chosen otherwise."""
    if p.rol == "ambtenaar" and not s.verslag.ambtenaren_bij_naam:
        return p.functie or T.AMBTENAAR_ZONDER_FUNCTIE
    if p.rol == "ambtenaar" and p.functie:
        return f"{p.naam} ({p.functie})"
    if p.rol == "wethouder" and p.functie:
        return f"{p.naam} ({p.functie})"
    return p.naam


def _attendance(p: Deelnemer) -> str:
    if p.avond1 and not p.avond2:
        return T.ALLEEN_1
    if p.avond2 and not p.avond1:
        return T.ALLEEN_2
    return ""


def presence(d: Document, s: Session) -> None:
    present = [p for p in s.deelnemers if p.avond1 or p.avond2]
    if not s.deelnemers:
        return
    d.heading(2, T.AANWEZIG)
    d.para(T.AANWEZIG_INTRO)

    def label(p: Deelnemer) -> str:
        when = _attendance(p)
        return f"{_name(s, p)} ({when})" if when else _name(s, p)

    for rol, title in (("raadslid", T.GROEP_RAADSLEDEN), ("burgerraadslid", T.GROEP_BURGERRAADSLEDEN)):
        people = [p for p in present if p.rol == rol]
        if people:
            d.heading(3, title)
            fracties = sorted({p.fractie for p in people}, key=lambda f: (not f, f.lower()))
            d.items(
                [Item(", ".join(label(p) for p in people if p.fractie == f), f or T.ZONDER_FRACTIE) for f in fracties]
            )
    for rol, title in (
        ("wethouder", T.GROEP_COLLEGE),
        ("griffier", T.GROEP_GRIFFIE),
        ("ambtenaar", T.GROEP_AMBTELIJK),
        ("anders", T.GROEP_OVERIG),
    ):
        people = [p for p in present if p.rol == rol]
        if people:
            d.heading(3, title)
            d.items([label(p) for p in people])

    absent = [p for p in s.deelnemers if not (p.avond1 and p.avond2)]
    if absent:
        d.heading(3, T.AFWEZIG)

        def missed(p: Deelnemer) -> str:
            if not p.avond1 and not p.avond2:
                avonden = T.BEIDE_AVONDEN
            else:
                avonden = (T.AVOND_1 if not p.avond1 else T.AVOND_2).lower()
            who = p.naam if p.rol != "ambtenaar" or s.verslag.ambtenaren_bij_naam else _name(s, p)
            return T.AFWEZIG_OP.format(naam=who, avonden=avonden)

        d.items(
            [
                Item(", ".join(missed(p) for p in absent if p.afgemeld == afgemeld), title)
                for afgemeld, title in ((True, T.AFGEMELD), (False, T.NIET_AFGEMELD))
                if any(p.afgemeld == afgemeld for p in absent)
            ]
        )


# --- Belangrijkste uitkomsten -----------------------------------------------------------------


class _Terms:
    """Terms explained at their first use in the document."""

    def __init__(self) -> None:
        self.unusual_named = False

    def unusual(self) -> str:
        if self.unusual_named:
            return T.UNUSUAL
        self.unusual_named = True
        return T.UNUSUAL_EERST


def outcomes(d: Document, s: Session, terms: _Terms) -> None:
    d.heading(2, T.UITKOMSTEN)
    ob = s.opbrengst
    answers = {a.vraag: a.antwoord for a in ob.antwoorden if a.antwoord.strip()}
    if answers:
        d.heading(3, T.ANTWOORDEN)
        for q in builtin.questions():
            if q.key in answers:
                kop = q.in_verslag
                if "{unusual}" in kop:
                    kop = kop.format(unusual=terms.unusual())
                d.heading(4, kop)
                d.para(answers[q.key])
    if ob.afspraken:
        d.heading(3, T.RICHTING)
        d.para(T.RICHTING_INTRO)
        d.items([x.tekst for x in ob.afspraken], numbered=True)
    acties = actie_nummers(s)
    for soort, title, intro in (
        ("toezegging", T.TOEZEGGINGEN, T.TOEZEGGINGEN_INTRO),
        ("actie", T.ACTIEPUNTEN, T.ACTIEPUNTEN_INTRO),
    ):
        rows = [
            [nr, a.wie, a.wat, format_date(a.wanneer), T.ACTIE_STATUS[a.status]] for nr, a in acties if a.soort == soort
        ]
        if rows:
            d.heading(3, title)
            d.para(intro)
            d.table([T.NR, T.WIE, T.WAT, T.WANNEER, T.STATUS_KOLOM], rows)
    if ob.vervolg:
        d.heading(3, T.VERVOLG)
        d.table([T.WANNEER, T.WAT], [[format_date(v.wanneer), v.tekst] for v in ob.vervolg])


# --- Werkatelier 1 ----------------------------------------------------------------------------


def rondes(s: Session, stap: str, soort: str | None = None) -> list[ZaalRonde]:
    return [r for r in s.rondes if r.stap == stap and (soort is None or r.soort == soort)]


def zaal_kaarten(d: Document, s: Session, stap: str) -> None:
    """What came in from phones on a step (all its rounds together), and that it was a peiling."""
    found = [r for r in rondes(s, stap, "kaarten") if r.ontvangen]
    if found:
        counts = (sum(r.ontvangen for r in found), sum(r.getoond for r in found), sum(r.niet_getoond for r in found))
        d.para(f"{T.zaal_kaarten(*counts)} {T.PEILING}")


def evening1(d: Document, s: Session) -> None:
    d.heading(2, T.WERKATELIER_1)
    if s.voorbeelden:
        d.heading(3, T.VOORBEELDEN)
        for oordeel, title in (("goed", T.VOORBEELDEN_GOED), ("minder-goed", T.VOORBEELDEN_MINDER)):
            items = [v for v in s.voorbeelden if v.oordeel == oordeel]
            if items:
                d.heading(4, title)
                d.items(
                    [
                        Item(
                            " ".join(
                                p for p in (v.beschrijving, f"{T.LES}: {after_colon(v.les)}" if v.les else "") if p
                            ),
                            v.titel,
                        )
                        for v in items
                    ]
                )
        zaal_kaarten(d, s, "voorbeelden")
    if s.eisen_wensen:
        d.heading(3, T.EISEN_WENSEN)
        for soort, title in (("eis", T.EISEN), ("wens", T.WENSEN)):
            items = [e for e in s.eisen_wensen if e.soort == soort]
            if items:
                d.heading(4, title)
                d.items(
                    [
                        Item(
                            e.tekst,
                            f"{e.categorie} ({T.VAN_LABEL[e.van].lower()})" if e.categorie else T.VAN_LABEL[e.van],
                        )
                        for e in items
                    ],
                )
        zaal_kaarten(d, s, "eisen-wensen")
    cards = {kolom: [k for k in rules.by_votes(s.kolom(kolom)) if k.stemmen] for kolom in ("kans", "knelpunt")}
    if any(cards.values()):
        d.heading(3, T.KANSEN_KNELPUNTEN)
        zaal_kaarten(d, s, "kansen-knelpunten")
        punten = rondes(s, "kansen-knelpunten", "punten")
        if punten:
            d.para(" ".join([*(T.zaal_punten(r.telefoons, r.budget) for r in punten), T.PEILING]))
        if s.afsluiting.puntenwijze or not punten:
            d.para(s.afsluiting.puntenwijze or T.PUNTEN_STANDAARD)
        for kolom, title in (("kans", T.MEESTE_PUNTEN_KANSEN), ("knelpunt", T.MEESTE_PUNTEN_KNELPUNTEN)):
            top = cards[kolom][: max(5, s.afsluiting.top)]
            if top:
                d.heading(4, title)
                d.items([f"{k.tekst} ({T.punten(k.stemmen)})" for k in top], numbered=True)
        d.para(T.PUNTEN_VERWIJZING, note=True)
    elif s.kaarten:
        d.heading(3, T.KANSEN_KNELPUNTEN)
        zaal_kaarten(d, s, "kansen-knelpunten")
        for kolom, title in (("kans", T.KANSEN), ("knelpunt", T.KNELPUNTEN)):
            if s.kolom(kolom):
                d.heading(4, title)
                d.items([k.tekst for k in s.kolom(kolom)])
    carried = rules.carry_over(s)
    if carried:
        d.heading(3, T.MEEGENOMEN)
        d.items([Item(k.tekst, T.KOLOM_LABEL[k.kolom]) for k in carried])
        d.para(s.afsluiting.notitie)


# --- Werkatelier 2 ----------------------------------------------------------------------------


def evening_two_held(s: Session) -> bool:
    """Whether the second evening has anything to report (else its section and programme are left out)."""
    scratch = Document("", kind="verslag")
    evening2(scratch, s, _Terms())
    return any(not isinstance(block, Heading) for block in scratch.cleaned())


def evening2(d: Document, s: Session, terms: _Terms) -> None:
    d.heading(2, T.WERKATELIER_2)
    if s.inspiratie:
        d.heading(3, T.INSPIRATIE)
        d.items([Item(i.toelichting, i.titel) for i in s.inspiratie])
    placed = [o for o in s.opgaven if o.nu or o.straks]
    if placed:
        d.heading(3, T.LADDER.format(ladder=s.ladder.naam.lower()))
        d.table(
            [T.OPGAVE, T.NU, T.STRAKS],
            [[o.titel, rung_name(s, o.nu), rung_name(s, o.straks)] for o in placed],
        )
        d.items([Item(o.toelichting, o.titel) for o in placed if o.toelichting])
    ladder_zaal(d, s)
    a = s.ambitie
    if a.niveau or a.keuze or a.regel or a.toelichting or a.fracties:
        d.heading(3, T.AMBITIE)
        meta = []
        if rung_name(s, a.niveau):
            meta.append(Item(rung_name(s, a.niveau), T.AMBITIENIVEAU))
        if a.keuze:
            meta.append(Item(T.KEUZE_LABEL[a.keuze], T.KEUZE))
        if a.regel:
            meta.append(Item(a.regel, T.REGEL))
        d.items(meta)
        d.para(a.toelichting)
        if a.fracties:
            d.heading(4, T.FRACTIES)
            d.items(
                [
                    Item(f.toelichting, f"{f.fractie} ({rung_name(s, f.trede)})" if f.trede else f.fractie)
                    for f in a.fracties
                ]
            )
            d.para(T.PERSOONLIJKE_TITEL, note=True)
    ini = s.initiatieven
    gekozen = [r for r in ini.rollen if r.gekozen]
    if gekozen or ini.afspraken or ini.toelichting:
        d.heading(3, T.INITIATIEVEN)
        if gekozen:
            d.para(T.ROL_GEKOZEN if len(gekozen) == 1 else T.ROLLEN_GEKOZEN)
            d.items([Item(r.uitleg, r.naam) if rules.rol_uitleg_in_verslag(r) else r.naam for r in gekozen])
        d.para(ini.toelichting)
        if ini.afspraken:
            d.heading(4, T.REACTIE)
            d.items([Item(x.afspraak, x.onderwerp) for x in ini.afspraken])
    groepen = [g for g in s.doelgroepen if rules.doelgroep_in_verslag(g)]
    if groepen:
        d.heading(3, T.UNUSUAL_KOP.format(groepen=terms.unusual()))
        d.table(
            [T.DOELGROEP, T.BEREIKT],
            [[g.naam, T.BEREIK_LABEL[g.bereikt or ""]] for g in groepen],
        )
        items = []
        for g in groepen:
            parts = []
            if rules.hoe_bereiken_in_verslag(g):
                parts.append(f"{T.HOE}: {after_colon(g.hoe_bereiken)}")
            if g.actie_raad:
                parts.append(f"{T.ACTIE_RAAD}: {after_colon(g.actie_raad)}")
            if parts:
                items.append(Item(" ".join(_sentence(p) for p in parts), g.naam))
        d.items(items)
    criteria = [c for c in s.criteria if rules.criterium_in_verslag(c)]
    if criteria:
        d.heading(3, T.DRAAGVLAK)
        d.para(T.DRAAGVLAK_INTRO)
        d.items(
            [
                Item(
                    " ".join(
                        _sentence(p)
                        for p in (
                            c.toets or c.uitleg,
                            f"{T.GELDT_VOOR}: {after_colon(c.geldt_voor)}" if c.geldt_voor else "",
                        )
                        if p
                    ),
                    c.naam,
                )
                for c in criteria
            ]
        )


def ladder_zaal(d: Document, s: Session) -> None:
    """The room's own placement of the opgaven, from phones: per opgave how many chose each rung."""
    names = {t.key: t.naam.lower() for t in s.ladder.treden}
    for r in rondes(s, "ladder", "ladder"):
        placed = [o for o in s.opgaven if r.ladder.get(o.id)]
        if not placed:
            continue
        d.heading(4, T.LADDER_ZAAL_KOP)
        d.para(f"{T.zaal_ladder(r.telefoons)} {T.PEILING}")
        d.table(
            [T.OPGAVE, T.LADDER_ZAAL_NU, T.LADDER_ZAAL_STRAKS],
            [
                [
                    o.titel,
                    T.verdeling(r.ladder[o.id].get("nu", {}), names),
                    T.verdeling(r.ladder[o.id].get("straks", {}), names),
                ]
                for o in placed
            ],
        )


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


# --- Evaluatie --------------------------------------------------------------------------------


def evaluation(d: Document, s: Session) -> None:
    ev = s.evaluatie
    keuze = s.verslag.evaluatie
    if keuze == "weglaten":
        return
    average = rules.average_rating(ev)
    if not (ev.reacties or average is not None):
        return
    d.heading(2, T.EVALUATIE)
    if average is not None:
        counts = [ev.cijfers.get(str(i), 0) for i in range(1, 6)]
        d.para(T.cijfers(rules.rating_count(ev), average, counts))
    for r in rondes(s, "evaluatie", "evaluatie"):
        parts = [T.zaal_cijfers(r.telefoons)] if r.cijfers else []
        if r.ontvangen:
            parts.append(T.zaal_kaarten(r.ontvangen, r.getoond, r.niet_getoond, "reacties"))
        if parts:
            d.para(" ".join([*parts, T.PEILING]))
    if ev.reacties:
        if keuze == "anoniem":
            d.para(T.EVALUATIE_ANONIEM)
            d.items([f"“{r.tekst}”" for r in ev.reacties])
        else:
            d.items(
                [
                    f"“{r.tekst}”"
                    + (f" ({', '.join(p for p in (r.naam, r.fractie) if p)})" if r.naam or r.fractie else "")
                    for r in ev.reacties
                ]
            )


# --- Bijlagen ---------------------------------------------------------------------------------


def appendices(d: Document, s: Session) -> None:
    n = 0
    voorbeelden = {v.id: v.titel for v in s.voorbeelden}

    def bron(k) -> str:
        herkomst = bron_van(k)
        return (
            f"{herkomst}; {T.UIT_DE_ZAAL}"
            if herkomst and k.uit_de_zaal
            else herkomst or (T.UIT_DE_ZAAL if k.uit_de_zaal else "")
        )

    def bron_van(k) -> str:
        if not k.bron:
            return ""
        if k.bron.soort == "voorbeeld":
            return f"{T.BRON_LABEL['voorbeeld']}: {voorbeelden.get(k.bron.voorbeeld_id or '', '')}"
        if k.bron.soort == "trend" and k.bron.trend:
            return f"{T.BRON_LABEL['trend']}: {k.bron.trend}"
        return T.BRON_LABEL[k.bron.soort]

    if any(k.stemmen for k in s.kaarten):
        n += 1
        d.heading(2, T.BIJLAGE.format(n=n, titel=T.BIJLAGE_KAARTEN))
        for kolom, title in (("kans", T.KANSEN), ("knelpunt", T.KNELPUNTEN)):
            cards = rules.by_votes(s.kolom(kolom))
            if cards:
                d.heading(3, title)
                d.table(
                    [T.KAART, T.PUNTEN, T.THEMA, T.BRON],
                    [[k.tekst, str(k.stemmen), k.thema, bron(k)] for k in cards],
                )
    used = {o.nu for o in s.opgaven} | {o.straks for o in s.opgaven} | {s.ambitie.niveau}
    used |= {f.trede for f in s.ambitie.fracties}
    treden = [t for t in s.ladder.treden if t.key in used and t.toezegging]
    if treden:
        n += 1
        d.heading(2, T.BIJLAGE.format(n=n, titel=T.BIJLAGE_TREDEN.format(ladder=s.ladder.naam.lower())))
        d.para(T.TREDEN_INTRO)
        d.items([Item(t.toezegging, t.naam) for t in treden])


def build(session: Session) -> Document:
    """The verslag: the small assembler of the sections above."""
    d = Document(T.TITEL.format(gemeente=gemeente(session)), kind="verslag")
    terms = _Terms()
    head(d, session)
    outcomes(d, session, terms)
    evening1(d, session)
    evening2(d, session, terms)
    evaluation(d, session)
    appendices(d, session)
    d.blocks = d.cleaned()
    return d
