"""The kansen/knelpunten board: every key, what the room sees, and what is saved on disk."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual import events

from atelier_tui.app import AtelierApp
from atelier_tui.domain.session import Kaart, Session
from atelier_tui.screens import session as session_screen
from atelier_tui.screens.help import HelpScreen
from atelier_tui.screens.session import SaveIndicator, SessionScreen
from atelier_tui.screens.steps.board import KansenKnelpuntenView
from atelier_tui.store import atomic
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session
from atelier_tui.teksten import board as T
from atelier_tui.widgets.board import CaptureLine, CardColumn, GroupHeader, wrap_spans

from .screen import screen_text, wait_until

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
            if views and isinstance(pilot.app.focused, CaptureLine):
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


def line(view: KansenKnelpuntenView) -> CaptureLine:
    return view.query_one(CaptureLine)


def line_text(view: KansenKnelpuntenView) -> str:
    """What the capture line shows, line by line."""
    capture = line(view)
    return "\n".join(capture.render_line(y).text for y in range(capture.content_region.height))


async def type_card(pilot, text: str) -> None:
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
        assert view.kolom == "knelpunt" and cards(view, "knelpunt").has_class("-actief")
        assert isinstance(app.focused, CaptureLine)  # the keys stay in the line
        # the header of the column in use lights up
        assert header["kans"].styles.background != bright and header["knelpunt"].styles.background != dim
        assert selected_text(view).startswith("Inwoners horen te laat")
        await pilot.press("end")
        assert selected_text(view).startswith("Online peilingen")
        await pilot.press("left")
        assert view.kolom == "kans" and selected_text(view).startswith("Dorpsraden")  # kept per column


# --- Writing cards -----------------------------------------------------------------------------


async def test_typing_and_enter_puts_a_card_in_the_column_in_use(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        assert str(line(view).border_title) == "Nieuwe kans"
        await pilot.press("right")
        assert str(line(view).border_title) == "Nieuw knelpunt"  # het knelpunt, de kans
        await pilot.press(*"Te weinig tijd")
        assert "Te weinig tijd" in line_text(view)
        await pilot.press("enter")
        await pilot.pause()
        assert line(view).value == "" and isinstance(app.focused, CaptureLine)
        assert "Te weinig tijd" in seen(cards(view, "knelpunt"))
        assert selected_text(view) == "Te weinig tijd"
        await pilot.press(*"Meer jongeren", "tab", "enter")  # Tab while typing: the other column
        await pilot.pause()
        assert "Meer jongeren" in seen(cards(view, "kans")) and view.kolom == "kans"
    saved = on_disk(path)
    card = by_text(saved, "Te weinig tijd")
    assert card.kolom == "knelpunt" and card.volgorde == 10 and volgorde_ok(saved)
    assert by_text(saved, "Meer jongeren").kolom == "kans"


async def test_a_long_sentence_wraps_in_the_line_and_can_be_read_back(sessions_dir):
    path = demo(sessions_dir)
    zin = (
        "Inwoners willen vooraf weten wat er met hun inbreng gebeurt, wie beslist en wanneer ze horen "
        "wat de raad ermee heeft gedaan, ook als hun idee het uiteindelijk niet haalt in de raad"
    )
    assert len(zin) > 170
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press(*zin)
        shown = " ".join(part.strip() for part in line_text(view).split("\n"))
        assert " ".join(shown.split()) == zin  # every word on screen before Enter
        assert 2 < line(view).content_region.height <= 4


async def test_escape_puts_the_draft_aside_and_undo_gives_it_back(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await type_card(pilot, "Eerste")
        await pilot.press(*"Toch maar niet", "escape")
        await pilot.pause()
        assert line(view).value == "" and "Toch maar niet" not in seen(cards(view, "kans"))
        assert isinstance(app.screen, SessionScreen)  # escape did not leave the session
        await pilot.press("ctrl+z")  # the draft comes back; the card "Eerste" stays
        await pilot.pause()
        assert line(view).value == "Toch maar niet" and "Eerste" in seen(cards(view, "kans"))
        await pilot.press("enter")
        await pilot.pause()
    assert {"Eerste", "Toch maar niet"} <= {k.tekst for k in on_disk(path).kaarten}


async def test_a_pasted_text_is_one_card_and_a_shortened_text_says_so(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        view = await open_board(pilot)
        line(view).post_message(events.Paste("Regel een\nregel twee"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert by_text(on_disk(path), "Regel een").tekst == "Regel een regel twee"
        line(view).post_message(events.Paste("x" * 4100))
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: "ingekort" in screen_text(app), "the message that the text was shortened")
    assert len(by_text(on_disk(path), "xxx").tekst) == 4000


async def test_typing_keys_go_into_the_text_not_to_the_board(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await type_card(pilot, "de gemeente en 12 dorpen + u = < > 2026 35")
    saved = on_disk(path)
    assert by_text(saved, "de gemeente en 12 dorpen").stemmen == 0
    assert saved.kolom("kans")[0].stemmen == 11  # the selected card kept its votes
    assert len(saved.kaarten) == 21


async def test_keys_typed_in_a_burst_go_into_the_text(sessions_dir):
    """Over SSH, keys can arrive all at once: the d of "de" must not delete a card."""
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        for character in "de burst":
            app.post_message(events.Key("space" if character == " " else character, character))
        app.post_message(events.Key("enter", "\r"))
        for _ in range(5):
            await pilot.pause()
    saved = on_disk(path)
    assert len(saved.kaarten) == 21 and by_text(saved, "de burst").kolom == "kans"


async def test_ctrl_e_edits_the_selected_card(sessions_dir):
    path = demo(sessions_dir)
    before = on_disk(path).kolom("kans")[1]
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("down", "ctrl+e")
        await pilot.pause()
        assert line(view).value.startswith("Dorpsraden en dorpshuizen")
        assert str(line(view).border_title) == T.KAART_AANPASSEN_TITEL
        await pilot.press("home", "ctrl+k", *"Dorpsraden als partner", "enter")
        await pilot.pause()
        assert "Dorpsraden als partner" in seen(cards(view, "kans"))
        await pilot.press("ctrl+e", *" in de kernen", "enter")
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
        await pilot.press("space", "enter")
        await pilot.pause()
        await pilot.press("backspace", "ctrl+e", "home", "ctrl+k", "enter")
        await pilot.pause()
        assert line(view).has_class("-wijzig")  # a card cannot be emptied: still changing it
        await pilot.press("escape")
    saved = on_disk(path)
    assert len(saved.kaarten) == 20 and saved.kolom("kans")[0].tekst.startswith("Vooraf")


# --- Deleting and undo -----------------------------------------------------------------------


async def test_d_deletes_and_u_undoes_step_by_step(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("delete")
        await pilot.pause()
        assert "Vooraf per project" not in seen(cards(view, "kans"))
        assert selected_text(view).startswith("Dorpsraden")  # the next card is selected
        await pilot.press("plus", "delete")
        await pilot.pause()
        middle = on_disk(path)
        assert len(middle.kaarten) == 18 and volgorde_ok(middle)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert selected_text(view).startswith("Dorpsraden")
        assert on_disk(path).kolom("kans")[0].stemmen == 10  # the vote is still there
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert on_disk(path).kolom("kans")[0].stemmen == 9
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Vooraf per project" in seen(cards(view, "kans"))
        assert selected_text(view).startswith("Vooraf per project")
        await pilot.press("ctrl+z")  # nothing left: nothing happens
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
        await pilot.press("home", ">", "shift+up", "minus", "equals_sign", "3", "enter")
        await pilot.press("ctrl+t", *"Thema", "enter")
        await pilot.pause()
        await pilot.press("ctrl+o", *"Trend nergens", "enter")
        await pilot.pause()
        await pilot.press("ctrl+e", "x", "enter")
        await pilot.pause()
        assert on_disk(path).kaarten != before.kaarten
        assert len(view.history) == 8
        for _ in range(9):
            await pilot.press("ctrl+z")
            await pilot.pause()
        assert len(view.history) == 0
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
        await pilot.press("equals_sign", "0", "enter", "minus", "minus")
        await pilot.pause()
        assert "● 0" in seen(cards(view, "kans"))
    assert on_disk(path).kolom("kans")[0].stemmen == 0


async def test_equals_and_digits_set_the_tally_of_hands(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("equals_sign")
        assert str(line(view).border_title) == T.STEMMEN_TITEL.format(n=11)
        await pilot.press("1", "x", "7")  # a letter is refused, not typed
        assert line(view).value == "17"
        await pilot.press("enter")
        await pilot.pause()
        assert "● 17" in seen(cards(view, "kans"))
        assert on_disk(path).kolom("kans")[0].stemmen == 17
        await pilot.press("ctrl+z")  # the whole typed number is one change
        await pilot.pause()
        assert on_disk(path).kolom("kans")[0].stemmen == 11
        await pilot.press("equals_sign", "4", "escape")  # cancelled: nothing changes
        await pilot.pause()
    assert on_disk(path).kolom("kans")[0].stemmen == 11


# --- Themes and sources ----------------------------------------------------------------------


async def test_ctrl_t_gives_a_new_or_an_existing_theme(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("ctrl+t")
        assert line(view).value == "Spelregels"  # the theme it has, replaced by typing
        assert "Bereik" in str(view.query_one("#hulp").render())  # the themes in use
        await pilot.press(*"Tijd en geld", "enter")
        await pilot.pause()
        assert "Tijd en geld" in seen(cards(view, "kans"))
        assert on_disk(path).kolom("kans")[0].thema == "Tijd en geld"
        await pilot.press("down", "ctrl+t", *"bereik", "enter")  # in use, in other capitals
        await pilot.pause()
        assert on_disk(path).kolom("kans")[1].thema == "Bereik"
        await pilot.press("down", "ctrl+t", "backspace", "enter")  # emptied: no theme
        await pilot.pause()
        assert on_disk(path).kolom("kans")[2].thema == ""
        await pilot.press("ctrl+t", *"Iets", "escape")  # cancelled: nothing changes
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and line(view).value == ""
    saved = on_disk(path)
    assert saved.kolom("kans")[2].thema == ""


async def test_ctrl_g_groups_the_board_by_theme(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("ctrl+g")
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
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert not any(isinstance(row, GroupHeader) for row in column._rows)
    assert volgorde_ok(on_disk(path))


async def test_ctrl_o_links_a_card_to_an_example_a_trend_or_own_experience(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("ctrl+o")
        assert "Enter kiest: Voorbeeld: Speeltuin" in str(view.query_one("#hulp").render())
        await pilot.press("down", "up", "enter")  # the first example
        await pilot.pause()
        first = on_disk(path).kolom("kans")[0]
        assert first.bron.soort == "voorbeeld" and first.bron.voorbeeld_id == "v-1"
        assert "uit: Speeltuin" in seen(cards(view, "kans"))
        await pilot.press("ctrl+o", *"loting", "enter")  # narrowed: the trend about loting
        await pilot.pause()
        first = on_disk(path).kolom("kans")[0]
        assert first.bron.soort == "trend" and first.bron.trend.startswith("Loting")
        await pilot.press("ctrl+o", *"eigen", "enter")
        await pilot.pause()
        assert on_disk(path).kolom("kans")[0].bron.soort == "eigen-ervaring"
        await pilot.press("ctrl+o", *"Krimp", "enter")  # nothing matches: a trend that was not listed
        await pilot.pause()
        assert "trend: Krimp" in seen(cards(view, "kans"))
        await pilot.press("ctrl+o", *"geen", "enter")
        await pilot.pause()
        await pilot.press("ctrl+o", *"eigen", "escape")  # cancelled: nothing changes
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
        await pilot.press("ctrl+t", *"[red]thema[/]", "enter")
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
            await pilot.press("plus", "delete", "ctrl+t", "escape", *"Iets", "enter")
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen)
            assert len(view.session.kaarten) == 20
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
        await pilot.press("delete")
        await pilot.pause()
        assert on_disk(path).afsluiting.gekozen == ["k-11"]
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert on_disk(path).afsluiting.gekozen == ["k-01", "k-11"]


async def test_a_board_key_rebound_in_the_keymap_works_in_the_line(sessions_dir, tmp_path, monkeypatch):
    config = tmp_path / "config"
    (config / "atelier").mkdir(parents=True)
    (config / "atelier" / "toetsen.toml").write_text('[toetsen]\n"board.undo" = "ctrl+y"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_board(pilot)
        await pilot.press("delete", "ctrl+z")  # ctrl+z is no longer undo
        await pilot.pause()
        assert "Vooraf per project" not in seen(cards(view, "kans"))
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "Vooraf per project" in seen(cards(view, "kans"))
    assert len(on_disk(path).kaarten) == 20


# --- Keys in help and footer -----------------------------------------------------------------


async def test_help_lists_every_board_key_in_dutch(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step=STEP)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("f1")  # "?" is text on the board
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        described = [b for b in KansenKnelpuntenView.BINDINGS if b.description]
        assert len(described) == len(KansenKnelpuntenView.BINDINGS)
        for binding in described:
            assert binding.description in text
        assert "Ctrl+Z" in text and T.STEMMEN_TYPEN in text


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
        await pilot.press("end", "up", "right", "down", *"Typen gaat even snel")
        await pilot.pause()
        assert _widgets(view) == in_view and _widgets(app.screen) < 60
        await pilot.press("enter", "ctrl+g")
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
    await pilot.press("ctrl+g", "home", "right", "home")
    await pilot.pause()


def test_snapshot_board_120x40(sessions_dir, snap_compare):
    assert snap_compare(_snapshot_app(sessions_dir), terminal_size=(120, 40), run_before=_ready)


def test_snapshot_board_80x24(sessions_dir, snap_compare):
    assert snap_compare(_snapshot_app(sessions_dir), terminal_size=(80, 24), run_before=_ready)


def test_snapshot_board_grouped_by_theme_120x40(sessions_dir, snap_compare):
    assert snap_compare(_snapshot_app(sessions_dir), terminal_size=(120, 40), run_before=_grouped)


# --- Wrapping --------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab cdé 中"), max_size=120), width=st.integers(min_value=1, max_value=30))
def test_wrapping_keeps_every_character_and_fits_the_width(text, width):
    """The card and the capture line wrap alike: no character lost, no line wider than the card."""
    spans = wrap_spans(text, width)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(a < b for a, b in spans) or text == ""
    for a, b in spans:
        line = text[a:b].rstrip(" ")
        assert cell_len(line) <= width or len(line) == 1  # one wide character on a narrow line
