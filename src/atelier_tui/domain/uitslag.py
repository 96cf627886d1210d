"""What a phone round brings into the session: approved texts as items, and the tallies at the end.

The round itself (``domain/ronde.py``) holds what phones sent; nothing of it enters the session until
the facilitator approves a text (``approve``) or closes the round (``record``). Approved items carry
``uit_de_zaal``, and the id of the submission, so that an approval is never applied twice (after a
restart the journal of the round is read again). No Textual, no files.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Protocol

from . import board
from .hygiene import clean_block, clean_line
from .session import EisWens, Kaart, Reactie, Session, Voorbeeld, ZaalRonde

#: A voorbeeld's title: the start of what the phone sent (the whole text is the description).
TITLE_LIMIT = 80


class Submission(Protocol):
    id: str
    soort: str
    tekst: str


def items(session: Session, stap: str) -> list[Any]:
    """The items a round on ``stap`` adds to (the same list the step shows)."""
    return {
        "kansen-knelpunten": session.kaarten,
        "eisen-wensen": session.eisen_wensen,
        "voorbeelden": session.voorbeelden,
        "evaluatie": session.evaluatie.reacties,
    }[stap]


def is_in(session: Session, stap: str, item_id: str) -> bool:
    """True when a submission was approved already (its id is an item of the step)."""
    return any(i.id == item_id for i in items(session, stap))


def _title(text: str) -> str:
    first = text.split("\n", 1)[0].strip()
    if len(first) <= TITLE_LIMIT:
        return clean_line(first)
    cut = first[:TITLE_LIMIT].rsplit(" ", 1)[0] or first[:TITLE_LIMIT]
    return clean_line(cut + " …")


def approve(session: Session, stap: str, sub: Submission, tekst: str | None = None, soort: str | None = None) -> str:
    """Put an approved submission into the session (with ``tekst``/``soort`` as she edited them).
    Returns the id of the item (the submission's); nothing changes when it is in already."""
    text = clean_block(tekst if tekst is not None else sub.tekst)
    kind = soort or sub.soort
    if not text:
        raise ValueError("lege tekst")
    if is_in(session, stap, sub.id):
        return sub.id
    if stap == "kansen-knelpunten":
        card = board.new_card(session, kind, text)  # type: ignore[arg-type]
        board.add(session, Kaart(**{**card.model_dump(), "id": sub.id, "uit_de_zaal": True}))
    elif stap == "eisen-wensen":
        session.eisen_wensen.append(EisWens(id=sub.id, soort=kind, tekst=text, uit_de_zaal=True))  # type: ignore[arg-type]
    elif stap == "voorbeelden":
        beschrijving = text if _title(text) != text else ""
        session.voorbeelden.append(
            Voorbeeld(id=sub.id, titel=_title(text), beschrijving=beschrijving, oordeel=kind, uit_de_zaal=True)  # type: ignore[arg-type]
        )
    elif stap == "evaluatie":
        session.evaluatie.reacties.append(Reactie(id=sub.id, tekst=text, uit_de_zaal=True))
    else:  # pragma: no cover - the round's steps are fixed in domain/ronde.py
        raise ValueError(stap)
    return sub.id


def merge_targets(session: Session, stap: str) -> list[tuple[str, str]]:
    """The items a duplicate can be merged into: (label, id)."""

    def label(item: Any) -> str:
        return getattr(item, "titel", None) or item.tekst

    return [(clean_line(label(i))[:70], i.id) for i in items(session, stap)]


def record(session: Session, ronde: Any, *, closed: bool) -> ZaalRonde:
    """Keep the round's counts and tallies in the session (one entry per round, updated in place).

    When it closes, for the first time, its tallies count: points are added to the cards' points
    and ratings to the evaluatie's ratings; the ladder placement is kept with the round.
    """
    old = next((r for r in session.rondes if r.id == ronde.id), None)
    first_close = closed and (old is None or old.gesloten is None)
    kaart_ids = {k.id for k in session.kaarten}
    opgave_ids = {o.id for o in session.opgaven}
    rungs = set(session.ladder.keys())
    entry = ZaalRonde(
        id=ronde.id,
        soort=ronde.soort,
        stap=ronde.stap,
        geopend=datetime.fromtimestamp(ronde.geopend, UTC),
        gesloten=(old.gesloten if old and old.gesloten else datetime.now(UTC)) if closed else None,
        ontvangen=ronde.ontvangen,
        getoond=ronde.getoond,
        niet_getoond=ronde.niet_getoond,
        telefoons=ronde.telefoons,
        budget=ronde.budget if ronde.soort == "punten" else 0,
        punten={k: n for k, n in ronde.punten.items() if k in kaart_ids and n > 0},
        ladder={
            o: {when: {r: n for r, n in counts.items() if r in rungs and n > 0} for when, counts in placed.items()}
            for o, placed in ronde.ladder.items()
            if o in opgave_ids
        },
        cijfers={k: n for k, n in ronde.cijfers.items() if n > 0},
    )
    if first_close:
        for card in session.kaarten:
            if entry.punten.get(card.id):
                card.stemmen += entry.punten[card.id]
        if entry.cijfers:
            totals = dict(session.evaluatie.cijfers)
            for k, n in entry.cijfers.items():
                totals[k] = totals.get(k, 0) + n
            session.evaluatie.cijfers = totals
    if old is None:
        session.rondes.append(entry)
    else:
        session.rondes[session.rondes.index(old)] = entry
    return entry


def pending(session: Session, stap: str, queue: Iterable[Submission]) -> list[Submission]:
    """What still waits for her: the queue without what is in the session already."""
    return [s for s in queue if not is_in(session, stap, s.id)]
