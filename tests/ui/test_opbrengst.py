"""Opbrengst: tabs by key, and a draft answer that never overwrites silently."""

from __future__ import annotations

from textual.widgets import TabbedContent

from atelier_tui.app import AtelierApp
from atelier_tui.domain.drafts import draft_answer
from atelier_tui.screens.session import SessionScreen
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir
from atelier_tui.widgets.dialogs import ChoiceDialog
from atelier_tui.widgets.records import RecordList

from .screen import saved, screen_text, settle, wait_until

SIZE = (120, 40)


async def _at_answers(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="opbrengst")
    return app, path


async def _focus(pilot, selector: str) -> None:
    app = pilot.app

    def focused() -> bool:
        records = app.screen.query_one(selector, RecordList)
        if not records.has_focus:
            records.focus()
        return records.has_focus

    await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen) and focused(), "the answers")


async def test_the_tabs_open_with_the_keys_the_footer_names(sessions_dir):
    app, path = await _at_answers(sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        await _focus(pilot, "#antwoorden")
        # the footer: the four keys and what they do
        await wait_until(pilot, lambda: "1234Tabblad" in screen_text(app), "the tab keys in the footer")
        tabs = app.screen.query_one("#tabs", TabbedContent)
        for key, pane, records in (("3", "tab-acties", "#actiepunten"), ("2", "tab-afspraken", "#afspraken")):
            await pilot.press(key)
            await wait_until(pilot, lambda p=pane: tabs.active == p, f"tab {pane}")
            await wait_until(pilot, lambda r=records: app.screen.query_one(r).has_focus, f"{records} to take the keys")
        await pilot.press("4", "1")
        await wait_until(pilot, lambda: tabs.active == "tab-vragen", "the questions again")


async def test_a_draft_over_an_answer_asks_and_can_be_undone(sessions_dir):
    app, path = await _at_answers(sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        await _focus(pilot, "#antwoorden")
        first = saved(path).opbrengst.antwoorden[0]
        assert first.antwoord, "the demo has an answer to the first question"
        draft = draft_answer(saved(path), first.vraag)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question")
        assert "Toevoegen" in screen_text(app) and "Vervangen" in screen_text(app)
        assert saved(path).opbrengst.antwoorden[0].antwoord == first.antwoord  # nothing yet
        await pilot.press("tab", "enter")  # Vervangen
        await wait_until(pilot, lambda: saved(path).opbrengst.antwoorden[0].antwoord == draft, "the draft saved")
        await pilot.press("u")
        await wait_until(pilot, lambda: saved(path).opbrengst.antwoorden[0].antwoord == first.antwoord, "the undo")
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question")
        await pilot.press("enter")  # Toevoegen
        expected = first.antwoord.strip() + "\n\n" + draft
        await wait_until(pilot, lambda: saved(path).opbrengst.antwoorden[0].antwoord == expected, "the draft added")
        await pilot.press("c")  # the draft is there already: no question, no second copy
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert saved(path).opbrengst.antwoorden[0].antwoord == expected


def test_drafts_report_the_room_and_never_a_decision(sessions_dir):
    from atelier_tui.domain.builtin import demo_data, questions
    from atelier_tui.domain.session import Session

    s = Session.model_validate(demo_data())
    texts = [draft_answer(s, q.key) for q in questions()]
    assert all(texts)
    joined = "\n".join(texts).lower()
    for decision in (
        "besloten",
        "besluit",
        "de raad kiest",
        "de raad wil",
        "hij wil",
        "van meebeslissen naar meebeslissen",
    ):
        assert decision not in joined, decision
    assert "blijft meebeslissen" in joined
