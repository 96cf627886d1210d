"""The sessions folder on odd files, read-only or full disks and shared servers; removing sessions."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from atelier_tui.domain.builtin import new_session
from atelier_tui.store import transfer
from atelier_tui.store.codes import ListProblem, Problem
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import (
    CannotRead,
    CannotWrite,
    SessionLocked,
    SessionsDir,
    UnsafePath,
    check_private,
    list_backups,
    open_session,
)

ENGLISH = ("No such file", "Permission denied", "Errno", "Unexpected", "BOM", "Traceback", "Error")


def doc_of(path: Path) -> dict:
    return json.loads(path.read_bytes())["session"]["1"]


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def sessies(tmp_path: Path) -> SessionsDir:
    return SessionsDir(tmp_path / "sessies")


# --- Odd files --------------------------------------------------------------------------------


def test_a_session_dated_near_the_year_9999_lists_and_opens(sessies: SessionsDir) -> None:
    path = sessies.create(new_session("Ver weg"))
    data = json.loads(path.read_bytes())
    data["session"]["1"].update(gewijzigd="9999-12-31T23:59:59Z", aangemaakt="9999-12-31T23:59:59Z")
    data["session"]["1"]["avond1"]["datum"] = "9999-12-31"
    path.write_text(json.dumps(data))
    (info,) = sessies.list()
    assert info.problem is None and info.naam == "Ver weg"
    assert info.gewijzigd is not None and info.gewijzigd.year < 9999  # the file's own time instead
    with open_session(path) as opened:
        assert opened.save().ok


def test_a_byte_order_mark_is_accepted(sessies: SessionsDir) -> None:
    path = sessies.create(new_session("Kladblok"))
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert sessies.list()[0].problem is None
    with open_session(path) as opened:
        assert opened.session.naam == "Kladblok"
        assert opened.save().ok
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_tinydb_file_with_another_document_id_opens_and_is_saved_as_ours(sessies: SessionsDir) -> None:
    path = sessies.create(new_session("Elders"))
    doc = doc_of(path)
    path.write_text(json.dumps({"andere": {"1": {"x": 1}}, "session": {"7": doc}}))
    assert sessies.list()[0].problem is None
    with open_session(path) as opened:
        assert opened.session.naam == "Elders"
        assert opened.save().ok
    data = json.loads(path.read_bytes())
    assert list(data["session"]) == ["1"] and data["andere"] == {"1": {"x": 1}}


def test_another_table_layout_is_no_session_in_dutch(sessies: SessionsDir) -> None:
    path = sessies.create(new_session("Anders"))
    path.write_text(json.dumps({"_default": {"1": doc_of(path)}}))
    (info,) = sessies.list()
    assert info.problem is ListProblem.NOT_A_SESSION


def _deny(monkeypatch: pytest.MonkeyPatch, name: str, code: int = errno.EACCES) -> None:
    real_open = os.open

    def guarded(path, *args, **kwargs):
        if str(path).endswith(name):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)


@pytest.mark.parametrize("code", [errno.EACCES, errno.EIO])
def test_a_file_it_may_not_read_is_a_dutch_error_and_the_list_still_works(sessies, monkeypatch, code) -> None:
    sessies.create(new_session("Geheim"))
    other = sessies.create(new_session("Open"))
    _deny(monkeypatch, "geheim.json", code)
    with pytest.raises(CannotRead) as info:
        open_session(sessies.path / "geheim.json", writable=False)
    assert info.value.code is Problem.CANNOT_READ
    assert "kan niet worden geopend" in info.value.message and "niets aan veranderd" in info.value.message
    assert not any(word in info.value.message for word in ENGLISH)
    listed = {i.path.name: i for i in sessies.list()}
    assert listed["geheim.json"].problem is ListProblem.UNREADABLE
    assert listed["open.json"].problem is None
    open_session(other, writable=False).close()


# --- Read-only and full folders -----------------------------------------------------------------


@pytest.mark.parametrize("where, code", [("open", errno.EROFS), ("open", errno.EACCES), ("write", errno.ENOSPC)])
def test_creating_on_a_read_only_or_full_folder_is_a_dutch_error(sessies, monkeypatch, where, code) -> None:
    with monkeypatch.context() as m:
        if where == "open":
            _deny(m, ".lock", code)
        else:
            m.setattr(os, "write", lambda fd, data: (_ for _ in ()).throw(OSError(code, os.strerror(code))))
        for make in (lambda: sessies.create(new_session("Nieuw")), lambda: create_demo_copy(sessies)):
            with pytest.raises(CannotWrite) as info:
                make()
            assert "kan niet worden geschreven" in info.value.message
            assert not any(word in info.value.message for word in ENGLISH)
    assert [n for n in os.listdir(sessies.path) if n != ".reserve"] == []  # no half file, no lock file


def test_a_sessions_folder_that_cannot_be_made_is_a_dutch_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(os, "mkdir", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.EROFS, "Read-only")))
    with pytest.raises(CannotWrite) as info:
        SessionsDir(tmp_path / "nieuw")
    assert "alleen worden gelezen" in info.value.message


# --- Removing -------------------------------------------------------------------------------


def test_removing_a_session_open_elsewhere_is_refused(sessies: SessionsDir) -> None:
    path = sessies.create(new_session("Bezet"))
    with open_session(path):
        for remove in (sessies.trash, sessies.remove):
            with pytest.raises(SessionLocked) as info:
                remove(path)
            assert "nog geopend in een ander venster" in info.value.message
    assert path.exists()


def test_trash_leaves_no_lock_file_behind(sessies: SessionsDir) -> None:
    for _ in range(3):
        path = sessies.create(new_session("Weg"))
        open_session(path).close()
        sessies.trash(path)
    assert [n for n in os.listdir(sessies.path) if n.endswith(".lock")] == []
    assert len(os.listdir(sessies.trash_dir)) == 3


def test_remove_for_good_takes_file_backups_lock_and_trash_copies(sessies: SessionsDir) -> None:
    for naam in ("Weg", "Weg 2"):  # "Weg 2" is a neighbour whose file name starts the same
        for first in (True, False):  # one copy in the bin, one in the folder
            path = sessies.create(new_session(naam))
            with open_session(path) as opened:
                assert opened.save().ok
            if first:
                sessies.trash(path)
    path, keep = sessies.path / "weg.json", sessies.path / "weg-2.json"
    assert list_backups(path) and len(os.listdir(sessies.trash_dir)) == 2
    sessies.remove(path)
    names = set(os.listdir(sessies.path))
    assert "weg.json" not in names and ".weg.json.lock" not in names
    assert not (sessies.path / ".reserve" / "weg").exists()
    (left,) = os.listdir(sessies.trash_dir)
    assert left.startswith("weg-2-")  # only the neighbour's copy
    assert keep.exists() and list_backups(keep) and ".weg-2.json.lock" in names


# --- Shared servers: private files and folders --------------------------------------------------


def test_files_and_folders_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        sessies = SessionsDir(tmp_path / "sessies")
        path = sessies.create(new_session("Prive"))
        with open_session(path) as opened:
            assert opened.save().ok
        backup = list_backups(path)[0].path
        assert mode(sessies.path) == 0o700
        for item in (path, backup, sessies.path / ".prive.json.lock"):
            assert mode(item) == 0o600, item
        for folder in (backup.parent, backup.parent.parent):
            assert mode(folder) == 0o700, folder
        trashed = sessies.trash(path)
        assert mode(trashed) == 0o600 and mode(sessies.trash_dir) == 0o700
    finally:
        os.umask(old)


def test_a_shared_folder_is_refused_when_private_is_asked(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir(mode=0o700)
    SessionsDir(folder, private=True)
    os.chmod(folder, 0o770)
    with pytest.raises(UnsafePath) as info:
        SessionsDir(folder, private=True)
    assert info.value.code is Problem.FOLDER_NOT_PRIVATE and "--sessions-dir" in info.value.message
    SessionsDir(folder)  # chosen on purpose: allowed
    os.chmod(folder, 0o700)
    if os.geteuid() == 0:
        os.chown(folder, 65534, -1)
        with pytest.raises(UnsafePath) as info:
            check_private(folder)
        assert "andere gebruiker" in info.value.message


def test_import_never_loops_on_a_long_name(sessies: SessionsDir, tmp_path: Path) -> None:
    session = new_session("Een heel lange naam " * 6)
    source = tmp_path / "lang.json"
    source.write_text(json.dumps(session.model_dump(mode="json")))
    made = [transfer.import_session(source, sessies) for _ in range(4)]
    assert len({r.path for r in made}) == 4
    assert [r.renamed for r in made] == [False, True, True, True]
    assert made[3].session.naam.endswith("(4)")
