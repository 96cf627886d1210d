"""Dutch texts of ``atelier export`` and ``atelier check`` about documents and formats."""

from __future__ import annotations

FORMAT = (
    "md (Markdown), txt (platte tekst voor e-mail), html (voor het raadsinformatiesysteem), "
    "docx (Word), json (de volledige sessie) of csv (actielijst en presentielijst). "
    "Zonder deze optie: md, of csv voor de lijsten."
)
DOCUMENT = (
    "verslag (standaard), bouwstenen (voor de participatieverordening en het beleid), "
    "participatieparagraaf (sjabloon voor raadsvoorstel en startnotitie), actielijst of presentielijst."
)
SJABLOON = "Een Word-bestand van de gemeente waarvan de opmaak wordt gebruikt (alleen bij --format docx)."
BINAIR_NAAR_SCHERM = "Een {formaat}-bestand kan niet op het scherm worden getoond. Geef een bestand met -o, bijvoorbeeld -o verslag.{formaat}"
SJABLOON_ALLEEN_DOCX = "Een sjabloon werkt alleen bij --format docx."
SJABLOON_NIET_GEVONDEN = "Het sjabloon {pad} bestaat niet."
SJABLOON_ONBRUIKBAAR = "Het sjabloon {pad} is geen bruikbaar Word-bestand (.docx). Kies een ander sjabloon."
VERSLAG_MIST = "Voor het verslag ontbreekt nog:"
VERSLAG_COMPLEET = "Het verslag is compleet: datum, tijden, plaats, voorzitter, aanwezigen en doelen zijn ingevuld."
