"""The phone round as pure state: its checks, its events, and replay of the events (domain/ronde.py)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_tui.domain import ronde as R
from atelier_tui.domain.ronde import ITEMS, SOORTEN, Keuze, Ronde, RondeFout, Trede
from atelier_tui.domain.steps import STEP_KEYS
from atelier_tui.teksten import zaal as T

KAARTEN = (Keuze("k1", "Meer inwoners aan tafel"), Keuze("k2", "Te weinig tijd"), Keuze("k3", "Jongeren"))
OPGAVEN = (Keuze("o1", "Omgevingsvisie"), Keuze("o2", "Speeltuin"))
TREDEN = (Trede("informeren", "Informeren"), Trede("raadplegen", "Raadplegen"), Trede("meebeslissen", "Meebeslissen"))


def do(ronde: Ronde, event: dict) -> dict:
    """What the web server does: the event goes through JSON (the journal), then it is applied."""
    event = json.loads(json.dumps(event))
    ronde.apply(event)
    return event


def kaarten() -> Ronde:
    return Ronde("kaarten", "kansen-knelpunten", klok=lambda: 1000.0)


def punten(budget: int = R.BUDGET) -> Ronde:
    return Ronde("punten", "kansen-knelpunten", keuzes=KAARTEN, budget=budget)


def ladder() -> Ronde:
    return Ronde("ladder", "ladder", keuzes=OPGAVEN, treden=TREDEN)


def evaluatie() -> Ronde:
    return Ronde("evaluatie", "evaluatie")


# --- Where a round can be opened ---------------------------------------------------------------


def test_every_step_with_rounds_is_a_real_step():
    assert set(SOORTEN) - {"participatieladder"} <= set(STEP_KEYS)
    assert "ladder" in SOORTEN  # the participatieladder's step key is "ladder"
    for stap, soorten in SOORTEN.items():
        if "kaarten" in soorten or "evaluatie" in soorten:
            assert ITEMS.get(stap), stap


def test_a_kind_the_step_does_not_have_is_refused():
    with pytest.raises(ValueError):
        Ronde("punten", "voorbeelden")
    with pytest.raises(ValueError):
        Ronde("kaarten", "sessie")
    with pytest.raises(ValueError):
        Ronde("punten", "kansen-knelpunten", budget=0)


# --- kaarten -------------------------------------------------------------------------------------


def test_a_check_changes_nothing_until_its_event_is_applied():
    ronde = kaarten()
    event = ronde.zend_tekst("tel-a", "kans", "Meer jongeren betrekken")
    assert ronde.wachtrij == [] and ronde.ontvangen == 0 and ronde.telefoons == 0
    do(ronde, event)
    [item] = ronde.wachtrij
    assert (item.soort, item.tekst, item.ontvangen) == ("kans", "Meer jongeren betrekken", 1000.0)
    assert item.id == event["inzending"]["id"]
    assert ronde.ontvangen == 1 and ronde.telefoons == 1
    assert ronde.kaarten_over("tel-a") == R.MAX_TEKSTEN_PER_TELEFOON - 1


def test_text_is_cleaned_and_cut_to_the_limit():
    ronde = kaarten()
    event = ronde.zend_tekst("tel-a", "knelpunt", "\x1b[31mrood\x1b[0m \u202eomgekeerd\u202c\x00 " + "x" * 500)
    tekst = event["inzending"]["tekst"]
    assert "\x1b" not in tekst and "\u202e" not in tekst and "\x00" not in tekst
    assert tekst.startswith("rood omgekeerd")
    assert len(tekst) <= R.TEKST_LIMIT


@pytest.mark.parametrize("tekst", ["", "   ", "\n\n", "\x1b[2J", "\u200b\u202e", None])
def test_empty_text_is_refused(tekst):
    with pytest.raises(RondeFout) as info:
        kaarten().zend_tekst("tel-a", "kans", tekst)
    assert info.value.message == T.LEEG and info.value.status == 400


def test_a_kind_of_item_the_step_does_not_have_is_refused():
    with pytest.raises(RondeFout) as info:
        kaarten().zend_tekst("tel-a", "eis", "Een eis op het verkeerde bord")
    assert info.value.status == 400 and info.value.message == T.KIES_SOORT
    ronde = Ronde("kaarten", "eisen-wensen")
    do(ronde, ronde.zend_tekst("tel-a", "eis", "Snel antwoord"))
    assert ronde.wachtrij[0].soort == "eis"


def test_a_closed_round_accepts_nothing():
    for ronde, attempt in [
        (kaarten(), lambda r: r.zend_tekst("t", "kans", "x")),
        (punten(), lambda r: r.geef_punt("t", "k1", 1)),
        (ladder(), lambda r: r.plaats("t", "o1", "informeren", None)),
        (evaluatie(), lambda r: r.beoordeel("t", 4)),
    ]:
        do(ronde, ronde.sluit())
        assert not ronde.open
        with pytest.raises(RondeFout) as info:
            attempt(ronde)
        assert info.value.message == "Deze ronde is gesloten." and info.value.status in (409, 410)
        do(ronde, ronde.sluit())  # twice changes nothing
        assert not ronde.open


def test_an_action_of_another_kind_of_round_is_refused():
    with pytest.raises(RondeFout) as info:
        kaarten().geef_punt("t", "k1", 1)
    assert info.value.message == T.KAN_NIET_HIER
    with pytest.raises(RondeFout):
        punten().zend_tekst("t", "kans", "tekst")
    with pytest.raises(RondeFout):
        punten().beoordeel("t", 3)
    with pytest.raises(RondeFout):
        evaluatie().plaats("t", "o1", "informeren", None)


def test_a_phone_may_send_only_so_many_texts():
    ronde = kaarten()
    for i in range(R.MAX_TEKSTEN_PER_TELEFOON):
        do(ronde, ronde.zend_tekst("tel-a", "kans", f"kaart {i}"))
    with pytest.raises(RondeFout) as info:
        ronde.zend_tekst("tel-a", "kans", "nog een")
    assert info.value.status == 429
    assert ronde.kaarten_over("tel-a") == 0
    do(ronde, ronde.zend_tekst("tel-b", "kans", "een andere telefoon mag wel"))


def test_the_queue_is_bounded(monkeypatch):
    monkeypatch.setattr(R, "MAX_WACHTRIJ", 3)
    ronde = kaarten()
    events = [do(ronde, ronde.zend_tekst(f"tel-{i}", "kans", f"kaart {i}")) for i in range(3)]
    with pytest.raises(RondeFout) as info:
        ronde.zend_tekst("tel-x", "kans", "te veel")
    assert info.value.status == 503
    do(ronde, ronde.besluit(events[0]["inzending"]["id"], "niet_getoond"))
    do(ronde, ronde.zend_tekst("tel-x", "kans", "nu past het weer"))


def test_the_number_of_phones_is_bounded(monkeypatch):
    monkeypatch.setattr(R, "MAX_TELEFOONS", 2)
    ronde = kaarten()
    do(ronde, ronde.zend_tekst("a", "kans", "1"))
    do(ronde, ronde.zend_tekst("b", "kans", "2"))
    do(ronde, ronde.zend_tekst("a", "kans", "3"))  # a phone that is already in
    with pytest.raises(RondeFout) as info:
        ronde.zend_tekst("c", "kans", "4")
    assert info.value.status == 503


def test_the_number_of_events_is_bounded(monkeypatch):
    monkeypatch.setattr(R, "MAX_EVENTS", 4)
    ronde = punten()
    for _ in range(2):
        do(ronde, ronde.geef_punt("a", "k1", 1))
        do(ronde, ronde.geef_punt("a", "k1", -1))
    with pytest.raises(RondeFout) as info:
        ronde.geef_punt("a", "k1", 1)
    assert info.value.status == 503


# --- Decisions -------------------------------------------------------------------------------------


def test_decisions_and_the_counts_the_room_sees():
    ronde = kaarten()
    ids = [do(ronde, ronde.zend_tekst(f"tel-{i % 2}", "kans", f"kaart {i}"))["inzending"]["id"] for i in range(4)]
    do(ronde, ronde.besluit(ids[0], "getoond"))
    do(ronde, ronde.besluit(ids[1], "niet_getoond"))
    do(ronde, ronde.sluit())
    do(ronde, ronde.besluit(ids[2], "samengevoegd", met="kaart-7"))  # also after closing
    assert [i.id for i in ronde.wachtrij] == [ids[3]]
    assert (ronde.ontvangen, ronde.getoond, ronde.niet_getoond, ronde.telefoons) == (4, 2, 1, 2)
    assert ronde.besluiten == {ids[0]: "getoond", ids[1]: "niet_getoond", ids[2]: "samengevoegd"}
    assert not ronde.beslist
    do(ronde, ronde.besluit(ids[3], "getoond"))
    assert ronde.beslist and ronde.wachtrij == []
    with pytest.raises(RondeFout) as info:
        ronde.besluit(ids[3], "niet_getoond")  # decided already
    assert info.value.status == 404
    with pytest.raises(RondeFout):
        ronde.besluit("onbekend", "getoond")
    with pytest.raises(RondeFout):
        ronde.besluit(ids[0], "misschien")


def test_telling_shows_the_tallies_only_once_revealed():
    ronde = punten()
    do(ronde, ronde.geef_punt("a", "k1", 1))
    do(ronde, ronde.geef_punt("b", "k1", 1))
    do(ronde, ronde.geef_punt("b", "k2", 1))
    telling = ronde.telling()
    assert set(telling) == {
        "soort",
        "stap",
        "open",
        "onthuld",
        "ontvangen",
        "getoond",
        "niet_getoond",
        "telefoons",
        "punten_gegeven",
    }
    assert telling["punten_gegeven"] == 3 and telling["telefoons"] == 2 and telling["onthuld"] is False
    do(ronde, ronde.onthul())
    telling = json.loads(json.dumps(ronde.telling()))
    assert telling["punten"] == {"k1": 2, "k2": 1}
    assert telling["cijfers"] == {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0}
    assert telling["ladder"] == {}


# --- punten ------------------------------------------------------------------------------------------


def test_points_keep_to_the_budget_and_never_go_below_zero():
    ronde = punten(budget=3)
    for keuze in ("k1", "k1", "k2"):
        do(ronde, ronde.geef_punt("a", keuze, 1))
    assert ronde.punten_over("a") == 0
    with pytest.raises(RondeFout) as info:
        ronde.geef_punt("a", "k3", 1)
    assert info.value.message == T.GEEN_PUNTEN_MEER
    do(ronde, ronde.geef_punt("a", "k1", -1))
    assert ronde.punten_over("a") == 1 and ronde.punten_van("a") == {"k1": 1, "k2": 1}
    with pytest.raises(RondeFout) as info:
        ronde.geef_punt("a", "k3", -1)
    assert info.value.message == T.GEEN_PUNT_OP_KAART
    assert ronde.punten == {"k1": 1, "k2": 1}
    assert ronde.punten_over("b") == 3  # every phone has its own budget


@pytest.mark.parametrize("delta", [0, 2, -2, True, "1", None])
def test_a_point_is_one_up_or_one_down(delta):
    with pytest.raises(RondeFout) as info:
        punten().geef_punt("a", "k1", delta)
    assert info.value.status == 400


def test_points_on_a_card_that_is_gone():
    ronde = punten()
    do(ronde, ronde.geef_punt("a", "k1", 1))
    ronde.set_keuzes(KAARTEN[1:])
    with pytest.raises(RondeFout) as info:
        ronde.geef_punt("a", "k1", 1)
    assert info.value.message == T.KAART_WEG
    assert ronde.punten_over("a") == R.BUDGET - 1  # still given, and it may be taken back
    do(ronde, ronde.geef_punt("a", "k1", -1))
    assert ronde.punten_over("a") == R.BUDGET


def test_apply_never_exceeds_the_budget_even_for_events_that_no_longer_fit():
    ronde = punten(budget=1)
    first = ronde.geef_punt("a", "k1", 1)
    second = ronde.geef_punt("a", "k2", 1)  # both checked before either was applied
    do(ronde, first)
    do(ronde, second)
    assert ronde.punten_over("a") == 0 and ronde.punten == {"k1": 1}
    do(ronde, {"type": "punt", "telefoon": "a", "keuze": "k3", "delta": -1})
    assert ronde.punten == {"k1": 1}


# --- ladder ----------------------------------------------------------------------------------------------


def test_ladder_counts_each_phones_latest_placement():
    ronde = ladder()
    do(ronde, ronde.plaats("a", "o1", "informeren", "meebeslissen"))
    do(ronde, ronde.plaats("b", "o1", "informeren", "raadplegen"))
    do(ronde, ronde.plaats("a", "o1", "raadplegen", "meebeslissen"))  # a changes her mind
    do(ronde, ronde.plaats("b", "o2", None, "raadplegen"))  # only STRAKS
    assert ronde.ladder == {
        "o1": {"nu": {"raadplegen": 1, "informeren": 1}, "straks": {"meebeslissen": 1, "raadplegen": 1}},
        "o2": {"nu": {}, "straks": {"raadplegen": 1}},
    }
    assert ronde.plaatsing_van("a") == {"o1": ("raadplegen", "meebeslissen")}
    assert ronde.telefoons == 2


def test_ladder_refuses_unknown_opgaven_and_rungs():
    ronde = ladder()
    with pytest.raises(RondeFout) as info:
        ronde.plaats("a", "o9", "informeren", None)
    assert info.value.message == T.OPGAVE_WEG
    with pytest.raises(RondeFout) as info:
        ronde.plaats("a", "o1", "top", None)
    assert info.value.message == T.TREDE_WEG
    with pytest.raises(RondeFout) as info:
        ronde.plaats("a", "o1", None, "")
    assert info.value.message == T.KIES_TREDE


# --- evaluatie -----------------------------------------------------------------------------------------------


def test_evaluatie_counts_the_latest_rating_and_queues_the_reaction():
    ronde = evaluatie()
    do(ronde, ronde.beoordeel("a", 4))
    do(ronde, ronde.beoordeel("b", 2, "Te lang"))
    do(ronde, ronde.beoordeel("a", 5, "  "))  # an empty reaction is no reaction
    assert ronde.cijfers == {"1": 0, "2": 1, "3": 0, "4": 0, "5": 1}
    assert ronde.cijfer_van("a") == 5
    [reactie] = ronde.wachtrij
    assert (reactie.soort, reactie.tekst) == ("reactie", "Te lang")
    do(ronde, ronde.zend_tekst("c", "reactie", "Alleen een reactie"))
    assert ronde.ontvangen == 2 and ronde.telefoons == 3


@pytest.mark.parametrize("cijfer", [0, 6, -1, True, "3", 3.0, None])
def test_a_rating_is_one_to_five(cijfer):
    with pytest.raises(RondeFout) as info:
        evaluatie().beoordeel("a", cijfer)
    assert info.value.status == 400 and info.value.message == T.KIES_CIJFER


# --- Replay ------------------------------------------------------------------------------------------------------


def test_replay_rebuilds_the_round():
    ronde = Ronde("punten", "kansen-knelpunten", keuzes=KAARTEN, treden=TREDEN, budget=4)
    events = [ronde.geopend_event()]
    events.append(do(ronde, ronde.geef_punt("a", "k1", 1)))
    events.append(do(ronde, ronde.geef_punt("a", "k2", 1)))
    events.append(do(ronde, ronde.onthul()))
    events.append(do(ronde, ronde.sluit()))
    again = Ronde.replay(json.loads(json.dumps(events)))
    assert again.toestand() == ronde.toestand()
    assert (again.id, again.budget, again.keuzes, again.treden) == (ronde.id, 4, KAARTEN, TREDEN)
    assert not again.open and again.onthuld


def test_replay_skips_what_it_cannot_read_and_starts_again_at_a_new_round():
    first = kaarten()
    second = kaarten()
    old = first.zend_tekst("a", "kans", "van de vorige ronde")
    new = second.zend_tekst("a", "kans", "van deze ronde")
    events = [
        {"type": "tekst"},  # before any geopend: ignored
        first.geopend_event(),
        old,
        second.geopend_event(),
        {"type": "punt", "telefoon": "a"},  # broken
        {"type": "iets-nieuws", "x": 1},  # unknown
        "geen dict",
        new,
    ]
    again = Ronde.replay(events)
    assert again.id == second.id
    assert [i.tekst for i in again.wachtrij] == ["van deze ronde"]
    with pytest.raises(ValueError):
        Ronde.replay([old])


# --- Properties ------------------------------------------------------------------------------------------------------

PHONES = st.sampled_from(["a", "b", "c", "d"])
ACTIONS = st.one_of(
    st.tuples(st.just("punt"), PHONES, st.sampled_from(["k1", "k2", "k3", "weg"]), st.sampled_from([1, -1, 2])),
    st.tuples(st.just("tekst"), PHONES, st.sampled_from(["kans", "knelpunt", "eis"]), st.text(max_size=300)),
    st.tuples(
        st.just("plaats"),
        PHONES,
        st.sampled_from(["o1", "o2", "o9"]),
        st.sampled_from([None, "informeren", "raadplegen", "top"]),
        st.sampled_from([None, "meebeslissen", "raadplegen"]),
    ),
    st.tuples(st.just("cijfer"), PHONES, st.integers(-1, 7), st.text(max_size=20)),
    st.tuples(st.just("besluit"), st.integers(0, 30), st.sampled_from(["getoond", "niet_getoond", "samengevoegd"])),
    st.tuples(st.just("keuzes"), st.integers(1, 3)),
    st.tuples(st.just("onthul")),
    st.tuples(st.just("sluit")),
)


def _attempt(ronde: Ronde, action: tuple) -> dict | None:
    kind = action[0]
    if kind == "punt":
        return ronde.geef_punt(action[1], action[2], action[3])
    if kind == "tekst":
        return ronde.zend_tekst(action[1], action[2], action[3])
    if kind == "plaats":
        return ronde.plaats(action[1], action[2], action[3], action[4])
    if kind == "cijfer":
        return ronde.beoordeel(action[1], action[2], action[3])
    if kind == "besluit":
        ids = list(ronde.inzendingen)
        return ronde.besluit(ids[action[1] % len(ids)] if ids else "geen", action[2])
    if kind == "keuzes":
        ronde.set_keuzes((KAARTEN + OPGAVEN)[: action[1] + 2], ronde.treden)
        return None
    if kind == "onthul":
        return ronde.onthul()
    return ronde.sluit()


@settings(max_examples=150, deadline=None)
@given(
    soort_stap=st.sampled_from(
        [
            ("kaarten", "kansen-knelpunten"),
            ("punten", "kansen-knelpunten"),
            ("ladder", "ladder"),
            ("evaluatie", "evaluatie"),
        ]
    ),
    budget=st.integers(1, 6),
    actions=st.lists(ACTIONS, max_size=60),
)
def test_budget_never_exceeded_and_replay_equals_the_live_round(soort_stap, budget, actions):
    soort, stap = soort_stap
    ronde = Ronde(soort, stap, budget=budget, keuzes=KAARTEN + OPGAVEN, treden=TREDEN)
    journal = [json.loads(json.dumps(ronde.geopend_event()))]
    for action in actions:
        before = ronde.toestand()
        try:
            event = _attempt(ronde, action)
        except RondeFout as fout:
            assert fout.message and 400 <= fout.status < 600
            assert ronde.toestand() == before  # a refused change changes nothing
            continue
        if event is None:
            continue
        assert ronde.toestand() == before  # a check changes nothing
        journal.append(do(ronde, event))
        for phone in "abcd":
            assert 0 <= ronde.punten_over(phone) <= budget
            assert all(n > 0 for n in ronde.punten_van(phone).values())
        assert all(n > 0 for n in ronde.punten.values())
        assert sum(ronde.punten.values()) <= budget * ronde.telefoons
        assert ronde.getoond + ronde.niet_getoond + len(ronde.wachtrij) == ronde.ontvangen
        assert all(len(i.tekst) <= R.TEKST_LIMIT and i.tekst for i in ronde.wachtrij)
    again = Ronde.replay(journal)
    assert again.toestand() == ronde.toestand()
    assert again.telling() == ronde.telling()
