"""Opening a session file and saving it: lock, read, recover, write. No Textual.

Rules (DESIGN.md section 4): every save is atomic and durable before it reports success; one
writer per session, a second opener gets a read-only view; a damaged file is never overwritten
(it is kept aside and the newest good reserve copy is offered); a file another program changed
while the session was open is kept aside too, never silently replaced.
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB

from ..domain.session import Session
from ..teksten import store as t
from . import backups
from .atomic import AtomicJSONStorage, RawJSON, read_bytes_nofollow
from .codes import Notice, NoticeCode, Problem, ReadOnly, SaveFailed, failure_of
from .errors import CannotRead, CorruptSession, ReadOnlyError, SessionNotFound, StoreError
from .files import CHANGED_MARK, DAMAGED_MARK, FileStamp, file_stamp, move_aside
from .loading import DOC_ID, TABLE, FileUnreadable, load
from .lock import Lock, remove_stale_temps


@dataclass(frozen=True)
class SaveResult:
    """What a save did. ``code``/``detail`` say why it failed; ``notice`` tells of a change on disk."""

    ok: bool
    code: SaveFailed | None = None
    detail: Any = None
    notice: Notice | None = None

    @property
    def message(self) -> str | None:
        """The Dutch message of a failed save (``None`` when it succeeded)."""
        return None if self.code is None else t.not_saved(self.code, self.detail)

    @property
    def notice_text(self) -> str | None:
        return None if self.notice is None else t.notice(self.notice)


class OpenSession:
    """A session opened by :func:`open_session`: the model in memory plus how to save it.

    Change ``session`` in memory, then call :meth:`save`. ``dirty`` is ``True`` while there are
    changes that are not on disk (set it, or call :meth:`mark_dirty`, when you change something
    without saving straight away). ``last_error`` holds the Dutch message of the last failed save.
    ``read_only_code`` says why it is read-only (``read_only_reason`` in Dutch); ``events`` holds
    the notices as codes (``notices`` in Dutch).
    """

    def __init__(
        self,
        path: Path,
        session: Session,
        *,
        lock: Lock | None,
        read_only_code: ReadOnly | None,
        tables: dict[str, Any] | None,
        events: list[Notice],
        dirty: bool = False,
        backed_up: bool = False,
        stamp: FileStamp | None = None,
    ) -> None:
        self.path = path
        self.session = session
        self.read_only_code = read_only_code
        self.events = events
        self.dirty = dirty
        self.last_error: str | None = None
        self._lock = lock
        self._closed = False
        self._db: TinyDB | None = None
        self._storage: AtomicJSONStorage | None = None
        self._stamp = stamp
        self._last_backup = time.monotonic() if backed_up else None
        # Other TinyDB tables in the file (none are written by Atelier) are kept as they are.
        self._other_tables = {k: v for k, v in (tables or {}).items() if k != TABLE}
        if lock is not None and read_only_code is None:
            self._db = TinyDB(path, storage=AtomicJSONStorage, initial=tables)
            self._storage = self._db.storage  # type: ignore[assignment]

    @property
    def read_only(self) -> bool:
        return self.read_only_code is not None

    @property
    def read_only_reason(self) -> str | None:
        return t.read_only(self.read_only_code)

    @property
    def notices(self) -> list[str]:
        return [t.notice(n) for n in self.events]

    @property
    def closed(self) -> bool:
        return self._closed

    def mark_dirty(self) -> None:
        self.dirty = True

    def save(self) -> SaveResult:
        """Write the session to disk, atomically and durably.

        On a disk problem nothing on disk changes: returns ``ok=False`` with a Dutch message,
        ``dirty`` stays ``True``, and the next :meth:`save` (or :meth:`retry`) tries again. When
        another program changed the file since it was read or saved, that version is kept aside
        first and the result's ``notice`` says so (it is added to ``events`` too).
        """
        if self.read_only:
            raise ReadOnlyError(Problem.READ_ONLY_SAVE)
        if self._closed or self._db is None:
            raise StoreError(Problem.CLOSED)
        self.dirty = True
        try:
            self.session.touch()
        except ValidationError as exc:
            return self._failed(SaveFailed.INVALID, exc)
        try:
            notice = self._keep_change_on_disk()
        except OSError as exc:  # it could not be kept aside: then it is not overwritten either
            return self._failed(SaveFailed.DISK, failure_of(exc))
        try:
            # Serialised once, by pydantic, straight to JSON: the same document as
            # ``model_dump(mode="json")``, without building the dict and encoding it again.
            document = RawJSON(self.session.model_dump_json().encode("utf-8"))
            assert self._storage is not None and self._db is not None
            self._storage.write({**self._other_tables, TABLE: {str(DOC_ID): document}})
            self._db.table(TABLE).clear_cache()
        except StoreError as exc:
            return self._failed(SaveFailed.REFUSED, exc, notice)
        except OSError as exc:  # disk full, read-only, ...
            return self._failed(SaveFailed.DISK, failure_of(exc), notice)
        except Exception:  # anything unforeseen: reported, never raised into the typing
            return self._failed(SaveFailed.UNEXPECTED, None, notice)
        self._stamp = file_stamp(self.path)
        self.dirty = False
        self.last_error = None
        self._maybe_backup()
        return SaveResult(True, notice=notice)

    def _keep_change_on_disk(self) -> Notice | None:
        """If the file on disk is not the one last read or written, move it aside (kept, not lost)."""
        now = file_stamp(self.path)
        if now == self._stamp:
            return None
        if now is None:
            notice = Notice(NoticeCode.REMOVED_ON_DISK, {"name": self.path.name})
        else:
            st = os.lstat(self.path)
            if not stat.S_ISREG(st.st_mode):
                return None  # a planted link or the like: the write refuses it
            if self._storage is not None and self._storage.last_bytes is not None:
                try:
                    if read_bytes_nofollow(self.path) == self._storage.last_bytes:
                        return None  # only its metadata changed (a backup tool, a chmod): nothing to keep
                except (OSError, StoreError):
                    pass
            kept = move_aside(self.path, CHANGED_MARK)
            notice = Notice(NoticeCode.CHANGED_ON_DISK, {"name": self.path.name, "kept_as": kept.name})
        self._stamp = None
        self.events.append(notice)
        return notice

    def retry(self) -> SaveResult:
        """Try again to save after a failed save (does nothing when everything is on disk)."""
        if self.read_only:
            raise ReadOnlyError(Problem.READ_ONLY_SAVE)
        if not self.dirty:
            return SaveResult(True)
        return self.save()

    def _failed(self, code: SaveFailed, detail: Any, notice: Notice | None = None) -> SaveResult:
        self.dirty = True
        result = SaveResult(False, code, detail, notice)
        self.last_error = result.message
        return result

    def _maybe_backup(self) -> None:
        now = time.monotonic()
        if self._last_backup is not None and now - self._last_backup < backups.BACKUP_INTERVAL:
            return
        self._last_backup = now
        data = self._storage.last_bytes if self._storage else None
        if data is None:
            return
        try:
            backups.write_backup(self.path, data)
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


def _read(path: Path) -> bytes:
    try:
        return read_bytes_nofollow(path)
    except FileNotFoundError:
        raise SessionNotFound(Problem.NOT_FOUND, name=path.name) from None
    except OSError as exc:  # no permission, a disk error: nothing is changed
        raise CannotRead(Problem.CANNOT_READ, name=path.name, failure=failure_of(exc)) from None


def _set_aside_damaged(path: Path, bad: FileUnreadable, lock: Lock | None) -> CorruptSession:
    moved = None
    if lock is not None and bad.movable:
        try:
            moved = move_aside(path, DAMAGED_MARK)
        except OSError:
            moved = None
    try:
        backup = backups.newest_good_backup(path)
    except StoreError:  # a planted link instead of the reserve folder: offer nothing
        backup = None
    return CorruptSession(path, bad.kind, bad.detail, moved, backup)


def open_session(path: Path | str, *, writable: bool = True) -> OpenSession:
    """Open a session file: lock, read, migrate, check.

    With ``writable`` the session's lock is taken; if another opener holds it, the session opens
    read-only (``read_only_code`` says why). A damaged file raises :class:`CorruptSession`;
    when writable it is first moved aside (never overwritten). A file of a newer Atelier opens
    read-only. Raises :class:`SessionNotFound`, :class:`CannotRead` and
    :class:`~.errors.UnsafePath` (planted link).
    """
    path = Path(path).absolute()
    if not path.parent.is_dir() or not os.path.lexists(path):
        raise SessionNotFound(Problem.NOT_FOUND, name=path.name)
    lock: Lock | None = None
    reason: ReadOnly | None = None
    if writable:
        try:
            lock = Lock.try_acquire(path)
        except StoreError:
            raise
        except OSError:
            reason = ReadOnly.NO_WRITE
        else:
            if lock is None:
                reason = ReadOnly.LOCKED
    else:
        reason = ReadOnly.ASKED
    try:
        if lock is not None:
            remove_stale_temps(path)
        stamp = file_stamp(path)  # before reading: a change after this is noticed at the first save
        raw = _read(path)
        try:
            loaded = load(raw)
        except FileUnreadable as bad:
            raise _set_aside_damaged(path, bad, lock) from None
        events = list(loaded.notices)
        backed_up = False
        if loaded.newer:
            reason = ReadOnly.NEWER
            if lock is not None:  # leave it free for the newer Atelier
                lock.release()
                lock = None
        elif lock is not None:
            try:
                backups.write_backup(path, raw, skip_if_same=True)
                backed_up = True
            except OSError:
                events.append(Notice(NoticeCode.BACKUP_NOT_MADE))
        session = OpenSession(
            path,
            loaded.session,
            lock=lock,
            read_only_code=reason,
            tables=loaded.tables,
            events=events,
            dirty=bool(loaded.notices) and reason is None,
            backed_up=backed_up,
            stamp=stamp,
        )
    except BaseException as exc:
        if lock is not None:
            # The session is gone: do not leave a lock file of it behind.
            lock.release(remove=isinstance(exc, SessionNotFound))
        raise
    return session
