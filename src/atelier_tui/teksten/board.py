"""Dutch texts of the kansen/knelpunten board (step "Kansen en knelpunten")."""

from __future__ import annotations

# Columns
KOLOM_TITEL = {"kans": "Kansen", "knelpunt": "Knelpunten"}
AANTAL_KAARTEN = "{n} kaarten"
EEN_KAART = "1 kaart"
LEGE_KOLOM = "Nog geen {soort}. Typ onderaan wat er gezegd wordt en druk op Enter."
ZONDER_THEMA = "Zonder thema"

# How a card shows its source
UIT_DE_ZAAL = "uit de zaal"
BRON_KORT = {
    "voorbeeld": "uit: {titel}",
    "trend": "trend: {trend}",
    "eigen-ervaring": "eigen ervaring",
}
ONBEKEND_VOORBEELD = "een voorbeeld"

# Keys (footer and help). The footer shows the short ones; the help lists them all.
OP_HET_BORD = "Op het bord"
ANDERE_KOLOM = "Andere kolom"
WEGLEGGEN = "Tekst wegleggen"
AANPASSEN = "Aanpassen"
WEGHALEN = "Weghalen"
ONGEDAAN = "Ongedaan maken"
STEM_ERBIJ = "Stem erbij"
STEM_ERAF = "Stem eraf"
STEMMEN = "Stemmen"
STEMMEN_TYPEN = "Aantal stemmen typen"
THEMA = "Thema"
PER_THEMA = "Per thema"
BRON = "Bron"
NAAR_KNELPUNTEN = "Kaart naar knelpunten"
NAAR_KANSEN = "Kaart naar kansen"
KOLOM_KANSEN = "Kolom kansen"
KOLOM_KNELPUNTEN = "Kolom knelpunten"
VORIGE_KAART = "Vorige kaart"
VOLGENDE_KAART = "Volgende kaart"
EERSTE_KAART = "Eerste kaart"
LAATSTE_KAART = "Laatste kaart"
OMHOOG = "Kaart omhoog schuiven"
OMLAAG = "Kaart omlaag schuiven"

# Typing a card: the capture line under the board. Titles built from a noun follow its article:
# "het knelpunt" gives "Nieuw knelpunt", "de kans" gives "Nieuwe kans".
NIEUW_TITEL = {"kans": "Nieuwe kans", "knelpunt": "Nieuw knelpunt"}
NIEUW_UITLEG = {
    "kans": "Enter bewaart · Tab: knelpunt",
    "knelpunt": "Enter bewaart · Tab: kans",
}
KAART_AANPASSEN_TITEL = "Kaart aanpassen"
AANPASSEN_UITLEG = "Enter bewaart · Esc: wegleggen"
STEMMEN_TITEL = "Stemmen voor deze kaart (nu {n})"
STEMMEN_UITLEG = "Enter bewaart · Esc annuleert"
STEMMEN_PLACEHOLDER = "Typ het aantal, bijvoorbeeld 12"
ALLEEN_CIJFERS = "Typ alleen cijfers voor het aantal stemmen."
TYP_HIER = "Typ wat er gezegd wordt…"
HULP_REGEL = (
    "Lege regel: ↑↓ kaart kiezen · + − stem · = aantal stemmen · Del weghalen · Ctrl+E aanpassen · F1 alle toetsen"
)
LEGE_KAART = "Een kaart kan niet leeg zijn. Wilt u hem weghalen? Maak de regel leeg en druk op Del."
EERST_REGEL = "Er staat nog tekst in de regel. Druk eerst op Enter (op het bord) of Esc (wegleggen)."
WEGGELEGD = "De tekst is weggelegd. Ctrl+Z haalt hem terug."
TERUG_IN_REGEL = "De weggelegde tekst staat weer in de regel."
WACHT_OP_OPSLAAN = "Nog niet opgeslagen (Atelier probeert het steeds opnieuw): ‘{tekst}’"
KAART_BEWAARD = "De kaart is alsnog opgeslagen en staat nu op het bord."

# Messages after a change
GEEN_KAART = "Er is nog geen kaart gekozen."
VERWIJDERD = "Kaart weggehaald. Ctrl+Z zet hem terug."
NIETS_ONGEDAAN = "Er is niets meer om ongedaan te maken."
ONGEDAAN_GEDAAN = "Ongedaan gemaakt: {wat}."
AL_IN_KOLOM = "Deze kaart staat al bij de {kolom}."
ANDER_THEMA = "Schuiven tussen thema's kan niet in deze weergave. Ctrl+G laat de thema's los."

# What a change was, for the undo message
WIJZIGING = {
    "nieuw": "nieuwe kaart",
    "tekst": "tekst aangepast",
    "weg": "kaart weggehaald",
    "kolom": "kaart naar de andere kolom",
    "volgorde": "kaart verschoven",
    "stem": "stemmen",
    "thema": "thema",
    "bron": "bron",
}

# Choosing a theme
THEMA_KOP = "Thema van deze kaart"
THEMA_INVOER = "Typ het thema"
THEMA_UITLEG = "Enter bewaart · leeg: geen thema · Esc annuleert"
THEMAS_IN_GEBRUIK = "In gebruik: {themas}"

# Choosing a source
BRON_KOP = "Waar komt deze kaart vandaan?"
BRON_INVOER = "Typ een deel van de naam, of een nieuwe trend"
BRON_UITLEG = "↑↓ kiest · Enter bewaart · Esc annuleert"
BRON_GEKOZEN = "Enter kiest: {bron}   (↑↓ voor een andere)"
BRON_NIEUWE_TREND = "Niets in de lijst past: Enter bewaart wat u typt als trend."
BRON_OPTIE_VOORBEELD = "Voorbeeld: {titel}"
BRON_OPTIE_TREND = "Trend: {trend}"
BRON_OPTIE_EIGEN = "Eigen ervaring"
GEEN_BRON = "Geen bron"

# Cards out of sight, on the first and last line of a column
MEER_BOVEN = "▲"
MEER_ONDER = "▼"
KAART_N = "{n} kaart"
KAARTEN_N = "{n} kaarten"
OP_PUNTEN = "Op punten"
