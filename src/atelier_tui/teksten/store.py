"""Dutch messages of the store: saving, opening, locking, damaged files, reserve copies.

Written for council members and griffiers, not for developers: plain words, no file-system or
database terms. Every message the store shows comes from here.
"""

from __future__ import annotations

import errno
from datetime import datetime

from ..domain.hygiene import clean_line
from ..domain.types import format_local


def _q(text: object) -> str:
    """A name between quotes; cleaned, because file names can hold anything (even escapes)."""
    return f"‘{clean_line(str(text), limit=80)}’"


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


def trashed(name: str) -> str:
    return f"De sessie {_q(name)} staat nu in de prullenbak van de sessiemap en kan worden teruggehaald."


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

_SAVE_REASONS = {
    errno.ENOSPC: "de schijf is vol.",
    errno.EDQUOT: "de beschikbare ruimte op de schijf is op.",
    errno.EROFS: "de map kan alleen worden gelezen, niet beschreven.",
    errno.EACCES: "Atelier heeft geen toestemming om in de map te schrijven.",
    errno.EPERM: "Atelier heeft geen toestemming om in de map te schrijven.",
    errno.EIO: "de schijf meldt een fout.",
    errno.ENOENT: "de map met sessies is niet meer te vinden.",
}

_KEEP_TYPING = " Uw werk staat nog op het scherm; Atelier probeert het opnieuw bij de volgende wijziging."


def not_saved(error: BaseException | None = None) -> str:
    """The message after a failed save: what went wrong, and that nothing on screen is lost."""
    if isinstance(error, OSError) and error.errno in _SAVE_REASONS:
        reason = _SAVE_REASONS[error.errno]
    elif error is not None and getattr(error, "message", None):
        return f"Niet opgeslagen. {error.message}{_KEEP_TYPING}"  # type: ignore[attr-defined]
    elif isinstance(error, OSError):
        reason = "het bestand kon niet worden geschreven."
    else:
        reason = "er ging iets onverwachts mis."
    return f"Niet opgeslagen: {reason}{_KEEP_TYPING}"


def not_saved_invalid(detail: str) -> str:
    return f"Niet opgeslagen: de sessie klopt niet. {detail}"


SAVED = "Opgeslagen."


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
    """The message when a session file cannot be read."""
    parts = [f"De sessie {_q(name)} kan niet worden geopend. {reason}"]
    if moved_to:
        parts.append(f"Er is niets weggegooid: het bestand is apart gezet als {_q(moved_to)}.")
    else:
        parts.append("Er is niets aan het bestand veranderd.")
    if backup_moment is not None:
        parts.append(f"Er is een goede reservekopie van {format_local(backup_moment)}. U kunt die terugzetten.")
    else:
        parts.append("Er is geen bruikbare reservekopie gevonden.")
    return "\n".join(parts)


BACKUP_BAD = "Deze reservekopie is ook beschadigd en kan niet worden teruggezet."
BACKUP_NOT_OURS = "Dit is geen reservekopie van deze sessie."


def restored(moment: datetime) -> str:
    return f"De reservekopie van {format_local(moment)} is teruggezet."


# --- Listing ---------------------------------------------------------------------------------

PROBLEM_DAMAGED = "Beschadigd: dit bestand kan niet worden gelezen."
PROBLEM_NOT_A_SESSION = "Dit bestand is geen sessie van Atelier."
PROBLEM_NEWER = "Gemaakt met een nieuwere versie van Atelier: alleen bekijken."
PROBLEM_OLDER = "Gemaakt met een oude versie van Atelier die niet meer wordt gelezen."
PROBLEM_NO_VERSION = "Onbekend met welke versie van Atelier dit bestand is gemaakt."
PROBLEM_LINK = "Dit bestand verwijst naar een andere plek en wordt niet geopend."
PROBLEM_UNREADABLE = "Dit bestand kan niet worden geopend."
