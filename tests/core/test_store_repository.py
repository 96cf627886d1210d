"""The session repository: folder, create, list, resolve, open, save, lock, backups, bin."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from atelier_tui.domain.session import SCHEMA_VERSION, Afspraak, Avond, Kaart, Ladder, Session, Trede
from atelier_tui.store import opening
from atelier_tui.store import repository as repo
from atelier_tui.store.repository import (
    BACKUP_DIR,
    BACKUPS_KEPT,
    OpenSession,
    ReadOnlyError,
    SessionExists,
    SessionLocked,
    SessionNotFound,
    SessionsDir,
    list_backups,
    open_session,
)
from atelier_tui.teksten import store as t

FIXTURES = Path(__file__).parent / "store_fixtures"


def make_session(naam: str = "Begroting 2027", **fields) -> Session:
    return Session(naam=naam, ladder=Ladder(treden=[Trede(key="a", naam="A"), Trede(key="b", naam="B")]), **fields)


@pytest.fixture
def sessies(tmp_path: Path) -> SessionsDir:
    return SessionsDir(tmp_path / "sessies")


def on_disk(path: Path) -> dict:
    return json.loads(path.read_bytes())["session"]["1"]


def test_folder_is_created(tmp_path: Path) -> None:
    d = SessionsDir(tmp_path / "a" / "b")
    assert d.path.is_dir() and d.list() == []
    assert d.trash_dir == d.path / ".prullenbak"


def test_create_writes_tinydb_layout(sessies: SessionsDir) -> None:
    session = make_session(gemeente="Zeewolde")
    path = sessies.create(session)
    assert path == sessies.path / "begroting-2027.json"
    data = json.loads(path.read_bytes())
    assert list(data) == ["session"] and list(data["session"]) == ["1"]
    assert data["session"]["1"] == session.model_dump(mode="json")
    with pytest.raises(SessionExists) as info:
        sessies.create(make_session())
    assert "Er bestaat al een sessie" in info.value.message


def test_create_with_explicit_slug_and_unique_slug(sessies: SessionsDir) -> None:
    assert sessies.unique_slug("Begroting 2027") == "begroting-2027"
    sessies.create(make_session())
    assert sessies.unique_slug("Begroting 2027") == "begroting-2027-2"
    sessies.create(make_session(), slug=sessies.unique_slug("Begroting 2027"))
    assert sessies.unique_slug("begroting  2027!") == "begroting-2027-3"
    long = "x" * 100
    sessies.create(make_session(long[:200]))
    slug = sessies.unique_slug(long)
    assert slug.endswith("-2") and len(slug) <= 60


def test_list_reports_names_dates_and_problems(sessies: SessionsDir) -> None:
    sessies.create(
        make_session(
            "Zeewolde",
            gemeente="Zeewolde",
            avond1=Avond(datum=date(2026, 11, 29)),
            avond2=Avond(datum=date(2026, 12, 13)),
        )
    )
    sessies.create(make_session("Almere"))
    (sessies.path / "kapot.json").write_bytes(b'{"session": {"1": {"naam": "hal')
    (sessies.path / "leeg.json").write_bytes(b"")
    (sessies.path / "ander.json").write_text('{"iets": 1}')
    (sessies.path / "nieuw.json").write_text(json.dumps({"session": {"1": {"schema_version": 7, "naam": "Later"}}}))
    (sessies.path / ".verborgen.json").write_text("{}")
    (sessies.path / "notities.txt").write_text("x")
    (sessies.path / "map.json").mkdir()
    infos = {i.path.name: i for i in sessies.list()}
    assert set(infos) == {"zeewolde.json", "almere.json", "kapot.json", "leeg.json", "ander.json", "nieuw.json"}
    z = infos["zeewolde.json"]
    assert (z.slug, z.naam, z.gemeente, z.probleem) == ("zeewolde", "Zeewolde", "Zeewolde", None)
    assert z.datums == (date(2026, 11, 29), date(2026, 12, 13))
    assert z.gewijzigd is not None and z.gewijzigd.tzinfo is not None
    assert infos["almere.json"].datums == (None, None)
    assert infos["kapot.json"].probleem == t.PROBLEM_DAMAGED
    assert infos["leeg.json"].probleem == t.PROBLEM_DAMAGED
    assert infos["ander.json"].probleem == t.PROBLEM_NOT_A_SESSION
    assert infos["nieuw.json"].probleem == t.PROBLEM_NEWER and infos["nieuw.json"].naam == "Later"
    assert [i.naam for i in sessies.list()] == ["Almere", "ander", "kapot", "Later", "leeg", "Zeewolde"]


def test_list_cleans_names_for_the_screen(sessies: SessionsDir) -> None:
    doc = make_session().model_dump(mode="json")
    doc["naam"] = "Evil \x1b[31mrood\x1b]0;titel\x07 naam"
    (sessies.path / "evil.json").write_text(json.dumps({"session": {"1": doc}}))
    (info,) = sessies.list()
    assert "\x1b" not in info.naam and "\x07" not in info.naam


def test_resolve_by_path_slug_and_display_name(sessies: SessionsDir, tmp_path: Path, monkeypatch) -> None:
    path = sessies.create(make_session("Café Noord"))
    assert sessies.resolve("Café Noord") == path
    assert sessies.resolve("cafe-noord") == path
    assert sessies.resolve("café noord") == path
    assert sessies.resolve(path) == path
    assert sessies.resolve(str(path)) == path
    assert sessies.resolve("cafe-noord.json") == path  # relative to the folder
    monkeypatch.chdir(sessies.path)
    assert sessies.resolve("./cafe-noord.json") == path
    # A file whose name is not the slug of its display name is found by the display name.
    other = sessies.path / "willekeurig.json"
    shutil.copy(FIXTURES / "sessie-v1.json", other)
    assert sessies.resolve("Participatie in Zeewolde") == other
    with pytest.raises(SessionNotFound) as info:
        sessies.resolve("bestaat niet")
    assert "Er is geen sessie" in info.value.message
    with pytest.raises(SessionNotFound):
        sessies.resolve(tmp_path / "nergens.json")


def test_resolve_name_with_a_slash_is_a_name(sessies: SessionsDir) -> None:
    path = sessies.create(make_session("Wonen / Zorg"))
    assert path.name == "wonen-zorg.json"
    assert sessies.resolve("Wonen / Zorg") == path


def test_resolve_ambiguous_display_name(sessies: SessionsDir) -> None:
    shutil.copy(FIXTURES / "sessie-v1.json", sessies.path / "een.json")
    shutil.copy(FIXTURES / "sessie-v1.json", sessies.path / "twee.json")
    with pytest.raises(SessionNotFound) as info:
        sessies.resolve("Participatie in Zeewolde")
    assert "meerdere sessies" in info.value.message


def assert_keeps(actual, stored, where: str = "") -> None:
    """Everything in the stored file survives loading (fields added later with defaults may be extra)."""
    if isinstance(stored, dict):
        assert isinstance(actual, dict), where
        for key, value in stored.items():
            assert key in actual, f"{where}.{key} lost"
            assert_keeps(actual[key], value, f"{where}.{key}")
    elif isinstance(stored, list):
        assert isinstance(actual, list) and len(actual) == len(stored), where
        for i, (a, b) in enumerate(zip(actual, stored)):
            assert_keeps(a, b, f"{where}[{i}]")
    else:
        assert actual == stored, where


def test_stored_v1_fixture_loads_and_keeps_every_value(sessies: SessionsDir) -> None:
    path = sessies.path / "zeewolde.json"
    shutil.copy(FIXTURES / "sessie-v1.json", path)
    expected = json.loads((FIXTURES / "sessie-v1.json").read_text())["session"]["1"]
    assert expected.pop("schema_version") == 1
    with open_session(path) as opened:
        assert_keeps(opened.session.model_dump(mode="json"), expected)
        assert opened.session.schema_version == SCHEMA_VERSION
        # Version 1 needs no change to become version 2; the user is told the file was brought up to date.
        assert opened.notices == [f"Deze sessie is bijgewerkt van versie 1 naar {SCHEMA_VERSION}."]
        assert opened.dirty and not opened.read_only
        saved = opened.session
        assert opened.save().ok
    with open_session(path, writable=False) as again:
        assert again.session == saved
        assert_keeps(on_disk(path), {k: v for k, v in expected.items() if k != "gewijzigd"})


def test_built_in_demo_and_new_session_round_trip(sessies: SessionsDir) -> None:
    from atelier_tui.domain.builtin import demo_data, new_session

    for session in (Session.model_validate(demo_data()), new_session("Nieuw", "Lindewaard")):
        path = sessies.create(session)
        assert on_disk(path) == session.model_dump(mode="json")
        with open_session(path) as opened:
            assert opened.session == session
            assert opened.save().ok
        with open_session(path, writable=False) as again:
            assert again.session == opened.session


def test_save_roundtrip_and_state(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    opened = open_session(path)
    assert isinstance(opened, OpenSession) and opened.path == path
    before = opened.session.gewijzigd
    opened.session.kaarten.append(Kaart(kolom="kans", tekst="Jongeren betrekken"))
    opened.mark_dirty()
    assert opened.dirty
    result = opened.save()
    assert result.ok and result.message is None
    assert not opened.dirty and opened.last_error is None
    assert opened.session.gewijzigd >= before
    assert on_disk(path) == opened.session.model_dump(mode="json")
    assert opened.retry().ok  # nothing to do
    opened.close()
    opened.close()  # twice is fine
    with open_session(path) as again:
        assert again.session == opened.session


def test_save_refuses_an_invalid_session(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    before = path.read_bytes()
    with open_session(path) as opened:
        opened.session.ambitie.niveau = "bestaat-niet"
        result = opened.save()
        assert not result.ok and result.message.startswith("Niet opgeslagen")
        assert "staat niet op de gekozen ladder" in result.message
        assert opened.dirty
    assert path.read_bytes() == before


def test_other_tinydb_tables_are_kept(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    data = json.loads(path.read_bytes())
    data["extra"] = {"1": {"x": "y"}}
    path.write_text(json.dumps(data))
    with open_session(path) as opened:
        assert opened.save().ok
    assert json.loads(path.read_bytes())["extra"] == {"1": {"x": "y"}}


def test_second_open_in_same_process_is_read_only(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    with open_session(path) as first:
        second = open_session(path)
        assert second.read_only
        assert second.read_only_reason == t.READ_ONLY_LOCKED
        assert "al geopend in een ander venster" in second.read_only_reason
        with pytest.raises(ReadOnlyError):
            second.save()
        with pytest.raises(ReadOnlyError):
            second.retry()
        second.close()
        assert first.save().ok
    with open_session(path) as third:  # the lock is free again
        assert not third.read_only


def test_open_read_only_on_request(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    with open_session(path, writable=False) as viewer:
        assert viewer.read_only and viewer.read_only_reason == t.READ_ONLY_ASKED
        with open_session(path) as writer:  # a viewer does not take the lock
            assert not writer.read_only


def test_lock_file_is_kept(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    open_session(path).close()
    lock = repo.lock_path_for(path)
    assert lock.name == ".begroting-2027.json.lock" and lock.exists()


def test_open_missing_session(sessies: SessionsDir) -> None:
    with pytest.raises(SessionNotFound):
        open_session(sessies.path / "nergens.json")
    assert not (sessies.path / ".nergens.json.lock").exists()


def test_backup_on_open_and_at_most_five(sessies: SessionsDir, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sessies.create(make_session())
    for i in range(8):
        with open_session(path) as opened:
            opened.session.opbrengst.afspraken.append(Afspraak(tekst=f"afspraak {i}"))
            assert opened.save().ok
    backups = list_backups(path)
    assert len(backups) == BACKUPS_KEPT
    assert backups == sorted(backups, key=lambda b: b.moment, reverse=True)
    # Each is a copy of the file as it was when opened: the newest, from the 8th open, holds 7.
    newest = json.loads(backups[0].path.read_bytes())["session"]["1"]
    assert len(newest["opbrengst"]["afspraken"]) == 7
    assert backups[0].path.parent == sessies.path / BACKUP_DIR / "begroting-2027"
    assert all(i.path.parent == sessies.path for i in sessies.list())


def test_no_duplicate_backup_when_nothing_changed(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    for _ in range(3):
        open_session(path).close()
    assert len(list_backups(path)) == 1


def test_backup_while_saving_at_most_every_five_minutes(sessies: SessionsDir, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr(opening.time, "monotonic", lambda: clock[0])
    path = sessies.create(make_session())
    with open_session(path) as opened:
        assert len(list_backups(path)) == 1
        for i in range(5):
            opened.session.opbrengst.afspraken.append(Afspraak(tekst=f"a{i}"))
            assert opened.save().ok
            clock[0] += 30
        assert len(list_backups(path)) == 1  # 150 s: none yet
        clock[0] += 200
        assert opened.save().ok
        backups = list_backups(path)
        assert len(backups) == 2
        assert backups[0].path.read_bytes() == path.read_bytes()
        clock[0] += 10
        assert opened.save().ok
        assert len(list_backups(path)) == 2


def test_stale_temp_files_are_cleaned_on_open(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    stale = sessies.path / ".begroting-2027.json.tmp-abc123"
    stale.write_bytes(b'{"half')
    other = sessies.path / ".andere.json.tmp-abc123"  # another session's: not ours to touch
    other.write_bytes(b"x")
    bdir = sessies.path / BACKUP_DIR / "begroting-2027"
    bdir.mkdir(parents=True)
    (bdir / ".20260101-000000-000000.json.tmp-xyz").write_bytes(b"half")
    assert [i.path.name for i in sessies.list()] == ["begroting-2027.json"]
    with open_session(path):
        assert not stale.exists()
        assert other.exists()
        assert not any(n.startswith(".") for n in os.listdir(bdir))
    stale.write_bytes(b"x")
    open_session(path, writable=False).close()  # a viewer does not clean up
    assert stale.exists()


def test_trash_moves_the_file_and_keeps_backups(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    open_session(path).close()
    with open_session(path):
        with pytest.raises(SessionLocked) as info:
            sessies.trash(path)
        assert "nog geopend" in info.value.message
    original = path.read_bytes()
    moved = sessies.trash(path)
    assert not path.exists()
    assert moved.parent == sessies.trash_dir
    assert moved.name.startswith("begroting-2027-") and moved.name.endswith(".json")
    assert moved.read_bytes() == original
    assert sessies.list() == []
    assert list_backups(path)  # the backups stay
    # Recoverable: put it back and it opens.
    os.rename(moved, path)
    with open_session(path) as opened:
        assert opened.session.naam == "Begroting 2027"
    with pytest.raises(SessionNotFound):
        sessies.trash(sessies.path / "nergens.json")


def test_trash_twice_in_one_second_does_not_collide(sessies: SessionsDir) -> None:
    a = sessies.trash(sessies.create(make_session()))
    b = sessies.trash(sessies.create(make_session()))
    assert a != b and a.exists() and b.exists()


def test_context_manager_releases_lock_on_error(sessies: SessionsDir) -> None:
    path = sessies.create(make_session())
    with pytest.raises(RuntimeError), open_session(path):
        raise RuntimeError
    with open_session(path) as opened:
        assert not opened.read_only
