"""A file changed under an open session is kept, backups are ordered by number, every save is noticed."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from atelier_tui.domain.session import Kaart, Ladder, Session, Trede
from atelier_tui.store import backups
from atelier_tui.store.codes import NoticeCode, ReadOnly, SaveFailed, Unreadable
from atelier_tui.store.repository import (
    CHANGED_MARK,
    CorruptSession,
    SessionsDir,
    file_stamp,
    list_backups,
    newest_good_backup,
    open_session,
)
from atelier_tui.teksten import store as t


def make_session(naam: str = "Begroting 2027") -> Session:
    return Session(naam=naam, ladder=Ladder(treden=[Trede(key="a", naam="A"), Trede(key="b", naam="B")]))


@pytest.fixture
def sessies(tmp_path: Path) -> SessionsDir:
    return SessionsDir(tmp_path / "sessies")


def card_ids(path: Path) -> list[str]:
    return [k["id"] for k in json.loads(path.read_bytes())["session"]["1"]["kaarten"]]


def kept_aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + CHANGED_MARK + "*"))


# --- The file changed on disk while the session was open -------------------------------------


def _hand_edit(path: Path) -> bytes:
    """Another program writes the file in place (same inode), as an editor or a sync tool can."""
    data = json.loads(path.read_bytes())
    data["session"]["1"]["gemeente"] = "Met de hand"
    raw = json.dumps(data).encode()
    with open(path, "r+b") as f:
        f.truncate(0)
        f.write(raw)
    return raw


def _restored_copy(path: Path) -> bytes:
    """Someone puts an older version back over it (a new file at the same name)."""
    older = path.with_name("ouder.tmp")
    shutil.copy(path, older)
    data = json.loads(older.read_bytes())
    data["session"]["1"]["kaarten"] = []
    older.write_text(json.dumps(data))
    os.replace(older, path)
    return path.read_bytes()


def _same_size_same_time(path: Path) -> bytes:
    """Bytes changed, size and modification time put back exactly: only inode or ctime tell."""
    st = os.stat(path)
    raw = path.read_bytes().replace(b"Begroting", b"Bagroting")
    with open(path, "r+b") as f:
        f.write(raw)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    return raw


@pytest.mark.parametrize("change", [_hand_edit, _restored_copy, _same_size_same_time])
def test_a_change_on_disk_is_kept_aside_not_overwritten(sessies: SessionsDir, change) -> None:
    path = sessies.create(make_session())
    with open_session(path) as opened:
        opened.session.kaarten.append(Kaart(id="een", kolom="kans", tekst="Een"))
        assert opened.save().ok
        theirs = change(path)
        opened.session.kaarten.append(Kaart(id="twee", kolom="kans", tekst="Twee"))
        result = opened.save()
        assert result.ok
        assert result.notice is not None and result.notice.code is NoticeCode.CHANGED_ON_DISK
        (kept,) = kept_aside(path)
        assert kept.read_bytes() == theirs  # their version, byte for byte
        assert card_ids(path) == ["een", "twee"]  # ours is saved
        assert kept.name in result.notice_text and kept.name in opened.notices[-1]
        # Saving again does not set anything aside any more: our own saves are never "a change".
        for i in range(5):
            opened.session.kaarten[0].stemmen = i
            assert opened.save().notice is None
    assert len(kept_aside(path)) == 1


def test_ordinary_saves_never_set_anything_aside(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    with open_session(path) as opened:
        for i in range(30):  # fast saves of the same size, many within one timestamp tick
            opened.session.kaarten = [Kaart(id="k", kolom="kans", tekst=f"tekst {i % 10}")]
            result = opened.save()
            assert result.ok and result.notice is None
    assert kept_aside(path) == []


def test_file_removed_under_an_open_session_is_written_again_and_said(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    with open_session(path) as opened:
        path.unlink()
        result = opened.save()
        assert result.ok and result.notice.code is NoticeCode.REMOVED_ON_DISK
        assert path.exists()


def test_a_change_that_cannot_be_kept_aside_is_not_overwritten(
    sessies: SessionsDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sessies.create(make_session())
    with open_session(path) as opened:
        theirs = _hand_edit(path)

        def no_rename(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        with monkeypatch.context() as m:
            m.setattr(os, "rename", no_rename)
            result = opened.save()
        assert not result.ok and result.code is SaveFailed.DISK and opened.dirty
        assert "toestemming" in result.message and "Permission" not in result.message
        assert path.read_bytes() == theirs
        assert opened.retry().ok  # once it can be kept aside, ours is saved and theirs kept
        assert kept_aside(path)[0].read_bytes() == theirs


# --- Codes: what happened, and the words for it ----------------------------------------------


def test_the_store_reports_codes_and_the_words_come_from_teksten(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    with open_session(path) as first, open_session(path) as second:
        assert first.read_only_code is None and first.read_only_reason is None
        assert second.read_only_code is ReadOnly.LOCKED and second.read_only_reason == t.READ_ONLY_LOCKED
    with open_session(path, writable=False) as viewer:
        assert viewer.read_only_code is ReadOnly.ASKED
    path.write_bytes(b"{kapot")
    with pytest.raises(CorruptSession) as info:
        open_session(path)
    assert info.value.kind is Unreadable.DAMAGED and info.value.reason == t.REASON_DAMAGED
    assert str(info.value) == info.value.message and "kan niet worden geopend" in info.value.message


# --- Reserve copies are ordered by number, not by the clock ----------------------------------


class _Clock:
    """``datetime`` as the backups module sees it, with a clock that can be wrong."""

    offset = timedelta(0)

    @classmethod
    def now(cls, tz=None):
        return datetime.now(tz) + cls.offset

    strptime = staticmethod(datetime.strptime)


def _with_cards(n: int) -> bytes:
    session = make_session()
    session.kaarten = [Kaart(id=f"k{i}", kolom="kans", tekst=f"Kaart {i}") for i in range(n)]
    return json.dumps({"session": {"1": session.model_dump(mode="json")}}).encode()


def test_newest_copy_is_offered_after_the_clock_was_ahead(sessies: SessionsDir, monkeypatch) -> None:
    path = sessies.path / "begroting-2027.json"
    monkeypatch.setattr(backups, "datetime", _Clock)
    _Clock.offset = timedelta(days=400)  # the laptop's clock is a year ahead
    for n in (1, 2, 3, 4):
        backups.write_backup(path, _with_cards(n))
    _Clock.offset = timedelta(0)  # put right
    backups.write_backup(path, _with_cards(10))
    newest = newest_good_backup(path)
    assert newest is not None
    assert len(json.loads(newest.path.read_bytes())["session"]["1"]["kaarten"]) == 10
    # And pruning keeps the last copies made, not the ones with the latest clock time.
    backups.write_backup(path, _with_cards(11))
    sizes = [len(json.loads(b.path.read_bytes())["session"]["1"]["kaarten"]) for b in list_backups(path)]
    assert sizes == [11, 10, 4, 3, 2]


def test_old_backup_names_are_still_read_and_count_as_older(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    bdir = sessies.path / ".reserve" / "begroting-2027"
    bdir.mkdir(parents=True)
    future = (datetime.now(UTC) + timedelta(days=30)).strftime("%Y%m%d-%H%M%S-%f")
    (bdir / f"{future}.json").write_bytes(_with_cards(3))
    (bdir / f"{future}-2.json").write_bytes(_with_cards(4))
    assert [len(json.loads(b.path.read_bytes())["session"]["1"]["kaarten"]) for b in list_backups(path)] == [4, 3]
    open_session(path).close()  # makes a numbered copy of the file (0 cards)
    listed = list_backups(path)
    assert listed[0].sequence == 1 and listed[0].path.name.startswith("nr")
    assert [b.sequence for b in listed[1:]] == [0, 0]


# --- file_stamp: every save is noticed --------------------------------------------------------


def test_file_stamp_notices_two_same_size_saves_within_one_tick(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    with open_session(path) as opened:
        opened.session.gemeente = "Aaaa"
        assert opened.save().ok
        before = file_stamp(path)
        st = os.stat(path)
        opened.session.gemeente = "Bbbb"  # same size
        assert opened.save().ok
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # as if within one timestamp tick
        after = os.stat(path)
        assert (after.st_size, after.st_mtime_ns) == (st.st_size, st.st_mtime_ns)  # the old check is blind
        assert file_stamp(path) != before
    assert file_stamp(path.with_name("weg.json")) is None


def test_a_change_of_metadata_only_sets_nothing_aside(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    with open_session(path) as opened:
        assert opened.save().ok
        os.chmod(path, 0o600)  # changes the change time, not the content
        result = opened.save()
        assert result.ok and result.notice is None
    assert kept_aside(path) == []
