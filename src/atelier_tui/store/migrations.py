"""Schema migrations: an explicit chain of pure functions, one per version step.

``MIGRATIONS[n]`` turns a session document of version ``n`` into one of version ``n + 1``. To
change the document layout: raise ``SCHEMA_VERSION`` in ``domain/session.py``, add the step here,
and add a stored fixture of the old layout under ``tests/core/store_fixtures/``. No Textual, no files.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from ..domain.session import SCHEMA_VERSION
from ..teksten import store as t
from .codes import Notice, NoticeCode, Unreadable

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds the phone rounds (``rondes``) and ``uit_de_zaal`` on items; both have defaults,
    so a version 1 document needs no change. The version is raised so that an older Atelier opens a
    file with rounds read-only instead of refusing fields it does not know."""
    return doc


#: Version ``n`` -> a pure function producing version ``n + 1``. Version 1 is the first.
MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}


class MigrationError(ValueError):
    """A document whose version cannot be read or brought up to date.

    ``kind`` (an :class:`~.codes.Unreadable`) and ``detail`` say why; ``message`` is Dutch.
    """

    def __init__(self, kind: Unreadable | None, detail: Any = None) -> None:
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail

    @property
    def message(self) -> str:
        return t.unreadable(self.kind, self.detail) if self.kind else t.READ_ONLY_NEWER

    def __str__(self) -> str:
        return self.message


class NewerVersion(MigrationError):
    """A document written by a newer Atelier (its version is above ``SCHEMA_VERSION``)."""

    def __init__(self, version: int) -> None:
        super().__init__(None, version)
        self.version = version


def read_version(data: Mapping[str, Any]) -> int:
    """The ``schema_version`` of a document. Missing, not a whole number, or below 0: an error."""
    if not isinstance(data, Mapping) or "schema_version" not in data:
        raise MigrationError(Unreadable.VERSION_MISSING)
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise MigrationError(Unreadable.VERSION_INVALID, version)
    return version


def migrate(
    data: Mapping[str, Any],
    chain: Mapping[int, Migration] | None = None,
    target: int = SCHEMA_VERSION,
) -> tuple[dict[str, Any], list[Notice]]:
    """Bring a document up to version ``target`` through ``chain`` (default :data:`MIGRATIONS`).

    Returns the new document and notices for the user (``teksten.store.notice`` words them). The input is never changed.
    Raises :class:`NewerVersion` above ``target`` and :class:`MigrationError` when the version is
    missing, invalid, older than the chain reaches, or a step is missing.
    """
    if chain is None:
        chain = MIGRATIONS
    version = read_version(data)
    if version > target:
        raise NewerVersion(version)
    if version == target:
        return dict(data), []
    oldest = min((v for v in chain if v < target), default=target)
    if version < oldest:
        raise MigrationError(Unreadable.VERSION_TOO_OLD, (version, oldest))
    doc: dict[str, Any] = copy.deepcopy(dict(data))
    for step in range(version, target):
        if step not in chain:
            raise MigrationError(Unreadable.VERSION_NO_STEP, step)
        doc = chain[step](doc)
        if not isinstance(doc, dict):  # pragma: no cover - a broken migration
            raise TypeError(f"migration {step} returned {type(doc).__name__}, not dict")
        doc["schema_version"] = step + 1
    return doc, [Notice(NoticeCode.MIGRATED, {"old": version, "new": target})]
