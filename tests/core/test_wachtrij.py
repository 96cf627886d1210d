"""The phone round's journal (store/wachtrij.py): durable, private, tolerant of a kill mid-write.

The kill -9 test runs a real server in a subprocess, lets phones post until some heard "Ontvangen",
kills the process with SIGKILL and replays the journal: every acknowledged text is there, waiting,
and nothing was approved.
"""

from __future__ import annotations

import asyncio
import errno
import json
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from aiohttp import ClientError, ClientSession, CookieJar

from atelier_tui.domain.ronde import Ronde
from atelier_tui.store import wachtrij as W
from atelier_tui.store.wachtrij import Journal, JournalError, journal_path, leftover
from atelier_tui.teksten import zaal as T

SRC = Path(__file__).parents[2] / "src"


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "gemeente-2025.json"
    path.write_text("{}")
    return path


def test_the_journal_lives_hidden_beside_the_session(session_file):
    assert journal_path(session_file) == session_file.parent / ".gemeente-2025.zaal.jsonl"


def test_append_and_read_back(session_file):
    journal = Journal(session_file)
    assert journal.read() == [] and leftover(session_file) is None
    events = [{"type": "geopend", "id": "r1"}, {"type": "tekst", "tekst": "één \u2603 \n regel"}]
    for event in events:
        journal.append(event)
    assert journal.read() == events
    assert leftover(session_file) == events
    raw = journal.path.read_bytes()
    assert raw.count(b"\n") == 2 and raw.endswith(b"\n")
    assert stat.S_IMODE(os.stat(journal.path).st_mode) == 0o600
    journal.close()
    assert Journal(session_file).read() == events  # another process reads it back


def test_remove_forgets_the_round(session_file):
    journal = Journal(session_file)
    journal.append({"type": "geopend"})
    journal.remove()
    assert not journal.path.exists() and leftover(session_file) is None
    journal.remove()  # twice is fine
    journal.append({"type": "geopend", "id": "r2"})  # a new round
    assert journal.read() == [{"type": "geopend", "id": "r2"}]


def test_a_journal_removed_behind_its_back_is_made_again(session_file):
    journal = Journal(session_file)
    journal.append({"type": "geopend"})
    os.unlink(journal.path)
    journal.append({"type": "sluit"})
    assert leftover(session_file) == [{"type": "sluit"}]


def test_an_empty_journal_is_no_leftover(session_file):
    journal_path(session_file).write_bytes(b"")
    assert leftover(session_file) is None


def test_a_torn_last_line_is_left_out_and_cut_off_before_the_next_append(session_file):
    path = journal_path(session_file)
    path.write_bytes(b'{"type":"geopend","id":"r1"}\n{"type":"tekst","inzending":{"id":"x"')
    assert leftover(session_file) == [{"type": "geopend", "id": "r1"}]
    journal = Journal(session_file)
    assert journal.read() == [{"type": "geopend", "id": "r1"}]
    journal.append({"type": "sluit"})
    assert path.read_bytes() == b'{"type":"geopend","id":"r1"}\n{"type":"sluit"}\n'
    assert journal.read() == [{"type": "geopend", "id": "r1"}, {"type": "sluit"}]


def test_a_torn_only_line_and_garbage_are_tolerated(session_file):
    path = journal_path(session_file)
    path.write_bytes(b'{"type":"geo')
    assert leftover(session_file) is None
    journal = Journal(session_file)
    journal.append({"type": "geopend"})
    assert path.read_bytes() == b'{"type":"geopend"}\n'
    path.write_bytes(b'{"type":"geopend"}\n\xff\xfe\n[1,2]\nnull\n{"type":"sluit"}\n')
    assert Journal(session_file).read() == [{"type": "geopend"}, {"type": "sluit"}]


def test_a_symbolic_link_is_never_followed(session_file, tmp_path):
    target = tmp_path / "elders.txt"
    target.write_text("niet van de zaal")
    journal_path(session_file).symlink_to(target)
    with pytest.raises(JournalError) as info:
        Journal(session_file).append({"type": "geopend"})
    assert info.value.message == T.NIET_ONTVANGEN
    assert target.read_text() == "niet van de zaal"
    assert leftover(session_file) is None


def test_a_full_disk_says_not_received_and_leaves_the_file_as_it_was(session_file, monkeypatch):
    journal = Journal(session_file)
    journal.append({"type": "geopend"})
    before = journal.path.read_bytes()
    real_pwrite = os.pwrite
    calls = []

    def half_then_full(fd, data, offset):
        calls.append(len(data))
        if len(calls) == 1:  # half a line gets out, then the disk is full
            return real_pwrite(fd, bytes(data[: len(data) // 2]), offset)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(W.os, "pwrite", half_then_full)
    with pytest.raises(JournalError) as info:
        journal.append({"type": "tekst", "tekst": "x" * 100})
    assert info.value.message == T.NIET_ONTVANGEN == "Niet ontvangen. Probeer het opnieuw."
    assert info.value.detail == T.JOURNAAL_VOL
    assert isinstance(info.value, OSError)
    assert journal.path.read_bytes() == before
    monkeypatch.setattr(W.os, "pwrite", real_pwrite)
    journal.append({"type": "sluit"})  # the disk has room again
    assert journal.read() == [{"type": "geopend"}, {"type": "sluit"}]


def test_a_failing_fsync_is_not_received(session_file, monkeypatch):
    journal = Journal(session_file)
    journal.append({"type": "geopend"})

    def broken(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(W.os, "fsync", broken)
    with pytest.raises(JournalError) as info:
        journal.append({"type": "sluit"})
    assert info.value.message == T.NIET_ONTVANGEN
    monkeypatch.undo()
    assert journal.read() == [{"type": "geopend"}]


def test_the_journal_cannot_fill_the_disk(session_file, monkeypatch):
    monkeypatch.setattr(W, "MAX_BYTES", 200)
    journal = Journal(session_file)
    journal.append({"type": "geopend"})
    with pytest.raises(JournalError) as info:
        for i in range(100):
            journal.append({"type": "tekst", "n": i})
    assert info.value.detail == T.JOURNAAL_TE_GROOT
    assert journal.path.stat().st_size <= 200


def test_concurrent_appends_from_threads_never_interleave(session_file):
    import threading

    journal = Journal(session_file)

    def write(n: int) -> None:
        for i in range(50):
            journal.append({"type": "tekst", "w": n, "i": i, "pad": "x" * 500})

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    events = journal.read()
    assert len(events) == 200
    assert sorted((e["w"], e["i"]) for e in events) == sorted((n, i) for n in range(4) for i in range(50))


# --- kill -9 of the process that serves the phones --------------------------------------------------------

SERVER = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    from atelier_tui.domain.ronde import Ronde
    from atelier_tui.store.wachtrij import Journal
    from atelier_tui.web.zaal import ZaalServer

    async def main():
        session = Path(sys.argv[1])
        ronde = Ronde("kaarten", "kansen-knelpunten")
        journal = Journal(session)
        journal.append(ronde.geopend_event())
        server = ZaalServer(ronde, journal, "127.0.0.1")
        await server.start()
        print(server.url, flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())
    """
)


async def _phone(url: str, n: int, acknowledged: list[str], stop: asyncio.Event) -> None:
    async with ClientSession(cookie_jar=CookieJar(unsafe=True)) as phone:
        try:
            async with phone.get(url) as response:
                page = await response.text()
            csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
            i = 0
            while not stop.is_set():
                tekst = f"telefoon {n} kaart {i}"
                async with phone.post(url + "kaart", data={"csrf": csrf, "soort": "kans", "tekst": tekst}) as response:
                    page = await response.text()
                if response.status == 200 and "<strong>Ontvangen</strong>" in page:
                    acknowledged.append(tekst)
                i += 1
        except (TimeoutError, ClientError, OSError):
            return  # the server was killed mid-request: that post was never acknowledged


@pytest.mark.parametrize("kills_after", [1, 12, 40])
async def test_kill_9_never_loses_an_acknowledged_text_and_approves_nothing(session_file, kills_after):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(session_file)], stdout=subprocess.PIPE, env=env, text=True
    )
    try:
        url = await asyncio.wait_for(asyncio.to_thread(proc.stdout.readline), 30)
        url = url.strip()
        assert url.startswith("http://127.0.0.1:"), url
        acknowledged: list[str] = []
        stop = asyncio.Event()
        phones = [asyncio.create_task(_phone(url, n, acknowledged, stop)) for n in range(4)]
        while len(acknowledged) < kills_after:
            await asyncio.sleep(0.002)
            assert proc.poll() is None
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        stop.set()
        await asyncio.wait_for(asyncio.gather(*phones), 30)
        seen = list(acknowledged)  # every "Ontvangen" a phone got came from before the kill
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
    events = leftover(session_file)
    assert events is not None
    ronde = Ronde.replay(events)
    texts = [i.tekst for i in ronde.wachtrij]
    missing = set(seen) - set(texts)
    assert not missing, f"acknowledged but lost: {sorted(missing)[:5]}"
    assert len(texts) == len(set(texts))
    assert ronde.getoond == 0 and ronde.niet_getoond == 0 and ronde.besluiten == {}
    assert ronde.ontvangen == len(texts) >= len(seen)
    assert ronde.open  # nobody closed it
    json.dumps(ronde.telling())
    # The facilitator's next process goes on with the same journal.
    journal = Journal(session_file)
    journal.append(ronde.besluit(ronde.wachtrij[0].id, "getoond"))
    assert Ronde.replay(journal.read()).getoond == 1
