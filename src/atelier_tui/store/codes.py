"""What the store reports, as codes. The Dutch sentences for them live in ``teksten/store.py``.

The store says *what happened* (a code plus details such as a file name); the words are looked up
only where they are shown, so a caller can act on the code (``atelier check`` does not report a
session it opened read-only on purpose) and the texts stay in one place. No Textual.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class ReadOnly(Enum):
    """Why a session was opened read-only."""

    LOCKED = "locked"  # open for writing in another window
    ASKED = "asked"  # the caller asked for read-only (check, export, the room's screen)
    NEWER = "newer"  # written by a newer Atelier
    NO_WRITE = "no-write"  # the folder cannot be written


class Unreadable(Enum):
    """Why a session file cannot be read (``detail`` adds the specifics where there are any)."""

    DAMAGED = "damaged"  # not JSON, not UTF-8, cut short
    NOT_A_SESSION = "not-a-session"  # JSON, but not the layout of a session file
    INVALID = "invalid"  # detail: the pydantic ValidationError
    NEWER_INVALID = "newer-invalid"  # detail: the pydantic ValidationError
    VERSION_MISSING = "version-missing"
    VERSION_INVALID = "version-invalid"  # detail: the value found
    VERSION_TOO_OLD = "version-too-old"  # detail: (version, oldest readable)
    VERSION_NO_STEP = "version-no-step"  # detail: the version without a migration step


class Problem(Enum):
    """The kind of a :class:`~.errors.StoreError`; its details are the exception's ``details``."""

    UNSAFE_NAME = "unsafe-name"
    SYMLINK = "symlink"  # name
    NOT_A_FOLDER = "not-a-folder"  # name
    NOT_A_FILE = "not-a-file"  # name
    OUTSIDE_FOLDER = "outside-folder"  # name
    NOT_FOUND = "not-found"  # name
    AMBIGUOUS = "ambiguous"  # name, files
    EXISTS = "exists"  # name
    IN_USE = "in-use"  # name
    READ_ONLY_SAVE = "read-only-save"
    CLOSED = "closed"
    CORRUPT = "corrupt"  # see CorruptSession
    BACKUP_BAD = "backup-bad"
    BACKUP_NOT_OURS = "backup-not-ours"
    CANNOT_READ = "cannot-read"  # name, failure (a Failure)
    CANNOT_WRITE = "cannot-write"  # name, failure (a Failure)
    FOLDER_NOT_PRIVATE = "folder-not-private"  # name, why ("owner" or "writable")
    TOO_MANY = "too-many"  # name: no free name left for a copy
    EXPORT_IN_FOLDER = "export-in-folder"  # name: an export is never written in the sessions folder
    EXPORT_ONTO_SESSION = "export-onto-session"  # name: nor onto a session file


class Failure(Enum):
    """Why a file could not be read or written (from the operating system's error)."""

    DISK_FULL = "disk-full"
    QUOTA = "quota"
    READ_ONLY_DISK = "read-only-disk"
    NO_PERMISSION = "no-permission"
    DISK_ERROR = "disk-error"
    FOLDER_GONE = "folder-gone"
    OTHER = "other"


_FAILURES = {
    errno.ENOSPC: Failure.DISK_FULL,
    errno.EDQUOT: Failure.QUOTA,
    errno.EROFS: Failure.READ_ONLY_DISK,
    errno.EACCES: Failure.NO_PERMISSION,
    errno.EPERM: Failure.NO_PERMISSION,
    errno.EIO: Failure.DISK_ERROR,
    errno.ENOENT: Failure.FOLDER_GONE,
}


def failure_of(error: BaseException) -> Failure:
    """The :class:`Failure` behind an ``OSError`` (``OTHER`` for anything else)."""
    return _FAILURES.get(getattr(error, "errno", None), Failure.OTHER)  # type: ignore[arg-type]


class SaveFailed(Enum):
    """Why ``save()`` did not save (see ``SaveResult.code``)."""

    DISK = "disk"  # detail: a Failure
    INVALID = "invalid"  # detail: the pydantic ValidationError
    REFUSED = "refused"  # detail: the StoreError (a planted link, ...)
    UNEXPECTED = "unexpected"


class NoticeCode(Enum):
    """Things the user should know that are not errors."""

    MIGRATED = "migrated"  # old, new
    BACKUP_NOT_MADE = "backup-not-made"
    CHANGED_ON_DISK = "changed-on-disk"  # name, kept_as: the file changed by another program was set aside
    REMOVED_ON_DISK = "removed-on-disk"  # name: the file was gone; it was written again


class ListProblem(Enum):
    """Why a session in a list cannot be opened normally (``SessionInfo.problem``)."""

    DAMAGED = "damaged"
    NOT_A_SESSION = "not-a-session"
    NEWER = "newer"
    OLDER = "older"
    NO_VERSION = "no-version"
    LINK = "link"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Notice:
    """A code and its details, for something to tell the user."""

    code: NoticeCode
    details: dict[str, Any] = field(default_factory=dict)
