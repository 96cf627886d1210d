"""The verslag as a griffier reads it: head, attendance, only what the room said, register,
structure, privacy of the evaluation, and the check of what it still lacks."""

from __future__ import annotations

import re
from datetime import date, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from atelier_tui.domain import builtin, rules
from atelier_tui.domain.errors import describe_validation_error
from atelier_tui.domain.session import (
    Actiepunt,
    Afspraak,
    Deelnemer,
    EisWens,
    FractiePositie,
    Kaart,
    Reactie,
    Session,
    VervolgStap,
    Voorbeeld,
)
from atelier_tui.export import render, verslag_gaps


def demo() -> Session:
    return Session.model_validate(builtin.demo_data())


def md(session: Session) -> str:
    return render(session, "md")


# --- Register --------------------------------------------------------------------------------

#: Wording a verslag of a beeldvormende bijeenkomst never uses in its own texts.
DECISION = re.compile(
    r"\b(de raad (wil|wilde|vraagt|vroeg|besluit|besloot|doet|deed|toetst|toetste)|we|wij|ons|onze|"
    r"stem|stemmen|heeft besloten|vastgesteld)\b",
    re.IGNORECASE,
)


def test_the_demo_verslag_speaks_in_the_register_of_minutes():
    for fmt in ("md", "txt"):
        text = render(demo(), fmt)
        assert DECISION.findall(text) == [], fmt
    assert "richtinggevende uitkomsten" in md(demo()).lower()
    assert "Afspraken" not in md(demo())


WORD = st.text(alphabet="qxzjkv", min_size=3, max_size=8)
NEUTRAL = st.lists(WORD, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kaarten=st.lists(st.tuples(NEUTRAL, st.integers(0, 12)), max_size=6),
    afspraken=st.lists(NEUTRAL, max_size=3),
    acties=st.lists(st.tuples(NEUTRAL, st.sampled_from(["actie", "toezegging"])), max_size=3),
    reacties=st.lists(NEUTRAL, max_size=3),
    cijfers=st.dictionaries(st.sampled_from("12345"), st.integers(0, 5), max_size=5),
    eisen=st.lists(NEUTRAL, max_size=2),
)
def test_the_apps_own_texts_never_use_decision_wording(kaarten, afspraken, acties, reacties, cijfers, eisen):
    """Generated sessions with meaningless typed words: every hit would be the app's own text."""
    s = builtin.new_session("qqq", "Qqq")
    s.kaarten = [Kaart(kolom="kans" if i % 2 else "knelpunt", tekst=t, stemmen=v) for i, (t, v) in enumerate(kaarten)]
    s.opbrengst.afspraken = [Afspraak(tekst=t) for t in afspraken]
    s.opbrengst.actiepunten = [Actiepunt(wie="qqq", wat=t, soort=k) for t, k in acties]
    s.evaluatie.reacties = [Reactie(tekst=t) for t in reacties]
    s.evaluatie.cijfers = cijfers
    s.eisen_wensen = [EisWens(tekst=t) for t in eisen]
    s.deelnemers = [Deelnemer(naam="Qqq Xxx", fractie="Qqq"), Deelnemer(naam="Zzz", rol="ambtenaar", avond2=False)]
    for fmt in ("md", "txt", "html"):
        text = render(s, fmt)
        assert DECISION.findall(text) == [], fmt
        assert not re.search(r"\bafspraken\b", text, re.IGNORECASE), fmt


def test_singular_and_plural_are_right():
    s = builtin.new_session("Test", "Lindewaard")
    s.kaarten = [Kaart(kolom="kans", tekst="een", stemmen=1), Kaart(kolom="kans", tekst="twee", stemmen=2)]
    s.evaluatie.cijfers = {"4": 1}
    text = md(s)
    assert "een (1 punt)" in text and "twee (2 punten)" in text
    assert "1 deelnemer gaf een waardering op een schaal van 1 tot 5, gemiddeld 4,0" in text


# --- The head --------------------------------------------------------------------------------


def test_head_gives_nature_status_evenings_programma_and_who_led_it():
    text = md(demo())
    assert text.startswith("# Verslag werkateliers participatie en cocreatie – gemeenteraad Lindewaard\n")
    assert "Soort bijeenkomst: beeldvormende bijeenkomst; er zijn geen besluiten genomen" in text
    assert "Status: concept, opgesteld door de griffie" in text
    assert "Werkatelier 1: woensdag 7 oktober 2026, 19.30–21.45 uur, Raadzaal, gemeentehuis Lindewaard" in text
    assert "Gespreksleider: Marieke Vos" in text
    # The programma from the agenda, with the clock time of each point.
    assert "- 19.30 Welkom, doel van de avond en spelregels" in text
    assert "- 20.45 Pauze" in text
    # Both goals.
    assert "Werkatelier 2: verkennen" in text or "Werkatelier 2: Verkennen" in text


def test_fractie_positions_carry_the_sentence_that_they_do_not_bind_the_fractie():
    s = builtin.new_session("Test", "Lindewaard")
    s.ambitie.fracties = [FractiePositie(fractie="Groen", trede="adviseren", toelichting="samen")]
    assert "bindt hun fractie niet" in md(s)
    assert "bindt hun fractie niet" not in md(builtin.new_session("Test", "Lindewaard"))


# --- Attendance ------------------------------------------------------------------------------


def test_attendance_per_evening_and_absentees_with_and_without_notice():
    text = md(demo())
    aanwezig = text[text.index("## Aanwezigen") : text.index("## Belangrijkste uitkomsten")]
    assert "Dorpsbelangen Lindewaard: Gerrit-Jan Wolters, Ilse Brouwer (alleen werkatelier 1)" in aanwezig
    assert "### Burgerraadsleden" in aanwezig and "### Namens het college" in aanwezig
    assert "Met bericht van verhindering: Ilse Brouwer (werkatelier 2)" in aanwezig
    assert "Zonder bericht van verhindering: Kees Mulder (werkatelier 2)" in aanwezig


def test_civil_servants_appear_by_function_unless_the_facilitator_chooses_names():
    s = demo()
    assert "Lotte van den Berg" not in md(s)
    assert "- beleidsadviseur participatie" in md(s)
    s.verslag.ambtenaren_bij_naam = True
    assert "Lotte van den Berg (beleidsadviseur participatie)" in md(s)


# --- Only what the room said -----------------------------------------------------------------


def test_built_in_starting_texts_are_left_out_until_changed_or_discussed():
    s = builtin.new_session("Test", "Lindewaard")
    standaard = s.doelgroepen[0].hoe_bereiken
    s.doelgroepen[0].bereikt = "nee"
    text = md(s)
    assert s.doelgroepen[0].naam in text
    assert standaard not in text  # the app's starting text is not the room's word
    assert "Toetsing van draagvlak" not in text and s.criteria[0].toets not in text
    assert s.initiatieven.rollen[0].uitleg not in text

    s.doelgroepen[0].besproken = True
    s.criteria[0].besproken = True
    s.initiatieven.rollen[0].gekozen = True
    text = md(s)
    assert standaard.split(".")[0] in text
    assert "Toetsing van draagvlak" in text and s.criteria[0].naam in text
    assert s.initiatieven.rollen[0].naam in text and s.initiatieven.rollen[0].uitleg not in text

    s.initiatieven.rollen[0].uitleg = "Eigen woorden van de zaal."
    s.criteria[1].toets = "Zelf geformuleerd."
    text = md(s)
    assert "Eigen woorden van de zaal." in text and "Zelf geformuleerd." in text


def test_a_session_after_evening_one_shows_no_evening_two():
    s = builtin.new_session("Avond een", "Lindewaard")
    s.voorbeelden = [Voorbeeld(titel="Inloopavond", les="Ga naar de mensen toe.")]
    text = md(s)
    assert "## Werkatelier 1" in text
    assert "## Werkatelier 2" not in text


# --- Structure -------------------------------------------------------------------------------


def test_key_outcomes_come_first_then_the_evenings_then_the_appendices():
    text = md(demo())
    order = [
        "## Belangrijkste uitkomsten",
        "### Richtinggevende uitkomsten",
        "### Toezeggingen",
        "### Actiepunten",
        "### Vervolg",
        "## Werkatelier 1",
        "## Werkatelier 2",
        "## Evaluatie",
        "## Bijlage 1 – kansen en knelpunten met hun punten",
        "## Bijlage 2 – de treden van de participatieladder (vijf treden)",
    ]
    positions = [text.index("\n" + h) for h in order]
    assert positions == sorted(positions)


def test_toezeggingen_are_numbered_apart_from_actiepunten_with_status():
    text = md(demo())
    toezeggingen = text[text.index("### Toezeggingen") : text.index("### Actiepunten")]
    assert "| T1  | Wethouder Ruud Jansen |" in toezeggingen and "T2" in toezeggingen
    assert "A1" not in toezeggingen
    assert "| A1  | Griffie " in text and "| loopt  |" in text


def test_the_sources_of_cards_and_the_rungs_used_appear_in_the_appendix():
    text = md(demo())
    bijlage = text[text.index("## Bijlage 1") :]
    assert "voorbeeld: Informatieavond windpark Kreekdijk" in bijlage
    assert "trend: " in bijlage
    assert "Informeren: " in bijlage  # what the rung commits the municipality to


def test_evaluation_is_anonymous_by_default_with_names_or_left_out_by_choice():
    s = demo()
    text = md(s)
    evaluatie = text[text.index("## Evaluatie") : text.index("## Bijlage")]
    assert "Deelnemers noemden onder meer:" in evaluatie
    assert "Henk Bosman" not in evaluatie
    assert "11 deelnemers gaven een waardering op een schaal van 1 tot 5, gemiddeld 4,3" in evaluatie
    s.verslag.evaluatie = "met-namen"
    assert "(Henk Bosman, Lokaal Lindewaard)" in md(s)
    s.verslag.evaluatie = "weglaten"
    assert "## Evaluatie" not in md(s)


def test_vervolg_is_a_table_of_dates():
    s = builtin.new_session("Test", "Lindewaard")
    s.opbrengst.vervolg = [VervolgStap(tekst="Commissie bespreekt het beleid.", wanneer=date(2026, 11, 26))]
    assert "| 26 november 2026 | Commissie bespreekt het beleid. |" in md(s)


# --- The check before export -----------------------------------------------------------------


def test_check_lists_what_a_new_verslag_lacks():
    gaps = verslag_gaps(builtin.new_session("Test"))
    joined = "\n".join(gaps)
    for fragment in ("gemeente", "datum van werkatelier 1", "eindtijd van werkatelier 2", "plaats", "voorzitter"):
        assert fragment in joined
    assert "aanwezigen" in joined and "doel" in joined.lower()
    assert verslag_gaps(demo()) == []


def test_check_warns_about_an_action_for_someone_absent_and_too_many_ratings():
    s = demo()
    s.opbrengst.actiepunten[-1].wie = "Sanne de Wit en Kees Mulder"
    s.evaluatie.cijfers = {"4": 20}
    gaps = verslag_gaps(s)
    assert any("Kees Mulder" in g and "afwezig" in g for g in gaps)
    assert any("20 waarderingen" in g and "11 deelnemers" in g for g in gaps)


def test_gaps_name_the_end_time_once_it_is_the_only_thing_missing():
    s = demo()
    s.avond2.eindtijd = None
    assert verslag_gaps(s) == ["De eindtijd van werkatelier 2 ontbreekt."]
    s.avond2.eindtijd = time(22, 0)
    assert verslag_gaps(s) == []


# --- Domain rules ----------------------------------------------------------------------------


def test_average_rating_is_computed_in_one_place():
    s = demo()
    assert rules.average_rating(s.evaluatie) == pytest.approx(47 / 11)
    assert rules.average_rating(builtin.new_session("x").evaluatie) is None


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x.nl", "https://"])
def test_a_stored_link_for_the_room_must_be_http_or_https(url):
    data = builtin.demo_data()
    data["deel"]["url"] = url
    with pytest.raises(ValidationError) as info:
        Session.model_validate(data)
    message = describe_validation_error(info.value)
    assert "link" in message.lower() or "adres" in message.lower()
    assert "Value error" not in message


# --- Rounds with phones ----------------------------------------------------------------------


def test_rounds_with_phones_say_how_many_came_in_how_many_were_shown_and_that_it_was_a_peiling():
    text = md(demo())
    kaarten = text.split("### Kansen en knelpunten")[1].split("\n### ")[0]
    assert (
        "Via de telefoon kwamen 9 kaarten binnen; de gespreksleider bekeek ze vooraf: 7 zijn getoond en 2 niet."
        in kaarten
    )
    assert text.count("Dit was een peiling, geen stemming.") == 3  # kaarten, ladder, evaluatie
    ladder = text.split("#### Peiling in de zaal")[1].split("\n### ")[0]
    assert "11 deelnemers plaatsten via de telefoon de opgaven op de ladder" in ladder
    assert "raadplegen 7, informeren 2, adviseren 2" in ladder  # most phones first
    evaluatie = text.split("## Evaluatie")[1]
    assert "Van hen gaven 9 het cijfer via de telefoon." in evaluatie
    assert "2 reacties binnen" in evaluatie and "1 is getoond en 1 niet" in evaluatie
    # The appendix marks the cards that came from phones.
    bijlage = text.split("Bijlage 1")[1]
    assert "uit de zaal" in bijlage


def test_a_points_round_is_named_before_the_top_cards_and_replaces_the_hand_count():
    s = demo()
    s.afsluiting.puntenwijze = ""
    s.rondes = [r for r in s.rondes if r.soort != "kaarten"]
    s.rondes.append(
        s.rondes[0].model_copy(
            update={
                "id": "z-p",
                "soort": "punten",
                "stap": "kansen-knelpunten",
                "ladder": {},
                "telefoons": 13,
                "budget": 5,
                "punten": {"k-01": 11},
            }
        )
    )
    section = md(s).split("### Kansen en knelpunten")[1].split("\n### ")[0]
    assert (
        "13 deelnemers verdeelden via de telefoon elk 5 punten over de kaarten; die punten zijn meegeteld." in section
    )
    assert "handopsteken" not in section  # the standard sentence about raised hands is left out
    assert section.index("peiling, geen stemming") < section.index("Kansen met de meeste punten")


def test_a_session_without_rounds_says_nothing_about_phones():
    s = demo()
    s.rondes = []
    for k in s.kaarten:
        k.uit_de_zaal = False
    text = md(s)
    assert "via de telefoon" not in text.lower() and "peiling, geen stemming" not in text
    assert "uit de zaal" not in text


def test_rounds_on_one_step_are_reported_together_and_an_empty_round_is_not_reported():
    s = demo()
    first = next(r for r in s.rondes if r.soort == "kaarten")
    s.rondes.append(first.model_copy(update={"id": "z-2", "ontvangen": 3, "getoond": 1, "niet_getoond": 0}))
    s.rondes.append(first.model_copy(update={"id": "z-3", "ontvangen": 0, "getoond": 0, "niet_getoond": 0}))
    section = md(s).split("### Kansen en knelpunten")[1].split("\n### ")[0]
    expected = "Via de telefoon kwamen 12 kaarten binnen; de gespreksleider bekeek ze vooraf: 8 zijn getoond, 2 niet en 2 zijn nog niet bekeken."
    assert expected in section
    assert section.count("Via de telefoon") == 1
