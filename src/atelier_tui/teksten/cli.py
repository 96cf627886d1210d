"""Dutch texts of the command line."""

from __future__ import annotations

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
OUTPUT = "Schrijf naar dit bestand in plaats van naar het scherm."
CHECK = "Controleer of een sessiebestand in orde is."

FOUT = "atelier: {bericht}"
ONTBREEKT = "er ontbreekt iets: {wat}. Zie: atelier --help"
ONBEKEND = "dit begrijp ik niet: {wat}. Zie: atelier --help"
ONGELDIGE_KEUZE = "onbekende keuze {wat}. Kies uit: {keuzes}"
ONGELDIG = "ongeldige invoer: {wat}. Zie: atelier --help"
ONVERWACHT = "er ging iets mis dat niet had mogen gebeuren ({soort}). Er is niets verloren gegaan; meld dit bij de ontwikkelaars."

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
NIET_GEVONDEN_BESTAND = "het bestand {pad} bestaat niet."
GEEN_JSON = "{pad} is geen leesbaar JSON-bestand ({detail})."
ONGELDIGE_SESSIE = "{pad} is geen geldige sessie:\n{detail}"
SCHRIJVEN_MISLUKT = "kon niet schrijven naar {pad}: {detail}"
GEEN_TERMINAL = (
    "Atelier heeft een terminal nodig om het scherm te tonen. Zonder terminal werken: "
    "atelier list, atelier export of atelier check."
)
STAP_ONBEKEND = "onbekende stap ‘{stap}’. Kies uit: {stappen}"
