"""Documents as plain text that survives an e-mail: wrapped at 72 characters, tables as records.

Headings are underlined, list items keep their markers with a hanging indent, and each table
row becomes a small record ("Wie: …", "Wat: …") so nothing is wider than a line.
"""

from __future__ import annotations

import textwrap

from ..domain.session import Session
from .document import Block, Document, Heading, Items, Para, Table

WIDTH = 72


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    out: list[str] = []
    for n, part in enumerate(p for p in text.split("\n") if p.strip()):
        out += textwrap.wrap(
            part.strip(),
            WIDTH,
            initial_indent=first if n == 0 else rest,
            subsequent_indent=rest,
            break_long_words=True,
            break_on_hyphens=False,
        ) or [first.rstrip()]
    return out or [first.rstrip()]


def _block(b: Block) -> list[str]:
    if isinstance(b, Heading):
        lines = _wrap(b.text)
        return [*lines, ("=" if b.level <= 2 else "-") * min(WIDTH, max(len(line) for line in lines))]
    if isinstance(b, Para):
        return [line for p in b.text.split("\n") if p.strip() for line in (*_wrap(p), "")][:-1]
    if isinstance(b, Items):
        lines = []
        for i, item in enumerate(b.items, 1):
            marker = f"{i}. " if b.numbered else "- "
            text = f"{item.label}{item.sep}{item.text}" if item.label and item.text else item.label or item.text
            lines += _wrap(text.replace("\n", " "), marker, " " * len(marker))
        return lines
    if isinstance(b, Table):
        lines = []
        for n, row in enumerate(b.rows):
            if n:
                lines.append("")
            for i, (head, value) in enumerate(zip(b.header, row)):
                if value.strip():
                    lines += _wrap(
                        f"{head}: {'; '.join(v.strip() for v in value.split(chr(10)) if v.strip())}",
                        "- " if i == 0 else "  ",
                        "    ",
                    )
        return lines
    raise TypeError(b)


def from_document(doc: Document) -> str:
    title = _wrap(doc.title)
    lines = [*title, "=" * min(WIDTH, max(len(t) for t in title))]
    for b in doc.blocks:
        lines += ["", *_block(b)]
    return "\n".join(lines) + "\n"


def render(session: Session) -> str:
    from .verslag import build

    return from_document(build(session))
