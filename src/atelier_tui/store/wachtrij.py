"""The journal of a phone round: every change, durably, apart from the session.

A phone hears "ontvangen" only after its change is in this file: one JSON line per event
(``domain/ronde.py``), written and fsynced before :meth:`Journal.append` returns. After a kill -9
the facilitator's process finds the journal (:func:`leftover`) and rebuilds the round from it, with
the waiting texts still waiting: nothing from a phone enters the session unless she approves it.
The file is ``.NAAM.zaal.jsonl`` beside the session file, private (0600), never followed through a
symbolic link, and removed when the round is over. It holds no addresses and no device ids: a phone
is a random value. No Textual.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import threading
from pathlib import Path
from typing import Any

from ..teksten import zaal as T
from .atomic import fsync_dir

#: A journal never grows past this; the round then refuses more (a flood cannot fill the disk).
MAX_BYTES = 32 * 1024 * 1024

_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def journal_path(session_file: Path) -> Path:
    """``.NAAM.zaal.jsonl`` beside the session file ``NAAM.json``."""
    session_file = Path(session_file)
    return session_file.with_name(f".{session_file.stem}.zaal.jsonl")


class JournalError(OSError):
    """The journal could not be written. ``message``: Dutch, for the phone ("niet ontvangen");
    ``detail``: Dutch, for the facilitator."""

    def __init__(self, err: int, detail: str) -> None:
        super().__init__(err, detail)
        self.message = T.NIET_ONTVANGEN
        self.detail = detail

    def __str__(self) -> str:
        return self.detail


def _error(exc: OSError) -> JournalError:
    if exc.errno in _FULL:
        return JournalError(exc.errno or errno.ENOSPC, T.JOURNAAL_VOL)
    return JournalError(exc.errno or errno.EIO, T.JOURNAAL_FOUT.format(fout=exc.strerror or type(exc).__name__))


def _encode(event: dict[str, Any]) -> bytes:
    line = json.dumps(event, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return line.encode("utf-8") + b"\n"


def _parse(raw: bytes) -> list[dict[str, Any]]:
    """The events of a journal's bytes; a torn or unreadable line is skipped."""
    events = []
    for line in raw.split(b"\n"):
        if not line.strip():
            continue
        try:
            event = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
        if isinstance(event, dict):
            events.append(event)
    return events


def _read_raw(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_CLOEXEC)
    try:
        if not _is_regular(fd):
            raise JournalError(errno.EINVAL, T.JOURNAAL_FOUT.format(fout="geen gewoon bestand"))
        chunks = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            total += len(chunk)
            if total > MAX_BYTES + (1 << 20):
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _is_regular(fd: int) -> bool:
    return stat.S_ISREG(os.fstat(fd).st_mode)


class Journal:
    """The durable journal of the round of one session. Thread-safe: appends run in a worker thread."""

    def __init__(self, session_file: Path) -> None:
        self.path = journal_path(Path(session_file))
        self._lock = threading.Lock()
        self._fd = -1
        self._size = 0

    def _open(self) -> None:
        """Open for appending; a torn last line (a kill mid-write) is cut off first."""
        created = not os.path.lexists(self.path)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _O_NOFOLLOW | _O_CLOEXEC, 0o600)
        try:
            if not _is_regular(fd):
                raise JournalError(errno.EINVAL, T.JOURNAAL_FOUT.format(fout="geen gewoon bestand"))
            size = os.lseek(fd, 0, os.SEEK_END)
            if size:
                tail = os.pread(fd, min(size, 1 << 16), max(0, size - (1 << 16)))
                if not tail.endswith(b"\n"):
                    cut = tail.rfind(b"\n")
                    if cut >= 0:
                        keep = size - len(tail) + cut + 1
                    else:
                        keep = self._last_newline(fd, size - len(tail))
                    os.ftruncate(fd, keep)
                    os.fsync(fd)
                    size = keep
        except BaseException:
            os.close(fd)
            raise
        if created:
            fsync_dir(self.path.parent)
        self._fd = fd
        self._size = size

    @staticmethod
    def _last_newline(fd: int, before: int) -> int:
        """The length of the file up to and with its last newline before ``before`` (a very long torn line)."""
        while before > 0:
            start = max(0, before - (1 << 16))
            chunk = os.pread(fd, before - start, start)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                return start + cut + 1
            before = start
        return 0

    def append(self, event: dict[str, Any]) -> None:
        """Write one event as a JSON line and fsync it before returning.

        Raises :class:`JournalError` (the file is then as it was before: a half-written line is cut off).
        """
        data = _encode(event)
        with self._lock:
            try:
                if self._fd >= 0 and os.fstat(self._fd).st_nlink == 0:
                    self._close()  # someone removed the file: a new one, not a line nobody can read
                if self._fd < 0:
                    self._open()
                if self._size + len(data) > MAX_BYTES:
                    raise JournalError(errno.EFBIG, T.JOURNAAL_TE_GROOT)
                written = 0
                try:
                    while written < len(data):
                        written += os.pwrite(self._fd, data[written:], self._size + written)
                    os.fsync(self._fd)
                except OSError:
                    try:
                        os.ftruncate(self._fd, self._size)
                    except OSError:
                        self._close()  # the next append opens again and cuts off a torn line
                    raise
                self._size += len(data)
            except JournalError:
                raise
            except OSError as exc:
                raise _error(exc) from exc

    def read(self) -> list[dict[str, Any]]:
        """Every event in the journal, in order (a torn last line is left out); [] when there is none."""
        with self._lock:
            try:
                raw = _read_raw(self.path)
            except FileNotFoundError:
                return []
            except JournalError:
                raise
            except OSError as exc:
                raise _error(exc) from exc
        return _parse(raw)

    def _close(self) -> None:
        if self._fd >= 0:
            try:
                os.close(self._fd)
            except OSError:
                pass
            self._fd = -1
            self._size = 0

    def close(self) -> None:
        """Let go of the file (it stays on disk)."""
        with self._lock:
            self._close()

    def remove(self) -> None:
        """Forget the round: the journal is deleted (when the round is closed and decided)."""
        with self._lock:
            self._close()
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                return
            except OSError as exc:
                raise _error(exc) from exc
            try:
                fsync_dir(self.path.parent)
            except OSError:
                pass


def leftover(session_file: Path) -> list[dict[str, Any]] | None:
    """The events of a journal a killed process left beside this session, or None."""
    path = journal_path(Path(session_file))
    try:
        raw = _read_raw(path)
    except OSError:  # also a JournalError
        return None
    events = _parse(raw)
    return events or None
