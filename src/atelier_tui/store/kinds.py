"""What kind of file the user gave: a session file of the store, a session exported as JSON
(``atelier export --format json``, also the packaged demo), or something else.

``read_session`` reads either kind of session for reading only (export, check), never changing
the file. Anything else gets a Dutch message that says what it is and what to do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..domain.session import Session
from ..teksten import bestanden as T
from .repository import TABLE, StoreError

FileKind = Literal["sessiebestand", "sessie-export", "json-anders", "document", "onbekend"]


class NotASession(StoreError):
    """The file is not a session (or an export that cannot be read); the message says what it is and
    what to do. Its text is made here from the kind of file (``refusal``) or by the import's checks."""

    def __init__(self, text: str) -> None:
        Exception.__init__(self, text)
        self.code = None
        self.details = {}
        self.text = text

    @property
    def message(self) -> str:
        return self.text


@dataclass
class ReadSession:
    session: Session
    kind: FileKind
    notices: list[str] = field(default_factory=list)
    read_only_reason: str | None = None
    read_only_code: object = None  # a store.codes.ReadOnly for a session file


def file_kind(path: Path) -> FileKind:
    """The kind of an existing file, by its content (and for documents by its extension)."""
    suffix = path.suffix.lower()
    if suffix in T.SOORT_DOCUMENT:
        return "document"
    try:
        with path.open("rb") as fh:
            head = fh.read(1)
            data = json.loads((head + fh.read()).decode("utf-8")) if head in (b"{", b"[", b" ", b"\n") else None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return "onbekend"
    if not isinstance(data, dict):
        return "json-anders" if data is not None else "onbekend"
    if isinstance(data.get(TABLE), dict):
        return "sessiebestand"
    if "schema_version" in data and "naam" in data and "ladder" in data:
        return "sessie-export"
    return "json-anders"


def refusal(path: Path, kind: FileKind) -> str:
    """The Dutch message for a file that cannot be used as a session file."""
    naam = path.name
    if kind == "sessie-export":
        return T.EXPORT_JSON.format(naam=naam, pad=path)
    if kind == "json-anders":
        return T.ANDERE_JSON.format(naam=naam)
    if kind == "document":
        return T.DOCUMENT.format(naam=naam, soort=T.SOORT_DOCUMENT[path.suffix.lower()])
    return T.ONBEKEND.format(naam=naam)


def read_session(path: Path) -> ReadSession:
    """A session file or an exported session, read only. Raises NotASession or StoreError."""
    kind = file_kind(path)
    if kind == "sessiebestand" or (kind == "onbekend" and path.suffix.lower() == ".json"):
        # A damaged session file gets the store's own message, with its reserve copies.
        from .repository import open_session

        opened = open_session(path, writable=False)
        opened.close()
        return ReadSession(
            opened.session, "sessiebestand", list(opened.notices), opened.read_only_reason, opened.read_only_code
        )
    if kind == "sessie-export":
        from .transfer import ImportError_, read_session_file

        try:
            session, notices = read_session_file(path)
        except ImportError_ as exc:
            raise NotASession(str(exc)) from None
        return ReadSession(session, kind, notices)
    raise NotASession(refusal(path, kind))
