"""Colour themes: the shipped themes are legible (WCAG AA), broken files are skipped with a Dutch message."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.command import CommandPalette
from textual.widgets import Static

from atelier_tui.themes import (
    AA,
    DEFAULT_THEME,
    ThemeCommands,
    builtin_dir,
    choose_theme,
    contrast_ratio,
    contrast_report,
    load_themes,
    theme_variable_defaults,
    theme_variables,
    user_theme_dir,
)

REPO_THEMES = Path(__file__).parents[2] / "themes"
SHIPPED = ("projector-licht", "projector-donker", "hoog-contrast", "huisstijl-voorbeeld")

GOOD = """\
name = "huisstijl-test"
dark = false
primary = "#0F3D25"
background = "#FFFFFF"

[variables]
kans = "#2D6A2F"
knelpunt = "#A8232A"
"""


def _shipped():
    loaded, problems = load_themes(extra_dirs=[])
    assert problems == []
    return {t.name: t for t in loaded}


def test_every_shipped_theme_loads():
    by_name = _shipped()
    assert set(SHIPPED) <= set(by_name)
    assert DEFAULT_THEME in by_name
    for theme in by_name.values():
        assert theme.beschrijving
        assert {"kans", "knelpunt"} <= set(theme.variables)


def test_repository_copies_equal_the_package_themes():
    """The root themes/ folder holds copies of the shipped themes; the package is the source of truth."""
    for name in SHIPPED:
        shipped = builtin_dir().joinpath(f"{name}.toml").read_text(encoding="utf-8")
        assert (REPO_THEMES / f"{name}.toml").read_text(encoding="utf-8") == shipped, name


def test_wcag_formula():
    black, white = Color.parse("#000000"), Color.parse("#FFFFFF")
    assert contrast_ratio(black, white) == pytest.approx(21.0)
    assert contrast_ratio(white, white) == pytest.approx(1.0)
    assert contrast_ratio(Color.parse("#767676"), white) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_theme_reaches_wcag_aa(name):
    report = contrast_report(_shipped()[name])
    labels = {label for label, _ in report}
    for required in (
        "$foreground op $background",
        "$foreground op $surface",
        "$foreground op $panel",
        "$text op $primary",
        "$text op $accent",
        "$text op $success",
        "$text op $warning",
        "$text op $error",
        "$success op $background",  # `reverse $success` badge
        "$error op $background",
        "$warning op $background",
        "$accent op $background",
    ):
        assert required in labels
    too_low = [(label, ratio) for label, ratio in report if ratio < AA]
    assert too_low == []


def test_high_contrast_theme_reaches_aaa():
    too_low = [(label, ratio) for label, ratio in contrast_report(_shipped()["hoog-contrast"]) if ratio < 7]
    assert too_low == []


def test_contrast_uses_the_text_colour_textual_derives():
    """`$text` is `auto 87%`: black or white chosen by Textual, blended onto the background."""
    theme = _shipped()["projector-licht"]
    report = dict(contrast_report(theme))
    primary = Color.parse(theme.primary)
    ink = primary + primary.get_contrast_text(0.87)
    assert report["$text op $primary"] == pytest.approx(contrast_ratio(ink, primary), abs=0.01)


async def test_every_shipped_theme_works_in_an_app():
    """The variables are valid CSS: $kans and $knelpunt resolve, switching themes does not crash."""

    class ThemeApp(App):
        CSS = "#k { background: $kans; color: $text; } #n { background: $knelpunt; }"

        def get_theme_variable_defaults(self) -> dict[str, str]:
            return theme_variable_defaults(self.current_theme)

        def compose(self) -> ComposeResult:
            yield Static("kans", id="k")
            yield Static("knelpunt", id="n")

    app = ThemeApp()
    async with app.run_test() as pilot:
        for theme in _shipped().values():
            app.register_theme(theme)
        for theme in [*_shipped().values()]:
            app.theme = theme.name
            await pilot.pause()
            assert app.query_one("#k").styles.background == Color.parse(theme.variables["kans"])
        app.theme = "textual-dark"  # a Textual theme without Atelier's variables
        await pilot.pause()
        assert app.query_one("#n").styles.background == Color.parse(
            theme_variable_defaults(app.current_theme)["knelpunt"]
        )


# Broken files ---------------------------------------------------------------------------------


def _load_one(tmp_path: Path, text: str | bytes, filename: str = "kapot.toml"):
    folder = tmp_path / "themes"
    folder.mkdir(exist_ok=True)
    path = folder / filename
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    loaded, problems = load_themes(extra_dirs=[folder])
    return {t.name for t in loaded}, problems, path


def test_bad_toml_is_skipped_with_a_dutch_message(tmp_path):
    names, problems, path = _load_one(tmp_path, 'name = "kapot"\nprimary = #123456\n')
    assert "kapot" not in names
    assert set(SHIPPED) <= names  # the shipped themes are still there
    assert len(problems) == 1
    assert str(path) in problems[0]
    assert "geen geldig TOML-bestand (regel 2" in problems[0]
    assert "overgeslagen" in problems[0]


def test_bad_colour_names_the_file_and_the_field(tmp_path):
    names, problems, path = _load_one(tmp_path, GOOD.replace('background = "#FFFFFF"', 'background = "#GGHHII"'))
    assert "huisstijl-test" not in names
    assert str(path) in problems[0]
    assert "‘background’" in problems[0]
    assert "#GGHHII" in problems[0]
    assert "geen geldige kleur" in problems[0]


def test_bad_variable_colour_names_the_field(tmp_path):
    _, problems, _ = _load_one(tmp_path, GOOD.replace('kans = "#2D6A2F"', 'kans = "groenig"'))
    assert "‘variables.kans’" in problems[0]
    assert "groenig" in problems[0]


def test_missing_name_is_reported(tmp_path):
    names, problems, path = _load_one(tmp_path, GOOD.replace('name = "huisstijl-test"\n', ""))
    assert "huisstijl-test" not in names
    assert str(path) in problems[0]
    assert "het veld ‘name’ ontbreekt" in problems[0]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("dark = false\n", ""), "‘dark’ ontbreekt"),
        (("dark = false", 'dark = "nee"'), "‘dark’ moet true of false zijn"),
        (('name = "huisstijl-test"', 'name = "Huisstijl Test"'), "de naam ‘Huisstijl Test’ kan niet"),
        (('primary = "#0F3D25"', "primary = 12"), "‘primary’ moet tekst"),
        (("[variables]\n", "variables = 3\n[x]\n"), "‘variables’ moet een tabel zijn"),
        (('kans = "#2D6A2F"', 'block-cursor-text-style = "knipper"'), "geen geldige tekststijl"),
    ],
)
def test_other_mistakes_are_explained(tmp_path, change, expected):
    _, problems, _ = _load_one(tmp_path, GOOD.replace(*change))
    assert any(expected in p for p in problems), problems


def test_not_utf8_is_reported(tmp_path):
    _, problems, path = _load_one(tmp_path, b'name = "caf\xe9"\n')
    assert problems == [f"Thema-bestand {path}: het bestand is geen UTF-8-tekst. Dit thema wordt overgeslagen."]


def test_unknown_field_is_a_warning_and_the_theme_is_used(tmp_path):
    names, problems, path = _load_one(tmp_path, 'primairy = "#000000"\n' + GOOD)
    assert "huisstijl-test" in names
    assert problems == [f"Thema-bestand {path}: het veld ‘primairy’ is onbekend en wordt genegeerd (tikfout?)."]


def test_two_files_with_the_same_name_in_one_folder(tmp_path):
    _load_one(tmp_path, GOOD, "a.toml")
    names, problems, _ = _load_one(tmp_path, GOOD, "b.toml")
    assert "huisstijl-test" in names
    assert len(problems) == 1 and "al gebruikt door a.toml" in problems[0]


# Where user themes are found ------------------------------------------------------------------


def test_user_theme_in_the_config_folder_is_found(tmp_path, monkeypatch):
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.chdir(tmp_path)  # no ./themes here
    folder = config / "atelier" / "themes"
    assert user_theme_dir() == folder
    folder.mkdir(parents=True)
    (folder / "eigen.toml").write_text(GOOD, encoding="utf-8")
    loaded, problems = load_themes()
    assert problems == []
    theme = {t.name: t for t in loaded}["huisstijl-test"]
    assert theme.bron == str(folder / "eigen.toml")


def test_config_folder_defaults_to_dot_config(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert user_theme_dir() == tmp_path / ".config" / "atelier" / "themes"
    # a relative XDG_CONFIG_HOME is invalid by the XDG spec and ignored
    assert user_theme_dir({"XDG_CONFIG_HOME": "relatief"}) == tmp_path / ".config" / "atelier" / "themes"


def test_themes_folder_in_the_working_directory_is_found(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "leeg"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "eigen.toml").write_text(GOOD, encoding="utf-8")
    loaded, _ = load_themes()
    assert "huisstijl-test" in {t.name for t in loaded}


def test_a_user_theme_replaces_a_shipped_theme_of_the_same_name(tmp_path):
    text = GOOD.replace('name = "huisstijl-test"', f'name = "{DEFAULT_THEME}"')
    folder = tmp_path / "mijn"
    folder.mkdir()
    (folder / "donker.toml").write_text(text, encoding="utf-8")
    loaded, _ = load_themes(extra_dirs=[folder])
    theme = {t.name: t for t in loaded}[DEFAULT_THEME]
    assert theme.primary == "#0F3D25"
    assert [t.name for t in loaded].count(DEFAULT_THEME) == 1


def test_missing_folders_are_fine(tmp_path):
    loaded, problems = load_themes(extra_dirs=[tmp_path / "bestaat-niet"])
    assert problems == [] and len(loaded) >= len(SHIPPED)


# Choosing a theme -----------------------------------------------------------------------------


def test_choose_theme_takes_the_first_known_name():
    available = [*SHIPPED, "textual-dark"]
    assert choose_theme(["hoog-contrast", "projector-licht"], available) == ("hoog-contrast", [])
    assert choose_theme([None, "", "projector-licht"], available) == ("projector-licht", [])
    assert choose_theme([None, ""], available) == (DEFAULT_THEME, [])


def test_choose_theme_explains_an_unknown_name():
    name, problems = choose_theme(["paars"], [*SHIPPED])
    assert name == DEFAULT_THEME
    assert problems and "Thema ‘paars’ bestaat niet" in problems[0] and "projector-licht" in problems[0]


async def test_palette_lists_atelier_themes_and_switches():
    class PaletteApp(App):
        def get_theme_variable_defaults(self) -> dict[str, str]:
            return theme_variable_defaults(self.current_theme)

    app = PaletteApp()
    async with app.run_test() as pilot:
        for theme in _shipped().values():
            app.register_theme(theme)
        app.theme = DEFAULT_THEME
        app.push_screen(CommandPalette(providers=[ThemeCommands], placeholder="Zoek een thema…"))
        await pilot.pause()
        await pilot.press(*"licht")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "projector-licht"


@pytest.mark.parametrize("name", SHIPPED)
def test_large_areas_stay_calm_in_256_colours(name):
    """Inside tmux or over SSH without COLORTERM the terminal has 256 colours: a blue-grey that is calm
    in truecolor must not become a saturated teal there (what the room saw on the default theme)."""
    import colorsys

    from rich.color import Color as RichColor
    from rich.color import ColorSystem

    theme = _shipped()[name]
    variables = theme_variables(theme)
    for area in ("background", "surface", "panel"):
        colour = Color.parse(variables[area])
        downgraded = RichColor.from_rgb(colour.r, colour.g, colour.b).downgrade(ColorSystem.EIGHT_BIT)
        r, g, b = downgraded.get_truecolor()
        saturation_256 = colorsys.rgb_to_hsv(r / 255, g / 255, b / 255)[1]
        saturation = colorsys.rgb_to_hsv(colour.r / 255, colour.g / 255, colour.b / 255)[1]
        assert saturation_256 <= saturation + 0.2, f"{name} {area} {variables[area]} -> 256 colours {r},{g},{b}"
