"""A new session starts with editable ground rules and an agenda for both evenings."""

from __future__ import annotations

from atelier_tui.domain.builtin import new_session


def test_a_new_session_has_ground_rules_and_two_agendas():
    s = new_session("Werkateliers participatie", "Gemeente Voorbeeld")
    assert len(s.spelregels) >= 3 and all(r.tekst.endswith(".") for r in s.spelregels)
    for avond in (s.avond1, s.avond2):
        assert len(avond.agenda) >= 3
        assert 60 <= sum(p.minuten for p in avond.agenda) <= 180
    assert s.avond1.agenda[0].onderwerp != s.avond2.agenda[0].onderwerp


def test_each_new_session_gets_its_own_copy():
    a, b = new_session("a"), new_session("b")
    a.spelregels[0].tekst = "Anders"
    assert b.spelregels[0].tekst != "Anders"
    assert {r.id for r in a.spelregels}.isdisjoint({r.id for r in b.spelregels})
