"""A crash is written to a private log file (traceback without local variables), never to the screen."""

from __future__ import annotations

import os
from pathlib import Path

from .atomic import atomic_write_bytes


def crash_log_dir() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(state) / "atelier"


def write_crash_log(exc: BaseException) -> Path | None:
    """The traceback (no local variables) in a private file in the user's state folder."""
    import tempfile
    import time
    import traceback

    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    for folder in (crash_log_dir(), Path(tempfile.gettempdir()) / f"atelier-{os.getuid()}"):
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            path = folder / f"fout-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
            atomic_write_bytes(path, text.encode("utf-8", "backslashreplace"))
            return path
        except (OSError, ValueError):
            continue
    return None


def crash_message(exc: BaseException) -> str:
    """Log ``exc`` and return the Dutch line that says what happened and where the log is."""
    from ..teksten import cli as T

    log = write_crash_log(exc)
    soort = type(exc).__name__
    return T.ONVERWACHT_LOG.format(soort=soort, pad=log) if log else T.ONVERWACHT.format(soort=soort)
