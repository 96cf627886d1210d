"""Dutch words for validation errors (used by ``domain/errors.py``): field names and what is wrong."""

from __future__ import annotations

#: Field names that read better as words.
FIELD_WORDS = {
    "avond1": "avond 1",
    "avond2": "avond 2",
    "eisen_wensen": "eisen en wensen",
    "schema_version": "versienummer",
    "huidige_stap": "huidige stap",
    "met_wie": "met wie",
    "wat_leeft": "wat er leeft",
    "opgave_id": "opgave",
    "voorbeeld_id": "voorbeeld",
    "gevolgen_proces": "gevolgen voor het proces",
    "gevolgen_inwoners": "gevolgen voor inwoners",
    "hoe_bereiken": "hoe bereiken",
    "actie_raad": "actie van de raad",
    "geldt_voor": "geldt voor",
    "soort_bijeenkomst": "soort bijeenkomst",
}

SIMPLE = {
    "missing": "ontbreekt",
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "is te lang",
    "extra_forbidden": "onbekend veld",
    "string_pattern_mismatch": "bevat tekens die hier niet zijn toegestaan",
    "string_type": "moet een tekst zijn",
    "int_type": "moet een heel getal zijn",
    "int_parsing": "moet een heel getal zijn",
    "int_from_float": "moet een heel getal zijn",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "bool_type": "moet ja of nee zijn",
    "bool_parsing": "moet ja of nee zijn",
    "date_type": "is geen geldige datum",
    "date_parsing": "is geen geldige datum",
    "date_from_datetime_parsing": "is geen geldige datum",
    "date_from_datetime_inexact": "is geen geldige datum",
    "datetime_type": "is geen geldig tijdstip",
    "datetime_parsing": "is geen geldig tijdstip",
    "datetime_from_date_parsing": "is geen geldig tijdstip",
    "time_type": "is geen geldige tijd",
    "time_parsing": "is geen geldige tijd",
    "list_type": "moet een lijst zijn",
    "dict_type": "heeft niet de goede vorm",
    "model_type": "heeft niet de goede vorm",
    "model_attributes_type": "heeft niet de goede vorm",
    "none_required": "moet leeg zijn",
    "enum": "heeft een onbekende waarde",
}

INVALID = "is ongeldig"
NOT_NEGATIVE = "mag niet negatief zijn"
TOO_SMALL = "is te klein (minstens {bound})"
GREATER_THAN = "moet groter zijn dan {bound}"
TOO_BIG = "is te groot (hoogstens {bound})"
MIN_ITEMS = "moet minstens {n} onderdelen hebben"
MAX_ITEMS = "mag hoogstens {n} onderdelen hebben"
UNKNOWN_VALUE = "onbekende waarde {value}; kies uit {expected}"
OR = " of "
NUMBER = "nr. {n}"
NO_NAME = "(zonder naam)"
WHOLE = "sessie"
NOTHING_RIGHT = "De gegevens kloppen niet."
AND_MORE = "… en nog {n} andere fouten"
