"""Field labels and value labels: the one table that forms (teksten/ui.py) and the verslag
(teksten/export.py) both take their words from, so a field is called the same everywhere."""

from __future__ import annotations

VELD = {
    "soort_bijeenkomst": "Soort bijeenkomst",
    "fractie": "Fractie",
    "wensen": "Wensen",
    "omschrijving": "Omschrijving",
    "onderwerp": "Onderwerp",
    "van": "Van wie",
    "toelichting": "Toelichting",
    "inspiratie": "Inspiratie uit de praktijk",
    "keuze": "Werkwijze",
    "trede": "Trede",
    "hoe_bereiken": "Hoe te bereiken",
    "groep": "Groep",
    "bereikt": "Nu bereikt",
    "criterium": "Criterium",
    "geldt_voor": "Geldt voor",
    "actiepunten": "Actiepunten",
    "vervolg": "Vervolg",
    "wie": "Wie",
    "wat": "Wat",
    "wanneer": "Wanneer",
}

#: What a stored value is called: how well a group is reached today.
BEREIKT = {"ja": "ja", "deels": "deels", "nee": "nee"}
