"""The export step: preview, copy to the clipboard, write next to the session."""

from __future__ import annotations

from atelier_tui.app import AtelierApp
from atelier_tui.export.markdown import render
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session

from .screen import open_step, screen_text


async def _ready(pilot) -> None:
    await open_step(pilot)


async def test_preview_copy_and_write(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    opened = open_session(path, writable=False)
    opened.close()
    expected = render(opened.session)
    app = AtelierApp(sessions_dir, open_path=path, step="export")
    async with app.run_test(size=(120, 40)) as pilot:
        await _ready(pilot)
        assert "werkateliers participatie en cocreatie" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == expected
        await pilot.press("down", "down")  # "Programma"
        await _ready(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.startswith("## Programma")
        assert "## Aanwezigen" not in app.clipboard
        await pilot.press("s")
        await pilot.pause()
    written = path.with_name(path.stem + "-verslag.md")
    assert written.read_text(encoding="utf-8") == expected
    assert not [p for p in sessions_dir.iterdir() if ".tmp" in p.name]
