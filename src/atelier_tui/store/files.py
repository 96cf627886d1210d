"""The names of the files next to a session file, and small helpers to put files aside. No Textual.

In a sessions folder::

    begroting-2027.json                       the session (TinyDB: table "session", document 1)
    .begroting-2027.json.lock                 its lock file (flock; removed with the session)
    .begroting-2027.json.tmp-k2j4l1           a temp file while saving (hidden; cleaned on open)
    .reserve/begroting-2027/nr000012-20261129-051200-123456.json   the last 5 reserve copies
    begroting-2027.json.beschadigd-20261129-061200        a damaged file, kept aside untouched
    begroting-2027.json.elders-gewijzigd-20261129-061200  a version another program wrote, kept aside
    begroting-2027.json.vervangen-20261129-061200         a file a restored reserve copy replaced
    .prullenbak/begroting-2027-20261129-061200.json       a session moved to the bin
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from ..domain.types import local, now_utc
from .atomic import fsync_dir
from .slug import SUFFIX, safe_child

#: Hidden folder (inside the sessions folder) with the reserve copies, one subfolder per session.
BACKUP_DIR = ".reserve"
#: Hidden folder (inside the sessions folder) where removed sessions go.
TRASH_DIR = ".prullenbak"
#: Suffix of a damaged file kept aside; followed by a local timestamp.
DAMAGED_MARK = ".beschadigd-"
#: Suffix of a file that a restored reserve copy replaced; followed by a local timestamp.
REPLACED_MARK = ".vervangen-"
#: Suffix of a version of the file that another program wrote while the session was open.
CHANGED_MARK = ".elders-gewijzigd-"


def stem_of(path: Path) -> str:
    return path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name


def lock_path_for(path: Path) -> Path:
    return safe_child(path.parent, f".{path.name}.lock")


def backup_dir_for(path: Path) -> Path:
    return safe_child(path.parent / BACKUP_DIR, stem_of(path))


def local_stamp() -> str:
    return local(now_utc()).strftime("%Y%m%d-%H%M%S")


def free_name(folder: Path, base: str, ext: str = "") -> Path:
    """``folder/base+ext``, or ``base-2+ext``, ``base-3+ext``... whichever does not exist yet."""
    candidate = safe_child(folder, base + ext)
    n = 2
    while os.path.lexists(candidate):
        candidate = safe_child(folder, f"{base}-{n}{ext}")
        n += 1
    return candidate


def move_aside(path: Path, mark: str) -> Path:
    """Rename ``path`` next to itself as ``name<mark><timestamp>``; the bytes stay as they are."""
    target = free_name(path.parent, f"{path.name}{mark}{local_stamp()}")
    os.rename(path, target)
    fsync_dir(path.parent)
    return target


def unlink_matching(folder: Path, match: Callable[[str], bool]) -> None:
    """Remove the files (never folders) in ``folder`` whose name matches; a link itself, not its target."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if match(entry.name):
            try:
                if entry.is_dir(follow_symlinks=False):
                    continue
                os.unlink(entry.path)
            except OSError:
                pass


class FileStamp(NamedTuple):
    """What identifies one version of a file on disk."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int


def file_stamp(path: Path | str) -> FileStamp | None:
    """The stamp of the file at ``path`` (not following a link), or ``None`` when there is none.

    Two saves of the same size within one timestamp tick still differ: every save is a new file
    (another inode) and its change time moves on. Cheap: one ``lstat``.
    """
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return FileStamp(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
