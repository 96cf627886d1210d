"""Pure rules of the workshop: ordering by votes and what carries over to evening 2."""

from __future__ import annotations

from collections.abc import Iterable

from .session import Kaart, Session


def by_votes(cards: Iterable[Kaart]) -> list[Kaart]:
    """Most votes first; equal votes keep board order."""
    return sorted(cards, key=lambda k: (-k.stemmen, k.volgorde))


def top(session: Session, kolom: str, n: int | None = None) -> list[Kaart]:
    """The ``n`` cards with most votes in one column (cards without votes never count)."""
    n = session.afsluiting.top if n is None else n
    return [k for k in by_votes(session.kolom(kolom)) if k.stemmen > 0][:n]


def carry_over(session: Session) -> list[Kaart]:
    """The cards that go to evening 2: the facilitator's own choice, or the top per column."""
    chosen = session.afsluiting.gekozen
    if chosen is not None:
        cards = {k.id: k for k in session.kaarten}
        return [cards[i] for i in chosen if i in cards]
    return top(session, "kans") + top(session, "knelpunt")
