"""Draft answers to the five questions, drawn from what the earlier steps produced.

A draft is a starting point that the facilitator edits with the room; it is worded as a
direction, never as a decision.
"""

from __future__ import annotations

from ..teksten import drafts as T
from . import rules
from .session import Session


def _rung(session: Session, key: str | None) -> str:
    trede = session.ladder.trede(key)
    return trede.naam.lower() if trede else ""


def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + T.EN + " " + items[-1]


def _niveau(s: Session) -> str:
    parts = []
    if s.ambitie.niveau:
        parts.append(T.NIVEAU.format(trede=_rung(s, s.ambitie.niveau)))
    if s.ambitie.keuze == "een-lijn":
        parts.append(T.EEN_LIJN)
    elif s.ambitie.keuze == "per-opgave":
        parts.append(T.PER_OPGAVE)
    if s.ambitie.regel:
        parts.append(T.REGEL.format(regel=s.ambitie.regel.rstrip(".")))
    placed = {f.trede for f in s.ambitie.fracties if f.trede}
    spread = [_rung(s, t.key) for t in s.ladder.treden if t.key in placed]  # in the ladder's order
    if len(spread) > 1:
        parts.append(T.FRACTIES.format(treden=_join(spread)))
    return " ".join(parts)


def _proces(s: Session) -> str:
    lines = [
        (T.OPGAVE_BLIJFT if o.nu == o.straks else T.OPGAVE_STAP).format(
            opgave=o.titel, nu=_rung(s, o.nu), straks=_rung(s, o.straks)
        )
        for o in s.opgaven
        if o.nu and o.straks
    ]
    return (T.PROCES_INTRO + "\n" + "\n".join(lines)) if lines else ""


def _initiatieven(s: Session) -> str:
    roles = [r.naam.lower() for r in s.initiatieven.rollen if r.gekozen]
    parts = [T.ROLLEN.format(rollen=_join(roles))] if roles else []
    parts += [f"{a.onderwerp}: {a.afspraak}" for a in s.initiatieven.afspraken]
    return "\n".join(parts)


def _unusual(s: Session) -> str:
    missing = [g.naam.lower() for g in s.doelgroepen if g.bereikt == "nee"]
    partly = [g.naam.lower() for g in s.doelgroepen if g.bereikt == "deels"]
    parts = []
    if missing:
        parts.append(T.NIET_BEREIKT.format(groepen=_join(missing)))
    if partly:
        parts.append(T.DEELS_BEREIKT.format(groepen=_join(partly)))
    actions = [f"{g.naam}: {g.actie_raad}" for g in s.doelgroepen if g.actie_raad and g.bereikt != "ja"]
    if actions:
        parts.append(T.ACTIES + "\n" + "\n".join(actions))
    return "\n".join(parts)


def _draagvlak(s: Session) -> str:
    names = [c.naam.lower() for c in s.criteria]
    return T.CRITERIA.format(criteria=_join(names)) if names else ""


def _carried(s: Session) -> str:
    cards = rules.carry_over(s)
    return T.MEEGENOMEN.format(kaarten="; ".join(k.tekst for k in cards)) if cards else ""


_DRAFTS = {
    "niveau": _niveau,
    "proces": _proces,
    "initiatieven": _initiatieven,
    "unusual-suspects": _unusual,
    "draagvlak": _draagvlak,
}


def draft_answer(session: Session, vraag: str) -> str:
    """A draft answer to one of the five questions; empty when the steps hold nothing for it."""
    make = _DRAFTS.get(vraag, _carried)
    return make(session).strip()
