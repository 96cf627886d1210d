"""The session repository: find, create, open, lock, save, back up and recover session files.

This module gathers the store's public names; the work is done by one module per task:

- ``folder``   the sessions folder: list, find, create, move to the bin, remove for good
- ``opening``  open a session (lock, read, recover a damaged file) and save it
- ``backups``  the reserve copies: make, list (newest first), restore
- ``lock``     one writer per session
- ``loading``  parse, migrate and check a file's bytes
- ``files``    the names of the files next to a session, ``file_stamp``
- ``errors`` / ``codes``  what went wrong, as codes; the Dutch words are in ``teksten/store.py``

Rules (DESIGN.md section 4): every save is atomic and durable before it reports success; one
writer per session, a second opener gets a read-only view; a damaged file is never overwritten;
nothing outside the folder is ever read or written through a planted symbolic link. No Textual.
"""

from __future__ import annotations

from .backups import BACKUP_INTERVAL, BACKUPS_KEPT, BackupInfo, list_backups, newest_good_backup, restore_backup
from .codes import Failure, ListProblem, Notice, NoticeCode, Problem, ReadOnly, SaveFailed, Unreadable
from .errors import (
    CannotRead,
    CannotWrite,
    CorruptSession,
    ReadOnlyError,
    SessionExists,
    SessionLocked,
    SessionNotFound,
    StoreError,
    UnsafePath,
)
from .files import (
    BACKUP_DIR,
    CHANGED_MARK,
    DAMAGED_MARK,
    REPLACED_MARK,
    TRASH_DIR,
    FileStamp,
    backup_dir_for,
    file_stamp,
    lock_path_for,
)
from .folder import SessionInfo, SessionsDir
from .loading import DOC_ID, TABLE
from .opening import OpenSession, SaveResult, open_session
from .places import check_private, default_sessions_dir

__all__ = [
    "default_sessions_dir",
    "BACKUP_DIR",
    "BACKUP_INTERVAL",
    "BACKUPS_KEPT",
    "CHANGED_MARK",
    "DAMAGED_MARK",
    "DOC_ID",
    "REPLACED_MARK",
    "TABLE",
    "TRASH_DIR",
    "BackupInfo",
    "CannotRead",
    "CannotWrite",
    "CorruptSession",
    "Failure",
    "FileStamp",
    "ListProblem",
    "Notice",
    "NoticeCode",
    "OpenSession",
    "Problem",
    "ReadOnly",
    "ReadOnlyError",
    "SaveFailed",
    "SaveResult",
    "SessionExists",
    "SessionInfo",
    "SessionLocked",
    "SessionNotFound",
    "SessionsDir",
    "StoreError",
    "Unreadable",
    "UnsafePath",
    "backup_dir_for",
    "check_private",
    "file_stamp",
    "list_backups",
    "lock_path_for",
    "newest_good_backup",
    "open_session",
    "restore_backup",
]
