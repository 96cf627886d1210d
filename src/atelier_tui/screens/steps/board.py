"""Step "Kansen en knelpunten": the two-column board of cards, with votes, themes and sources.

Keys: the capture line under the board has the keys from the board's first frame on and hands
each one here (``_key``) before the next: letters, digits and punctuation are text; the board's
commands are on keys that never start a word (Enter, Tab, arrows, Ctrl+…), and the ones that can
also be text (+ − = < > Del, Home/End, ←→) only while the line is empty. A text, a card's new
text, its votes, its theme and its source are all typed in that line (``Mode``), so no key ever
depends on a focus change. The rules themselves (undo, places, themes) are in ``domain.board``.

Every change goes through ``_change()``: it notes what the cards were before (for undo), stamps
``gewijzigd`` on what changed, saves, and only then redraws. A new card that could not be saved
stays in the session in memory (the shell retries the save) but is kept off the board until it is
on disk; a line under the board says it is waiting.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Literal

from textual import on
from textual.actions import parse
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ...commands import bindings, key_actions, keymap_path, load_keymap
from ...domain import board, hygiene
from ...domain.session import Bron, Kaart, Kolom
from ...domain.steps import Step
from ...domain.types import now_utc
from ...teksten import board as T
from ...widgets.board import BoardColumn, CaptureLine, CardColumn, CardFace, GroupHeader, Row
from ...widgets.owner import Pointed, SaveState, SessionOwner
from .base import StepHeading, StepView

KOLOMMEN = board.KOLOMMEN

#: Commands on keys that can also be text or a cursor move: only while the line is empty.
_ONLY_WHEN_EMPTY = {"column", "end", "vote", "tally", "delete", "move", "undo", "edit", "theme", "source"}

Mode = Literal["nieuw", "tekst", "stemmen", "thema", "bron"]


class KansenKnelpuntenView(StepView):
    #: For the footer and help; the keys themselves are handled in order by the capture line.
    BINDINGS = bindings("board")
    initial_focus = "CaptureLine"
    reloads_in_place = True

    DEFAULT_CSS = """
    KansenKnelpuntenView { padding: 0 1; }
    KansenKnelpuntenView > #bord { height: 1fr; }
    KansenKnelpuntenView #kans { margin-right: 1; }
    KansenKnelpuntenView > #invoer { height: auto; }
    KansenKnelpuntenView > #invoer > #hulp {
        height: 1; padding: 0 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis;
    }
    KansenKnelpuntenView > #wacht {
        display: none; height: auto; max-height: 3; padding: 0 1; background: $error-muted; color: $text;
    }
    KansenKnelpuntenView > #wacht.-zichtbaar { display: block; }
    """

    def __init__(self, owner: SessionOwner, step: Step) -> None:
        super().__init__(owner, step)
        self.kolom: Kolom = "kans"
        self.grouped = False
        self.by_points = False
        self._pointer: tuple[str, str] = ("", "")
        self.history = board.History()
        self._mode: Mode = "nieuw"
        self._target: str | None = None  # the card whose text or votes are being typed
        self._pending: set[str] = set()  # new cards whose save has not succeeded yet
        self._bron: str | None = None  # the source option picked with the arrows (its key)
        self._room_pointed: tuple | None = None  # the room's screen: what it was last pointed at
        # The board's keys, as the footer shows them (with the user's keymap): key -> (action, parameters).
        keymap, _ = load_keymap(keymap_path())  # its problems are told once, by the app
        self._keys = {key: parse(action)[1:] for key, action in key_actions("board", keymap).items()}

    def compose(self) -> ComposeResult:
        if self.owner.presenting:
            yield StepHeading(self.step)  # the room's title band, with the big clock
        with Horizontal(id="bord"):
            for kolom in KOLOMMEN:
                empty = T.LEGE_KOLOM.format(soort=T.KOLOM_TITEL[kolom].lower())
                yield BoardColumn(kolom, empty, room=self.owner.presenting, id=kolom)
        with Vertical(id="invoer", classes="facilitator-only"):
            yield CaptureLine(self._key, frozenset(self._keys), id="regel")
            yield Static(Content(T.HULP_REGEL), id="hulp")
        yield Static(id="wacht")

    def on_mount(self) -> None:
        # The line has the keys from the first frame on: set at once, before any key is handled.
        self.screen.set_focus(self.line)
        self.reload()
        self._set_column(self.kolom)
        self.watch(self.owner, "save_state", self._save_state_changed, init=False)

    @property
    def line(self) -> CaptureLine:
        return self.query_one(CaptureLine)

    # Drawing -----------------------------------------------------------------------------------

    def _column(self, kolom: str) -> BoardColumn:
        return self.query_one(f"#{kolom}", BoardColumn)

    def _cards(self, kolom: str | None = None) -> CardColumn:
        return self._column(kolom or self.kolom).cards

    def reload(self, select: str | None = None) -> None:
        """Redraw both columns from the session; ``select`` a card (and go to its column)."""
        titels = {v.id: v.titel for v in self.session.voorbeelden}
        target = board.find(self.session, select) if select else None
        for kolom in KOLOMMEN:
            cards = [k for k in self.session.kolom(kolom) if k.id not in self._pending]
            column = self._column(kolom)
            detail = T.EEN_KAART if len(cards) == 1 else T.AANTAL_KAARTEN.format(n=len(cards))
            column.set_title(T.KOLOM_TITEL[kolom], detail)
            faces = [self._face(k, titels) for k in cards]
            if self.by_points:  # during a discussion of the points: most points first
                faces.sort(key=lambda f: -f.stemmen)
                if self.owner.presenting:  # the top ones (those that carry over) in large digits
                    top = self.session.afsluiting.top
                    faces = [replace(f, groot=i < top and f.stemmen > 0) for i, f in enumerate(faces)]
            chosen = select if target is not None and target.kolom == kolom else None
            column.cards.show(self._group(faces) if self.grouped else faces, chosen)
        if target is not None and target.kolom != self.kolom and self._mode == "nieuw":
            self._set_column(target.kolom)
        self._show_pending()
        self._point()

    def _point(self) -> None:
        """Tell the owner which card she points at (and how the board is ordered), for the room."""
        mode = "thema" if self.grouped else "punten" if self.by_points else ""
        pointer = (mode, f"{self.kolom}:{self._cards().selected or ''}")
        if pointer != self._pointer:
            self._pointer = pointer
            self.post_message(Pointed(tab=mode, item=pointer[1]))

    def point(self, tab: str | None, item: str | None) -> None:
        """The room's screen: the same order, the same column and the card she points at, in view.
        Pointed again at the same card of the same session (the room does, while a view settles),
        nothing is redrawn."""
        pointed = (tab, item, self.session)
        last = self._room_pointed
        if last is not None and last[:2] == pointed[:2] and last[2] is pointed[2]:
            return
        self._room_pointed = pointed
        kolom, _, card_id = (item or "").partition(":")
        self.grouped, self.by_points = tab == "thema", tab == "punten"
        if kolom in KOLOMMEN:
            self._set_column(kolom)  # type: ignore[arg-type]
        self.reload(select=card_id or None)

    @staticmethod
    def _face(card: Kaart, titels: dict[str, str]) -> CardFace:
        bron = ""
        if card.bron is not None:
            titel = titels.get(card.bron.voorbeeld_id or "", T.ONBEKEND_VOORBEELD)
            bron = T.BRON_KORT[card.bron.soort].format(titel=titel, trend=card.bron.trend)
        if card.uit_de_zaal:  # sent from a phone, and shown by her
            bron = f"{T.UIT_DE_ZAAL} · {bron}" if bron else T.UIT_DE_ZAAL
        return CardFace(card.id, card.tekst, card.stemmen, card.thema, bron)

    @staticmethod
    def _group(faces: list[CardFace]) -> list[Row]:
        """Cards under a header per theme: themes alphabetically, cards without a theme last.
        The header names the theme, so the cards do not repeat it."""
        groups: dict[str, list[CardFace]] = {}
        for face in faces:
            groups.setdefault(face.thema.casefold(), []).append(face)
        rows: list[Row] = []
        for key in sorted(groups, key=lambda k: (k == "", k)):
            members = groups[key]
            detail = T.EEN_KAART if len(members) == 1 else T.AANTAL_KAARTEN.format(n=len(members))
            titel = members[0].thema or T.ZONDER_THEMA
            rows.append(GroupHeader(titel, detail, sum(f.stemmen for f in members)))
            rows.extend(replace(face, thema="") for face in members)
        return rows

    def _show_pending(self) -> None:
        wacht = self.query_one("#wacht", Static)
        waiting = [k for k in self.session.kaarten if k.id in self._pending]
        wacht.set_class(bool(waiting), "-zichtbaar")
        if waiting:
            lines = [T.WACHT_OP_OPSLAAN.format(tekst=k.tekst) for k in waiting]
            wacht.update(Content("\n".join(lines)))

    def _set_column(self, kolom: Kolom) -> None:
        """The column in use: its cards are chosen with the arrows, a new card goes there."""
        self.kolom = kolom
        for k in KOLOMMEN:
            self._cards(k).set_class(k == kolom, "-actief")
            self._column(k).set_class(k == kolom, "-actief")
        self._show_mode()

    def _show_mode(self) -> None:
        line = self.line
        line.set_class(self.kolom == "knelpunt", "-knelpunt")
        line.set_class(self._mode != "nieuw", "-wijzig")
        card = board.find(self.session, self._target)
        if self._mode == "stemmen" and card is not None:
            title, hint, placeholder = T.STEMMEN_TITEL.format(n=card.stemmen), T.STEMMEN_UITLEG, T.STEMMEN_PLACEHOLDER
        elif self._mode == "tekst":
            title, hint, placeholder = T.KAART_AANPASSEN_TITEL, T.AANPASSEN_UITLEG, T.TYP_HIER
        elif self._mode == "thema":
            title, hint, placeholder = T.THEMA_KOP, T.THEMA_UITLEG, T.THEMA_INVOER
        elif self._mode == "bron":
            title, hint, placeholder = T.BRON_KOP, T.BRON_UITLEG, T.BRON_INVOER
        else:
            title, hint, placeholder = T.NIEUW_TITEL[self.kolom], T.NIEUW_UITLEG[self.kolom], T.TYP_HIER
        line.border_title, line.border_subtitle = Content(title), Content(hint)
        line.placeholder = placeholder
        self._show_help()

    def _show_help(self) -> None:
        """The line under the capture line: the keys, the themes in use, or the source Enter picks."""
        help_text = T.HULP_REGEL
        in_use = board.themes(self.session)
        if self._mode == "thema" and in_use:
            help_text = T.THEMAS_IN_GEBRUIK.format(themas=", ".join(in_use))
        elif self._mode == "bron":
            picked = self._picked_source()
            help_text = T.BRON_GEKOZEN.format(bron=picked[1]) if picked else T.BRON_NIEUWE_TREND
        self.query_one("#hulp", Static).update(Content(help_text))

    @on(CaptureLine.Changed)
    def _typed(self) -> None:
        if self._mode == "bron":
            self._show_help()  # only what is shown: Enter works out its choice itself

    @on(CardColumn.Clicked)
    def _clicked(self, event: CardColumn.Clicked) -> None:
        event.column.select(event.card_id)
        self._set_column(next(kolom for kolom in KOLOMMEN if self._cards(kolom) is event.column))
        self.screen.set_focus(self.line)

    # Finding cards -----------------------------------------------------------------------------

    def _selected(self) -> Kaart | None:
        """The selected card of the current column; says so when there is none."""
        card = board.find(self.session, self._cards().selected)
        if card is None:
            self.notify(T.GEEN_KAART, severity="warning")
        return card

    def _editable_card(self) -> Kaart | None:
        return self._selected() if self.can_edit() else None

    # Changing and saving -----------------------------------------------------------------------

    @contextmanager
    def _change(self, what: str, subject: str | None, *, undoable: bool = True) -> Iterator[None]:
        """Wrap one change of the cards about card ``subject``: remember the cards as they were
        (for undo), stamp ``gewijzigd`` on what changed, save, then redraw with ``subject`` selected."""
        before = board.snapshot(self.session)
        yield
        change = board.Change.of(self.session, before, what, subject)
        if change is None:
            return
        now = now_utc()
        for card in change.touched(self.session):
            card.gewijzigd = now
        if undoable:
            self.history.remember(change)
        if self.commit():
            self._pending.clear()
        else:
            self._pending.update(change.added)
        self.reload(subject if board.find(self.session, subject) else None)

    def _save_state_changed(self, state: SaveState) -> None:
        """The owner keeps retrying a failed save; once it succeeded, the waiting cards are shown."""
        if self._pending and state is SaveState.SAVED:
            newest = next((k.id for k in reversed(self.session.kaarten) if k.id in self._pending), None)
            self._pending.clear()
            self.notify(T.KAART_BEWAARD)
            self.reload(newest)

    # Keys: the capture line hands every key here first, in order -------------------------------

    def _key(self, key: str, character: str | None) -> bool:
        """Run the board command on ``key`` and return True, or return False: the key is text."""
        if self._mode == "stemmen" and character is not None and character.isprintable() and not character.isdigit():
            self.notify(T.ALLEEN_CIJFERS, severity="warning")
            return True
        if self._mode == "bron" and key in ("up", "down"):
            self._step_source(-1 if key == "up" else 1)
            return True
        command = self._keys.get(key)
        if command is None:
            return False
        name, params = command
        empty = not self.line.value
        if name in _ONLY_WHEN_EMPTY and (not empty or self._mode != "nieuw"):
            if name in ("undo", "edit") and self._mode != "stemmen":
                self.notify(T.EERST_REGEL, severity="warning")
                return True
            return False
        if name == "cancel" and empty and self._mode == "nieuw":
            return False  # Escape on an empty line: back to the list of steps, as everywhere
        getattr(self, f"action_{name}")(*params)
        self._point()
        return True

    def action_column(self, kolom: Kolom) -> None:
        self._set_column(kolom)

    def action_switch(self) -> None:
        if self._mode == "nieuw":
            self._set_column(board.other(self.kolom))

    def action_cursor(self, delta: int) -> None:
        self._cards().move_selection(delta)

    def action_end(self, last: bool) -> None:
        self._cards().select_end(last)

    # Typing: a new card, a card's text, or its votes -------------------------------------------

    def _set_mode(self, mode: Mode, target: str | None = None, value: str = "") -> None:
        self._mode, self._target = mode, target
        self.line.set_text(value, select=mode == "thema")  # a theme is replaced by typing
        self._show_mode()

    def action_submit(self) -> None:
        self._accept(self.line.value)

    def save_pending(self) -> None:
        """A card being typed when the step closes or the app stops is kept, as if Enter was pressed."""
        if self._mode in ("nieuw", "tekst") and self.line.value.strip():
            self._accept(self.line.value)

    def _accept(self, value: str) -> None:
        if self._mode not in ("thema", "bron") and not value.strip() or not self.can_edit():
            if self._mode != "nieuw" and not value.strip():
                self.notify(T.ALLEEN_CIJFERS if self._mode == "stemmen" else T.LEGE_KAART, severity="warning")
            return
        mode, target, kolom = self._mode, board.find(self.session, self._target), self.kolom
        if mode == "stemmen":
            stemmen = board.parse_tally(value)
            if stemmen is None:
                self.notify(T.ALLEEN_CIJFERS, severity="warning")
                return
            self._set_mode("nieuw")
            if target is not None and target.stemmen != stemmen:
                with self._change("stem", target.id):
                    target.stemmen = stemmen
            return
        if mode == "bron":
            picked = self._picked_source()
            self._set_mode("nieuw")
            if target is not None:
                self._set_source(target, picked[0] if picked else None, value)
            return
        if mode == "thema":
            self._set_mode("nieuw")
            typed = self.clean(value)
            thema = board.theme_for(self.session, typed) if typed else ""
            if target is not None and target.thema != thema:
                with self._change("thema", target.id):
                    target.thema = thema
            return
        tekst = self.clean(value, limit=hygiene.LONG_LIMIT)
        self._set_mode("nieuw")
        if not tekst:
            return
        if mode == "tekst":
            if target is not None and target.tekst != tekst:
                with self._change("tekst", target.id):
                    target.tekst = tekst
            return
        card = board.new_card(self.session, kolom, tekst)
        with self._change("nieuw", card.id):
            board.add(self.session, card)

    def action_cancel(self) -> None:
        """Escape: what was typed is put aside (undo gives it back); nothing is lost."""
        value, mode, target = self.line.value, self._mode, self._target
        card = board.find(self.session, target)
        self._set_mode("nieuw")
        if mode in ("stemmen", "thema", "bron") or not value.strip():
            return
        if mode == "tekst" and card is not None and value.strip() == card.tekst:
            return  # nothing was changed
        self.history.remember(board.Draft(self.kolom, value, target if mode == "tekst" else None))
        self.notify(T.WEGGELEGD)

    def action_edit(self) -> None:
        card = self._editable_card()
        if card is not None:
            self._set_mode("tekst", card.id, card.tekst)

    def action_tally(self) -> None:
        card = self._editable_card()
        if card is not None:
            self._set_mode("stemmen", card.id)

    # Changing cards ----------------------------------------------------------------------------

    def action_delete(self) -> None:
        card = self._editable_card()
        if card is None:
            return
        with self._change("weg", card.id):
            board.delete(self.session, card)
        self.notify(T.VERWIJDERD)

    def action_undo(self) -> None:
        if not self.can_edit():
            return
        step = self.history.pop()
        if step is None:
            self.notify(T.NIETS_ONGEDAAN)
            return
        if isinstance(step, board.Draft):
            card = board.find(self.session, step.card_id)
            self._set_column(step.kolom)
            if card is not None:
                self._set_mode("tekst", card.id, step.tekst)
            else:
                self._set_mode("nieuw", None, step.tekst)
            self.notify(T.TERUG_IN_REGEL)
            return
        with self._change(step.what, step.subject, undoable=False):
            step.undo(self.session)
        self.notify(T.ONGEDAAN_GEDAAN.format(wat=T.WIJZIGING[step.what]))

    def action_move(self, kolom: Kolom) -> None:
        card = self._editable_card()
        if card is None:
            return
        if card.kolom == kolom:
            self.notify(T.AL_IN_KOLOM.format(kolom=T.KOLOM_TITEL[kolom].lower()))
            return
        with self._change("kolom", card.id):
            board.move(self.session, card, kolom)

    def action_reorder(self, delta: int) -> None:
        card = self._editable_card()
        if card is None:
            return
        ids = self._cards().card_ids
        place = ids.index(card.id) + delta
        if not 0 <= place < len(ids):
            return
        neighbour = board.find(self.session, ids[place])
        assert neighbour is not None
        if self.grouped and neighbour.thema.casefold() != card.thema.casefold():
            self.notify(T.ANDER_THEMA)
            return
        with self._change("volgorde", card.id):
            board.swap(self.session, card, neighbour)

    def action_vote(self, delta: int) -> None:
        card = self._editable_card()
        if card is not None and max(0, card.stemmen + delta) != card.stemmen:
            with self._change("stem", card.id):
                card.stemmen = max(0, card.stemmen + delta)

    # Theme and source --------------------------------------------------------------------------

    def action_theme(self) -> None:
        """The theme is typed in the line itself (no dialog, so no key can go astray)."""
        card = self._editable_card()
        if card is not None:
            self._set_mode("thema", card.id, card.thema)

    def action_source(self) -> None:
        """The source is chosen in the line too: typing narrows the list, the arrows pick, Enter sets."""
        card = self._editable_card()
        if card is not None:
            self._bron = None
            self._set_mode("bron", card.id)

    def _source_options(self) -> list[tuple[str, str]]:
        """(key, label) of every source a card can have."""
        options = [(f"v:{v.id}", T.BRON_OPTIE_VOORBEELD.format(titel=v.titel)) for v in self.session.voorbeelden]
        options += [(f"t:{i}", T.BRON_OPTIE_TREND.format(trend=t)) for i, t in enumerate(self.session.trends)]
        options.append(("eigen", T.BRON_OPTIE_EIGEN))
        card = board.find(self.session, self._target)
        if card is not None and card.bron is not None:
            options.append(("geen", T.GEEN_BRON))
        return options

    def _source_matches(self) -> list[tuple[str, str]]:
        needle = self.line.value.strip().casefold()
        return [(key, label) for key, label in self._source_options() if needle in label.casefold()]

    def _picked_source(self) -> tuple[str, str] | None:
        """The option Enter takes now: the one picked with the arrows, else the first that matches."""
        matches = self._source_matches()
        return next((m for m in matches if m[0] == self._bron), matches[0] if matches else None)

    def _step_source(self, delta: int) -> None:
        matches = self._source_matches()
        if matches:
            picked = self._picked_source()
            place = matches.index(picked) if picked in matches else 0
            self._bron = matches[max(0, min(len(matches) - 1, place + delta))][0]
        self._show_help()

    def _set_source(self, card: Kaart, key: str | None, typed: str) -> None:
        if key is None:  # nothing in the list matches: a trend that is not in the list
            trend = self.clean(typed)
            if not trend:
                return
            bron = Bron(soort="trend", trend=trend)
        elif key.startswith("v:"):
            bron = Bron(soort="voorbeeld", voorbeeld_id=key[2:])
        elif key.startswith("t:"):
            bron = Bron(soort="trend", trend=self.session.trends[int(key[2:])])
        elif key == "eigen":
            bron = Bron(soort="eigen-ervaring")
        else:
            bron = None
        if bron != card.bron:
            with self._change("bron", card.id):
                card.bron = bron

    def action_grouped(self) -> None:
        self.grouped, self.by_points = not self.grouped, False
        self.reload()

    def action_by_points(self) -> None:
        """Most points first (for the discussion of the votes); again: the board's own order."""
        self.by_points, self.grouped = not self.by_points, False
        self.reload()
