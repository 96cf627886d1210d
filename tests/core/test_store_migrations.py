"""Schema migrations (store/migrations.py): the chain mechanism, tested with an injected chain."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from atelier_tui.domain.session import SCHEMA_VERSION, Session
from atelier_tui.store import migrations
from atelier_tui.store.codes import NoticeCode
from atelier_tui.store.migrations import MIGRATIONS, MigrationError, NewerVersion, migrate
from atelier_tui.store.repository import CorruptSession, SessionsDir, list_backups, open_session
from atelier_tui.teksten import store as t

FIXTURES = Path(__file__).parent / "store_fixtures"


def v0_to_v1(doc: dict) -> dict:
    """The imaginary version 0 layout: ``titel`` for the name, cards as two lists of strings."""
    new = {k: v for k, v in doc.items() if k not in ("titel", "kansen", "knelpunten")}
    new["naam"] = doc["titel"]
    new["kaarten"] = [
        {"id": f"oud-{kolom}-{i}", "kolom": kolom, "tekst": tekst, "volgorde": i}
        for kolom, key in (("kans", "kansen"), ("knelpunt", "knelpunten"))
        for i, tekst in enumerate(doc.get(key, []))
    ]
    new["schema_version"] = 1
    return new


def old_document() -> dict:
    return json.loads((FIXTURES / "sessie-v0.json").read_text(encoding="utf-8"))["session"]["1"]


def test_real_chain_is_consistent() -> None:
    assert SCHEMA_VERSION == 2
    assert all(isinstance(v, int) and 0 <= v < SCHEMA_VERSION for v in MIGRATIONS)
    assert set(MIGRATIONS) == set(range(min(MIGRATIONS, default=SCHEMA_VERSION), SCHEMA_VERSION))


def test_current_version_passes_unchanged() -> None:
    doc = {"schema_version": SCHEMA_VERSION, "naam": "x"}
    result, notices = migrate(doc)
    assert result == doc and result is not doc and notices == []


def test_injected_chain_migrates_the_stored_old_fixture() -> None:
    old = old_document()
    snapshot = json.dumps(old)
    result, notices = migrate(old, {0: v0_to_v1}, target=1)
    assert json.dumps(old) == snapshot  # the input is not changed
    assert result["schema_version"] == 1
    assert [t.notice(n) for n in notices] == ["Deze sessie is bijgewerkt van versie 0 naar 1."]
    assert notices[0].code is NoticeCode.MIGRATED
    session = Session.model_validate(result)
    assert session.naam == "Oude sessie Lelystad"
    assert [(k.kolom, k.tekst) for k in session.kaarten] == [
        ("kans", "Meer jongeren aan tafel"),
        ("kans", "Wijkraden gebruiken"),
        ("knelpunt", "Te weinig tijd"),
    ]


def test_chain_runs_every_step_in_order() -> None:
    calls = []

    def step(n):
        def run(doc):
            calls.append(n)
            return {**doc, "stappen": [*doc.get("stappen", []), n]}

        return run

    result, notices = migrate({"schema_version": 2}, {2: step(2), 3: step(3), 4: step(4)}, target=5)
    assert calls == [2, 3, 4] and result["stappen"] == [2, 3, 4] and result["schema_version"] == 5
    assert [t.notice(n) for n in notices] == [t.migrated(2, 5)]
    with pytest.raises(MigrationError) as info:  # a gap in the chain
        migrate({"schema_version": 2}, {2: step(2), 4: step(4)}, target=5)
    assert "versie 3" in info.value.message


def test_missing_version_is_an_error_not_version_1() -> None:
    doc = old_document()
    del doc["schema_version"]
    with pytest.raises(MigrationError) as info:
        migrate(doc, {0: v0_to_v1})
    assert info.value.message == t.VERSION_MISSING
    assert "versie" in info.value.message


@pytest.mark.parametrize("version", [0, -1, -100])
def test_version_zero_or_negative_is_rejected_by_the_real_chain(version: int) -> None:
    with pytest.raises(MigrationError) as info:
        migrate({"schema_version": version, "naam": "x"})
    assert not isinstance(info.value, NewerVersion)
    assert str(version) in info.value.message


@pytest.mark.parametrize("value", [-1, "1", 1.0, True, None, [1]])
def test_invalid_version_values(value) -> None:
    with pytest.raises(MigrationError) as info:
        migrate({"schema_version": value}, {0: v0_to_v1})
    assert "ongeldig" in info.value.message


def test_newer_version_is_signalled() -> None:
    with pytest.raises(NewerVersion) as info:
        migrate({"schema_version": SCHEMA_VERSION + 1})
    assert info.value.version == SCHEMA_VERSION + 1


def test_open_session_migrates_through_the_injected_chain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(migrations.MIGRATIONS, 0, v0_to_v1)
    sessies = SessionsDir(tmp_path / "sessies")
    path = sessies.path / "lelystad.json"
    shutil.copy(FIXTURES / "sessie-v0.json", path)
    original = path.read_bytes()
    assert sessies.list()[0].probleem is None
    with open_session(path) as opened:
        assert opened.notices == [f"Deze sessie is bijgewerkt van versie 0 naar {SCHEMA_VERSION}."]
        assert opened.dirty  # the new layout is not on disk yet
        assert path.read_bytes() == original
        assert opened.save().ok
    data = json.loads(path.read_bytes())["session"]["1"]
    assert data["schema_version"] == SCHEMA_VERSION and data["naam"] == "Oude sessie Lelystad"
    # The file as it was before the upgrade stays available as a backup.
    assert list_backups(path)[0].path.read_bytes() == original
    with open_session(path) as again:
        assert again.notices == [] and not again.dirty


def test_open_session_rejects_version_zero_without_a_migration(tmp_path: Path) -> None:
    path = tmp_path / "oud.json"
    shutil.copy(FIXTURES / "sessie-v0.json", path)
    with pytest.raises(CorruptSession) as info:
        open_session(path, writable=False)
    assert "versie 0" in info.value.message and "vanaf versie 1" in info.value.message
    (listed,) = SessionsDir(tmp_path).list()
    assert listed.probleem == t.PROBLEM_OLDER
