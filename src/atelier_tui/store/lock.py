"""One writer per session: an exclusive ``flock`` on the session's hidden lock file. No Textual."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import signal
import socket
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from .atomic import TMP_MARKER, temp_prefix
from .codes import Problem
from .errors import UnsafePath
from .files import backup_dir_for, lock_path_for, unlink_matching

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class Lock:
    """An exclusive ``flock`` on a session's lock file, held for as long as the session is open."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd = fd
        self.path = path

    @classmethod
    def try_acquire(cls, session_file: Path) -> Lock | None:
        """The lock, or ``None`` when another opener holds it. Refuses a planted link.

        Raises ``OSError`` when the lock file cannot be made (a read-only or full folder).
        """
        path = lock_path_for(session_file)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _O_NOFOLLOW | _O_NONBLOCK | _O_CLOEXEC, 0o600)
        except OSError as exc:
            if exc.errno == errno.ELOOP or os.path.islink(path):
                raise UnsafePath(path, Problem.SYMLINK, name=path.name) from None
            raise
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise UnsafePath(path, Problem.NOT_A_FILE, name=path.name)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        except BaseException:
            os.close(fd)
            raise
        _write_holder(fd)
        return cls(fd, path)

    def release(self, *, remove: bool = False) -> None:
        """Let go of the lock; with ``remove`` (the session is gone) its lock file goes too."""
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            try:
                if remove:  # while still holding it, so no opener is locked out by a stale file
                    try:
                        os.unlink(self.path)
                    except OSError:
                        pass
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)


@dataclass(frozen=True)
class Holder:
    """Who holds a session's lock: written into the lock file by the holder when it takes it."""

    pid: int
    host: str
    uid: int
    since: float  # time.time() when it opened the session

    @property
    def here(self) -> bool:
        """On this machine and of this user: a process that may be asked to save and stop."""
        return self.host == socket.gethostname() and self.uid == os.getuid()


def _write_holder(fd: int) -> None:
    """Tell later openers who holds the session (best effort: the lock itself is the flock)."""
    data = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "uid": os.getuid(), "since": time.time()})
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, data.encode("utf-8"), 0)
    except OSError:
        pass


def holder(session_file: Path) -> Holder | None:
    """Who holds the lock of ``session_file`` now, as far as its lock file says; None when unknown."""
    try:
        fd = os.open(lock_path_for(session_file), os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_CLOEXEC)
    except OSError:
        return None
    try:
        data = json.loads(os.read(fd, 4096).decode("utf-8"))
        return Holder(int(data["pid"]), str(data["host"]), int(data["uid"]), float(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    finally:
        os.close(fd)


def ask_holder_to_stop(session_file: Path) -> bool:
    """Ask the process that holds the session (on this machine, of this user) to save and stop.

    It saves at once on SIGTERM (also with a frozen terminal: the save comes before any screen
    output) and lets go of the lock. True when it was asked; False when that is not possible here.
    """
    who = holder(session_file)
    if who is None or not who.here or who.pid == os.getpid():
        return False
    try:
        os.kill(who.pid, signal.SIGTERM)
    except OSError:
        return False
    return True


def is_locked_elsewhere(session_file: Path) -> bool:
    """Whether another opener holds the session's lock now (never creates a lock file)."""
    try:
        fd = os.open(lock_path_for(session_file), os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # closing drops the shared lock, if it was taken
    return False


def remove_stale_temps(path: Path) -> None:
    """Remove temp files left by a killed save of this session. Only call while holding its lock."""
    prefix = temp_prefix(path.name)
    unlink_matching(path.parent, lambda name: name.startswith(prefix))
    bdir = backup_dir_for(path)
    for folder in (bdir.parent, bdir):  # never look through a planted link
        try:
            st = os.lstat(folder)
        except OSError:
            return
        if not stat.S_ISDIR(st.st_mode):
            return
    unlink_matching(bdir, lambda name: name.startswith(".") and TMP_MARKER in name)
