"""The command line never destroys a session, never blocks on an odd file, never prints raw escapes."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from atelier_tui import cli
from atelier_tui.cli import main
from atelier_tui.domain.builtin import new_session
from atelier_tui.store.repository import SessionsDir, open_session
from atelier_tui.store.transfer import MAX_ITEMS

from ..pty import atelier

ENGLISH = ("No such file", "Permission denied", "Errno", "Unexpected", "BOM", "Traceback", "Error", "line 1 column")
#: Any C0 control but the newline, DEL, and the C1 controls.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def run(
    *args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "atelier_tui", *args],
        capture_output=True,
        cwd=cwd,
        env=environment,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def text(out: bytes) -> str:
    return out.decode("utf-8")  # strict: whatever is printed is valid UTF-8


@pytest.fixture
def two(sessions_dir: Path) -> tuple[Path, Path]:
    sessies = SessionsDir(sessions_dir)
    return sessies.create(new_session("Alpha")), sessies.create(new_session("Beta"))


# --- export -o ------------------------------------------------------------------------------


def test_export_never_writes_into_the_sessions_folder(two, sessions_dir: Path) -> None:
    alpha, beta = two
    before = beta.read_bytes()
    out = run(
        "export", "alpha", "-f", "md", "-o", "sessions/beta.json", "--sessions-dir", "sessions", cwd=sessions_dir.parent
    )
    assert out.returncode == 1
    assert "map met sessies" in text(out.stderr)
    assert beta.read_bytes() == before
    out = run(
        "export", "alpha", "-f", "md", "-o", "sessions/nieuw.md", "--sessions-dir", "sessions", cwd=sessions_dir.parent
    )
    assert out.returncode == 1 and not (sessions_dir / "nieuw.md").exists()


def test_export_never_writes_onto_its_own_session(two, sessions_dir: Path) -> None:
    alpha, _ = two
    before = alpha.read_bytes()
    out = run("export", "alpha", "-f", "json", "-o", "alpha.json", "--sessions-dir", ".", cwd=sessions_dir)
    assert out.returncode == 1 and alpha.read_bytes() == before
    out = run("export", str(alpha), "-f", "json", "-o", str(alpha), "--overwrite")
    assert out.returncode == 1 and alpha.read_bytes() == before


def test_export_never_writes_onto_a_session_elsewhere_even_with_overwrite(two, tmp_path: Path) -> None:
    alpha, _ = two
    elders = SessionsDir(tmp_path / "elders")
    gamma = elders.create(new_session("Gamma"))
    before = gamma.read_bytes()
    with open_session(gamma):  # open in another window, too
        out = run("export", str(alpha), "-f", "json", "-o", str(gamma), "--overwrite")
    assert out.returncode == 1 and "sessie van Atelier" in text(out.stderr)
    assert gamma.read_bytes() == before


def test_export_onto_another_file_needs_overwrite_and_keeps_its_mode(two, tmp_path: Path) -> None:
    alpha, _ = two
    target = tmp_path / "verslag.md"
    target.write_text("oud verslag")
    os.chmod(target, 0o640)
    out = run("export", str(alpha), "-f", "md", "-o", str(target))
    assert out.returncode == 1 and "--overwrite" in text(out.stderr)
    assert target.read_text() == "oud verslag"
    out = run("export", str(alpha), "-f", "md", "-o", str(target), "--overwrite")
    assert out.returncode == 0 and target.read_text().startswith("# ")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_export_file_is_private(two, tmp_path: Path) -> None:
    alpha, _ = two
    target = tmp_path / "nieuw.json"
    assert run("export", str(alpha), "-f", "json", "-o", str(target)).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    out = run("export", str(alpha), "-o", str(tmp_path / "geen-map" / "x.md"))
    assert out.returncode == 1 and "map waarin het moet komen bestaat niet" in text(out.stderr)
    assert not any(word in text(out.stderr) for word in ENGLISH)


# --- check ----------------------------------------------------------------------------------


def test_check_of_a_healthy_file_reports_no_finding(two, capsys) -> None:
    alpha, _ = two
    assert main(["check", str(alpha)]) == 0
    out = capsys.readouterr().out
    assert "In orde" in out and "Let op" not in out and "alleen geopend" not in out


def test_check_of_a_newer_file_says_so(two, capsys) -> None:
    alpha, _ = two
    data = json.loads(alpha.read_bytes())
    data["session"]["1"]["schema_version"] = 99
    alpha.write_text(json.dumps(data))
    assert main(["check", str(alpha)]) == 0
    assert "Let op" in capsys.readouterr().out


# --- import ---------------------------------------------------------------------------------


def test_import_of_a_fifo_or_a_device_does_not_block(sessions_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.json"
    os.mkfifo(fifo)
    for source in (fifo, Path("/dev/zero")):
        out = run("import", str(source), "--sessions-dir", str(sessions_dir), timeout=20)
        assert out.returncode == 1
        err = text(out.stderr)
        assert "geen gewoon bestand" in err and len(err.strip().splitlines()) <= 2
    assert list(sessions_dir.glob("*.json")) == []


def test_import_of_a_huge_file_or_too_many_items_is_refused(sessions_dir: Path, tmp_path: Path, capsys) -> None:
    huge = tmp_path / "groot.json"
    with open(huge, "wb") as f:
        f.truncate(21 * 1024 * 1024)
    assert main(["import", str(huge), "--sessions-dir", str(sessions_dir)]) == 1
    assert "te groot" in capsys.readouterr().err
    many = tmp_path / "veel.json"
    many.write_text(json.dumps({"kaarten": [0] * (MAX_ITEMS + 1)}))
    assert main(["import", str(many), "--sessions-dir", str(sessions_dir)]) == 1
    assert "te veel onderdelen" in capsys.readouterr().err


def test_import_messages_carry_no_english(sessions_dir: Path, tmp_path: Path, capsys) -> None:
    session = new_session("Kladblok").model_dump(mode="json")
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(session).encode())
    assert main(["import", str(bom), "--sessions-dir", str(sessions_dir)]) == 0  # a BOM is fine
    broken = tmp_path / "kapot.json"
    broken.write_text('{\n"naam": }')
    assert main(["import", str(broken), "--sessions-dir", str(sessions_dir)]) == 1
    err = capsys.readouterr().err
    assert "regel 2" in err and not any(word in err for word in ENGLISH)


def test_reimporting_a_long_name_picks_a_free_name(sessions_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "lang.json"
    source.write_text(json.dumps(new_session("Participatie " * 10).model_dump(mode="json")))
    for _ in range(3):
        out = run("import", str(source), "--sessions-dir", str(sessions_dir), timeout=20)
        assert out.returncode == 0
    assert len(list(sessions_dir.glob("*.json"))) == 3


# --- odd session files: list, check and open keep working ------------------------------------


def test_odd_files_give_dutch_lines_and_list_keeps_working(sessions_dir: Path, capsys) -> None:
    sessies = SessionsDir(sessions_dir)
    good = sessies.create(new_session("Goed"))
    doc = json.loads(good.read_bytes())["session"]["1"]
    far = {**doc, "gewijzigd": "9999-12-31T23:59:59Z", "aangemaakt": "9999-12-31T23:59:59Z"}
    (sessions_dir / "ver.json").write_text(json.dumps({"session": {"1": far}}))
    (sessions_dir / "bom.json").write_bytes(b"\xef\xbb\xbf" + good.read_bytes())
    (sessions_dir / "docid.json").write_text(json.dumps({"session": {"4": doc}}))
    (sessions_dir / "anders.json").write_text(json.dumps({"_default": {"1": doc}}))
    assert main(["list", "--sessions-dir", str(sessions_dir)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 6  # the header and five sessions
    for name in ("ver", "bom", "docid", "goed"):
        assert main(["check", name, "--sessions-dir", str(sessions_dir)]) == 0
        assert "In orde" in capsys.readouterr().out
    assert main(["check", "anders", "--sessions-dir", str(sessions_dir)]) == 1
    err = capsys.readouterr().err
    assert "geen sessie van Atelier" in err and len(err.strip().splitlines()) <= 2


def test_a_file_it_may_not_read_is_one_dutch_line(sessions_dir: Path, monkeypatch, capsys) -> None:
    SessionsDir(sessions_dir).create(new_session("Geheim"))
    real_open = os.open

    def guarded(path, *args, **kwargs):
        if str(path).endswith("geheim.json"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    assert main(["check", "geheim", "--sessions-dir", str(sessions_dir)]) == 1
    err = capsys.readouterr().err
    assert "geen toestemming" in err and len(err.strip().splitlines()) == 1
    assert not any(word in err for word in ENGLISH)
    assert main(["list", "--sessions-dir", str(sessions_dir)]) == 0
    assert "kan niet worden geopend" in capsys.readouterr().out


# --- the default sessions folder on a shared server -------------------------------------------


def test_a_default_folder_others_can_write_in_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    os.chmod(folder, 0o777)
    out = run("list", cwd=tmp_path)
    assert out.returncode == 1
    err = text(out.stderr)
    assert "anderen" in err and "--sessions-dir" in err and len(err.strip().splitlines()) <= 2
    assert run("list", "--sessions-dir", str(folder)).returncode == 0  # chosen on purpose
    os.chmod(folder, 0o700)
    assert run("list", cwd=tmp_path).returncode == 0


def test_a_default_folder_made_by_atelier_is_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = run("new", "Najaar", "--niet-openen", cwd=tmp_path, env={"XDG_DATA_HOME": str(data)})
    assert out.returncode == 0, text(out.stderr)
    assert stat.S_IMODE((data / "atelier" / "sessies").stat().st_mode) == 0o700


def test_sessions_are_found_from_any_folder(tmp_path: Path) -> None:
    """Over SSH she starts in her home folder: the sessions are in her own folder, not in ./sessions."""
    data = tmp_path / "data"
    env = {"XDG_DATA_HOME": str(data)}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert run("new", "Najaar", "--niet-openen", cwd=tmp_path / "a", env=env).returncode == 0
    listed = run("list", cwd=tmp_path / "b", env=env)
    assert b"najaar" in listed.stdout.lower()
    assert not (tmp_path / "a" / "sessions").exists() and not (tmp_path / "b" / "sessions").exists()
    # a project folder with its own ./sessions keeps using it
    (tmp_path / "b" / "sessions").mkdir(mode=0o700)
    assert b"najaar" not in run("list", cwd=tmp_path / "b", env=env).stdout.lower()


def test_read_only_commands_make_no_folders(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {"XDG_DATA_HOME": str(data)}
    assert run("list", cwd=tmp_path, env=env).returncode == 0
    run("check", "nergens", cwd=tmp_path, env=env)
    run("export", "nergens", cwd=tmp_path, env=env)
    assert not data.exists() and not (tmp_path / "sessions").exists()


# --- nothing raw reaches the terminal -----------------------------------------------------------

PAYLOADS = {
    "osc52": "\x1b]52;c;aGFjaw==\x07",
    "title": "\x1b]0;gehackt\x07",
    "link": "\x1b]8;;https://example.invalid\x1b\\klik\x1b]8;;\x1b\\",
    "colour": "\x1b[31mrood\x1b[0m",
    "c1": "\x9b31m",
}


def assert_clean(out: subprocess.CompletedProcess) -> None:
    for stream in (out.stdout, out.stderr):
        assert b"\x1b" not in stream and b"\x07" not in stream
        assert not CONTROL.search(text(stream)), text(stream)


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_names_paths_and_arguments_are_cleaned_before_printing(payload: str, tmp_path: Path) -> None:
    in_name = payload.replace("/", "")  # a file name cannot hold a slash
    folder = tmp_path / f"map{in_name}"
    sessies = SessionsDir(folder)
    assert_clean(run("list", "--sessions-dir", str(folder)))  # the empty folder's path
    session = new_session("Schoon")
    path = sessies.create(session)
    data = json.loads(path.read_bytes())
    data["session"]["1"]["gemeente"] = f"Linde{payload}waard"
    (folder / f"naam{in_name}.json").write_text(json.dumps(data))
    out = run("list", "--sessions-dir", str(folder))
    assert out.returncode == 0 and b"Linde" in out.stdout
    assert_clean(out)
    assert_clean(run("check", f"naam{in_name}.json", "--sessions-dir", str(folder)))
    assert_clean(run("open", "schoon", "--step", payload, "--sessions-dir", str(folder)))
    assert_clean(run("import", str(tmp_path / f"weg{payload}.json"), "--sessions-dir", str(folder)))
    assert_clean(run("export", "schoon", "-o", str(folder / f"x{in_name}.md"), "--sessions-dir", str(folder)))
    assert_clean(run("export", "schoon", "-f", payload, "--sessions-dir", str(folder)))
    assert_clean(run("check", payload, "--sessions-dir", str(folder)))


def test_a_file_name_that_is_not_utf8_is_printed_cleanly(sessions_dir: Path) -> None:
    path = SessionsDir(sessions_dir).create(new_session("Raar"))
    os.rename(path, os.path.join(os.fsencode(sessions_dir), b"raar\x9b\xff.json"))
    out = run("list", "--sessions-dir", str(sessions_dir))
    assert out.returncode == 0
    assert_clean(out)


# --- a crash -------------------------------------------------------------------------------


def test_a_crash_prints_one_dutch_line_and_logs_the_traceback(tmp_path: Path, monkeypatch, capsys) -> None:
    def broken(args):
        geheim = "wachtwoord-van-de-griffie"  # a local variable must never be printed
        raise RuntimeError(f"kapot {len(geheim)}")

    monkeypatch.setitem(cli.COMMANDS, "list", broken)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("ATELIER_DEBUG", raising=False)
    assert main(["list", "--sessions-dir", str(tmp_path / "s")]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and "wachtwoord" not in err
    (log,) = (tmp_path / "state" / "atelier").iterdir()
    assert str(log) in err
    content = log.read_text()
    assert "Traceback" in content and "RuntimeError" in content and "wachtwoord-van-de-griffie" not in content
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    monkeypatch.setenv("ATELIER_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["list", "--sessions-dir", str(tmp_path / "s")])


@pytest.mark.parametrize("answer, written", [(b"j\n", True), (b"\n", False)])
def test_export_asks_before_replacing_a_file_when_there_is_a_terminal(two, tmp_path: Path, answer, written) -> None:
    alpha, _ = two
    target = tmp_path / "verslag.md"
    target.write_text("oud verslag")
    # Standard input and error are the terminal (the question is asked there); standard output is not.
    with atelier("export", alpha, "-o", target, stdout=subprocess.DEVNULL) as term:
        term.wait_for(b"[j/N]")
        asked = term.seen
        term.write(answer)
        term.wait_exit(30)
    assert term.proc.returncode == (0 if written else 1)
    assert "bestaat al. Vervangen?" in asked.decode()
    assert (target.read_text() != "oud verslag") is written
