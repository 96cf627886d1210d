"""45 phones at once on 127.0.0.1, against the real server on this test's event loop: every phone
sends a card, the facilitator approves them, and every phone spends its 5 points. Nothing is lost,
no budget is exceeded, and the journal replays to the same rounds. Meanwhile one client floods the
server from another address. No timing assertions: correctness under load only."""

from __future__ import annotations

import asyncio
import random
import re
import socket
from pathlib import Path

from aiohttp import ClientSession, CookieJar, TCPConnector

from atelier_tui.domain.ronde import BUDGET, MAX_TEKSTEN_PER_TELEFOON, Keuze, Ronde
from atelier_tui.store.wachtrij import Journal
from atelier_tui.web.zaal import ZaalServer

PHONES = 45
FLOOD = 10_000


def _second_loopback() -> str | None:
    """127.0.0.2, where the system has it (Linux routes all of 127/8 to the loopback), for the flood."""
    try:
        with socket.socket() as s:
            s.bind(("127.0.0.2", 0))
        return "127.0.0.2"
    except OSError:
        return None


def _csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


class Phone:
    def __init__(self, n: int) -> None:
        self.n = n
        self.session = ClientSession(cookie_jar=CookieJar(unsafe=True))
        self.tekst = f"Kaart van telefoon {n}: {'<b>' if n % 7 == 0 else ''}meer inwoners aan tafel"

    async def close(self) -> None:
        await self.session.close()

    async def get(self, url: str) -> str:
        async with self.session.get(url) as response:
            assert response.status == 200
            return await response.text()

    async def post(self, url: str, data: dict) -> tuple[int, str]:
        async with self.session.post(url, data=data) as response:
            return response.status, await response.text()

    async def send_card(self, url: str) -> None:
        await asyncio.sleep(random.random() * 0.2)
        csrf = _csrf(await self.get(url))
        status, page = await self.post(url + "kaart", {"csrf": csrf, "soort": "kans", "tekst": self.tekst})
        assert status == 200 and "<strong>Ontvangen</strong>" in page, (status, page[-400:])

    async def spend(self, url: str, cards: list[str]) -> None:
        await asyncio.sleep(random.random() * 0.2)
        csrf = _csrf(await self.get(url))
        rng = random.Random(self.n)
        for _ in range(BUDGET):
            status, page = await self.post(url + "punt", {"csrf": csrf, "keuze": rng.choice(cards), "delta": "1"})
            assert status == 200 and "<strong>Ontvangen</strong>" in page, (status, page[-400:])
        assert "U heeft al uw punten gegeven." in page
        status, page = await self.post(url + "punt", {"csrf": csrf, "keuze": cards[0], "delta": "1"})
        assert status == 409  # a sixth point is refused


async def flood(url: str, address: str) -> dict[int, int]:
    """One client, from another address than the phones, posting FLOOD times as fast as it can;
    status -> how often."""
    statuses: dict[int, int] = {}
    connector = TCPConnector(local_addr=(address, 0), limit=8)
    async with ClientSession(cookie_jar=CookieJar(unsafe=True), connector=connector) as client:
        async with client.get(url) as response:
            csrf = _csrf(await response.text())
        sent = 0

        async def worker() -> None:
            nonlocal sent
            while sent < FLOOD:
                sent += 1
                data = {"csrf": csrf, "soort": "knelpunt", "tekst": f"flood {sent}"}
                async with client.post(url + "kaart", data=data, allow_redirects=False) as response:
                    await response.read()
                    statuses[response.status] = statuses.get(response.status, 0) + 1

        await asyncio.gather(*(worker() for _ in range(8)))
    return statuses


async def test_45_phones_send_a_card_and_spend_5_points(tmp_path: Path):
    session = tmp_path / "sessie.json"
    kaarten = Ronde("kaarten", "kansen-knelpunten")
    journal = Journal(session)
    journal.append(kaarten.geopend_event())
    changes = []
    server = ZaalServer(kaarten, journal, "127.0.0.1", on_change=lambda: changes.append(1))
    await server.start()
    phones = [Phone(n) for n in range(PHONES)]
    try:
        address = _second_loopback()  # (without one the flood would share the phones' rate limit)
        flooding = asyncio.create_task(flood(server.url, address)) if address else None
        await asyncio.gather(*(p.send_card(server.url) for p in phones))
        statuses = await flooding if flooding else {}
        assert sum(statuses.values()) == (FLOOD if address else 0)
        # Every phone's card waits in the queue, once; the flood got at most its 20 texts in.
        texts = [i.tekst for i in kaarten.wachtrij]
        mine = [t for t in texts if not t.startswith("flood ")]
        assert sorted(mine) == sorted(p.tekst for p in phones)
        assert len(texts) - len(mine) <= MAX_TEKSTEN_PER_TELEFOON
        assert statuses.get(303, 0) <= MAX_TEKSTEN_PER_TELEFOON
        assert set(statuses) <= {303, 429}, statuses
        assert kaarten.telefoons == PHONES + (1 if statuses.get(303) else 0)
        assert len(changes) == kaarten.ontvangen
        # The facilitator approves the phones' cards and rejects the flood.
        for item in kaarten.wachtrij:
            await server.record(
                kaarten.besluit(item.id, "niet_getoond" if item.tekst.startswith("flood ") else "getoond")
            )
        await server.record(kaarten.sluit())
        assert kaarten.getoond == PHONES and kaarten.wachtrij == []
        approved = [i for i in kaarten.inzendingen.values() if kaarten.besluiten[i.id] == "getoond"]
        assert Ronde.replay(journal.read()).toestand() == kaarten.toestand()
        assert journal.path.stat().st_size < 1024 * 1024  # the flood did not fill the disk
    finally:
        await server.stop()
    journal.remove()

    # The points round, on the approved cards.
    cards = [Keuze(i.id, i.tekst) for i in approved]
    punten = Ronde("punten", "kansen-knelpunten", keuzes=cards)
    journal = Journal(session)
    journal.append(punten.geopend_event())
    server = ZaalServer(punten, journal, "127.0.0.1")
    await server.start()
    try:
        ids = [c.id for c in cards]
        await asyncio.gather(*(p.spend(server.url, ids) for p in phones))
        assert sum(punten.punten.values()) == PHONES * BUDGET
        assert punten.telling()["punten_gegeven"] == PHONES * BUDGET
        assert punten.telefoons == PHONES
        again = Ronde.replay(journal.read())
        assert again.toestand() == punten.toestand()
        for phone in again._punten_van:
            assert again.punten_over(phone) == 0
    finally:
        await server.stop()
        for p in phones:
            await p.close()
