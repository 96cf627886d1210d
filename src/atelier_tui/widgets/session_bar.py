"""The session screen's bar: municipality · evening · step, and the save state; and the step list."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import OptionList, Static

from ..commands import bindings
from ..teksten import ui as T
from .owner import SaveState


class SessionHeader(Static):
    """Municipality · evening · step."""

    DEFAULT_CSS = """
    SessionHeader { height: 1; background: $primary; color: $text; padding: 0 1; }
    """


class SaveIndicator(Static):
    """The save state on the right of the header; follows the owner's ``save_state``."""

    DEFAULT_CSS = """
    SaveIndicator { width: auto; height: 1; padding: 0 1; background: $primary; color: $text; }
    SaveIndicator.-failed { background: $error; color: $text; text-style: bold; }
    SaveIndicator.-readonly { background: $warning; color: $text; }
    """

    state: reactive[SaveState] = reactive(SaveState.SAVED)

    def watch_state(self, state: SaveState) -> None:
        self.set_class(state is SaveState.UNSAVED, "-failed")
        self.set_class(state is SaveState.READ_ONLY, "-readonly")
        text = {
            SaveState.SAVED: T.OPGESLAGEN,
            SaveState.UNSAVED: T.NIET_OPGESLAGEN,
            SaveState.READ_ONLY: T.ALLEEN_LEZEN,
        }
        self.update(text[state])


class StepNav(OptionList):
    """The list of steps. Page up and down move a whole step, as everywhere else."""

    BINDINGS = bindings("steplist")
