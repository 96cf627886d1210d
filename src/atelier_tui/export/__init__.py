"""Exporters: the verslag and the council's next documents in every format. No Textual.

The one entry point for the UI and the CLI::

    write_document(session, document="verslag", fmt="docx", path=..., template=None)
    render_bytes(session, document="verslag", fmt="md") -> bytes
    verslag_gaps(session) -> list[str]   # what the verslag lacks and what does not add up
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line reads DOCUMENTS and FORMATS without loading the models
    from ..domain.session import Session

DOCUMENTS = ("verslag", "bouwstenen", "participatieparagraaf", "actielijst", "presentielijst")
#: Every format; which document takes which: ``formats_for``.
FORMATS = ("md", "txt", "html", "docx", "json", "csv")
_TEXT_FORMATS = ("md", "txt", "html", "docx")
#: The file name extension of each format.
EXTENSIONS = {"md": ".md", "txt": ".txt", "html": ".html", "docx": ".docx", "json": ".json", "csv": ".csv"}
BINARY = frozenset({"docx"})

__all__ = [
    "BINARY",
    "DOCUMENTS",
    "EXTENSIONS",
    "FORMATS",
    "build",
    "formats_for",
    "render",
    "render_bytes",
    "verslag_gaps",
    "write_document",
]


def verslag_gaps(session: Session) -> list[str]:
    """What the verslag lacks (date, times, place, voorzitter, attendance, goals), then what does
    not add up (an actiepunt for someone absent, more ratings than people), in Dutch."""
    from ..domain.checks import verslag_gaps as gaps

    return gaps(session)


class FormatNotAvailable(ValueError):
    """This document does not exist in this format (the message is Dutch)."""


def formats_for(document: str) -> tuple[str, ...]:
    if document == "verslag":
        return (*_TEXT_FORMATS, "json")
    if document in ("actielijst", "presentielijst"):
        return ("csv", *_TEXT_FORMATS)
    return _TEXT_FORMATS


def build(session: Session, document: str = "verslag"):
    """The document as blocks, before any format."""
    from . import documents, verslag

    builders = {
        "verslag": verslag.build,
        "bouwstenen": documents.bouwstenen,
        "participatieparagraaf": documents.participatieparagraaf,
        "actielijst": documents.actielijst,
        "presentielijst": documents.presentielijst,
    }
    return builders[document](session)


def render_bytes(session: Session, document: str = "verslag", fmt: str = "md", template: Path | None = None) -> bytes:
    """The document in a format, as the bytes of the file. Raises FormatNotAvailable."""
    from ..teksten import export as T

    if document not in DOCUMENTS:
        raise FormatNotAvailable(T.ONBEKEND_DOCUMENT.format(document=document, documenten=", ".join(DOCUMENTS)))
    if fmt not in formats_for(document):
        raise FormatNotAvailable(
            T.FORMAAT_NIET.format(document=document, formaat=fmt, formaten=", ".join(formats_for(document)))
        )
    if fmt == "json":
        from . import jsonfile

        return jsonfile.render(session).encode("utf-8")
    if fmt == "csv":
        from . import documents

        if document == "actielijst":
            return documents.csv_text(T.ACTIELIJST_KOP, documents.actielijst_rows(session)).encode("utf-8")
        return documents.csv_text(T.PRESENTIELIJST_KOP, documents.presentielijst_rows(session)).encode("utf-8")
    doc = build(session, document)
    if fmt == "docx":
        from . import docx

        return docx.render(doc, template)
    if fmt == "html":
        from . import html

        return html.from_document(doc).encode("utf-8")
    if fmt == "txt":
        from . import text

        return text.from_document(doc).encode("utf-8")
    from . import markdown

    return markdown.from_document(doc).encode("utf-8")


def render(session: Session, fmt: str, document: str = "verslag") -> str:
    """A text format of a document (not docx) as a string."""
    if fmt in BINARY:
        raise ValueError(fmt)
    return render_bytes(session, document, fmt).decode("utf-8")


def write_document(
    session: Session, document: str = "verslag", fmt: str = "md", path: Path | str = "", template: Path | None = None
) -> Path:
    """Write the document to ``path`` atomically (never a half-written file). Returns the path.

    Raises FormatNotAvailable, ``docx.TemplateError`` for a template that is no Word file, and
    OSError when the file cannot be written.
    """
    from ..store.atomic import atomic_write_bytes

    data = render_bytes(session, document, fmt, template)
    target = Path(path)
    atomic_write_bytes(target, data)
    return target
