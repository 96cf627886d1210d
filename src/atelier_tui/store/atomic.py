"""Atomic, durable file writes and the TinyDB storage built on them.

:func:`atomic_write_bytes` writes a whole file so that a crash, a kill -9 or a full disk leaves
either the old file or the new one, never a mix: a hidden temp file in the same folder, fsync,
rename over the target, fsync of the folder. :class:`AtomicJSONStorage` is a TinyDB storage that
reads its file once (the store holds the session's lock, so nobody else writes it) and writes
every change with :func:`atomic_write_bytes`. No Textual.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any

from tinydb import Storage

from .codes import Problem
from .errors import UnsafePath
from .slug import check_not_symlink

#: Marker between a file's name and the random part of its temp files: ``.x.json.tmp-abc123``.
TMP_MARKER = ".tmp-"

_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


def temp_prefix(name: str) -> str:
    """The prefix of the temp files written for the file ``name`` (hidden, so listings skip them)."""
    return f".{name}{TMP_MARKER}"


def fsync_dir(folder: Path | str) -> None:
    """Make a rename or a new file in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY | _O_DIRECTORY | _O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def atomic_write_bytes(path: Path | str, data: bytes, *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data``, durably and atomically.

    The new file is private (0600) unless ``mode`` is given (to keep the mode of a file it replaces).
    On any error the temp file is removed, the original file is untouched and the error is raised.
    A symbolic link at ``path`` is refused (:class:`~.slug.UnsafePath`), never followed or replaced.
    """
    path = Path(path)
    folder = path.parent
    check_not_symlink(path)
    # mkstemp opens with O_CREAT | O_EXCL | O_NOFOLLOW and mode 0600.
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path.name), dir=folder)
    try:
        _write_all(fd, data)
        if mode is not None:
            os.fchmod(fd, mode)
        os.fsync(fd)
        os.close(fd)
        fd = -1
        check_not_symlink(path)
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            with suppress(OSError):
                os.close(fd)
        with suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(folder)


class TooLarge(OSError):
    """A file bigger than the reader was willing to read."""


def read_bytes_nofollow(path: Path | str) -> bytes:
    """The bytes of a regular file, refusing a symbolic link (or a device, fifo, folder) there."""
    return read_regular_file(path, follow=False)


def read_regular_file(path: Path | str, *, follow: bool = True, limit: int | None = None) -> bytes:
    """The bytes of a regular file; never blocks on a fifo or reads a device.

    Refuses anything that is not a regular file (and, without ``follow``, a symbolic link) with
    :class:`~.slug.UnsafePath`; raises :class:`TooLarge` for a file of more than ``limit`` bytes.
    """
    path = Path(path)
    flags = os.O_RDONLY | _O_NONBLOCK | _O_CLOEXEC | (0 if follow else _O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if not follow and _O_NOFOLLOW and exc.errno == errno.ELOOP and os.path.islink(path):
            raise UnsafePath(path, Problem.SYMLINK, name=path.name) from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnsafePath(path, Problem.NOT_A_FILE, name=path.name)
        if limit is not None and st.st_size > limit:
            raise TooLarge(errno.EFBIG, "too large")
        chunks = []
        total = 0
        while True:
            chunk = os.read(fd, max(st.st_size + 1, 65536))
            if not chunk:
                break
            total += len(chunk)
            if limit is not None and total > limit:  # a file that grows while it is read
                raise TooLarge(errno.EFBIG, "too large")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def dumps(data: Any) -> bytes:
    """The file form of a JSON value: compact UTF-8 JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class RawJSON:
    """A document that is already serialised to JSON (UTF-8 bytes), for example by pydantic.

    :class:`AtomicJSONStorage` writes its bytes as they are instead of serialising a dict again,
    so a whole session is serialised exactly once per save.
    """

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __repr__(self) -> str:
        return f"RawJSON({len(self.data)} bytes)"


def encode_tables(tables: dict[str, dict[str, Any]]) -> bytes:
    """TinyDB's tables as one compact JSON document; :class:`RawJSON` documents are spliced in."""
    if not any(isinstance(doc, RawJSON) for table in tables.values() for doc in table.values()):
        return dumps(tables)
    parts = [b"{"]
    for i, (name, table) in enumerate(tables.items()):
        if i:
            parts.append(b",")
        parts += [dumps(str(name)), b":{"]
        for j, (doc_id, doc) in enumerate(table.items()):
            if j:
                parts.append(b",")
            parts += [dumps(str(doc_id)), b":", doc.data if isinstance(doc, RawJSON) else dumps(doc)]
        parts.append(b"}")
    parts.append(b"}")
    return b"".join(parts)


class AtomicJSONStorage(Storage):
    """A TinyDB storage: parses its file once, then serves reads from memory; writes atomically.

    ``initial`` primes the cache with already-parsed file contents, so a caller that has read and
    checked the file does not make the storage read it again. :meth:`read` returns a copy (tables
    and documents, shallowly), because TinyDB edits what it reads before it writes: the cache
    changes only after a write has succeeded. Documents may be :class:`RawJSON`; they are written
    as they are and parsed only if something reads them back. :attr:`last_bytes` holds the bytes
    last written.
    """

    _UNSET: Any = object()

    def __init__(self, path: Path | str, *, initial: Any = _UNSET) -> None:
        super().__init__()
        self.path = Path(path)
        self._loaded = initial is not self._UNSET
        self._cache: dict[str, dict[str, Any]] | None = None if not self._loaded else initial
        self.last_bytes: bytes | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        if not self._loaded:
            try:
                raw = read_bytes_nofollow(self.path)
            except FileNotFoundError:
                raw = b""
            self._cache = json.loads(raw.decode("utf-8")) if raw.strip() else None
            self._loaded = True
        if self._cache is None:
            return None
        result = {}
        for name, table in self._cache.items():
            copy = {}
            for doc_id, doc in table.items():
                if isinstance(doc, RawJSON):  # parse once, the first time anyone reads it back
                    doc = table[doc_id] = json.loads(doc.data.decode("utf-8"))
                copy[doc_id] = dict(doc)
            result[name] = copy
        return result

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        payload = encode_tables(data)
        atomic_write_bytes(self.path, payload)
        self._cache = data
        self._loaded = True
        self.last_bytes = payload

    def close(self) -> None:
        pass
