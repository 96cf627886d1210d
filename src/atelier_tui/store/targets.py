"""Where an export may be written: never onto a session, never into the sessions folder. No Textual."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .codes import Problem, failure_of
from .errors import CannotWrite, StoreError, UnsafePath
from .files import lock_path_for
from .folder import SessionsDir, looks_like_session
from .lock import is_locked_elsewhere


@dataclass(frozen=True)
class ExportTarget:
    """A checked place for an export. ``mode`` of the file it would replace (``None``: a new file)."""

    path: Path
    mode: int | None

    @property
    def exists(self) -> bool:
        return self.mode is not None


def check_export_target(target: Path | str, sessions: SessionsDir, source: Path | None = None) -> ExportTarget:
    """Check that an export may be written to ``target``.

    Refused (:class:`~.errors.UnsafePath`): anything inside the sessions folder, a session file
    (``source`` itself or any other, also one open in another window), anything but a regular
    file. An existing other file is allowed; the caller decides whether to replace it
    (``exists``) and keeps its ``mode`` when it does.
    """
    path = Path(target).expanduser().absolute()
    parent = path.parent.resolve()
    if parent == sessions.path or sessions.path in parent.parents:
        raise UnsafePath(path, Problem.EXPORT_IN_FOLDER, name=path.name)
    try:
        if is_locked_elsewhere(path):
            raise UnsafePath(path, Problem.EXPORT_ONTO_SESSION, name=path.name)
        st = os.lstat(path)
    except FileNotFoundError:
        return ExportTarget(path, None)
    except StoreError:
        raise
    except OSError as exc:
        raise CannotWrite(Problem.CANNOT_WRITE, name=str(path), failure=failure_of(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        raise UnsafePath(path, Problem.NOT_A_FILE, name=path.name)
    same = source is not None and source.exists() and os.path.samefile(source, path)
    if same or looks_like_session(path) or os.path.lexists(lock_path_for(path)):
        raise UnsafePath(path, Problem.EXPORT_ONTO_SESSION, name=path.name)
    return ExportTarget(path, stat.S_IMODE(st.st_mode))
