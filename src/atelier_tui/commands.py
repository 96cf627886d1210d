"""The facilitator's commands: every key of the app, defined once.

Each command has an id (``scope.name``; also the binding id, so a user keymap can rebind it), its
key(s), the action it runs, a short Dutch description, where it applies (its scope: the app, a
screen, a step, a widget or a dialog), whether the footer and the command palette offer it, and
whether it may ever be shown on the room's screen. The bindings of every class, the footer, the
command palette and the help screen are all generated from this table.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .domain import hygiene
from .teksten import board as TB
from .teksten import deel as TD
from .teksten import ladder as TL
from .teksten import ronde as TR
from .teksten import themes as TTH
from .teksten import timer as TT
from .teksten import ui as T


@dataclass(frozen=True)
class Command:
    id: str  # "scope.name": the binding id, and the name a keymap file uses
    keys: str  # Textual key names, comma-separated
    action: str  # the action it runs on the node of its scope
    text: str  # short Dutch description (footer, help, palette); "" hides it from help
    footer: bool = True  # shown in the footer
    palette: str = ""  # if set: offered in the command palette, with this explanation
    room: bool = False  # may be shown on the room's screen (no key ever is, today)
    priority: bool = False  # runs before the focused widget sees the key
    display: str = ""  # how the key is written; default: the first key, in Dutch
    group: str = ""  # footer group (compact), e.g. "Stemmen"

    @property
    def scope(self) -> str:
        return self.id.partition(".")[0]


# Groups of keys the footer shows as one entry.
_STEM = TB.STEMMEN
_SCHUIF = TL.VERSCHUIVEN
_OPGAVE = TL.OPGAVE

COMMANDS: tuple[Command, ...] = (
    # The app: everywhere.
    Command("app.quit", "ctrl+q", "quit", T.AFSLUITEN, footer=False, priority=True, palette=T.AFSLUITEN_UITLEG),
    Command("app.palette", "ctrl+p", "command_palette", T.OPDRACHTEN, footer=False, priority=True),
    Command("app.theme", "", "choose_theme", TTH.THEMA_KIEZEN, footer=False, palette=TTH.THEMA_KIEZEN_UITLEG),
    Command("app.help", "question_mark,f1", "app.help", T.HULP, display="?", palette=T.HULP_UITLEG),
    # The list of sessions.
    Command("home.open", "enter", "open", T.OPENEN, priority=True),
    Command("home.new", "n", "new", T.NIEUW),
    Command("home.demo", "m", "demo", T.DEMO),
    Command("home.trash", "d,delete", "trash", T.WEGZETTEN),
    Command("home.quit", "q", "app.quit", T.AFSLUITEN),
    # The session screen: in every step.
    Command("session.next", "pagedown,right_square_bracket", "next_step", T.VOLGENDE, priority=True),
    Command("session.previous", "pageup,left_square_bracket", "previous_step", T.VORIGE, footer=False, priority=True),
    Command("session.back", "escape", "close", T.TERUG),
    Command("session.steps", "f2", "toggle_steps", T.STAPPEN_TONEN, footer=False),
    Command("session.room", "f5", "toggle_presenter", T.PRESENTATIE, footer=False, palette=T.PRESENTATIE_UITLEG),
    Command("session.timer", "f6", "timer_toggle", TT.START_PAUZE, footer=False),
    Command("session.timer_reset", "f7", "timer_reset", TT.OPNIEUW, footer=False),
    Command("session.timebox", "", "set_timebox", TT.TIJDVAK, footer=False, palette=TT.TIJDVAK_UITLEG),
    Command("session.close", "ctrl+w", "close_session", T.SESSIES, footer=False, palette=T.SESSIES_UITLEG),
    Command("session.takeover", "f9", "take_over", T.OVERNEMEN, palette=T.OVERNEMEN_UITLEG),
    Command("session.zaal", "f8", "zaal", TR.ZAAL, palette=TR.ZAAL_UITLEG, priority=True),
    Command("session.wachtrij", "f4", "wachtrij", TR.WACHTRIJ, palette=TR.WACHTRIJ_UITLEG, priority=True),
    Command("steplist.open", "enter", "select", T.STAP_OPENEN),
    # Help.
    Command("help.close", "escape,question_mark,f1,q", "dismiss", T.SLUITEN),
    # Dialogs and forms.
    Command("dialog.back", "escape", "cancel", T.TERUG),
    Command("form.cancel", "escape", "cancel", T.ANNULEREN),
    Command("form.save", "ctrl+s", "submit", T.BEWAREN, priority=True),
    Command("choice.previous", "left,up", "step(-1)", T.KEUZE_VORIGE, footer=False),
    Command("choice.next", "right,down", "step(1)", T.KEUZE_VOLGENDE, footer=False),
    Command("choice.first", "home", "end(False)", "", footer=False),
    Command("choice.last", "end", "end(True)", "", footer=False),
    Command("choice.submit", "enter", "submit", T.VOLGEND_VELD, footer=False),
    # Lists of records and blocks of facts, on many steps.
    Command("records.new", "n", "new", T.LIJST_NIEUW),
    Command("records.edit", "e", "edit", T.LIJST_BEWERK),
    Command("records.remove", "d,delete", "remove", T.LIJST_WEG),
    Command("records.up", "shift+up", "move(-1)", T.LIJST_OMHOOG, footer=False),
    Command("records.down", "shift+down", "move(1)", T.LIJST_OMLAAG, footer=False),
    Command("details.edit", "e,enter", "edit", T.BEWERK_GEGEVENS),
    # Kansen en knelpunten.
    # The board holds the keys in its capture line: letters and digits are always text; the
    # commands are on keys that never start a word, and some only while the line is empty.
    Command("board.submit", "enter", "submit", TB.OP_HET_BORD),
    Command("board.switch", "tab,shift+tab", "switch", TB.ANDERE_KOLOM, display="Tab"),
    Command("board.cancel", "escape", "cancel", TB.WEGLEGGEN, footer=False),
    Command("board.edit", "ctrl+e", "edit", TB.AANPASSEN),
    Command("board.delete", "delete", "delete", TB.WEGHALEN),
    Command("board.undo", "ctrl+z", "undo", TB.ONGEDAAN),
    Command("board.vote_up", "plus", "vote(1)", TB.STEM_ERBIJ, group=_STEM),
    Command("board.vote_down", "minus", "vote(-1)", TB.STEM_ERAF, group=_STEM),
    Command("board.tally", "equals_sign", "tally", TB.STEMMEN_TYPEN, footer=False),
    Command("board.theme", "ctrl+t", "theme", TB.THEMA),
    Command("board.source", "ctrl+o", "source", TB.BRON, footer=False),
    Command("board.grouped", "ctrl+g", "grouped", TB.PER_THEMA, footer=False),
    Command("board.by_points", "ctrl+r", "by_points", TB.OP_PUNTEN, footer=False),
    Command("board.to_knelpunten", "greater_than_sign", "move('knelpunt')", TB.NAAR_KNELPUNTEN, footer=False),
    Command("board.to_kansen", "less_than_sign", "move('kans')", TB.NAAR_KANSEN, footer=False),
    Command("board.up", "shift+up", "reorder(-1)", TB.OMHOOG, footer=False),
    Command("board.down", "shift+down", "reorder(1)", TB.OMLAAG, footer=False),
    Command("board.kansen", "left", "column('kans')", TB.KOLOM_KANSEN, footer=False),
    Command("board.knelpunten", "right", "column('knelpunt')", TB.KOLOM_KNELPUNTEN, footer=False),
    Command("board.previous", "up", "cursor(-1)", TB.VORIGE_KAART, footer=False),
    Command("board.next", "down", "cursor(1)", TB.VOLGENDE_KAART, footer=False),
    Command("board.first", "home", "end(False)", TB.EERSTE_KAART, footer=False),
    Command("board.last", "end", "end(True)", TB.LAATSTE_KAART, footer=False),
    # Afsluiting.
    Command("afsluiting.automatic", "a", "automatic", T.AFS_AUTOMATISCH),
    Command("afsluiting.more", "plus,equals_sign", "top(1)", T.AFS_MEER),
    Command("afsluiting.fewer", "minus", "top(-1)", T.AFS_MINDER),
    # Participatieladder.
    Command("ladder.up", "up", "move(1)", TL.HOGER, group=_SCHUIF),
    Command("ladder.down", "down", "move(-1)", TL.LAGER, group=_SCHUIF),
    Command("ladder.previous", "left", "opgave(-1)", TL.VORIGE_OPGAVE, group=_OPGAVE),
    Command("ladder.next", "right", "opgave(1)", TL.VOLGENDE_OPGAVE, group=_OPGAVE),
    # One key, two bindings: the footer shows the one that applies ("Wissel naar NU" or "... STRAKS").
    Command("ladder.to_nu", "w", "moving('nu')", TL.WISSEL_NAAR["nu"]),
    Command("ladder.to_straks", "w", "moving('straks')", TL.WISSEL_NAAR["straks"]),
    Command("ladder.why", "e,enter", "edit", TL.WAAROM),
    Command("ladder.variant", "v", "variant", TL.LADDER),
    Command("ladder.rungs", "t", "rungs", TL.TREDEN),
    Command("ladder.rung_edit", "r", "edit_rung", TL.TREDE_AANPASSEN, footer=False),
    Command("ladder.rung_add", "a", "add_rung", TL.TREDE_TOEVOEGEN, footer=False),
    Command("ladder.rung_remove", "x,delete", "remove_rung", TL.TREDE_VERWIJDEREN, footer=False),
    Command("ladder.text_down", "shift+down", "scroll_details(1)", TL.TEKST_OMLAAG, footer=False),
    Command("ladder.text_up", "shift+up", "scroll_details(-1)", TL.TEKST_OMHOOG, footer=False),
    # Werkatelier 2.
    Command("rollen.toggle", "space", "toggle", T.ROL_KIEZEN),
    Command("vragen.draft", "c", "draft", T.CONCEPT),
    Command("vragen.undo", "u", "undo", T.CONCEPT_ONGEDAAN, footer=False),  # named by the toast after c
    Command("vragen.no_new", "n", "nothing", "", footer=False),
    Command("vragen.no_remove", "d,delete", "nothing", "", footer=False),
    *(
        Command(f"evaluatie.rate{i}", str(i), f"rate('{i}', 1)", T.CIJFER_ERBIJ.format(i=i), footer=i == 1)
        for i in range(1, 6)
    ),
    Command("evaluatie.edit", "c", "edit_ratings", T.CIJFERS_BEWERKEN),
    # Opbrengst: one digit per tab, named in the footer as one group.
    *(
        Command(f"opbrengst.tab{i}", str(i), f"tab({i})", name, group=T.TABBLAD)
        for i, name in enumerate((T.TAB_VRAGEN, T.TAB_AFSPRAKEN, T.TAB_ACTIES, T.TAB_VERVOLG), start=1)
    ),
    # Verslag and Delen.
    Command("export.copy", "c", "copy", T.EXP_KOPIEER),
    Command("export.write", "s", "write('md')", T.EXP_BEWAAR),
    Command("export.word", "w", "write('docx')", T.EXP_WORD),
    Command("export.html", "h", "write('html')", T.EXP_HTML, footer=False),
    Command("export.txt", "t", "write('txt')", T.EXP_TEKST, footer=False),
    Command("deel.edit", "e", "edit", TD.INSTELLEN),
    # The queue of what phones sent (the facilitator's screen only).
    Command("zaal.show", "enter,t", "decide('getoond')", TR.TONEN, display="Enter"),
    Command("zaal.edit", "e", "edit", TR.AANPASSEN),
    Command("zaal.merge", "s", "merge", TR.SAMENVOEGEN),
    Command("zaal.reject", "delete,w", "decide('niet_getoond')", TR.NIET_TONEN),
    Command("zaal.back", "escape", "back", TR.TERUG, footer=False),
)

BY_ID: dict[str, Command] = {c.id: c for c in COMMANDS}
assert len(BY_ID) == len(COMMANDS), "command ids must be unique"


def bindings(scope: str) -> list[Binding]:
    """The bindings of one scope, for a class's ``BINDINGS``."""
    result = []
    for c in COMMANDS:
        if c.scope == scope and c.keys:
            result.append(
                Binding(
                    c.keys,
                    c.action,
                    c.text,
                    show=c.footer,
                    key_display=c.display or None,
                    priority=c.priority,
                    id=c.id,
                    group=_group(c.group),
                )
            )
    return result


@cache
def _group(name: str) -> Binding.Group | None:
    return Binding.Group(name, compact=True) if name else None


def key_actions(scope: str, keymap: dict[str, str] | None = None) -> dict[str, str]:
    """Key -> action for the commands of one scope, with a user keymap applied: for a widget that
    handles its keys itself, in the order they arrive (the board's capture line)."""
    keymap = keymap or {}
    return {
        key.strip(): c.action
        for c in COMMANDS
        if c.scope == scope and (keymap.get(c.id) or c.keys)
        for key in (keymap.get(c.id) or c.keys).split(",")
    }


def palette_commands(scopes: Iterable[str]) -> list[Command]:
    """The commands of these scopes that the command palette offers, in table order."""
    wanted = set(scopes)
    return [c for c in COMMANDS if c.palette and c.scope in wanted]


def palette_entries(app: App, screen: Screen) -> Iterator[SystemCommand]:
    """The command palette: every step (in a session), then the palette commands of the screen and the app."""
    from .domain.steps import steps

    scopes = [getattr(screen, "SCOPE", ""), "app"]
    if "session" in scopes:
        for s in steps():
            yield SystemCommand(
                T.NAAR_STAP.format(stap=s.titel), f"{s.groep}: {s.uitleg}", partial(screen.go_to, s.key)
            )
    for c in palette_commands(scopes):
        node = app if c.scope == "app" else screen
        if node.check_action(c.action, ()) is False:
            continue  # not here (say, leaving the session on the room's screen)
        # Stopping is found by searching, never offered in the opening list: a fast Enter there would
        # stop the app ("Afsluiten" comes first in alphabetical order).
        yield SystemCommand(c.text, c.palette, partial(node.run_action, c.action), c.id != "app.quit")


# Key names as a Dutch user reads them.
_KEY_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "space": "Spatie",
    "tab": "Tab",
    "delete": "Del",
    "backspace": "Backspace",
    "home": "Home",
    "end": "Einde",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "greater_than_sign": ">",
    "less_than_sign": "<",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}
_MODIFIERS = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt"}


def key_name(key: str) -> str:
    """One Textual key name in Dutch: "escape" → "Esc", "shift+up" → "Shift+↑", "f5" → "F5"."""
    *mods, base = key.split("+")
    if base in _KEY_NAMES:
        name = _KEY_NAMES[base]
    elif len(base) > 1 and base[0] == "f" and base[1:].isdigit() or len(base) == 1 and mods:
        name = base.upper()
    else:
        name = base
    return "+".join([*(_MODIFIERS.get(m, m.capitalize()) for m in mods), name])


def key_display(binding: Binding) -> str:
    """How the footer and help write a binding's key."""
    return binding.key_display or key_name(binding.key.split(",")[0].strip())


# A user keymap: rebinding keys by command id ----------------------------------------------------


def keymap_path(env: dict[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/atelier/toetsen.toml``, or ``~/.config/atelier/toetsen.toml``."""
    env = os.environ if env is None else env
    base = env.get("XDG_CONFIG_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / "atelier" / "toetsen.toml"


def load_keymap(path: Path) -> tuple[dict[str, str], list[str]]:
    """The keymap in ``path`` (command id → keys) and the problems found, in Dutch.

    The file has one table ``[toetsen]`` with lines like ``"board.new" = "n"``. A missing file is
    no problem; a broken one gives a message and no keymap at all (the defaults stay).
    """
    shown = hygiene.clean_line(str(path), limit=200)
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}, [T.TOETSEN_ONLEESBAAR.format(pad=shown)]
    table = data.get("toetsen")
    if not isinstance(table, dict):
        return {}, [T.TOETSEN_GEEN_TABEL.format(pad=shown)]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for command_id, keys in table.items():
        if command_id not in BY_ID or not BY_ID[command_id].keys:
            problems.append(T.TOETSEN_ONBEKEND.format(id=hygiene.clean_line(str(command_id), limit=60), pad=shown))
        elif not isinstance(keys, str) or not keys.strip() or not _plausible_keys(keys):
            problems.append(T.TOETSEN_FOUT.format(id=command_id, pad=shown))
        else:
            keymap[command_id] = ",".join(k.strip() for k in keys.split(","))
    return keymap, problems


def install_keymap(app: App) -> list[str]:
    """Apply the user's keymap file to ``app``; the problems found, in Dutch."""
    keymap, problems = load_keymap(keymap_path())
    app.set_keymap(keymap)
    return problems


def _plausible_keys(keys: str) -> bool:
    return all(k.strip() and k.strip().isprintable() and len(k.strip()) <= 40 for k in keys.split(","))
