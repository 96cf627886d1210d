"""Field types shared by the session models: cleaned texts, ids, UTC timestamps."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)

from . import hygiene
from .steps import STEP_KEYS, known

LOCAL_TZ = ZoneInfo("Europe/Amsterdam")


def _cleaner(multiline: bool, limit: int):
    def validate(value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str):
            return value
        result = hygiene.clean(value, multiline=multiline, limit=limit)
        report = (info.context or {}).get("hygiene") if info.context else None
        if report is not None and result.changed:
            report.append((info.field_name or "", result))
        return result.text

    return validate


#: A one-line user text (name, title, label): cleaned, at most 200 characters.
Line = Annotated[str, BeforeValidator(_cleaner(False, hygiene.SHORT_LIMIT))]
#: A one-line user text that must not be empty.
RequiredLine = Annotated[str, StringConstraints(min_length=1), BeforeValidator(_cleaner(False, hygiene.SHORT_LIMIT))]
#: A multi-line user text (notes, answers): cleaned, at most 4000 characters.
Block = Annotated[str, BeforeValidator(_cleaner(True, hygiene.LONG_LIMIT))]
#: A multi-line user text that must not be empty.
RequiredBlock = Annotated[str, StringConstraints(min_length=1), BeforeValidator(_cleaner(True, hygiene.LONG_LIMIT))]

#: A stable identifier: lower-case letters, digits and dashes.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def _to_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    value = value.astimezone(UTC)
    return value.replace(microsecond=(value.microsecond // 1000) * 1000)


def _iso_z(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


#: A moment, stored in UTC with millisecond precision, written as ISO 8601 with a Z.
UtcDateTime = Annotated[datetime, AfterValidator(_to_utc), PlainSerializer(_iso_z, return_type=str, when_used="json")]


def now_utc() -> datetime:
    return _to_utc(datetime.now(UTC))


def local(value: datetime) -> datetime:
    """A stored UTC moment in Europe/Amsterdam time, for display."""
    return value.astimezone(LOCAL_TZ)


def format_local(value: datetime | None) -> str:
    """A moment as shown to the user: ``29-11-2026 06:12``, in Europe/Amsterdam time."""
    if value is None:
        return ""
    return local(value).strftime("%d-%m-%Y %H:%M")


class Model(BaseModel):
    """Base of every session model: unknown fields are rejected, assignments validated.

    With ``context={"lenient": True}`` unknown fields are dropped instead, so that a file written
    by a newer version can still be shown read-only.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, validate_default=True)

    @model_validator(mode="before")
    @classmethod
    def _drop_unknown_when_lenient(cls, data: Any, info: ValidationInfo) -> Any:
        if info.context and info.context.get("lenient") and isinstance(data, dict):
            known = set(cls.model_fields) | {f.alias for f in cls.model_fields.values() if f.alias is not None}
            return {k: v for k, v in data.items() if k in known}
        return data


#: A step key in the session model: checked against the step registry; the JSON Schema lists the keys.
StepKey = Annotated[str, AfterValidator(known), WithJsonSchema({"enum": list(STEP_KEYS), "type": "string"})]
