"""Dutch texts of the step "Delen": the QR code for the room."""

from __future__ import annotations

# Keys (footer and help)
INSTELLEN = "Link instellen"

# The form
FORM_TITEL = "Link en toelichting voor de QR-code"
F_URL = "Link (webadres)"
F_URL_VOORBEELD = "https://www.gemeente.nl/evaluatie"
F_URL_HULP = (
    "Begin met https://. Hoe korter de link, hoe groter en beter te scannen de code; "
    "tot ongeveer 60 tekens past hij ook in een klein venster. Laat leeg om geen code te tonen."
)
F_TOELICHTING = "Toelichting voor de zaal"
F_TOELICHTING_VOORBEELD = "Scan de code voor het evaluatieformulier."

# What the step shows
LEEG = "Er is nog geen link om te delen."
LEEG_HULP = (
    "Druk op  e  om een link in te stellen, bijvoorbeeld naar het evaluatieformulier of het verslag. "
    "De zaal scant de QR-code dan met de camera van de telefoon."
)
TE_KLEIN = "Maak het venster groter om de QR-code te tonen."

# Checking the link
URL_MAX = 150
URL_SPATIE = "Een link mag geen spaties bevatten. Haal de spaties weg."
URL_SCHEMA = "Een link begint met https:// of http://, bijvoorbeeld https://www.gemeente.nl/evaluatie."
URL_SCHEMA_VOORSTEL = "Een link begint met https:// of http://. Bedoelt u: https://{url}"
URL_GEEN_ADRES = "Na {schema}:// ontbreekt het adres van de website, bijvoorbeeld www.gemeente.nl."
URL_ONGELDIG = "Dit is geen geldige link. Controleer het adres, bijvoorbeeld https://www.gemeente.nl/evaluatie."
URL_TE_LANG = (
    "Deze link is te lang: {n} tekens, hoogstens {max}. Een lange link geeft een grote code "
    "die slecht te scannen is; gebruik een kortere link."
)
