"""The command line: Dutch help, clear errors without tracebacks, list/export/check/import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from atelier_tui.cli import COMMANDS, main
from atelier_tui.domain import builtin
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "atelier_tui", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=60
    )


@pytest.fixture
def demo(sessions_dir: Path) -> Path:
    return create_demo_copy(SessionsDir(sessions_dir))


def test_help_is_dutch_and_lists_every_command():
    out = run("--help")
    assert out.returncode == 0
    assert out.stdout.startswith("Gebruik: atelier")
    for command in ("demo", "new", "open", "list", "import", "export", "check"):
        assert command in out.stdout
    assert "usage" not in out.stdout and "options:" not in out.stdout
    step_help = run("open", "--help").stdout
    assert "kansen-knelpunten" in step_help and "unusual-suspects" in step_help


@pytest.mark.parametrize("command", [None, *sorted(c for c in COMMANDS if c)])
def test_every_help_says_gebruik_once_before_its_own_command(command, capsys):
    args = [command, "--help"] if command else ["--help"]
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(" ".join(["Gebruik: atelier", *args[:-1]]) + " [")
    assert out.count("Gebruik") == 1 and "usage" not in out.lower()


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["open"], "ontbreekt"),
        (["export", "x", "--format", "pdf"], "onbekende keuze"),
        (["--bestaatniet"], "begrijp ik niet"),
        (["open", "bestaat-niet"], "gevonden"),
        (["export", "bestaat-niet"], "gevonden"),
        (["check", "bestaat-niet"], "gevonden"),
        (["import", "/geen/bestand.json"], "bestaat niet"),
    ],
)
def test_errors_are_one_or_two_dutch_lines_without_traceback(args, fragment, sessions_dir):
    out = run("--sessions-dir", str(sessions_dir), *args)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert fragment in out.stderr.lower()
    assert 1 <= len(out.stderr.strip().splitlines()) <= 2


def test_list_shows_municipality_and_dates(demo, sessions_dir, capsys):
    assert main(["list", "--sessions-dir", str(sessions_dir)]) == 0
    out = capsys.readouterr().out
    assert "Lindewaard" in out
    assert "07-10-2026" in out or "2026" in out


def test_sessions_dir_from_environment(demo, sessions_dir, monkeypatch, capsys):
    monkeypatch.setenv("ATELIER_SESSIONS_DIR", str(sessions_dir))
    assert main(["list"]) == 0
    assert "Lindewaard" in capsys.readouterr().out


def test_new_creates_a_session_without_opening(sessions_dir, capsys):
    assert (
        main(["new", "Najaar 2026", "--gemeente", "Lindewaard", "--niet-openen", "--sessions-dir", str(sessions_dir)])
        == 0
    )
    path = sessions_dir / "najaar-2026.json"
    assert path.exists()
    assert main(["new", "Najaar 2026", "--niet-openen", "--sessions-dir", str(sessions_dir)]) == 1
    assert "bestaat al" in capsys.readouterr().err


def test_demo_copy_leaves_the_original_untouched(sessions_dir):
    before = json.dumps(builtin.demo_data(), sort_keys=True)
    first = create_demo_copy(SessionsDir(sessions_dir))
    second = create_demo_copy(SessionsDir(sessions_dir))
    assert first != second
    assert json.dumps(builtin.demo_data(), sort_keys=True) == before


def test_export_markdown_to_stdout(demo, sessions_dir, capsys):
    assert main(["export", str(demo), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ")
    assert "Lindewaard" in out
    assert "besloten" not in out.lower()


def test_export_json_round_trip_is_identical(demo, tmp_path, capsys):
    first = tmp_path / "eerste.json"
    assert main(["export", str(demo), "--format", "json", "-o", str(first)]) == 0
    other = tmp_path / "elders"
    assert main(["import", str(first), "--sessions-dir", str(other)]) == 0
    imported = next(other.glob("*.json"))
    second = tmp_path / "tweede.json"
    assert main(["export", str(imported), "--format", "json", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_import_never_overwrites_silently(demo, sessions_dir, tmp_path, capsys):
    exported = tmp_path / "sessie.json"
    assert main(["export", str(demo), "--format", "json", "-o", str(exported)]) == 0
    original = demo.read_bytes()
    assert main(["import", str(exported), "--sessions-dir", str(sessions_dir)]) == 0
    out = capsys.readouterr().out
    assert "niets overschreven" in out
    assert demo.read_bytes() == original
    assert len(list(sessions_dir.glob("*.json"))) == 2


def test_import_cleans_hostile_text_and_says_so(sessions_dir, tmp_path, capsys):
    session = builtin.new_session("Schoon")
    data = session.model_dump(mode="json")
    data["gemeente"] = "Linde\x1b]52;c;aGFjaw==\x07waard\u202e"
    data["kaarten"] = [{"kolom": "kans", "tekst": "x" * 9000}]
    path = tmp_path / "vies.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["import", str(path), "--sessions-dir", str(sessions_dir)]) == 0
    out = capsys.readouterr().out
    assert "opgeschoond" in out and "ingekort" in out
    stored = json.loads(next(sessions_dir.glob("*.json")).read_text(encoding="utf-8"))
    assert "Lindewaard" in json.dumps(stored, ensure_ascii=False)
    assert "\x1b" not in json.dumps(stored, ensure_ascii=False)


@pytest.mark.parametrize(
    "content, fragment",
    [
        (b"{niet json", "geen leesbaar json"),
        (b'{"naam": "x"}', "geen geldige sessie"),
        (json.dumps({"kaarten": [{"kolom": "kans", "tekst": "x", "stemmen": -3}]}).encode(), "geen geldige sessie"),
    ],
)
def test_import_rejects_bad_files_clearly(content, fragment, sessions_dir, tmp_path, capsys):
    path = tmp_path / "slecht.json"
    path.write_bytes(content)
    assert main(["import", str(path), "--sessions-dir", str(sessions_dir)]) == 1
    err = capsys.readouterr().err
    assert fragment in err.lower()
    assert list(sessions_dir.glob("*.json")) == []


def test_check_accepts_a_good_file_and_rejects_a_broken_one(demo, sessions_dir, capsys):
    assert main(["check", str(demo)]) == 0
    assert "In orde" in capsys.readouterr().out
    broken = sessions_dir / "kapot.json"
    broken.write_bytes(demo.read_bytes()[:-40])
    assert main(["check", str(broken)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("atelier: ")
    assert broken.exists()  # check never moves or changes anything


def test_module_entry_point_runs(tmp_path):
    out = run("list", "--sessions-dir", str(tmp_path / "leeg"))
    assert out.returncode == 0
    assert "Nog geen sessies" in out.stdout
