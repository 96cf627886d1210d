"""Dutch texts of the phone round ("de zaal doet mee"): the pages on the phones and their messages.

Written for council members at B1: short sentences, "u", no software words. Every page says
``PEILING``: the round is a poll, never a vote. ``{n}`` is a number, ``{soort}`` a label such as
"Kans".
"""

from __future__ import annotations

# --- On every page ---------------------------------------------------------------------------
TITEL = "Atelier: de zaal doet mee"
PEILING = "Peiling, geen stemming"
PRIVACY = "U stuurt zonder naam. Alleen wat de gespreksleider laat zien, komt in het verslag."
TERUG = "Terug"

# --- The page where the short code is typed -----------------------------------------------------
CODE_KOP = "Doe mee"
CODE_UITLEG = "Typ de code die op het scherm in de zaal staat."
CODE_VELD = "Code"
CODE_KNOP = "Verder"
CODE_FOUT = "Deze code klopt niet. Kijk nog eens op het scherm in de zaal."
CODE_TE_VAAK = "U heeft het te vaak geprobeerd. Wacht een minuut en probeer het dan opnieuw."

# --- After sending -------------------------------------------------------------------------------
ONTVANGEN = "Ontvangen"
# (under the heading "Ontvangen")
ONTVANGEN_KAART = "De gespreksleider bekijkt uw kaart eerst."
ONTVANGEN_REACTIE = "De gespreksleider bekijkt uw reactie eerst."
ONTVANGEN_PLAATS = "U kunt uw keuze nog veranderen."
ONTVANGEN_CIJFER = "Dank u wel! U kunt uw cijfer nog veranderen."
NOG_KAARTEN = {0: "U kunt geen kaarten meer sturen.", 1: "U kunt nog één kaart sturen."}
NOG_KAARTEN_N = "U kunt nog {n} kaarten sturen."
NOG_PUNTEN = {0: "U heeft al uw punten gegeven.", 1: "Nog 1 punt te geven."}
NOG_PUNTEN_N = "Nog {n} punten te geven."

# --- kaarten ---------------------------------------------------------------------------------------
KAART_KOP = "Stuur een kaart"
KAART_UITLEG = "Schrijf kort op wat u wilt inbrengen. De gespreksleider bekijkt het voordat het op het scherm komt."
KAART_SOORT = "Wat is het?"
KAART_TEKST = "Uw tekst (hoogstens {n} tekens)"
KAART_KNOP = "Versturen"

# --- punten ----------------------------------------------------------------------------------------
PUNTEN_KOP = "Geef punten"
PUNTEN_UITLEG = (
    "U heeft {n} punten. Geef ze aan de kaarten die u het belangrijkst vindt. Een kaart mag meer punten krijgen."
)
PUNTEN_OP_KAART = {0: "Geen punten van u", 1: "1 punt van u"}
PUNTEN_OP_KAART_N = "{n} punten van u"
PUNT_ERBIJ = "Punt erbij"
PUNT_ERAF = "Punt eraf"
GEEN_KAARTEN = "Er zijn nog geen kaarten. Wacht even en laad de pagina opnieuw."
UITSLAG_VERBORGEN = "De uitslag ziet u straks op het scherm in de zaal."

# --- ladder ----------------------------------------------------------------------------------------
LADDER_KOP = "Zet de opgaven op de ladder"
LADDER_UITLEG = "Kies per opgave: op welke trede staat zij NU, en waar hoort zij STRAKS?"
LADDER_NU = "NU"
LADDER_STRAKS = "STRAKS"
LADDER_KNOP = "Opslaan"
LADDER_GEKOZEN = "Uw keuze: NU {nu}, STRAKS {straks}"
LADDER_NIET_GEKOZEN = "nog niet gekozen"
GEEN_OPGAVEN = "Er zijn nog geen opgaven. Wacht even en laad de pagina opnieuw."

# --- evaluatie -------------------------------------------------------------------------------------
EVALUATIE_KOP = "Hoe vond u de avond?"
EVALUATIE_CIJFER = "Uw cijfer, van 1 (slecht) tot 5 (uitstekend)"
CIJFER_NAMEN = {1: "1 slecht", 2: "2 matig", 3: "3 redelijk", 4: "4 goed", 5: "5 uitstekend"}
EVALUATIE_TEKST = "Wilt u nog iets zeggen? (mag leeg blijven)"
EVALUATIE_KNOP = "Versturen"
EVALUATIE_GEGEVEN = "Uw cijfer: {n}. U kunt het nog veranderen."

# --- A closed round ---------------------------------------------------------------------------------
GESLOTEN_KOP = "Deze ronde is voorbij"
GESLOTEN_UITLEG = "Dank u wel voor het meedoen. Kijk naar het scherm in de zaal."

# --- Messages when something was not accepted (RondeFout) --------------------------------------------
GESLOTEN = "Deze ronde is gesloten."
LEEG = "Uw tekst is leeg. Schrijf eerst iets op."
KIES_SOORT = "Kies eerst wat u stuurt."
KAN_NIET_HIER = "Dat kan niet in deze ronde."
TE_VEEL_KAARTEN = "U heeft al {n} kaarten gestuurd. Meer kan niet in deze ronde."
WACHTRIJ_VOL = "Er wachten nu te veel kaarten. Probeer het over een paar minuten opnieuw."
TE_VEEL_TELEFOONS = "Er doen al te veel telefoons mee. Vraag de gespreksleider om hulp."
RONDE_VOL = "Deze ronde kan niets meer aannemen. Vraag de gespreksleider om hulp."
KAART_WEG = "Deze kaart is er niet meer. Laad de pagina opnieuw."
GEEN_PUNTEN_MEER = "U heeft al uw punten gegeven. Haal eerst een punt weg bij een andere kaart."
GEEN_PUNT_OP_KAART = "U heeft geen punt op deze kaart."
PUNT_FOUT = "Dat lukte niet. Laad de pagina opnieuw."
OPGAVE_WEG = "Deze opgave is er niet meer. Laad de pagina opnieuw."
TREDE_WEG = "Deze trede bestaat niet. Laad de pagina opnieuw."
KIES_TREDE = "Kies eerst een trede bij NU of bij STRAKS."
KIES_CIJFER = "Kies eerst een cijfer van 1 tot 5."
INZENDING_WEG = "Deze inzending staat niet (meer) in de wachtrij."
BESLUIT_FOUT = "Onbekend besluit."

# --- Messages of the web server ------------------------------------------------------------------------
NIET_ONTVANGEN = "Niet ontvangen. Probeer het opnieuw."
NIET_GEVONDEN_KOP = "Deze pagina bestaat niet"
NIET_GEVONDEN = "Misschien is de ronde voorbij. Scan de code op het scherm in de zaal opnieuw."
TE_GROOT = "Uw bericht is te lang. Maak het korter en probeer het opnieuw."
TE_SNEL = "U stuurt erg veel achter elkaar. Wacht een minuut en probeer het dan opnieuw."
VERLOPEN = "Deze pagina is verlopen. Laad de pagina opnieuw en probeer het nog eens."
FOUT = "Er ging iets mis. Probeer het opnieuw."
NIET_TOEGESTAAN = "Dat kan niet op deze pagina."

# --- For the facilitator (the journal of the round on her disk) ------------------------------------
JOURNAAL_VOL = "De wachtrij van de zaal kan niet worden opgeslagen: de schijf is vol."
JOURNAAL_FOUT = "De wachtrij van de zaal kan niet worden opgeslagen ({fout})."
JOURNAAL_TE_GROOT = "De wachtrij van de zaal is te groot geworden. Sluit de ronde."

# --- The list of addresses the facilitator chooses from -----------------------------------------------
ADRES_LOKAAL = "alleen deze computer"
ADRES_NETWERK = "netwerk"
ADRES_NETWERK_NAAM = "netwerk {naam}"


def nog_kaarten(n: int) -> str:
    return NOG_KAARTEN.get(n, NOG_KAARTEN_N.format(n=n))


def nog_punten(n: int) -> str:
    return NOG_PUNTEN.get(n, NOG_PUNTEN_N.format(n=n))


def punten_op_kaart(n: int) -> str:
    return PUNTEN_OP_KAART.get(n, PUNTEN_OP_KAART_N.format(n=n))
