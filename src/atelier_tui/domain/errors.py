"""Turn a pydantic ``ValidationError`` into a few plain Dutch lines (words in ``teksten/validation.py``)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..teksten import validation as T
from . import hygiene


def _field(part: Any) -> str | None:
    if isinstance(part, int):
        return T.NUMBER.format(n=part + 1)
    text = str(part)
    if "[" in text or "(" in text:  # pydantic's names for validator and union branches
        return None
    # Unknown field names come from the file: never let them carry control characters.
    text = hygiene.clean_line(text, limit=40)
    return T.FIELD_WORDS.get(text, text.replace("_", " ")) if text else T.NO_NAME


def _where(loc: tuple[Any, ...]) -> str:
    parts = [p for p in (_field(x) for x in loc) if p]
    return " › ".join(parts) if parts else T.WHOLE


def _what(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in T.SIMPLE:
        return T.SIMPLE[kind]
    if kind == "value_error":  # the domain's own validators raise Dutch messages
        inner = ctx.get("error")
        text = str(inner) if inner is not None else str(error.get("msg", ""))
        return text.removeprefix("Value error, ") or T.INVALID
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        if bound == 0 and kind == "greater_than_equal":
            return T.NOT_NEGATIVE
        return (T.TOO_SMALL if kind == "greater_than_equal" else T.GREATER_THAN).format(bound=bound)
    if kind in ("less_than_equal", "less_than"):
        return T.TOO_BIG.format(bound=ctx.get("le", ctx.get("lt")))
    if kind == "too_short":
        return T.MIN_ITEMS.format(n=ctx.get("min_length", 1))
    if kind == "too_long":
        return T.MAX_ITEMS.format(n=ctx.get("max_length", "")).replace("  ", " ")
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", T.OR)
        return T.UNKNOWN_VALUE.format(value=_value(error.get("input")), expected=expected)
    return T.INVALID


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
        return T.NOTHING_RIGHT
    lines = [describe_error(e) for e in errors]
    # Identical lines (the same problem found twice) are shown once.
    unique = list(dict.fromkeys(lines))
    if len(unique) <= limit:
        return "\n".join(unique)
    rest = len(unique) - (limit - 1)
    return "\n".join([*unique[: limit - 1], T.AND_MORE.format(n=rest)])
