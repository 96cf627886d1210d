"""The board's rules without a screen: places stay 0..n-1, undo puts every change back exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_tui.domain import board
from atelier_tui.domain.session import Afsluiting, Kaart, Ladder, Session, Trede


def session_with(cards: int) -> Session:
    session = Session(naam="Bord", ladder=Ladder(treden=[Trede(key="a", naam="A"), Trede(key="b", naam="B")]))
    for i in range(cards):
        kolom = "kans" if i % 2 else "knelpunt"
        session.kaarten.append(Kaart(kolom=kolom, tekst=f"Kaart {i}", volgorde=i // 2, stemmen=i))
    return session


def state(session: Session) -> list[tuple]:
    return sorted((k.id, k.kolom, k.tekst, k.volgorde, k.stemmen, k.thema) for k in session.kaarten)


def places_ok(session: Session) -> bool:
    return all([k.volgorde for k in session.kolom(c)] == list(range(len(session.kolom(c)))) for c in board.KOLOMMEN)


# One operation: (kind, which card, a number) -- applied to whatever the session holds by then.
OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["add", "delete", "move", "swap", "vote", "theme"]),
        st.integers(min_value=0, max_value=50),
        st.integers(min_value=0, max_value=30),
    ),
    max_size=25,
)


def apply(session: Session, kind: str, which: int, number: int) -> None:
    cards = session.kaarten
    if kind == "add" or not cards:
        kolom = board.KOLOMMEN[number % 2]
        board.add(session, board.new_card(session, kolom, f"Nieuw {number}"))
        return
    card = cards[which % len(cards)]
    if kind == "delete":
        board.delete(session, card)
    elif kind == "move":
        board.move(session, card, board.other(card.kolom))
    elif kind == "swap":
        column = session.kolom(card.kolom)
        place = column.index(card)
        if place + 1 < len(column):
            board.swap(session, card, column[place + 1])
    elif kind == "vote":
        card.stemmen = number
    else:
        card.thema = board.theme_for(session, ["Bereik", "bereik", "Tijd"][number % 3])


@settings(max_examples=150, deadline=None)
@given(start=st.integers(min_value=0, max_value=8), operations=OPERATIONS)
def test_places_stay_in_order_and_undo_restores_every_change(start, operations):
    session = session_with(start)
    session.afsluiting = Afsluiting(gekozen=[k.id for k in session.kaarten[:2]])
    original, gekozen = state(session), session.afsluiting.gekozen
    history = board.History()
    for kind, which, number in operations:
        before = board.snapshot(session)
        apply(session, kind, which, number)
        assert places_ok(session), (kind, [(k.kolom, k.volgorde) for k in session.kaarten])
        change = board.Change.of(session, before, kind, None)
        ids = {k.id for k in session.kaarten}
        assert all(i in ids for i in session.afsluiting.gekozen or [])  # a removed card leaves the choice
        if change is not None:
            history.remember(change)
    while (step := history.pop()) is not None:
        assert isinstance(step, board.Change)
        step.undo(session)
    assert state(session) == original
    assert session.afsluiting.gekozen == gekozen


def test_a_removed_card_leaves_the_choice_for_evening_two_and_undo_brings_it_back():
    session = session_with(4)
    first, second = session.kaarten[0], session.kaarten[1]
    session.afsluiting.gekozen = [first.id, second.id]
    before = board.snapshot(session)
    board.delete(session, first)
    change = board.Change.of(session, before, "weg", first.id)
    assert change is not None and session.afsluiting.gekozen == [second.id]
    change.undo(session)
    assert session.afsluiting.gekozen == [first.id, second.id]
    assert board.find(session, first.id) is first


def test_nothing_changed_is_no_change():
    session = session_with(3)
    before = board.snapshot(session)
    assert board.Change.of(session, before, "stem", None) is None


def test_a_draft_put_aside_comes_back_before_any_card_is_taken_away():
    session = session_with(2)
    history = board.History()
    before = board.snapshot(session)
    card = board.new_card(session, "kans", "Goed idee")
    board.add(session, card)
    history.remember(board.Change.of(session, before, "nieuw", card.id))
    history.remember(board.Draft("knelpunt", "Half getypt"))
    step = history.pop()
    assert step == board.Draft("knelpunt", "Half getypt")
    assert board.find(session, card.id) is card  # the card before it is still there


def test_history_keeps_the_last_changes_only():
    history = board.History()
    for i in range(board.UNDO_LIMIT + 5):
        history.remember(board.Draft("kans", str(i)))
    assert len(history) == board.UNDO_LIMIT
    assert history.pop() == board.Draft("kans", str(board.UNDO_LIMIT + 4))


def test_a_theme_in_other_capitals_is_the_theme_in_use():
    session = session_with(2)
    session.kaarten[0].thema = "Tijd en geld"
    assert board.theme_for(session, "tijd EN geld") == "Tijd en geld"
    assert board.theme_for(session, "Nieuw") == "Nieuw"
    assert board.themes(session) == ["Tijd en geld"]


def test_a_tally_is_digits_only():
    assert board.parse_tally(" 12 ") == 12
    assert board.parse_tally("12a") is None
    assert board.parse_tally("") is None
    assert board.parse_tally("١٢") is None  # other scripts' digits are not a tally typed on a keyboard
    assert board.parse_tally("5000") == 999
