from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from atelier_tui.domain import builtin, rules
from atelier_tui.domain.errors import describe_validation_error
from atelier_tui.domain.session import SCHEMA_VERSION, Actiepunt, Kaart, Session
from atelier_tui.domain.steps import STEP_KEYS, steps
from atelier_tui.domain.types import format_local


def test_steps_file_matches_the_step_names_of_the_command_line():
    assert tuple(s.key for s in steps()) == STEP_KEYS
    assert all(s.titel and s.uitleg for s in steps())


def test_demo_session_fills_every_part_of_the_model():
    session = Session.model_validate(builtin.demo_data())
    dumped = session.model_dump()

    def empty_paths(value, path="") -> list[str]:
        if isinstance(value, dict):
            if not value:
                return [path]
            return [p for k, v in value.items() for p in empty_paths(v, f"{path}.{k}")]
        if isinstance(value, list):
            if not value:
                return [path]
            return [p for i, v in enumerate(value[:1]) for p in empty_paths(v, f"{path}[{i}]")]
        return []

    # A round fills only the tallies of its kind (punten, ladder or cijfers); the others stay empty.
    kind_specific = {f".rondes[0].{name}" for name in ("punten", "ladder", "cijfers")}
    assert [p for p in empty_paths(dumped) if p not in kind_specific] == []
    assert {r.soort for r in session.rondes} >= {"kaarten", "ladder", "evaluatie"}
    assert all(r.ladder for r in session.rondes if r.soort == "ladder")
    assert all(r.cijfers for r in session.rondes if r.soort == "evaluatie")
    for name, _field in Session.model_fields.items():
        if name == "thema":  # empty means the default screen theme
            continue
        assert getattr(session, name) not in (None, "", [], {}), name
    assert {k.kolom for k in session.kaarten} == {"kans", "knelpunt"}
    assert {v.oordeel for v in session.voorbeelden} == {"goed", "minder-goed"}
    assert {p.rol for p in session.deelnemers} >= {"raadslid", "burgerraadslid", "griffier", "wethouder", "ambtenaar"}
    assert all(o.nu and o.straks for o in session.opgaven)
    assert {a.vraag for a in session.opbrengst.antwoorden} == {q.key for q in builtin.questions()}
    assert all(a.antwoord for a in session.opbrengst.antwoorden)


def test_built_in_ladders_have_the_required_rungs_with_texts():
    five = builtin.ladder("vijf-treden")
    assert five.keys() == ["informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen"]
    six = builtin.ladder("zes-treden")
    assert six.keys() == five.keys() + ["zelfbeheer"]
    for rung in five.treden + six.treden:
        assert rung.toezegging and rung.gevolgen_proces and rung.gevolgen_inwoners
    assert len(builtin.questions()) == 5


def test_new_session_starts_with_the_built_in_content():
    s = builtin.new_session("Test", "Lindewaard")
    assert s.schema_version == SCHEMA_VERSION
    assert s.doelgroepen and s.criteria and s.initiatieven.rollen
    assert [a.vraag for a in s.opbrengst.antwoorden] == [q.key for q in builtin.questions()]


@pytest.mark.parametrize(
    "make, fragment",
    [
        (lambda: Kaart(kolom="kans", tekst="x", stemmen=-1), "negatief"),
        (lambda: Kaart(kolom="wens", tekst="x"), "knelpunt"),
        (lambda: Actiepunt(wie="griffie", wat=""), "leeg"),
        (lambda: Actiepunt(wie="griffie", wat="\x1b[2J"), "leeg"),
    ],
)
def test_impossible_data_is_rejected_with_a_clear_dutch_message(make, fragment):
    with pytest.raises(ValidationError) as info:
        make()
    message = describe_validation_error(info.value)
    assert fragment in message
    assert "Input should" not in message and "Traceback" not in message


def test_references_must_point_at_existing_things():
    data = builtin.demo_data()
    data["opgaven"][0]["straks"] = "hemel"
    with pytest.raises(ValidationError) as info:
        Session.model_validate(data)
    assert "trede" in describe_validation_error(info.value)


def test_timestamps_are_stored_in_utc_and_shown_in_amsterdam_time():
    k = Kaart(kolom="kans", tekst="x", aangemaakt=datetime(2026, 11, 29, 18, 30, tzinfo=UTC))
    assert k.model_dump(mode="json")["aangemaakt"] == "2026-11-29T18:30:00.000Z"
    assert format_local(k.aangemaakt) == "29-11-2026 19:30"  # CET in winter
    summer = Kaart(kolom="kans", tekst="x", aangemaakt="2026-07-01T18:30:00Z")
    assert format_local(summer.aangemaakt) == "01-07-2026 20:30"  # CEST


def test_markup_in_user_text_is_stored_literally():
    k = Kaart(kolom="kans", tekst="[bold]x[/] [@click=app.quit]x[/]")
    assert k.tekst == "[bold]x[/] [@click=app.quit]x[/]"


@settings(max_examples=50)
@given(st.lists(st.tuples(st.sampled_from(["kans", "knelpunt"]), st.integers(0, 40)), max_size=30), st.integers(1, 5))
def test_carry_over_takes_the_top_cards_by_votes_per_column(cards, n):
    s = builtin.new_session("x")
    s.kaarten = [Kaart(kolom=c, tekst=f"kaart {i}", stemmen=v, volgorde=i) for i, (c, v) in enumerate(cards)]
    s.afsluiting.top = n
    carried = rules.carry_over(s)
    for kolom in ("kans", "knelpunt"):
        mine = [k for k in carried if k.kolom == kolom]
        others = [k for k in s.kaarten if k.kolom == kolom and k not in mine]
        assert len(mine) <= n
        assert all(k.stemmen > 0 for k in mine)
        assert [k.stemmen for k in mine] == sorted((k.stemmen for k in mine), reverse=True)
        if mine:
            assert all(k.stemmen <= min(m.stemmen for m in mine) for k in others)
        if len(mine) < n:
            assert all(k.stemmen == 0 for k in others)
