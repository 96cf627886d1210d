"""Helpers for tests: the text of the app's screen as a user sees it."""

from __future__ import annotations

import html
import re

_TEXT = re.compile(r'<text [^>]*clip-path="url\(#[^)]*-line-(\d+)\)"[^>]*>(.*?)</text>', re.S)


def screen_text(app) -> str:  # noqa: ANN001
    """The visible characters, line by line (from the SVG screenshot Textual makes)."""
    lines: dict[int, list[str]] = {}
    for number, text in _TEXT.findall(app.export_screenshot()):
        lines.setdefault(int(number), []).append(html.unescape(text).replace("\xa0", " "))
    return "\n".join("".join(lines[n]) for n in sorted(lines))
