"""Dutch texts of the verslag and the council's next documents (every format).

The register is that of a verslag of a beeldvormende bijeenkomst: third person, past tense, no
"we", never decision language (only a raadsbesluit speaks for the raad). Dot votes are "punten",
agreements are "richtinggevende uitkomsten", a task for the college is a "toezegging".
"""

from __future__ import annotations

from .velden import BEREIKT as BEREIK_WAARDEN
from .velden import VELD

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

# --- The head ---------------------------------------------------------------------------------

TITEL = "Verslag werkateliers participatie en cocreatie – gemeenteraad {gemeente}"
SOORT = VELD["soort_bijeenkomst"]
SOORT_TEKST = "beeldvormende bijeenkomst; er zijn geen besluiten genomen"
OPENBAARHEID = "Openbaarheid"
OPENBAAR = {True: "openbaar", False: "besloten"}
STATUS = "Status"
STATUS_LABEL = {"concept": "concept", "definitief": "definitief"}
STATUS_DOOR = "{status}, opgesteld door {wie}"
AVOND_1 = "Werkatelier 1"
AVOND_2 = "Werkatelier 2"
VOORZITTER = "Voorzitter"
FACILITATOR = "Gespreksleider"
DOEL = "Doel"
PROGRAMMA = "Programma"
MINUTEN = "{n} min."

AANWEZIG = "Aanwezigen"
AANWEZIG_INTRO = "Aanwezig op beide avonden, tenzij anders vermeld."
ALLEEN_1 = "alleen werkatelier 1"
ALLEEN_2 = "alleen werkatelier 2"
AFWEZIG = "Afwezig"
AFGEMELD = "Met bericht van verhindering"
NIET_AFGEMELD = "Zonder bericht van verhindering"
AFWEZIG_OP = "{naam} ({avonden})"
BEIDE_AVONDEN = "beide avonden"
GROEP_RAADSLEDEN = "Raadsleden"
GROEP_BURGERRAADSLEDEN = "Burgerraadsleden"
GROEP_COLLEGE = "Namens het college"
GROEP_GRIFFIE = "Griffie"
GROEP_AMBTELIJK = "Ambtelijke ondersteuning"
GROEP_OVERIG = "Overige aanwezigen"
ZONDER_FRACTIE = "Zonder fractie"
AMBTENAAR_ZONDER_FUNCTIE = "ambtelijk ondersteuner"
PERSOONLIJKE_TITEL = "De deelnemers spraken op persoonlijke titel; wat zij inbrachten, bindt hun fractie niet."

# --- Belangrijkste uitkomsten -----------------------------------------------------------------

UITKOMSTEN = "Belangrijkste uitkomsten"
ANTWOORDEN = "De vijf vragen van de werkateliers"
RICHTING = "Richtinggevende uitkomsten"
RICHTING_INTRO = (
    "De aanwezigen gaven de volgende richtinggevende uitkomsten mee. Het zijn geen besluiten; "
    "ze zijn bedoeld als bouwstenen voor het participatiebeleid en de participatieverordening."
)
TOEZEGGINGEN = "Toezeggingen"
TOEZEGGINGEN_INTRO = "Toezeggingen van het college tijdens de werkateliers."
ACTIEPUNTEN = VELD["actiepunten"]
ACTIEPUNTEN_INTRO = "Acties voor raad, griffie en werkgroep."
NR = "Nr."
WIE = VELD["wie"]
WAT = VELD["wat"]
WANNEER = VELD["wanneer"]
STATUS_KOLOM = "Status"
ACTIE_STATUS = {"open": "open", "loopt": "loopt", "afgedaan": "afgedaan"}
SOORT_ACTIE = {"actie": "actie", "toezegging": "toezegging"}
NUMMER_PREFIX = {"actie": "A", "toezegging": "T"}
VERGADERING = "Bijeenkomst"
VERVOLG = VELD["vervolg"]

# --- The evenings -----------------------------------------------------------------------------

WERKATELIER_1 = "Werkatelier 1 – participatie nu"
WERKATELIER_2 = "Werkatelier 2 – participatieniveau straks"
VOORBEELDEN = "Voorbeelden uit de eigen praktijk"
VOORBEELDEN_GOED = "Goede voorbeelden"
VOORBEELDEN_MINDER = "Minder goede voorbeelden"
LES = "Les"
EISEN_WENSEN = "Eisen en wensen"
EISEN = "Eisen"
WENSEN = VELD["wensen"]
SOORT_KOLOM = "Soort"
CATEGORIE = VELD["onderwerp"]
TEKST = VELD["omschrijving"]
VAN = VELD["van"]
KANSEN_KNELPUNTEN = "Kansen en knelpunten"
KANSEN = "Kansen"
KNELPUNTEN = "Knelpunten"
KAART = VELD["omschrijving"]
PUNTEN = "Punten"
THEMA = "Thema"
BRON = "Bron"
PUNTEN_STANDAARD = (
    "De aanwezigen gaven punten aan de kaarten die zij het belangrijkst vonden; de punten zijn geteld bij handopsteken."
)
PUNTEN_VERWIJZING = "Alle kaarten met hun punten staan in de bijlage."
MEESTE_PUNTEN_KANSEN = "Kansen met de meeste punten"
MEESTE_PUNTEN_KNELPUNTEN = "Knelpunten met de meeste punten"
MEEGENOMEN = "Meegenomen naar werkatelier 2"
BRON_LABEL = {"voorbeeld": "voorbeeld", "trend": "trend", "eigen-ervaring": "eigen ervaring"}
INSPIRATIE = VELD["inspiratie"]
LADDER = "Opgaven op de {ladder}"
OPGAVE = "Opgave"
NU = "Huidige trede"
STRAKS = "Gewenste trede"
TOELICHTING = VELD["toelichting"]
TOELICHTING_PER_OPGAVE = "Toelichting per opgave"
AMBITIE = "Ambitie"
AMBITIENIVEAU = "Uitgangspunt"
KEUZE = VELD["keuze"]
REGEL = "Regel voor de keuze van de trede"
FRACTIES = "Posities van de fracties"
FRACTIE = VELD["fractie"]
NIVEAU = VELD["trede"]
INITIATIEVEN = "Rol bij initiatieven van inwoners"
ROL_GEKOZEN = "De aanwezigen zagen voor de gemeente vooral deze rol:"
ROLLEN_GEKOZEN = "De aanwezigen zagen voor de gemeente vooral deze rollen:"
REACTIE = "Suggesties voor de reactie op initiatieven"
ONDERWERP = VELD["onderwerp"]
AFSPRAAK = "Suggestie"
UNUSUAL_EERST = "moeilijk bereikbare groepen (de zogenoemde unusual suspects)"
UNUSUAL = "moeilijk bereikbare groepen"
UNUSUAL_KOP = "Bereik van {groepen}"
DOELGROEP = VELD["groep"]
BEREIKT = VELD["bereikt"]
HOE = VELD["hoe_bereiken"]
ACTIE_RAAD = "Suggestie van de aanwezigen"
DRAAGVLAK = "Toetsing van draagvlak"
DRAAGVLAK_INTRO = "De aanwezigen bespraken deze criteria om te beoordelen of een proces draagvlak had:"
CRITERIUM = VELD["criterium"]
TOETS = "Hoe dit te toetsen"
GELDT_VOOR = VELD["geldt_voor"]
EVALUATIE = "Evaluatie"
EVALUATIE_ANONIEM = "Deelnemers noemden onder meer:"

# --- Bijlage ----------------------------------------------------------------------------------

BIJLAGE = "Bijlage {n} – {titel}"
BIJLAGE_KAARTEN = "kansen en knelpunten met hun punten"
BIJLAGE_TREDEN = "de treden van de {ladder}"
TREDEN_INTRO = "Wat elke gebruikte trede de gemeente toezegt:"

# --- Labels also used on screen ----------------------------------------------------------------

ROL_LABEL = {
    "raadslid": "Raadslid",
    "burgerraadslid": "Burgerraadslid",
    "griffier": "Griffier",
    "wethouder": "Wethouder",
    "ambtenaar": "Ambtenaar",
    "anders": "Anders",
}
EIS_WENS_LABEL = {"eis": "Eis", "wens": "Wens"}
VAN_LABEL = {"inwoners": "Inwoners", "raad": "Raad", "beide": "Inwoners en raad"}
KOLOM_LABEL = {"kans": "Kans", "knelpunt": "Knelpunt"}
KEUZE_LABEL = {"een-lijn": "één lijn voor alle opgaven", "per-opgave": "een trede per opgave"}
BEREIK_LABEL = {**BEREIK_WAARDEN, "": ""}

# --- Checks before export ---------------------------------------------------------------------

ONTBREEKT_DATUM = "De datum van {avond} ontbreekt."
ONTBREEKT_BEGIN = "De begintijd van {avond} ontbreekt."
ONTBREEKT_EIND = "De eindtijd van {avond} ontbreekt."
ONTBREEKT_PLAATS = "De plaats van {avond} ontbreekt."
ONTBREEKT_DOEL = "Het doel van {avond} ontbreekt."
ONTBREEKT_VOORZITTER = "Het verslag noemt geen voorzitter of gespreksleider."
ONTBREEKT_VERSLAGLEGGER = "Het verslag noemt niet wie het heeft opgesteld."
ONTBREEKT_GEMEENTE = "De naam van de gemeente ontbreekt."
ONTBREEKT_AANWEZIGEN = "Er zijn nog geen aanwezigen ingevuld."
ACTIE_AFWEZIG = "Actiepunt {nr} noemt {naam}, maar die was afwezig op {avond}, toen het werd afgesproken."
TE_VEEL_CIJFERS = "Er zijn {cijfers} waarderingen gegeven, maar op {avond} waren maar {n} deelnemers aanwezig."

# --- Bouwstenen -------------------------------------------------------------------------------

BOUWSTENEN_TITEL = "Bouwstenen voor de participatieverordening en het participatiebeleid – gemeente {gemeente}"
BOUWSTENEN_INTRO = (
    "Dit document zet per onderwerp van de participatieverordening en het participatiebeleid op een rij "
    "welke richting de werkateliers gaven, waar fracties verschilden en welke keuzes de raad nog moet maken. "
    "De werkateliers waren beeldvormend; er zijn geen besluiten genomen."
)
RICHTING_KOP = "Richting uit de werkateliers"
VERSCHIL_KOP = "Waar fracties verschilden"
KEUZES_KOP = "Keuzes die de raad nog maakt"
NIET_BESPROKEN = "Niet besproken in de werkateliers"
NIET_BESPROKEN_INTRO = "Over deze onderwerpen gaven de werkateliers nog geen richting:"
ALLES_BESPROKEN = "De werkateliers gaven over alle onderwerpen richting."
ONDERWERPEN = (
    (
        "trede",
        "Wanneer participatie en op welke trede per soort opgave",
        "Welke trede geldt als uitgangspunt, wanneer wordt daarvan afgeweken en wie stelt de trede per opgave vast?",
    ),
    (
        "spelregels",
        "Spelregels vooraf en terugkoppeling",
        "Wat staat vooraf vast in de uitnodiging, en hoe en wanneer horen deelnemers wat er met hun inbreng is gedaan?",
    ),
    (
        "rol-raad",
        "De rol van de raad: kaders vooraf, verantwoording achteraf",
        "Welke kaders geeft de raad vooraf mee in een startnotitie, en wat moet de participatieparagraaf "
        "van het raadsvoorstel achteraf verantwoorden?",
    ),
    (
        "overheidsparticipatie",
        "Overheidsparticipatie: rol bij initiatieven en reactieafspraken",
        "Welke rol neemt de gemeente aan bij initiatieven van inwoners, met welk aanspreekpunt en welke reactietermijn?",
    ),
    (
        "uitdaagrecht",
        "Het uitdaagrecht en de voorwaarden",
        "Aan welke voorwaarden toetst de gemeente een uitdaging, en binnen welke termijn volgt een beslissing?",
    ),
    (
        "bereik",
        "Het bereiken van moeilijk bereikbare groepen",
        "Welke groepen worden gericht benaderd, met welke middelen, en hoe wordt dit in elk traject verantwoord?",
    ),
    (
        "draagvlak",
        "De toets van draagvlak",
        "Aan welke criteria toetst de raad of een proces draagvlak had, en wat staat daarover in het raadsvoorstel?",
    ),
    (
        "evaluatie",
        "Evaluatie van de verordening",
        "Wanneer en hoe wordt de verordening geëvalueerd, en wie wordt daarbij betrokken?",
    ),
)

# --- Participatieparagraaf --------------------------------------------------------------------

PARAGRAAF_TITEL = "Sjabloon participatieparagraaf en startnotitie participatie – gemeente {gemeente}"
PARAGRAAF_INTRO = (
    "Dit sjabloon is opgebouwd uit de richting die de werkateliers gaven: de ladder, de regel voor de keuze "
    "van de trede en de criteria voor draagvlak. Vul de open plekken (….) in per raadsvoorstel."
)
STARTNOTITIE = "Startnotitie participatie (vooraf)"
PARAGRAAF = "Participatieparagraaf van het raadsvoorstel (achteraf)"
INVULLEN = "…."
STARTNOTITIE_VRAGEN = (
    ("Opgave", "Naam en korte omschrijving van de opgave: …."),
    ("Gekozen trede", "De trede op de {ladder}: …. Waarom deze trede: …."),
    ("Wat vastligt", "Kaders, budget, wettelijke grenzen en eerdere besluiten: …."),
    ("Wie mee kan doen", "Welke groepen worden uitgenodigd en hoe, ook moeilijk bereikbare groepen: …."),
    ("Rol van de raad", "Wat de raad vooraf meegeeft en wanneer hij weer aan zet is: …."),
    ("Terugkoppeling", "Hoe en wanneer deelnemers horen wat er met hun inbreng is gedaan: …."),
)
PARAGRAAF_VRAGEN = (
    ("Gekozen trede", "De trede die is toegepast: …. Afwijking van de startnotitie en waarom: …."),
    ("Wie deed mee en wie niet", "Deelnemers, bereikte groepen en ontbrekende groepen: …."),
    ("Belangrijkste inbreng", "De belangrijkste inbreng: …."),
    ("Wat is er met de inbreng gedaan", "Per punt: overgenomen of niet, en waarom: …."),
    ("Terugkoppeling", "Hoe en wanneer de deelnemers zijn geïnformeerd: …."),
    ("Draagvlak", "Inschatting van het draagvlak (groot, beperkt of geen) en waarop die rust: …."),
)
LADDER_REFERENTIE = "Treden van de {ladder}"
REGEL_REFERENTIE = "Regel voor de keuze van de trede"
CRITERIA_REFERENTIE = "Criteria voor draagvlak"
CRITERIA_VRAAG = "{naam}: …."

# --- Actielijst and presentielijst ------------------------------------------------------------

ACTIELIJST_TITEL = "Actielijst werkateliers participatie – gemeente {gemeente}"
ACTIELIJST_LEEG = "Er zijn geen toezeggingen of actiepunten vastgelegd."
ACTIELIJST_KOP = ("nummer", "bijeenkomst", "soort", "wie", "wat", "wanneer", "status")
PRESENTIELIJST_TITEL = "Presentielijst werkateliers participatie – gemeente {gemeente}"
PRESENTIELIJST_KOP = ("bijeenkomst", "datum", "naam", "fractie", "rol", "aanwezig", "bericht van verhindering")
PRESENTIELIJST_KOLOMMEN = ("Naam", "Fractie", "Aanwezig", "Bericht van verhindering")
JA_NEE = {True: "ja", False: "nee"}


# --- Templates with singular and plural --------------------------------------------------------


def punten(n: int) -> str:
    return "1 punt" if n == 1 else f"{n} punten"


def stemmen(n: int) -> str:
    """Kept for the screens that still show a count of hands; the verslag says "punten"."""
    return punten(n)


def getal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def cijfers(total: int, average: float, counts: list[int]) -> str:
    spread = ", ".join(f"{c}× een {i}" for i, c in enumerate(counts, 1) if c)
    wie = "1 deelnemer gaf" if total == 1 else f"{total} deelnemers gaven"
    return f"{wie} een waardering op een schaal van 1 tot 5, gemiddeld {getal(average)} ({spread})."


def geen_cijfers() -> str:
    return "Er zijn geen waarderingen gegeven."


# --- Formats and documents ----------------------------------------------------------------------

ONBEKEND_DOCUMENT = "Het document ‘{document}’ bestaat niet. Kies uit: {documenten}."
FORMAAT_NIET = "Het document ‘{document}’ is er niet als {formaat}. Kies uit: {formaten}."


# --- Rondes met de telefoon ("de zaal doet mee") ---------------------------------------------

PEILING = "Dit was een peiling, geen stemming."
UIT_DE_ZAAL = "uit de zaal"
LADDER_ZAAL_KOP = "Peiling in de zaal"
LADDER_ZAAL_NU = "Huidige trede volgens de zaal"
LADDER_ZAAL_STRAKS = "Gewenste trede volgens de zaal"


def _aantal(n: int, een: str, meer: str) -> str:
    return f"1 {een}" if n == 1 else f"{n} {meer}"


def zaal_kaarten(ontvangen: int, getoond: int, niet: int, wat: str = "kaarten") -> str:
    """A sentence on texts sent from phones: how many came in, how many were shown, and not."""
    een = {"kaarten": "kaart", "reacties": "reactie"}[wat]
    open_ = max(0, ontvangen - getoond - niet)
    parts = []
    if getoond:
        parts.append(f"{getoond} {'is' if getoond == 1 else 'zijn'} getoond")
    if niet:
        parts.append(f"{niet} niet")
    if open_:
        parts.append(f"{open_} {'is' if open_ == 1 else 'zijn'} nog niet bekeken")
    spread = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
    return (
        f"Via de telefoon kwamen {_aantal(ontvangen, een, wat)} binnen; de gespreksleider bekeek ze vooraf: {spread}."
    )


def zaal_punten(telefoons: int, budget: int) -> str:
    wie = _aantal(telefoons, "deelnemer", "deelnemers")
    return f"{wie} {'verdeelde' if telefoons == 1 else 'verdeelden'} via de telefoon elk {punten(budget)} over de kaarten; die punten zijn meegeteld."


def zaal_ladder(telefoons: int) -> str:
    wie = _aantal(telefoons, "deelnemer", "deelnemers")
    return (
        f"{wie} {'plaatste' if telefoons == 1 else 'plaatsten'} via de telefoon de opgaven op de ladder, nu en straks."
    )


def zaal_cijfers(telefoons: int) -> str:
    return f"Van hen {'gaf' if telefoons == 1 else 'gaven'} {telefoons} het cijfer via de telefoon."


def verdeling(counts: dict[str, int], names: dict[str, str]) -> str:
    """ "raadplegen 7, informeren 2": most phones first, then in ladder order."""
    order = list(names)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], order.index(kv[0]) if kv[0] in order else 99))
    return ", ".join(f"{names.get(k, k)} {n}" for k, n in ranked if n)
