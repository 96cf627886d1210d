"""Pydantic validation errors as plain Dutch lines (domain/errors.py), as the store shows them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from atelier_tui.domain.errors import describe_validation_error
from atelier_tui.domain.session import Session

BASE = {"naam": "x", "ladder": {"treden": [{"key": "a", "naam": "A"}, {"key": "b", "naam": "B"}]}}


def message(data: dict) -> str:
    with pytest.raises(ValidationError) as info:
        Session.model_validate(data)
    return describe_validation_error(info.value)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"ladder": BASE["ladder"]}, "naam: ontbreekt"),
        ({**BASE, "naam": ""}, "naam: mag niet leeg zijn"),
        ({**BASE, "naam": "   "}, "naam: mag niet leeg zijn"),
        (
            {**BASE, "kaarten": [{"kolom": "kans", "tekst": "t", "stemmen": -1}]},
            "kaarten › nr. 1 › stemmen: mag niet negatief zijn",
        ),
        ({**BASE, "afsluiting": {"top": 0}}, "afsluiting › top: is te klein (minstens 1)"),
        ({**BASE, "afsluiting": {"top": 99}}, "afsluiting › top: is te groot (hoogstens 20)"),
        (
            {**BASE, "kaarten": [{"kolom": "rood", "tekst": "t"}]},
            "kaarten › nr. 1 › kolom: onbekende waarde 'rood'; kies uit 'kans' of 'knelpunt'",
        ),
        ({**BASE, "onbekend": 1}, "onbekend: onbekend veld"),
        ({**BASE, "avond1": {"datum": "morgen"}}, "avond 1 › datum: is geen geldige datum"),
        (
            {**BASE, "ladder": {"treden": [{"key": "a", "naam": "A"}]}},
            "ladder › treden: moet minstens 2 onderdelen hebben",
        ),
        (
            {**BASE, "ladder": {"treden": [{"key": "a", "naam": "A"}, {"key": "a", "naam": "B"}]}},
            "ladder › treden: elke trede moet een eigen sleutel hebben",
        ),
        ({**BASE, "ambitie": {"niveau": "zz"}}, "Ambitie: trede 'zz' staat niet op de gekozen ladder"),
        ({**BASE, "deelnemers": "iedereen"}, "deelnemers: moet een lijst zijn"),
        ({**BASE, "afsluiting": {"top": "veel"}}, "afsluiting › top: moet een heel getal zijn"),
    ],
)
def test_messages(data: dict, expected: str) -> None:
    assert message(data) == expected


def test_at_most_three_lines() -> None:
    text = message({**BASE, "deelnemers": [{"naam": ""}] * 6, "onbekend": 1})
    lines = text.splitlines()
    assert len(lines) == 3
    assert lines[0] == "deelnemers › nr. 1 › naam: mag niet leeg zijn"
    assert lines[2] == "… en nog 5 andere fouten"


def test_no_english_or_pydantic_jargon() -> None:
    text = message({"naam": "", "kaarten": [{"kolom": 3}], "x": 1})
    for word in ("Field required", "Input should", "validation error", "pydantic", "loc", "type="):
        assert word not in text


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["naam", "ladder", "kaarten", "afsluiting", "avond1", "deelnemers", "x", "evaluatie"]),
        st.recursive(
            st.none() | st.booleans() | st.integers(-5, 50) | st.text(max_size=5),
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
            max_leaves=8,
        ),
    )
)
def test_any_broken_document_gives_one_to_three_lines(data: dict) -> None:
    try:
        Session.model_validate(data)
    except ValidationError as exc:
        text = describe_validation_error(exc)
        assert 1 <= len(text.splitlines()) <= 3
        assert all(line.strip() for line in text.splitlines())
