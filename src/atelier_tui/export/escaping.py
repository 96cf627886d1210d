"""Escaping user text for Markdown (CommonMark + GFM tables).

Whatever a text contains, it can never add a heading, list item, table cell, link, image, HTML
or emphasis. Only what would otherwise change the structure is escaped: no ``1\\.200``, no
``\\!``. Line breaks never become backslash hard breaks or ``<br>``: inside a list item a line
break continues the item, inside a table cell it becomes "; ".
"""

from __future__ import annotations

import re

# Punctuation that starts or ends inline structure anywhere in a line: escapes, code spans,
# emphasis, links, table cells, strikethrough.
_INLINE = re.compile(r"([\\`*_\[\]|~])")
# '<' that could open an HTML tag, a comment, a declaration or an autolink.
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
# '&' that would start an entity or character reference.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# What is special at the start of a line: headings, block quotes, list markers, setext
# underlines, thematic breaks, ordered-list numbers ("12. " or "12) ", not "1.200").
_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[+\-](?=\s|$)|=+\s*$|-+\s*$|\d{1,9}(?=[.)](?:\s|$)))")


def _line(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text)
    text = _TAG.sub(r"\\<", text)
    text = _ENTITY.sub("&amp;", text)
    match = _LINE_START.match(text)
    if match:
        lead, marker = match.groups()
        if marker[0].isdigit():
            # "12. " must not start an ordered list: escape the dot or parenthesis after it.
            end = match.end()
            return f"{text[:end]}\\{text[end:]}"
        return f"{lead}\\{text[len(lead) :]}"
    return text


def inline(text: str) -> str:
    """One line of user text, safe inside a paragraph, heading or list item (no line breaks)."""
    return _line(" ".join(part.strip() for part in text.split("\n") if part.strip()))


def block(text: str, indent: str = "") -> str:
    """User text that may hold line breaks, safe in a paragraph or list item.

    Each line is escaped on its own; a line break continues the paragraph or list item
    (``indent`` continues a list item).
    """
    lines = [_line(part.strip()) for part in text.strip().split("\n") if part.strip()]
    return ("\n" + indent).join(lines)


def cell(text: str) -> str:
    """User text inside a GFM table cell: pipes escaped, line breaks as "; "."""
    return "; ".join(_line(part.strip()) for part in text.strip().split("\n") if part.strip())
