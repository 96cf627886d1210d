"""Dutch texts of the screens."""

from __future__ import annotations

TITEL = "Atelier"
ONDERTITEL = "Werkateliers participatie en cocreatie"

# Bindings (footer and help)
AFSLUITEN = "Afsluiten"
HULP = "Hulp"
OPENEN = "Openen"
NIEUW = "Nieuw"
WEGZETTEN = "Weggooien"
DEMO = "Demo"
VOLGENDE = "Volgende stap"
VORIGE = "Vorige stap"
SESSIES = "Sessies"
TERUG = "Terug"
BEVESTIG = "Ja"
ANNULEER = "Nee"
ANNULEREN = "Annuleren"
SLUITEN = "Sluiten"
OPDRACHTEN = "Opdrachten"
ZOEK_OPDRACHT = "Zoek een stap of opdracht…"
NAAR_STAP = "Stap: {stap}"
SESSIES_UITLEG = "Terug naar de lijst met sessies."
HULP_UITLEG = "Alle toetsen van dit scherm."
AFSLUITEN_UITLEG = "Atelier afsluiten. Alles is al bewaard."

# Home screen
HOME_KOP = "Sessies"
HOME_LEEG = (
    "Er zijn nog geen sessies in deze map.\n\n"
    "Druk op  n  voor een nieuwe sessie, of op  m  voor een kopie van de demosessie."
)
HOME_MAP = "Map: {map}"
KOLOMMEN = ("Naam", "Gemeente", "Avonden", "Laatst gewijzigd")
ONLEESBAAR = "onleesbaar"

NIEUW_KOP = "Nieuwe sessie"
NIEUW_NAAM = "Naam van de sessie"
NIEUW_NAAM_VOORBEELD = "bijvoorbeeld: Lindewaard najaar 2026"
NIEUW_GEMEENTE = "Gemeente"
NIEUW_GEMEENTE_VOORBEELD = "bijvoorbeeld: Lindewaard"
NIEUW_MAKEN = "Maken"
NIEUW_NAAM_LEEG = "Geef de sessie een naam."
NIEUW_BESTAAT = "Er is al een sessie met deze naam. Kies een andere naam."

WEG_VRAAG = "Sessie ‘{naam}’ weggooien?\n\nHij gaat naar de prullenbak in de sessiemap ({map}) en is daar terug te halen."
WEG_GEDAAN = "‘{naam}’ staat nu in de prullenbak: {pad}"

BESCHADIGD_KOP = "Dit sessiebestand is beschadigd"
RESERVE_TERUG = "Reserve terugzetten"
RESERVE_NIET = "Niet nu"
RESERVE_GEDAAN = "De reserve is teruggezet."

# Session screen
STAPPEN = "Stappen"
STAP_OPENEN = "Stap openen"
OPGESLAGEN = "opgeslagen"
NIET_OPGESLAGEN = "NIET OPGESLAGEN"
ALLEEN_LEZEN = "alleen lezen"
ALLEEN_LEZEN_MELDING = "Alleen lezen: {reden}"
NOG_GEEN_SCHERM = (
    "Voor deze stap is nog geen invoerscherm. Wat al in de sessie staat, blijft bewaard "
    "en komt in de samenvatting."
)
HUIDIG = "{gemeente} · {groep} · {stap}"

HULP_KOP = "Toetsen"
HULP_SLOT = "Druk op Escape om terug te gaan."
