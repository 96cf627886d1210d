"""File names for sessions, and the checks that keep every file the store touches inside its folder.

A session's display name can be anything a user types (``../x``, ``/etc/x``, 2,000 characters,
a NUL, a newline). :func:`slugify` turns it into a short, safe file name; :func:`session_path`
checks that the result lies directly in the sessions folder. :func:`ensure_real_dir` and
:func:`check_not_symlink` refuse planted symbolic links, so that the store never reads or writes
outside the folder through one. No Textual.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from .codes import Problem
from .errors import StoreError, UnsafePath

__all__ = ["StoreError", "UnsafePath", "check_not_symlink", "ensure_real_dir", "safe_child", "session_path", "slugify"]

#: Longest slug, in characters.
MAX_SLUG = 60
#: The slug used when a name has no usable letters or digits.
DEFAULT_SLUG = "sessie"
#: Extension of session files.
SUFFIX = ".json"

_RUNS = re.compile(r"[a-z0-9]+")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(name: str) -> str:
    """A file-name-safe slug: NFKD, accents stripped, lower case, ``[a-z0-9]`` runs joined by ``-``.

    At most :data:`MAX_SLUG` characters (cut at a dash where possible); ``"sessie"`` when nothing is left.
    """
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    slug = "-".join(_RUNS.findall(text))
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rstrip("-")
    return slug or DEFAULT_SLUG


def is_slug(text: str) -> bool:
    return len(text) <= MAX_SLUG and bool(_SLUG.match(text))


def safe_child(folder: Path, name: str) -> Path:
    """``folder / name``, refusing any name that is not one plain component directly in ``folder``."""
    if (
        not name
        or name in (".", "..")
        or "/" in name
        or "\\" in name
        or "\x00" in name
        or "\n" in name
        or "\r" in name
        or len(name.encode("utf-8", "surrogateescape")) > 255
    ):
        raise UnsafePath(folder / "x", Problem.UNSAFE_NAME, name=name)
    path = folder / name
    if path.parent != folder or path.name != name:  # pragma: no cover - guarded by the checks above
        raise UnsafePath(path, Problem.UNSAFE_NAME, name=name)
    return path


def session_path(folder: Path, slug_or_name: str) -> Path:
    """The session file for a name or slug, always directly inside ``folder``."""
    return safe_child(folder, slugify(slug_or_name) + SUFFIX)


def check_not_symlink(path: Path) -> None:
    """Refuse ``path`` when it is a symbolic link (missing is fine)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise UnsafePath(path, Problem.SYMLINK, name=path.name)


def ensure_real_dir(path: Path) -> Path:
    """Create ``path`` as a directory if missing; refuse a symbolic link or a non-directory there."""
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode):
        raise UnsafePath(path, Problem.SYMLINK, name=path.name)
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafePath(path, Problem.NOT_A_FOLDER, name=path.name)
    return path


def is_hidden(name: str) -> bool:
    return name.startswith(".")
