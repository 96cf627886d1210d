"""Dutch texts about colour themes: problems with theme files, and the theme command."""

from __future__ import annotations

# Command palette and command line
THEMA_KIEZEN = "Thema kiezen"
THEMA_KIEZEN_UITLEG = "Andere kleuren, bijvoorbeeld licht voor een bleke beamer of hoog contrast."
THEMA_ZOEKEN = "Zoek een thema…"
THEMA_GEKOZEN = "Thema ‘{naam}’ gekozen."
THEMA_ONBEKEND = "Thema ‘{naam}’ bestaat niet; Atelier gebruikt ‘{standaard}’. Beschikbaar: {namen}."
THEMA_OPTIE = "kleurenthema, bijvoorbeeld projector-licht of hoog-contrast"

# Problems with a theme file. Every message names the file; the theme is then skipped.
OVERGESLAGEN = "Thema-bestand {pad}: {fout} Dit thema wordt overgeslagen."
GEEN_TOML = "dit is geen geldig TOML-bestand ({detail})."
GEEN_TOML_REGEL = "dit is geen geldig TOML-bestand (regel {regel}, kolom {kolom})."
NIET_LEESBAAR = "het bestand kan niet worden gelezen ({detail})."
GEEN_UTF8 = "het bestand is geen UTF-8-tekst."
TE_GROOT = "het bestand is groter dan {kb} kB; een thema is maar een paar regels."
ONTBREEKT = "het veld ‘{veld}’ ontbreekt."
ONTBREEKT_DARK = "het veld ‘dark’ ontbreekt: zet dark = true (donker thema) of dark = false (licht thema)."
GEEN_TEKST = "het veld ‘{veld}’ moet tekst tussen aanhalingstekens zijn."
GEEN_JA_NEE = "het veld ‘{veld}’ moet true of false zijn."
GEEN_GETAL = "het veld ‘{veld}’ moet een getal tussen 0 en 1 zijn."
ONGELDIGE_NAAM = (
    "de naam ‘{naam}’ kan niet: gebruik alleen kleine letters, cijfers en streepjes, "
    'bijvoorbeeld "huisstijl-lindewaard".'
)
ONGELDIGE_KLEUR = (
    "het veld ‘{veld}’ heeft geen geldige kleur: ‘{waarde}’. "
    'Schrijf een kleur als "#1B5E3A", "rgb(27, 94, 58)" of een kleurnaam zoals "white".'
)
ONGELDIGE_STIJL = (
    "het veld ‘{veld}’ heeft geen geldige tekststijl: ‘{waarde}’. "
    'Gebruik bijvoorbeeld "bold", "underline", "reverse" of "none".'
)
GEEN_TABEL = '‘variables’ moet een tabel zijn: zet [variables] op een eigen regel, met daaronder naam = "waarde".'
ONGELDIGE_VARIABELE = "de variabele ‘{veld}’ kan niet: gebruik kleine letters, cijfers en streepjes."

# Warnings: the theme is still used.
ONBEKEND_VELD = "Thema-bestand {pad}: het veld ‘{veld}’ is onbekend en wordt genegeerd (tikfout?)."
DUBBELE_NAAM = (
    "Thema-bestand {pad}: de naam ‘{naam}’ wordt in deze map al gebruikt door {ander}; dit bestand wordt overgeslagen."
)
