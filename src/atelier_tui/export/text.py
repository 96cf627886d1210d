"""The outcome summary as plain text, for systems that take no Markdown.

Made from the Markdown summary (one place for content and order): headings are underlined,
lists keep their markers, tables become aligned columns, escapes disappear.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..domain.session import Session
from . import markdown

_MD = MarkdownIt("commonmark").enable("table")


def _inline(token: Token) -> str:
    out = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak") or (child.type == "html_inline" and child.content == "<br>"):
            out.append("\n")
        elif child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
    return "".join(out)


def _table(rows: list[list[str]]) -> list[str]:
    cells = [[c.replace("\n", "; ") for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(cells[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def from_markdown(text: str) -> str:
    tokens = _MD.parse(text)
    lines: list[str] = []
    prefix: list[str] = []  # list markers in force
    counters: list[int] = []
    rows: list[list[str]] | None = None
    pending_marker = ""
    level = 0
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1])
        elif kind == "bullet_list_open":
            counters.append(0)
            prefix.append("-")
        elif kind == "ordered_list_open":
            counters.append(0)
            prefix.append("1.")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            counters.pop()
            prefix.pop()
            lines.append("")
        elif kind == "list_item_open":
            counters[-1] += 1
            pending_marker = "-" if prefix[-1] == "-" else f"{counters[-1]}."
        elif kind == "table_open":
            rows = []
        elif kind == "tr_open" and rows is not None:
            rows.append([])
        elif kind == "table_close" and rows is not None:
            lines += _table(rows) + [""]
            rows = None
        elif kind == "inline":
            content = _inline(token)
            if rows is not None:
                rows[-1].append(content)
            elif level:
                lines += [content, ("=" if level <= 2 else "-") * len(content), ""]
                level = 0
            elif prefix:
                indent = "  " * (len(prefix) - 1)
                marker = pending_marker or " " * len(prefix[-1])
                body = content.split("\n")
                lines.append(f"{indent}{marker} {body[0]}")
                lines += [f"{indent}{' ' * len(marker)} {b}" for b in body[1:]]
                pending_marker = ""
            else:
                lines += content.split("\n") + [""]
    while lines and lines[-1] == "":
        lines.pop()
    out: list[str] = []
    for line in lines:  # no more than one empty line in a row
        if line == "" and out and out[-1] == "":
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def render(session: Session) -> str:
    return from_markdown(markdown.render(session))
