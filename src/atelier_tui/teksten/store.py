"""Dutch messages of the store: saving, opening, locking, damaged files, reserve copies.

Written for council members and griffiers, not for developers: plain words, no file-system or
database terms. The store reports codes (``store/codes.py``); the functions at the end of this
module (:func:`problem`, :func:`read_only`, :func:`unreadable`, :func:`not_saved`, :func:`notice`,
:func:`list_problem`) turn a code and its details into the sentence shown.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..domain.hygiene import clean_line
from ..store.codes import Failure, ListProblem, Notice, NoticeCode, Problem, ReadOnly, SaveFailed, Unreadable


# The start-up paints its first frame before pydantic is imported (~50 ms): these two are fetched
# only when a message needs them.
def describe_validation_error(error: Any) -> str:
    from ..domain.errors import describe_validation_error as describe

    return describe(error)


def format_local(value: datetime | None) -> str:
    from ..domain.types import format_local as local

    return local(value)


def _q(text: object) -> str:
    """A name between quotes; cleaned, because file names can hold anything (even escapes)."""
    return f"‘{clean_line(str(text), limit=80)}’"


def _moment(value: datetime | None) -> str:
    """A moment for a sentence; never fails, even for a moment near the year 9999."""
    try:
        return format_local(value)
    except (OverflowError, ValueError, OSError):
        return "onbekende tijd"


# --- Names and places ----------------------------------------------------------------------


def unsafe_name(name: str) -> str:
    return "Deze naam kan niet als bestandsnaam worden gebruikt. Kies een andere naam."


def symlink_refused(name: str) -> str:
    return (
        f"{_q(name)} verwijst naar een andere plek op de computer. Atelier gebruikt het daarom niet, "
        "zodat er buiten de map met sessies niets wordt gelezen of veranderd. "
        "Laat de beheerder van deze computer ernaar kijken."
    )


def not_a_folder(name: str) -> str:
    return f"{_q(name)} zou een map moeten zijn, maar is dat niet. Atelier gebruikt het daarom niet."


def not_a_file(name: str) -> str:
    return f"{_q(name)} is geen gewoon bestand. Atelier opent het daarom niet."


def outside_folder(name: str) -> str:
    return f"{_q(name)} staat niet in de map met sessies."


# --- Finding, creating and removing sessions -------------------------------------------------


def session_not_found(name: str) -> str:
    return f"Er is geen sessie {_q(name)} gevonden."


def session_ambiguous(name: str, files: list[str]) -> str:
    return (
        f"Er zijn meerdere sessies met de naam {_q(name)}: {', '.join(_q(f) for f in files)}. Geef de bestandsnaam op."
    )


def session_exists(name: str) -> str:
    return f"Er bestaat al een sessie met de naam {_q(name)}. Kies een andere naam."


def session_in_use(name: str) -> str:
    return f"De sessie {_q(name)} is nog geopend in een ander venster. Sluit hem daar eerst en probeer het dan opnieuw."


# --- Read-only -------------------------------------------------------------------------------

READ_ONLY_LOCKED = "Deze sessie is al geopend in een ander venster. U kijkt mee; wijzigingen worden niet bewaard."
READ_ONLY_ASKED = "Deze sessie is alleen geopend om te bekijken; wijzigingen worden niet bewaard."
READ_ONLY_NEWER = (
    "Deze sessie is gemaakt met een nieuwere versie van Atelier. U kunt meekijken, maar "
    "wijzigingen worden niet bewaard. Werk Atelier bij om verder te werken."
)
READ_ONLY_NO_WRITE = (
    "In de map van deze sessie kan niet worden geschreven. U kijkt mee; wijzigingen worden niet bewaard."
)
READ_ONLY_SAVE = "Deze sessie is alleen geopend om te bekijken. Wijzigingen kunnen niet worden bewaard."
CLOSED = "Deze sessie is al gesloten."


# --- Saving ----------------------------------------------------------------------------------

_FAILURES = {
    Failure.DISK_FULL: "de schijf is vol.",
    Failure.QUOTA: "de beschikbare ruimte op de schijf is op.",
    Failure.READ_ONLY_DISK: "de map kan alleen worden gelezen, niet beschreven.",
    Failure.NO_PERMISSION: "Atelier heeft geen toestemming om in de map te schrijven.",
    Failure.DISK_ERROR: "de schijf meldt een fout.",
    Failure.FOLDER_GONE: "de map met sessies is niet meer te vinden.",
    Failure.OTHER: "het bestand kon niet worden geschreven.",
}

_KEEP_TYPING = " Uw werk staat nog op het scherm; Atelier probeert het opnieuw bij de volgende wijziging."


def not_saved(code: SaveFailed, detail: Any = None) -> str:
    """The message after a failed save: what went wrong, and that nothing on screen is lost."""
    if code is SaveFailed.INVALID:
        return f"Niet opgeslagen: de sessie klopt niet. {describe_validation_error(detail)}"
    if code is SaveFailed.REFUSED:
        return f"Niet opgeslagen. {detail}{_KEEP_TYPING}"
    if code is SaveFailed.DISK:
        reason = _FAILURES.get(detail, _FAILURES[Failure.OTHER])
    else:
        reason = "er ging iets onverwachts mis."
    return f"Niet opgeslagen: {reason}{_KEEP_TYPING}"


# --- Reading and versions --------------------------------------------------------------------

REASON_DAMAGED = "Het bestand is beschadigd of onvolledig."
REASON_NOT_A_SESSION = "Het bestand is geen sessie van Atelier."
VERSION_MISSING = (
    "In het bestand staat niet met welke versie van Atelier het is gemaakt. "
    "Atelier weet daardoor niet hoe het moet worden gelezen."
)


def reason_invalid(detail: str) -> str:
    return f"De inhoud van het bestand klopt niet.\n{detail}"


def reason_newer_unreadable(detail: str) -> str:
    return (
        "Deze sessie is gemaakt met een nieuwere versie van Atelier en kan hier niet worden gelezen. "
        f"Werk Atelier bij.\n{detail}"
    )


def version_invalid(value: object) -> str:
    shown = repr(value)
    shown = shown if len(shown) <= 20 else shown[:19] + "…"
    return f"Het versienummer in het bestand ({clean_line(shown)}) is ongeldig."


def version_too_old(version: int, oldest: int) -> str:
    return (
        f"Het bestand heeft versie {version}. Deze versie van Atelier kan alleen bestanden vanaf versie {oldest} lezen."
    )


def version_no_step(version: int) -> str:
    return f"Atelier weet niet hoe een bestand van versie {version} moet worden bijgewerkt."


def migrated(old: int, new: int) -> str:
    return f"Deze sessie is bijgewerkt van versie {old} naar {new}."


BACKUP_NOT_MADE = "Er kon geen reservekopie van deze sessie worden gemaakt. Uw werk wordt wel gewoon bewaard."


# --- Damaged files and reserve copies --------------------------------------------------------


def corrupt(name: str, reason: str, moved_to: str | None, backup_moment: datetime | None) -> str:
    """The message when a session file cannot be read: what is wrong, then what was kept and offered."""
    if moved_to:
        kept = f"Er is niets weggegooid: het bestand is apart gezet als {_q(moved_to)}."
    else:
        kept = "Er is niets aan het bestand veranderd."
    if backup_moment is not None:
        offer = f"Er is een goede reservekopie van {_moment(backup_moment)}. U kunt die terugzetten."
    else:
        offer = "Er is geen bruikbare reservekopie gevonden."
    return f"De sessie {_q(name)} kan niet worden geopend. {reason}\n{kept} {offer}"


BACKUP_BAD = "Deze reservekopie is ook beschadigd en kan niet worden teruggezet."
BACKUP_NOT_OURS = "Dit is geen reservekopie van deze sessie."


# --- Listing ---------------------------------------------------------------------------------

PROBLEM_DAMAGED = "Beschadigd: dit bestand kan niet worden gelezen."
PROBLEM_NOT_A_SESSION = "Dit bestand is geen sessie van Atelier."
PROBLEM_NEWER = "Gemaakt met een nieuwere versie van Atelier: alleen bekijken."
PROBLEM_OLDER = "Gemaakt met een oude versie van Atelier die niet meer wordt gelezen."
PROBLEM_NO_VERSION = "Onbekend met welke versie van Atelier dit bestand is gemaakt."
PROBLEM_LINK = "Dit bestand verwijst naar een andere plek en wordt niet geopend."
PROBLEM_UNREADABLE = "Dit bestand kan niet worden geopend."


# --- Reading, writing, the folder ----------------------------------------------------------

_READ_FAILURES = {
    Failure.NO_PERMISSION: "Atelier heeft geen toestemming om het te lezen.",
    Failure.DISK_ERROR: "De schijf meldt een fout.",
    Failure.FOLDER_GONE: "Het is niet meer te vinden.",
}


def read_failure(failure: Failure) -> str:
    return _READ_FAILURES.get(failure, "Het kan niet worden gelezen.")


def cannot_read(name: str, failure: Failure) -> str:
    return f"{_q(name)} kan niet worden geopend. {read_failure(failure)} Er is niets aan veranderd."


def write_failure(failure: Failure) -> str:
    return _FAILURES.get(failure, _FAILURES[Failure.OTHER])


def cannot_write(name: str, failure: Failure) -> str:
    return f"In {_q(name)} kan niet worden geschreven: {write_failure(failure)} Er is niets veranderd."


def folder_not_private(name: str, why: str) -> str:
    who = "van een andere gebruiker" if why == "owner" else "ook door anderen te beschrijven"
    return (
        f"De map met sessies {_q(name)} is {who}. Atelier gebruikt hem daarom niet: anderen zouden "
        "de sessies kunnen lezen of veranderen. Kies een eigen map met --sessions-dir of ATELIER_SESSIONS_DIR."
    )


def export_in_folder(name: str) -> str:
    return (
        f"{_q(name)} ligt in de map met sessies. Atelier schrijft daar geen export, zodat er nooit een "
        "sessie wordt overschreven. Kies een plek buiten die map."
    )


def export_onto_session(name: str) -> str:
    return f"{_q(name)} is een sessie van Atelier en wordt niet overschreven. Kies een andere bestandsnaam."


def too_many(name: str) -> str:
    return f"Er zijn al te veel sessies met de naam {_q(name)}. Kies een andere naam."


def changed_on_disk(name: str, kept_as: str) -> str:
    return (
        f"Het bestand {_q(name)} was intussen door een ander programma veranderd. Die versie is bewaard "
        f"als {_q(kept_as)}; uw werk is opgeslagen."
    )


def removed_on_disk(name: str) -> str:
    return f"Het bestand {_q(name)} was intussen weggehaald. Uw werk is opnieuw opgeslagen."


# --- From codes to sentences -----------------------------------------------------------------

_PROBLEMS: dict[Problem, Any] = {
    Problem.UNSAFE_NAME: lambda name="", **_: unsafe_name(name),
    Problem.SYMLINK: lambda name, **_: symlink_refused(name),
    Problem.NOT_A_FOLDER: lambda name, **_: not_a_folder(name),
    Problem.NOT_A_FILE: lambda name, **_: not_a_file(name),
    Problem.OUTSIDE_FOLDER: lambda name, **_: outside_folder(name),
    Problem.NOT_FOUND: lambda name, **_: session_not_found(name),
    Problem.AMBIGUOUS: lambda name, files, **_: session_ambiguous(name, files),
    Problem.EXISTS: lambda name, **_: session_exists(name),
    Problem.IN_USE: lambda name, **_: session_in_use(name),
    Problem.READ_ONLY_SAVE: lambda **_: READ_ONLY_SAVE,
    Problem.CLOSED: lambda **_: CLOSED,
    Problem.CORRUPT: lambda **_: REASON_DAMAGED,  # CorruptSession builds its own, fuller message
    Problem.BACKUP_BAD: lambda **_: BACKUP_BAD,
    Problem.BACKUP_NOT_OURS: lambda **_: BACKUP_NOT_OURS,
    Problem.CANNOT_READ: lambda name, failure, **_: cannot_read(name, failure),
    Problem.CANNOT_WRITE: lambda name, failure, **_: cannot_write(name, failure),
    Problem.FOLDER_NOT_PRIVATE: lambda name, why, **_: folder_not_private(name, why),
    Problem.TOO_MANY: lambda name, **_: too_many(name),
    Problem.EXPORT_IN_FOLDER: lambda name, **_: export_in_folder(name),
    Problem.EXPORT_ONTO_SESSION: lambda name, **_: export_onto_session(name),
}


def problem(code: Problem, **details: Any) -> str:
    """The sentence for a store error."""
    return _PROBLEMS[code](**details)


_READ_ONLY = {
    ReadOnly.LOCKED: READ_ONLY_LOCKED,
    ReadOnly.ASKED: READ_ONLY_ASKED,
    ReadOnly.NEWER: READ_ONLY_NEWER,
    ReadOnly.NO_WRITE: READ_ONLY_NO_WRITE,
}


def read_only(code: ReadOnly | None) -> str | None:
    """Why a session is read-only, or ``None`` when it is not."""
    return None if code is None else _READ_ONLY[code]


def unreadable(kind: Unreadable, detail: Any = None) -> str:
    """What is wrong with a session file that cannot be read."""
    if kind is Unreadable.DAMAGED:
        return REASON_DAMAGED
    if kind is Unreadable.NOT_A_SESSION:
        return REASON_NOT_A_SESSION
    if kind is Unreadable.INVALID:
        return reason_invalid(describe_validation_error(detail))
    if kind is Unreadable.NEWER_INVALID:
        return reason_newer_unreadable(describe_validation_error(detail))
    if kind is Unreadable.VERSION_MISSING:
        return VERSION_MISSING
    if kind is Unreadable.VERSION_INVALID:
        return version_invalid(detail)
    if kind is Unreadable.VERSION_TOO_OLD:
        return version_too_old(*detail)
    return version_no_step(detail)


def notice(item: Notice) -> str:
    """The sentence for a notice."""
    d = item.details
    if item.code is NoticeCode.MIGRATED:
        return migrated(d["old"], d["new"])
    if item.code is NoticeCode.BACKUP_NOT_MADE:
        return BACKUP_NOT_MADE
    if item.code is NoticeCode.CHANGED_ON_DISK:
        return changed_on_disk(d["name"], d["kept_as"])
    return removed_on_disk(d["name"])


_LIST_PROBLEMS = {
    ListProblem.DAMAGED: PROBLEM_DAMAGED,
    ListProblem.NOT_A_SESSION: PROBLEM_NOT_A_SESSION,
    ListProblem.NEWER: PROBLEM_NEWER,
    ListProblem.OLDER: PROBLEM_OLDER,
    ListProblem.NO_VERSION: PROBLEM_NO_VERSION,
    ListProblem.LINK: PROBLEM_LINK,
    ListProblem.UNREADABLE: PROBLEM_UNREADABLE,
}


def list_problem(code: ListProblem | None) -> str | None:
    """The short line shown in a list of sessions for a file that cannot be opened normally."""
    return None if code is None else _LIST_PROBLEMS[code]
