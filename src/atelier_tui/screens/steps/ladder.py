"""Step "Participatieladder": the chosen ladder, and every opgave on it NU and STRAKS.

Keys: ← and → choose the opgave (left of the first opgave is the ladder itself, where ↑ and ↓
walk along the rungs); ↑ and ↓ move the selected opgave's STRAKS rung, or its NU rung after w.
e opens the opgave's form (NU, STRAKS and why); v chooses another ladder; t (or r, a, x) renames,
adds or removes the highlighted rung.

Every change is saved at once through ``commit()`` and drawn after it returned. A change of the
ladder goes through ``rules.replace_ladder``, which keeps everything on its rung by key and clears
(after asking) what stood on a rung that is gone.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual import events, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...commands import bindings
from ...domain import rules
from ...domain.builtin import ladder as builtin_ladder
from ...domain.builtin import ladder_variants
from ...domain.errors import describe_validation_error
from ...domain.session import Ladder, Opgave, Trede
from ...domain.steps import Step
from ...teksten import ladder as T
from ...teksten import ui as UI
from ...widgets.dialogs import ChoiceDialog
from ...widgets.form import FieldSpec, FormDialog
from ...widgets.ladder import NU_STYLE, STRAKS_STYLE, LadderDiagram, LadderFace, Moving, rung_details
from ...widgets.owner import Pointed, SessionOwner
from .base import StepHeading, StepView

_MARKER = {"nu": T.MARKER_NU, "straks": T.MARKER_STRAKS}
_LABEL = {"nu": T.NU, "straks": T.STRAKS}
_STYLE = {"nu": NU_STYLE, "straks": STRAKS_STYLE}

#: The variant of a ladder the municipality changed itself (stored; never shown).
OWN_VARIANT = "eigen"
#: From this width on, the drawing takes most of the room and shows the rung texts itself.
ROOMY_WIDTH = 130
#: Below this height the line under the header goes, to leave the room to the ladder.
LOW_HEIGHT = 30
#: Lines the panel beside the ladder scrolls with shift+↑ and shift+↓.
DETAIL_STEP = 4

RUNG_FIELDS = [
    FieldSpec("naam", T.F_NAAM, required=True),
    FieldSpec("agenda", T.F_AGENDA),
    FieldSpec("toezegging", T.F_TOEZEGGING, "block"),
    FieldSpec("gevolgen_proces", T.F_GEVOLGEN_PROCES, "block"),
    FieldSpec("gevolgen_inwoners", T.F_GEVOLGEN_INWONERS, "block"),
]


class LadderStepView(StepView):
    BINDINGS = bindings("ladder")

    DEFAULT_CSS = """
    LadderStepView #ladder-main { height: 1fr; margin-top: 1; }
    LadderStepView LadderDiagram { border: tall $panel; border-title-style: bold; max-width: 62%; }
    LadderStepView LadderDiagram:focus { border: tall $primary; }
    LadderStepView #details { width: 1fr; height: 1fr; border: tall $panel; margin-left: 1; padding: 0 1; }
    LadderStepView #details-text { height: auto; }
    LadderStepView.-roomy LadderDiagram { width: 3fr; max-width: 100%; }
    LadderStepView.-roomy #details { width: 2fr; }
    LadderStepView.-low StepHeading { display: none; }
    LadderStepView.-low #ladder-main { margin-top: 0; }
    """

    def __init__(self, owner: SessionOwner, step: Step) -> None:
        super().__init__(owner, step)
        self.opgave_id: str | None = None  # the selected opgave; None: the ladder itself
        self.moving: Moving = "straks"  # which marker ↑ and ↓ move
        self._pointer = ""  # what the room's screen was last told she points at
        self.rung_key: str | None = None  # the highlighted rung
        self._started = False
        self._shown: tuple[str | None, ...] = ()  # what the panel beside the ladder is about

    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        with Horizontal(id="ladder-main"):
            yield LadderDiagram(room=self.owner.presenting, id="diagram")
            with VerticalScroll(id="details", can_focus=False):
                yield Static(id="details-text")

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= ROOMY_WIDTH, "-roomy")
        self.set_class(event.size.height < LOW_HEIGHT, "-low")

    # What is selected ---------------------------------------------------------------------------

    @property
    def ladder(self) -> Ladder:
        return self.session.ladder

    def _opgave(self) -> Opgave | None:
        return next((o for o in self.session.opgaven if o.id == self.opgave_id), None)

    def _rung(self) -> Trede | None:
        return self.ladder.trede(self.rung_key)

    # Drawing ------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Draw everything from the session."""
        s = self.session
        ids = [o.id for o in s.opgaven]
        if not self._started:  # the first opgave is selected when the step opens
            self._started = True
            self.opgave_id = ids[0] if ids else None
        elif self.opgave_id not in ids:
            self.opgave_id = None
        opgave = self._opgave()
        keys = self.ladder.keys()
        placed = getattr(opgave, self.moving) if opgave else None
        if placed in keys:
            self.rung_key = placed  # the highlighted rung follows the marker that moves
        elif self.rung_key not in keys:
            self.rung_key = keys[0]
        diagram = self.query_one(LadderDiagram)
        diagram.border_title = Content(self.ladder.naam)
        diagram.show(
            LadderFace.of(
                self.ladder,
                s.opgaven,
                selected=self.opgave_id,
                moving=self.moving if opgave else None,
                rung=self.rung_key,
            )
        )
        self.query_one("#details-text", Static).update(self._details(opgave))
        shown = (self.opgave_id, self.moving, self.rung_key)
        if shown != self._shown:  # something else is explained: read it from the top
            self._shown = shown
            self.query_one("#details", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()
        pointer = f"{self.opgave_id or ''}|{self.moving}"
        if pointer != self._pointer:
            self._pointer = pointer
            self.post_message(Pointed(item=pointer))

    def point(self, tab: str | None, item: str | None) -> None:
        """The room's screen: the opgave (and marker) the facilitator is placing."""
        opgave_id, _, moving = (item or "").partition("|")
        if moving in ("nu", "straks"):
            self.opgave_id = opgave_id or None
            self.moving = moving
            self.reload()

    def _details(self, opgave: Opgave | None) -> Content:
        """The panel beside the ladder: the highlighted rung in full, then the selected opgave."""
        trede = self._rung()
        parts: list[Content] = []
        if trede is not None:
            keys = self.ladder.keys()
            if opgave is not None and getattr(opgave, self.moving) == trede.key:
                nr = self.session.opgaven.index(opgave) + 1
                text = T.TREDE_VAN.format(marker=_MARKER[self.moving], wat=_LABEL[self.moving], nr=nr)
                heading = Content.styled(text, _STYLE[self.moving])
            else:
                heading = Content.styled(T.TREDE_NR.format(nr=keys.index(trede.key) + 1, n=len(keys)), "$text-muted")
            parts.append(rung_details(trede, heading))
        if opgave is not None:
            parts.append(self._opgave_details(opgave))
        return Content("\n\n").join(parts)

    def _opgave_details(self, opgave: Opgave) -> Content:
        nr = self.session.opgaven.index(opgave) + 1
        lines = [
            Content.styled("─" * 24, "$panel-lighten-2"),
            Content.styled(T.OPGAVE_KOP.format(nr=nr), "$text-muted"),
            Content.styled(opgave.titel, "bold"),
        ]
        for wat in ("nu", "straks"):
            trede = self.ladder.trede(getattr(opgave, wat))
            label = Content.styled(f"{_MARKER[wat]} {_LABEL[wat]:<7}", _STYLE[wat])
            lines.append(
                Content.assemble(label, Content(trede.naam) if trede else Content.styled(T.NOG_NIET, "italic"))
            )
        if getattr(opgave, self.moving) is None and not self.owner.presenting:
            lines.append(Content.styled(T.PLAATSEN_HINT.format(wat=_LABEL[self.moving]), "italic $text-muted"))
        lines += [Content(""), Content.styled(T.TOELICHTING, "bold underline")]
        lines.append(
            Content(opgave.toelichting)
            if opgave.toelichting
            else Content.styled(T.NOG_GEEN_TOELICHTING if self.owner.presenting else T.GEEN_TOELICHTING, "italic")
        )
        return Content("\n").join(lines)

    def _refused(self, exc: ValidationError) -> None:
        self.notify(UI.NIET_BEWAARD.format(fout=describe_validation_error(exc)), severity="error", markup=False)

    def _saved(self, message: str = "") -> None:
        """Save the change just made, then draw it (and say what happened)."""
        self.commit()
        self.reload()
        if message:
            self.notify(message, markup=False)

    # Keys: choosing and moving ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "moving":
            return parameters[0] != self.moving  # only "switch to the other one" is offered
        return True

    def action_opgave(self, delta: int) -> None:
        """The next or previous opgave; left of the first one is the ladder itself."""
        order: list[str | None] = [None, *(o.id for o in self.session.opgaven)]
        position = order.index(self.opgave_id) if self.opgave_id in order else 0
        target = order[max(0, min(len(order) - 1, position + delta))]
        if target != self.opgave_id:
            self.opgave_id = target
            self.reload()

    def action_moving(self, wat: Moving) -> None:
        self.moving = wat
        self.reload()

    def action_move(self, delta: int) -> None:
        """Move the selected opgave's marker one rung up or down; on the ladder itself, the highlight."""
        opgave = self._opgave()
        if opgave is None:
            self.rung_key = rules.move_on_ladder(self.ladder, self.rung_key, delta)
            self.reload()
            return
        if not self.can_edit():
            return
        current = getattr(opgave, self.moving)
        # Not on the ladder yet: the first press puts it on the highlighted rung.
        target = rules.move_on_ladder(self.ladder, current, delta) if current else self.rung_key
        if target != current:
            setattr(opgave, self.moving, target)
            self._saved()

    def action_scroll_details(self, delta: int) -> None:
        self.query_one("#details", VerticalScroll).scroll_relative(y=delta * DETAIL_STEP, animate=False)

    async def _ask(self, title: str, fields: list[FieldSpec], values: dict[str, Any]) -> dict[str, Any] | None:
        return await self.app.push_screen_wait(FormDialog(title, fields, values))

    # The opgave's form ----------------------------------------------------------------------------

    def _rung_choices(self) -> tuple[tuple[str, str], ...]:
        """The rungs for a choice field, top rung first as on the drawing."""
        return tuple((t.naam, t.key) for t in reversed(self.ladder.treden))

    @work(exclusive=True, group="ladder")
    async def action_edit(self) -> None:
        opgave = self._opgave()
        if opgave is None:
            self.notify(T.KIES_OPGAVE)
            return
        if not self.can_edit():
            return
        fields = [
            FieldSpec("toelichting", T.F_TOELICHTING, "block", help=T.F_TOELICHTING_HULP),
            FieldSpec("nu", T.F_NU, "choice", choices=self._rung_choices()),
            FieldSpec("straks", T.F_STRAKS, "choice", choices=self._rung_choices()),
        ]
        current = {"nu": opgave.nu, "straks": opgave.straks, "toelichting": opgave.toelichting}
        values = await self._ask(T.OPGAVE_FORM.format(titel=opgave.titel), fields, current)
        if values is None or values == current:
            return
        try:
            updated = Opgave.model_validate({**opgave.model_dump(), **values})
        except ValidationError as exc:
            self._refused(exc)
            return
        opgaven = self.session.opgaven
        opgaven[opgaven.index(opgave)] = updated
        self._saved()

    # The ladder -----------------------------------------------------------------------------------

    @work(exclusive=True, group="ladder")
    async def action_variant(self) -> None:
        if not self.can_edit():
            return
        current = self.ladder.variant
        variants = ladder_variants()
        choices = [(builtin_ladder(v).naam, v) for v in variants]
        own = current not in variants
        if own:
            choices.insert(0, (T.EIGEN_LADDER, current))
        field = FieldSpec(
            "variant", T.F_VARIANT, "choice", choices=tuple(choices), allow_blank=False, help=T.F_VARIANT_HULP
        )
        values = await self._ask(T.LADDER_FORM, [field], {"variant": current})
        if values is None or values["variant"] == current:
            return
        new = builtin_ladder(values["variant"])
        lost = self._lost(new)
        question = [T.EIGEN_VRAAG] if own else []
        if lost:
            question.append(T.WISSEL_VRAAG.format(lijst=self._list(lost)))
        done = T.LADDER_GEKOZEN.format(naam=new.naam) + ("" if lost else " " + T.LADDER_BEHOUDEN)
        await self._replace_ladder(
            new, done, title=T.WISSEL_KOP.format(naam=new.naam), question="\n\n".join(question), yes=T.KNOP_VERVANGEN
        )

    def _lost(self, ladder: Ladder) -> list[rules.RungUse]:
        return rules.rung_uses(self.session, set(self.ladder.keys()) - set(ladder.keys()))

    @staticmethod
    def _list(uses: list[rules.RungUse], *, lines: bool = True) -> str:
        """What stands on the rungs, as a list of lines (for a question) or in one line (a message)."""
        names = [T.GEBRUIK[u.wat].format(naam=u.naam) for u in uses]
        return "\n".join(T.LIJST_REGEL.format(wat=n) for n in names) if lines else ", ".join(names)

    async def _replace_ladder(
        self, ladder: Ladder, done: str = "", *, title: str = "", question: str = "", yes: str = ""
    ) -> None:
        """Put ``ladder`` in place, after asking ``question`` (if any): clears what stood on a rung
        that is gone, saves, and says what happened (``done`` and what was cleared)."""
        if question:
            choices = [("nee", T.KNOP_ANNULEREN), ("ja", yes)]  # the safe answer first: Enter cancels
            if await self.app.push_screen_wait(ChoiceDialog(title, question, choices)) != "ja":
                return
        keys, old = ladder.keys(), self.ladder.keys()
        if self.rung_key not in keys:  # the highlight goes to the nearest rung that stays, lower first
            at = old.index(self.rung_key) if self.rung_key in old else 0
            self.rung_key = next((k for k in [*reversed(old[:at]), *old[at:]] if k in keys), keys[0])
        cleared = rules.replace_ladder(self.session, ladder)
        if cleared:
            done = " ".join(x for x in (done, T.LEEGGEMAAKT.format(lijst=self._list(cleared, lines=False))) if x)
        self._saved(done)

    def _own(self, treden: list[dict[str, Any]]) -> Ladder | None:
        """The session's ladder with these rungs, from now on the municipality's own ladder; None
        (and a message) when a rung is not valid."""
        ladder = self.ladder
        update: dict[str, Any] = {"treden": treden}
        if ladder.variant in ladder_variants():
            update |= {"variant": OWN_VARIANT, "naam": T.EIGEN_NAAM}
        try:
            return Ladder.model_validate({**ladder.model_dump(), **update})
        except ValidationError as exc:
            self._refused(exc)
            return None

    # The rungs ------------------------------------------------------------------------------------

    @work(exclusive=True, group="ladder")
    async def action_rungs(self) -> None:
        """A small menu for the highlighted rung: change it, add one, or remove it."""
        trede = self._rung()
        if trede is None or not self.can_edit():
            return
        actions = {
            "r": (T.KNOP_AANPASSEN, self.action_edit_rung),
            "a": (T.KNOP_TOEVOEGEN, self.action_add_rung),
            "x": (T.KNOP_VERWIJDEREN, self.action_remove_rung),
        }
        choices = [(key, label) for key, (label, _) in actions.items()]
        answer = await self.app.push_screen_wait(
            ChoiceDialog(T.TREDEN_KOP.format(naam=trede.naam), T.TREDEN_VRAAG, choices)
        )
        if answer in actions:
            self.call_after_refresh(actions[answer][1])

    @work(exclusive=True, group="ladder")
    async def action_edit_rung(self) -> None:
        trede = self._rung()
        if trede is None or not self.can_edit():
            return
        values = await self._ask(T.TREDE_FORM.format(naam=trede.naam), RUNG_FIELDS, trede.model_dump())
        if values is None or all(getattr(trede, name) == value for name, value in values.items()):
            return
        treden = [{**t.model_dump(), **values} if t.key == trede.key else t.model_dump() for t in self.ladder.treden]
        ladder = self._own(treden)
        if ladder is not None:
            await self._replace_ladder(ladder)

    @work(exclusive=True, group="ladder")
    async def action_add_rung(self) -> None:
        trede = self._rung()
        if trede is None or not self.can_edit():
            return
        treden = self.ladder.treden
        places = []
        for i in range(len(treden), -1, -1):  # where the new rung goes (its index), top first
            if i == len(treden):
                label = T.PLAATS_BOVENAAN.format(naam=treden[-1].naam)
            elif i == 0:
                label = T.PLAATS_ONDERAAN.format(naam=treden[0].naam)
            else:
                label = T.PLAATS_TUSSEN.format(onder=treden[i - 1].naam, boven=treden[i].naam)
            places.append((label, str(i)))
        plaats = FieldSpec("plaats", T.F_PLAATS, "choice", choices=tuple(places), allow_blank=False)
        above = str(treden.index(trede) + 1)
        values = await self._ask(T.NIEUWE_TREDE_FORM, [RUNG_FIELDS[0], plaats, *RUNG_FIELDS[1:]], {"plaats": above})
        if values is None:
            return
        at = int(values.pop("plaats"))
        key = rules.new_rung_key(self.ladder, values["naam"])
        rows = [t.model_dump() for t in treden]
        ladder = self._own([*rows[:at], {"key": key, **values}, *rows[at:]])
        if ladder is not None:
            if self._opgave() is None:
                self.rung_key = key
            await self._replace_ladder(ladder, T.TREDE_TOEGEVOEGD.format(naam=values["naam"]))

    @work(exclusive=True, group="ladder")
    async def action_remove_rung(self) -> None:
        trede = self._rung()
        if trede is None or not self.can_edit():
            return
        if len(self.ladder.treden) <= 2:
            self.notify(T.MINSTENS_TWEE, severity="warning")
            return
        ladder = self._own([t.model_dump() for t in self.ladder.treden if t.key != trede.key])
        if ladder is None:
            return
        lost = self._lost(ladder)
        await self._replace_ladder(
            ladder,
            T.TREDE_VERWIJDERD.format(naam=trede.naam),
            title=T.VERWIJDER_KOP.format(naam=trede.naam),
            question=T.IN_GEBRUIK_VRAAG.format(lijst=self._list(lost)) if lost else T.VERWIJDER_VRAAG,
            yes=T.KNOP_LEEGMAKEN if lost else T.KNOP_VERWIJDEREN,
        )
