"""SVG snapshots of each step screen with the demo session, at 120x40 and 80x24.

Update after a deliberate change of appearance:  pytest tests/test_snapshots.py --snapshot-update
and look at the new SVGs before committing them.
"""

from __future__ import annotations

import pytest

from atelier_tui.app import AtelierApp
from atelier_tui.screens.session import SessionScreen
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir

STEPS = [
    "sessie", "intake", "opening", "voorbeelden", "eisen-wensen", "afsluiting",
    "terugblik", "ambitie", "initiatieven", "unusual-suspects", "draagvlak", "opbrengst", "evaluatie",
]
SIZES = [(120, 40), (80, 24)]


async def _settled(pilot) -> None:  # noqa: ANN001
    for _ in range(60):
        await pilot.pause()
        if isinstance(pilot.app.screen, SessionScreen) and pilot.app.screen.view is not None:
            break
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("step", STEPS)
def test_step_screen(step, size, snap_compare, sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step=step)
    assert snap_compare(app, terminal_size=size, run_before=_settled)
