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

Migration = Callable[[dict[str, Any]], dict[str, Any]]

#: Version ``n`` -> a pure function producing version ``n + 1``. Empty: version 1 is the first.
MIGRATIONS: dict[int, Migration] = {}


class MigrationError(ValueError):
    """A document whose version cannot be read or brought up to date. ``message`` is Dutch."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NewerVersion(MigrationError):
    """A document written by a newer Atelier (its version is above ``SCHEMA_VERSION``)."""

    def __init__(self, version: int) -> None:
        super().__init__(t.READ_ONLY_NEWER)
        self.version = version


def read_version(data: Mapping[str, Any]) -> int:
    """The ``schema_version`` of a document. Missing, not a whole number, or below 0: an error."""
    if not isinstance(data, Mapping) or "schema_version" not in data:
        raise MigrationError(t.VERSION_MISSING)
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise MigrationError(t.version_invalid(version))
    return version


def migrate(
    data: Mapping[str, Any],
    chain: Mapping[int, Migration] | None = None,
    target: int = SCHEMA_VERSION,
) -> tuple[dict[str, Any], list[str]]:
    """Bring a document up to version ``target`` through ``chain`` (default :data:`MIGRATIONS`).

    Returns the new document and Dutch notices for the user. The input is never changed.
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
        raise MigrationError(t.version_too_old(version, oldest))
    doc: dict[str, Any] = copy.deepcopy(dict(data))
    for step in range(version, target):
        if step not in chain:
            raise MigrationError(t.version_no_step(step))
        doc = chain[step](doc)
        if not isinstance(doc, dict):  # pragma: no cover - a broken migration
            raise TypeError(f"migration {step} returned {type(doc).__name__}, not dict")
        doc["schema_version"] = step + 1
    return doc, [t.migrated(version, target)]
