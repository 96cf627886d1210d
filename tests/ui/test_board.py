"""The kansen/knelpunten board: every key, what the room sees, and what is saved on disk."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from textual import events

from atelier_tui.app import AtelierApp
from atelier_tui.domain.session import Kaart, Session
from atelier_tui.screens import session as session_screen
from atelier_tui.screens.help import HelpScreen
from atelier_tui.screens.session import SaveIndicator, SessionScreen
from atelier_tui.screens.steps import board as board_module
from atelier_tui.screens.steps.board import KansenKnelpuntenView
from atelier_tui.store import atomic
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session
from atelier_tui.teksten import board as T
from atelier_tui.widgets.board import CardColumn, CardEditor, ChoicePrompt, GroupHeader

from .screen import wait_until

SIZE = (120, 40)
STEP = "kansen-knelpunten"


# --- Helpers ---------------------------------------------------------------------------------


def demo(sessions_dir: Path, extra_cards: int = 0) -> Path:
    """A demo copy, optionally with many more cards."""
    path = create_demo_copy(SessionsDir(sessions_dir))
    if extra_cards:
        with open_session(path) as opened:
            for i in range(extra_cards):
                kolom = "kans" if i % 2 else "knelpunt"
                opened.session.kaarten.append(
                    Kaart(kolom=kolom, tekst=f"Extra kaart nummer {i} met wat meer tekst erbij", volgorde=10 + i // 2)
                )
            assert opened.save().ok
    return path


def on_disk(path: Path) -> Session:
    with open_session(path, writable=False) as opened:
        return opened.session


def kolom(session: Session, name: str) -> list[str]:
    return [k.tekst for k in session.kolom(name)]


def by_text(session: Session, start: str) -> Kaart:
    return next(k for k in session.kaarten if k.tekst.startswith(start))


def volgorde_ok(session: Session) -> bool:
    """Every column numbers its cards 0..n-1."""
    columns = [[k.volgorde for k in session.kolom(c)] for c in ("kans", "knelpunt")]
    return all(places == list(range(len(places))) for places in columns)


async def open_board(pilot) -> KansenKnelpuntenView:
    for _ in range(60):
        await pilot.pause()
        if isinstance(pilot.app.screen, SessionScreen):
            views = pilot.app.screen.query(KansenKnelpuntenView)
            if views and isinstance(pilot.app.focused, CardColumn):
                await pilot.pause()
                return views.first()
    raise AssertionError(f"no board, got {pilot.app.screen!r}")


def cards(view: KansenKnelpuntenView, name: str) -> CardColumn:
    return view.query_one(f"#{name} CardColumn", CardColumn)


def seen(column: CardColumn) -> str:
    """The text the room sees in a column right now."""
    return "\n".join(column.render_line(y).text for y in range(column.size.height))


def selected_text(view: KansenKnelpuntenView) -> str:
    column = cards(view, view.kolom)
    return next(k.tekst for k in view.session.kaarten if k.id == column.selected)


async def type_card(pilot, text: str, key: str = "n") -> None:
    await pilot.press(key)
    await pilot.pause()
    await pilot.press(*text)
    await pilot.press("enter")
    await pilot.pause()


# --- Showing ---------------------------------------------------------------------------------


async def test_board_shows_cards_votes_themes_and_sources(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        kansen, knelpunten = seen(cards(view, "kans")), seen(cards(view, "knelpunt"))
        assert "Vooraf per project de trede" in kansen
        assert "● 11" in kansen and "Spelregels" in kansen
        assert "uit: Informatie" in kansen  # the example the card came from
        assert "eigen ervaring" in kansen
        assert "Inwoners horen te laat van plannen" in knelpunten and "● 12" in knelpunten
        header = str(view.query_one("#kans .column-header").render())
        assert "KANSEN" in header and "10 kaarten" in header


# --- Moving around ---------------------------------------------------------------------------


async def test_arrows_select_cards_and_switch_columns(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        assert view.kolom == "kans" and selected_text(view).startswith("Vooraf per project")
        await pilot.press("down", "down")
        assert selected_text(view).startswith("Jongeren bereiken")
        await pilot.press("up")
        assert selected_text(view).startswith("Dorpsraden")
        header = {kolom: view.query_one(f"#{kolom} .column-header") for kolom in ("kans", "knelpunt")}
        bright, dim = header["kans"].styles.background, header["knelpunt"].styles.background
        await pilot.press("right")
        assert view.kolom == "knelpunt" and app.focused is cards(view, "knelpunt")
        # the header of the column in use lights up
        assert header["kans"].styles.background != bright and header["knelpunt"].styles.background != dim
        assert selected_text(view).startswith("Inwoners horen te laat")
        await pilot.press("end")
        assert selected_text(view).startswith("Online peilingen")
        await pilot.press("left")
        assert view.kolom == "kans" and selected_text(view).startswith("Dorpsraden")  # kept per column


# --- Writing cards -----------------------------------------------------------------------------


async def test_n_writes_a_new_card_and_enter_saves_it(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("right", "n")
        await pilot.pause()
        editor = view.query_one("#knelpunt CardEditor", CardEditor)
        assert editor.is_open and app.focused is editor
        await pilot.press(*"Te weinig tijd")
        await pilot.press("enter")
        await pilot.pause()
        assert not editor.is_open and app.focused is cards(view, "knelpunt")
        assert "Te weinig tijd" in seen(cards(view, "knelpunt"))
        assert selected_text(view) == "Te weinig tijd"
    saved = on_disk(path)
    card = by_text(saved, "Te weinig tijd")
    assert card.kolom == "knelpunt" and card.volgorde == 10 and volgorde_ok(saved)


async def test_escape_cancels_a_new_card(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("n", *"Toch maar niet", "escape")
        await pilot.pause()
        assert not view.query_one("#kans CardEditor", CardEditor).is_open
        assert "Toch maar niet" not in seen(cards(view, "kans"))
        assert isinstance(app.screen, SessionScreen)  # escape did not leave the session
    assert len(on_disk(path).kaarten) == 20


async def test_typing_keys_go_into_the_text_not_to_the_board(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await type_card(pilot, "de gemeente en 12 dorpen + u")
    saved = on_disk(path)
    assert by_text(saved, "de gemeente en 12 dorpen + u").stemmen == 0
    assert len(saved.kaarten) == 21


async def test_keys_typed_in_a_burst_after_n_go_into_the_text(sessions_dir):
    """Over SSH, keys can arrive all at once: the d of "de" must not delete a card."""
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        for character in "nde burst":
            app.post_message(events.Key("space" if character == " " else character, character))
        app.post_message(events.Key("enter", "\r"))
        for _ in range(5):
            await pilot.pause()
    saved = on_disk(path)
    assert len(saved.kaarten) == 21 and by_text(saved, "de burst").kolom == "kans"


async def test_e_and_enter_edit_the_selected_card(sessions_dir):
    path = demo(sessions_dir)
    before = on_disk(path).kolom("kans")[1]
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("down", "e")
        await pilot.pause()
        editor = view.query_one("#kans CardEditor", CardEditor)
        assert editor.value.startswith("Dorpsraden en dorpshuizen")
        await pilot.press("ctrl+a", "ctrl+k", *"Dorpsraden als partner", "enter")
        await pilot.pause()
        assert "Dorpsraden als partner" in seen(cards(view, "kans"))
        await pilot.press("enter")  # Enter edits too
        await pilot.pause()
        assert editor.is_open and editor.value == "Dorpsraden als partner"
        await pilot.press(*" in de kernen", "enter")
        await pilot.pause()
    card = on_disk(path).kolom("kans")[1]
    assert card.tekst == "Dorpsraden als partner in de kernen"
    assert card.id == before.id and card.gewijzigd != before.gewijzigd


async def test_a_new_card_is_drawn_only_once_it_is_saved(sessions_dir, monkeypatch):
    monkeypatch.setattr(session_screen, "RETRY_SECONDS", 0.1)  # the screen retries a failed save this often
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        real = atomic.os.replace

        def full(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(atomic.os, "replace", full)
        await type_card(pilot, "Wacht op de schijf")
        screen = app.screen
        assert str(screen.query_one(SaveIndicator).render()) == "NIET OPGESLAGEN"
        assert "Wacht op de schijf" not in seen(cards(view, "kans"))  # not on disk, so not on the board
        assert any(k.tekst == "Wacht op de schijf" for k in view.session.kaarten)  # but kept in memory
        assert "Wacht op de schijf" in str(view.query_one("#wacht").render())
        assert "Wacht op de schijf" not in kolom(on_disk(path), "kans")
        monkeypatch.setattr(atomic.os, "replace", real)
        await wait_until(pilot, lambda: "Wacht op de schijf" in seen(cards(view, "kans")), "the card after the retry")
        assert not view.query_one("#wacht").has_class("-zichtbaar")
    assert "Wacht op de schijf" in kolom(on_disk(path), "kans")


async def test_empty_card_text_is_not_saved(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("n", "space", "enter")
        await pilot.pause()
        assert not view.query_one("#kans CardEditor", CardEditor).is_open
        await pilot.press("e", "ctrl+a", "ctrl+k", "enter")
        await pilot.pause()
        assert view.query_one("#kans CardEditor", CardEditor).is_open  # a card cannot be emptied
    saved = on_disk(path)
    assert len(saved.kaarten) == 20 and saved.kolom("kans")[0].tekst.startswith("Vooraf")


# --- Deleting and undo -----------------------------------------------------------------------


async def test_d_deletes_and_u_undoes_step_by_step(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert "Vooraf per project" not in seen(cards(view, "kans"))
        assert selected_text(view).startswith("Dorpsraden")  # the next card is selected
        await pilot.press("plus", "d")
        await pilot.pause()
        middle = on_disk(path)
        assert len(middle.kaarten) == 18 and volgorde_ok(middle)
        await pilot.press("u")
        await pilot.pause()
        assert selected_text(view).startswith("Dorpsraden")
        assert on_disk(path).kolom("kans")[0].stemmen == 10  # the vote is still there
        await pilot.press("u")
        await pilot.pause()
        assert on_disk(path).kolom("kans")[0].stemmen == 9
        await pilot.press("u")
        await pilot.pause()
        assert "Vooraf per project" in seen(cards(view, "kans"))
        assert selected_text(view).startswith("Vooraf per project")
        await pilot.press("u")  # nothing left: nothing happens
        await pilot.pause()
    saved = on_disk(path)
    assert kolom(saved, "kans")[:2] == [
        "Vooraf per project de trede en de spelregels vaststellen en bekendmaken",
        "Dorpsraden en dorpshuizen als vaste partner bij plannen in de kernen",
    ]
    assert len(saved.kaarten) == 20 and volgorde_ok(saved)


async def test_undo_takes_back_every_kind_of_change(sessions_dir):
    path = demo(sessions_dir)
    before = on_disk(path)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await type_card(pilot, "Nieuw")
        await pilot.press("home", ">", "shift+up", "minus", "3")
        await pilot.press("g", *"Thema", "enter")
        await pilot.pause()
        await pilot.press("b", *"Trend", "enter")
        await pilot.pause()
        await pilot.press("e", "x", "enter")
        await pilot.pause()
        assert on_disk(path).kaarten != before.kaarten
        assert len(view._undo) == 8
        for _ in range(9):
            await pilot.press("u")
            await pilot.pause()
        assert len(view._undo) == 0
    after = on_disk(path)
    strip = ("gewijzigd",)
    assert [k.model_dump(exclude=set(strip)) for k in sorted(after.kaarten, key=lambda k: k.id)] == [
        k.model_dump(exclude=set(strip)) for k in sorted(before.kaarten, key=lambda k: k.id)
    ]


# --- Moving cards ----------------------------------------------------------------------------


async def test_greater_and_less_than_move_a_card_to_the_other_column(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("down", ">")
        await pilot.pause()
        assert view.kolom == "knelpunt" and selected_text(view).startswith("Dorpsraden")
        assert "Dorpsraden" in seen(cards(view, "knelpunt"))
        moved = on_disk(path)
        assert by_text(moved, "Dorpsraden").kolom == "knelpunt" and volgorde_ok(moved)
        assert kolom(moved, "knelpunt")[-1].startswith("Dorpsraden")
        await pilot.press(">")  # already there: stays
        await pilot.press("<")
        await pilot.pause()
        assert view.kolom == "kans"
    back = on_disk(path)
    assert by_text(back, "Dorpsraden").kolom == "kans" and volgorde_ok(back)
    assert kolom(back, "kans")[-1].startswith("Dorpsraden")


async def test_shift_up_and_down_reorder_within_the_column(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("shift+down", "shift+down")
        await pilot.pause()
        assert selected_text(view).startswith("Vooraf")
        assert kolom(on_disk(path), "kans")[2].startswith("Vooraf")
        await pilot.press("shift+up")
        await pilot.pause()
        await pilot.press("home", "shift+up")  # already at the top
        await pilot.pause()
    saved = on_disk(path)
    assert kolom(saved, "kans")[0].startswith("Dorpsraden")
    assert kolom(saved, "kans")[1].startswith("Vooraf")
    assert volgorde_ok(saved)


# --- Votes -----------------------------------------------------------------------------------


async def test_plus_and_minus_change_votes_never_below_zero(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert "● 13" in seen(cards(view, "kans"))
        assert on_disk(path).kolom("kans")[0].stemmen == 13
        await pilot.press("0", "minus", "minus")
        await pilot.pause()
        assert "● 0" in seen(cards(view, "kans"))
    assert on_disk(path).kolom("kans")[0].stemmen == 0


async def test_typed_digits_set_the_tally_of_hands(sessions_dir, monkeypatch):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("1", "7")
        await pilot.pause()
        assert "● 17" in seen(cards(view, "kans"))
        assert on_disk(path).kolom("kans")[0].stemmen == 17
        await pilot.press("u")  # the whole typed number is one change
        await pilot.pause()
        assert on_disk(path).kolom("kans")[0].stemmen == 11
        monkeypatch.setattr(board_module, "TALLY_SECONDS", 0.0)  # a pause between the digits
        await pilot.press("1", "7")
        await pilot.pause()
    assert on_disk(path).kolom("kans")[0].stemmen == 7


# --- Themes and sources ----------------------------------------------------------------------


async def test_g_gives_a_new_or_an_existing_theme(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.press(*"Tijd en geld", "enter")
        await pilot.pause()
        assert "Tijd en geld" in seen(cards(view, "kans"))
        assert on_disk(path).kolom("kans")[0].thema == "Tijd en geld"
        await pilot.press("down", "g")  # an existing theme, from the list
        await pilot.pause()
        await pilot.press("down", "enter")  # the first: "Bereik"
        await pilot.pause()
        assert on_disk(path).kolom("kans")[1].thema == "Bereik"
        await pilot.press("down", "g", *"tijd EN geld", "enter")  # typed, in other capitals
        await pilot.pause()
        assert on_disk(path).kolom("kans")[2].thema == "Tijd en geld"
        await pilot.press("g", "escape")  # cancelled: nothing changes
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
    saved = on_disk(path)
    assert saved.kolom("kans")[2].thema == "Tijd en geld"


async def test_t_groups_the_board_by_theme(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("t")
        await pilot.pause()
        column = cards(view, "kans")
        headers = [row.titel for row in column._rows if isinstance(row, GroupHeader)]
        assert headers == sorted(headers, key=str.casefold) and "Bereik" in headers
        assert "2 kaarten" in seen(column)  # Bereik has two kansen
        assert column.card_ids[:2] == ["k-03", "k-05"]  # the two Bereik cards, in board order
        await pilot.press("home", "shift+down")  # within the theme: allowed
        await pilot.pause()
        assert column.card_ids[:2] == ["k-05", "k-03"]
        await pilot.press("shift+down")  # into another theme: refused
        await pilot.pause()
        assert column.card_ids[:2] == ["k-05", "k-03"]
        await pilot.press("t")
        await pilot.pause()
        assert not any(isinstance(row, GroupHeader) for row in column._rows)
    assert volgorde_ok(on_disk(path))


async def test_b_links_a_card_to_an_example_a_trend_or_own_experience(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("down", "enter")  # the first example
        await pilot.pause()
        first = on_disk(path).kolom("kans")[0]
        assert first.bron.soort == "voorbeeld" and first.bron.voorbeeld_id == "v-1"
        assert "uit: Speeltuin" in seen(cards(view, "kans"))
        await pilot.press("b", *"loting", "down", "enter")  # filtered: the trend about loting
        await pilot.pause()
        first = on_disk(path).kolom("kans")[0]
        assert first.bron.soort == "trend" and first.bron.trend.startswith("Loting")
        await pilot.press("b", *"eigen", "down", "enter")
        await pilot.pause()
        assert on_disk(path).kolom("kans")[0].bron.soort == "eigen-ervaring"
        await pilot.press("b", *"Krimp", "enter")  # a trend that was not listed
        await pilot.pause()
        assert "trend: Krimp" in seen(cards(view, "kans"))
        await pilot.press("b", *"geen", "down", "enter")
        await pilot.pause()
    assert on_disk(path).kolom("kans")[0].bron is None


# --- Safety ----------------------------------------------------------------------------------


async def test_user_text_is_shown_literally_and_clicking_it_does_nothing(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await type_card(pilot, "[bold]x[/]")
        await type_card(pilot, "[@click=app.quit]x[/]")
        await pilot.press("g", *"[red]thema[/]", "enter")
        await pilot.pause()
        column = cards(view, "kans")
        text = seen(column)
        assert "[bold]x[/]" in text and "[@click=app.quit]x[/]" in text and "[red]thema[/]" in text
        line = next(y for y in range(column.size.height) if "[@click=app.quit]" in column.render_line(y).text)
        x = column.render_line(line).text.index("[@click") + 3
        await pilot.click(column, offset=(x, line))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert selected_text(view) == "[@click=app.quit]x[/]"
    saved = on_disk(path)
    assert {"[bold]x[/]", "[@click=app.quit]x[/]"} <= {k.tekst for k in saved.kaarten}


async def test_read_only_board_changes_nothing(sessions_dir):
    path = demo(sessions_dir)
    first = open_session(path)
    try:
        app = AtelierApp(sessions_dir, open_path=path, step=STEP)
        async with app.run_test(size=SIZE) as pilot:
            view = await open_board(pilot)
            await pilot.press("n", "plus", "d", "g")
            await pilot.pause()
            assert not view.query_one("#kans CardEditor", CardEditor).is_open
            assert isinstance(app.screen, SessionScreen)
            assert view.session.kolom("kans")[0].stemmen == 11
    finally:
        first.close()


async def test_changes_stamp_the_card_and_keep_the_session_valid(sessions_dir):
    path = demo(sessions_dir)
    before = on_disk(path).kaarten
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("plus", "down", "shift+up")
        await pilot.pause()
    after = on_disk(path)
    Session.model_validate(after.model_dump())
    changed = {k.id for k in after.kaarten if k.gewijzigd != next((b.gewijzigd for b in before if b.id == k.id), None)}
    assert changed == {"k-01", "k-02"}


async def test_deleting_a_card_chosen_for_evening_two_keeps_the_session_saveable(sessions_dir):
    path = demo(sessions_dir)
    with open_session(path) as opened:
        opened.session.afsluiting.gekozen = ["k-01", "k-11"]
        assert opened.save().ok
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert on_disk(path).afsluiting.gekozen == ["k-11"]
        await pilot.press("u")
        await pilot.pause()
    assert on_disk(path).afsluiting.gekozen == ["k-01", "k-11"]


# --- Keys in help and footer -----------------------------------------------------------------


async def test_help_lists_every_board_key_in_dutch(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        described = [b for b in KansenKnelpuntenView.BINDINGS if b.description]
        assert len(described) == len(KansenKnelpuntenView.BINDINGS) - 9  # digits 1-9 share the line of 0
        for binding in described:
            assert binding.description in text
        assert "0-9" in text and T.STEMMEN_TYPEN in text


# --- A big session ---------------------------------------------------------------------------


def _widgets(node) -> int:
    return sum(1 for _ in node.walk_children())


@pytest.mark.parametrize("extra", [0, 1000])
async def test_the_number_of_widgets_does_not_grow_with_the_cards(sessions_dir, extra):
    path = demo(sessions_dir, extra_cards=extra)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        assert len(view.session.kaarten) == 20 + extra
        in_view = _widgets(view)
        assert in_view < 20 and _widgets(app.screen) < 60, (in_view, _widgets(app.screen))
        await pilot.press("end", "up", "right", "down", "n", *"Typen gaat even snel")
        await pilot.pause()
        assert _widgets(view) == in_view and _widgets(app.screen) < 60
        await pilot.press("enter", "t")
        await pilot.pause()
        assert _widgets(view) == in_view and _widgets(app.screen) < 60
        column = cards(view, "knelpunt")
        assert column.selected is not None and "Typen gaat even snel" in seen(column)


# --- Snapshots -------------------------------------------------------------------------------


def _snapshot_app(sessions_dir: Path) -> AtelierApp:
    return AtelierApp(sessions_dir, open_path=demo(sessions_dir), step=STEP)


async def _ready(pilot) -> None:
    await open_board(pilot)


async def _grouped(pilot) -> None:
    await open_board(pilot)
    await pilot.press("t", "home", "right", "home")
    await pilot.pause()


def test_snapshot_board_120x40(sessions_dir, snap_compare):
    assert snap_compare(_snapshot_app(sessions_dir), terminal_size=(120, 40), run_before=_ready)


def test_snapshot_board_80x24(sessions_dir, snap_compare):
    assert snap_compare(_snapshot_app(sessions_dir), terminal_size=(80, 24), run_before=_ready)


def test_snapshot_board_grouped_by_theme_120x40(sessions_dir, snap_compare):
    assert snap_compare(_snapshot_app(sessions_dir), terminal_size=(120, 40), run_before=_grouped)
