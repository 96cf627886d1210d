"""Damaged, invalid and future session files: never overwritten, kept aside, backups offered."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from atelier_tui.domain.session import Afspraak, Ladder, Session, Trede
from atelier_tui.store import atomic, backups
from atelier_tui.store.repository import (
    BackupInfo,
    CorruptSession,
    ReadOnlyError,
    SessionLocked,
    SessionsDir,
    StoreError,
    UnsafePath,
    list_backups,
    open_session,
    restore_backup,
)
from atelier_tui.teksten import store as t

FIXTURES = Path(__file__).parent / "store_fixtures"


def make_session(naam: str = "Begroting 2027") -> Session:
    return Session(naam=naam, ladder=Ladder(treden=[Trede(key="a", naam="A"), Trede(key="b", naam="B")]))


def _doc_bytes(mutate) -> bytes:
    doc = make_session().model_dump(mode="json")
    mutate(doc)
    return json.dumps({"session": {"1": doc}}).encode()


def _invalid_model(doc: dict) -> None:
    doc["kaarten"] = [{"kolom": "rood", "tekst": "x"}]


def _no_version(doc: dict) -> None:
    del doc["schema_version"]


def _negative_version(doc: dict) -> None:
    doc["schema_version"] = -1


BAD_FILES = {
    "truncated": lambda good: good[: len(good) // 2],
    "trailing-garbage": lambda good: good + b"\n}{garbage",
    "extra-brace": lambda good: good + b"}",
    "empty": lambda good: b"",
    "non-json": lambda good: b"\x00\x01\xff dit is geen sessie",
    "not-utf8": lambda good: good.replace(b"Begroting", b"Begr\xffting"),
    "json-list": lambda good: b"[1, 2, 3]",
    "no-session-table": lambda good: b'{"_default": {}}',
    "two-documents": lambda good: json.dumps({"session": {"1": {}, "2": {}}}).encode(),
    "invalid-model": lambda good: _doc_bytes(_invalid_model),
    "no-version": lambda good: _doc_bytes(_no_version),
    "negative-version": lambda good: _doc_bytes(_negative_version),
}


@pytest.fixture
def saved(tmp_path: Path) -> tuple[SessionsDir, Path, bytes]:
    """A session opened and saved three times (three backups); returns the folder, file, good bytes."""
    sessies = SessionsDir(tmp_path / "sessies")
    path = sessies.create(make_session())
    for i in range(3):
        with open_session(path) as opened:
            opened.session.opbrengst.afspraken.append(Afspraak(tekst=f"afspraak {i}"))
            assert opened.save().ok
    return sessies, path, path.read_bytes()


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_damaged_file_is_kept_aside_and_backup_offered(saved, kind: str) -> None:
    sessies, path, good = saved
    bad = BAD_FILES[kind](good)
    path.write_bytes(bad)
    with pytest.raises(CorruptSession) as info:
        open_session(path)
    exc = info.value
    # Kept aside byte-identical, under a name that is not a session file.
    assert exc.moved_to is not None and exc.moved_to.read_bytes() == bad
    assert re.fullmatch(r"begroting-2027\.json\.beschadigd-\d{8}-\d{6}(-\d+)?", exc.moved_to.name)
    assert exc.moved_to.parent == sessies.path
    assert not path.exists()
    assert sessies.list() == []
    # The newest backup that loads is offered, in plain Dutch.
    assert isinstance(exc.backup, BackupInfo)
    assert exc.backup == list_backups(path)[0]
    assert "kan niet worden geopend" in exc.message
    assert "apart gezet" in exc.message and "reservekopie" in exc.message
    assert str(exc) == exc.message
    # Restoring brings back the last good state that was opened.
    restore_backup(path, exc.backup)
    with open_session(path) as opened:
        assert [a.tekst for a in opened.session.opbrengst.afspraken] == ["afspraak 0", "afspraak 1"]
        assert opened.save().ok
    assert exc.moved_to.read_bytes() == bad  # still there


@pytest.mark.parametrize("kind", ["truncated", "invalid-model", "no-version"])
def test_read_only_open_of_damaged_file_moves_nothing(saved, kind: str) -> None:
    sessies, path, good = saved
    bad = BAD_FILES[kind](good)
    path.write_bytes(bad)
    before = sorted(os.listdir(sessies.path))
    with pytest.raises(CorruptSession) as info:
        open_session(path, writable=False)
    assert info.value.moved_to is None
    assert "niets aan het bestand veranderd" in info.value.message
    assert path.read_bytes() == bad
    assert sorted(os.listdir(sessies.path)) == before
    # Restoring over a file that is still there keeps that file aside as well.
    restore_backup(path, info.value.backup)
    kept = [n for n in os.listdir(sessies.path) if ".vervangen-" in n]
    assert len(kept) == 1 and (sessies.path / kept[0]).read_bytes() == bad
    with open_session(path) as opened:
        assert opened.session.naam == "Begroting 2027"


def test_reasons_are_specific(saved) -> None:
    _, path, good = saved
    path.write_bytes(BAD_FILES["invalid-model"](good))
    with pytest.raises(CorruptSession) as info:
        open_session(path, writable=False)
    assert "kaarten › nr. 1 › kolom: onbekende waarde 'rood'" in info.value.reason
    path.write_bytes(BAD_FILES["no-version"](good))
    with pytest.raises(CorruptSession) as info:
        open_session(path, writable=False)
    assert info.value.reason == t.VERSION_MISSING
    path.write_bytes(BAD_FILES["truncated"](good))
    with pytest.raises(CorruptSession) as info:
        open_session(path, writable=False)
    assert info.value.reason == t.REASON_DAMAGED


def test_newest_backup_damaged_too_offers_the_one_before(saved) -> None:
    _, path, good = saved
    backups = list_backups(path)
    backups[0].path.write_bytes(b"{kapot")
    path.write_bytes(good[:10])
    with pytest.raises(CorruptSession) as info:
        open_session(path)
    assert info.value.backup == backups[1]
    with pytest.raises(StoreError) as bad:
        restore_backup(path, backups[0])
    assert bad.value.message == t.BACKUP_BAD
    assert not path.exists()


def test_no_backup_at_all(tmp_path: Path) -> None:
    path = tmp_path / "los.json"
    path.write_bytes(b"{")
    with pytest.raises(CorruptSession) as info:
        open_session(path)
    assert info.value.backup is None
    assert "geen bruikbare reservekopie" in info.value.message


def test_restore_refuses_a_file_that_is_no_backup_of_this_session(saved, tmp_path: Path) -> None:
    _, path, good = saved
    elsewhere = tmp_path / "elders.json"
    elsewhere.write_bytes(good)
    with pytest.raises(UnsafePath):
        restore_backup(path, elsewhere)
    with pytest.raises(UnsafePath):
        restore_backup(path, list_backups(path)[0].path.parent / ".." / ".." / "elders.json")


def test_restore_refused_while_open_elsewhere(saved) -> None:
    _, path, _ = saved
    backup = list_backups(path)[0]
    with open_session(path), pytest.raises(SessionLocked):
        restore_backup(path, backup)


def test_damaged_file_while_locked_elsewhere_is_not_moved(saved) -> None:
    _, path, good = saved
    with open_session(path) as writer:
        path.write_bytes(b"{kapot")
        with pytest.raises(CorruptSession) as info:
            open_session(path)
        assert info.value.moved_to is None and path.read_bytes() == b"{kapot"
        writer.close()


def test_future_version_opens_read_only_with_unknown_fields_dropped(tmp_path: Path) -> None:
    sessies = SessionsDir(tmp_path / "sessies")
    path = sessies.path / "toekomst.json"
    shutil.copy(FIXTURES / "sessie-v99.json", path)
    original = path.read_bytes()
    opened = open_session(path)
    assert opened.read_only and opened.read_only_reason == t.READ_ONLY_NEWER
    assert "nieuwere versie" in opened.read_only_reason
    assert opened.session.naam == "Participatie in Zeewolde"
    assert opened.session.schema_version == 99
    assert "nieuw_veld" not in opened.session.model_dump()
    with pytest.raises(ReadOnlyError):
        opened.save()
    # The lock is left free, no backup is made, nothing changes on disk.
    with open_session(path) as second:
        assert second.read_only_reason == t.READ_ONLY_NEWER
    opened.close()
    assert path.read_bytes() == original
    assert list_backups(path) == []
    (info,) = sessies.list()
    assert info.probleem == t.PROBLEM_NEWER


def test_future_version_that_does_not_validate_is_not_moved(tmp_path: Path) -> None:
    doc = json.loads((FIXTURES / "sessie-v99.json").read_text())
    doc["session"]["1"]["naam"] = ""
    path = tmp_path / "toekomst.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(CorruptSession) as info:
        open_session(path)
    assert info.value.moved_to is None and path.exists()
    assert "nieuwere versie" in info.value.message


def test_move_aside_names_never_collide(saved) -> None:
    _, path, good = saved
    moved = []
    for _ in range(3):
        path.write_bytes(b"{")
        with pytest.raises(CorruptSession) as info:
            open_session(path)
        moved.append(info.value.moved_to)
    assert len(set(moved)) == 3 and all(m.exists() for m in moved)


def test_corrupt_detection_never_writes_the_damaged_path(saved, monkeypatch: pytest.MonkeyPatch) -> None:
    _, path, good = saved
    path.write_bytes(b"{half")
    writes: list[str] = []
    real = atomic.atomic_write_bytes

    def spy(p, d, **kw):
        writes.append(str(p))
        return real(p, d, **kw)

    for module in (atomic, backups):  # every module of the store that writes files
        monkeypatch.setattr(module, "atomic_write_bytes", spy)
    with pytest.raises(CorruptSession):
        open_session(path)
    assert str(path) not in writes
