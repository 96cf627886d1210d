"""The council's next documents: bouwstenen, the participatieparagraaf template, the actielijst
and the presentielijst. Each is built as blocks (any format) and the lists also as CSV rows."""

from __future__ import annotations

import csv
import io

from ..domain import rules
from ..domain.session import Session
from ..teksten import export as T
from .document import Document, Item
from .verslag import actie_nummers, evening_when, evenings, format_date, gemeente, rung_name

# Words that tie a typed richtinggevende uitkomst, vervolgstap or eis/wens to a subject of the
# verordening. Lowercase stems, matched inside words.
_KEYWORDS = {
    "trede": ("trede", "niveau", "ladder"),
    "spelregels": ("spelregel", "terugkoppel", "vooraf bekend", "wat al vastligt"),
    "rol-raad": ("startnotitie", "kaders", "participatieparagraaf", "raadsvoorstel"),
    "overheidsparticipatie": ("initiatie", "aanspreekpunt", "reactietermijn"),
    "uitdaagrecht": ("uitdaagrecht", "uitdaging"),
    "bereik": ("bereik", "jongeren", "loting", "eenvoudige taal"),
    "draagvlak": ("draagvlak",),
    "evaluatie": ("evalu", "blikt terug", "terugblik"),
}
# The answer to which of the five questions feeds which subject.
_ANSWER = {
    "trede": "niveau",
    "spelregels": "proces",
    "overheidsparticipatie": "initiatieven",
    "bereik": "unusual-suspects",
    "draagvlak": "draagvlak",
}


def _mentions(text: str, subject: str) -> bool:
    low = text.lower()
    return any(k in low for k in _KEYWORDS[subject])


def _direction(s: Session, subject: str) -> list[Item]:
    """What the evenings said about one subject, each with where it came from."""
    out: list[Item] = []
    answers = {a.vraag: a.antwoord for a in s.opbrengst.antwoorden if a.antwoord.strip()}
    if subject in _ANSWER and _ANSWER[subject] in answers:
        out.append(Item(answers[_ANSWER[subject]]))
    if subject == "trede":
        a = s.ambitie
        if rung_name(s, a.niveau):
            out.append(Item(rung_name(s, a.niveau), T.AMBITIENIVEAU))
        if a.keuze:
            out.append(Item(T.KEUZE_LABEL[a.keuze], T.KEUZE))
        if a.regel:
            out.append(Item(a.regel, T.REGEL))
        placed = [o for o in s.opgaven if o.straks]
        out += [Item(rung_name(s, o.straks), f"{o.titel} ({T.STRAKS.lower()})") for o in placed]
    if subject == "overheidsparticipatie":
        gekozen = [r.naam.lower() for r in s.initiatieven.rollen if r.gekozen]
        if gekozen:
            out.append(Item(", ".join(gekozen), T.INITIATIEVEN))
        out += [
            Item(x.afspraak, x.onderwerp) for x in s.initiatieven.afspraken if not _mentions(x.afspraak, "uitdaagrecht")
        ]
    if subject == "uitdaagrecht":
        out += [
            Item(x.afspraak, x.onderwerp)
            for x in s.initiatieven.afspraken
            if _mentions(x.onderwerp + " " + x.afspraak, "uitdaagrecht")
        ]
    if subject == "bereik":
        out += [Item(g.actie_raad, g.naam) for g in s.doelgroepen if g.actie_raad]
    if subject == "draagvlak":
        out += [Item(c.toets or c.uitleg, c.naam) for c in s.criteria if rules.criterium_in_verslag(c)]
    if subject in ("spelregels", "rol-raad"):
        out += [Item(e.tekst, e.categorie) for e in s.eisen_wensen if _mentions(e.categorie + " " + e.tekst, subject)]
    out += [Item(x.tekst, T.RICHTING) for x in s.opbrengst.afspraken if _mentions(x.tekst, subject)]
    out += [Item(v.tekst, format_date(v.wanneer)) for v in s.opbrengst.vervolg if _mentions(v.tekst, subject)]
    return out


def _differences(s: Session, subject: str) -> list[Item]:
    if subject != "trede":
        return []
    fracties = [f for f in s.ambitie.fracties if f.trede]
    if len({f.trede for f in fracties}) < 2:
        return []
    return [Item(f.toelichting, f"{f.fractie} ({rung_name(s, f.trede)})") for f in fracties]


def bouwstenen(s: Session) -> Document:
    d = Document(T.BOUWSTENEN_TITEL.format(gemeente=gemeente(s)), kind="bouwstenen")
    d.para(T.BOUWSTENEN_INTRO)
    missing: list[str] = []
    for subject, title, question in T.ONDERWERPEN:
        direction = _direction(s, subject)
        d.heading(2, title)
        if direction:
            d.heading(3, T.RICHTING_KOP)
            d.items(direction)
        else:
            missing.append(title)
        differences = _differences(s, subject)
        if differences:
            d.heading(3, T.VERSCHIL_KOP)
            d.items(differences)
            d.para(T.PERSOONLIJKE_TITEL, note=True)
        d.heading(3, T.KEUZES_KOP)
        d.items([question])
    d.heading(2, T.NIET_BESPROKEN)
    if missing:
        d.para(T.NIET_BESPROKEN_INTRO)
        d.items(missing)
    else:
        d.para(T.ALLES_BESPROKEN)
    d.blocks = d.cleaned()
    return d


def participatieparagraaf(s: Session) -> Document:
    d = Document(T.PARAGRAAF_TITEL.format(gemeente=gemeente(s)), kind="participatieparagraaf")
    ladder = s.ladder.naam.lower()
    d.para(T.PARAGRAAF_INTRO)
    d.heading(2, T.STARTNOTITIE)
    d.items([Item(text.format(ladder=ladder), label) for label, text in T.STARTNOTITIE_VRAGEN])
    d.heading(2, T.PARAGRAAF)
    d.items([Item(text, label) for label, text in T.PARAGRAAF_VRAGEN])
    criteria = [c for c in s.criteria if rules.criterium_in_verslag(c)] or list(s.criteria)
    if criteria:
        d.heading(3, T.CRITERIA_REFERENTIE)
        d.items([Item(T.INVULLEN, c.naam) for c in criteria])
    d.heading(2, T.LADDER_REFERENTIE.format(ladder=ladder))
    d.items([Item(t.toezegging, t.naam) for t in s.ladder.treden])
    if s.ambitie.regel:
        d.heading(2, T.REGEL_REFERENTIE)
        d.para(s.ambitie.regel)
    d.blocks = d.cleaned()
    return d


def _meeting(s: Session, avond: int) -> str:
    for nr, label, a in evenings(s):
        if nr == avond:
            return f"{label}, {format_date(a.datum)}" if a.datum else label
    return ""


def actielijst_rows(s: Session) -> list[list[str]]:
    return [
        [
            nr,
            _meeting(s, a.avond),
            T.SOORT_ACTIE[a.soort],
            a.wie,
            a.wat,
            a.wanneer.strftime("%d-%m-%Y") if a.wanneer else "",
            T.ACTIE_STATUS[a.status],
        ]
        for nr, a in actie_nummers(s)
    ]


def actielijst(s: Session) -> Document:
    d = Document(T.ACTIELIJST_TITEL.format(gemeente=gemeente(s)), kind="actielijst")
    rows = actielijst_rows(s)
    if not rows:
        d.para(T.ACTIELIJST_LEEG)
    for soort, title in (("toezegging", T.TOEZEGGINGEN), ("actie", T.ACTIEPUNTEN)):
        mine = [r for r in rows if r[2] == T.SOORT_ACTIE[soort]]
        if mine:
            d.heading(2, title)
            d.table(
                [T.NR, T.VERGADERING, T.WIE, T.WAT, T.WANNEER, T.STATUS_KOLOM],
                [[r[0], r[1], r[3], r[4], r[5], r[6]] for r in mine],
            )
    return d


def presentielijst_rows(s: Session) -> list[list[str]]:
    rows = []
    for nr, label, avond in evenings(s):
        for p in s.deelnemers:
            here = rules.present(p, nr)
            naam = p.naam
            if p.rol == "ambtenaar" and not s.verslag.ambtenaren_bij_naam:
                naam = p.functie or T.AMBTENAAR_ZONDER_FUNCTIE
            rows.append(
                [
                    label,
                    avond.datum.strftime("%d-%m-%Y") if avond.datum else "",
                    naam,
                    p.fractie,
                    T.ROL_LABEL[p.rol].lower(),
                    T.JA_NEE[here],
                    "" if here else T.JA_NEE[p.afgemeld],
                ]
            )
    return rows


def presentielijst(s: Session) -> Document:
    d = Document(T.PRESENTIELIJST_TITEL.format(gemeente=gemeente(s)), kind="presentielijst")
    rows = presentielijst_rows(s)
    for _, label, avond in evenings(s):
        mine = [r for r in rows if r[0] == label]
        if mine:
            d.heading(2, f"{label}: {evening_when(avond)}" if evening_when(avond) else label)
            d.table(
                list(T.PRESENTIELIJST_KOLOMMEN),
                [[r[2], r[3], r[5], r[6]] for r in mine],
            )
    return d


def csv_text(header: tuple[str, ...], rows: list[list[str]]) -> str:
    """CSV as Dutch spreadsheets open it: semicolons, a byte-order mark, one line per record."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[c.replace("\n", " ") for c in row] for row in rows])
    return "\ufeff" + out.getvalue()
