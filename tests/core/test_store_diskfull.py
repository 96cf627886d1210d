"""A full disk, a read-only folder, I/O errors: save() says so, keeps the file and tries again."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from atelier_tui.domain.session import Kaart, Ladder, Session, Trede
from atelier_tui.store import atomic
from atelier_tui.store.codes import SaveFailed, failure_of
from atelier_tui.store.repository import SessionsDir, list_backups, open_session
from atelier_tui.teksten import store as t


def make_session(naam: str = "Begroting 2027") -> Session:
    return Session(naam=naam, ladder=Ladder(treden=[Trede(key="a", naam="A"), Trede(key="b", naam="B")]))


def temps(folder: Path) -> list[str]:
    return [n for n in os.listdir(folder) if atomic.TMP_MARKER in n]


def fail(code: int):
    def boom(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return boom


def inject(monkeypatch: pytest.MonkeyPatch, where: str, code: int) -> None:
    if where == "write":
        real_write = os.write

        def partial(fd, data):  # half of the data gets out, then the error
            if len(data) > 1:
                return real_write(fd, bytes(data[: len(data) // 2]))
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(os, "write", partial)
    elif where == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", fail(code))
    elif where == "fsync":
        monkeypatch.setattr(os, "fsync", fail(code))
    elif where == "replace":
        monkeypatch.setattr(os, "replace", fail(code))
    else:  # the whole atomic write, as the storage sees it
        monkeypatch.setattr(atomic, "atomic_write_bytes", fail(code))


CASES = [
    ("write", errno.ENOSPC, "de schijf is vol"),
    ("mkstemp", errno.ENOSPC, "de schijf is vol"),
    ("fsync", errno.EIO, "de schijf meldt een fout"),
    ("replace", errno.EROFS, "alleen worden gelezen"),
    ("mkstemp", errno.EACCES, "geen toestemming"),
    ("atomic", errno.EDQUOT, "ruimte op de schijf is op"),
    ("atomic", errno.EMFILE, "het bestand kon niet worden geschreven"),
]


@pytest.mark.parametrize(("where", "code", "reason"), CASES, ids=[f"{w}-{errno.errorcode[c]}" for w, c, _ in CASES])
def test_failed_save_keeps_everything_and_retries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: int, reason: str
) -> None:
    sessies = SessionsDir(tmp_path / "sessies")
    path = sessies.create(make_session())
    with open_session(path) as opened:
        opened.session.kaarten.append(Kaart(id="eerste", kolom="kans", tekst="Eerste kaart"))
        assert opened.save().ok
        good = path.read_bytes()

        opened.session.kaarten.append(Kaart(id="tweede", kolom="kans", tekst="Tweede kaart"))
        with monkeypatch.context() as m:
            inject(m, where, code)
            result = opened.save()
            assert not result.ok
            assert result.message.startswith("Niet opgeslagen")
            assert reason in result.message
            assert "Uw werk staat nog op het scherm" in result.message
            assert opened.dirty and opened.last_error == result.message
            # Still failing: the retry says so too, and nothing is lost.
            opened.session.kaarten.append(Kaart(id="derde", kolom="knelpunt", tekst="Derde kaart"))
            assert not opened.retry().ok and opened.dirty
        # The fault is gone: on disk is still exactly the last good save, and no temp files.
        assert path.read_bytes() == good
        assert temps(sessies.path) == []
        with open_session(path, writable=False) as viewer:
            assert [k.id for k in viewer.session.kaarten] == ["eerste"]
        result = opened.retry()
        assert result.ok and not opened.dirty and opened.last_error is None
    with open_session(path, writable=False) as viewer:
        assert [k.id for k in viewer.session.kaarten] == ["eerste", "tweede", "derde"]


def test_every_message_is_dutch_and_plain() -> None:
    for code in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO, errno.EDQUOT, errno.ENOENT):
        msg = t.not_saved(SaveFailed.DISK, failure_of(OSError(code, "x")))
        assert msg.startswith("Niet opgeslagen")
        for jargon in ("errno", "OSError", "ENOSPC", "fsync", "JSON", "TinyDB", "Traceback"):
            assert jargon not in msg
    assert t.not_saved(SaveFailed.UNEXPECTED).startswith("Niet opgeslagen")


def test_unexpected_error_while_saving_is_reported_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sessies = SessionsDir(tmp_path / "sessies")
    path = sessies.create(make_session())
    good = path.read_bytes()
    with open_session(path) as opened:
        monkeypatch.setattr(
            atomic, "encode_tables", lambda data: (_ for _ in ()).throw(UnicodeEncodeError("utf-8", "", 0, 1, "x"))
        )
        result = opened.save()
        assert not result.ok and result.message.startswith("Niet opgeslagen")
        assert opened.dirty
        monkeypatch.undo()
        assert path.read_bytes() == good
        assert opened.retry().ok


def test_full_disk_while_opening_still_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sessies = SessionsDir(tmp_path / "sessies")
    path = sessies.create(make_session())
    good = path.read_bytes()
    with monkeypatch.context() as m:
        m.setattr(tempfile, "mkstemp", fail(errno.ENOSPC))
        with open_session(path) as opened:
            assert not opened.read_only
            assert t.BACKUP_NOT_MADE in opened.notices
            assert not opened.save().ok
    assert path.read_bytes() == good
    assert list_backups(path) == []


def test_failed_periodic_backup_does_not_fail_the_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from atelier_tui.store import backups

    sessies = SessionsDir(tmp_path / "sessies")
    path = sessies.create(make_session())
    with open_session(path) as opened:
        monkeypatch.setattr(backups, "BACKUP_INTERVAL", 0.0)
        tried: list[str] = []

        def only_backups_fail(p, data, **kw):
            tried.append(str(p))
            raise OSError(errno.ENOSPC, "vol")

        monkeypatch.setattr(backups, "atomic_write_bytes", only_backups_fail)
        assert opened.save().ok and not opened.dirty
        assert tried and all(backups.BACKUP_DIR in p for p in tried)  # a reserve copy was tried, and failed


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write in a read-only folder")
def test_read_only_folder(tmp_path: Path) -> None:  # pragma: no cover - only runs as a normal user
    sessies = SessionsDir(tmp_path / "sessies")
    path = sessies.create(make_session())
    with open_session(path) as opened:
        good = path.read_bytes()
        os.chmod(sessies.path, 0o555)
        try:
            opened.session.kaarten.append(Kaart(kolom="kans", tekst="x"))
            result = opened.save()
            assert not result.ok and "toestemming" in result.message
            assert path.read_bytes() == good
        finally:
            os.chmod(sessies.path, 0o755)
        assert opened.retry().ok


def test_folder_without_write_access_opens_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sessies = SessionsDir(tmp_path / "sessies")
    path = sessies.create(make_session())
    (sessies.path / ".begroting-2027.json.lock").unlink()
    real_open = os.open

    def no_create(p, flags, *args, **kwargs):
        if str(p).endswith(".lock"):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(p, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_create)
    with open_session(path) as opened:
        assert opened.read_only and opened.read_only_reason == t.READ_ONLY_NO_WRITE
