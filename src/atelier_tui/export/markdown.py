"""The outcome summary for the minutes, as Dutch Markdown (CommonMark with GFM tables).

Order follows how minutes are written: meta, goal and questions, NU (evening 1), STRAKS
(evening 2), answers, afspraken, actiepunten, vervolg, evaluatie. Empty sections are left out.
The same session always gives the same bytes: no time of export in the text.
A workshop does not decide, so nothing is worded as a council decision.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, time

from ..domain import builtin, rules
from ..domain.session import Session
from ..teksten import export as T
from .escaping import block, cell, inline

MONTHS = T.MAANDEN


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _time(value: time | None) -> str:
    return value.strftime("%H.%M uur") if value else ""


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table, padded into aligned columns so that it also reads well unrendered.

    ``header`` is trusted text; ``rows`` are user texts, escaped here.
    """
    body = [[cell(c) for c in row] for row in rows]
    head = [inline(h) for h in header]
    widths = [max(3, len(head[i]), *(len(r[i]) for r in body)) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"

    return [line(head), "| " + " | ".join("-" * w for w in widths) + " |", *(line(r) for r in body)]


class _Doc:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def heading(self, level: int, text: str) -> None:
        self.blank()
        self.lines += ["#" * level + " " + inline(text), ""]

    def para(self, text: str) -> None:
        if text.strip():
            self.blank()
            self.lines += [block(text), ""]

    def bullets(self, items: list[str]) -> None:
        """Items are already-escaped Markdown."""
        if items:
            self.blank()
            self.lines += [f"- {item}" for item in items]
            self.lines.append("")

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        if rows:
            self.blank()
            self.lines += table(header, rows)
            self.lines.append("")

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def text(self) -> str:
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def _item(title: str, text: str = "") -> str:
    """A list item: a bold-free title, optionally followed by an explanation."""
    title_md = inline(title)
    if text.strip():
        return f"{title_md}: {block(text, indent='  ')}" if title_md else block(text, indent="  ")
    return title_md


def render(session: Session) -> str:
    s = session
    d = _Doc()
    d.lines.append("# " + inline(T.TITEL.format(gemeente=s.gemeente or s.naam)))
    d.lines.append("")

    # Meta
    meta: list[str] = [f"{T.SOORT}: {inline(s.soort_bijeenkomst)}"] if s.soort_bijeenkomst else []
    for label, avond in ((T.AVOND_1, s.avond1), (T.AVOND_2, s.avond2)):
        when = ", ".join(p for p in (format_date(avond.datum), _time(avond.begintijd)) if p)
        where = inline(avond.plaats)
        if when or where:
            meta.append(f"{label}: " + ", ".join(p for p in (inline(when), where) if p))
    if s.facilitator:
        meta.append(f"{T.FACILITATOR}: {inline(s.facilitator)}")
    d.bullets(meta)

    if s.deelnemers:
        d.heading(2, T.AANWEZIG)
        per_fractie: dict[str, list[str]] = {}
        for p in s.deelnemers:
            key = p.fractie or T.ROL_LABEL[p.rol]
            label = p.naam if not p.fractie or p.rol == "raadslid" else f"{p.naam} ({T.ROL_LABEL[p.rol].lower()})"
            per_fractie.setdefault(key, []).append(label)
        fracties = sorted(k for k in per_fractie if k not in T.ROL_LABEL.values())
        others = [label for label in T.ROL_LABEL.values() if label in per_fractie]
        d.bullets([f"{inline(k)}: {inline(', '.join(per_fractie[k]))}" for k in fracties + others])

    # Goal and questions
    doel = s.avond1.doel or s.avond2.doel
    d.heading(2, T.DOEL)
    d.para(doel)
    d.para(T.DOEL_VRAGEN)
    d.lines += [f"{i}. {inline(q.vraag)}" for i, q in enumerate(builtin.questions(), 1)]
    d.lines.append("")

    # Werkatelier 1
    nu = _Doc()
    goed = [v for v in s.voorbeelden if v.oordeel == "goed"]
    minder = [v for v in s.voorbeelden if v.oordeel == "minder-goed"]
    for title, items in ((T.VOORBEELDEN_GOED, goed), (T.VOORBEELDEN_MINDER, minder)):
        if items:
            nu.heading(3, title)
            nu.bullets(
                [
                    _item(v.titel, v.beschrijving) + (f"\\\n  {T.LES}: {block(v.les, indent='  ')}" if v.les else "")
                    for v in items
                ]
            )
    if s.eisen_wensen:
        nu.heading(3, T.EISEN_WENSEN)
        nu.table(
            [T.SOORT_KOLOM, T.CATEGORIE, T.TEKST, T.VAN],
            [[T.EIS_WENS_LABEL[e.soort], e.categorie, e.tekst, T.VAN_LABEL[e.van]] for e in s.eisen_wensen],
        )
    for kolom, title in (("kans", T.KANSEN), ("knelpunt", T.KNELPUNTEN)):
        cards = s.kolom(kolom)
        if cards:
            nu.heading(3, title)
            nu.table(
                [T.KAART, T.STEMMEN, T.THEMA],
                [[k.tekst, str(k.stemmen), k.thema] for k in rules.by_votes(cards)],
            )
    carried = rules.carry_over(s)
    if carried:
        nu.heading(3, T.MEEGENOMEN)
        nu.bullets([f"{T.KOLOM_LABEL[k.kolom]}: {inline(k.tekst)} ({T.stemmen(k.stemmen)})" for k in carried])
    if nu.lines:
        d.heading(2, T.WERKATELIER_1)
        d.lines += nu.lines

    # Werkatelier 2
    straks = _Doc()
    if s.inspiratie:
        straks.heading(3, T.INSPIRATIE)
        straks.bullets([_item(i.titel, i.toelichting) for i in s.inspiratie])
    placed = [o for o in s.opgaven if o.nu or o.straks]
    if placed:
        straks.heading(3, T.LADDER.format(ladder=s.ladder.naam))
        name = lambda key: s.ladder.trede(key).naam if s.ladder.trede(key) else ""  # noqa: E731
        straks.table(
            [T.OPGAVE, T.NU, T.STRAKS, T.TOELICHTING],
            [[o.titel, name(o.nu), name(o.straks), o.toelichting] for o in placed],
        )
    a = s.ambitie
    amb: list[str] = []
    if a.niveau and s.ladder.trede(a.niveau):
        amb.append(f"{T.AMBITIENIVEAU}: {inline(s.ladder.trede(a.niveau).naam)}")
    if a.keuze:
        amb.append(f"{T.KEUZE}: {T.KEUZE_LABEL[a.keuze]}")
    if a.regel:
        amb.append(f"{T.REGEL}: {block(a.regel, indent='  ')}")
    if amb or a.toelichting or a.fracties:
        straks.heading(3, T.AMBITIE)
        straks.bullets(amb)
        straks.para(a.toelichting)
        if a.fracties:
            straks.table(
                [T.FRACTIE, T.NIVEAU, T.TOELICHTING],
                [
                    [f.fractie, s.ladder.trede(f.trede).naam if s.ladder.trede(f.trede) else "", f.toelichting]
                    for f in a.fracties
                ],
            )
    ini = s.initiatieven
    gekozen = [r for r in ini.rollen if r.gekozen]
    if gekozen or ini.afspraken or ini.toelichting:
        straks.heading(3, T.INITIATIEVEN)
        if gekozen:
            straks.para(T.ROL_GEKOZEN)
            straks.bullets([_item(r.naam, r.uitleg) for r in gekozen])
        straks.para(ini.toelichting)
        if ini.afspraken:
            straks.table([T.ONDERWERP, T.AFSPRAAK], [[x.onderwerp, x.afspraak] for x in ini.afspraken])
    # The built-in starting lists (target groups, criteria) only count once the room worked on them.
    groepen = [g for g in s.doelgroepen if g.bereikt or g.actie_raad]
    if groepen:
        straks.heading(3, T.UNUSUAL)
        straks.table(
            [T.DOELGROEP, T.BEREIKT, T.HOE, T.ACTIE_RAAD],
            [[g.naam, T.BEREIK_LABEL.get(g.bereikt or "", ""), g.hoe_bereiken, g.actie_raad] for g in groepen],
        )
    if s.criteria and rules.evening2_started(s):
        straks.heading(3, T.DRAAGVLAK)
        straks.table(
            [T.CRITERIUM, T.TOETS, T.GELDT_VOOR],
            [[c.naam, c.toets or c.uitleg, c.geldt_voor] for c in s.criteria],
        )
    if straks.lines:
        d.heading(2, T.WERKATELIER_2)
        d.lines += straks.lines

    # Opbrengst
    ob = s.opbrengst
    answers = {a.vraag: a.antwoord for a in ob.antwoorden if a.antwoord.strip()}
    if answers:
        d.heading(2, T.OPBRENGST)
        for q in builtin.questions():
            if q.key in answers:
                d.heading(3, q.vraag)
                d.para(answers[q.key])
    if ob.afspraken:
        d.heading(2, T.AFSPRAKEN)
        d.para(T.AFSPRAKEN_INTRO)
        d.bullets([block(x.tekst, indent="  ") for x in ob.afspraken])
    if ob.actiepunten:
        d.heading(2, T.ACTIEPUNTEN)
        d.table(
            [T.WIE, T.WAT, T.WANNEER],
            [[x.wie, x.wat, format_date(x.wanneer)] for x in ob.actiepunten],
        )
    if ob.vervolg:
        d.heading(2, T.VERVOLG)
        d.bullets(
            [
                (f"{inline(format_date(v.wanneer))}: " if v.wanneer else "") + block(v.tekst, indent="  ")
                for v in ob.vervolg
            ]
        )

    # Evaluatie
    ev = s.evaluatie
    total = sum(ev.cijfers.values())
    if ev.reacties or total:
        d.heading(2, T.EVALUATIE)
        if total:
            avg = sum(int(k) * v for k, v in ev.cijfers.items()) / total
            counts = Counter({int(k): v for k, v in ev.cijfers.items()})
            d.para(T.cijfers(total, avg, [counts.get(i, 0) for i in range(1, 6)]))
        d.bullets(
            [
                "“"
                + block(r.tekst, indent="  ")
                + "”"
                + (f" ({inline(', '.join(p for p in (r.naam, r.fractie) if p))})" if r.naam or r.fractie else "")
                for r in ev.reacties
            ]
        )
    return d.text()


def sections(text: str) -> list[tuple[str, str]]:
    """The summary cut at its second-level headings: (title as the reader sees it, markdown)."""
    out: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        if line.startswith("## "):
            out.append((_unescape(line[3:]), [line]))
        elif out:
            out[-1][1].append(line)
    return [(title, "\n".join(lines).strip("\n") + "\n") for title, lines in out]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)
