"""What a verslag still lacks, and what does not add up, in Dutch, before it goes to the griffie."""

from __future__ import annotations

import re

from ..teksten import export as T
from . import rules
from .session import Session

AVONDEN = ((1, T.AVOND_1), (2, T.AVOND_2))


def gaps(session: Session) -> list[str]:
    """What the head of the verslag lacks: gemeente, date, times, place, goal, voorzitter, attendance."""
    out: list[str] = []
    if not session.gemeente:
        out.append(T.ONTBREEKT_GEMEENTE)
    for nr, naam in AVONDEN:
        avond = session.avond1 if nr == 1 else session.avond2
        naam = naam.lower()
        if avond.datum is None:
            out.append(T.ONTBREEKT_DATUM.format(avond=naam))
        if avond.begintijd is None:
            out.append(T.ONTBREEKT_BEGIN.format(avond=naam))
        if avond.eindtijd is None:
            out.append(T.ONTBREEKT_EIND.format(avond=naam))
        if not avond.plaats:
            out.append(T.ONTBREEKT_PLAATS.format(avond=naam))
        if not avond.doel:
            out.append(T.ONTBREEKT_DOEL.format(avond=naam))
    if not (session.verslag.voorzitter or session.facilitator):
        out.append(T.ONTBREEKT_VOORZITTER)
    if not session.verslag.opgesteld_door:
        out.append(T.ONTBREEKT_VERSLAGLEGGER)
    if not session.deelnemers:
        out.append(T.ONTBREEKT_AANWEZIGEN)
    return out


def _named(text: str, naam: str) -> bool:
    """Whether ``text`` names the person: the full name, as whole words."""
    return re.search(r"(?<!\w)" + re.escape(naam) + r"(?!\w)", text, re.IGNORECASE) is not None


def warnings(session: Session) -> list[str]:
    """What does not add up: an actiepunt for someone who was absent, more ratings than people."""
    out: list[str] = []
    for nr, actie in enumerate(session.opbrengst.actiepunten, 1):
        for p in session.deelnemers:
            if not rules.present(p, actie.avond) and _named(actie.wie, p.naam):
                avond = AVONDEN[actie.avond - 1][1].lower()
                out.append(T.ACTIE_AFWEZIG.format(nr=nr, naam=p.naam, avond=avond))
    given = rules.rating_count(session.evaluatie)
    if session.deelnemers and given:
        # The evaluatie is the last step of evening 2.
        n = rules.present_count(session, 2)
        if given > n:
            out.append(T.TE_VEEL_CIJFERS.format(cijfers=given, avond=T.AVOND_2.lower(), n=n))
    return out


def verslag_gaps(session: Session) -> list[str]:
    """Everything the Verslag step and ``atelier check`` show: what lacks, then what does not add up."""
    return gaps(session) + warnings(session)
