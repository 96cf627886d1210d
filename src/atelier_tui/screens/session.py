"""The session screen: header with save state, the step navigator, and the current step."""

from __future__ import annotations

import os

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ..domain.steps import STEP_KEYS, step, steps
from ..store.repository import OpenSession, StoreError, open_session
from ..teksten import timer as TT
from ..teksten import ui as T
from ..widgets.timer import BigTimer, StepTimer
from .steps import StepView, view_for

RETRY_SECONDS = 3.0
FOLLOW_SECONDS = 0.4


def _file_stamp(path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class SessionHeader(Static):
    """Municipality · evening · step, and the save state on the right."""

    DEFAULT_CSS = """
    SessionHeader { height: 1; background: $primary; color: $text; padding: 0 1; }
    """


class SaveIndicator(Static):
    DEFAULT_CSS = """
    SaveIndicator { width: auto; height: 1; padding: 0 1; background: $primary; color: $text; }
    SaveIndicator.-failed { background: $error; color: $text; text-style: bold; }
    SaveIndicator.-readonly { background: $warning; color: $text; }
    """


class StepNav(OptionList):
    """The list of steps. Page up and down move a whole step, as everywhere else."""

    BINDINGS = [Binding("enter", "select", T.STAP_OPENEN)]

    def action_page_down(self) -> None:
        self.screen.action_next_step()

    def action_page_up(self) -> None:
        self.screen.action_previous_step()


class StepPanel(VerticalScroll):
    """The body of a step. Steps without their own screen yet say so plainly."""

    DEFAULT_CSS = """
    StepPanel { padding: 1 2; }
    StepPanel #step-title { text-style: bold; color: $primary; height: auto; }
    StepPanel #step-uitleg { height: auto; margin-bottom: 1; }
    StepPanel #step-todo { height: auto; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="step-title")
        yield Static(id="step-uitleg")
        yield Static(T.NOG_GEEN_SCHERM, id="step-todo")

    def show(self, key: str) -> None:
        s = step(key)
        self.query_one("#step-title", Static).update(Content(s.titel))
        self.query_one("#step-uitleg", Static).update(Content(s.uitleg))


class SessionScreen(Screen):
    BINDINGS = [
        Binding("pagedown,right_square_bracket", "next_step", T.VOLGENDE, key_display="PgDn", priority=True),
        Binding("pageup,left_square_bracket", "previous_step", T.VORIGE, key_display="PgUp", priority=True, show=False),
        Binding("escape", "close", T.TERUG),
        Binding("f2", "toggle_steps", T.STAPPEN_TONEN, show=False),
        Binding("f5", "toggle_presenter", T.PRESENTATIE, show=False),
        Binding("f6", "timer_toggle", TT.START_PAUZE, key_display="F6", show=False),
        Binding("f7", "timer_reset", TT.OPNIEUW, key_display="F7", show=False),
        Binding("question_mark,f1", "app.help", T.HULP, key_display="?"),
    ]

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
    SessionScreen.-narrow #steps { display: none; }
    SessionScreen.-narrow.-show-steps #steps { display: block; }
    /* The presenter layout: what the room sees, nothing for the facilitator only. */
    SessionScreen.-presenter #steps, SessionScreen.-presenter Footer,
    SessionScreen.-presenter SaveIndicator, SessionScreen.-presenter #readonly,
    SessionScreen.-presenter .facilitator-only, SessionScreen.-presenter #deel-leeg-hulp { display: none; }
    SessionScreen.-presenter #body { padding: 0 2; }
    """

    #: Below 100 columns the step list folds away (F2 shows it); the header names the step.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    current: reactive[str] = reactive("sessie", init=False)

    def __init__(self, opened: OpenSession, step_key: str | None = None, *, follow: bool = False) -> None:
        """``follow``: a read-only presenter window that follows the facilitator's session file."""
        super().__init__(classes="-presenter" if follow else None)
        self.opened = opened
        self._start = step_key or opened.session.huidige_stap
        self._retry_timer = None
        self._follow = follow
        self._stamp = _file_stamp(opened.path) if follow else None

    @property
    def session(self):
        return self.opened.session

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield SessionHeader(id="header")
            timer = StepTimer(id="timer")
            yield timer
            yield SaveIndicator(id="save")
        if self.opened.read_only:
            yield Static(Content(T.ALLEEN_LEZEN_MELDING.format(reden=self.opened.read_only_reason)), id="readonly")
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
                yield Vertical(id="body")
        yield Footer()

    def on_mount(self) -> None:
        self.set_reactive(SessionScreen.current, self._start)
        self._show(self._start, save=not self._follow)  # a presenter window follows this step
        self._update_save_state()
        self.query_one("#steps", OptionList).focus()
        if self._follow:
            self.set_interval(FOLLOW_SECONDS, self._check_file)

    # Presenter -----------------------------------------------------------------------------

    @property
    def presenting(self) -> bool:
        return self.has_class("-presenter")

    def action_toggle_presenter(self) -> None:
        """One key switches between the facilitator's layout and the clean one for the room."""
        if self._follow:
            return
        self.toggle_class("-presenter")
        self._focus_body()

    def _check_file(self) -> None:
        """Presenter window: reload when the facilitator's window saved a change (a cheap stat)."""
        stamp = _file_stamp(self.opened.path)
        if stamp == self._stamp:
            return
        try:
            fresh = open_session(self.opened.path, writable=False)
        except StoreError:
            return  # try again at the next tick; the facilitator's file is never touched here
        fresh.close()
        self._stamp = stamp
        self.opened = fresh
        key = fresh.session.huidige_stap
        if key != self.current:
            self.current = key
        else:
            self._show(key, save=False)

    # Steps ---------------------------------------------------------------------------------

    def _show(self, key: str, *, save: bool = True) -> None:
        s = step(key)
        gemeente = self.session.gemeente or self.session.naam
        self.query_one(SessionHeader).update(Content(T.HUIDIG.format(gemeente=gemeente, groep=s.groep, stap=s.titel)))
        self._mount_view(key)
        self._set_timer(key)
        nav = self.query_one("#steps", OptionList)
        index = nav.get_option_index(key)
        if nav.highlighted != index:
            nav.highlighted = index
        if save and not self.opened.read_only and self.session.huidige_stap != key:
            self.session.huidige_stap = key
            self.save()

    def _set_timer(self, key: str) -> None:
        timer = self.query_one(StepTimer)
        if not timer.running:  # a running countdown keeps going while she looks at another step
            timer.set_minutes(self.session.tijdvakken.get(key))

    def action_timer_toggle(self) -> None:
        timer = self.query_one(StepTimer)
        if timer.remaining is None:
            self.notify(TT.GEEN_TIJDVAK.format(commando=TT.TIJDVAK), severity="information")
            return
        timer.toggle()

    def action_timer_reset(self) -> None:
        self.query_one(StepTimer).reset()

    async def action_set_timebox(self) -> None:
        """Set how many minutes the current step may take (saved with the session)."""
        from ..widgets.form import FieldSpec, FormDialog

        if self.opened.read_only:
            self.notify(T.ALLEEN_LEZEN_GEEN_WIJZIGING, severity="warning")
            return
        key = self.current
        fields = [FieldSpec("minuten", TT.TIJDVAK_MINUTEN, "number", help=TT.TIJDVAK_UITLEG)]

        def done(values: dict | None) -> None:
            if values is None:
                return
            minutes = max(0, min(600, int(values["minuten"] or 0)))
            boxes = dict(self.session.tijdvakken)
            if minutes:
                boxes[key] = minutes
            else:
                boxes.pop(key, None)
            self.session.tijdvakken = boxes
            self.save()
            self.query_one(StepTimer).set_minutes(boxes.get(key))

        current = {"minuten": self.session.tijdvakken.get(key, 0)}
        self.app.push_screen(FormDialog(TT.TIJDVAK, fields, current), done)

    def on_step_timer_finished(self) -> None:
        self.notify(TT.TIJD_OM.format(stap=step(self.current).titel), markup=False)

    def save_pending(self) -> None:
        """Keep what the current step has typed but not confirmed (see StepView.save_pending)."""
        view = self.view
        if view is not None and not self.opened.read_only:
            view.save_pending()

    def _mount_view(self, key: str) -> None:
        body = self.query_one("#body", Vertical)
        self.save_pending()
        body.remove_children()
        view_class = view_for(key)
        if view_class is None:
            panel = StepPanel()
            body.mount(panel)
            panel.call_after_refresh(panel.show, key)
        else:
            view = view_class()
            body.mount(view)
            view.call_after_refresh(self._focus_body)

    def _focus_body(self) -> None:
        """After a step change the keys go to the step itself."""
        body = self.query_one("#body")
        view = self.view
        if view is not None and view.initial_focus:
            targets = view.query(view.initial_focus)
            if targets:
                targets.first().focus()
                return
        for widget in body.query("*"):
            if widget.focusable:
                widget.focus()
                return

    @property
    def view(self) -> StepView | None:
        """The view of the current step, if it has one."""
        views = self.query_one("#body").query_children(StepView)
        return views.first() if views else None

    def watch_current(self, key: str) -> None:
        self._show(key)

    def go_to(self, key: str) -> None:
        self.current = key

    @on(OptionList.OptionSelected, "#steps")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and event.option.id != self.current:
            self.current = event.option.id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Inside a text field the step keys belong to the text field.
        return not (action in ("next_step", "previous_step") and isinstance(self.focused, (Input, TextArea)))

    def action_next_step(self) -> None:
        i = STEP_KEYS.index(self.current)
        if i + 1 < len(STEP_KEYS):
            self.current = STEP_KEYS[i + 1]

    def action_previous_step(self) -> None:
        i = STEP_KEYS.index(self.current)
        if i > 0:
            self.current = STEP_KEYS[i - 1]

    def action_close(self) -> None:
        """Escape: from the step back to the step list; from the step list to the sessions."""
        if self._follow:
            self.app.exit(0)
            return
        nav = self.query_one("#steps", StepNav)
        if self.focused is nav or not nav.display:
            self.remove_class("-show-steps")
            self.app.close_session()
        else:
            nav.focus()

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

    @on(OptionList.OptionSelected, "#steps")
    def _hide_folded_steps(self) -> None:
        self.remove_class("-show-steps")

    # Saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the session now; True once it is durably on disk."""
        if self.opened.read_only:
            return False
        result = self.opened.save()
        self._update_save_state()
        if not result.ok and self._retry_timer is None:
            self._retry_timer = self.set_interval(RETRY_SECONDS, self._retry)
        return result.ok

    def _retry(self) -> None:
        if not self.opened.dirty:
            self._stop_retry()
            return
        result = self.opened.save()
        self._update_save_state()
        if result.ok:
            self._stop_retry()

    def _stop_retry(self) -> None:
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None

    def _update_save_state(self) -> None:
        indicator = self.query_one(SaveIndicator)
        failed = self.opened.dirty
        indicator.set_class(failed, "-failed")
        indicator.set_class(self.opened.read_only, "-readonly")
        if self.opened.read_only:
            indicator.update(T.ALLEEN_LEZEN)
        elif failed:
            indicator.update(T.NIET_OPGESLAGEN)
        else:
            indicator.update(T.OPGESLAGEN)
        if failed and self.opened.last_error:
            self.notify(self.opened.last_error, severity="error", markup=False, timeout=6)
