"""Reserve copies of a session: made while working, offered when the file is damaged. No Textual.

A copy is named ``nr<sequence>-<UTC time>.json``. The sequence number, not the clock, says which
copy is newest: after a clock that ran ahead is put right, the last copy made is still the one
offered. Copies named by time only (``<UTC time>[-n].json``, from earlier versions) are still
read; they count as older than every numbered copy.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .atomic import atomic_write_bytes, read_bytes_nofollow
from .codes import Problem
from .errors import SessionLocked, StoreError, UnsafePath
from .files import BACKUP_DIR, REPLACED_MARK, backup_dir_for, free_name, move_aside
from .loading import FileUnreadable, load
from .lock import Lock
from .slug import SUFFIX, check_not_symlink, ensure_real_dir

#: How many reserve copies are kept per session.
BACKUPS_KEPT = 5
#: At most one reserve copy per this many seconds while saving.
BACKUP_INTERVAL = 5 * 60.0

_TIME = r"(\d{8}-\d{6}-\d{6})"
_NUMBERED = re.compile(rf"^nr(\d{{1,18}})-{_TIME}\.json$")
_OLD_NAME = re.compile(rf"^{_TIME}(?:-(\d+))?\.json$")


@dataclass(frozen=True)
class BackupInfo:
    """One reserve copy of a session: where it is, when it was made (UTC) and its sequence number."""

    path: Path
    moment: datetime
    sequence: int = 0


def _parse_name(name: str) -> tuple[int, datetime, int] | None:
    """(sequence, moment, tie-breaker) of a reserve copy's file name, or ``None``."""
    match = _NUMBERED.match(name)
    if match:
        sequence, stamp, tie = int(match.group(1)), match.group(2), 0
    else:
        match = _OLD_NAME.match(name)
        if not match:
            return None
        sequence, stamp, tie = 0, match.group(1), int(match.group(2) or 1)
    try:
        moment = datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
    except ValueError:
        return None
    return sequence, moment, tie


def list_backups(path: Path | str) -> list[BackupInfo]:
    """The reserve copies of a session file, newest first (whether they load or not)."""
    path = Path(path)
    bdir = backup_dir_for(path)
    for folder in (bdir.parent, bdir):
        check_not_symlink(folder)
    try:
        entries = list(os.scandir(bdir))
    except (FileNotFoundError, NotADirectoryError):
        return []
    result = []
    for entry in entries:
        parsed = _parse_name(entry.name)
        if parsed is None or entry.is_symlink():
            continue
        sequence, moment, tie = parsed
        result.append(((sequence, moment, tie), BackupInfo(Path(entry.path), moment, sequence)))
    result.sort(key=lambda item: item[0], reverse=True)
    return [item[1] for item in result]


def newest_good_backup(path: Path | str) -> BackupInfo | None:
    """The newest reserve copy that loads and checks out, or ``None``."""
    for backup in list_backups(path):
        try:
            loaded = load(read_bytes_nofollow(backup.path))
        except (FileUnreadable, OSError, StoreError):
            continue
        if not loaded.newer:
            return backup
    return None


def write_backup(path: Path, data: bytes, *, skip_if_same: bool = False) -> Path | None:
    """Store ``data`` as the newest reserve copy of ``path`` and keep only the last few.

    With ``skip_if_same``, nothing is written when the newest copy already holds these bytes
    (opening and closing a session repeatedly must not push the older copies out).
    """
    ensure_real_dir(path.parent / BACKUP_DIR)
    bdir = ensure_real_dir(backup_dir_for(path))
    existing = list_backups(path)
    if skip_if_same and existing:
        try:
            if read_bytes_nofollow(existing[0].path) == data:
                return None
        except (OSError, StoreError):
            pass
    # Make room first, so that a kill at any moment leaves at most BACKUPS_KEPT copies.
    for old in existing[BACKUPS_KEPT - 1 :]:
        try:
            os.unlink(old.path)
        except OSError:
            pass
    sequence = max((b.sequence for b in existing), default=0) + 1
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = free_name(bdir, f"nr{sequence:06d}-{stamp}", SUFFIX)
    atomic_write_bytes(target, data)
    return target


def restore_backup(path: Path | str, backup: BackupInfo | Path) -> Path:
    """Put a reserve copy back as the session file ``path``; returns ``path``.

    Whatever is at ``path`` now is kept aside (``name.vervangen-<timestamp>``), never overwritten.
    Raises :class:`SessionLocked` when the session is open for writing elsewhere.
    """
    path = Path(path).absolute()
    source = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    source = source.absolute()
    if source.parent != backup_dir_for(path):
        raise UnsafePath(source, Problem.BACKUP_NOT_OURS)
    lock = Lock.try_acquire(path)
    if lock is None:
        raise SessionLocked(Problem.IN_USE, name=path.name)
    try:
        for folder in (source.parent.parent, source.parent):
            check_not_symlink(folder)
        raw = read_bytes_nofollow(source)
        try:
            load(raw)
        except FileUnreadable:
            raise StoreError(Problem.BACKUP_BAD) from None
        check_not_symlink(path)
        if os.path.lexists(path):
            move_aside(path, REPLACED_MARK)
        atomic_write_bytes(path, raw)
    finally:
        lock.release()
    return path
