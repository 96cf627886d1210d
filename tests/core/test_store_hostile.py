"""Hostile names and planted symbolic links: nothing is ever read or written outside the folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from atelier_tui.domain.session import Ladder, Session, Trede
from atelier_tui.store.repository import (
    BACKUP_DIR,
    CorruptSession,
    SessionNotFound,
    SessionsDir,
    UnsafePath,
    lock_path_for,
    open_session,
    restore_backup,
)
from atelier_tui.teksten import store as t

HOSTILE = ["../x", "/etc/x", "", "x" * 2000, "a\x00b", "a\nb", "..", ".", "../../../../tmp/pwn", "~root/x", "C:\\x"]


def make_session(naam: str = "Begroting 2027") -> Session:
    return Session(naam=naam, ladder=Ladder(treden=[Trede(key="a", naam="A"), Trede(key="b", naam="B")]))


def snapshot(folder: Path) -> dict[str, tuple[int, float]]:
    result = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            p = os.path.join(root, name)
            st = os.lstat(p)
            result[p] = (st.st_size, st.st_mtime_ns)
    return result


@pytest.fixture
def world(tmp_path: Path):
    """A sessions folder, and an outside folder with a valid-looking session in it."""
    sessies = SessionsDir(tmp_path / "sessies")
    outside = tmp_path / "buiten"
    outside.mkdir()
    elsewhere = SessionsDir(outside)
    target = elsewhere.create(make_session("Geheim"))
    return sessies, outside, target


@pytest.mark.parametrize("name", HOSTILE, ids=[repr(n)[:20] for n in HOSTILE])
def test_hostile_names_stay_in_the_folder(world, name: str) -> None:
    sessies, outside, _ = world
    before = snapshot(outside)
    etc_x_existed = os.path.lexists("/etc/x")
    path = sessies.path_for(name)
    assert path.parent == sessies.path and re.fullmatch(r"[a-z0-9-]{1,60}\.json", path.name)
    slug = sessies.unique_slug(name)
    created = sessies.create(make_session("Sessie"), slug=slug)
    assert created.parent == sessies.path
    if name.strip("\x00\n"):
        try:
            session = make_session(name)
        except Exception:
            session = None
        if session is not None:
            p = sessies.create(session, slug=sessies.unique_slug(session.naam))
            assert p.parent == sessies.path
            with open_session(p) as opened:
                assert opened.save().ok
    try:
        found = sessies.resolve(name)
    except SessionNotFound:
        pass
    else:
        assert found.parent == sessies.path
    assert snapshot(outside) == before
    assert os.path.lexists("/etc/x") == etc_x_existed
    for entry in os.listdir(sessies.path):
        assert "/" not in entry and "\x00" not in entry and "\n" not in entry


def test_planted_symlink_as_session_file(world) -> None:
    sessies, outside, target = world
    before = snapshot(outside)
    link = sessies.path / "geheim.json"
    link.symlink_to(target)
    (info,) = sessies.list()
    assert info.probleem == t.PROBLEM_LINK and info.naam == "geheim"
    assert sessies.resolve("geheim") == link
    for writable in (True, False):
        with pytest.raises(UnsafePath) as exc:
            open_session(link, writable=writable)
        assert "verwijst naar een andere plek" in exc.value.message
    with pytest.raises(UnsafePath):
        sessies.create(make_session("Geheim"))
    with pytest.raises(UnsafePath):
        sessies.trash(link)
    assert link.is_symlink()
    assert snapshot(outside) == before


def test_planted_dangling_symlink_as_session_file(world) -> None:
    sessies, outside, _ = world
    link = sessies.path / "nieuw.json"
    link.symlink_to(outside / "wordt-aangemaakt.json")
    with pytest.raises(UnsafePath):
        sessies.create(make_session("Nieuw"))
    assert not (outside / "wordt-aangemaakt.json").exists()


def test_symlink_swapped_in_after_opening_is_refused_on_save(world) -> None:
    sessies, outside, target = world
    before = snapshot(outside)
    path = sessies.create(make_session())
    with open_session(path) as opened:
        path.unlink()
        path.symlink_to(target)
        result = opened.save()
        assert not result.ok and "verwijst naar een andere plek" in result.message
        assert opened.dirty
    assert path.is_symlink()
    assert snapshot(outside) == before


@pytest.mark.parametrize("dangling", [False, True])
def test_planted_symlink_as_lock_file(world, dangling: bool) -> None:
    sessies, outside, _ = world
    path = sessies.create(make_session())
    lock_target = outside / "slot"
    if not dangling:
        lock_target.write_text("niet aankomen")
    before = snapshot(outside)
    lock_path_for(path).unlink()  # create() made it; plant a link in its place
    lock_path_for(path).symlink_to(lock_target)
    with pytest.raises(UnsafePath):
        open_session(path)
    with pytest.raises(UnsafePath):
        sessies.trash(path)
    assert snapshot(outside) == before
    assert os.path.lexists(lock_target) == (not dangling)
    with open_session(path, writable=False) as viewer:  # looking is fine: no lock needed
        assert viewer.session.naam == "Begroting 2027"


def test_planted_symlink_as_backup_folder(world) -> None:
    sessies, outside, _ = world
    path = sessies.create(make_session())
    (outside / "begroting-2027").mkdir()
    stale = outside / "begroting-2027" / ".x.json.tmp-abc"
    stale.write_text("van iemand anders")
    before = snapshot(outside)
    (sessies.path / BACKUP_DIR).symlink_to(outside)
    with pytest.raises(UnsafePath) as exc:
        open_session(path)
    assert "verwijst naar een andere plek" in exc.value.message
    assert snapshot(outside) == before and stale.exists()
    # Damaged file with a linked backup folder: still kept aside, no backup offered from outside.
    path.write_bytes(b"{")
    with pytest.raises(CorruptSession) as corrupt:
        open_session(path)
    assert corrupt.value.backup is None
    with pytest.raises(UnsafePath):
        restore_backup(path, sessies.path / BACKUP_DIR / "begroting-2027" / "20260101-000000-000000.json")
    assert snapshot(outside) == before


def test_planted_symlink_as_backup_subfolder(world) -> None:
    sessies, outside, _ = world
    path = sessies.create(make_session())
    (sessies.path / BACKUP_DIR).mkdir()
    (sessies.path / BACKUP_DIR / "begroting-2027").symlink_to(outside)
    before = snapshot(outside)
    with pytest.raises(UnsafePath):
        open_session(path)
    assert snapshot(outside) == before


def test_planted_symlink_as_trash_folder(world) -> None:
    sessies, outside, _ = world
    path = sessies.create(make_session())
    sessies.trash_dir.symlink_to(outside)
    before = snapshot(outside)
    with pytest.raises(UnsafePath):
        sessies.trash(path)
    assert path.exists() and snapshot(outside) == before


def test_trash_refuses_files_outside_the_folder(world) -> None:
    sessies, outside, target = world
    with pytest.raises(UnsafePath):
        sessies.trash(target)
    with pytest.raises(UnsafePath):
        sessies.trash(sessies.path / ".." / "buiten" / target.name)
    assert target.exists()
