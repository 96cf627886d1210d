"""Dutch texts of the participatieladder (step "Participatieladder" and the ladder drawing)."""

from __future__ import annotations

# The two places of an opgave on the ladder
NU = "NU"
STRAKS = "STRAKS"
MARKER_NU = "○"
MARKER_STRAKS = "●"
MARKER_BEIDE = "◉"  # NU and STRAKS on the same rung
BLIJFT = "BLIJFT"  # the same, on the room's screen (a word in a block)

# Keys (footer and help)
VERSCHUIVEN = "Verschuiven"
HOGER = "Eén trede hoger"
LAGER = "Eén trede lager"
OPGAVE = "Opgave"
VORIGE_OPGAVE = "Vorige opgave"
VOLGENDE_OPGAVE = "Volgende opgave"
WISSEL_NAAR = {"nu": "Wissel naar NU", "straks": "Wissel naar STRAKS"}
WAAROM = "Waarom"
LADDER = "Ladder"
TREDEN = "Treden"
TREDE_AANPASSEN = "Trede aanpassen (naam en teksten)"
TREDE_TOEVOEGEN = "Trede toevoegen"
TREDE_VERWIJDEREN = "Trede verwijderen"
TEKST_OMLAAG = "Uitleg verder lezen"
TEKST_OMHOOG = "Uitleg terug lezen"

# The drawing
GEEN_OPGAVEN = "Nog geen opgaven. Voeg ze toe bij Voorbereiding › Intake."
PLAATS = "{nu} → {straks}"
PLAATS_GELIJK = "blijft {naam}"
MEER_OPGAVEN = "… en nog {n}"

# The panel next to the ladder
TREDE_VAN = "{marker} {wat} van opgave {nr}"
TREDE_NR = "Trede {nr} van {n}"
TOEZEGGING = "Wat de gemeente toezegt"
GEVOLGEN_PROCES = "Gevolgen voor het proces"
GEVOLGEN_INWONERS = "Gevolgen voor inwoners"
LEEG = "—"
OPGAVE_KOP = "Opgave {nr}"
TOELICHTING = "Waarom"
GEEN_TOELICHTING = "Nog geen toelichting. Druk op e om hem in te vullen."
NOG_GEEN_TOELICHTING = "Nog geen toelichting."
NOG_NIET = "nog niet gekozen"
KIES_OPGAVE = "Kies eerst een opgave met → ."
PLAATSEN_HINT = "Druk op ↑ of ↓ om {wat} op de gemarkeerde trede te zetten."

# Forms
OPGAVE_FORM = "Opgave op de ladder: {titel}"
F_NU = "NU: op welke trede staat de opgave nu?"
F_STRAKS = "STRAKS: op welke trede hoort de opgave straks?"
F_TOELICHTING = "Waarom deze stap (toelichting)"
F_TOELICHTING_HULP = "Wat verandert er, en waarom past deze trede bij de opgave?"

LADDER_FORM = "Welke ladder gebruikt de raad?"
F_VARIANT = "Ladder"
F_VARIANT_HULP = (
    "Opgaven blijven op hun trede staan als die trede ook op de nieuwe ladder staat. Een eigen ladder "
    "maakt u door treden te hernoemen, toe te voegen of te verwijderen (toets t)."
)
EIGEN_LADDER = "Eigen ladder (zoals nu)"
EIGEN_NAAM = "Eigen participatieladder"

TREDE_FORM = "Trede aanpassen: {naam}"
NIEUWE_TREDE_FORM = "Nieuwe trede"
F_NAAM = "Naam van de trede"
F_AGENDA = "Wie bepaalt de agenda"
F_TOEZEGGING = "Wat de gemeente toezegt"
F_GEVOLGEN_PROCES = "Gevolgen voor het proces"
F_GEVOLGEN_INWONERS = "Gevolgen voor inwoners (tevredenheid, verwachtingen)"
F_PLAATS = "Plaats op de ladder"
PLAATS_BOVENAAN = "Bovenaan, boven {naam}"
PLAATS_TUSSEN = "Tussen {onder} en {boven}"
PLAATS_ONDERAAN = "Onderaan, onder {naam}"

# Dialogs
TREDEN_KOP = "Trede ‘{naam}’"
TREDEN_VRAAG = (
    "Opgaven, ambitie en fracties blijven aan hun trede vast zitten, ook als u de naam aanpast.\n\n"
    "Een andere trede kiezen: ga met ← voorbij opgave 1 naar de ladder zelf en kies met ↑ of ↓. "
    "Esc gaat terug."
)
KNOP_AANPASSEN = "Aanpassen"
KNOP_TOEVOEGEN = "Nieuwe trede"
KNOP_VERWIJDEREN = "Verwijderen"
KNOP_ANNULEREN = "Annuleren"
KNOP_LEEGMAKEN = "Leegmaken en doorgaan"
KNOP_VERVANGEN = "Ja, vervangen"

VERWIJDER_KOP = "Trede ‘{naam}’ verwijderen?"
VERWIJDER_VRAAG = "Niemand staat op deze trede. Verwijderen?"
IN_GEBRUIK_VRAAG = (
    "Op deze trede staat nog:\n{lijst}\n\n"
    "Als u doorgaat, worden deze plaatsen leeggemaakt. De toelichtingen blijven bewaard."
)
WISSEL_KOP = "Andere ladder: {naam}"
WISSEL_VRAAG = "Deze treden staan niet op de nieuwe ladder. Leeggemaakt wordt:\n{lijst}"
EIGEN_VRAAG = "De eigen ladder, met de aangepaste en toegevoegde treden, wordt vervangen."
LIJST_REGEL = "• {wat}"

GEBRUIK = {
    "nu": "{naam} (NU)",
    "straks": "{naam} (STRAKS)",
    "ambitie": "het ambitieniveau van de raad",
    "fractie": "de positie van {naam}",
}

# Messages after a change
MINSTENS_TWEE = "Een ladder heeft minstens twee treden. Deze trede blijft staan."
TREDE_VERWIJDERD = "Trede ‘{naam}’ is verwijderd."
TREDE_TOEGEVOEGD = "Trede ‘{naam}’ staat nu op de ladder."
LADDER_GEKOZEN = "Gekozen: {naam}."
LADDER_BEHOUDEN = "Alle opgaven staan nog op hun trede."
LEEGGEMAAKT = "Leeggemaakt: {lijst}."
