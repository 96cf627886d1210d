"""A fresh copy of the built-in demo session in the sessions folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..domain.builtin import demo_data
from ..domain.session import Session
from ..domain.types import now_utc
from .folder import SessionsDir


def create_demo_copy(sessions: SessionsDir, now: datetime | None = None) -> Path:
    """Copy the demo into the folder under a new name; the built-in original is never touched.

    Raises :class:`~.errors.CannotWrite` (a Dutch message) on a read-only or full folder.
    """
    session = Session.model_validate(demo_data())
    session.aangemaakt = session.gewijzigd = now_utc()
    place = session.gemeente.removeprefix("Gemeente ").strip()
    session.naam = f"Demo {place} {(now or datetime.now()).strftime('%d-%m %H.%M')}"
    return sessions.create_copy(session)
