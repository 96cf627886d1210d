"""The session screen: the owner of the open session.

It holds the open session and its store handle, saves (``commit``), keeps the save state as a
reactive, and has the one close path (``shut``). Step views and their widgets are handed the
screen when they are built (typed as ``SessionOwner``) and report changes with ``Edited``.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..commands import bindings
from ..domain.session import Session
from ..domain.steps import neighbour, step, steps
from ..store.emergency import mark_told, write_emergency_copy
from ..store.repository import OpenSession
from ..teksten import ui as T
from ..widgets.board import CaptureLine
from ..widgets.dialogs import ChoiceDialog, confirm
from ..widgets.footer import AtelierFooter
from ..widgets.owner import Edited, SaveState
from ..widgets.session_bar import SaveIndicator, SessionHeader, StepNav
from ..widgets.timer import BigTimer, StepTimer
from ..widgets.zaal import Wachtrij, ZaalOproep, ZaalUitslag
from .session_clock import Clock
from .session_lock import TakeOver
from .session_room import Room
from .session_zaal import Zaal
from .steps import StepView, view_class

RETRY_SECONDS = 3.0


def _is_text_field(widget) -> bool:
    """An Input or a TextArea. TextArea is not imported for this: the first screens have none, and its
    import (with its themes and document model) costs start-up time and memory."""
    if isinstance(widget, Input):
        return True
    text_area = sys.modules.get("textual.widgets._text_area")
    return text_area is not None and isinstance(widget, text_area.TextArea)


class SessionScreen(TakeOver, Clock, Room, Zaal, Screen[None]):
    SCOPE = "session"  # its commands in the command table (and palette)
    BINDINGS = bindings("session")
    AUTO_FOCUS = ""  # the step view says what has the keys (see _focus_body and set_focus)

    DEFAULT_CSS = """
    SessionScreen { layout: vertical; }
    SessionScreen #top { height: 1; }
    SessionScreen #top SessionHeader { width: 1fr; }
    SessionScreen #readonly { height: auto; background: $warning-muted; padding: 0 1; }
    SessionScreen #main { height: 1fr; }
    SessionScreen #steps {
        width: 28; height: 1fr; border: none; border-right: solid $primary-muted;
        scrollbar-size-vertical: 1; padding: 0;
    }
    SessionScreen #body-column { width: 1fr; height: 1fr; }
    SessionScreen #body { width: 1fr; height: 1fr; }
    SessionScreen #bigtimer { display: none; dock: right; }
    SessionScreen.-presenter #bigtimer { display: block; }
    SessionScreen.-presenter #bigtimer.-empty { display: none; }
    /* The room's big clock stands in the step's title band (StepHeading), on a layer of its own, so
       it takes no strip of the screen's width; on a small screen the header's clock is enough. */
    SessionScreen.-presenter #body-column { layers: default clock; }
    SessionScreen.-presenter #bigtimer { layer: clock; }
    SessionScreen.-presenter.-narrow #bigtimer, SessionScreen.-presenter.-short #bigtimer { display: none; }
    SessionScreen.-narrow #steps { display: none; }
    SessionScreen.-narrow.-show-steps #steps { display: block; }
    /* The presenter layout: what the room sees, nothing for the facilitator only. */
    SessionScreen.-presenter #steps, SessionScreen.-presenter Footer,
    SessionScreen.-presenter SaveIndicator, SessionScreen.-presenter #readonly,
    SessionScreen.-presenter .facilitator-only, SessionScreen.-presenter #deel-leeg-hulp,
    SessionScreen.-presenter ToastRack { display: none; }
    SessionScreen.-presenter #body { padding: 0 2; }
    /* The invitation to join with a phone is for the room's screen; her screen has the queue. */
    SessionScreen ZaalOproep.-active { display: none; }
    SessionScreen.-presenter ZaalOproep.-active { display: block; }
    SessionScreen.-narrow ZaalOproep { width: 100%; max-width: 100%; border-left: none; }
    SessionScreen.-narrow Wachtrij { width: 30; }
    /* Readable from the back row: panel titles in the text colour, not in the colour of the border;
       a marked row is a calm band behind the text, so that every colour in the row stays readable. */
    SessionScreen Widget { border-title-color: $foreground; border-subtitle-color: $text-muted; }
    SessionScreen.-presenter OptionList > .option-list--option-highlighted,
    SessionScreen.-presenter OptionList:focus > .option-list--option-highlighted,
    SessionScreen.-presenter SelectionList > .option-list--option-highlighted,
    SessionScreen.-presenter SelectionList:focus > .option-list--option-highlighted {
        background: $foreground 7%; color: $foreground; text-style: bold;
    }
    SessionScreen Tabs Tab { color: $foreground; }
    SessionScreen Tabs Tab.-active { text-style: bold; }
    """

    #: Below 100 columns the step list folds away (F2 shows it); the header names the step.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    #: Below 30 lines the room's screen has no title band and no big clock (see StepHeading).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    current: reactive[str] = reactive("sessie", init=False)
    save_state: reactive[SaveState] = reactive(SaveState.SAVED, init=False)

    def __init__(self, opened: OpenSession, step_key: str | None = None, *, follow: bool = False) -> None:
        """``follow``: a read-only window for the room that follows the facilitator's session file."""
        super().__init__(classes="-presenter" if follow else None)
        self.opened = opened
        self._start = step_key or opened.session.huidige_stap
        self._retry_timer = None
        self._held: list[events.Key] | None = []  # keys that wait for the step view (see set_focus)
        self._step_unsaved = False  # the step she went to is not on disk yet (see _show)
        self._follow = follow

    # What the views are handed (SessionOwner) ----------------------------------------------------

    @property
    def session(self) -> Session:
        return self.opened.session

    @property
    def read_only(self) -> bool:
        return self.opened.read_only

    @property
    def path(self) -> Path:
        return self.opened.path

    def commit(self) -> bool:
        """Save the session now; True once it is durably on disk. A failed save is retried."""
        if self.opened.read_only:
            return False
        self._step_unsaved = False  # the step she is on goes with every save
        result = self.opened.save()
        self._update_save_state()
        if result.notice_text:  # the file had been changed by another program: that version was set aside
            self.notify(result.notice_text, severity="warning", markup=False, timeout=12)
        if not result.ok and self._retry_timer is None:
            self._retry_timer = self.set_interval(RETRY_SECONDS, self._retry)
        return result.ok

    @on(Edited)
    def _edited(self) -> None:
        """A view changed the session: the header may name a new municipality, phones new cards."""
        self._show_header(self.current)
        self.zaal_session_changed()

    # Building --------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield SessionHeader(id="header")
            timer = StepTimer(id="timer")
            yield timer
            yield SaveIndicator(id="save").data_bind(state=SessionScreen.save_state)
        if self.opened.read_only:
            yield Static(self._read_only_text(), id="readonly")
        with Horizontal(id="main"):
            options: list[Option | None] = []
            group = None
            for s in steps():
                if s.groep != group:
                    group = s.groep
                    options.append(Option(Content.styled(group.upper(), "bold"), disabled=True))
                options.append(Option(Content("  " + s.titel), id=s.key))
            yield StepNav(*options, id="steps")
            with Vertical(id="body-column"):
                yield BigTimer(timer, id="bigtimer")
                # The first step's view is built with the screen: one layout and one frame, not two.
                with Vertical(id="body"):
                    yield view_class(step(self._start))(self, step(self._start))
            yield Wachtrij(id="wachtrij", classes="facilitator-only")
            yield ZaalOproep(id="zaal-oproep")
            yield ZaalUitslag(id="zaal-uitslag")
        yield AtelierFooter()

    def on_mount(self) -> None:
        self.set_reactive(SessionScreen.current, self._start)
        self._update_save_state()
        self._show(self._start, save=not self._follow, built=True)  # a presenter window follows this step
        if self._follow:
            self._follow_start()
        else:
            self._watch_lock()
            self.zaal_recover()
            self.publish()

    # Closing: the one path -------------------------------------------------------------------------

    @property
    def unsaved(self) -> bool:
        """True when a change is only in memory (the screen says NIET OPGESLAGEN)."""
        return not self.opened.read_only and not self.opened.closed and self.opened.dirty

    def shut(self, *, emergency: bool = False) -> str | None:
        """Keep what is typed, save what is unsaved, and let go of the session (its lock).

        With ``emergency`` (the app stops while a change could not be saved) the session as it is in
        memory is written as an emergency copy first. Returns what to tell about that, in Dutch.
        """
        if self.opened.closed:
            return None
        self.save_pending()
        self.zaal_shut()
        if self.unsaved or (self._step_unsaved and not self.opened.read_only):
            self.opened.save()
        told = None
        if emergency and self.unsaved:
            copy = write_emergency_copy(self.session, self.opened.path.stem)
            told = T.NOODKOPIE_GEMAAKT.format(pad=copy) if copy else T.NOODKOPIE_MISLUKT
            if copy:
                mark_told(copy)  # told now, at the stop; not again at the next start
        self._stop_retry()
        self.opened.close()
        return told

    def shut_after_crash(self) -> str | None:
        """The app stops on an unexpected error: save what can be saved (an emergency copy if need be)."""
        try:
            return self.shut(emergency=True)
        except Exception:
            return None

    async def keep_open_forms(self) -> None:
        """The app stops (a hang-up, SIGTERM, a closed connection) while a form is open: what is typed
        in it is saved as if she pressed Ctrl+S, before the session is let go."""
        from ..widgets.form import FormDialog

        forms = [s for s in self.app.screen_stack if isinstance(s, FormDialog)]
        for form in reversed(forms):
            form.action_submit()
        waiting = [w for w in self.app.workers if w.group in ("records", "details", "timebox")]
        if forms and waiting:
            try:
                await asyncio.wait_for(self.app.workers.wait_for_complete(waiting), 1.0)
            except TimeoutError:
                pass

    async def stop(self) -> str | None:
        """The app stops: keep what is typed in open forms, then shut (see ``shut``)."""
        await self.keep_open_forms()
        return self.shut(emergency=True)

    async def ready_to_stop(self) -> bool:
        """Before Ctrl+Q: keep what is typed and save once more. While a change is still only in memory,
        ask: she may wait for "opgeslagen" (the default) or stop with an emergency copy."""
        self.save_pending()
        if self.unsaved:
            self.commit()
        if not self.unsaved:
            return True
        question = T.NIET_BEWAARD_VRAAG.format(reden=self.opened.last_error or "")
        choices = [("wacht", T.NIET_AFSLUITEN), ("nood", T.NOODKOPIE_EN_STOP)]
        return await self.app.push_screen_wait(ChoiceDialog(T.NIET_BEWAARD_KOP, question, choices)) == "nood"

    def action_close(self) -> None:
        """Esc: from the step to the step list. It never leaves the session: a stray Esc must not put
        the list of all sessions on the projector; leaving is Ctrl+W, with a question."""
        if self._follow:
            return
        nav = self.query_one("#steps", StepNav)
        if self.focused is nav or not nav.display:
            self.notify(T.SLUITEN_HOE, markup=False, timeout=4)
        else:
            nav.focus()

    @work(exclusive=True, group="close")
    async def action_close_session(self) -> None:
        if self._follow:
            return
        if await self.app.push_screen_wait(confirm(T.SESSIES, T.SLUITEN_VRAAG)) != "ja":
            return
        self.remove_class("-show-steps")
        self.shut()
        self.dismiss()

    # The room's layout -----------------------------------------------------------------------------

    @property
    def presenting(self) -> bool:
        return self.has_class("-presenter")

    def action_toggle_presenter(self) -> None:
        """One key switches between the facilitator's layout and the clean one for the room."""
        if self._follow:
            return
        self.toggle_class("-presenter")
        self._show(self.current, save=False)  # drawn again, with or without the hints for the facilitator

    # Steps -----------------------------------------------------------------------------------------

    def _show_header(self, key: str) -> None:
        s = step(key)
        gemeente = self.session.gemeente or self.session.naam
        self.query_one(SessionHeader).update(Content(T.HUIDIG.format(gemeente=gemeente, groep=s.groep, stap=s.titel)))

    def _show(self, key: str, *, save: bool = True, left: str | None = None, built: bool = False) -> None:
        """Show step ``key`` (coming from step ``left``, whose clock is kept); ``built``: its view is there."""
        self._show_header(key)
        if built:
            self.call_after_refresh(self._focus_body)
        else:
            self._mount_view(key)
        self._set_timer(key, left)
        nav = self.query_one("#steps", OptionList)
        index = nav.get_option_index(key)
        if nav.highlighted != index:
            nav.highlighted = index
        if save and not self.opened.read_only and self.session.huidige_stap != key:
            # Saved once the step is drawn (and keys typed meanwhile are handled): a card typed at
            # once is saved with the step in one write, instead of waiting for a write of the step.
            self.session.huidige_stap = key
            self._step_unsaved = True
            self.call_after_refresh(self._save_step)

    def _mount_view(self, key: str) -> None:
        body = self.query_one("#body", Vertical)
        self.save_pending()
        # Keys typed before the new view has the focus wait here, and then go to it in order.
        self._held = []
        self.set_focus(None)
        body.remove_children()
        view = view_class(step(key))(self, step(key))
        body.mount(view)
        view.call_after_refresh(self._focus_body)

    def _focus_body(self) -> None:
        """After a step change the keys go to the step itself (else to the list of steps). Not on the
        room's screen: nobody types there, and focus would pull a tab of its own into view."""
        if self._follow:
            self._held = None
            return
        view = self.view
        if view is not None and view.initial_focus:
            targets = view.query(view.initial_focus)
            if targets:
                self.set_focus(targets.first())
                return
        for widget in (view, *view.query("*")) if view is not None else ():
            if widget.focusable:
                self.set_focus(widget)
                return
        self.set_focus(self.query_one("#steps", OptionList))

    def set_focus(self, widget, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        """Focus ``widget``; keys held while the step view was being built go to it first, in order."""
        super().set_focus(widget, scroll_visible, from_app_focus)
        if widget is not None and self._held is not None and self.focused is widget:
            held, self._held = self._held, None
            for event in held:
                widget.post_message(events.Key(event.key, event.character))

    def on_key(self, event: events.Key) -> None:
        if self._held is not None:  # no widget has the focus yet: the key waits for the step view
            event.stop()
            event.prevent_default()
            self._held.append(event)

    @on(CaptureLine.StepKey)
    def _step_key(self, event: CaptureLine.StepKey) -> None:
        """Page Up/Down in the board's line: the step keys that text fields otherwise keep."""
        event.stop()
        self.current = neighbour(self.current, event.delta) or self.current

    @property
    def view(self) -> StepView | None:
        """The view of the current step (None until the screen and the step are built)."""
        views = self.query("#body > StepView")
        return views.last(StepView) if views else None  # the newest (the old one may still be leaving)

    def save_pending(self) -> None:
        """Keep what the current step has typed but not confirmed (see StepView.save_pending)."""
        view = self.view
        if view is not None and not self.opened.read_only:
            view.save_pending()

    def watch_current(self, old: str, key: str) -> None:
        self.zaal_left_step(old)
        self._show(key, left=old)
        self.publish()

    def go_to(self, key: str) -> None:
        self.current = key

    @on(OptionList.OptionSelected, "#steps")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.remove_class("-show-steps")
        if event.option.id and event.option.id != self.current:
            self.current = event.option.id

    #: What the room's screen (``atelier present``) never does: it only follows.
    _FOLLOWER_NEVER = frozenset({"close_session", "set_timebox", "toggle_presenter", "take_over", "close"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self._follow and action in self._FOLLOWER_NEVER:
            return False
        if action == "take_over":
            return self._locked_elsewhere
        if action in ("zaal", "wachtrij"):
            return self.zaal_available(action)
        # Inside a text field the step keys belong to the text field.
        return not (action in ("next_step", "previous_step") and _is_text_field(self.focused))

    def action_next_step(self) -> None:
        self.current = neighbour(self.current, 1) or self.current

    def action_previous_step(self) -> None:
        self.current = neighbour(self.current, -1) or self.current

    def action_toggle_steps(self) -> None:
        nav = self.query_one("#steps", StepNav)
        if self.has_class("-narrow"):
            self.toggle_class("-show-steps")
            if self.has_class("-show-steps"):
                nav.focus()
            else:
                self._focus_body()
        else:
            nav.focus()

    # Saving ----------------------------------------------------------------------------------------

    def remember_theme(self, name: str) -> None:
        """A theme chosen during the session is kept with it, and reaches the room's screens at once."""
        if not self.opened.read_only and not self.opened.closed and self.session.thema != name:
            self.session.thema = name
            self.commit()
        self.publish()

    def _retry(self) -> None:
        if not self.opened.dirty:
            self._stop_retry()
            self._update_save_state()
            return
        result = self.opened.save()
        self._update_save_state()
        if result.ok:
            self._stop_retry()

    def _save_step(self) -> None:
        """Save the step she went to, unless a save since then took it along."""
        if self._step_unsaved and not self.opened.closed:
            self.commit()

    def _stop_retry(self) -> None:
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None

    def _update_save_state(self) -> None:
        if self.opened.read_only:
            self.save_state = SaveState.READ_ONLY
        elif self.opened.dirty:
            self.save_state = SaveState.UNSAVED
            if self.opened.last_error:
                self.notify(self.opened.last_error, severity="error", markup=False, timeout=6)
        else:
            self.save_state = SaveState.SAVED
