"""Dutch texts of a round with phones on the facilitator's and the room's screens ("de zaal doet mee").

The phone pages have their own texts (``teksten/zaal.py``). What the room reads names no keys.
"""

from __future__ import annotations

# Keys and commands (the command table)
ZAAL = "Zaal doet mee"
ZAAL_UITLEG = "De zaal stuurt kaarten, punten of een cijfer met de telefoon. U keurt alles eerst goed."
WACHTRIJ = "Wachtrij"
WACHTRIJ_UITLEG = "Naar de inzendingen uit de zaal die op uw oordeel wachten, en terug."
TONEN = "Tonen"
AANPASSEN = "Aanpassen"
SAMENVOEGEN = "Samenvoegen"
NIET_TONEN = "Niet tonen"
TERUG = "Terug naar de stap"

# Opening and closing
SOORT = {
    "kaarten": "Kaarten sturen",
    "punten": "Punten verdelen",
    "ladder": "Opgaven op de ladder zetten",
    "evaluatie": "Cijfer en reactie",
}
WELKE_RONDE = "Zaal doet mee"
WELKE_RONDE_VRAAG = "Wat doet de zaal met de telefoon?"
ADRES_KOP = "Welk netwerk?"
ADRES_VRAAG = (
    "De telefoons komen via dit adres binnen. Kies het adres van het netwerk waarop de zaal zit. "
    "Alleen deze computer: om het eerst zelf te proberen."
)
DOORGESTUURD = "Via een doorgestuurde poort (Atelier op een server)"
DOORGESTUURD_VELD = "Adres dat de telefoons gebruiken"
DOORGESTUURD_UITLEG = (
    "Het adres van de laptop in het netwerk van de zaal, bijvoorbeeld 192.168.8.20. "
    "Op de laptop: ssh -L 0.0.0.0:8765:127.0.0.1:8765 en de naam van de server."
)
ADRES_FOUT = "‘{adres}’ is geen adres. Typ bijvoorbeeld 192.168.8.20."
GEEN_RONDE_HIER = "Op deze stap doet de zaal niet mee met de telefoon. Dat kan bij voorbeelden, eisen en wensen, kansen en knelpunten, de ladder en de evaluatie."
GEEN_SCHRIJVEN = "Dit venster kijkt alleen mee. Open de ronde in het venster dat de sessie bewaart."
START_MISLUKT = "De ronde kon niet starten: {reden}"
GEOPEND = "De ronde is open. De zaal kan meedoen via {adres} met code {code}."
SLUITEN_KOP = "Ronde sluiten"
SLUITEN_VRAAG = "De telefoons kunnen daarna niets meer sturen. De uitkomst komt op het scherm van de zaal. Sluiten?"
GESLOTEN = "De ronde is gesloten."
GESLOTEN_STAP = "U verliet de stap: de ronde is gesloten."
NOG_WACHTEND = "Er wachten nog {n} inzendingen uit de zaal op uw oordeel (F4)."
HERSTELD = (
    "Na het onverwachte stoppen zijn de inzendingen uit de zaal bewaard gebleven: {n} wachten op uw oordeel (F4)."
)
EERST_WACHTRIJ = "Er wachten nog {n} inzendingen uit de vorige ronde. Beoordeel die eerst (F4)."
WACHTRIJ_LEEG = "Er wacht niets uit de zaal."
BEWAARD_NIET = "De inzending is niet verwerkt: {reden}"

# The queue on her screen
WACHTRIJ_KOP = "Uit de zaal"
ADRES = "{adres}\ncode {code}"
DICHT = "ronde gesloten"
AANPASSEN_KOP = "Inzending aanpassen"
TEKST = "Tekst"
SOORT_VELD = "Soort"
SAMENVOEGEN_KOP = "Samenvoegen met"
SAMENVOEGEN_UITLEG = (
    "Deze inzending zegt hetzelfde als een kaart die er al is. Die kaart blijft; de inzending telt als getoond."
)
GEEN_DOEL = "Er is nog niets om mee samen te voegen."

# The room's screen
MEEDOEN = "Doe mee met uw telefoon"
SCAN = "Scan de code, of ga naar"
CODE = "en typ de code"
PEILING = "Peiling, geen stemming"
ONTVANGEN = "{n} ontvangen"
GETOOND = "{getoond} getoond · {niet} niet getoond"
TELEFOONS = "{n} telefoons doen mee"
EEN_TELEFOON = "1 telefoon doet mee"
PUNTEN_GEGEVEN = "{n} punten gegeven"
DE_ZAAL = "De zaal"
ZAAL_LADDER_KOP = "Zo zette de zaal de opgaven op de ladder ({n} telefoons)"
ZAAL_CIJFERS_KOP = "Zo waardeerde de zaal de avonden ({n} telefoons)"
NU = "nu"
STRAKS = "straks"
GESPREKSLEIDER = "gekozen"


def telling(t: dict) -> list[str]:
    """The lines of counts the room sees for a round (from ``Ronde.telling()``)."""
    lines = []
    n = int(t.get("telefoons", 0))
    if t.get("soort") in ("kaarten", "evaluatie"):
        lines.append(ONTVANGEN.format(n=t.get("ontvangen", 0)))
        lines.append(GETOOND.format(getoond=t.get("getoond", 0), niet=t.get("niet_getoond", 0)))
    if t.get("soort") == "punten":
        lines.append(PUNTEN_GEGEVEN.format(n=t.get("punten_gegeven", 0)))
    lines.append(EEN_TELEFOON if n == 1 else TELEFOONS.format(n=n))
    return lines
