"""The Verslag step: preview, what is missing, copy, and one key per format; a read-only view writes nothing."""

from __future__ import annotations

import zipfile

import pytest

from atelier_tui.app import AtelierApp
from atelier_tui.domain.builtin import new_session
from atelier_tui.export.markdown import render
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session

from .screen import open_step, screen_text, settle, wait_until


@pytest.fixture
def started_in(tmp_path, monkeypatch):
    """Atelier started from a folder of its own (where ./verslagen is made)."""
    folder = tmp_path / "werkmap"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


async def test_preview_copy_and_every_format_with_one_key(sessions_dir, started_in):
    path = create_demo_copy(SessionsDir(sessions_dir))
    opened = open_session(path, writable=False)
    opened.close()
    expected = render(opened.session)
    app = AtelierApp(sessions_dir, open_path=path, step="export")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        assert "werkateliers participatie en cocreatie" in screen_text(app)
        await pilot.press("c")
        await wait_until(pilot, lambda: app.clipboard == expected, "the whole verslag on the clipboard")
        await pilot.press("down", "down")
        await settle(pilot)
        await pilot.press("c")
        await wait_until(pilot, lambda: app.clipboard != expected, "one section on the clipboard")
        assert app.clipboard.startswith("## ")
        for key in "swht":
            await pilot.press(key)
        folder = started_in / "verslagen"
        await wait_until(pilot, lambda: len(list(folder.glob("*"))) == 4, "four files in ./verslagen")
        assert "Laatst bewaard" in screen_text(app)
    stem = path.stem + "-verslag"
    assert (folder / f"{stem}.md").read_text(encoding="utf-8") == expected
    assert zipfile.is_zipfile(folder / f"{stem}.docx")
    assert (folder / f"{stem}.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert "Verslag werkateliers" in (folder / f"{stem}.txt").read_text(encoding="utf-8")
    assert not list(sessions_dir.glob("*verslag*"))  # never into the sessions folder


async def test_what_the_verslag_still_lacks_is_listed(sessions_dir, started_in):
    path = SessionsDir(sessions_dir).create(new_session("Najaar", "Lindewaard"))
    app = AtelierApp(sessions_dir, open_path=path, step="export")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        assert "Nog aanvullen" in screen_text(app)


async def test_a_read_only_window_writes_and_copies_nothing(sessions_dir, started_in):
    path = create_demo_copy(SessionsDir(sessions_dir))
    other = open_session(path)  # the facilitator's window holds the session
    app = AtelierApp(sessions_dir, open_path=path, step="export")
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await open_step(pilot)
            await pilot.press("c", "s", "w")
            await wait_until(pilot, lambda: "alleen zien" in screen_text(app), "the plain refusal")
            assert not app.clipboard
    finally:
        other.close()
    assert not (started_in / "verslagen").exists()
