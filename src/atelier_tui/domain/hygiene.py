"""Text hygiene: every piece of user text passes through here before it is stored.

Removes what could harm the terminal, the projector or the minutes (control characters,
escape sequences, bidi overrides, stray zero-width characters), normalises to NFC and
enforces length limits. Pure functions, no Textual, no files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Length limits, in characters.
SHORT_LIMIT = 200  # names, titles, labels, one-line fields
LONG_LIMIT = 4000  # notes, answers, explanations

# ESC-introduced sequences: CSI, OSC, DCS/SOS/PM/APC (string terminated), and two-byte escapes.
_ESC_SEQ = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?            # CSI ... final byte
  | \x1b[\]PX^_].*?(?:\x07|\x1b\\|\x9c|$)  # OSC, DCS, SOS, PM, APC up to ST or BEL
  | \x9b[0-?]*[ -/]*[@-~]?              # 8-bit CSI
  | [\x90\x98\x9d\x9e\x9f].*?(?:\x07|\x1b\\|\x9c|$)  # 8-bit DCS, SOS, OSC, PM, APC
  | \x1b[ -/]*[0-~]?                    # other escapes (ESC c, ESC ( B, ...)
    """,
    re.VERBOSE | re.DOTALL,
)

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u2060\u2061\u2062\u2063\u2064\ufeff\u180e"
_ZWJ = "\u200d"
_REMOVE = {ord(c): None for c in _BIDI + _ZERO_WIDTH}


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning one text."""

    text: str
    removed: bool = False  # something invisible or unsafe was taken out
    shortened: bool = False  # the text was cut to the length limit

    @property
    def changed(self) -> bool:
        return self.removed or self.shortened


def _is_emoji(ch: str) -> bool:
    if not ch:
        return False
    cp = ord(ch)
    return (
        unicodedata.category(ch) == "So"
        or 0x1F000 <= cp <= 0x1FAFF
        or 0x1F3FB <= cp <= 0x1F3FF  # skin tones
        or cp == 0xFE0F
        or 0x2600 <= cp <= 0x27BF
    )


def _keep_emoji_joiners(text: str) -> str:
    if _ZWJ not in text:
        return text
    out = []
    for i, ch in enumerate(text):
        if ch == _ZWJ:
            before = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if not (_is_emoji(before) and _is_emoji(after)):
                continue
        out.append(ch)
    return "".join(out)


def _strip_controls(text: str, multiline: bool) -> str:
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\n" if multiline else " ")
        elif ch == "\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs"):  # C0, DEL, C1; lone surrogates
            continue
        elif ch in ("\u2028", "\u2029"):
            out.append("\n" if multiline else " ")
        else:
            out.append(ch)
    return "".join(out)


# Any character that needs more than whitespace tidying. Most texts have none, and then
# cleaning stays in C-speed regex work (this runs for every text of a session on load).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\r\t\u2028\u2029\ud800-\udfff" + _BIDI + _ZERO_WIDTH + _ZWJ + "]")


def clean(text: str, *, multiline: bool = False, limit: int | None = None) -> Cleaned:
    """Clean one user text. ``limit`` defaults to the short or long limit."""
    if limit is None:
        limit = LONG_LIMIT if multiline else SHORT_LIMIT
    if not _UNSAFE.search(text) and unicodedata.is_normalized("NFC", text):
        return _tidy(text, multiline, limit, removed=False)
    original = text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    normalised = text
    text = _ESC_SEQ.sub("", text)
    text = _strip_controls(text, multiline)
    text = text.translate(_REMOVE)
    text = _keep_emoji_joiners(text)
    # Whitespace tidying is not worth telling the user about; removed characters are.
    removed = _visible_only(text) != _visible_only(normalised) or _has_unsafe(original)
    return _tidy(text, multiline, limit, removed=removed)


def _tidy(text: str, multiline: bool, limit: int, *, removed: bool) -> Cleaned:
    """Whitespace rules and the length limit, for a text that holds nothing unsafe."""
    if multiline:
        lines = [line.rstrip() for line in text.split("\n")]
        text = "\n".join(lines).strip("\n")
        text = re.sub(r"\n{3,}", "\n\n", text)
        text = text.strip(" ")
    else:
        text = re.sub(r" {2,}", " ", text.replace("\n", " ")).strip()
    shortened = False
    if len(text) > limit:
        text = text[:limit].rstrip()
        shortened = True
    return Cleaned(text=text, removed=removed, shortened=shortened)


def _visible_only(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _has_unsafe(text: str) -> bool:
    return any(
        (unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\r\t") or ch in _BIDI or ch in _ZERO_WIDTH
        for ch in text
    )


def clean_line(text: str, limit: int = SHORT_LIMIT) -> str:
    """Clean a one-line text and return just the text."""
    return clean(text, multiline=False, limit=limit).text


def clean_block(text: str, limit: int = LONG_LIMIT) -> str:
    """Clean a multi-line text and return just the text."""
    return clean(text, multiline=True, limit=limit).text
