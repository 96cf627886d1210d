"""The presenter view: read-only, no lock, follows the facilitator within a second."""

from __future__ import annotations

from atelier_tui.app import AtelierApp
from atelier_tui.domain.session import Kaart
from atelier_tui.screens.session import SessionScreen
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session

from .screen import screen_text, wait_until


async def _wait_for(pilot, predicate, seconds: float = 10.0) -> None:
    await wait_until(pilot, predicate, "the room's screen to follow", timeout=seconds)


async def test_presenter_follows_new_cards_and_steps_without_taking_the_lock(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    facilitator = open_session(path)
    facilitator.session.huidige_stap = "kansen-knelpunten"
    assert facilitator.save().ok
    app = AtelierApp(sessions_dir, present_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for(pilot, lambda: isinstance(app.screen, SessionScreen) and app.screen.view is not None)
        assert not facilitator.read_only  # the presenter took no lock
        assert "Kansen en knelpunten" in screen_text(app)
        before = len(facilitator.session.kolom("kans"))
        await _wait_for(pilot, lambda: f"KANSEN  {before} kaarten" in screen_text(app), seconds=10)
        facilitator.session.kaarten.append(
            Kaart(kolom="kans", tekst="Burgerberaad over de omgevingsvisie", volgorde=0, stemmen=30)
        )
        assert facilitator.save().ok
        # (how fast is measured by the benchmark, not here)
        await _wait_for(pilot, lambda: f"KANSEN  {before + 1} kaarten" in screen_text(app), seconds=10)
        facilitator.session.huidige_stap = "intake"
        assert facilitator.save().ok
        await _wait_for(pilot, lambda: "Herinrichting dorpsplein" in screen_text(app), seconds=10)
        assert "Intake" in screen_text(app).splitlines()[0]
        text = screen_text(app)
        # facilitator-only: the notes of the preparatory conversations never reach the room
        for note in facilitator.session.intake:
            assert note.met_wie not in text
        assert "Herinrichting dorpsplein" in text  # the opgaven are for everyone
    facilitator.close()


async def test_one_key_switches_the_facilitator_to_the_presenter_layout_and_back(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="intake")
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for(pilot, lambda: isinstance(app.screen, SessionScreen) and app.screen.view is not None)
        for _ in range(5):
            await pilot.pause()
        first_note = app.screen.session.intake[0].met_wie
        assert first_note in screen_text(app)
        assert "Volgende stap" in screen_text(app)
        await pilot.press("f5")
        for _ in range(3):
            await pilot.pause()
        text = screen_text(app)
        assert first_note not in text and "Volgende stap" not in text and "opgeslagen" not in text
        await pilot.press("f5")
        await pilot.pause()
        assert first_note in screen_text(app)


async def test_the_rooms_palette_offers_nothing_that_leaves_or_changes_the_session(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, present_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for(pilot, lambda: isinstance(app.screen, SessionScreen) and app.screen.view is not None)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Sessies" not in titles and "Tijdvak van deze stap" not in titles
        await pilot.press("escape", "escape", "ctrl+w")
        await pilot.pause(0.2)
        assert isinstance(app.screen, SessionScreen) and app.screen.view is not None  # never a blank screen
