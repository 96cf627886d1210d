"""What the facilitator's screen shows, published next to the session for the room's screens.

The view state is small: the step, the tab and the item she points at, the clock, the theme. The
facilitator's window writes it (atomically: a temp file renamed over the old one, so a reader never
sees half of it; no fsync, it is not a record of anything) as ``.NAAM.weergave.json`` beside the
session file; the room's screens read it and never write. No Textual.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

MAX_BYTES = 64 * 1024


def view_state_path(session_file: Path) -> Path:
    return session_file.with_name(f".{session_file.stem}.weergave.json")


def publish(session_file: Path, state: dict[str, Any]) -> bool:
    """Write the view state; False when it could not be written (the room then follows the session)."""
    target = view_state_path(session_file)
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            os.write(fd, json.dumps(state, ensure_ascii=False).encode("utf-8"))
        finally:
            os.close(fd)
        os.replace(temp, target)
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
        return False
    return True


def read(session_file: Path) -> dict[str, Any] | None:
    """The published view state, or None (none yet, unreadable, or not one)."""
    try:
        fd = os.open(view_state_path(session_file), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
        try:
            raw = os.read(fd, MAX_BYTES + 1)
        finally:
            os.close(fd)
        if len(raw) > MAX_BYTES:
            return None
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def remove(session_file: Path) -> None:
    try:
        os.unlink(view_state_path(session_file))
    except OSError:
        pass
