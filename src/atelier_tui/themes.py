"""Colour themes: Textual ``Theme`` objects read from small TOML files.

Where themes come from (a later folder overrides an earlier one when a theme has the same name):

1. the themes shipped with Atelier, package data in ``atelier_tui/themes_builtin/`` (the source of
   truth; the repository's ``themes/`` folder holds identical copies as examples, a test keeps them equal);
2. ``./themes/`` in the folder where ``atelier`` is started;
3. the user's own folder ``$XDG_CONFIG_HOME/atelier/themes/`` (normally ``~/.config/atelier/themes/``).

A broken file never stops the app: it is skipped with a Dutch message that names the file and the
field, and the app falls back to ``DEFAULT_THEME``. The file format is described at the top of every
shipped theme file and in ``themes/README.md``.

The WCAG contrast helpers at the bottom compute, from the colours Textual derives for a theme, the
contrast of every text/background pair the app uses; the tests hold every shipped theme to AA.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.color import BLACK, Color, ColorParseError
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.css.constants import VALID_STYLE_FLAGS
from textual.markup import escape
from textual.theme import Theme

from .domain.hygiene import clean_line
from .teksten import themes as T

if TYPE_CHECKING:
    from textual.app import App

DEFAULT_THEME = "projector-donker"
"""The theme used when none is chosen, or when the chosen one is missing or broken."""

APP_VARIABLES = ("kans", "knelpunt")
"""Atelier's own colour variables, usable in CSS as ``$kans`` and ``$knelpunt``."""

FOLDER = "themes"
MAX_BYTES = 64 * 1024

_COLOUR_FIELDS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "success",
    "warning",
    "error",
)
_NUMBER_FIELDS = ("luminosity_spread", "text_alpha")
_KNOWN_FIELDS = {"name", "beschrijving", "dark", "variables", *_COLOUR_FIELDS, *_NUMBER_FIELDS}
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_VARIABLE = re.compile(r"^[a-z][a-z0-9-]*$")
_TOML_POSITION = re.compile(r"at line (\d+), column (\d+)")


@dataclass
class AtelierTheme(Theme):
    """A Textual theme plus where it came from and a Dutch description for the palette."""

    beschrijving: str = ""
    bron: str = ""


class ThemeFileError(Exception):
    """A theme file that cannot be used. The message is Dutch and names the file."""


# Folders --------------------------------------------------------------------------------------


def builtin_dir() -> Traversable:
    """The shipped themes (package data)."""
    return resources.files("atelier_tui").joinpath("themes_builtin")


def user_theme_dir(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/atelier/themes``, or ``~/.config/atelier/themes``."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CONFIG_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / "atelier" / FOLDER


def default_theme_dirs() -> list[Path]:
    """The folders a user adds themes to: ``./themes`` and the user's config folder."""
    return [Path.cwd() / FOLDER, user_theme_dir()]


# Reading one file -----------------------------------------------------------------------------


def _colour_problem(value: object) -> bool:
    """True when ``value`` is not a colour Textual can use in a theme variable.

    Accepted: anything ``Color.parse`` reads, optionally followed by an opacity (``"#0178D4 40%"``),
    and ``"auto"`` / ``"auto 87%"`` (the text colour that contrasts with its background).
    """
    if not isinstance(value, str):
        return True
    parts = value.split()
    if len(parts) == 2 and re.fullmatch(r"\d{1,3}(\.\d+)?%", parts[1]):
        parts = parts[:1]
    if len(parts) != 1:
        return True
    if parts[0] == "auto":
        return False
    try:
        Color.parse(parts[0])
    except ColorParseError:
        return True
    return False


def _check_variable(name: str, value: object, pad: str) -> None:
    field = f"variables.{clean_line(name, limit=40)}"
    if not _VARIABLE.match(name):
        raise ThemeFileError(T.OVERGESLAGEN.format(pad=pad, fout=T.ONGELDIGE_VARIABELE.format(veld=field)))
    if not isinstance(value, str):
        raise ThemeFileError(T.OVERGESLAGEN.format(pad=pad, fout=T.GEEN_TEKST.format(veld=field)))
    if name.endswith("-style"):
        if not value.split() or any(word not in VALID_STYLE_FLAGS for word in value.split()):
            raise ThemeFileError(
                T.OVERGESLAGEN.format(
                    pad=pad, fout=T.ONGELDIGE_STIJL.format(veld=field, waarde=clean_line(value, limit=40))
                )
            )
    elif _colour_problem(value):
        raise ThemeFileError(
            T.OVERGESLAGEN.format(
                pad=pad, fout=T.ONGELDIGE_KLEUR.format(veld=field, waarde=clean_line(value, limit=40))
            )
        )


def parse_theme(text: str, pad: str = "<tekst>") -> tuple[AtelierTheme, list[str]]:
    """Read a theme from TOML text. Returns the theme and Dutch warnings (unknown fields).

    Raises ``ThemeFileError`` with a Dutch message naming ``pad`` and the field when it cannot be used.
    """

    def fail(fout: str) -> ThemeFileError:
        return ThemeFileError(T.OVERGESLAGEN.format(pad=pad, fout=fout))

    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        position = _TOML_POSITION.search(str(exc))
        if position:
            raise fail(T.GEEN_TOML_REGEL.format(regel=position[1], kolom=position[2])) from None
        raise fail(T.GEEN_TOML.format(detail=clean_line(str(exc), limit=80))) from None

    warnings = [
        T.ONBEKEND_VELD.format(pad=pad, veld=clean_line(key, limit=40)) for key in data if key not in _KNOWN_FIELDS
    ]
    for field in ("name", "primary"):
        if field not in data:
            raise fail(T.ONTBREEKT.format(veld=field))
    if "dark" not in data:
        raise fail(T.ONTBREEKT_DARK)
    for field in ("name", "beschrijving", *_COLOUR_FIELDS):
        if field in data and not isinstance(data[field], str):
            raise fail(T.GEEN_TEKST.format(veld=field))
    if not _NAME.match(data["name"]):
        raise fail(T.ONGELDIGE_NAAM.format(naam=clean_line(data["name"], limit=40)))
    if not isinstance(data["dark"], bool):
        raise fail(T.GEEN_JA_NEE.format(veld="dark"))
    for field in _COLOUR_FIELDS:
        if field in data:
            try:
                Color.parse(data[field])
            except ColorParseError:
                raise fail(T.ONGELDIGE_KLEUR.format(veld=field, waarde=clean_line(data[field], limit=40))) from None
    for field in _NUMBER_FIELDS:
        if field in data:
            value = data[field]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise fail(T.GEEN_GETAL.format(veld=field))
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise fail(T.GEEN_TABEL)
    for name, value in variables.items():
        _check_variable(name, value, pad)

    theme = AtelierTheme(
        name=data["name"],
        dark=data["dark"],
        variables=dict(variables),
        beschrijving=clean_line(data.get("beschrijving", "")),
        bron=pad,
        **{field: data[field] for field in (*_COLOUR_FIELDS, *_NUMBER_FIELDS) if field in data},
    )
    return theme, warnings


def load_theme_file(path: Path | Traversable) -> tuple[AtelierTheme, list[str]]:
    """Read one theme file; raises ``ThemeFileError`` (Dutch, names the file) when it cannot be used."""
    pad = clean_line(str(path), limit=200)  # a file name can hold anything, even escape sequences
    try:
        raw = path.read_bytes()
    except OSError as exc:
        from .store.codes import failure_of
        from .teksten.store import read_failure

        raise ThemeFileError(
            T.OVERGESLAGEN.format(pad=pad, fout=T.NIET_LEESBAAR.format(detail=read_failure(failure_of(exc))))
        ) from None
    if len(raw) > MAX_BYTES:
        raise ThemeFileError(T.OVERGESLAGEN.format(pad=pad, fout=T.TE_GROOT.format(kb=MAX_BYTES // 1024)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ThemeFileError(T.OVERGESLAGEN.format(pad=pad, fout=T.GEEN_UTF8)) from None
    return parse_theme(text, pad)


# Reading all themes ---------------------------------------------------------------------------


def _theme_files(folder: Path | Traversable) -> list[Path | Traversable]:
    try:
        if not folder.is_dir():
            return []
        files = [f for f in folder.iterdir() if f.name.endswith(".toml") and not f.name.startswith(".")]
    except OSError:
        return []
    return sorted(files, key=lambda f: f.name)


def load_themes(extra_dirs: Iterable[Path] | None = None) -> tuple[list[AtelierTheme], list[str]]:
    """All usable themes and the Dutch problem messages of files that were skipped or odd.

    The shipped themes come first; then the themes in ``extra_dirs`` (default: ``./themes`` and the
    user's config folder, see ``default_theme_dirs``). A theme in a later folder replaces a theme with
    the same name from an earlier one, so a user can adjust a shipped theme by copying its file.
    """
    folders: list[Path | Traversable] = [builtin_dir()]
    folders += list(default_theme_dirs() if extra_dirs is None else extra_dirs)
    themes: dict[str, AtelierTheme] = {}
    problems: list[str] = []
    for folder in folders:
        seen: dict[str, str] = {}
        for path in _theme_files(folder):
            try:
                theme, warnings = load_theme_file(path)
            except ThemeFileError as exc:
                problems.append(str(exc))
                continue
            problems += warnings
            if theme.name in seen:
                problems.append(
                    T.DUBBELE_NAAM.format(
                        pad=clean_line(str(path), limit=200), naam=theme.name, ander=clean_line(seen[theme.name])
                    )
                )
                continue
            seen[theme.name] = path.name
            themes.pop(theme.name, None)  # keep the order of the last definition
            themes[theme.name] = theme
    return list(themes.values()), problems


def choose_theme(candidates: Sequence[str | None], available: Iterable[str]) -> tuple[str, list[str]]:
    """The first candidate that exists, else ``DEFAULT_THEME``; plus Dutch messages for unknown names.

    Use it as ``choose_theme([args.theme, session.thema], app.available_themes)``.
    """
    names = set(available)
    problems: list[str] = []
    fallback = DEFAULT_THEME if DEFAULT_THEME in names else "textual-dark"
    for name in candidates:
        if not name:
            continue
        if name in names:
            return name, problems
        shown = clean_line(name, limit=40)  # from --theme or a session file: anything
        problems.append(T.THEMA_ONBEKEND.format(naam=shown, standaard=fallback, namen=", ".join(sorted(names))))
    return fallback, problems


class ThemeCommands(Provider):
    """Command palette provider: Atelier's themes (not Textual's own), with their Dutch description.

    Open it with ``CommandPalette(providers=[ThemeCommands], placeholder=T.THEMA_ZOEKEN)``.
    Choosing a theme sets ``app.theme``; watch that reactive to remember the choice.
    """

    def _themes(self) -> list[AtelierTheme]:
        found = [t for t in self.app.available_themes.values() if isinstance(t, AtelierTheme)]
        return sorted(found, key=lambda t: t.name)

    def _choose(self, name: str) -> None:
        self.app.theme = name

    async def discover(self) -> Hits:
        for theme in self._themes():
            yield DiscoveryHit(theme.name, partial(self._choose, theme.name), help=escape(theme.beschrijving) or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for theme in self._themes():
            score = max(matcher.match(theme.name), matcher.match(theme.beschrijving) * 0.5)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(theme.name),
                    partial(self._choose, theme.name),
                    text=theme.name,
                    help=escape(theme.beschrijving) or None,
                )


def theme_variable_defaults(theme: Theme) -> dict[str, str]:
    """Atelier's own variables for a theme that does not set them (e.g. Textual's built-in themes).

    Return this from ``App.get_theme_variable_defaults`` so ``$kans`` and ``$knelpunt`` always exist.
    """
    colours = theme.to_color_system().generate()
    return {"kans": colours["success"], "knelpunt": colours["error"]}


def theme_variables(theme: Theme) -> dict[str, str]:
    """The CSS variables of a theme, merged the way ``App.get_css_variables`` does."""
    return {**theme_variable_defaults(theme), **theme.to_color_system().generate(), **theme.variables}


# WCAG contrast --------------------------------------------------------------------------------

AA = 4.5
"""WCAG 2.x level AA for normal text."""

_BACKGROUNDS = ("background", "surface", "panel")
_TEXT_ON_BACKGROUNDS = (
    "foreground",
    "text",
    "text-muted",
    # coloured text, and the same colours as `reverse` badges (contrast is symmetric)
    "primary",
    "secondary",
    "accent",
    "success",
    "warning",
    "error",
    "kans",
    "knelpunt",
)
_FILLS_WITH_TEXT = (
    "primary",
    "secondary",
    "accent",
    "success",
    "warning",
    "error",
    "kans",
    "knelpunt",
    "success-muted",
    "error-muted",
    "warning-muted",
)

CONTRAST_PAIRS: tuple[tuple[str, str, str], ...] = (
    *((text, bg, "") for bg in _BACKGROUNDS for text in _TEXT_ON_BACKGROUNDS),
    ("text-muted", "primary", ""),  # "geen tijd" in the header
    ("text-accent", "surface", ""),
    ("text-accent", "background", ""),
    *(("text", fill, "") for fill in _FILLS_WITH_TEXT),
    ("footer-key-foreground", "footer-background", ""),
    ("footer-description-foreground", "footer-background", ""),
    ("block-cursor-foreground", "block-cursor-background", ""),
    ("block-cursor-blurred-foreground", "block-cursor-blurred-background", "surface"),
    ("text", "primary 30%", "surface"),  # a selected card on the board
    ("text", "primary 75%", "surface"),  # a selected card in the focused column
)
"""(text, background, what the background is drawn over): every pair the app's CSS and widgets use.

A name is a theme variable; ``"primary 30%"`` is that variable at 30% opacity.
"""


def relative_luminance(colour: Color) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = colour.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: Color, b: Color) -> float:
    """WCAG contrast ratio, from 1 (none) to 21 (black on white)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _paint(variables: dict[str, str], spec: str, under: Color) -> Color:
    """The opaque colour of ``spec`` (a variable name, optionally with an opacity) drawn over ``under``."""
    name, _, opacity = spec.partition(" ")
    alpha = float(opacity.rstrip("%")) / 100 if opacity else 1.0
    value = variables.get(name, name).split()
    if len(value) == 2:
        alpha *= float(value[1].rstrip("%")) / 100
    if value[0] == "auto":  # how Textual resolves `color: auto 87%`
        colour = under.get_contrast_text(alpha)
    else:
        colour = Color.parse(value[0])
        colour = colour.with_alpha(colour.a * alpha)
    return under + colour


def contrast_report(theme: Theme) -> list[tuple[str, float]]:
    """(``"$text op $primary"``, ratio) for every pair in ``CONTRAST_PAIRS``."""
    variables = theme_variables(theme)
    screen = _paint(variables, "background", BLACK)
    report = []
    for text, background, base in CONTRAST_PAIRS:
        under = _paint(variables, base, screen) if base else screen
        fill = _paint(variables, background, under)
        ink = _paint(variables, text, fill)
        label = f"${text} op ${background}" + (f" over ${base}" if base else "")
        report.append((label, round(contrast_ratio(ink, fill), 2)))
    return report


def install_themes(app: App, wanted: str | None) -> list[str]:
    """Register every theme with ``app`` and choose ``wanted`` (or the default); the problems found."""
    themes, problems = load_themes()
    for t in themes:
        app.register_theme(t)
    app.theme, more = choose_theme([wanted], app.available_themes)
    return problems + more
