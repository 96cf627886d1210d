"""Turn a pydantic ``ValidationError`` into a few plain Dutch lines. No Textual, no files."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from . import hygiene

#: Field names that read better as words.
_FIELD_WORDS = {
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

_SIMPLE = {
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


def _field(part: Any) -> str | None:
    if isinstance(part, int):
        return f"nr. {part + 1}"
    text = str(part)
    if "[" in text or "(" in text:  # pydantic's names for validator and union branches
        return None
    # Unknown field names come from the file: never let them carry control characters.
    text = hygiene.clean_line(text, limit=40)
    return _FIELD_WORDS.get(text, text.replace("_", " ")) if text else "(zonder naam)"


def _where(loc: tuple[Any, ...]) -> str:
    parts = [p for p in (_field(x) for x in loc) if p]
    return " › ".join(parts) if parts else "sessie"


def _what(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in _SIMPLE:
        return _SIMPLE[kind]
    if kind == "value_error":
        inner = ctx.get("error")
        text = str(inner) if inner is not None else str(error.get("msg", ""))
        return text.removeprefix("Value error, ") or "is ongeldig"
    if kind == "assertion_error":
        return "is ongeldig"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        if bound == 0 and kind == "greater_than_equal":
            return "mag niet negatief zijn"
        return f"is te klein (minstens {bound})" if kind == "greater_than_equal" else f"moet groter zijn dan {bound}"
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return f"is te groot (hoogstens {bound})"
    if kind == "too_short":
        return f"moet minstens {ctx.get('min_length', 1)} onderdelen hebben"
    if kind == "too_long":
        return f"mag hoogstens {ctx.get('max_length', '')} onderdelen hebben".replace("  ", " ")
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"onbekende waarde {_value(error.get('input'))}; kies uit {expected}"
    return "is ongeldig"


def _value(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "…'"


def describe_error(error: dict[str, Any]) -> str:
    """One error of a ``ValidationError`` as a Dutch line: where, then what is wrong."""
    loc = tuple(error.get("loc", ()))
    what = _what(error)
    if not any(_field(x) for x in loc):
        line = what[:1].upper() + what[1:]
    else:
        line = f"{_where(loc)}: {what}"
    # Values and validator messages may quote text from the file: one clean line, never markup.
    return hygiene.clean_line(line, limit=300)


def describe_validation_error(exc: ValidationError, limit: int = 3) -> str:
    """A pydantic ``ValidationError`` as 1–``limit`` plain Dutch lines."""
    errors = exc.errors(include_url=False)
    if not errors:
        return "De gegevens kloppen niet."
    lines = [describe_error(e) for e in errors]
    # Identical lines (the same problem found twice) are shown once.
    unique = list(dict.fromkeys(lines))
    if len(unique) <= limit:
        return "\n".join(unique)
    rest = len(unique) - (limit - 1)
    return "\n".join([*unique[: limit - 1], f"… en nog {rest} andere fouten"])
