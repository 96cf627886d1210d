"""The session repository: find, create, open, lock, save, back up and recover session files.

On disk, in a sessions folder::

    begroting-2027.json                       the session (TinyDB: table "session", document 1)
    .begroting-2027.json.lock                 its lock file (flock; never deleted)
    .begroting-2027.json.tmp-k2j4l1           a temp file while saving (hidden; cleaned on open)
    .reserve/begroting-2027/20261129-051200-123456.json   the last 5 reserve copies
    begroting-2027.json.beschadigd-20261129-061200        a damaged file, kept aside untouched
    .prullenbak/begroting-2027-20261129-061200.json       a session moved to the bin

Rules (DESIGN.md section 4): every save is atomic and durable before it reports success; one
writer per session, a second opener gets a read-only view; a damaged file is never overwritten;
nothing outside the folder is ever read or written through a planted symbolic link. No Textual.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB

from ..domain import hygiene
from ..domain.errors import describe_validation_error
from ..domain.session import SCHEMA_VERSION, Session
from ..domain.types import local, now_utc
from ..teksten import store as t
from . import migrations
from .atomic import (
    TMP_MARKER,
    AtomicJSONStorage,
    RawJSON,
    atomic_write_bytes,
    fsync_dir,
    read_bytes_nofollow,
    temp_prefix,
)
from .slug import (
    SUFFIX,
    StoreError,
    UnsafePath,
    check_not_symlink,
    ensure_real_dir,
    is_hidden,
    safe_child,
    session_path,
    slugify,
)

__all__ = [
    "BACKUP_DIR",
    "BACKUP_INTERVAL",
    "BACKUPS_KEPT",
    "TABLE",
    "TRASH_DIR",
    "BackupInfo",
    "CorruptSession",
    "OpenSession",
    "ReadOnlyError",
    "SaveResult",
    "SessionExists",
    "SessionInfo",
    "SessionLocked",
    "SessionNotFound",
    "SessionsDir",
    "StoreError",
    "UnsafePath",
    "backup_dir_for",
    "list_backups",
    "lock_path_for",
    "newest_good_backup",
    "open_session",
    "restore_backup",
]

#: The TinyDB table that holds the session document (as document 1).
TABLE = "session"
DOC_ID = 1
#: Hidden folder (inside the sessions folder) with the reserve copies, one subfolder per session.
BACKUP_DIR = ".reserve"
#: Hidden folder (inside the sessions folder) where removed sessions go.
TRASH_DIR = ".prullenbak"
#: How many reserve copies are kept per session.
BACKUPS_KEPT = 5
#: At most one reserve copy per this many seconds while saving.
BACKUP_INTERVAL = 5 * 60.0
#: Suffix of a damaged file kept aside; followed by a local timestamp.
DAMAGED_MARK = ".beschadigd-"
#: Suffix of a file that a restored reserve copy replaced; followed by a local timestamp.
REPLACED_MARK = ".vervangen-"

_BACKUP_NAME = re.compile(r"^(\d{8}-\d{6}-\d{6})(?:-(\d+))?\.json$")
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


# --- Errors ----------------------------------------------------------------------------------


class SessionNotFound(StoreError):
    pass


class SessionExists(StoreError):
    pass


class SessionLocked(StoreError):
    """The session is open for writing elsewhere, so it cannot be moved or replaced now."""


class ReadOnlyError(StoreError):
    """``save()`` on a session that was opened read-only."""


@dataclass(frozen=True)
class BackupInfo:
    """One reserve copy of a session: where it is and when it was made (UTC)."""

    path: Path
    moment: datetime


class CorruptSession(StoreError):
    """A session file that cannot be read. It was never overwritten.

    ``moved_to``: where the damaged file was put aside (``None`` if it was left in place, as when
    opening read-only). ``backup``: the newest reserve copy that loads and checks out, or ``None``.
    ``reason``: what is wrong, in Dutch. ``message``: the full Dutch message for the user.
    """

    def __init__(
        self,
        path: Path,
        reason: str,
        moved_to: Path | None = None,
        backup: BackupInfo | None = None,
    ) -> None:
        self.path = path
        self.reason = reason
        self.moved_to = moved_to
        self.backup = backup
        super().__init__(
            t.corrupt(
                path.name,
                reason,
                moved_to.name if moved_to else None,
                backup.moment if backup else None,
            )
        )


# --- Small helpers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SaveResult:
    ok: bool
    message: str | None = None


def lock_path_for(path: Path) -> Path:
    return safe_child(path.parent, f".{path.name}.lock")


def backup_dir_for(path: Path) -> Path:
    stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name
    return safe_child(path.parent / BACKUP_DIR, stem)


def _local_stamp() -> str:
    return local(now_utc()).strftime("%Y%m%d-%H%M%S")


def _free_name(folder: Path, base: str, ext: str = "") -> Path:
    """``folder/base+ext``, or ``base-2+ext``, ``base-3+ext``... whichever does not exist yet."""
    candidate = safe_child(folder, base + ext)
    n = 2
    while os.path.lexists(candidate):
        candidate = safe_child(folder, f"{base}-{n}{ext}")
        n += 1
    return candidate


def _move_aside(path: Path, mark: str) -> Path:
    """Rename ``path`` next to itself as ``name<mark><timestamp>``; the bytes stay as they are."""
    target = _free_name(path.parent, f"{path.name}{mark}{_local_stamp()}")
    os.rename(path, target)
    fsync_dir(path.parent)
    return target


class _Lock:
    """An exclusive ``flock`` on a session's lock file, held for as long as the session is open."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    @classmethod
    def try_acquire(cls, session_file: Path) -> _Lock | None:
        """The lock, or ``None`` when another opener holds it. Refuses a planted link."""
        path = lock_path_for(session_file)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _O_NOFOLLOW | _O_NONBLOCK | _O_CLOEXEC, 0o600)
        except OSError as exc:
            if exc.errno == errno.ELOOP or os.path.islink(path):
                raise UnsafePath(path, t.symlink_refused(path.name)) from None
            raise
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise UnsafePath(path, t.not_a_file(path.name))
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        except BaseException:
            os.close(fd)
            raise
        return cls(fd)

    def release(self) -> None:
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)


def _remove_stale_temps(path: Path) -> None:
    """Remove temp files left by a killed save of this session. Only call while holding its lock."""
    prefix = temp_prefix(path.name)
    _unlink_matching(path.parent, lambda name: name.startswith(prefix))
    bdir = backup_dir_for(path)
    for folder in (bdir.parent, bdir):  # never look through a planted link
        try:
            st = os.lstat(folder)
        except OSError:
            return
        if not stat.S_ISDIR(st.st_mode):
            return
    _unlink_matching(bdir, lambda name: name.startswith(".") and TMP_MARKER in name)


def _unlink_matching(folder: Path, match: Callable[[str], bool]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if match(entry.name):
            try:
                if entry.is_dir(follow_symlinks=False):
                    continue
                os.unlink(entry.path)  # removes a link itself, never what it points to
            except OSError:
                pass


# --- Reading and checking a file -------------------------------------------------------------


class _Unreadable(Exception):
    def __init__(self, reason: str, *, movable: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.movable = movable  # False for a file of a newer Atelier: not damaged, just not ours


@dataclass
class _Loaded:
    tables: dict[str, Any]
    session: Session
    version: int
    notices: list[str]
    newer: bool


def _parse(raw: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """The TinyDB tables and the session document in them, or :class:`_Unreadable`."""
    try:
        tables = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _Unreadable(t.REASON_DAMAGED) from None
    table = tables.get(TABLE) if isinstance(tables, dict) else None
    if not isinstance(table, dict) or list(table) != [str(DOC_ID)]:
        raise _Unreadable(t.REASON_NOT_A_SESSION)
    doc = table[str(DOC_ID)]
    if not isinstance(doc, dict):
        raise _Unreadable(t.REASON_NOT_A_SESSION)
    return tables, doc


def _load(raw: bytes) -> _Loaded:
    """Parse, migrate and validate a session file's bytes."""
    tables, doc = _parse(raw)
    try:
        migrated, notices = migrations.migrate(doc)
    except migrations.NewerVersion as newer:
        try:
            session = Session.model_validate(doc, context={"lenient": True})
        except ValidationError as exc:
            raise _Unreadable(t.reason_newer_unreadable(describe_validation_error(exc)), movable=False) from None
        return _Loaded(tables, session, newer.version, [], newer=True)
    except migrations.MigrationError as exc:
        raise _Unreadable(exc.message) from None
    try:
        session = Session.model_validate(migrated)
    except ValidationError as exc:
        raise _Unreadable(t.reason_invalid(describe_validation_error(exc))) from None
    return _Loaded(tables, session, migrations.read_version(doc), notices, newer=False)


# --- Reserve copies --------------------------------------------------------------------------


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
        match = _BACKUP_NAME.match(entry.name)
        if not match or entry.is_symlink():
            continue
        moment = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
        result.append((moment, int(match.group(2) or 1), BackupInfo(Path(entry.path), moment)))
    result.sort(key=lambda item: item[:2], reverse=True)
    return [item[2] for item in result]


def newest_good_backup(path: Path | str) -> BackupInfo | None:
    """The newest reserve copy that loads and checks out, or ``None``."""
    for backup in list_backups(path):
        try:
            loaded = _load(read_bytes_nofollow(backup.path))
        except (_Unreadable, OSError, StoreError):
            continue
        if not loaded.newer:
            return backup
    return None


def _write_backup(path: Path, data: bytes, *, skip_if_same: bool = False) -> Path | None:
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
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    stamp_path = _free_name(bdir, stamp, SUFFIX)
    atomic_write_bytes(stamp_path, data)
    return stamp_path


def restore_backup(path: Path | str, backup: BackupInfo | Path) -> Path:
    """Put a reserve copy back as the session file ``path``; returns ``path``.

    Whatever is at ``path`` now is kept aside (``name.vervangen-<timestamp>``), never overwritten.
    Raises :class:`SessionLocked` when the session is open for writing elsewhere.
    """
    path = Path(path).absolute()
    source = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    source = source.absolute()
    if source.parent != backup_dir_for(path):
        raise UnsafePath(source, t.BACKUP_NOT_OURS)
    lock = _Lock.try_acquire(path)
    if lock is None:
        raise SessionLocked(t.session_in_use(path.name))
    try:
        for folder in (source.parent.parent, source.parent):
            check_not_symlink(folder)
        raw = read_bytes_nofollow(source)
        try:
            _load(raw)
        except _Unreadable:
            raise StoreError(t.BACKUP_BAD) from None
        check_not_symlink(path)
        if os.path.lexists(path):
            _move_aside(path, REPLACED_MARK)
        atomic_write_bytes(path, raw)
    finally:
        lock.release()
    return path


# --- An open session -------------------------------------------------------------------------


class OpenSession:
    """A session opened by :func:`open_session`: the model in memory plus how to save it.

    Change ``session`` in memory, then call :meth:`save`. ``dirty`` is ``True`` while there are
    changes that are not on disk (set it, or call :meth:`mark_dirty`, when you change something
    without saving straight away). ``last_error`` holds the Dutch message of the last failed save.
    """

    def __init__(
        self,
        path: Path,
        session: Session,
        *,
        lock: _Lock | None,
        read_only_reason: str | None,
        tables: dict[str, Any] | None,
        notices: list[str],
        dirty: bool = False,
        backed_up: bool = False,
    ) -> None:
        self.path = path
        self.session = session
        self.read_only_reason = read_only_reason
        self.notices = notices
        self.dirty = dirty
        self.last_error: str | None = None
        self._lock = lock
        self._closed = False
        self._db: TinyDB | None = None
        self._storage: AtomicJSONStorage | None = None
        self._last_backup = time.monotonic() if backed_up else None
        # Other TinyDB tables in the file (none are written by Atelier) are kept as they are.
        self._other_tables = {k: v for k, v in (tables or {}).items() if k != TABLE}
        if lock is not None and read_only_reason is None:
            self._db = TinyDB(path, storage=AtomicJSONStorage, initial=tables)
            self._storage = self._db.storage  # type: ignore[assignment]

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def closed(self) -> bool:
        return self._closed

    def mark_dirty(self) -> None:
        self.dirty = True

    def save(self) -> SaveResult:
        """Write the session to disk, atomically and durably.

        On a disk problem nothing on disk changes: returns ``ok=False`` with a Dutch message,
        ``dirty`` stays ``True``, and the next :meth:`save` (or :meth:`retry`) tries again.
        """
        if self.read_only:
            raise ReadOnlyError(t.READ_ONLY_SAVE)
        if self._closed or self._db is None:
            raise StoreError(t.CLOSED)
        self.dirty = True
        try:
            self.session.touch()
        except ValidationError as exc:
            return self._failed(t.not_saved_invalid(describe_validation_error(exc)))
        try:
            # Serialised once, by pydantic, straight to JSON: the same document as
            # ``model_dump(mode="json")``, without building the dict and encoding it again.
            document = RawJSON(self.session.model_dump_json().encode("utf-8"))
            assert self._storage is not None and self._db is not None
            self._storage.write({**self._other_tables, TABLE: {str(DOC_ID): document}})
            self._db.table(TABLE).clear_cache()
        except StoreError as exc:
            return self._failed(t.not_saved(exc))
        except Exception as exc:  # OSError (disk full, read-only, ...) and anything unforeseen
            return self._failed(t.not_saved(exc))
        self.dirty = False
        self.last_error = None
        self._maybe_backup()
        return SaveResult(True)

    def retry(self) -> SaveResult:
        """Try again to save after a failed save (does nothing when everything is on disk)."""
        if self.read_only:
            raise ReadOnlyError(t.READ_ONLY_SAVE)
        if not self.dirty:
            return SaveResult(True)
        return self.save()

    def _failed(self, message: str) -> SaveResult:
        self.dirty = True
        self.last_error = message
        return SaveResult(False, message)

    def _maybe_backup(self) -> None:
        now = time.monotonic()
        if self._last_backup is not None and now - self._last_backup < BACKUP_INTERVAL:
            return
        self._last_backup = now
        data = self._storage.last_bytes if self._storage else None
        if data is None:
            return
        try:
            _write_backup(self.path, data)
        except (OSError, StoreError):
            pass  # the session itself is saved; a missing reserve copy is retried in 5 minutes

    def close(self) -> None:
        """Release the lock. The session is not saved; check ``dirty`` first."""
        if self._closed:
            return
        self._closed = True
        if self._db is not None:
            self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> OpenSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "writable"
        return f"<OpenSession {self.path.name} {mode}{' dirty' if self.dirty else ''}>"


def open_session(path: Path | str, *, writable: bool = True) -> OpenSession:
    """Open a session file: lock, read, migrate, check.

    With ``writable`` the session's lock is taken; if another opener holds it, the session opens
    read-only with a Dutch ``read_only_reason``. A damaged file raises :class:`CorruptSession`;
    when writable it is first moved aside (never overwritten). A file of a newer Atelier opens
    read-only. Raises :class:`SessionNotFound` and :class:`~.slug.UnsafePath` (planted link).
    """
    path = Path(path).absolute()
    if not path.parent.is_dir() or not os.path.lexists(path):
        raise SessionNotFound(t.session_not_found(path.name))
    lock: _Lock | None = None
    reason: str | None = None
    if writable:
        try:
            lock = _Lock.try_acquire(path)
        except StoreError:
            raise
        except OSError:
            reason = t.READ_ONLY_NO_WRITE
        else:
            if lock is None:
                reason = t.READ_ONLY_LOCKED
    else:
        reason = t.READ_ONLY_ASKED
    try:
        if lock is not None:
            _remove_stale_temps(path)
        try:
            raw = read_bytes_nofollow(path)
        except FileNotFoundError:
            raise SessionNotFound(t.session_not_found(path.name)) from None
        try:
            loaded = _load(raw)
        except _Unreadable as bad:
            moved = None
            if lock is not None and bad.movable:
                try:
                    moved = _move_aside(path, DAMAGED_MARK)
                except OSError:
                    moved = None
            try:
                backup = newest_good_backup(path)
            except StoreError:  # a planted link instead of the reserve folder: offer nothing
                backup = None
            raise CorruptSession(path, bad.reason, moved, backup) from None
        notices = list(loaded.notices)
        backed_up = False
        if loaded.newer:
            reason = t.READ_ONLY_NEWER
            if lock is not None:  # leave it free for the newer Atelier
                lock.release()
                lock = None
        elif lock is not None:
            try:
                _write_backup(path, raw, skip_if_same=True)
                backed_up = True
            except OSError:
                notices.append(t.BACKUP_NOT_MADE)
        session = OpenSession(
            path,
            loaded.session,
            lock=lock,
            read_only_reason=reason,
            tables=loaded.tables,
            notices=notices,
            dirty=bool(loaded.notices) and reason is None,
            backed_up=backed_up,
        )
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return session


# --- The sessions folder ---------------------------------------------------------------------


@dataclass(frozen=True)
class SessionInfo:
    """One session file as shown in a list. ``probleem`` is a Dutch line if it cannot be opened."""

    path: Path
    slug: str
    naam: str
    gemeente: str
    datums: tuple[date | None, date | None]
    gewijzigd: datetime | None
    probleem: str | None = None


def _as_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _as_moment(value: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def _text(value: Any) -> str:
    return hygiene.clean_line(value) if isinstance(value, str) else ""


def _info(path: Path) -> SessionInfo:
    slug = path.name[: -len(SUFFIX)]

    def problem(message: str, moment: datetime | None = None) -> SessionInfo:
        return SessionInfo(path, slug, _text(slug), "", (None, None), moment, message)

    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            return problem(t.PROBLEM_LINK)
        mtime = datetime.fromtimestamp(st.st_mtime, UTC)
        raw = read_bytes_nofollow(path)
    except (OSError, StoreError):
        return problem(t.PROBLEM_UNREADABLE)
    try:
        _, doc = _parse(raw)
    except _Unreadable as bad:
        msg = t.PROBLEM_DAMAGED if bad.reason == t.REASON_DAMAGED else t.PROBLEM_NOT_A_SESSION
        return problem(msg, mtime)
    probleem = None
    try:
        version = migrations.read_version(doc)
    except migrations.MigrationError:
        probleem = t.PROBLEM_NO_VERSION
    else:
        if version > SCHEMA_VERSION:
            probleem = t.PROBLEM_NEWER
        elif version < SCHEMA_VERSION and version < min(migrations.MIGRATIONS, default=SCHEMA_VERSION):
            probleem = t.PROBLEM_OLDER
    avond1 = doc.get("avond1") if isinstance(doc.get("avond1"), dict) else {}
    avond2 = doc.get("avond2") if isinstance(doc.get("avond2"), dict) else {}
    return SessionInfo(
        path=path,
        slug=slug,
        naam=_text(doc.get("naam")) or _text(slug),
        gemeente=_text(doc.get("gemeente")),
        datums=(_as_date(avond1.get("datum")), _as_date(avond2.get("datum"))),
        gewijzigd=_as_moment(doc.get("gewijzigd")) or mtime,
        probleem=probleem,
    )


class SessionsDir:
    """The folder with session files (created when missing). Hidden entries are never listed."""

    def __init__(self, path: Path | str) -> None:
        path = Path(path).expanduser()
        path.mkdir(parents=True, exist_ok=True)
        self.path = path.resolve()
        if not self.path.is_dir():
            raise UnsafePath(self.path, t.not_a_folder(self.path.name))

    @property
    def trash_dir(self) -> Path:
        return self.path / TRASH_DIR

    def __iter__(self) -> Iterator[SessionInfo]:
        return iter(self.list())

    def list(self) -> list[SessionInfo]:
        """Every session file in the folder, by name. Never fails on a bad file."""
        infos = []
        try:
            entries = list(os.scandir(self.path))
        except OSError:
            return []
        for entry in entries:
            if is_hidden(entry.name) or not entry.name.endswith(SUFFIX) or entry.name == SUFFIX:
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    continue
            except OSError:
                continue
            infos.append(_info(Path(entry.path)))
        infos.sort(key=lambda i: (i.naam.casefold(), i.path.name))
        return infos

    def path_for(self, name: str) -> Path:
        """The file for a session name: ``<slug>.json`` directly in this folder."""
        return session_path(self.path, name)

    def unique_slug(self, name: str) -> str:
        """The slug of ``name``, or ``slug-2``, ``slug-3``... whichever has no file yet."""
        base = slugify(name)
        if not os.path.lexists(self.path / f"{base}{SUFFIX}"):
            return base
        n = 2
        while True:
            tail = f"-{n}"
            candidate = base[: 60 - len(tail)].rstrip("-") + tail
            if not os.path.lexists(self.path / f"{candidate}{SUFFIX}"):
                return candidate
            n += 1

    def resolve(self, name_or_path: str | Path) -> Path:
        """An existing session file for a path, a slug or a display name."""
        text = str(name_or_path)
        as_path = isinstance(name_or_path, Path) or text.endswith(SUFFIX)
        if (as_path or "/" in text) and "\x00" not in text:
            candidate = Path(text).expanduser()
            options = (candidate,) if candidate.is_absolute() else (candidate, self.path / candidate)
            for option in options:
                if option.name.endswith(SUFFIX) and os.path.lexists(option):
                    return option.absolute()
            if as_path:
                raise SessionNotFound(t.session_not_found(hygiene.clean_line(text)))
        if "\x00" not in text and text.strip():
            by_slug = self.path_for(text)
            if os.path.lexists(by_slug):
                return by_slug
        wanted = hygiene.clean_line(text).casefold()
        matches = [i.path for i in self.list() if wanted and i.naam.casefold() == wanted]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise SessionNotFound(t.session_ambiguous(text, [m.name for m in matches]))
        raise SessionNotFound(t.session_not_found(hygiene.clean_line(text)))

    def create(self, session: Session, *, slug: str | None = None) -> Path:
        """Write a new session file (``slug`` defaults to the slug of its name); returns its path."""
        path = self.path_for(slug or session.naam)
        lock = _Lock.try_acquire(path)
        if lock is None:
            raise SessionExists(t.session_exists(session.naam))
        try:
            check_not_symlink(path)
            if os.path.lexists(path):
                raise SessionExists(t.session_exists(session.naam))
            db = TinyDB(path, storage=AtomicJSONStorage, initial=None)
            db.table(TABLE).insert(session.model_dump(mode="json"))
            db.close()
        finally:
            lock.release()
        return path

    def open(self, name_or_path: str | Path, *, writable: bool = True) -> OpenSession:
        return open_session(self.resolve(name_or_path), writable=writable)

    def trash(self, path: Path | str) -> Path:
        """Move a session file to ``.prullenbak/`` (with a timestamp); its reserve copies stay."""
        path = Path(path).absolute()
        if path.parent != self.path:
            raise UnsafePath(path, t.outside_folder(path.name))
        check_not_symlink(path)
        if not os.path.lexists(path):
            raise SessionNotFound(t.session_not_found(path.name))
        lock = _Lock.try_acquire(path)
        if lock is None:
            raise SessionLocked(t.session_in_use(path.name))
        try:
            trash = ensure_real_dir(self.trash_dir)
            stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name
            target = _free_name(trash, f"{stem}-{_local_stamp()}", SUFFIX)
            os.rename(path, target)
            fsync_dir(trash)
            fsync_dir(self.path)
        finally:
            lock.release()
        return target
