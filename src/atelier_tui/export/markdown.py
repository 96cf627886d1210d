"""Documents as Dutch Markdown (CommonMark with GFM tables), for editors and version control.

Markdown only turns blocks into text; what a document says lives in its sections
(``verslag.py``, ``documents.py``). User text is escaped so it can never change the structure.
"""

from __future__ import annotations

import re

from ..domain.session import Session
from .document import Block, Document, Heading, Item, Items, Para, Table
from .escaping import block, cell, inline


def table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> list[str]:
    """A GFM table, padded into aligned columns so that it also reads well unrendered."""
    body = [[cell(c) for c in row] for row in rows]
    head = [cell(h) for h in header]
    widths = [max(3, len(head[i]), *(len(r[i]) for r in body)) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"

    return [line(head), "| " + " | ".join("-" * w for w in widths) + " |", *(line(r) for r in body)]


def _item(item: Item, indent: str) -> str:
    text = block(item.text, indent=indent)
    if item.label:
        return f"{inline(item.label)}{item.sep}{text}" if text else inline(item.label)
    return text


def _block(b: Block) -> list[str]:
    if isinstance(b, Heading):
        return ["#" * b.level + " " + inline(b.text)]
    if isinstance(b, Para):
        paras = [block(p) for p in b.text.split("\n") if p.strip()]
        if b.note:
            paras = [f"*{p}*" for p in paras]
        return "\n\n".join(paras).split("\n")
    if isinstance(b, Items):
        if b.numbered:
            return [f"{i}. {_item(item, '   ')}" for i, item in enumerate(b.items, 1)]
        return [f"- {_item(item, '  ')}" for item in b.items]
    if isinstance(b, Table):
        return table(b.header, b.rows)
    raise TypeError(b)


def from_document(doc: Document) -> str:
    lines = ["# " + inline(doc.title)]
    for b in doc.blocks:
        lines += ["", *_block(b)]
    return "\n".join(lines) + "\n"


def render(session: Session) -> str:
    """The verslag for the minutes as Markdown."""
    from .verslag import build

    return from_document(build(session))


def sections(text: str) -> list[tuple[str, str]]:
    """The summary cut at its second-level headings: (title as the reader sees it, markdown)."""
    out: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        if line.startswith("## "):
            out.append((_unescape(line[3:]), [line]))
        elif out:
            out[-1][1].append(line)
    return [(title, "\n".join(lines).strip("\n") + "\n") for title, lines in out]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)
