"""The room takes part from their phones: a round in the facilitator's Atelier, her queue, the room's
screen. Phones are real HTTP clients on 127.0.0.1 (aiohttp), on the app's own event loop."""

from __future__ import annotations

import re

import aiohttp
import pytest

from atelier_tui.app import AtelierApp
from atelier_tui.domain.ronde import Ronde
from atelier_tui.screens.session import SessionScreen
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir
from atelier_tui.store.wachtrij import Journal, journal_path
from atelier_tui.widgets.form import FormDialog
from atelier_tui.widgets.zaal import Wachtrij, ZaalOproep

from .screen import open_step, saved, screen_text, settle, wait_for, wait_until


class Phone:
    """One phone in the room: its own cookie, the page, a form posted as a browser does."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def page(self) -> str:
        async with self.http.get(self.url) as response:
            return await response.text()

    async def send(self, action: str, **fields: str) -> tuple[int, str]:
        """Post a form of the page (with its CSRF token); the status and the page it ends on."""
        token = re.search(r'name="csrf" value="([^"]+)"', await self.page())
        assert token, "the phone page has no form"
        data = {"csrf": token.group(1), **fields}
        async with self.http.post(self.url + action, data=data) as response:
            return response.status, await response.text()

    async def close(self) -> None:
        await self.http.close()


def _screen(app) -> SessionScreen:
    assert isinstance(app.screen, SessionScreen)
    return app.screen


async def _open(pilot, kind: str) -> tuple[SessionScreen, Phone]:
    screen = _screen(pilot.app)
    assert await screen.open_round(kind, "127.0.0.1", port=0)
    await settle(pilot)
    assert screen._server is not None
    return screen, Phone(screen._server.url)


def _queue(app) -> list[str]:
    return [w.tekst for w in _screen(app)._ronde.wachtrij] if _screen(app)._ronde else []


async def test_a_card_from_a_phone_waits_for_her_and_enters_the_session_only_when_shown(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="kansen-knelpunten")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        screen, phone = await _open(pilot, "kaarten")
        try:
            assert "peiling, geen stemming" in (await phone.page()).lower()
            status, page = await phone.send("kaart", soort="kans", tekst="Spreekuur van de raad in het dorpshuis")
            assert status == 200 and "Ontvangen" in page
            await wait_until(pilot, lambda: _queue(app) == ["Spreekuur van de raad in het dorpshuis"], "the queue")
            # Waiting: on her screen, in the queue; not on the board, not in the session file.
            assert "Spreekuur van de raad" in screen_text(app)
            assert not any("Spreekuur" in k.tekst for k in saved(path).kaarten)
            telling = str(screen.query_one("#zaal-telling").render())
            assert "1 ontvangen 0 getoond · 0 niet getoond" in " ".join(telling.split())
            await pilot.press("f4")
            assert app.focused is not None and app.focused.parent is screen.query_one(Wachtrij)
            await pilot.press("enter")  # "Tonen"
            await wait_until(pilot, lambda: any("Spreekuur" in k.tekst for k in saved(path).kaarten), "the card saved")
            card = next(k for k in saved(path).kaarten if "Spreekuur" in k.tekst)
            assert card.kolom == "kans" and card.uit_de_zaal
            ronde = next(r for r in saved(path).rondes if r.soort == "kaarten" and r.gesloten is None)
            assert (ronde.ontvangen, ronde.getoond, ronde.niet_getoond) == (1, 1, 0)
            await wait_until(pilot, lambda: "Spreekuur" in screen_text(app), "the card on the board")
        finally:
            await phone.close()


async def test_she_leaves_out_edits_and_merges_each_with_one_key(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="kansen-knelpunten")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        screen, phone = await _open(pilot, "kaarten")
        try:
            for text in ("Onzin <script>alert(1)</script>", "Jongeren via school bereiken", "Dubbel idee"):
                assert (await phone.send("kaart", soort="knelpunt", tekst=text))[0] == 200
            await wait_until(pilot, lambda: len(_queue(app)) == 3, "three in the queue")
            await pilot.press("f4", "delete")  # "Niet tonen"
            await wait_until(pilot, lambda: len(_queue(app)) == 2, "one left out")
            await pilot.press("e")  # "Aanpassen": she fixes the text and makes it a kans
            await wait_for(pilot, FormDialog)
            form = app.screen
            form.query_one("#f-tekst").text = "Jongeren bereiken via scholen en sportclubs"
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: len(_queue(app)) == 1, "one shown after editing")
            await pilot.press("s")  # "Samenvoegen" with a card that is there already
            await wait_for(pilot, FormDialog)
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: _queue(app) == [], "the duplicate merged")
        finally:
            await phone.close()
        s = saved(path)
        assert not any("Onzin" in k.tekst or "script" in k.tekst for k in s.kaarten)
        assert not any("Dubbel" in k.tekst for k in s.kaarten)
        edited = [k for k in s.kaarten if k.tekst == "Jongeren bereiken via scholen en sportclubs"]
        assert len(edited) == 1 and edited[0].uit_de_zaal
        ronde = next(r for r in s.rondes if r.gesloten is None)
        assert (ronde.ontvangen, ronde.getoond, ronde.niet_getoond) == (3, 2, 1)  # merged counts as shown


async def test_points_stay_hidden_until_she_closes_the_round_then_they_count(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="kansen-knelpunten")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        before = {k.id: k.stemmen for k in saved(path).kaarten}
        screen, phone = await _open(pilot, "punten")
        try:
            for _ in range(3):
                assert (await phone.send("punt", keuze="k-20", delta="1"))[0] == 200
            status, page = await phone.send("punt", keuze="k-19", delta="1")
            assert "Nog 1 punt" in page
            await wait_until(pilot, lambda: screen._ronde.punten.get("k-20") == 3, "three points given")
            # Hidden: the cards' points on the board and in the file are as before.
            assert {k.id: k.stemmen for k in saved(path).kaarten} == before
            assert screen._ronde.telling().get("punten") is None
            url = screen._server.url
            await pilot.press("pagedown")  # leaving the step closes the round
            await wait_until(pilot, lambda: screen._server is None, "the round closed")
            after = {k.id: k.stemmen for k in saved(path).kaarten}
            assert after["k-20"] == before["k-20"] + 3 and after["k-19"] == before["k-19"] + 1
            ronde = next(r for r in saved(path).rondes if r.soort == "punten")
            assert ronde.gesloten is not None and ronde.punten == {"k-20": 3, "k-19": 1} and ronde.telefoons == 1
            # The phone hears that it is closed (the page still answers a while), and nothing counts.
            closed = Phone(url)
            try:
                assert "Deze ronde is voorbij" in await closed.page()
            finally:
                await closed.close()
            assert 'name="csrf"' not in await phone.page()  # no form any more on the closed round
            assert {k.id: k.stemmen for k in saved(path).kaarten} == after
        finally:
            await phone.close()
        assert not journal_path(path).exists()  # nothing waits: the journal with the phones' ids is gone


async def test_what_phones_sent_survives_a_crash_and_waits_for_her_at_the_next_start(sessions_dir):
    """The facilitator's Atelier was killed during a round: the journal is read again on opening; what
    waited is in the queue, never in the session until she shows it."""
    path = create_demo_copy(SessionsDir(sessions_dir))
    ronde = Ronde("kaarten", "kansen-knelpunten")
    journal = Journal(path)
    journal.append(ronde.geopend_event())
    for phone, text in (("p1", "Raadsleden op de fiets door de kernen"), ("p2", "Te weinig tijd voor de agenda")):
        event = ronde.zend_tekst(phone, "kans", text)
        journal.append(event)
        ronde.apply(event)
    app = AtelierApp(sessions_dir, open_path=path, step="opening")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_step(pilot)
        screen = _screen(app)
        await wait_until(pilot, lambda: len(_queue(app)) == 2, "the queue read again")
        await wait_until(pilot, lambda: "wachten op uw oordeel" in screen_text(app), "the message about the queue")
        assert not any("fiets" in k.tekst for k in saved(path).kaarten)
        assert screen.query_one(Wachtrij).has_class("-active")
        await pilot.press("f4", "enter", "delete")
        await wait_until(pilot, lambda: _queue(app) == [], "both decided")
    s = saved(path)
    assert [k.tekst for k in s.kaarten if k.uit_de_zaal and "fiets" in k.tekst] == [
        "Raadsleden op de fiets door de kernen"
    ]
    assert not any(k.tekst == "Te weinig tijd voor de agenda" for k in s.kaarten)
    assert not journal_path(path).exists()


@pytest.mark.parametrize("size", [(200, 60), (80, 24)])
async def test_the_rooms_screen_shows_the_invitation_and_the_counts_never_the_queue(sessions_dir, size):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="kansen-knelpunten")
    async with app.run_test(size=size) as pilot:
        await open_step(pilot)
        screen, phone = await _open(pilot, "kaarten")
        try:
            await phone.send("kaart", soort="kans", tekst="Geheim voorstel dat nog wacht")
            await wait_until(pilot, lambda: len(_queue(app)) == 1, "one waiting")
            await pilot.press("f5")  # the room's layout on this screen

            def shown() -> str:
                return " ".join(screen_text(app).split())

            await wait_until(pilot, lambda: "0 getoond · 0 niet getoond" in shown(), "the counts")
            oproep = screen.query_one(ZaalOproep)
            assert oproep.display and not screen.query_one(Wachtrij).display
            shown = shown()
            assert "Geheim voorstel" not in shown  # moderation: nothing unapproved reaches the room
            assert "1 ontvangen" in shown
            assert " ".join(screen._server.code) in shown and "Peiling, geen stemming" in shown
            assert "▀" in shown or "█" in shown or "▄" in shown  # the QR code is drawn
        finally:
            await phone.close()


async def test_f8_asks_what_the_room_does_and_on_which_network_then_f8_closes(sessions_dir, monkeypatch):
    from atelier_tui.screens import session_zaal
    from atelier_tui.widgets.dialogs import ChoiceDialog

    monkeypatch.setattr(session_zaal, "addresses", lambda: [("127.0.0.1", "alleen deze computer")])
    monkeypatch.setattr(session_zaal, "PORT", 0)
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="opening")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        assert "F8" not in screen_text(app)  # no round on the opening: the key is not offered
        await pilot.press("f8")
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog) and _screen(app)._server is None
        await pilot.press("pagedown", "pagedown", "pagedown")  # to kansen en knelpunten
        await wait_until(pilot, lambda: _screen(app).current == "kansen-knelpunten", "the board")
        await open_step(pilot)
        assert "F8 Zaal doet mee" in screen_text(app)
        await pilot.press("f8")
        await wait_for(pilot, ChoiceDialog)
        assert "Punten verdelen" in screen_text(app)
        await pilot.press("enter")  # "Kaarten sturen"
        await wait_until(pilot, lambda: "Welk netwerk?" in screen_text(app), "the choice of network")
        assert "alleen deze computer: 127.0.0.1" in screen_text(app)
        await pilot.press("enter")
        screen = _screen(app)
        await wait_until(pilot, lambda: screen._server is not None, "the round open")
        assert screen._ronde.soort == "kaarten" and screen._server.url.startswith("http://127.0.0.1:")
        await pilot.press("f8")
        await wait_for(pilot, ChoiceDialog)
        await pilot.press("enter")  # "Ja": close
        await wait_until(pilot, lambda: screen._server is None, "the round closed")
        assert next(r for r in saved(path).rondes if r.id == screen_ronde_id(screen, path)).gesloten is not None
        # The next round of the evening asks only what the room does: the network stays.
        await pilot.press("f8")
        await wait_for(pilot, ChoiceDialog)
        await pilot.press("tab", "enter")  # "Punten verdelen"
        await wait_until(pilot, lambda: screen._server is not None, "the second round open")
        assert screen._ronde.soort == "punten" and not isinstance(app.screen, ChoiceDialog)


def screen_ronde_id(screen, path) -> str:
    """The newest round of the session on disk (the one just closed)."""
    return saved(path).rondes[-1].id


async def test_a_ladder_round_shows_the_rooms_placement_beside_hers_once_closed_until_she_moves_on(sessions_dir):
    from atelier_tui.widgets.zaal import ZaalUitslag

    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="ladder")
    async with app.run_test(size=(200, 60)) as pilot:
        await open_step(pilot)
        screen, phone = await _open(pilot, "ladder")
        others = [Phone(screen._server.url) for _ in range(2)]
        try:
            for p, nu in ((phone, "informeren"), (others[0], "informeren"), (others[1], "raadplegen")):
                status, _ = await p.send("plaats", opgave="o-windpark", nu=nu, straks="coproduceren")
                assert status == 200
            await wait_until(pilot, lambda: screen._ronde.telefoons == 3, "three phones")
            await pilot.press("f5")
            assert not screen.query_one(ZaalUitslag).display  # hidden while the round runs
            await screen.close_round()
            await settle(pilot)
            shown = " ".join(screen_text(app).split())
            assert "Zo zette de zaal de opgaven op de ladder (3 telefoons)" in shown
            assert "nu: informeren 2, raadplegen 1 (gekozen: informeren)" in shown
            assert "straks: coproduceren 3" in shown
            await pilot.press("f5", "pagedown")
            await wait_until(pilot, lambda: not screen.query_one(ZaalUitslag).display, "the outcome gone")
        finally:
            for p in (phone, *others):
                await p.close()
    ronde = saved(path).rondes[-1]
    assert ronde.soort == "ladder" and ronde.ladder["o-windpark"]["nu"] == {"informeren": 2, "raadplegen": 1}


async def test_an_evaluatie_round_counts_ratings_at_once_and_queues_reactions(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="evaluatie")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        before = dict(saved(path).evaluatie.cijfers)
        screen, phone = await _open(pilot, "evaluatie")
        try:
            status, page = await phone.send("cijfer", cijfer="4", tekst="Graag vaker zo, met de telefoon.")
            assert status == 200 and "Ontvangen" in page
            await wait_until(pilot, lambda: len(_queue(app)) == 1, "the reaction waiting")
            await pilot.press("f4", "enter")
            await wait_until(pilot, lambda: not _queue(app), "the reaction shown")
            await screen.close_round()
        finally:
            await phone.close()
    s = saved(path)
    assert s.evaluatie.cijfers["4"] == before.get("4", 0) + 1
    reactie = next(r for r in s.evaluatie.reacties if r.tekst == "Graag vaker zo, met de telefoon.")
    assert reactie.uit_de_zaal and not reactie.naam  # anonymous


async def test_atelier_present_shows_the_invitation_it_finds_in_the_view_state(sessions_dir):
    from atelier_tui.store import viewstate

    path = create_demo_copy(SessionsDir(sessions_dir))
    zaal = {
        "open": True,
        "url": "http://192.168.8.20:8765/AbCdEfGhIjKlMnOpQrStUv/",
        "base_url": "http://192.168.8.20:8765/",
        "code": "K7P4QX",
        "telling": {"soort": "kaarten", "ontvangen": 12, "getoond": 9, "niet_getoond": 3, "telefoons": 11},
    }
    viewstate.publish(path, {"seq": 1, "step": "kansen-knelpunten", "zaal": zaal})
    app = AtelierApp(sessions_dir, present_path=path)
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_until(pilot, lambda: "K 7 P 4 Q X" in screen_text(app), "the code on the room's screen")
        shown = " ".join(screen_text(app).split())
        assert (
            "http://192.168.8.20:8765/" in shown and "12 ontvangen" in shown and "9 getoond · 3 niet getoond" in shown
        )
        assert "11 telefoons doen mee" in shown and "Peiling, geen stemming" in shown
        viewstate.publish(path, {"seq": 2, "step": "kansen-knelpunten", "zaal": None})
        await wait_until(pilot, lambda: "K 7 P 4 Q X" not in screen_text(app), "the invitation gone when closed")


async def test_a_card_from_the_room_says_so_on_the_board(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="kansen-knelpunten")
    async with app.run_test(size=(200, 60)) as pilot:
        await open_step(pilot)
        assert "uit de zaal · trend: Digitalisering" in screen_text(app)  # k-08 of the demo came from a phone
