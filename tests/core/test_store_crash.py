"""kill -9 at random moments never costs an acknowledged item; a second process gets read-only.

A writer process (tests/core/helpers/writer.py, run with ``sys.executable``) adds cards and saves,
printing each card's id after ``save()`` returned ok. The test kills it with SIGKILL at random
moments, then checks that the file loads and holds every printed id. Most kills go through the
writer's fork server (one interpreter start, a fresh forked writer per kill); some use a fresh
interpreter per kill, so that kills also land during start-up and opening.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from atelier_tui.domain.session import Ladder, Session, Trede
from atelier_tui.store import atomic
from atelier_tui.store.repository import (
    BACKUP_DIR,
    BACKUPS_KEPT,
    ReadOnlyError,
    SessionsDir,
    list_backups,
    open_session,
)
from atelier_tui.teksten import store as t

WRITER = Path(__file__).parent / "helpers" / "writer.py"
FORK_KILLS_PER_WORKER = 160  # two workers: 320 kills
FRESH_KILLS_PER_WORKER = 12  # two workers: 24 kills
KILLS_PER_FILE = 40
ITEMS_PER_RUN = 25


def make_session(naam: str) -> Session:
    return Session(naam=naam, ladder=Ladder(treden=[Trede(key="a", naam="A"), Trede(key="b", naam="B")]))


def temp_files(path: Path) -> list[str]:
    """Temp files of this session: next to it, and in its backup folder."""
    found = [n for n in os.listdir(path.parent) if n.startswith(atomic.temp_prefix(path.name))]
    backups = path.parent / BACKUP_DIR / path.stem
    if backups.is_dir():
        found += [f"{BACKUP_DIR}/{n}" for n in os.listdir(backups) if atomic.TMP_MARKER in n]
    return found


def check(path: Path, acknowledged: set[str], at_rest: bool = False) -> None:
    """The file loads and holds every acknowledged card; at most the one temp file of the kill."""
    leftovers = temp_files(path)
    assert len(leftovers) <= (0 if at_rest else 1), leftovers
    assert not [n for n in os.listdir(path.parent) if ".beschadigd-" in n]
    with open_session(path, writable=False) as viewer:
        ids = {k.id for k in viewer.session.kaarten}
    missing = acknowledged - ids
    assert not missing, f"acknowledged but lost: {sorted(missing)[:5]}"
    assert len(list_backups(path)) <= BACKUPS_KEPT


def parse(lines: list[str]) -> list[str]:
    bad = [line for line in lines if line.startswith(("error", "failed", "read-only", "Traceback"))]
    assert not bad, bad
    ids = [line for line in lines if line and not line.startswith(("pid ", "ready", "done"))]
    garbled = [i for i in ids if not re.fullmatch(r"w\d+r\d+-\d+", i)]
    assert not garbled, garbled
    return ids


class ForkServer:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )

    def _send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def _line(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, "the fork server stopped"
        return line.rstrip("\n")

    def run_and_kill(self, path: Path, tag: str, delay: float) -> list[str]:
        # A watchdog: if anything hangs, stop the server so that the test fails instead.
        watchdog = threading.Timer(60, self.proc.kill)
        watchdog.start()
        try:
            self._send(f"write {path} {tag} {ITEMS_PER_RUN}")
            first = self._line()
            assert first.startswith("pid "), first
            pid = int(first.split()[1])
            time.sleep(delay)
            os.kill(pid, signal.SIGKILL)  # not yet reaped, so this pid is still our writer
            self._send("reap")
            lines = []
            while not (line := self._line()).startswith("exit "):
                lines.append(line)
        finally:
            watchdog.cancel()
        return parse(lines)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


def run_worker(folder: SessionsDir, worker: int, kills: int, killer, errors: list[BaseException]) -> None:
    try:
        rng = random.Random(1000 + worker)
        path = None
        acknowledged: set[str] = set()
        for n in range(kills):
            if n % KILLS_PER_FILE == 0:
                if path is not None:
                    open_session(path).close()  # opening cleans up after the last kill
                    check(path, acknowledged, at_rest=True)
                path = folder.create(make_session(f"Sessie {worker} {n}"))
                acknowledged = set()
            printed = killer(path, f"w{worker}r{n}", rng)
            acknowledged.update(printed)
            check(path, acknowledged)
        assert path is not None
        open_session(path).close()
        check(path, acknowledged, at_rest=True)
    except BaseException as exc:
        errors.append(exc)


def run_parallel(target, workers: int) -> None:
    errors: list[BaseException] = []
    threads = [threading.Thread(target=target, args=(w, errors)) for w in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    if errors:
        raise errors[0]


def test_sigkill_through_fork_server_never_loses_an_acknowledged_item(tmp_path: Path) -> None:
    folder = SessionsDir(tmp_path / "sessies")
    totals = {"kills": 0, "items": 0}

    def worker(w: int, errors: list[BaseException]) -> None:
        server = ForkServer()
        try:

            def killer(path: Path, tag: str, rng: random.Random) -> list[str]:
                printed = server.run_and_kill(path, tag, rng.uniform(0.0, 0.03))
                totals["kills"] += 1
                totals["items"] += len(printed)
                return printed

            run_worker(folder, w, FORK_KILLS_PER_WORKER, killer, errors)
        finally:
            server.close()

    run_parallel(worker, 2)
    assert totals["kills"] == 2 * FORK_KILLS_PER_WORKER
    assert totals["items"] > 0  # the writers did get work done between kills


def test_sigkill_of_fresh_interpreters_never_loses_an_acknowledged_item(tmp_path: Path) -> None:
    folder = SessionsDir(tmp_path / "sessies")

    def killer(path: Path, tag: str, rng: random.Random) -> list[str]:
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), "write", str(path), tag, str(ITEMS_PER_RUN)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        if rng.random() < 0.3:
            time.sleep(rng.uniform(0.0, 0.25))  # during start-up or opening
        else:
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.0, 0.03))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=10)
        return parse(out.splitlines())

    run_parallel(lambda w, errors: run_worker(folder, w, FRESH_KILLS_PER_WORKER, killer, errors), 2)


def test_writer_runs_to_completion(tmp_path: Path) -> None:
    path = SessionsDir(tmp_path).create(make_session("Volledig"))
    out = subprocess.run(
        [sys.executable, str(WRITER), "write", str(path), "x", "5"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.split()
    assert out == ["ready", "x-0", "x-1", "x-2", "x-3", "x-4", "done"]
    check(path, set(out[1:-1]), at_rest=True)


@pytest.fixture
def holder(tmp_path: Path):
    """A second process that holds a session open for writing."""
    path = SessionsDir(tmp_path / "sessies").create(make_session("Gedeeld"))
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), "hold", str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    yield path, proc
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def test_second_process_gets_read_only(holder) -> None:
    path, proc = holder
    before = path.read_bytes()
    opened = open_session(path)
    assert opened.read_only
    assert opened.read_only_reason == t.READ_ONLY_LOCKED
    assert opened.session.naam == "Gedeeld"
    with pytest.raises(ReadOnlyError):
        opened.save()
    opened.close()
    assert path.read_bytes() == before
    # When the other process ends, the session can be opened for writing.
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=10)
    with open_session(path) as mine:
        assert not mine.read_only and mine.save().ok


def test_lock_is_released_when_the_holder_is_killed(holder) -> None:
    path, proc = holder
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    with open_session(path) as mine:
        assert not mine.read_only


def test_store_never_imports_textual() -> None:
    code = (
        "import sys, atelier_tui.store.repository, atelier_tui.store.atomic, atelier_tui.store.slug, "
        "atelier_tui.store.migrations, atelier_tui.teksten.store, atelier_tui.domain.errors; "
        "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
