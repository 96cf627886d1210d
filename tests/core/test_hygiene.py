from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_tui.domain import hygiene
from atelier_tui.domain.hygiene import clean

NASTY = st.sampled_from(
    [
        "\x1b[31m",
        "\x1b]0;titel\x07",
        "\x1b]52;c;aGFjaw==\x1b\\",
        "\x1bP+q\x1b\\",
        "\x9b2J",
        "\x07",
        "\x00",
        "\u202e",
        "\u2066",
        "\u200b",
        "\ufeff",
        "\r\n",
        "\t",
        "\x7f",
        "\u0085",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=20), NASTY), max_size=12).map("".join)


@settings(max_examples=300)
@given(TEXT, st.booleans())
def test_cleaned_text_is_safe_and_stable(text, multiline):
    result = clean(text, multiline=multiline)
    out = result.text
    assert "\x1b" not in out
    assert all(unicodedata.category(c) != "Cc" or (multiline and c == "\n") for c in out)
    assert not any(c in out for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff")
    assert unicodedata.is_normalized("NFC", out)
    assert len(out) <= (hygiene.LONG_LIMIT if multiline else hygiene.SHORT_LIMIT)
    assert clean(out, multiline=multiline).text == out  # idempotent
    if not multiline:
        assert "\n" not in out


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("\x1b[1;31mRood\x1b[0m", "Rood"),
        ("Titel\x1b]0;gehackt\x07 hier", "Titel hier"),
        ("klembord\x1b]52;c;ZWNobyBoaQ==\x1b\\ weg", "klembord weg"),
        ("abc\u202edcba", "abcdcba"),
        ("zero\u200bwidth", "zerowidth"),
        ("Cafe\u0301", "Café"),
        ("[bold]x[/]", "[bold]x[/]"),  # markup is kept as literal text, not interpreted
    ],
)
def test_specific_sequences_are_removed(raw, expected):
    result = clean(raw)
    assert result.text == expected


def test_lone_surrogates_are_removed_so_saving_never_fails():
    out = clean("a\ud800b\udfffc").text
    assert out == "abc"
    out.encode("utf-8")


def test_emoji_joiner_is_kept_but_stray_joiner_removed():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean(family).text == family
    assert clean("a\u200db").text == "ab"


def test_user_is_told_when_text_was_shortened_or_cleaned():
    long = clean("x" * 500)
    assert long.shortened and len(long.text) == hygiene.SHORT_LIMIT
    assert clean("a\x1b[2Jb").removed
    assert not clean("gewone tekst").changed


def test_multiline_keeps_paragraphs_but_not_control_characters():
    out = clean("eerste regel\r\ntweede\x07 regel\n\n\n\nderde", multiline=True).text
    assert out == "eerste regel\ntweede regel\n\nderde"
