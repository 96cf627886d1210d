"""Importing a session exported elsewhere: validated, text cleaned, never overwriting.

Only a regular file of at most :data:`MAX_BYTES` with at most :data:`MAX_ITEMS` values is read,
so a fifo, a device such as ``/dev/zero`` or a huge file never blocks or eats the memory.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..domain.hygiene import Cleaned
from ..domain.session import Session
from ..teksten import cli as T
from ..teksten import store as t
from .atomic import TooLarge, read_regular_file
from .codes import failure_of
from .errors import StoreError
from .folder import SessionsDir
from .migrations import MigrationError, migrate

#: Largest file that is imported, in bytes.
MAX_BYTES = 20 * 1024 * 1024
#: Most values (list entries and fields, counted together) in an imported file.
MAX_ITEMS = 200_000


class ImportProblem(Enum):
    NOT_FOUND = "not-found"
    NOT_A_FILE = "not-a-file"
    TOO_LARGE = "too-large"  # limit (bytes)
    TOO_MANY_ITEMS = "too-many-items"  # limit
    CANNOT_READ = "cannot-read"  # failure
    NOT_JSON = "not-json"  # line (or None)
    NOT_A_SESSION = "not-a-session"  # detail: a MigrationError, a ValidationError or None


class ImportError_(Exception):
    """An import that cannot be done. ``code`` says why; ``str()`` is the Dutch message."""

    def __init__(self, code: ImportProblem, path: Path, **details: Any) -> None:
        super().__init__(code)
        self.code = code
        self.path = path
        self.details = details

    def __str__(self) -> str:
        return T.import_problem(self.code, self.path, **self.details)


@dataclass
class ImportResult:
    path: Path
    session: Session
    renamed: bool = False
    notices: list[str] = field(default_factory=list)


def _too_many(data: Any, limit: int) -> bool:
    """Whether ``data`` holds more than ``limit`` values (stops counting as soon as it does)."""
    count, stack = 0, [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            count += len(value)
            if count > limit:
                return True
            stack.extend(v for v in value if isinstance(v, dict | list))
    return False


def _read(path: Path) -> bytes:
    try:
        return read_regular_file(path, limit=MAX_BYTES)
    except FileNotFoundError:
        raise ImportError_(ImportProblem.NOT_FOUND, path) from None
    except TooLarge:
        raise ImportError_(ImportProblem.TOO_LARGE, path, limit=MAX_BYTES) from None
    except StoreError:  # a fifo, a device, a folder
        raise ImportError_(ImportProblem.NOT_A_FILE, path) from None
    except OSError as exc:
        raise ImportError_(ImportProblem.CANNOT_READ, path, failure=failure_of(exc)) from None


def read_session_file(path: Path) -> tuple[Session, list[str]]:
    """Parse, migrate, clean and validate an exported session. Raises ImportError_."""
    raw = _read(path)
    if raw.startswith(codecs.BOM_UTF8):  # saved by a Windows editor
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        data = json.loads(raw.decode("utf-8"))
    except json.JSONDecodeError as exc:
        raise ImportError_(ImportProblem.NOT_JSON, path, line=exc.lineno) from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ImportError_(ImportProblem.NOT_JSON, path, line=None) from None
    if _too_many(data, MAX_ITEMS):
        raise ImportError_(ImportProblem.TOO_MANY_ITEMS, path, limit=MAX_ITEMS)
    if not isinstance(data, dict):
        raise ImportError_(ImportProblem.NOT_A_SESSION, path, detail=None)
    try:
        data, migrated = migrate(data)
    except MigrationError as exc:
        raise ImportError_(ImportProblem.NOT_A_SESSION, path, detail=exc) from None
    report: list[tuple[str, Cleaned]] = []
    try:
        session = Session.model_validate(data, context={"hygiene": report})
    except ValidationError as exc:
        raise ImportError_(ImportProblem.NOT_A_SESSION, path, detail=exc) from None
    notices = [t.notice(n) for n in migrated]
    removed = sum(1 for _, c in report if c.removed)
    shortened = sum(1 for _, c in report if c.shortened)
    if removed:
        notices.append(T.OPGESCHOOND.format(n=removed))
    if shortened:
        notices.append(T.INGEKORT.format(n=shortened))
    return session, notices


def import_session(path: Path, target: SessionsDir, naam: str | None = None) -> ImportResult:
    """Create the session of ``path`` in ``target``; under ``naam (2)`` etc. when its name is taken."""
    session, notices = read_session_file(path)
    if naam:
        session.naam = naam
    wanted = session.naam
    created = target.create_copy(session)
    renamed = session.naam != wanted
    if renamed:
        notices.append(T.IMPORT_ANDERE_NAAM.format(naam=session.naam))
    return ImportResult(path=created, session=session, renamed=renamed, notices=notices)
