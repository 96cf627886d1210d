"""The one command table: bindings, footer, help, palette and a user's own keys all come from it."""

from __future__ import annotations

import re
from pathlib import Path

from atelier_tui import commands
from atelier_tui.app import AtelierApp
from atelier_tui.screens.help import HelpScreen
from atelier_tui.screens.session import SessionScreen
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir

from .screen import open_step, screen_text, settle, wait_for, wait_until

SRC = Path(commands.__file__).parent


def test_no_key_is_bound_outside_the_command_table():
    offenders = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if p.name != "commands.py" and re.search(r"\bBinding\(", p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_dutch_key_names():
    assert [commands.key_name(k) for k in ("escape", "home", "end", "shift+up", "f5", "ctrl+q", "pagedown")] == [
        "Esc",
        "Home",
        "Einde",
        "Shift+↑",
        "F5",
        "Ctrl+Q",
        "PgDn",
    ]


def test_a_keymap_file_rebinds_by_id_and_reports_what_it_cannot_use(tmp_path):
    path = tmp_path / "toetsen.toml"
    path.write_text('[toetsen]\n"session.next" = "f8"\n"bestaat.niet" = "x"\n"board.new" = 3\n', encoding="utf-8")
    keymap, problems = commands.load_keymap(path)
    assert keymap == {"session.next": "f8"}
    assert len(problems) == 2 and all("toetsenbestand" in p for p in problems)
    path.write_text("[toetsen\n", encoding="utf-8")
    assert commands.load_keymap(path) == ({}, [commands.T.TOETSEN_ONLEESBAAR.format(pad=str(path))])
    assert commands.load_keymap(tmp_path / "nergens.toml") == ({}, [])


async def test_help_lists_the_screens_keys_in_dutch(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="intake")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, HelpScreen)
        text = screen_text(app)
        for line in ("PgDn", "Volgende stap", "Esc", "Terug", "Nieuw"):
            assert line in text
        assert "escape" not in text and "pagedown" not in text
        footer = text.splitlines()[-1]
        assert "Esc" in footer or "?" in footer


async def test_a_users_keymap_moves_the_step_key_and_the_footer_says_so(sessions_dir, tmp_path, monkeypatch):
    config = tmp_path / "config"
    (config / "atelier").mkdir(parents=True)
    (config / "atelier" / "toetsen.toml").write_text('[toetsen]\n"session.next" = "f8"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="opening")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        assert "F8 Volgende stap" in screen_text(app).splitlines()[-1]
        await pilot.press("f8")
        await wait_until(pilot, lambda: app.screen.current == "voorbeelden", "the next step after F8")


async def test_a_broken_keymap_says_so_in_dutch_and_keeps_the_usual_keys(sessions_dir, tmp_path, monkeypatch):
    config = tmp_path / "config"
    (config / "atelier").mkdir(parents=True)
    (config / "atelier" / "toetsen.toml").write_text("[toetsen\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="opening")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_step(pilot)
        await wait_until(pilot, lambda: "toetsenbestand" in screen_text(app), "a message about the keymap file")
        await pilot.press("pagedown")
        await wait_until(pilot, lambda: app.screen.current == "voorbeelden", "the next step after PgDn")


async def test_the_palette_offers_the_steps_and_commands_and_does_not_start_with_quitting(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="opening")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_step(pilot)
        entries = [c.title for c in app.get_system_commands(screen.screen)]
        assert entries[0] == "Stap: Sessie"
        assert "Afsluiten" in entries and entries.index("Afsluiten") > 10
        assert {"Tijdvak van deze stap", "Thema kiezen", "Hulp", "Sessies"} <= set(entries)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"ladder", "enter")
        await wait_until(
            pilot, lambda: isinstance(app.screen, SessionScreen) and app.screen.current == "ladder", "the ladder step"
        )
