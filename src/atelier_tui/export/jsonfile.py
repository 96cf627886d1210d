"""The complete session as JSON: the canonical document, also used by ``atelier import``."""

from __future__ import annotations

import json

from ..domain.session import Session


def render(session: Session) -> str:
    return json.dumps(session.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
