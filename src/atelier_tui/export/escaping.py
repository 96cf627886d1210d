"""Escaping user text for Markdown (CommonMark + GFM tables).

Whatever a text contains, it can never add a heading, list item, table cell, link, image, HTML
or emphasis: every character with a meaning in Markdown is backslash-escaped, and line breaks
become hard breaks (lists, paragraphs) or ``<br>`` (table cells).
"""

from __future__ import annotations

import re

# ASCII punctuation that can start or end structure anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|~!])")
# '&' that would start an entity or character reference.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# What is special at the start of a line: headings, block quotes, list markers, thematic breaks,
# setext underlines, code fences, ordered-list numbers.
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+(?=[.)]))")


def _line(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    match = _LINE_START.match(text)
    if match:
        lead, marker = match.groups()
        if marker[0].isdigit():
            # "12." must not start an ordered list: escape the dot or parenthesis after it.
            rest = text[match.end() :]
            return f"{lead}{marker}\\{rest}" if rest else text
        return f"{lead}\\{text[len(lead) :]}"
    return text


def inline(text: str) -> str:
    """One line of user text, safe inside a paragraph, heading or list item (no line breaks)."""
    return _line(" ".join(text.split("\n")).strip())


def block(text: str, indent: str = "") -> str:
    """User text that may hold line breaks, safe in a paragraph or list item.

    Line breaks become Markdown hard breaks; ``indent`` continues a list item.
    """
    lines = [_line(part.strip()) for part in text.strip().split("\n")]
    lines = [line for line in lines]
    return ("\\\n" + indent).join(lines)


def cell(text: str) -> str:
    """User text inside a GFM table cell: pipes escaped, line breaks as <br>."""
    parts = [_line(part.strip()) for part in text.strip().split("\n")]
    return "<br>".join(parts)
