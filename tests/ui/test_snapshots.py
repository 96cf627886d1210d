"""SVG snapshots of each step screen with the demo session, at 120x40 and 80x24.

Update after a deliberate change of appearance:  pytest tests/ui/test_snapshots.py --snapshot-update
and look at the new SVGs before committing them.
"""

from __future__ import annotations

import pytest

from atelier_tui.app import AtelierApp
from atelier_tui.store import viewstate
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session

from .screen import open_step, settle, wait_until

STEPS = [
    "sessie",
    "intake",
    "opening",
    "voorbeelden",
    "eisen-wensen",
    "afsluiting",
    "terugblik",
    "ambitie",
    "initiatieven",
    "unusual-suspects",
    "draagvlak",
    "opbrengst",
    "evaluatie",
]
SIZES = [(120, 40), (80, 24)]


async def _settled(pilot) -> None:
    await open_step(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("step", STEPS)
def test_step_screen(step, size, snap_compare, sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step=step)
    assert snap_compare(app, terminal_size=size, run_before=_settled)


THEMES = ["projector-donker", "projector-licht", "hoog-contrast", "huisstijl-voorbeeld"]
PROJECTOR_SIZES = [(80, 24), (200, 60)]


@pytest.mark.parametrize("size", PROJECTOR_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("theme", THEMES)
def test_theme(theme, size, snap_compare, sessions_dir):
    """Every shipped theme on the board, the busiest screen of the evening."""
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="kansen-knelpunten", theme=theme)
    assert snap_compare(app, terminal_size=size, run_before=_settled)


@pytest.mark.parametrize("size", PROJECTOR_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("step", ["kansen-knelpunten", "ladder"])
def test_presenter_view(step, size, snap_compare, sessions_dir):
    """What the room sees through `atelier present`: no step list, no keys, no save state."""
    path = create_demo_copy(SessionsDir(sessions_dir))
    opened = open_session(path)
    opened.session.huidige_stap = step
    assert opened.save().ok
    opened.close()
    app = AtelierApp(sessions_dir, present_path=path)
    assert snap_compare(app, terminal_size=size, run_before=_settled)


async def _sorted_by_points(pilot) -> None:
    view = await open_step(pilot)
    await wait_until(pilot, lambda: view.by_points, "the room's board sorted by points")
    await pilot.pause(1.0)  # the room points again a few times as the view settles
    await settle(pilot)


@pytest.mark.parametrize("size", PROJECTOR_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_presenter_board_sorted_by_points(size, snap_compare, sessions_dir):
    """The room during the discussion of the points: the top cards show them in large digits."""
    path = create_demo_copy(SessionsDir(sessions_dir))
    with open_session(path) as opened:
        opened.session.huidige_stap = "kansen-knelpunten"
        assert opened.save().ok
    viewstate.publish(path, {"seq": 1, "step": "kansen-knelpunten", "tab": "punten", "item": "kans:"})
    app = AtelierApp(sessions_dir, present_path=path)
    assert snap_compare(app, terminal_size=size, run_before=_sorted_by_points)
