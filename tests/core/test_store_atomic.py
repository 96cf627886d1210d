"""Atomic writes and the TinyDB storage (store/atomic.py)."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from tinydb import TinyDB

from atelier_tui.domain.session import Kaart, Ladder, Session, Trede
from atelier_tui.store import atomic
from atelier_tui.store.atomic import (
    AtomicJSONStorage,
    RawJSON,
    atomic_write_bytes,
    encode_tables,
    read_bytes_nofollow,
)
from atelier_tui.store.slug import UnsafePath


def make_session(naam: str = "Begroting 2027") -> Session:
    return Session(naam=naam, ladder=Ladder(treden=[Trede(key="a", naam="A"), Trede(key="b", naam="B")]))


def temps(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if atomic.TMP_MARKER in n)


def test_atomic_write_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    atomic_write_bytes(target, b"een")
    assert target.read_bytes() == b"een"
    atomic_write_bytes(target, "twee ë".encode())
    assert target.read_text(encoding="utf-8") == "twee ë"
    assert os.listdir(tmp_path) == ["x.json"]


def test_atomic_write_fsyncs_file_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    dir_synced: list[str] = []
    real_fsync_dir = atomic.fsync_dir
    monkeypatch.setattr(atomic, "fsync_dir", lambda d: (dir_synced.append(str(d)), real_fsync_dir(d))[1])
    atomic_write_bytes(tmp_path / "x.json", b"data")
    assert len(synced) >= 2  # the temp file, then the folder
    assert dir_synced == [str(tmp_path)]


@pytest.mark.parametrize(
    "target",
    ["mkstemp", "write", "fsync", "replace"],
)
def test_atomic_write_failure_keeps_original_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    path = tmp_path / "x.json"
    atomic_write_bytes(path, b"origineel")

    def boom(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if target == "mkstemp":
        monkeypatch.setattr(atomic.tempfile, "mkstemp", boom)
    elif target == "write":
        real_write = os.write

        def half_then_full(fd, data):  # a partial write, then the disk is full
            if len(data) > 1:
                return real_write(fd, bytes(data[: len(data) // 2]))
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "write", half_then_full)
    elif target == "fsync":
        monkeypatch.setattr(os, "fsync", lambda fd: boom())
    else:
        monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError) as info:
        atomic_write_bytes(path, b"nieuw" * 1000)
    assert info.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert path.read_bytes() == b"origineel"
    assert temps(tmp_path) == []


def test_temp_files_are_hidden_and_named_after_the_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append(os.path.basename(src))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    atomic_write_bytes(tmp_path / "slug.json", b"x")
    assert seen and seen[0].startswith(".slug.json.tmp-")


def test_atomic_write_refuses_symlink_target(tmp_path: Path) -> None:
    outside = tmp_path / "buiten.txt"
    outside.write_bytes(b"geheim")
    link = tmp_path / "map"
    link.mkdir()
    (link / "x.json").symlink_to(outside)
    with pytest.raises(UnsafePath):
        atomic_write_bytes(link / "x.json", b"overschreven")
    assert outside.read_bytes() == b"geheim"
    assert (link / "x.json").is_symlink()
    assert temps(link) == []


def test_read_refuses_symlink_and_non_files(tmp_path: Path) -> None:
    outside = tmp_path / "buiten.json"
    outside.write_text("{}")
    (tmp_path / "link.json").symlink_to(outside)
    with pytest.raises(UnsafePath) as info:
        read_bytes_nofollow(tmp_path / "link.json")
    assert "verwijst naar een andere plek" in info.value.message
    (tmp_path / "map.json").mkdir()
    with pytest.raises(UnsafePath):
        read_bytes_nofollow(tmp_path / "map.json")
    os.mkfifo(tmp_path / "fifo.json")
    with pytest.raises(UnsafePath):  # and does not hang
        read_bytes_nofollow(tmp_path / "fifo.json")


def test_storage_reads_the_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"session": {"1": {"a": 1}}}))
    storage = AtomicJSONStorage(path)
    calls = []
    real = atomic.read_bytes_nofollow
    monkeypatch.setattr(atomic, "read_bytes_nofollow", lambda p: (calls.append(p), real(p))[1])
    assert storage.read() == {"session": {"1": {"a": 1}}}
    assert storage.read() == {"session": {"1": {"a": 1}}}
    storage.write({"session": {"1": {"a": 2}}})
    assert storage.read() == {"session": {"1": {"a": 2}}}
    assert len(calls) == 1


def test_storage_with_initial_never_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic, "read_bytes_nofollow", lambda p: pytest.fail("read the file"))
    storage = AtomicJSONStorage(tmp_path / "x.json", initial={"t": {"1": {"a": 1}}})
    assert storage.read() == {"t": {"1": {"a": 1}}}
    assert AtomicJSONStorage(tmp_path / "y.json", initial=None).read() is None


def test_storage_missing_file_is_empty_and_not_created(tmp_path: Path) -> None:
    storage = AtomicJSONStorage(tmp_path / "x.json")
    assert storage.read() is None
    assert not (tmp_path / "x.json").exists()


def test_storage_cache_changes_only_after_a_successful_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    table = db.table("session")
    table.insert({"naam": "een", "lijst": [1]})
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError(errno.ENOSPC, "vol")

    monkeypatch.setattr(atomic, "atomic_write_bytes", boom)
    with pytest.raises(OSError):
        table.update({"naam": "twee"}, doc_ids=[1])
    with pytest.raises(OSError):
        table.update(lambda doc: doc.clear(), doc_ids=[1])
    assert table.get(doc_id=1) == {"naam": "een", "lijst": [1]}
    monkeypatch.undo()
    assert path.read_bytes() == before
    table.update({"naam": "drie"}, doc_ids=[1])
    assert json.loads(path.read_text())["session"]["1"] == {"naam": "drie", "lijst": [1]}


def test_storage_writes_compact_utf8(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    TinyDB(path, storage=AtomicJSONStorage).table("session").insert({"tekst": 'één "x" \n'})
    raw = path.read_bytes()
    assert "één".encode() in raw
    assert b": " not in raw and b", " not in raw
    assert json.loads(raw) == {"session": {"1": {"tekst": 'één "x" \n'}}}


def test_raw_json_documents_are_spliced_in(tmp_path: Path) -> None:
    doc = {"naam": "x", "lijst": [1, {"a": "é"}]}
    tables = {"andere": {"3": {"b": 2}}, "session": {"1": RawJSON(json.dumps(doc).encode())}}
    assert json.loads(encode_tables(tables)) == {"andere": {"3": {"b": 2}}, "session": {"1": doc}}
    path = tmp_path / "x.json"
    storage = AtomicJSONStorage(path, initial=None)
    storage.write(tables)
    assert storage.last_bytes == path.read_bytes()
    # Read back through TinyDB: the raw document is parsed when somebody asks for it.
    db = TinyDB(path, storage=AtomicJSONStorage, initial=tables)
    assert db.table("session").get(doc_id=1) == doc
    assert TinyDB(path).table("session").get(doc_id=1) == doc  # plain TinyDB reads it too


def test_tinydb_file_loads_back_into_an_equal_session(tmp_path: Path) -> None:
    session = make_session("Één sessie")
    session.kaarten.append(Kaart(kolom="kans", tekst='Regel 1\nRegel 2 "quotes" ünïcode 🎉'))
    path = tmp_path / "x.json"
    TinyDB(path, storage=AtomicJSONStorage).table("session").insert(session.model_dump(mode="json"))
    loaded = json.loads(path.read_bytes())["session"]["1"]
    assert loaded == session.model_dump(mode="json")
    assert Session.model_validate(loaded) == session
    assert temps(tmp_path) == []
