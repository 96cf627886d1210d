"""The sessions folder: list, find, create, move to the bin and remove sessions. No Textual.

Hidden entries (lock files, temp files, ``.reserve/``, ``.prullenbak/``) are never listed. Every
file and folder the store makes here is private to the user (files 0600, folders 0700).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from ..domain import hygiene
from ..domain.session import SCHEMA_VERSION, Session
from ..teksten import store as t
from . import migrations
from .atomic import AtomicJSONStorage, fsync_dir, read_bytes_nofollow, read_regular_file
from .codes import ListProblem, Problem, Unreadable, failure_of
from .errors import CannotWrite, SessionExists, SessionLocked, SessionNotFound, StoreError, UnsafePath
from .files import TRASH_DIR, backup_dir_for, free_name, local_stamp, stem_of
from .loading import TABLE, FileUnreadable, parse
from .lock import Lock
from .opening import OpenSession, open_session
from .places import open_folder
from .slug import MAX_SLUG, SUFFIX, check_not_symlink, ensure_real_dir, is_hidden, session_path, slugify

#: How many numbered copies of one name (``naam (2)``, ``naam (3)``...) are tried before giving up.
MAX_COPIES = 10_000


@dataclass(frozen=True)
class SessionInfo:
    """One session file as shown in a list. ``probleem`` is a Dutch line if it cannot be opened
    normally (``problem`` is the same as a code)."""

    path: Path
    slug: str
    naam: str
    gemeente: str
    datums: tuple[date | None, date | None]
    gewijzigd: datetime | None
    probleem: str | None = None
    problem: ListProblem | None = None


def _as_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _as_moment(value: Any) -> datetime | None:
    """A stored moment, or ``None`` when it is not one or cannot be shown in any time zone."""
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        if moment is None:
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        # Near the years 1 and 9999 a moment cannot be moved to another time zone.
        (moment - timedelta(days=1)).astimezone(UTC)
        (moment + timedelta(days=1)).astimezone(UTC)
    except (ValueError, OverflowError):
        return None
    return moment


def _text(value: Any) -> str:
    return hygiene.clean_line(value) if isinstance(value, str) else ""


def _info(path: Path) -> SessionInfo:
    slug = path.name[: -len(SUFFIX)]

    def problem(code: ListProblem, moment: datetime | None = None) -> SessionInfo:
        return SessionInfo(path, slug, _text(slug), "", (None, None), moment, t.list_problem(code), code)

    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            return problem(ListProblem.LINK)
        mtime = datetime.fromtimestamp(st.st_mtime, UTC)
        raw = read_bytes_nofollow(path)
    except (OSError, StoreError, OverflowError, ValueError):
        return problem(ListProblem.UNREADABLE)
    try:
        _, doc = parse(raw)
    except FileUnreadable as bad:
        return problem(ListProblem.DAMAGED if bad.kind is Unreadable.DAMAGED else ListProblem.NOT_A_SESSION, mtime)
    code = None
    try:
        version = migrations.read_version(doc)
    except migrations.MigrationError:
        code = ListProblem.NO_VERSION
    else:
        if version > SCHEMA_VERSION:
            code = ListProblem.NEWER
        elif version < SCHEMA_VERSION and version < min(migrations.MIGRATIONS, default=SCHEMA_VERSION):
            code = ListProblem.OLDER
    avond1 = doc.get("avond1") if isinstance(doc.get("avond1"), dict) else {}
    avond2 = doc.get("avond2") if isinstance(doc.get("avond2"), dict) else {}
    return SessionInfo(
        path=path,
        slug=slug,
        naam=_text(doc.get("naam")) or _text(slug),
        gemeente=_text(doc.get("gemeente")),
        datums=(_as_date(avond1.get("datum")), _as_date(avond2.get("datum"))),
        gewijzigd=_as_moment(doc.get("gewijzigd")) or mtime,
        probleem=t.list_problem(code),
        problem=code,
    )


class SessionsDir:
    """The folder with session files (created, private, when missing).

    With ``private`` (the default folder, which nobody chose on purpose) a folder that another
    user owns or others can write in is refused with :class:`~.errors.UnsafePath`.
    """

    def __init__(self, path: Path | str, *, private: bool = False, create: bool = True) -> None:
        """``create=False`` (the read-only commands): a missing folder is not made; it lists as empty."""
        self.path = open_folder(path, private=private, create=create)

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

    def _numbered_slug(self, name: str, n: int) -> str:
        base = slugify(name)
        if n == 1:
            return base
        tail = f"-{n}"
        return base[: MAX_SLUG - len(tail)].rstrip("-") + tail

    def unique_slug(self, name: str) -> str:
        """The slug of ``name``, or ``slug-2``, ``slug-3``... whichever has no file yet."""
        for n in range(1, MAX_COPIES + 1):
            candidate = self._numbered_slug(name, n)
            if not os.path.lexists(self.path / f"{candidate}{SUFFIX}"):
                return candidate
        raise SessionExists(Problem.TOO_MANY, name=name)

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
                raise SessionNotFound(Problem.NOT_FOUND, name=text)
        if "\x00" not in text and text.strip():
            by_slug = self.path_for(text)
            if os.path.lexists(by_slug):
                return by_slug
        wanted = hygiene.clean_line(text).casefold()
        matches = [i.path for i in self.list() if wanted and i.naam.casefold() == wanted]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise SessionNotFound(Problem.AMBIGUOUS, name=text, files=[m.name for m in matches])
        raise SessionNotFound(Problem.NOT_FOUND, name=text)

    def create(self, session: Session, *, slug: str | None = None) -> Path:
        """Write a new session file (``slug`` defaults to the slug of its name); returns its path.

        Raises :class:`~.errors.SessionExists`, and :class:`~.errors.CannotWrite` when the folder
        is read-only or full (nothing is left behind then).
        """
        path = self.path_for(slug or session.naam)
        try:
            lock = Lock.try_acquire(path)
        except OSError as exc:
            raise CannotWrite(Problem.CANNOT_WRITE, name=self.path.name, failure=failure_of(exc)) from None
        if lock is None:
            raise SessionExists(Problem.EXISTS, name=session.naam)
        made = False
        try:
            check_not_symlink(path)
            if os.path.lexists(path):
                raise SessionExists(Problem.EXISTS, name=session.naam)
            db = TinyDB(path, storage=AtomicJSONStorage, initial=None)
            try:
                db.table(TABLE).insert(session.model_dump(mode="json"))
            except OSError as exc:
                raise CannotWrite(Problem.CANNOT_WRITE, name=self.path.name, failure=failure_of(exc)) from None
            finally:
                db.close()
            made = True
        finally:
            lock.release(remove=not made and not os.path.lexists(path))
        return path

    def create_copy(self, session: Session) -> Path:
        """Create ``session`` under its name, or as ``naam (2)``, ``naam (3)``... when that is taken.

        Changes ``session.naam`` to the name used. Works for names longer than a file name, too.
        """
        base = session.naam
        for n in range(1, MAX_COPIES + 1):
            slug = self._numbered_slug(base, n)
            if os.path.lexists(self.path / f"{slug}{SUFFIX}"):
                continue
            session.naam = base if n == 1 else f"{base} ({n})"
            try:
                return self.create(session, slug=slug)
            except SessionExists:
                continue  # made by someone else just now: try the next number
        session.naam = base
        raise SessionExists(Problem.TOO_MANY, name=base)

    def open(self, name_or_path: str | Path, *, writable: bool = True) -> OpenSession:
        return open_session(self.resolve(name_or_path), writable=writable)

    def _checked(self, path: Path | str) -> Path:
        path = Path(path).absolute()
        if path.parent != self.path:
            raise UnsafePath(path, Problem.OUTSIDE_FOLDER, name=path.name)
        check_not_symlink(path)
        if not os.path.lexists(path):
            raise SessionNotFound(Problem.NOT_FOUND, name=path.name)
        return path

    def _lock_for_removal(self, path: Path) -> Lock:
        try:
            lock = Lock.try_acquire(path)
        except OSError as exc:
            raise CannotWrite(Problem.CANNOT_WRITE, name=path.name, failure=failure_of(exc)) from None
        if lock is None:
            raise SessionLocked(Problem.IN_USE, name=path.name)
        return lock

    def trash(self, path: Path | str) -> Path:
        """Move a session file to ``.prullenbak/`` (with a timestamp); its reserve copies stay.

        Raises :class:`~.errors.SessionLocked` while it is open in another window.
        """
        path = self._checked(path)
        lock = self._lock_for_removal(path)
        moved = False
        try:
            trash = ensure_real_dir(self.trash_dir)
            target = free_name(trash, f"{stem_of(path)}-{local_stamp()}", SUFFIX)
            try:
                os.rename(path, target)
            except OSError as exc:
                raise CannotWrite(Problem.CANNOT_WRITE, name=path.name, failure=failure_of(exc)) from None
            moved = True
            fsync_dir(trash)
            fsync_dir(self.path)
        finally:
            lock.release(remove=moved)
        return target

    def remove(self, path: Path | str) -> None:
        """Remove a session for good: its file, its reserve copies, its lock file and its copies in the bin.

        Raises :class:`~.errors.SessionLocked` while it is open in another window.
        """
        path = self._checked(path)
        lock = self._lock_for_removal(path)
        removed = False
        try:
            try:
                os.unlink(path)
            except OSError as exc:
                raise CannotWrite(Problem.CANNOT_WRITE, name=path.name, failure=failure_of(exc)) from None
            removed = True
            self._remove_backups(path)
            self._remove_trashed(stem_of(path))
            fsync_dir(self.path)
        finally:
            lock.release(remove=removed)

    def _remove_backups(self, path: Path) -> None:
        bdir = backup_dir_for(path)
        for folder in (bdir.parent, bdir):
            try:
                if not stat.S_ISDIR(os.lstat(folder).st_mode):  # never through a planted link
                    return
            except OSError:
                return
        shutil.rmtree(bdir, ignore_errors=True)

    def _remove_trashed(self, stem: str) -> None:
        try:
            if not stat.S_ISDIR(os.lstat(self.trash_dir).st_mode):
                return
            entries = list(os.scandir(self.trash_dir))
        except OSError:
            return
        mine = re.compile(rf"^{re.escape(stem)}-\d{{8}}-\d{{6}}(?:-\d+)?{re.escape(SUFFIX)}$")
        for entry in entries:
            if mine.match(entry.name) and not entry.is_dir(follow_symlinks=False):
                try:
                    os.unlink(entry.path)
                except OSError:
                    pass


def looks_like_session(path: Path) -> bool:
    """Whether the regular file at ``path`` is a session file of Atelier (of any version)."""
    try:
        raw = read_regular_file(path, follow=False, limit=64 * 1024 * 1024)
        _, doc = parse(raw)
    except (OSError, StoreError, FileUnreadable):
        return False
    return "schema_version" in doc
