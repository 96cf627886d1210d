"""The rules of the kansen/knelpunten board, over a session's cards: no Textual, no files.

Every change of the cards is taken as a before/after pair: ``snapshot()`` before, ``Change.of()``
after, which says what changed (and is empty when nothing did). ``History`` keeps those changes
for undo, together with drafts that were put aside with Escape, so that undo gives a discarded
draft back instead of taking away another card.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .session import Kaart, Kolom, Session

KOLOMMEN: tuple[Kolom, Kolom] = ("kans", "knelpunt")
#: How many changes undo can take back.
UNDO_LIMIT = 200
#: The fields of a card that a change can touch, and undo puts back.
FIELDS = ("kolom", "tekst", "volgorde", "stemmen", "thema", "bron")


def other(kolom: Kolom) -> Kolom:
    return "knelpunt" if kolom == "kans" else "kans"


def _state(card: Kaart) -> tuple:
    return tuple(getattr(card, name) for name in FIELDS)


# --- Changes ---------------------------------------------------------------------------------


@dataclass
class Snapshot:
    """The cards (and the facilitator's own choice for evening 2) before a change."""

    cards: dict[str, tuple[Kaart, tuple]]
    gekozen: list[str] | None


def snapshot(session: Session) -> Snapshot:
    gekozen = session.afsluiting.gekozen
    return Snapshot({k.id: (k, _state(k)) for k in session.kaarten}, None if gekozen is None else list(gekozen))


@dataclass
class Change:
    """One change of the cards, as undo needs it."""

    what: str  # a key of teksten.board.WIJZIGING
    subject: str | None  # the card the change was about; selected again after undo
    #: card id -> (the card, its fields before the change), or None for a card that was added.
    before: dict[str, tuple[Kaart, tuple] | None]
    gekozen: list[str] | None  # the choice for evening 2 before the change

    @property
    def added(self) -> list[str]:
        return [card_id for card_id, before in self.before.items() if before is None]

    @classmethod
    def of(cls, session: Session, before: Snapshot, what: str, subject: str | None) -> Change | None:
        """What changed since ``before``, or None. A removed card also leaves the choice for evening 2."""
        current = {k.id: k for k in session.kaarten}
        afsluiting = session.afsluiting
        if before.gekozen is not None and any(i not in current for i in before.gekozen):
            afsluiting.gekozen = [i for i in before.gekozen if i in current]
        changed: dict[str, tuple[Kaart, tuple] | None] = {
            card_id: (card, state)
            for card_id, (card, state) in before.cards.items()
            if card_id not in current or _state(current[card_id]) != state
        }
        changed.update(dict.fromkeys(card_id for card_id in current if card_id not in before.cards))
        if not changed:
            return None
        return cls(what, subject, changed, before.gekozen)

    def touched(self, session: Session) -> list[Kaart]:
        """The cards of the session that this change touched (to stamp ``gewijzigd``)."""
        return [k for k in session.kaarten if k.id in self.before]

    def undo(self, session: Session) -> None:
        """Put the cards back as they were before this change."""
        for card_id, before in self.before.items():
            current = find(session, card_id)
            if before is None:
                if current is not None:
                    remove(session, current)
                continue
            card, state = before
            if current is None:
                session.kaarten.append(card)
            for name, value in zip(FIELDS, state):
                if getattr(card, name) != value:
                    setattr(card, name, value)
        if self.gekozen != session.afsluiting.gekozen:
            session.afsluiting.gekozen = self.gekozen


@dataclass(frozen=True)
class Draft:
    """Text that was being typed and was put aside with Escape; undo gives it back."""

    kolom: Kolom
    tekst: str
    card_id: str | None = None  # the card whose text was being changed, or None for a new card


@dataclass
class History:
    """What undo can take back, newest last: changes of the cards and drafts put aside."""

    steps: list[Change | Draft] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.steps)

    def remember(self, step: Change | Draft) -> None:
        self.steps.append(step)
        del self.steps[:-UNDO_LIMIT]

    def pop(self) -> Change | Draft | None:
        return self.steps.pop() if self.steps else None


# --- Cards -----------------------------------------------------------------------------------


def find(session: Session, card_id: str | None) -> Kaart | None:
    return next((k for k in session.kaarten if k.id == card_id), None)


def remove(session: Session, card: Kaart) -> None:
    kaarten = session.kaarten
    del kaarten[next(i for i, k in enumerate(kaarten) if k is card)]


def renumber(session: Session, kolom: Kolom, order: list[Kaart] | None = None) -> None:
    """Give the cards of a column the places 0..n-1, in ``order`` (default: board order)."""
    for place, card in enumerate(order if order is not None else session.kolom(kolom)):
        if card.volgorde != place:
            card.volgorde = place


def new_card(session: Session, kolom: Kolom, tekst: str) -> Kaart:
    """A new card for the end of its column (not yet on the board: see ``add``)."""
    return Kaart(kolom=kolom, tekst=tekst, volgorde=len(session.kolom(kolom)))


def add(session: Session, card: Kaart) -> None:
    """Put a card on the board, at the place it names."""
    session.kaarten.append(card)
    renumber(session, card.kolom)


def delete(session: Session, card: Kaart) -> None:
    remove(session, card)
    renumber(session, card.kolom)


def move(session: Session, card: Kaart, kolom: Kolom) -> None:
    """Put a card at the end of the other column."""
    if card.kolom == kolom:
        return
    source = card.kolom
    card.volgorde = len(session.kolom(kolom))
    card.kolom = kolom
    renumber(session, source)
    renumber(session, kolom)


def swap(session: Session, card: Kaart, neighbour: Kaart) -> None:
    """Swap two cards of one column."""
    order = session.kolom(card.kolom)
    a, b = order.index(card), order.index(neighbour)
    order[a], order[b] = order[b], order[a]
    renumber(session, card.kolom, order)


def themes(session: Session) -> list[str]:
    """Every theme in use, once (ignoring case), alphabetically."""
    found: dict[str, str] = {}
    for card in session.kaarten:
        if card.thema:
            found.setdefault(card.thema.casefold(), card.thema)
    return [found[key] for key in sorted(found)]


def theme_for(session: Session, typed: str) -> str:
    """A typed theme: the one in use when it only differs in capitals, else the typed text."""
    return next((t for t in themes(session) if t.casefold() == typed.casefold()), typed)


def parse_tally(typed: str, limit: int = 999) -> int | None:
    """The number of raised hands typed as digits, or None when it is not a number."""
    typed = typed.strip()
    if not typed.isdigit() or not typed.isascii():
        return None
    return min(int(typed), limit)
