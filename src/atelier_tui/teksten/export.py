"""Dutch texts of the outcome summary (Markdown and plain text)."""

from __future__ import annotations

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

TITEL = "Werkateliers participatie en cocreatie – {gemeente}"
SOORT = "Soort bijeenkomst"
AVOND_1 = "Werkatelier 1"
AVOND_2 = "Werkatelier 2"
FACILITATOR = "Begeleiding"
AANWEZIG = "Aanwezig"
DOEL = "Doel en vragen"
DOEL_VRAGEN = (
    "De werkateliers zijn beeldvormend: de raad neemt hier geen besluiten. "
    "Ze geven richting aan het participatiebeleid en de participatieverordening aan de hand van vijf vragen:"
)
WERKATELIER_1 = "Werkatelier 1 – Participatie nu"
WERKATELIER_2 = "Werkatelier 2 – Participatieniveau straks"
VOORBEELDEN_GOED = "Goede voorbeelden"
VOORBEELDEN_MINDER = "Minder goede voorbeelden"
LES = "Wat we ervan leren"
EISEN_WENSEN = "Eisen en wensen"
SOORT_KOLOM = "Soort"
CATEGORIE = "Onderwerp"
TEKST = "Omschrijving"
VAN = "Van wie"
KANSEN = "Kansen"
KNELPUNTEN = "Knelpunten"
KAART = "Omschrijving"
STEMMEN = "Stemmen"
THEMA = "Thema"
MEEGENOMEN = "Meegenomen naar werkatelier 2"
INSPIRATIE = "Inspiratie uit de praktijk"
LADDER = "{ladder}: per opgave nu en straks"
OPGAVE = "Opgave"
NU = "Nu"
STRAKS = "Straks"
TOELICHTING = "Toelichting"
AMBITIE = "Ambitie"
AMBITIENIVEAU = "Ambitieniveau"
KEUZE = "Werkwijze"
REGEL = "Hoe het niveau per opgave wordt gekozen"
FRACTIE = "Fractie"
NIVEAU = "Niveau"
INITIATIEVEN = "Rol bij bewonersinitiatieven"
ROL_GEKOZEN = "De rol die de raad voor de gemeente ziet:"
ONDERWERP = "Onderwerp"
AFSPRAAK = "Voorstel"
UNUSUAL = "Unusual suspects: wie bereiken we?"
DOELGROEP = "Groep"
BEREIKT = "Nu bereikt"
HOE = "Hoe te bereiken"
ACTIE_RAAD = "Wat de raad doet"
DRAAGVLAK = "Toetsing van draagvlak"
CRITERIUM = "Criterium"
TOETS = "Hoe de raad dit toetst"
GELDT_VOOR = "Geldt voor"
OPBRENGST = "Opbrengst: antwoorden op de vijf vragen"
AFSPRAKEN = "Afspraken"
AFSPRAKEN_INTRO = "Afspraken om verder uit te werken; het zijn geen raadsbesluiten."
ACTIEPUNTEN = "Actiepunten"
WIE = "Wie"
WAT = "Wat"
WANNEER = "Wanneer"
VERVOLG = "Vervolg"
EVALUATIE = "Evaluatie"

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
KEUZE_LABEL = {"een-lijn": "één lijn voor alle opgaven", "per-opgave": "een niveau per opgave"}
BEREIK_LABEL = {"ja": "ja", "deels": "deels", "nee": "nee", "": ""}


def stemmen(n: int) -> str:
    return "1 stem" if n == 1 else f"{n} stemmen"


def cijfers(total: int, average: float, counts: list[int]) -> str:
    spread = ", ".join(f"{i}: {c}×" for i, c in enumerate(counts, 1) if c)
    gemiddeld = f"{average:.1f}".replace(".", ",")
    wie = "1 deelnemer" if total == 1 else f"{total} deelnemers"
    return f"{wie} gaven een cijfer van 1 tot 5; gemiddeld {gemiddeld} ({spread})."
