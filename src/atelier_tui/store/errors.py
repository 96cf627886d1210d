"""The store's errors. Each carries a code and details; ``message`` is its Dutch sentence.

The sentence is looked up in ``teksten/store.py`` from the code, so ``str(error)`` can be shown to
the user as is, and a caller that needs to act on what happened reads ``code``. No Textual.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from ..teksten import store as t
from .codes import Problem, Unreadable


class StoreError(Exception):
    """Base of the store's errors. ``code`` says what happened; ``message`` is Dutch."""

    def __init__(self, code: Problem, **details: Any) -> None:
        self.code = code
        self.details = details
        super().__init__(code, details)

    @property
    def message(self) -> str:
        return t.problem(self.code, **self.details)

    def __str__(self) -> str:
        return self.message


class UnsafePath(StoreError):
    """A path the store refuses to use: a planted symbolic link, or a name outside the folder."""

    def __init__(self, path: Path | str, code: Problem, **details: Any) -> None:
        super().__init__(code, **details)
        self.path = Path(path)


class SessionNotFound(StoreError):
    pass


class SessionExists(StoreError):
    pass


class SessionLocked(StoreError):
    """The session is open for writing elsewhere, so it cannot be moved, removed or replaced now."""


class ReadOnlyError(StoreError):
    """``save()`` on a session that was opened read-only."""


class CannotRead(StoreError):
    """A session file or folder the store may not or cannot read (permissions, disk error)."""


class CannotWrite(StoreError):
    """A session file or folder the store cannot write (read-only folder, full disk, ...)."""


class CorruptSession(StoreError):
    """A session file that cannot be read. It was never overwritten.

    ``kind`` (an :class:`~.codes.Unreadable`) and ``detail`` say what is wrong; ``reason`` is that
    in Dutch. ``moved_to``: where the damaged file was put aside (``None`` if it was left in place,
    as when opening read-only). ``backup``: the newest reserve copy that loads and checks out, or
    ``None``. ``message``: the full Dutch message for the user.
    """

    def __init__(
        self,
        path: Path,
        kind: Unreadable,
        detail: Any = None,
        moved_to: Path | None = None,
        backup: Any = None,  # a BackupInfo
    ) -> None:
        super().__init__(Problem.CORRUPT)
        self.path = path
        self.kind = kind
        self.detail = detail
        self.moved_to = moved_to
        self.backup = backup

    @property
    def reason(self) -> str:
        return t.unreadable(self.kind, self.detail)

    @property
    def message(self) -> str:
        moment: datetime | None = self.backup.moment if self.backup else None
        return t.corrupt(self.path.name, self.reason, self.moved_to.name if self.moved_to else None, moment)
