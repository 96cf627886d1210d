"""Emergency copies: when a change could not be saved (a full disk) and the app must stop anyway.

The copy is the complete session as ``atelier export --format json`` writes it (so ``atelier import``
takes it back), in the user's own data folder (``noodkopie/``), or in the system's temporary folder
when that cannot be written. The next start tells where it is, once. No Textual.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from ..domain.session import Session
from .atomic import atomic_write_bytes
from .places import user_data_dir

FOLDER = "noodkopie"
TOLD = ".gemeld"  # a copy that the user was told about gets a marker file next to it


def emergency_folders() -> list[Path]:
    return [user_data_dir() / FOLDER, Path(tempfile.gettempdir()) / f"atelier-{FOLDER}-{os.getuid()}"]


def write_emergency_copy(session: Session, name: str) -> Path | None:
    """Write the session as it is in memory; the path, or None when no folder could take it."""
    from ..export.jsonfile import render

    data = render(session).encode("utf-8")
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in name)[:60] or "sessie"
    for folder in emergency_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            target = folder / f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}.json"
            atomic_write_bytes(target, data, mode=0o600)
        except OSError:
            continue
        return target
    return None


def untold_copies() -> list[Path]:
    """Emergency copies the user has not been told about yet, oldest first."""
    found: list[Path] = []
    for folder in emergency_folders():
        try:
            entries = sorted(folder.glob("*.json"))
        except OSError:
            continue
        found += [p for p in entries if not p.with_name(p.name + TOLD).exists()]
    return found


def mark_told(path: Path) -> None:
    try:
        path.with_name(path.name + TOLD).touch(mode=0o600)
    except OSError:
        pass
