"""Nothing reaches the terminal raw: file names, folder names, theme files, session texts, the crash.

Each test runs the real app in a pseudo-terminal with a set of hostile payloads (OSC 52 clipboard
writes, OSC 0 titles, OSC 8 links, CSI colours, a C1 control) on one path, and checks the raw bytes
the app wrote: none of the payloads' sequences may appear.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from atelier_tui.domain.builtin import new_session
from atelier_tui.store.repository import SessionsDir

from ..pty import CTRL_Q, Terminal

PAYLOADS = {
    "osc52": "\x1b]52;c;aGFjaw==\x07",
    "title": "\x1b]0;gehackt\x07",
    "link": "\x1b]8;;x\x1b\\klik\x1b]8;;\x1b\\",
    "colour": "\x1b[31mrood\x1b[0m",
    "c1": "\x9b31m",
}
#: What would take effect in a terminal if a payload got through.
FORBIDDEN = [b"\x1b]52;", b"\x1b]0;gehackt", b"\x1b]8;;x", b"\x1b[31mrood", "\x9b".encode()]
ALL = "".join(PAYLOADS.values())


def run_in_pty(argv: list[str], env: dict[str, str], until: bytes, seconds: float = 20.0) -> bytes:
    """Run ``atelier`` in a 120x40 pseudo-terminal until ``until`` shows, then Ctrl+Q; all it wrote."""
    with Terminal(argv, env=env) as term:
        term.wait_for(until, seconds)
        term.read(0.5)  # let the toasts and the rest of the screen be drawn
        if term.running:  # (after a crash it is stopping already)
            term.write(CTRL_Q)
        term.wait_exit(10)
        term.drain()  # what is left in the terminal
    return bytes(term.output)


def assert_nothing_raw(output: bytes) -> None:
    found = [f for f in FORBIDDEN if f in output]
    assert found == [], f"raw payload bytes reached the terminal: {found}"


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / f"map{PAYLOADS['title']}{PAYLOADS['colour']}"
    folder.mkdir(mode=0o700)
    sessions = SessionsDir(folder)
    session = new_session("Najaar", PAYLOADS["osc52"] + "Lindewaard")
    path = sessions.create(session)
    path.rename(folder / f"sessie{PAYLOADS['c1']}{PAYLOADS['link']}.json")
    return folder


def test_home_screen_folder_and_file_names(hostile_folder: Path, tmp_path: Path):
    out = run_in_pty(
        ["-m", "atelier_tui", "--sessions-dir", str(hostile_folder)],
        {"XDG_CONFIG_HOME": str(tmp_path / "config")},
        until=b"Sessies",
    )
    assert b"Lindewaard" in out  # the session is listed, cleaned
    assert_nothing_raw(out)


def test_theme_files_with_hostile_names_and_values(tmp_path: Path, sessions_dir: Path):
    themes = tmp_path / "config" / "atelier" / "themes"
    themes.mkdir(parents=True)
    (themes / f"thema{PAYLOADS['title']}.toml").write_text(
        f'name = "x{PAYLOADS["osc52"]}"\nprimary = "#112233"\ndark = true\n', encoding="utf-8"
    )
    (themes / "kleur.toml").write_text(
        f'name = "kleur"\nprimary = "{PAYLOADS["colour"]}"\ndark = true\n"{PAYLOADS["link"]}" = 1\n',
        encoding="utf-8",
    )
    (themes / "onbekend.toml").write_text(
        f'name = "onbekend"\nprimary = "#112233"\ndark = true\n"veld{PAYLOADS["c1"]}" = 1\n', encoding="utf-8"
    )
    out = run_in_pty(
        ["-m", "atelier_tui", "--sessions-dir", str(sessions_dir), "--theme", f"t{PAYLOADS['osc52']}"],
        {"XDG_CONFIG_HOME": str(tmp_path / "config")},
        until=b"overgeslagen",
    )
    assert_nothing_raw(out)


def test_texts_inside_a_session_file(sessions_dir: Path, tmp_path: Path):
    path = SessionsDir(sessions_dir).create(new_session("Najaar", "Lindewaard"))
    data = json.loads(path.read_text(encoding="utf-8"))
    doc = data["session"]["1"]
    doc["facilitator"] = ALL
    doc["avond1"]["plaats"] = ALL
    path.write_text(json.dumps(data), encoding="utf-8")
    out = run_in_pty(
        ["-m", "atelier_tui", "--sessions-dir", str(sessions_dir), "open", str(path), "--step", "sessie"],
        {"XDG_CONFIG_HOME": str(tmp_path / "config")},
        until=b"Sessie",
    )
    assert_nothing_raw(out)


CRASH = (
    "import sys\n"
    "from atelier_tui.screens.steps import prep\n"
    "def boom(self):\n"
    "    secret = 'geheim-wachtwoord'\n"
    "    raise RuntimeError('kapot')\n"
    "prep.SessieView.on_mount = boom\n"
    "from atelier_tui.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def test_a_crash_shows_no_traceback_and_says_where_the_log_is(sessions_dir: Path, tmp_path: Path):
    path = SessionsDir(sessions_dir).create(new_session("Najaar", "Lindewaard"))
    state = tmp_path / "state"
    out = run_in_pty(
        ["-c", CRASH, "--sessions-dir", str(sessions_dir), "open", str(path), "--step", "sessie"],
        {"XDG_STATE_HOME": str(state), "XDG_CONFIG_HOME": str(tmp_path / "config")},
        until=b"fout-",
    )
    text = out.decode("utf-8", "replace")
    assert "Traceback" not in text and "geheim-wachtwoord" not in text and "locals" not in text
    assert "er ging iets mis" in text
    [log] = (state / "atelier").glob("fout-*.log")
    assert "RuntimeError" in log.read_text(encoding="utf-8")
    assert "geheim-wachtwoord" not in log.read_text(encoding="utf-8")  # no local variables, also in the log
