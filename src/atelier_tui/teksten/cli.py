"""Dutch texts of the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..domain.hygiene import clean_line
from . import store as ts
from .store import describe_validation_error

BESCHRIJVING = (
    "Atelier: werkateliers over participatie en cocreatie met de gemeenteraad, live op het scherm.\n"
    "Zonder opdracht opent Atelier de lijst met sessies."
)
SLOT = "Meer hulp bij een opdracht: atelier OPDRACHT --help"
GEBRUIK = "Gebruik: "
ARGUMENTEN = "Wat u meegeeft"
OPTIES = "Opties"
OPDRACHTEN = "Opdrachten"
HELP = "Toon deze hulp en stop."
SESSIONS_DIR = "Map met sessies (standaard ./sessions, of ATELIER_SESSIONS_DIR)."
NO_MOUSE = "Zet de muis uit (handig via SSH)."
THEMA = (
    "Kleurenthema, bijvoorbeeld projector-licht, projector-donker of hoog-contrast (anders het thema van de sessie)."
)

DEMO = "Open een kopie van de demosessie (gemeente Lindewaard)."
NEW = "Maak een nieuwe sessie en open die."
NEW_NAAM = "Naam van de sessie, bijvoorbeeld 'Lindewaard najaar 2026'."
NEW_GEMEENTE = "Naam van de gemeente."
NEW_NIET_OPENEN = "Alleen maken, niet openen."
OPEN = "Open een sessie."
NAAM_OF_PAD = "Naam van de sessie of pad naar het bestand."
STAP = "Begin bij deze stap: {stappen}."
LIST = "Toon alle sessies."
PRESENT = "Toon een sessie voor de zaal (tweede scherm of beamer), alleen lezen."
PRESENT_UITLEG = (
    "Toont de sessie voor de zaal, in een tweede terminal of een tweede SSH-verbinding. "
    "Volgt de stap van de facilitator en toont nieuwe kaarten binnen een seconde. "
    "Wijzigt niets en laat de sessie vrij voor de facilitator. Stoppen: Ctrl+Q."
)
IMPORT = "Neem een sessie over uit een JSON-bestand van elders."
IMPORT_BESTAND = "Het JSON-bestand."
IMPORT_NAAM = "Bewaar onder deze naam (anders de naam uit het bestand)."
EXPORT = "Schrijf de samenvatting (md of txt) of de hele sessie (json)."
FORMAT = "md: samenvatting voor het verslag; txt: dezelfde samenvatting als platte tekst; json: de volledige sessie."
OUTPUT = "Schrijf naar dit bestand in plaats van naar het scherm (nooit in de map met sessies)."
OVERWRITE = "Vervang het bestand van -o als het al bestaat (een sessie wordt nooit vervangen)."
CHECK = "Controleer of een sessiebestand in orde is."

FOUT = "atelier: {bericht}"
ONTBREEKT = "er ontbreekt iets: {wat}. Zie: atelier --help"
ONBEKEND = "dit begrijp ik niet: {wat}. Zie: atelier --help"
ONGELDIGE_KEUZE = "onbekende keuze {wat}. Kies uit: {keuzes}"
ONGELDIG = "ongeldige invoer: {wat}. Zie: atelier --help"
ONVERWACHT = "er ging iets mis dat niet had mogen gebeuren ({soort}). Er is niets verloren gegaan; meld dit bij de ontwikkelaars."
ONVERWACHT_LOG = (
    "er ging iets mis dat niet had mogen gebeuren ({soort}). Er is niets verloren gegaan. "
    "Wat er gebeurde staat in {pad}; stuur dat bestand naar de ontwikkelaars."
)

GEEN_SESSIES = "Nog geen sessies in {map}. Maak er een met: atelier new NAAM, of probeer: atelier demo"
LIJST_KOP = ("Naam", "Gemeente", "Avond 1", "Avond 2", "Laatst gewijzigd")
GEMAAKT = "Sessie gemaakt: {pad}"
GEIMPORTEERD = "Sessie overgenomen als ‘{naam}’: {pad}"
IMPORT_ANDERE_NAAM = "Er bestond al een sessie met deze naam; de nieuwe heet ‘{naam}’. Er is niets overschreven."
OPGESCHOOND = "{n} tekst(en) opgeschoond: onzichtbare of onveilige tekens zijn weggehaald."
INGEKORT = "{n} tekst(en) waren te lang en zijn ingekort."
GESCHREVEN = "Geschreven naar {pad}"
IN_ORDE = "In orde: {pad} ({naam}, {n} kaarten, versie {versie})."
ALLEEN_LEZEN = "Let op: {reden}"
SCHRIJVEN_MISLUKT = "kon niet schrijven naar {pad}: {detail}"
MAP_ONTBREEKT = "de map waarin het moet komen bestaat niet."
EXPORT_BESTAAT = "{pad} bestaat al. Kies een andere bestandsnaam, of vervang het met --overwrite."
EXPORT_VRAAG = "{pad} bestaat al. Vervangen? [j/N] "
EXPORT_NIETS_GESCHREVEN = "er is niets geschreven; het bestaande bestand is niet veranderd."
JA = ("j", "ja", "y", "yes")
GEEN_TERMINAL = (
    "Atelier heeft een terminal nodig om het scherm te tonen. Zonder terminal werken: "
    "atelier list, atelier export of atelier check."
)
STAP_ONBEKEND = "onbekende stap ‘{stap}’. Kies uit: {stappen}"


# --- Importing -------------------------------------------------------------------------------

NIET_GEVONDEN_BESTAND = "het bestand {pad} bestaat niet."
GEEN_BESTAND = "{pad} is geen gewoon bestand. Geef een JSON-bestand op dat uit Atelier is geëxporteerd."
TE_GROOT = "{pad} is te groot om over te nemen (meer dan {mb} MB). Een sessie van Atelier is veel kleiner."
TE_VEEL = "{pad} bevat te veel onderdelen om over te nemen (meer dan {n}). Een sessie van Atelier bevat er veel minder."
NIET_LEESBAAR = "{pad} kan niet worden gelezen: {waarom}"
GEEN_JSON = "{pad} is geen leesbaar JSON-bestand."
GEEN_JSON_REGEL = "{pad} is geen leesbaar JSON-bestand (fout op regel {regel})."
ONGELDIGE_SESSIE = "{pad} is geen geldige sessie:\n{detail}"
GEEN_SESSIE = "geen sessie van Atelier"


def import_problem(code: Any, path: Path, **d: Any) -> str:
    """The message for an import that cannot be done (``code``: ``store.transfer.ImportProblem``)."""
    pad = clean_line(str(path), limit=120)
    kind = code.value
    if kind == "not-found":
        return NIET_GEVONDEN_BESTAND.format(pad=pad)
    if kind == "not-a-file":
        return GEEN_BESTAND.format(pad=pad)
    if kind == "too-large":
        return TE_GROOT.format(pad=pad, mb=d["limit"] // (1024 * 1024))
    if kind == "too-many-items":
        return TE_VEEL.format(pad=pad, n=f"{d['limit']:,}".replace(",", "."))
    if kind == "cannot-read":
        return NIET_LEESBAAR.format(pad=pad, waarom=ts.read_failure(d["failure"]))
    if kind == "not-json":
        line = d.get("line")
        return GEEN_JSON_REGEL.format(pad=pad, regel=line) if line else GEEN_JSON.format(pad=pad)
    detail = d.get("detail")
    if detail is None:
        text = GEEN_SESSIE
    elif hasattr(detail, "errors"):  # a pydantic ValidationError
        text = describe_validation_error(detail)
    else:  # a MigrationError
        text = str(detail)
    return ONGELDIGE_SESSIE.format(pad=pad, detail=text)


MEEKIJKEN = "het scherm van de zaal in een browser, voor wie op afstand meekijkt"
MEEKIJKEN_UITLEG = (
    "Laat het scherm van de zaal zien in een browser, alleen om te bekijken: wie meekijkt, kan niets "
    "veranderen. Standaard alleen op deze computer; kies met --adres een adres in het netwerk."
)
MEEKIJKEN_ADRES = "het adres waarop meegekeken kan worden (standaard 127.0.0.1: alleen deze computer)"
MEEKIJKEN_POORT = "de poort (standaard: een vrije poort)"
MEEKIJKEN_TITEL = "Atelier – meekijken"
MEEKIJKEN_LINK = "Meekijken kan via deze link (deel hem alleen met wie mag meekijken):\n{url}"
MEEKIJKEN_STOP = "Stoppen: Ctrl+C."
MEEKIJKEN_NETWERK = "Let op: iedereen in het netwerk van {adres} die de link heeft, kan meekijken."
MEEKIJKEN_ADRES_FOUT = (
    "Op adres {adres} kan Atelier niet luisteren. Kies een adres van deze computer, of laat --adres weg."
)
