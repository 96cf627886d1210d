"""Exporters: Markdown summary for the minutes and the complete session as JSON. No Textual."""

from __future__ import annotations

from ..domain.session import Session

FORMATS = ("md", "json", "txt")


def render(session: Session, fmt: str) -> str:
    if fmt == "md":
        from . import markdown

        return markdown.render(session)
    if fmt == "txt":
        from . import text

        return text.render(session)
    if fmt == "json":
        from . import jsonfile

        return jsonfile.render(session)
    raise ValueError(fmt)
