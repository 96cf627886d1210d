"""The room's screen shows what the facilitator shows: step, clock and theme from her published view state."""

from __future__ import annotations

import time

import pytest

from atelier_tui.app import AtelierApp
from atelier_tui.domain.builtin import new_session
from atelier_tui.domain.clock import ClockState
from atelier_tui.domain.steps import STEP_KEYS
from atelier_tui.screens.session import SessionScreen
from atelier_tui.store import viewstate
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session
from atelier_tui.widgets.timer import StepTimer

from .screen import open_step, screen_text, settle, wait_until


def _published(path):
    return viewstate.read(path) or {}


async def test_the_facilitator_publishes_step_clock_and_theme(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="opening")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        await wait_until(pilot, lambda: _published(path).get("step") == "opening", "the first view state")
        await pilot.press("f6")  # start the clock
        await wait_until(pilot, lambda: _published(path)["clock"]["running"], "a running clock published")
        assert _published(path)["clock"]["total"] == 10 * 60
        await pilot.press("pagedown")
        await wait_until(pilot, lambda: _published(path).get("step") == "voorbeelden", "the next step published")
        clock = ClockState.from_dict(_published(path)["clock"])
        assert clock is not None and not clock.running  # another step's clock never shows here
        await pilot.press("pageup")
        await wait_until(pilot, lambda: _published(path).get("step") == "opening", "back to the opening")
        assert _published(path)["clock"]["running"]  # its countdown went on out of sight
        app.theme = "projector-licht"
        await wait_until(pilot, lambda: _published(path).get("theme") == "projector-licht", "the theme published")


async def test_the_rooms_screen_follows_the_published_step_clock_and_theme(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    now = time.time()
    paused = ClockState(total=40 * 60, left=754, running=False, at=now)
    viewstate.publish(path, {"seq": 1, "step": "ladder", "clock": paused.to_dict(), "theme": "hoog-contrast"})
    app = AtelierApp(sessions_dir, present_path=path)
    async with app.run_test(size=(200, 60)) as pilot:

        def room() -> SessionScreen:
            return app.screen

        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen) and room().current == "ladder", "ladder")
        timer = room().query_one(StepTimer)
        await wait_until(pilot, lambda: timer.remaining == 754 and timer.phase == "paused", "the paused clock")
        assert app.theme == "hoog-contrast"
        running = ClockState(total=40 * 60, left=100, running=True, at=time.time())
        viewstate.publish(path, {"seq": 2, "step": "ladder", "clock": running.to_dict(), "theme": "hoog-contrast"})
        await wait_until(pilot, lambda: timer.running and timer.remaining <= 100, "the running clock")
        done = ClockState(total=40 * 60, left=0, running=False, at=time.time())
        viewstate.publish(path, {"seq": 3, "step": "opbrengst", "clock": done.to_dict(), "theme": "projector-licht"})
        await wait_until(pilot, lambda: room().current == "opbrengst" and timer.phase == "done", "tijd is om")
        assert app.theme == "projector-licht"
    assert viewstate.read(path)["seq"] == 3  # the room never wrote


async def test_the_room_shows_the_opgave_she_places_on_the_ladder(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_step(pilot)
        opgaven = [o.id for o in view.session.opgaven]
        await pilot.press("right", "right", "w")  # from the first opgave to the third, its NU marker
        await wait_until(pilot, lambda: _published(path).get("item") == f"{opgaven[2]}|nu", "the pointer published")
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=(200, 60)) as pilot:
        await wait_until(
            pilot,
            lambda: (
                isinstance(room.screen, SessionScreen)
                and room.screen.view is not None
                and getattr(room.screen.view, "opgave_id", None) == opgaven[2]
            ),
            "the room on the third opgave",
        )
        assert "Druk op" not in " ".join(screen_text(room).split())  # no key hints for the room


async def test_the_room_shows_the_card_she_points_at_and_the_board_sorted_by_points(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="kansen-knelpunten")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_step(pilot)
        await pilot.press("ctrl+r", "right", "down", "down", "down")
        await wait_until(pilot, lambda: _published(path).get("tab") == "punten", "the order published")
        by_points = sorted(view.session.kolom("knelpunt"), key=lambda k: -k.stemmen)
        await wait_until(
            pilot, lambda: _published(path)["item"] == f"knelpunt:{by_points[3].id}", "the fourth knelpunt by points"
        )
        item = _published(path)["item"]
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=(200, 60)) as pilot:

        def shown():
            screen = room.screen
            view = screen.view if isinstance(screen, SessionScreen) else None
            return view is not None and view.by_points and view.query_one("#knelpunt CardColumn").selected

        await wait_until(pilot, lambda: shown() == item.split(":")[1], "the room on the same card, sorted")


async def test_the_room_shows_her_tab_and_row_and_marks_nothing_of_its_own(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="opbrengst")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        await pilot.press("3", "down", "down")  # the tab with the actiepunten, the third row
        await wait_until(pilot, lambda: _published(path).get("tab") == "tab-acties", "the tab published")
        await wait_until(pilot, lambda: _published(path).get("item") == "actiepunten:2", "the row published")
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=(200, 60)) as pilot:

        def actiepunten():
            screen = room.screen
            view = screen.view if isinstance(screen, SessionScreen) else None
            return view.query_one("#actiepunten") if view is not None and view.query("#actiepunten") else None

        await wait_until(pilot, lambda: actiepunten() is not None and actiepunten().highlighted == 2, "the third row")
        await wait_until(pilot, lambda: room.screen.view.query_one("TabbedContent").active == "tab-acties", "her tab")


async def test_a_list_on_the_rooms_screen_has_no_cursor_of_its_own(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    with open_session(path) as opened:
        opened.session.huidige_stap = "sessie"
        assert opened.save().ok
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=(200, 60)) as pilot:
        view = await open_step(pilot)
        await wait_until(pilot, lambda: view.query_one("#deelnemers").option_count > 0, "the participants")
        assert view.query_one("#deelnemers").highlighted is None


async def test_the_room_keeps_up_when_she_changes_step_and_points_at_once(sessions_dir):
    """Seen in use: a pointer that arrived while the new step was still being built crashed the room."""
    path = create_demo_copy(SessionsDir(sessions_dir))
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=(200, 60)) as pilot:
        await open_step(pilot)
        for seq, step in enumerate(["kansen-knelpunten", "ladder", "opbrengst", "kansen-knelpunten", "sessie"] * 3):
            item = {"kansen-knelpunten": "knelpunt:", "ladder": "|nu", "opbrengst": "actiepunten:1"}.get(step, "x:0")
            viewstate.publish(path, {"seq": seq, "step": step, "tab": None, "item": item})
            await pilot.pause(0.05 * (seq % 3))
        await wait_until(pilot, lambda: room.screen.current == "sessie", "the last step")
        await settle(pilot)
        assert room.is_running


async def test_the_room_keeps_up_when_she_goes_through_the_steps_quickly(sessions_dir):
    """Seen in use: a step view taken away again before it was mounted crashed the room (NoMatches)."""
    path = create_demo_copy(SessionsDir(sessions_dir))
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=(200, 60)) as pilot:
        await open_step(pilot)
        with open_session(path) as facilitator:
            for seq, step in enumerate(STEP_KEYS * 2):  # every step saved and published, as PgDn does
                facilitator.session.huidige_stap = step
                assert facilitator.save().ok
                viewstate.publish(path, {"seq": seq, "step": step, "tab": None, "item": None})
                await pilot.pause(0.05 * (seq % 4))
        await wait_until(pilot, lambda: room.screen.current == STEP_KEYS[-1], "the last step")
        await wait_until(pilot, lambda: room.screen.view.is_mounted, "its view")
        await settle(pilot)
        assert room.is_running


@pytest.mark.parametrize("step", STEP_KEYS)
async def test_no_key_hints_reach_the_room_even_on_an_empty_step(sessions_dir, step):
    path = SessionsDir(sessions_dir).create(new_session("Leeg", "Lindewaard"))
    with open_session(path) as opened:
        opened.session.huidige_stap = step
        assert opened.save().ok
    room = AtelierApp(sessions_dir, present_path=path)
    async with room.run_test(size=(200, 60)) as pilot:
        await open_step(pilot)
        await settle(pilot)
        shown = " ".join(screen_text(room).split())
    for hint in ("Druk op", "spatie:", "Ctrl+", "Enter bewaart"):
        assert hint not in shown, f"{hint!r} on the room's screen at step {step}"


async def test_the_room_follows_step_changes_saved_before_they_are_published(sessions_dir):
    """As the facilitator does it: the session file (its step) is saved first, the view state follows
    a little later. Seen in the benchmark: the room rebuilt the step she had left, and a view torn
    down while it was still being built crashed the room. Now it builds the new step once."""
    path = create_demo_copy(SessionsDir(sessions_dir))
    room = AtelierApp(sessions_dir, present_path=path)
    steps = ["afsluiting", "kansen-knelpunten"] * 4
    async with room.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        for seq, step in enumerate(steps):
            with open_session(path) as opened:
                opened.session.huidige_stap = step
                assert opened.save().ok
            await pilot.pause(0.05)
            viewstate.publish(path, {"seq": seq, "step": step, "tab": None, "item": None})
            await wait_until(pilot, lambda step=step: room.screen.current == step, step)
            await pilot.pause(0.1 * (seq % 3))
        await settle(pilot)
        assert room.is_running
        assert room.screen.view.step.key == steps[-1]
