"""Pure rules of the workshop: ordering by votes and what carries over to evening 2."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from . import builtin
from .session import Criterium, Deelnemer, Doelgroep, Evaluatie, InitiatiefRol, Kaart, Ladder, Session


def by_votes(cards: Iterable[Kaart]) -> list[Kaart]:
    """Most votes first; equal votes keep board order."""
    return sorted(cards, key=lambda k: (-k.stemmen, k.volgorde))


def top(session: Session, kolom: str, n: int | None = None) -> list[Kaart]:
    """The ``n`` cards with most votes in one column (cards without votes never count)."""
    n = session.afsluiting.top if n is None else n
    return [k for k in by_votes(session.kolom(kolom)) if k.stemmen > 0][:n]


def evening2_started(session: Session) -> bool:
    """True once the second evening produced anything beyond the built-in starting content."""
    return bool(
        any(o.nu or o.straks for o in session.opgaven)
        or session.ambitie.niveau
        or session.ambitie.keuze
        or session.ambitie.fracties
        or any(r.gekozen for r in session.initiatieven.rollen)
        or session.initiatieven.afspraken
        or any(g.bereikt or g.actie_raad for g in session.doelgroepen)
        or any(a.antwoord for a in session.opbrengst.antwoorden)
    )


def carry_over(session: Session) -> list[Kaart]:
    """The cards that go to evening 2: the facilitator's own choice, or the top per column."""
    chosen = session.afsluiting.gekozen
    if chosen is not None:
        cards = {k.id: k for k in session.kaarten}
        return [cards[i] for i in chosen if i in cards]
    return top(session, "kans") + top(session, "knelpunt")


def rating_count(evaluatie: Evaluatie) -> int:
    """How many ratings the room gave."""
    return sum(evaluatie.cijfers.values())


def average_rating(evaluatie: Evaluatie) -> float | None:
    """The average rating (1 to 5) of the evaluatie; None when nobody gave one.

    The one place this is computed: the Evaluatie step and every export use it.
    """
    total = rating_count(evaluatie)
    if not total:
        return None
    return sum(int(k) * v for k, v in evaluatie.cijfers.items()) / total


# --- The participatieladder ------------------------------------------------------------------


@dataclass(frozen=True)
class RungUse:
    """Something in the session that stands on a rung of the ladder."""

    wat: Literal["nu", "straks", "ambitie", "fractie"]
    naam: str  # the opgave's title or the fractie's name; empty for the council's ambition
    trede: str  # the rung key


def rung_uses(session: Session, keys: Iterable[str]) -> list[RungUse]:
    """Everything that stands on one of the rungs ``keys``: opgaven (NU and STRAKS), the
    council's ambition and the positions of the fracties."""
    keys = set(keys)
    uses: list[RungUse] = []
    for o in session.opgaven:
        uses += [RungUse(wat, o.titel, getattr(o, wat)) for wat in ("nu", "straks") if getattr(o, wat) in keys]
    if session.ambitie.niveau in keys:
        uses.append(RungUse("ambitie", "", session.ambitie.niveau))
    uses += [RungUse("fractie", f.fractie, f.trede) for f in session.ambitie.fracties if f.trede in keys]
    return uses


def replace_ladder(session: Session, ladder: Ladder) -> list[RungUse]:
    """Put ``ladder`` in place of the session's ladder.

    Rungs are matched by key, so everything on a rung that the new ladder also has stays where
    it is; what stood on a rung that is gone is cleared (never left pointing at nothing).
    Returns what was cleared.
    """
    cleared = rung_uses(session, set(session.ladder.keys()) - set(ladder.keys()))
    gone = {use.trede for use in cleared}
    for o in session.opgaven:
        if o.nu in gone:
            o.nu = None
        if o.straks in gone:
            o.straks = None
    if session.ambitie.niveau in gone:
        session.ambitie.niveau = None
    for f in session.ambitie.fracties:
        if f.trede in gone:
            f.trede = None
    session.ladder = ladder
    return cleared


def move_on_ladder(ladder: Ladder, key: str | None, delta: int) -> str | None:
    """The key of the rung ``delta`` rungs higher (negative: lower) than ``key``, stopping at the
    top and the bottom. None when ``key`` is not on the ladder."""
    keys = ladder.keys()
    if key not in keys:
        return None
    return keys[max(0, min(len(keys) - 1, keys.index(key) + delta))]


def new_rung_key(ladder: Ladder, naam: str) -> str:
    """A stable key for a new rung, made from its name and unique on the ladder."""
    plain = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode().lower()
    base = "-".join(re.findall(r"[a-z0-9]+", plain))[:32].strip("-") or "trede"
    key, n, taken = base, 1, set(ladder.keys())
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


# --- What the verslag may present as the room's words ----------------------------------------


def doelgroep_in_verslag(groep: Doelgroep) -> bool:
    """A target group appears in the verslag once the room said something about it."""
    return bool(groep.bereikt or groep.actie_raad or groep.besproken or not builtin.is_standard_hoe_bereiken(groep))


def hoe_bereiken_in_verslag(groep: Doelgroep) -> bool:
    """Its "hoe te bereiken" only when the facilitator changed the built-in text or marked it discussed."""
    return bool(groep.hoe_bereiken) and (groep.besproken or not builtin.is_standard_hoe_bereiken(groep))


def criterium_in_verslag(criterium: Criterium) -> bool:
    return criterium.besproken or not builtin.is_standard_criterium(criterium)


def rol_uitleg_in_verslag(rol: InitiatiefRol) -> bool:
    return bool(rol.uitleg) and (rol.besproken or not builtin.is_standard_rol_uitleg(rol))


# --- Presence ---------------------------------------------------------------------------------


def present(deelnemer: Deelnemer, avond: int) -> bool:
    return deelnemer.avond1 if avond == 1 else deelnemer.avond2


def present_count(session: Session, avond: int) -> int:
    return sum(1 for p in session.deelnemers if present(p, avond))
