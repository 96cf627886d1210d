"""The sessions folder itself: where it is, making it (private), and refusing a shared one.

Kept light (no models, no pydantic): the command line checks the folder before the first frame.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path

from .codes import Problem, failure_of
from .errors import CannotWrite, UnsafePath


def open_folder(path: Path | str, *, private: bool = False, create: bool = True) -> Path:
    """The folder's full path; made (0700) when missing unless ``create`` is False. With ``private``
    (the default folder, which nobody chose on purpose) one that another user owns or others may
    write in is refused with :class:`~.errors.UnsafePath`; one that cannot be made, with CannotWrite."""
    path = Path(path).expanduser()
    if not path.is_dir() and not create:
        return path.absolute()
    try:
        if not path.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
            os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    except OSError as exc:
        raise CannotWrite(Problem.CANNOT_WRITE, name=str(path), failure=failure_of(exc)) from None
    path = path.resolve()
    if not path.is_dir():
        raise UnsafePath(path, Problem.NOT_A_FOLDER, name=path.name)
    if private:
        check_private(path)
    return path


def check_private(path: Path) -> None:
    """Refuse a folder that another user owns or that others may write in (a shared server)."""
    st = os.stat(path)
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise UnsafePath(path, Problem.FOLDER_NOT_PRIVATE, name=str(path), why="owner")
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafePath(path, Problem.FOLDER_NOT_PRIVATE, name=str(path), why="writable")


def default_sessions_dir(environ: Mapping[str, str] | None = None, cwd: Path | None = None) -> Path:
    """Where the facilitator's sessions live when nobody chose a folder: ``./sessions`` when it exists
    (a project folder), otherwise a folder of her own by the platform's conventions, so that she finds
    her sessions whichever folder she starts from (over SSH usually the home folder)."""
    here = (cwd or Path.cwd()) / "sessions"
    if here.is_dir():
        return Path("sessions")
    return user_data_dir(environ) / "sessies"


def user_data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Atelier's own folder for this user's data, by the platform's conventions."""
    env = os.environ if environ is None else environ
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    elif sys.platform == "win32":
        base = Path(env.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        xdg = env.get("XDG_DATA_HOME") or ""
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "atelier"
