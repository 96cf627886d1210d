"""The session document: everything the two evenings produce, as pydantic models.

One ``Session`` holds the whole flow of DESIGN.md section 2. Field names are Dutch where the
domain term is the clearest name. No Textual, no files.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Literal

from pydantic import Field, NonNegativeInt, field_validator, model_validator

from .links import link_error
from .types import (
    Block,
    Id,
    Line,
    Model,
    RequiredBlock,
    RequiredLine,
    StepKey,
    UtcDateTime,
    new_id,
    now_utc,
)

#: The version of the document layout. Raise it with a migration in ``store/migrations.py``.
SCHEMA_VERSION = 2

Rol = Literal["raadslid", "burgerraadslid", "griffier", "wethouder", "ambtenaar", "anders"]
Kolom = Literal["kans", "knelpunt"]
Oordeel = Literal["goed", "minder-goed"]
BronSoort = Literal["voorbeeld", "trend", "eigen-ervaring"]
Bereik = Literal["ja", "deels", "nee"]
Lijnkeuze = Literal["een-lijn", "per-opgave"]
EisOfWens = Literal["eis", "wens"]
VanWie = Literal["inwoners", "raad", "beide"]
ActieSoort = Literal["actie", "toezegging"]
ActieStatus = Literal["open", "loopt", "afgedaan"]
EvaluatieInVerslag = Literal["anoniem", "met-namen", "weglaten"]
RondeSoort = Literal["kaarten", "punten", "ladder", "evaluatie"]
Cijfer = Literal["1", "2", "3", "4", "5"]
VerslagStatus = Literal["concept", "definitief"]


# --- Voorbereiding -------------------------------------------------------------------------


class AgendaPunt(Model):
    id: Id = Field(default_factory=new_id)
    onderwerp: RequiredLine
    minuten: int = Field(default=10, ge=0, le=600)


class Avond(Model):
    """One of the two evenings: when, where, what for, and the agenda with time boxes."""

    datum: date | None = None
    begintijd: time | None = None
    eindtijd: time | None = None
    plaats: Line = ""
    doel: Block = ""
    agenda: list[AgendaPunt] = Field(default_factory=list)


class Spelregel(Model):
    """A ground rule of the evenings, e.g. 'Iedereen laat elkaar uitpraten'."""

    id: Id = Field(default_factory=new_id)
    tekst: RequiredLine


class Deelnemer(Model):
    id: Id = Field(default_factory=new_id)
    naam: RequiredLine
    fractie: Line = ""
    rol: Rol = "raadslid"
    avond1: bool = True  # present at evening 1
    avond2: bool = True  # present at evening 2
    #: Sent word beforehand (bericht van verhindering) for the evening(s) missed.
    afgemeld: bool = False
    #: What a civil servant does ("beleidsadviseur participatie"): the verslag names civil servants
    #: by function unless the facilitator chooses names (``Verslag.ambtenaren_bij_naam``).
    functie: Line = ""


class IntakeNotitie(Model):
    """Notes of one preparatory conversation. Facilitator-only: never shown to the room."""

    id: Id = Field(default_factory=new_id)
    met_wie: RequiredLine
    datum: date | None = None
    wat_leeft: Block = ""
    wensen: Block = ""


class Opgave(Model):
    """A project or policy task of the municipality, used in both evenings.

    ``nu`` and ``straks`` are keys of rungs of the session's ladder.
    """

    id: Id = Field(default_factory=new_id)
    titel: RequiredLine
    omschrijving: Block = ""
    soort: Literal["opgave", "praktijkvoorbeeld"] = "opgave"
    nu: Id | None = None
    straks: Id | None = None
    toelichting: Block = ""


# --- Werkatelier 1 -------------------------------------------------------------------------


class Voorbeeld(Model):
    id: Id = Field(default_factory=new_id)
    titel: RequiredLine
    beschrijving: Block = ""
    oordeel: Oordeel = "goed"
    les: Block = ""
    opgave_id: Id | None = None
    uit_de_zaal: bool = False  # sent from a phone in a round, and approved by the facilitator


class EisWens(Model):
    id: Id = Field(default_factory=new_id)
    soort: EisOfWens = "wens"
    tekst: RequiredBlock
    categorie: Line = ""
    van: VanWie = "beide"
    uit_de_zaal: bool = False


class Bron(Model):
    """Where a card came from: an example of evening 1, a trend in society, or own experience."""

    soort: BronSoort
    voorbeeld_id: Id | None = None
    trend: Line = ""

    @model_validator(mode="after")
    def _consistent(self) -> Bron:
        if self.soort == "voorbeeld" and not self.voorbeeld_id:
            raise ValueError("een bron 'voorbeeld' moet naar een voorbeeld verwijzen")
        if self.soort != "voorbeeld" and self.voorbeeld_id:
            raise ValueError("alleen een bron 'voorbeeld' verwijst naar een voorbeeld")
        return self


class Kaart(Model):
    """A card on the kansen/knelpunten board."""

    id: Id = Field(default_factory=new_id)
    kolom: Kolom
    tekst: RequiredBlock
    volgorde: NonNegativeInt = 0
    stemmen: NonNegativeInt = 0
    thema: Line = ""
    bron: Bron | None = None
    uit_de_zaal: bool = False  # sent from a phone in a round, and approved by the facilitator
    aangemaakt: UtcDateTime = Field(default_factory=now_utc)
    gewijzigd: UtcDateTime = Field(default_factory=now_utc)


class Afsluiting(Model):
    """What carries over to evening 2.

    ``top`` cards per column are taken by votes, unless the facilitator chose the cards herself
    (``gekozen``, card ids in order).
    """

    top: int = Field(default=3, ge=1, le=20)
    gekozen: list[Id] | None = None
    notitie: Block = ""
    #: How the points were given, e.g. "Elke deelnemer had drie punten, geteld bij handopsteken."
    puntenwijze: Line = ""


# --- Werkatelier 2 -------------------------------------------------------------------------


class Inspiratie(Model):
    id: Id = Field(default_factory=new_id)
    titel: RequiredLine
    toelichting: Block = ""


class Trede(Model):
    """One rung of a participation ladder."""

    key: Id
    naam: RequiredLine
    agenda: Line = ""  # who sets the agenda
    toezegging: Block = ""  # what the municipality commits to
    gevolgen_proces: Block = ""
    gevolgen_inwoners: Block = ""


class Ladder(Model):
    """The ladder chosen for this session, bottom rung first. A copy, so it can be renamed."""

    variant: Line = "vijf-treden"
    naam: RequiredLine = "Participatieladder"
    omschrijving: Block = ""
    treden: list[Trede] = Field(min_length=2)

    @field_validator("treden")
    @classmethod
    def _unique_keys(cls, treden: list[Trede]) -> list[Trede]:
        keys = [t.key for t in treden]
        if len(keys) != len(set(keys)):
            raise ValueError("elke trede moet een eigen sleutel hebben")
        return treden

    def keys(self) -> list[str]:
        return [t.key for t in self.treden]

    def trede(self, key: str | None) -> Trede | None:
        return next((t for t in self.treden if t.key == key), None)


class FractiePositie(Model):
    id: Id = Field(default_factory=new_id)
    fractie: RequiredLine
    trede: Id | None = None
    toelichting: Block = ""


class Ambitie(Model):
    niveau: Id | None = None  # a rung key
    keuze: Lijnkeuze | None = None
    regel: Block = ""  # the rule for choosing a level per opgave
    toelichting: Block = ""
    fracties: list[FractiePositie] = Field(default_factory=list)


class InitiatiefRol(Model):
    """A role of the municipality toward residents' initiatives (faciliteren, verbinden, ...)."""

    key: Id = Field(default_factory=new_id)
    naam: RequiredLine
    uitleg: Block = ""
    gekozen: bool = False
    #: The room discussed this built-in text; only then (or when changed) the verslag shows it.
    besproken: bool = False


class Reactieafspraak(Model):
    """How the municipality responds to an initiative: contact point, response time, uitdaagrecht."""

    id: Id = Field(default_factory=new_id)
    onderwerp: RequiredLine
    afspraak: RequiredBlock


class Initiatieven(Model):
    rollen: list[InitiatiefRol] = Field(default_factory=list)
    toelichting: Block = ""
    afspraken: list[Reactieafspraak] = Field(default_factory=list)


class Doelgroep(Model):
    id: Id = Field(default_factory=new_id)
    naam: RequiredLine
    bereikt: Bereik | None = None
    hoe_bereiken: Block = ""
    actie_raad: Block = ""
    #: The room discussed this built-in text; only then (or when changed) the verslag shows it.
    besproken: bool = False


class Criterium(Model):
    """A criterion by which the council judges whether a process had draagvlak."""

    id: Id = Field(default_factory=new_id)
    naam: RequiredLine
    uitleg: Block = ""
    toets: Block = ""  # how the council will check it
    geldt_voor: Line = ""  # kinds of opgave it applies to
    #: The room discussed this built-in text; only then (or when changed) the verslag shows it.
    besproken: bool = False


class Antwoord(Model):
    """The answer to one of the five questions of the training."""

    vraag: Id  # key of a question in content/vragen.toml
    antwoord: Block = ""


class Afspraak(Model):
    id: Id = Field(default_factory=new_id)
    tekst: RequiredBlock


class Actiepunt(Model):
    """An action (raad, griffie, werkgroep) or a toezegging (a promise by the college)."""

    id: Id = Field(default_factory=new_id)
    wie: Line = ""
    wat: RequiredBlock
    wanneer: date | None = None
    soort: ActieSoort = "actie"
    status: ActieStatus = "open"
    avond: Literal[1, 2] = 2  # the evening it was agreed


class VervolgStap(Model):
    id: Id = Field(default_factory=new_id)
    tekst: RequiredBlock
    wanneer: date | None = None


class Opbrengst(Model):
    antwoorden: list[Antwoord] = Field(default_factory=list)
    afspraken: list[Afspraak] = Field(default_factory=list)
    actiepunten: list[Actiepunt] = Field(default_factory=list)
    vervolg: list[VervolgStap] = Field(default_factory=list)


class Reactie(Model):
    id: Id = Field(default_factory=new_id)
    tekst: RequiredBlock
    naam: Line = ""
    fractie: Line = ""
    uit_de_zaal: bool = False


class Evaluatie(Model):
    reacties: list[Reactie] = Field(default_factory=list)
    #: How many participants gave each rating, 1 (slecht) to 5 (uitstekend).
    cijfers: dict[Cijfer, NonNegativeInt] = Field(default_factory=dict)


class ZaalRonde(Model):
    """A round in which the room took part from their phones, as it ended: counts and tallies only.

    No texts that were not shown, no phones, no addresses: approved texts are in the session as cards
    or reacties (``uit_de_zaal``); this keeps what the verslag reports. A peiling, never a vote.
    """

    id: Id = Field(default_factory=new_id)
    soort: RondeSoort
    stap: StepKey
    geopend: UtcDateTime = Field(default_factory=now_utc)
    gesloten: UtcDateTime | None = None
    ontvangen: NonNegativeInt = 0
    getoond: NonNegativeInt = 0
    niet_getoond: NonNegativeInt = 0
    telefoons: NonNegativeInt = 0
    budget: NonNegativeInt = 0  # points per phone (punten)
    punten: dict[Id, NonNegativeInt] = Field(default_factory=dict)  # card id -> points from phones
    #: opgave id -> {"nu": {rung: phones}, "straks": {rung: phones}}
    ladder: dict[Id, dict[Literal["nu", "straks"], dict[Id, NonNegativeInt]]] = Field(default_factory=dict)
    cijfers: dict[Cijfer, NonNegativeInt] = Field(default_factory=dict)


class Deel(Model):
    """What the room can scan at the end: a link, for example to an evaluation form.

    Only an http or https link is accepted, also through import: it becomes the room's QR code.
    """

    url: Line = ""
    toelichting: Line = ""

    @field_validator("url")
    @classmethod
    def _room_link(cls, url: str) -> str:
        error = link_error(url)
        if error is not None:
            raise ValueError(error)
        return url


class Verslag(Model):
    """How the verslag for the minutes is made: its status and who made it, and privacy choices."""

    status: VerslagStatus = "concept"
    opgesteld_door: Line = ""  # who made the verslag, e.g. "de griffie"
    voorzitter: Line = ""  # empty: the facilitator led the evenings (gespreksleider)
    openbaar: bool = True
    evaluatie: EvaluatieInVerslag = "anoniem"
    ambtenaren_bij_naam: bool = False


# --- The session ---------------------------------------------------------------------------


class Session(Model):
    schema_version: int = SCHEMA_VERSION
    id: Id = Field(default_factory=new_id)
    naam: RequiredLine
    gemeente: Line = ""
    soort_bijeenkomst: Line = "Werkatelier (beeldvormend)"
    facilitator: Line = ""
    avond1: Avond = Field(default_factory=Avond)
    avond2: Avond = Field(default_factory=Avond)
    deelnemers: list[Deelnemer] = Field(default_factory=list)
    spelregels: list[Spelregel] = Field(default_factory=list)
    intake: list[IntakeNotitie] = Field(default_factory=list)
    opgaven: list[Opgave] = Field(default_factory=list)

    voorbeelden: list[Voorbeeld] = Field(default_factory=list)
    eisen_wensen: list[EisWens] = Field(default_factory=list)
    trends: list[RequiredLine] = Field(default_factory=list)
    kaarten: list[Kaart] = Field(default_factory=list)
    afsluiting: Afsluiting = Field(default_factory=Afsluiting)

    inspiratie: list[Inspiratie] = Field(default_factory=list)
    ladder: Ladder
    ambitie: Ambitie = Field(default_factory=Ambitie)
    initiatieven: Initiatieven = Field(default_factory=Initiatieven)
    doelgroepen: list[Doelgroep] = Field(default_factory=list)
    criteria: list[Criterium] = Field(default_factory=list)
    opbrengst: Opbrengst = Field(default_factory=Opbrengst)
    evaluatie: Evaluatie = Field(default_factory=Evaluatie)
    deel: Deel = Field(default_factory=Deel)
    verslag: Verslag = Field(default_factory=Verslag)
    #: The rounds in which the room took part from their phones (counts and tallies).
    rondes: list[ZaalRonde] = Field(default_factory=list)

    #: Time box per step in minutes, for the timer.
    tijdvakken: dict[StepKey, Annotated[int, Field(ge=1, le=600)]] = Field(default_factory=dict)
    #: The screen theme chosen for this session (a theme name); empty: the default theme.
    thema: Line = ""
    #: Facilitator-only notes per step; never shown in the presenter view or the summary.
    notities: dict[StepKey, Block] = Field(default_factory=dict)
    huidige_stap: StepKey = "sessie"
    aangemaakt: UtcDateTime = Field(default_factory=now_utc)
    gewijzigd: UtcDateTime = Field(default_factory=now_utc)

    @model_validator(mode="after")
    def _references(self) -> Session:
        """Every reference inside the session points at something that exists."""
        rungs = set(self.ladder.keys())
        voorbeeld_ids = {v.id for v in self.voorbeelden}
        opgave_ids = {o.id for o in self.opgaven}
        kaart_ids = {k.id for k in self.kaarten}

        def rung(key: str | None, where: str) -> None:
            if key is not None and key not in rungs:
                raise ValueError(f"{where}: trede '{key}' staat niet op de gekozen ladder")

        for o in self.opgaven:
            rung(o.nu, f"opgave '{o.titel}' (NU)")
            rung(o.straks, f"opgave '{o.titel}' (STRAKS)")
        rung(self.ambitie.niveau, "ambitie")
        for f in self.ambitie.fracties:
            rung(f.trede, f"fractie '{f.fractie}'")
        for v in self.voorbeelden:
            if v.opgave_id is not None and v.opgave_id not in opgave_ids:
                raise ValueError(f"voorbeeld '{v.titel}' verwijst naar een onbekende opgave")
        for k in self.kaarten:
            if k.bron and k.bron.voorbeeld_id and k.bron.voorbeeld_id not in voorbeeld_ids:
                raise ValueError("een kaart verwijst naar een onbekend voorbeeld")
        if self.afsluiting.gekozen:
            unknown = [i for i in self.afsluiting.gekozen if i not in kaart_ids]
            if unknown:
                raise ValueError("de afsluiting noemt een kaart die niet bestaat")
        for name, items in self._id_lists():
            ids = [getattr(i, "id", None) or getattr(i, "key", None) for i in items]
            if len(ids) != len(set(ids)):
                raise ValueError(f"{name}: twee onderdelen hebben hetzelfde id")
        return self

    def check_references(self) -> None:
        """Raise ValueError (in Dutch) when a reference points at nothing: the whole-session check that
        a change to one list needs, without dumping and validating everything again."""
        self._references()

    def _id_lists(self) -> list[tuple[str, list]]:
        return [
            ("deelnemers", self.deelnemers),
            ("spelregels", self.spelregels),
            ("intake", self.intake),
            ("opgaven", self.opgaven),
            ("voorbeelden", self.voorbeelden),
            ("eisen en wensen", self.eisen_wensen),
            ("kaarten", self.kaarten),
            ("inspiratie", self.inspiratie),
            ("agenda avond 1", self.avond1.agenda),
            ("agenda avond 2", self.avond2.agenda),
            ("fracties", self.ambitie.fracties),
            ("rollen", self.initiatieven.rollen),
            ("reactieafspraken", self.initiatieven.afspraken),
            ("doelgroepen", self.doelgroepen),
            ("criteria", self.criteria),
            ("afspraken", self.opbrengst.afspraken),
            ("actiepunten", self.opbrengst.actiepunten),
            ("vervolg", self.opbrengst.vervolg),
            ("reacties", self.evaluatie.reacties),
        ]

    # Small conveniences used by screens and exporters -------------------------------------

    def kolom(self, kolom: Kolom) -> list[Kaart]:
        """The cards of one column in board order."""
        return sorted((k for k in self.kaarten if k.kolom == kolom), key=lambda k: k.volgorde)

    def touch(self, moment: datetime | None = None) -> None:
        self.gewijzigd = moment or now_utc()
