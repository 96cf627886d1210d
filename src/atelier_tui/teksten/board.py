"""Dutch texts of the kansen/knelpunten board (step "Kansen en knelpunten")."""

from __future__ import annotations

# Columns
KOLOM_TITEL = {"kans": "Kansen", "knelpunt": "Knelpunten"}
KOLOM_ENKELVOUD = {"kans": "kans", "knelpunt": "knelpunt"}
AANTAL_KAARTEN = "{n} kaarten"
EEN_KAART = "1 kaart"
LEGE_KOLOM = "Nog geen {soort}. Druk op n om er een op te schrijven."
ZONDER_THEMA = "Zonder thema"

# How a card shows its source
BRON_KORT = {
    "voorbeeld": "uit: {titel}",
    "trend": "trend: {trend}",
    "eigen-ervaring": "eigen ervaring",
}
ONBEKEND_VOORBEELD = "een voorbeeld"

# Keys (footer and help). The footer shows the short ones; the help lists them all.
NIEUW = "Nieuw"
AANPASSEN = "Aanpassen"
WEGHALEN = "Weghalen"
ONGEDAAN = "Ongedaan maken"
STEM_ERBIJ = "Stem erbij"
STEM_ERAF = "Stem eraf"
STEMMEN = "Stemmen"
STEMMEN_TYPEN = "Aantal stemmen typen (1 en 2 snel na elkaar = 12)"
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
ANNULEREN = "Annuleren"
NAAR_LIJST = "Naar de lijst"

# Typing a card
NIEUWE_KAART_TITEL = "Nieuwe {soort} · Enter bewaart · Esc annuleert"
KAART_AANPASSEN_TITEL = "Kaart aanpassen · Enter bewaart · Esc annuleert"
TYP_HIER = "Typ wat er gezegd wordt…"
LEGE_KAART = "Een kaart kan niet leeg zijn. Wilt u hem weghalen? Druk dan op d."
WACHT_OP_OPSLAAN = "Nog niet opgeslagen (Atelier probeert het steeds opnieuw): ‘{tekst}’"
KAART_BEWAARD = "De kaart is alsnog opgeslagen en staat nu op het bord."

# Messages after a change
GEEN_KAART = "Er is nog geen kaart gekozen."
VERWIJDERD = "Kaart weggehaald. Druk op u om hem terug te zetten."
NIETS_ONGEDAAN = "Er is niets meer om ongedaan te maken."
ONGEDAAN_GEDAAN = "Ongedaan gemaakt: {wat}."
AL_IN_KOLOM = "Deze kaart staat al bij de {kolom}."
ANDER_THEMA = "Schuiven tussen thema's kan niet in deze weergave. Druk op t om de thema's los te laten."

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
THEMA_INVOER = "Typ een nieuw thema, of kies hieronder een bestaand thema"
THEMA_UITLEG = "Enter bewaart wat u typt · pijl omlaag kiest uit de lijst · Esc annuleert"
GEEN_THEMA = "Geen thema"

# Choosing a source
BRON_KOP = "Waar komt deze kaart vandaan?"
BRON_INVOER = "Typ een andere trend, of kies hieronder"
BRON_UITLEG = "Enter bewaart de getypte trend · pijl omlaag kiest uit de lijst · Esc annuleert"
BRON_OPTIE_VOORBEELD = "Voorbeeld: {titel}"
BRON_OPTIE_TREND = "Trend: {trend}"
BRON_OPTIE_EIGEN = "Eigen ervaring"
GEEN_BRON = "Geen bron"
