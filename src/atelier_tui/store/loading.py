"""Reading a session file's bytes: parse, migrate, validate. No files touched here, no Textual."""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..domain.session import Session
from . import migrations
from .codes import Notice, Unreadable

#: The TinyDB table that holds the session document (as document 1).
TABLE = "session"
DOC_ID = 1


class FileUnreadable(Exception):
    """Why the bytes are no session. ``movable`` is False for a file of a newer Atelier."""

    def __init__(self, kind: Unreadable, detail: Any = None, *, movable: bool = True) -> None:
        super().__init__(kind)
        self.kind = kind
        self.detail = detail
        self.movable = movable  # False for a file of a newer Atelier: not damaged, just not ours


@dataclass
class Loaded:
    tables: dict[str, Any]
    session: Session
    version: int
    notices: list[Notice]
    newer: bool


def parse(raw: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """The TinyDB tables and the session document in them, or :class:`FileUnreadable`.

    A byte order mark (a file saved by a Windows editor) is accepted. So is a session table whose
    one document has another id than 1 (a file from another TinyDB program); it is saved back as
    document 1, with the session table first as Atelier writes it.
    """
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        tables = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FileUnreadable(Unreadable.DAMAGED) from None
    table = tables.get(TABLE) if isinstance(tables, dict) else None
    if not isinstance(table, dict) or len(table) != 1:
        raise FileUnreadable(Unreadable.NOT_A_SESSION)
    ((doc_id, doc),) = table.items()
    if not isinstance(doc, dict):
        raise FileUnreadable(Unreadable.NOT_A_SESSION)
    if doc_id != str(DOC_ID):
        tables = {TABLE: {str(DOC_ID): doc}, **{k: v for k, v in tables.items() if k != TABLE}}
    return tables, doc


def load(raw: bytes) -> Loaded:
    """Parse, migrate and validate a session file's bytes."""
    tables, doc = parse(raw)
    try:
        migrated, notices = migrations.migrate(doc)
    except migrations.NewerVersion as newer:
        try:
            session = Session.model_validate(doc, context={"lenient": True})
        except ValidationError as exc:
            raise FileUnreadable(Unreadable.NEWER_INVALID, exc, movable=False) from None
        return Loaded(tables, session, newer.version, [], newer=True)
    except migrations.MigrationError as exc:
        raise FileUnreadable(exc.kind or Unreadable.NOT_A_SESSION, exc.detail) from None
    try:
        session = Session.model_validate(migrated)
    except ValidationError as exc:
        raise FileUnreadable(Unreadable.INVALID, exc) from None
    return Loaded(tables, session, migrations.read_version(doc), notices, newer=False)
