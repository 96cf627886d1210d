"""Step "Kansen en knelpunten": the two-column board of cards, with votes, themes and sources.

Every change goes through ``_change()``: it notes what the cards were before (for undo), stamps
``gewijzigd`` on what changed, saves, and only then redraws. A new card that could not be saved
stays in the session in memory (the shell retries the save) but is kept off the board until it is
on disk; a line under the board says it is waiting.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Static

from ...commands import bindings
from ...domain import hygiene
from ...domain.session import Bron, Kaart, Kolom
from ...domain.steps import Step
from ...domain.types import now_utc
from ...teksten import board as T
from ...widgets.board import BoardColumn, CardColumn, CardEditor, CardFace, Choice, ChoicePrompt, GroupHeader, Row
from ...widgets.owner import SaveState, SessionOwner
from .base import StepView

KOLOMMEN: tuple[Kolom, Kolom] = ("kans", "knelpunt")
#: Digits typed within this many seconds of each other make one number (1 then 2 = 12).
TALLY_SECONDS = 1.0
TALLY_DIGITS = 3
#: How many changes ``u`` can take back.
UNDO_LIMIT = 200

#: The fields of a card that a change can touch, and undo puts back.
_FIELDS = ("kolom", "tekst", "volgorde", "stemmen", "thema", "bron")
_NEW = "__nieuw__"


def _state(card: Kaart) -> tuple:
    return tuple(getattr(card, name) for name in _FIELDS)


@dataclass
class _UndoStep:
    what: str  # a key of T.WIJZIGING
    subject: str | None  # the card the change was about; selected again after undo
    #: card id -> (the card, its fields before the change), or None for a card that was added.
    before: dict[str, tuple[Kaart, tuple] | None]
    #: the facilitator's own choice for evening 2 (it names cards, so a delete can change it)
    gekozen: list[str] | None
    merge: str | None = None  # steps with the same key (one typed tally) are taken back at once


@dataclass
class _Tally:
    """A number of raised hands being typed, digit by digit."""

    card_id: str
    digits: str
    moment: float  # time.monotonic() of the last digit


class KansenKnelpuntenView(StepView):
    BINDINGS = bindings("board")

    DEFAULT_CSS = """
    KansenKnelpuntenView { padding: 0 1; }
    KansenKnelpuntenView > #bord { height: 1fr; }
    KansenKnelpuntenView #kans { margin-right: 1; }
    KansenKnelpuntenView > #wacht {
        display: none; height: auto; max-height: 3; padding: 0 1; background: $error-muted; color: $text;
    }
    KansenKnelpuntenView > #wacht.-zichtbaar { display: block; }
    """

    def __init__(self, owner: SessionOwner, step: Step) -> None:
        super().__init__(owner, step)
        self.kolom: Kolom = "kans"
        self.grouped = False
        self._undo: list[_UndoStep] = []
        self._editing: tuple[Kolom, str] | None = None  # (column, id of the card typed, or _NEW)
        self._pending: set[str] = set()  # new cards whose save has not succeeded yet
        self._tally: _Tally | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="bord"):
            for kolom in KOLOMMEN:
                yield BoardColumn(kolom, T.LEGE_KOLOM.format(soort=T.KOLOM_TITEL[kolom].lower()), id=kolom)
        yield Static(id="wacht")

    def on_mount(self) -> None:
        self.reload()
        self._focus_column(self.kolom)
        self.watch(self.owner, "save_state", self._save_state_changed, init=False)

    # Drawing -----------------------------------------------------------------------------------

    def _column(self, kolom: str) -> BoardColumn:
        return self.query_one(f"#{kolom}", BoardColumn)

    def _cards(self, kolom: str | None = None) -> CardColumn:
        return self._column(kolom or self.kolom).cards

    def reload(self, select: str | None = None) -> None:
        """Redraw both columns from the session; ``select`` a card (and go to its column)."""
        titels = {v.id: v.titel for v in self.session.voorbeelden}
        target = self._card(select) if select else None
        for kolom in KOLOMMEN:
            cards = [k for k in self.session.kolom(kolom) if k.id not in self._pending]
            column = self._column(kolom)
            detail = T.EEN_KAART if len(cards) == 1 else T.AANTAL_KAARTEN.format(n=len(cards))
            column.set_title(T.KOLOM_TITEL[kolom], detail)
            faces = [self._face(k, titels) for k in cards]
            chosen = select if target is not None and target.kolom == kolom else None
            column.cards.show(self._group(faces) if self.grouped else faces, chosen)
        if target is not None and target.kolom != self.kolom:
            self._focus_column(target.kolom)
        self._show_pending()

    @staticmethod
    def _face(card: Kaart, titels: dict[str, str]) -> CardFace:
        bron = ""
        if card.bron is not None:
            titel = titels.get(card.bron.voorbeeld_id or "", T.ONBEKEND_VOORBEELD)
            bron = T.BRON_KORT[card.bron.soort].format(titel=titel, trend=card.bron.trend)
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

    def _focus_column(self, kolom: Kolom) -> None:
        self.kolom = kolom
        self._tally = None
        self.screen.set_focus(self._cards(kolom))  # at once, so the next key already goes there

    @on(CardColumn.Clicked)
    def _clicked(self, event: CardColumn.Clicked) -> None:
        event.column.select(event.card_id)
        self._focus_column(next(kolom for kolom in KOLOMMEN if self._cards(kolom) is event.column))

    # Finding cards -----------------------------------------------------------------------------

    def _card(self, card_id: str | None) -> Kaart | None:
        return next((k for k in self.session.kaarten if k.id == card_id), None)

    def _selected(self) -> Kaart | None:
        """The selected card of the current column; says so when there is none."""
        card = self._card(self._cards().selected)
        if card is None:
            self.notify(T.GEEN_KAART, severity="warning")
        return card

    def _editable_card(self) -> Kaart | None:
        return self._selected() if self.can_edit() else None

    # Changing and saving -----------------------------------------------------------------------

    @contextmanager
    def _change(
        self, what: str, subject: str | None, *, merge: str | None = None, undoable: bool = True
    ) -> Iterator[None]:
        """Wrap one change of the cards about card ``subject``: remember the cards as they were
        (for undo), stamp ``gewijzigd`` on what changed, save, then redraw with ``subject`` selected."""
        afsluiting = self.session.afsluiting
        before = {k.id: (k, _state(k)) for k in self.session.kaarten}
        gekozen = None if afsluiting.gekozen is None else list(afsluiting.gekozen)
        yield
        current = {k.id: k for k in self.session.kaarten}
        if gekozen is not None and any(i not in current for i in gekozen):
            afsluiting.gekozen = [i for i in gekozen if i in current]  # a chosen card was removed
        changed: dict[str, tuple[Kaart, tuple] | None] = {
            card_id: (card, state)
            for card_id, (card, state) in before.items()
            if card_id not in current or _state(current[card_id]) != state
        }
        added = [card_id for card_id in current if card_id not in before]
        changed.update(dict.fromkeys(added))
        if not changed:
            return
        now = now_utc()
        for card_id in changed:
            if card_id in current:
                current[card_id].gewijzigd = now
        if undoable:
            self._remember(_UndoStep(what, subject, changed, gekozen, merge))
        if self.commit():
            self._pending.clear()
        else:
            self._pending.update(added)
        self.reload(subject if subject in current else None)

    def _remember(self, step: _UndoStep) -> None:
        last = self._undo[-1] if self._undo else None
        if last is not None and step.merge is not None and last.merge == step.merge:
            for card_id, before in step.before.items():
                last.before.setdefault(card_id, before)
            return
        self._undo.append(step)
        del self._undo[:-UNDO_LIMIT]

    def _remove(self, card: Kaart) -> None:
        kaarten = self.session.kaarten
        del kaarten[next(i for i, k in enumerate(kaarten) if k is card)]

    def _renumber(self, kolom: str, order: list[Kaart] | None = None) -> None:
        """Give the cards of a column the places 0..n-1, in ``order`` (default: board order)."""
        for place, card in enumerate(order if order is not None else self.session.kolom(kolom)):
            if card.volgorde != place:
                card.volgorde = place

    def _save_state_changed(self, state: SaveState) -> None:
        """The owner keeps retrying a failed save; once it succeeded, the waiting cards are shown."""
        if self._pending and state is SaveState.SAVED:
            newest = next((k.id for k in reversed(self.session.kaarten) if k.id in self._pending), None)
            self._pending.clear()
            self.notify(T.KAART_BEWAARD)
            self.reload(newest)

    # Keys ------------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While typing a card, the board keys are off (the letters go into the text).
        return not isinstance(self.app.focused, CardEditor)

    def action_column(self, kolom: Kolom) -> None:
        self._focus_column(kolom)

    def action_cursor(self, delta: int) -> None:
        self._tally = None
        self._cards().move_selection(delta)

    def action_end(self, last: bool) -> None:
        self._tally = None
        self._cards().select_end(last)

    # Typing a card -----------------------------------------------------------------------------

    def action_new(self) -> None:
        if self.can_edit():
            self._open_editor(_NEW, T.NIEUWE_KAART_TITEL.format(soort=T.KOLOM_ENKELVOUD[self.kolom]), "")

    def action_edit(self) -> None:
        card = self._editable_card()
        if card is not None:
            self._open_editor(card.id, T.KAART_AANPASSEN_TITEL, card.tekst)

    def _open_editor(self, editing: str, title: str, value: str) -> None:
        self._close_editor(refocus=False)
        self._editing = (self.kolom, editing)
        self._column(self.kolom).editor.open(title, value)
        # The editor takes room from the cards: keep the card (or the end, for a new one) in view.
        cards = self._cards()
        if editing == _NEW:
            cards.call_after_refresh(cards.scroll_end, animate=False)
        else:
            cards.call_after_refresh(cards.scroll_to_selected)

    def _close_editor(self, refocus: bool = True) -> None:
        self._editing = None
        for kolom in KOLOMMEN:
            self._column(kolom).editor.close()
        if refocus:
            self.screen.set_focus(self._cards())

    @on(CardEditor.Cancelled)
    def _cancelled(self) -> None:
        self._close_editor()

    @on(Input.Submitted, "CardEditor")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        self._accept(event.value)

    def save_pending(self) -> None:
        """A card being typed when the step closes or the app stops is kept, as if Enter was pressed."""
        if self._editing is None:
            return
        value = self._column(self._editing[0]).editor.value
        if value.strip():
            self._accept(value, refocus=False)

    def _accept(self, value: str, *, refocus: bool = True) -> None:
        if self._editing is None:
            return
        kolom, editing = self._editing
        tekst = self.clean(value, limit=hygiene.LONG_LIMIT)
        if editing == _NEW:
            self._close_editor(refocus)
            if tekst:
                card = Kaart(kolom=kolom, tekst=tekst, volgorde=len(self.session.kolom(kolom)))
                with self._change("nieuw", card.id):
                    self.session.kaarten.append(card)
                    self._renumber(kolom)
            return
        if not tekst:
            self.notify(T.LEGE_KAART, severity="warning")
            return
        self._close_editor(refocus)
        card = self._card(editing)
        if card is not None and card.tekst != tekst:
            with self._change("tekst", card.id):
                card.tekst = tekst

    # Changing cards ----------------------------------------------------------------------------

    def action_delete(self) -> None:
        card = self._editable_card()
        if card is None:
            return
        with self._change("weg", card.id):
            self._remove(card)
            self._renumber(card.kolom)
        self.notify(T.VERWIJDERD)

    def action_undo(self) -> None:
        if not self.can_edit():
            return
        if not self._undo:
            self.notify(T.NIETS_ONGEDAAN)
            return
        step = self._undo.pop()
        with self._change(step.what, step.subject, undoable=False):
            for card_id, before in step.before.items():
                current = self._card(card_id)
                if before is None:
                    if current is not None:
                        self._remove(current)
                    continue
                card, state = before
                if current is None:
                    self.session.kaarten.append(card)
                for name, value in zip(_FIELDS, state):
                    if getattr(card, name) != value:
                        setattr(card, name, value)
            if step.gekozen != self.session.afsluiting.gekozen:
                self.session.afsluiting.gekozen = step.gekozen
        self.notify(T.ONGEDAAN_GEDAAN.format(wat=T.WIJZIGING[step.what]))

    def action_move(self, kolom: Kolom) -> None:
        card = self._editable_card()
        if card is None:
            return
        if card.kolom == kolom:
            self.notify(T.AL_IN_KOLOM.format(kolom=T.KOLOM_TITEL[kolom].lower()))
            return
        source = card.kolom
        with self._change("kolom", card.id):
            card.volgorde = len(self.session.kolom(kolom))
            card.kolom = kolom
            self._renumber(source)
            self._renumber(kolom)

    def action_reorder(self, delta: int) -> None:
        card = self._editable_card()
        if card is None:
            return
        ids = self._cards().card_ids
        place = ids.index(card.id) + delta
        if not 0 <= place < len(ids):
            return
        other = self._card(ids[place])
        assert other is not None
        if self.grouped and other.thema.casefold() != card.thema.casefold():
            self.notify(T.ANDER_THEMA)
            return
        order = self.session.kolom(card.kolom)
        a, b = order.index(card), order.index(other)
        order[a], order[b] = order[b], order[a]
        with self._change("volgorde", card.id):
            self._renumber(card.kolom, order)

    def action_vote(self, delta: int) -> None:
        self._tally = None
        card = self._editable_card()
        if card is not None:
            self._set_votes(card, max(0, card.stemmen + delta))

    def action_tally(self, digit: int) -> None:
        """Typed digits are the tally of raised hands: digits in quick succession make one number."""
        card = self._editable_card()
        if card is None:
            return
        tally, now = self._tally, time.monotonic()
        going_on = (
            tally is not None
            and tally.card_id == card.id
            and now - tally.moment < TALLY_SECONDS
            and len(tally.digits) < TALLY_DIGITS
        )
        if going_on:
            assert tally is not None
            tally.digits += str(digit)
            tally.moment = now
        else:
            tally = self._tally = _Tally(card.id, str(digit), now)
        self._set_votes(card, int(tally.digits), merge=f"tally-{id(tally)}")

    def _set_votes(self, card: Kaart, stemmen: int, merge: str | None = None) -> None:
        if stemmen != card.stemmen:
            with self._change("stem", card.id, merge=merge):
                card.stemmen = stemmen

    # Theme and source --------------------------------------------------------------------------

    def _themes(self) -> list[str]:
        """Every theme in use, once (ignoring case), alphabetically."""
        themes: dict[str, str] = {}
        for card in self.session.kaarten:
            if card.thema:
                themes.setdefault(card.thema.casefold(), card.thema)
        return [themes[key] for key in sorted(themes)]

    def action_theme(self) -> None:
        card = self._editable_card()
        if card is None:
            return
        options = [(thema, thema) for thema in self._themes()]
        if card.thema:
            options.append(("", T.GEEN_THEMA))
        prompt = ChoicePrompt(T.THEMA_KOP, T.THEMA_INVOER, T.THEMA_UITLEG, options)
        self.app.push_screen(prompt, partial(self._theme_chosen, card.id))

    def _theme_chosen(self, card_id: str, choice: Choice | None) -> None:
        card = self._card(card_id)
        if choice is None or card is None:
            return
        thema = choice.key
        if thema is None:  # typed: a new theme, unless it only differs in capitals from one in use
            typed = self.clean(choice.text)
            if not typed:
                return
            thema = next((t for t in self._themes() if t.casefold() == typed.casefold()), typed)
        if thema != card.thema:
            with self._change("thema", card.id):
                card.thema = thema

    def action_source(self) -> None:
        card = self._editable_card()
        if card is None:
            return
        options = [(f"v:{v.id}", T.BRON_OPTIE_VOORBEELD.format(titel=v.titel)) for v in self.session.voorbeelden]
        options += [(f"t:{i}", T.BRON_OPTIE_TREND.format(trend=t)) for i, t in enumerate(self.session.trends)]
        options.append(("eigen", T.BRON_OPTIE_EIGEN))
        if card.bron is not None:
            options.append(("geen", T.GEEN_BRON))
        prompt = ChoicePrompt(T.BRON_KOP, T.BRON_INVOER, T.BRON_UITLEG, options)
        self.app.push_screen(prompt, partial(self._source_chosen, card.id))

    def _source_chosen(self, card_id: str, choice: Choice | None) -> None:
        card = self._card(card_id)
        if choice is None or card is None:
            return
        key = choice.key or ""
        if choice.key is None:  # typed: a trend that is not in the list
            trend = self.clean(choice.text)
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
        self.grouped = not self.grouped
        self.reload()
