"""Legible from the back row: every colour pair drawn on the room's screen reaches 4.5:1, in every
shipped theme, in truecolor and as a 256-colour terminal shows it (tmux, SSH without COLORTERM).

Measured on rendered screens (the SVG that Textual draws), not on theme variables: a highlight made
of two good colours can still put text in one colour on a background in another.
"""

from __future__ import annotations

import pytest

from atelier_tui.app import AtelierApp
from atelier_tui.domain.steps import STEP_KEYS
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session

from .contrast import drawn_pairs
from .screen import open_step, settle

THEMES = ("projector-donker", "projector-licht", "hoog-contrast", "huisstijl-voorbeeld")
AA = 4.5


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("step", STEP_KEYS)
async def test_every_drawn_pair_on_the_rooms_screen_is_readable(sessions_dir, step, theme):
    path = create_demo_copy(SessionsDir(sessions_dir))
    with open_session(path) as opened:
        opened.session.huidige_stap = step
        assert opened.save().ok
    app = AtelierApp(sessions_dir, present_path=path, theme=theme)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_step(pilot)
        await settle(pilot)
        pairs = drawn_pairs(app.export_screenshot())
    assert pairs, "nothing was read from the screen"
    low = [
        f"{p.fg} on {p.bg}: {p.ratio:.2f} (256 colours {p.ratio_256:.2f}) in {p.sample!r}"
        for p in pairs
        if p.ratio < AA or p.ratio_256 < AA
    ]
    assert low == []
