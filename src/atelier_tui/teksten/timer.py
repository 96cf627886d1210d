"""Dutch texts of the step timer: the countdown of the time box (tijdvak) of a step."""

from __future__ import annotations

# What the timer shows. {tijd} is minutes:seconds, e.g. 12:30.
# No ⏱ (U+23F1): many terminal fonts lack it and show an empty box on the projector.
KORT = "tijd {tijd}"
KORT_PAUZE = "tijd {tijd} pauze"
KORT_KLAAR = "tijd is om"
GEEN_TIJD = "geen tijd"

# Keys and commands
START_PAUZE = "Tijd starten of pauzeren"
START_PAUZE_KORT = "Tijd"
OPNIEUW = "Tijd opnieuw"
TIJDVAK = "Tijdvak van deze stap"
TIJDVAK_UITLEG = "Hoeveel minuten deze stap mag duren. Leeg laten: geen tijdvak."
TIJDVAK_MINUTEN = "Minuten"

# Messages
TIJD_OM = "De tijd voor ‘{stap}’ is om."
GEEN_TIJDVAK = "Deze stap heeft geen tijdvak. Stel het in met ‘{commando}’."
TIJDVAK_LOOPT = "De klok van deze stap loopt. Een nieuw tijdvak zet hem terug naar het begin. Doorgaan?"
