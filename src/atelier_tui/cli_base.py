"""What every ``atelier`` command shares: the user's error, cleaned printing, the sessions folder."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from .domain import hygiene

EXIT_FOUT = 1
EXIT_GEBRUIK = 2


class UserError(Exception):
    """An error meant for the user: its message is Dutch and complete."""


def safe(text: str) -> str:
    """``text`` without control or escape sequences, line by line (file names and arguments
    can hold anything). A clean line keeps its spacing, so the columns of ``list`` stay."""
    lines = []
    for line in text.split("\n"):
        cleaned = hygiene.clean(line, limit=max(len(line), 1))
        lines.append(cleaned.text if cleaned.removed else line)
    return "\n".join(lines)


def say(text: str, file: TextIO | None = None) -> None:
    """Print one message (every line the command line prints goes through here)."""
    print(safe(text), file=file or sys.stdout)


def chosen_dir(option: str | None) -> str | None:
    """The sessions folder she chose (--sessions-dir, else ATELIER_SESSIONS_DIR), or None."""
    return option or os.environ.get("ATELIER_SESSIONS_DIR") or None


def sessions_dir_path(option: str | None) -> Path:
    """--sessions-dir, else ATELIER_SESSIONS_DIR, else ./sessions if it exists, else her own folder."""
    from .store.places import default_sessions_dir

    chosen = chosen_dir(option)
    return Path(chosen) if chosen else default_sessions_dir()


def sessions_folder(args: argparse.Namespace, *, create: bool = True):
    """The sessions folder. The default one (nobody chose it) must be private to this user. The
    read-only commands (``create=False``) make no folder."""
    from .store.repository import SessionsDir

    private = not chosen_dir(args.sessions_dir)
    return SessionsDir(sessions_dir_path(args.sessions_dir), private=private, create=create)


def check_folder(args: argparse.Namespace) -> None:
    """Before the screen starts: the sessions folder exists and (the default one) is this user's alone.
    Light on purpose (no models): the first frame comes before pydantic is imported."""
    from .store.places import open_folder

    open_folder(sessions_dir_path(args.sessions_dir), private=not chosen_dir(args.sessions_dir))


def resolve_target(args: argparse.Namespace, *, create: bool = True) -> Path:
    """The session file ``args.doel`` names (a name in the sessions folder, or a path)."""
    return sessions_folder(args, create=create).resolve(args.doel)
