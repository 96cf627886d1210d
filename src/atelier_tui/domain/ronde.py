"""A round in which the room takes part from their phones ("de zaal doet mee"), as pure state.

A round has a kind (kaarten, punten, ladder, evaluatie) and the step it was opened on. Phones send
texts (they wait in a queue until the facilitator decides), spend points on cards, place opgaven on
the ladder or give a rating. Every change is an *event*, a small JSON-able dict: a method such as
:meth:`Ronde.zend_tekst` checks the change and returns its event without changing anything; the
caller writes the event to the round's journal (``store/wachtrij.py``) and only then applies it with
:meth:`Ronde.apply`. :meth:`Ronde.replay` of the journal's events rebuilds the same state, so what a
phone was told has arrived survives a kill of the process. No I/O, no aiohttp, no Textual.

Phone ids are opaque random strings chosen by the web server; they never leave the round.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal, get_args

from ..teksten import zaal as T
from . import hygiene

RondeSoort = Literal["kaarten", "punten", "ladder", "evaluatie"]
Besluit = Literal["getoond", "niet_getoond", "samengevoegd"]

#: the step keys (see domain/content/steps.toml) where a round can be opened, and its kinds.
#: The ladder step's key is "ladder"; "participatieladder" is kept as another name for it.
SOORTEN: dict[str, tuple[RondeSoort, ...]] = {
    "voorbeelden": ("kaarten",),
    "eisen-wensen": ("kaarten",),
    "kansen-knelpunten": ("kaarten", "punten"),
    "ladder": ("ladder",),
    "participatieladder": ("ladder",),
    "evaluatie": ("evaluatie",),
}
#: what a phone can send in a kaarten round, per step: value -> Dutch label
ITEMS: dict[str, dict[str, str]] = {
    "kansen-knelpunten": {"kans": "Kans", "knelpunt": "Knelpunt"},
    "eisen-wensen": {"eis": "Eis", "wens": "Wens"},
    "voorbeelden": {"goed": "Goed voorbeeld", "minder-goed": "Minder goed voorbeeld"},
    "evaluatie": {"reactie": "Reactie"},
}
TEKST_LIMIT = 280
BUDGET = 5

#: Limits that keep a flood from filling the memory or the disk.
MAX_TEKSTEN_PER_TELEFOON = 20  # texts one phone may send in one round
MAX_WACHTRIJ = 500  # texts waiting for a decision
MAX_INZENDINGEN = 2000  # texts in one round, decided or not
MAX_TELEFOONS = 500  # phones taking part in one round
MAX_EVENTS = 100_000  # changes in one round (a journal of a few megabytes)
CIJFERS = ("1", "2", "3", "4", "5")
BESLUITEN: tuple[str, ...] = get_args(Besluit)
VERSIE = 1


class RondeFout(ValueError):
    """A change the round does not accept. ``message``: plain Dutch for the phone page; ``status``: HTTP."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Keuze:
    """A card to give points to, or an opgave to place on the ladder."""

    id: str
    tekst: str


@dataclass(frozen=True)
class Trede:
    """A rung of the session's ladder."""

    key: str
    naam: str


@dataclass
class Inzending:
    """A text from a phone. Its id becomes the id of the approved card or reactie."""

    id: str
    soort: str
    tekst: str
    ontvangen: float


def new_id() -> str:
    """An id like ``domain.types.new_id`` (without loading pydantic)."""
    return uuid.uuid4().hex[:12]


class Ronde:
    """The state of one round. Change it only with :meth:`apply` of an event a check returned."""

    def __init__(
        self,
        soort: RondeSoort,
        stap: str,
        *,
        id: str | None = None,
        budget: int = BUDGET,
        keuzes: Iterable[Keuze] = (),
        treden: Iterable[Trede] = (),
        geopend: float | None = None,
        klok: Callable[[], float] | None = None,
    ) -> None:
        if soort not in SOORTEN.get(stap, ()):
            raise ValueError(f"a round of kind {soort!r} cannot be opened on step {stap!r}")
        if isinstance(budget, bool) or not isinstance(budget, int) or budget < 1:
            raise ValueError(f"budget must be a positive number, not {budget!r}")
        self.klok: Callable[[], float] = klok or time.time
        self.id: str = id or new_id()
        self.soort: RondeSoort = soort
        self.stap = stap
        self.budget = budget
        self.geopend: float = self.klok() if geopend is None else float(geopend)
        self.open = True
        self.onthuld = False
        self.keuzes: tuple[Keuze, ...] = ()
        self.treden: tuple[Trede, ...] = ()
        self._keuze_ids: frozenset[str] = frozenset()
        self._trede_keys: frozenset[str] = frozenset()
        self.set_keuzes(keuzes, treden)
        self.events = 0  # events applied after the "geopend" event
        self._inzendingen: dict[str, Inzending] = {}  # every text, in arrival order
        self._besluiten: dict[str, str] = {}  # inzending id -> besluit
        self._samengevoegd_met: dict[str, str] = {}  # inzending id -> the card it was merged into
        self._teksten: dict[str, int] = {}  # phone -> texts sent
        self._telefoons: set[str] = set()
        self._punten_van: dict[str, dict[str, int]] = {}  # phone -> keuze id -> points
        self._punten: dict[str, int] = {}  # keuze id -> points
        self._plaatsing: dict[str, dict[str, tuple[str | None, str | None]]] = {}  # phone -> opgave
        self._cijfer: dict[str, int] = {}  # phone -> its latest rating

    # --- What the TUI keeps up to date -----------------------------------------------------------

    def set_keuzes(self, keuzes: Iterable[Keuze] = (), treden: Iterable[Trede] = ()) -> None:
        """The cards (punten) or opgaven (ladder) to choose from, and the ladder's rungs.

        Points already given to a card that is gone stay given (the phone can take them back).
        """
        self.keuzes = tuple(keuzes)
        self.treden = tuple(treden)
        self._keuze_ids = frozenset(k.id for k in self.keuzes)
        self._trede_keys = frozenset(t.key for t in self.treden)

    # --- Checks: each returns the event of the change, and changes nothing --------------------------

    def _check_open(self) -> None:
        if not self.open:
            raise RondeFout(T.GESLOTEN, 410)
        if self.events >= MAX_EVENTS:
            raise RondeFout(T.RONDE_VOL, 503)

    def _check_phone(self, telefoon: str) -> None:
        if not isinstance(telefoon, str) or not telefoon:
            raise RondeFout(T.FOUT, 400)
        if telefoon not in self._telefoons and len(self._telefoons) >= MAX_TELEFOONS:
            raise RondeFout(T.TE_VEEL_TELEFOONS, 503)

    def _check_soort(self, *soorten: str) -> None:
        if self.soort not in soorten:
            raise RondeFout(T.KAN_NIET_HIER, 409)

    def _inzending(self, telefoon: str, soort: str, tekst: str) -> dict[str, Any]:
        """A new text's part of an event, after the checks on texts."""
        if self._teksten.get(telefoon, 0) >= MAX_TEKSTEN_PER_TELEFOON:
            raise RondeFout(T.TE_VEEL_KAARTEN.format(n=MAX_TEKSTEN_PER_TELEFOON), 429)
        if len(self._inzendingen) - len(self._besluiten) >= MAX_WACHTRIJ or len(self._inzendingen) >= MAX_INZENDINGEN:
            raise RondeFout(T.WACHTRIJ_VOL, 503)
        return {"id": new_id(), "soort": soort, "tekst": tekst, "ontvangen": self.klok()}

    def zend_tekst(self, telefoon: str, soort: str, tekst: str) -> dict[str, Any]:
        """A card (kaarten round) or a reactie (evaluatie round) from a phone."""
        self._check_open()
        self._check_soort("kaarten", "evaluatie")
        self._check_phone(telefoon)
        if soort not in ITEMS.get(self.stap, {}):
            raise RondeFout(T.KIES_SOORT, 400)
        schoon = hygiene.clean_block(tekst if isinstance(tekst, str) else "", TEKST_LIMIT)
        if not schoon:
            raise RondeFout(T.LEEG, 400)
        return {"type": "tekst", "telefoon": telefoon, "inzending": self._inzending(telefoon, soort, schoon)}

    def geef_punt(self, telefoon: str, keuze_id: str, delta: int) -> dict[str, Any]:
        """One point more (+1) or less (-1) from a phone on a card."""
        self._check_open()
        self._check_soort("punten")
        self._check_phone(telefoon)
        if isinstance(delta, bool) or delta not in (1, -1):
            raise RondeFout(T.PUNT_FOUT, 400)
        mine = self._punten_van.get(telefoon, {})
        if delta == 1:
            if keuze_id not in self._keuze_ids:
                raise RondeFout(T.KAART_WEG, 409)
            if self.punten_over(telefoon) <= 0:
                raise RondeFout(T.GEEN_PUNTEN_MEER, 409)
        elif mine.get(keuze_id, 0) <= 0:
            raise RondeFout(T.GEEN_PUNT_OP_KAART, 409)
        return {"type": "punt", "telefoon": telefoon, "keuze": keuze_id, "delta": delta}

    def plaats(self, telefoon: str, opgave_id: str, nu: str | None, straks: str | None) -> dict[str, Any]:
        """A phone's placement of an opgave, NU and STRAKS (one may be left open); the latest counts."""
        self._check_open()
        self._check_soort("ladder")
        self._check_phone(telefoon)
        if opgave_id not in self._keuze_ids:
            raise RondeFout(T.OPGAVE_WEG, 409)
        nu = nu or None
        straks = straks or None
        if nu is None and straks is None:
            raise RondeFout(T.KIES_TREDE, 400)
        for key in (nu, straks):
            if key is not None and key not in self._trede_keys:
                raise RondeFout(T.TREDE_WEG, 400)
        return {"type": "plaats", "telefoon": telefoon, "opgave": opgave_id, "nu": nu, "straks": straks}

    def beoordeel(self, telefoon: str, cijfer: int, tekst: str = "") -> dict[str, Any]:
        """A rating from 1 to 5 (the latest counts) and, if given, a reactie (it waits in the queue)."""
        self._check_open()
        self._check_soort("evaluatie")
        self._check_phone(telefoon)
        if isinstance(cijfer, bool) or not isinstance(cijfer, int) or not 1 <= cijfer <= 5:
            raise RondeFout(T.KIES_CIJFER, 400)
        schoon = hygiene.clean_block(tekst if isinstance(tekst, str) else "", TEKST_LIMIT)
        event: dict[str, Any] = {"type": "cijfer", "telefoon": telefoon, "cijfer": cijfer, "inzending": None}
        if schoon:
            event["inzending"] = self._inzending(telefoon, "reactie", schoon)
        return event

    def besluit(self, inzending_id: str, besluit: Besluit, *, met: str | None = None) -> dict[str, Any]:
        """The facilitator's decision on a waiting text (also after the round is closed).

        ``met``: for "samengevoegd", the id of the card it was merged into (optional).
        """
        if besluit not in BESLUITEN:
            raise RondeFout(T.BESLUIT_FOUT, 400)
        if inzending_id not in self._inzendingen or inzending_id in self._besluiten:
            raise RondeFout(T.INZENDING_WEG, 404)
        event: dict[str, Any] = {"type": "besluit", "inzending": inzending_id, "besluit": besluit}
        if met is not None and besluit == "samengevoegd":
            event["met"] = met
        return event

    def sluit(self) -> dict[str, Any]:
        """Stop accepting (applying it twice changes nothing)."""
        return {"type": "sluit"}

    def onthul(self) -> dict[str, Any]:
        """Show the tallies on the room's screen (applying it twice changes nothing)."""
        return {"type": "onthul"}

    def geopend_event(self) -> dict[str, Any]:
        """The first event to journal when a round opens: enough to rebuild the round."""
        return {
            "type": "geopend",
            "v": VERSIE,
            "id": self.id,
            "soort": self.soort,
            "stap": self.stap,
            "budget": self.budget,
            "geopend": self.geopend,
            "keuzes": [asdict(k) for k in self.keuzes],
            "treden": [asdict(t) for t in self.treden],
        }

    # --- Applying -------------------------------------------------------------------------------------

    def apply(self, event: dict[str, Any]) -> None:
        """Apply an event a check returned (or one read back from the journal).

        Deterministic and defensive: an event that no longer fits (a point beyond the budget, a
        decision on a text that was decided) changes nothing, so live state and replay agree.
        """
        kind = event.get("type")
        if kind == "geopend":
            return
        self.events += 1
        if kind == "tekst":
            self._add_inzending(event["telefoon"], event["inzending"])
        elif kind == "punt":
            self._apply_punt(event["telefoon"], event["keuze"], event["delta"])
        elif kind == "plaats":
            tel = event["telefoon"]
            self._plaatsing.setdefault(tel, {})[event["opgave"]] = (event.get("nu"), event.get("straks"))
            self._telefoons.add(tel)
        elif kind == "cijfer":
            tel = event["telefoon"]
            cijfer = event["cijfer"]
            if isinstance(cijfer, int) and 1 <= cijfer <= 5:
                self._cijfer[tel] = cijfer
                self._telefoons.add(tel)
            if event.get("inzending"):
                self._add_inzending(tel, event["inzending"])
        elif kind == "besluit":
            iid = event["inzending"]
            if iid in self._inzendingen and iid not in self._besluiten and event["besluit"] in BESLUITEN:
                self._besluiten[iid] = event["besluit"]
                if event.get("met"):
                    self._samengevoegd_met[iid] = event["met"]
        elif kind == "sluit":
            self.open = False
        elif kind == "onthul":
            self.onthuld = True

    def _add_inzending(self, telefoon: str, data: dict[str, Any]) -> None:
        iid = data["id"]
        if iid in self._inzendingen:
            return
        self._inzendingen[iid] = Inzending(iid, data["soort"], data["tekst"], float(data["ontvangen"]))
        self._teksten[telefoon] = self._teksten.get(telefoon, 0) + 1
        self._telefoons.add(telefoon)

    def _apply_punt(self, telefoon: str, keuze: str, delta: int) -> None:
        mine = self._punten_van.setdefault(telefoon, {})
        have = mine.get(keuze, 0)
        if delta == 1 and sum(mine.values()) < self.budget:
            mine[keuze] = have + 1
            self._punten[keuze] = self._punten.get(keuze, 0) + 1
        elif delta == -1 and have > 0:
            if have == 1:
                del mine[keuze]
            else:
                mine[keuze] = have - 1
            left = self._punten[keuze] - 1
            if left:
                self._punten[keuze] = left
            else:
                del self._punten[keuze]
        else:
            return
        self._telefoons.add(telefoon)

    @classmethod
    def replay(cls, events: list[dict[str, Any]], *, klok: Callable[[], float] | None = None) -> Ronde:
        """The round the events describe. The first event is its "geopend" event; a later "geopend"
        starts a new round (the latest one wins). Events that cannot be read are skipped."""
        ronde: Ronde | None = None
        for event in events:
            if not isinstance(event, dict):
                continue
            if event.get("type") == "geopend":
                ronde = cls._from_geopend(event, klok)
            elif ronde is not None:
                try:
                    ronde.apply(event)
                except (KeyError, TypeError, ValueError, AttributeError):
                    continue
        if ronde is None:
            raise ValueError("the events hold no 'geopend' event")
        return ronde

    @classmethod
    def _from_geopend(cls, event: dict[str, Any], klok: Callable[[], float] | None) -> Ronde:
        return cls(
            event["soort"],
            event["stap"],
            id=event["id"],
            budget=event.get("budget", BUDGET),
            keuzes=[Keuze(str(k["id"]), str(k["tekst"])) for k in event.get("keuzes", ())],
            treden=[Trede(str(t["key"]), str(t["naam"])) for t in event.get("treden", ())],
            geopend=event.get("geopend"),
            klok=klok,
        )

    # --- Reading ------------------------------------------------------------------------------------------

    @property
    def wachtrij(self) -> list[Inzending]:
        """The texts waiting for a decision, in arrival order."""
        return [i for iid, i in self._inzendingen.items() if iid not in self._besluiten]

    @property
    def inzendingen(self) -> dict[str, Inzending]:
        """Every text of the round, decided or not, in arrival order."""
        return dict(self._inzendingen)

    @property
    def besluiten(self) -> dict[str, str]:
        """Inzending id -> the facilitator's decision."""
        return dict(self._besluiten)

    @property
    def beslist(self) -> bool:
        """True when no text is waiting any more."""
        return len(self._besluiten) == len(self._inzendingen)

    @property
    def ontvangen(self) -> int:
        return len(self._inzendingen)

    @property
    def getoond(self) -> int:
        return sum(1 for b in self._besluiten.values() if b != "niet_getoond")

    @property
    def niet_getoond(self) -> int:
        return sum(1 for b in self._besluiten.values() if b == "niet_getoond")

    @property
    def telefoons(self) -> int:
        """Phones that took part (sent or spent anything)."""
        return len(self._telefoons)

    def punten_over(self, telefoon: str) -> int:
        return self.budget - sum(self._punten_van.get(telefoon, {}).values())

    def punten_van(self, telefoon: str) -> dict[str, int]:
        """Keuze id -> the points this phone gave it."""
        return dict(self._punten_van.get(telefoon, {}))

    def kaarten_over(self, telefoon: str) -> int:
        """How many more texts this phone may send in this round."""
        return max(0, MAX_TEKSTEN_PER_TELEFOON - self._teksten.get(telefoon, 0))

    def plaatsing_van(self, telefoon: str) -> dict[str, tuple[str | None, str | None]]:
        """Opgave id -> this phone's (nu, straks)."""
        return dict(self._plaatsing.get(telefoon, {}))

    def cijfer_van(self, telefoon: str) -> int | None:
        return self._cijfer.get(telefoon)

    @property
    def punten(self) -> dict[str, int]:
        """Keuze id -> points from phones (cards without points are left out)."""
        return dict(self._punten)

    @property
    def ladder(self) -> dict[str, dict[str, dict[str, int]]]:
        """Opgave id -> {"nu": {rung: n}, "straks": {rung: n}}; a phone's latest placement counts."""
        result: dict[str, dict[str, dict[str, int]]] = {}
        for per_opgave in self._plaatsing.values():
            for opgave, (nu, straks) in per_opgave.items():
                slot = result.setdefault(opgave, {"nu": {}, "straks": {}})
                for side, key in (("nu", nu), ("straks", straks)):
                    if key is not None:
                        slot[side][key] = slot[side].get(key, 0) + 1
        return result

    @property
    def cijfers(self) -> dict[str, int]:
        """Rating "1".."5" -> how many phones gave that rating (a phone's latest rating counts)."""
        counts = dict.fromkeys(CIJFERS, 0)
        for cijfer in self._cijfer.values():
            counts[str(cijfer)] += 1
        return counts

    def telling(self) -> dict[str, Any]:
        """A small JSON-able summary for the room's screen; the tallies only once revealed."""
        summary: dict[str, Any] = {
            "soort": self.soort,
            "stap": self.stap,
            "open": self.open,
            "onthuld": self.onthuld,
            "ontvangen": self.ontvangen,
            "getoond": self.getoond,
            "niet_getoond": self.niet_getoond,
            "telefoons": self.telefoons,
            "punten_gegeven": sum(self._punten.values()),
        }
        if self.onthuld:
            summary["punten"] = self.punten
            summary["ladder"] = self.ladder
            summary["cijfers"] = self.cijfers
        return summary

    def toestand(self) -> dict[str, Any]:
        """The whole state as plain data (to compare a replay with the live round)."""
        return {
            "id": self.id,
            "soort": self.soort,
            "stap": self.stap,
            "budget": self.budget,
            "geopend": self.geopend,
            "open": self.open,
            "onthuld": self.onthuld,
            "events": self.events,
            "inzendingen": [asdict(i) for i in self._inzendingen.values()],
            "besluiten": dict(self._besluiten),
            "samengevoegd_met": dict(self._samengevoegd_met),
            "teksten": dict(self._teksten),
            "telefoons": sorted(self._telefoons),
            "punten_van": {k: dict(v) for k, v in self._punten_van.items() if v},
            "punten": dict(self._punten),
            "plaatsing": {k: dict(v) for k, v in self._plaatsing.items()},
            "cijfer": dict(self._cijfer),
        }
