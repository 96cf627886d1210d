"""A large, realistic session for benchmarks: the demo session grown to N items."""

from __future__ import annotations

import random

from atelier_tui.domain import builtin
from atelier_tui.domain.session import Actiepunt, EisWens, Kaart, Reactie, Session, Voorbeeld

WORDS = [
    "bewoners",
    "wijk",
    "plein",
    "groen",
    "jongeren",
    "raad",
    "inspraak",
    "avond",
    "wethouder",
    "verordening",
    "kern",
    "dorpshuis",
    "initiatief",
    "budget",
    "terugkoppeling",
    "verwachting",
    "participatie",
    "ladder",
    "proces",
    "draagvlak",
]


def sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def big_session(items: int, seed: int = 1) -> Session:
    """The demo session plus extra cards, examples, wishes, actions and reactions: ``items`` in all."""
    rng = random.Random(seed)
    s = Session.model_validate(builtin.demo_data())
    kinds = ["kaart"] * 6 + ["voorbeeld", "eis", "actie", "reactie"]
    for i in range(items):
        kind = kinds[i % len(kinds)]
        if kind == "kaart":
            kolom = "kans" if i % 2 else "knelpunt"
            s.kaarten.append(
                Kaart(
                    kolom=kolom,
                    tekst=sentence(rng),
                    stemmen=rng.randint(0, 12),
                    volgorde=len(s.kaarten),
                    thema=rng.choice(["", "Jeugd", "Groen", "Proces"]),
                )
            )
        elif kind == "voorbeeld":
            s.voorbeelden.append(Voorbeeld(titel=sentence(rng, 4), beschrijving=sentence(rng, 30), les=sentence(rng)))
        elif kind == "eis":
            s.eisen_wensen.append(EisWens(tekst=sentence(rng, 20), categorie="Bewonersinitiatieven"))
        elif kind == "actie":
            s.opbrengst.actiepunten.append(Actiepunt(wie="Griffie", wat=sentence(rng)))
        else:
            s.evaluatie.reacties.append(Reactie(tekst=sentence(rng)))
    return s
