"""Importing a session exported elsewhere: validated, text cleaned, never overwriting."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..domain.errors import describe_validation_error
from ..domain.hygiene import Cleaned
from ..domain.session import Session
from ..teksten import cli as T
from .migrations import migrate
from .repository import SessionsDir


class ImportError_(Exception):
    """An import that cannot be done; the message is Dutch and fit for the user."""


@dataclass
class ImportResult:
    path: Path
    session: Session
    renamed: bool = False
    notices: list[str] = field(default_factory=list)


def read_session_file(path: Path) -> tuple[Session, list[str]]:
    """Parse, migrate, clean and validate an exported session. Raises ImportError_."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportError_(T.NIET_GEVONDEN_BESTAND.format(pad=path)) from None
    except OSError as exc:
        raise ImportError_(T.GEEN_JSON.format(pad=path, detail=exc.strerror or exc)) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportError_(T.GEEN_JSON.format(pad=path, detail=str(exc)[:80])) from None
    if not isinstance(data, dict):
        raise ImportError_(T.ONGELDIGE_SESSIE.format(pad=path, detail="geen sessie"))
    try:
        data, notices = migrate(data)
    except ValueError as exc:
        raise ImportError_(T.ONGELDIGE_SESSIE.format(pad=path, detail=str(exc))) from None
    report: list[tuple[str, Cleaned]] = []
    try:
        session = Session.model_validate(data, context={"hygiene": report})
    except ValidationError as exc:
        raise ImportError_(T.ONGELDIGE_SESSIE.format(pad=path, detail=describe_validation_error(exc))) from None
    removed = sum(1 for _, c in report if c.removed)
    shortened = sum(1 for _, c in report if c.shortened)
    if removed:
        notices.append(T.OPGESCHOOND.format(n=removed))
    if shortened:
        notices.append(T.INGEKORT.format(n=shortened))
    return session, notices


def import_session(path: Path, target: SessionsDir, naam: str | None = None) -> ImportResult:
    session, notices = read_session_file(path)
    if naam:
        session.naam = naam
    renamed = False
    base = session.naam
    i = 1
    while target.path_for(session.naam).exists():
        i += 1
        session.naam = f"{base} ({i})"
        renamed = True
    if renamed:
        notices.append(T.IMPORT_ANDERE_NAAM.format(naam=session.naam))
    created = target.create(session)
    return ImportResult(path=created, session=session, renamed=renamed, notices=notices)
