"""The phone round's web server (web/zaal.py) through aiohttp's test client: tokens, sizes, rates,
CSRF, closed rounds, hostile text, and the pages of each kind of round."""

from __future__ import annotations

import asyncio
import ipaddress
import re
from pathlib import Path

import pytest
from aiohttp import ClientSession, CookieJar
from aiohttp.test_utils import TestClient, TestServer

from atelier_tui.domain.ronde import Keuze, Ronde, Trede
from atelier_tui.store.wachtrij import Journal, JournalError
from atelier_tui.teksten import zaal as T
from atelier_tui.web import zaal as Z
from atelier_tui.web.zaal import ZaalServer, addresses, make_app

TOKEN = "Tok3n-van-de-ronde_123"
CODE = "K7P4QX"
KAARTEN = (Keuze("k1", "Meer inwoners aan tafel"), Keuze("k2", "Te weinig tijd"), Keuze("k3", "Jongeren"))
OPGAVEN = (Keuze("o1", "Omgevingsvisie"), Keuze("o2", "Speeltuin"))
TREDEN = (Trede("informeren", "Informeren"), Trede("raadplegen", "Raadplegen"), Trede("meebeslissen", "Meebeslissen"))
HOSTILE = "<script>alert('x')</script> & \"quotes\" <img src=x onerror=alert(1)>"


class Zaal:
    """A round, its journal and a test client on its app."""

    def __init__(self, tmp_path: Path, ronde: Ronde, **kwargs) -> None:
        self.ronde = ronde
        self.journal = Journal(tmp_path / "sessie.json")
        self.journal.append(ronde.geopend_event())
        self.changes = 0
        self.app = make_app(ronde, self.journal, token=TOKEN, code=CODE, on_change=self._changed, **kwargs)
        self.client: TestClient | None = None

    def _changed(self) -> None:
        self.changes += 1

    async def __aenter__(self) -> Zaal:
        self.client = TestClient(TestServer(self.app))
        await self.client.start_server()
        return self

    async def __aexit__(self, *exc) -> None:
        assert self.client is not None
        await self.client.close()

    async def page(self, client: TestClient | None = None) -> tuple[int, str]:
        response = await (client or self.client).get(f"/{TOKEN}/")
        return response.status, await response.text()

    async def csrf(self, client: TestClient | None = None) -> str:
        _, text = await self.page(client)
        return re.search(r'name="csrf" value="([^"]+)"', text).group(1)

    async def post(self, actie: str, data: dict, *, client=None, follow=True) -> tuple[int, str, str]:
        """(status, page, where it was sent: the redirect's Location, or the address posted to)."""
        data = {"csrf": await self.csrf(client), **data}
        response = await (client or self.client).post(f"/{TOKEN}/{actie}", data=data, allow_redirects=follow)
        if response.history:
            where = response.history[0].headers["Location"]
        else:
            where = response.headers.get("Location", str(response.url))
        return response.status, await response.text(), where


def kaarten() -> Ronde:
    return Ronde("kaarten", "kansen-knelpunten")


def punten(budget: int = 5) -> Ronde:
    return Ronde("punten", "kansen-knelpunten", keuzes=KAARTEN, budget=budget)


def text_of(page: str) -> str:
    """The visible text of a page, roughly (tags out, entities kept)."""
    body = page.split("<body>", 1)[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


# --- The page for the short code -------------------------------------------------------------------------


async def test_the_code_page_leads_to_the_round(tmp_path):
    async with Zaal(tmp_path, kaarten()) as z:
        response = await z.client.get("/")
        page = await response.text()
        assert response.status == 200 and T.CODE_UITLEG in page and T.PEILING in page
        cookie = response.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        response = await z.client.post("/", data={"csrf": csrf, "code": " k7p4-qx "}, allow_redirects=False)
        assert response.status == 303 and response.headers["Location"] == f"/{TOKEN}/"
        response = await z.client.post("/", data={"csrf": csrf, "code": "K7P4QX"})
        assert response.status == 200 and T.KAART_KOP in await response.text()


async def test_a_wrong_code_is_told_kindly_and_guessing_is_rate_limited(tmp_path):
    async with Zaal(tmp_path, kaarten()) as z:
        page = await (await z.client.get("/")).text()
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        for _ in range(Z.CODE_PER_ADRES):
            response = await z.client.post("/", data={"csrf": csrf, "code": "AAAAAA"}, allow_redirects=False)
            assert response.status == 400 and T.CODE_FOUT in await response.text()
        response = await z.client.post("/", data={"csrf": csrf, "code": "AAAAAA"}, allow_redirects=False)
        assert response.status == 429 and T.CODE_TE_VAAK in await response.text()
        # No CSRF token: refused before the code is even looked at.
        response = await z.client.post("/", data={"code": CODE}, allow_redirects=False)
        assert response.status == 403


def test_the_short_code_and_the_token():
    for _ in range(50):
        code = Z.nieuwe_code()
        assert len(code) == 6 and set(code) <= set(Z.CODE_ALFABET)
    assert not set("0O1IL2Z5S8B") & set(Z.CODE_ALFABET)


# --- Tokens and paths -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method,path",
    [
        ("GET", "/verkeerd-token/"),
        ("GET", f"/{TOKEN}x/"),
        ("GET", f"/{TOKEN[:-1]}/"),
        ("GET", f"/{TOKEN}"),
        ("GET", "/favicon.ico"),
        ("POST", "/verkeerd-token/kaart"),
        ("POST", f"/{TOKEN}/onbekend"),
        ("GET", "/static/x.css"),
    ],
)
async def test_a_wrong_token_or_any_other_path_is_a_404(tmp_path, method, path):
    async with Zaal(tmp_path, kaarten()) as z:
        response = await z.client.request(method, path, allow_redirects=False)
        page = await response.text()
        assert response.status == 404, path
        assert T.NIET_GEVONDEN_KOP in page and TOKEN not in page
        assert response.headers["Content-Security-Policy"] == Z.CSP


async def test_an_old_token_is_a_404(tmp_path):
    old = Ronde("kaarten", "kansen-knelpunten")
    async with Zaal(tmp_path, kaarten()) as z:
        other = ZaalServer(old, z.journal, "127.0.0.1")  # another round's token
        response = await z.client.get(f"/{other.token}/")
        assert response.status == 404


async def test_wrong_method_is_refused_in_dutch(tmp_path):
    async with Zaal(tmp_path, kaarten()) as z:
        response = await z.client.get(f"/{TOKEN}/kaart")
        assert response.status in (404, 405) and T.PEILING in await response.text()
        response = await z.client.put(f"/{TOKEN}/")
        assert response.status == 405 and T.NIET_TOEGESTAAN in await response.text()


# --- Sizes and rates ----------------------------------------------------------------------------------------


async def test_a_body_over_a_few_kilobytes_is_a_413(tmp_path):
    async with Zaal(tmp_path, kaarten()) as z:
        csrf = await z.csrf()
        data = {"csrf": csrf, "soort": "kans", "tekst": "x" * (Z.MAX_BODY + 1)}
        response = await z.client.post(f"/{TOKEN}/kaart", data=data, allow_redirects=False)
        assert response.status == 413 and T.TE_GROOT in await response.text()
        assert z.ronde.ontvangen == 0
        # A full text of 280 characters, even of four-byte emoji, fits.
        status, page, _ = await z.post("kaart", {"soort": "kans", "tekst": "\U0001f600" * 280})
        assert status == 200 and "<strong>Ontvangen</strong>" in page


async def test_more_than_30_posts_a_minute_from_one_phone_is_a_429(tmp_path):
    async with Zaal(tmp_path, kaarten()) as z:
        csrf = await z.csrf()
        statuses = []
        for i in range(Z.PER_TELEFOON + 3):
            data = {"csrf": csrf, "soort": "kans", "tekst": f"kaart {i}"}
            response = await z.client.post(f"/{TOKEN}/kaart", data=data, allow_redirects=False)
            statuses.append(response.status)
            page = await response.text()
            if i >= Z.PER_TELEFOON:
                assert T.TE_SNEL in page
            elif i >= 20:
                assert "U heeft al 20 kaarten gestuurd." in page
        # 20 texts per phone, then the round's own limit (429 too), then the rate limit.
        assert statuses[:20] == [303] * 20
        assert statuses[Z.PER_TELEFOON :] == [429] * 3
        assert z.ronde.ontvangen == 20
        other = TestClient(TestServer(z.app))  # another phone is not held up
        async with other:
            status, page, _ = await z.post("kaart", {"soort": "kans", "tekst": "van een ander"}, client=other)
            assert status == 200


async def test_too_many_requests_from_one_address_is_a_429(tmp_path):
    async with Zaal(tmp_path, kaarten(), per_adres=5) as z:
        statuses = [(await z.client.get(f"/{TOKEN}/")).status for _ in range(7)]
        assert statuses == [200] * 5 + [429] * 2


def test_the_rate_counter_forgets_after_a_minute_and_stays_small():
    teller = Z._Teller(2, max_keys=100)
    assert [teller.hit("a", 0.0) for _ in range(3)] == [True, True, False]
    assert teller.hit("a", 61.0)
    for i in range(1000):
        teller.hit(f"k{i}", 100.0 + i / 1000)
    assert len(teller._windows) <= 100


# --- CSRF and cookies --------------------------------------------------------------------------------------------


async def test_posts_without_or_with_a_wrong_csrf_token_are_a_403(tmp_path):
    async with Zaal(tmp_path, kaarten()) as z:
        await z.page()
        for data in ({}, {"csrf": ""}, {"csrf": "0" * 32}, {"csrf": ["a", "b"]}):
            response = await z.client.post(f"/{TOKEN}/kaart", data={"soort": "kans", "tekst": "x", **data})
            assert response.status == 403 and T.VERLOPEN in await response.text()
        # Another phone's token does not work with this phone's cookie.
        other = TestClient(TestServer(z.app))
        async with other:
            their_csrf = await z.csrf(other)
        data = {"csrf": their_csrf, "soort": "kans", "tekst": "x"}
        response = await z.client.post(f"/{TOKEN}/kaart", data=data)
        assert response.status == 403
        assert z.ronde.ontvangen == 0 and z.changes == 0


async def test_a_post_without_a_cookie_is_a_403(tmp_path):
    async with Zaal(tmp_path, kaarten()) as z:
        csrf = await z.csrf()
        z.client.session.cookie_jar.clear()
        response = await z.client.post(f"/{TOKEN}/kaart", data={"csrf": csrf, "soort": "kans", "tekst": "x"})
        assert response.status == 403 and z.ronde.ontvangen == 0
        assert "atelier_zaal=" in response.headers.get("Set-Cookie", "")  # a new one, to try again with


async def test_the_journal_holds_no_cookie_and_no_address(tmp_path):
    async with Zaal(tmp_path, kaarten()) as z:
        await z.post("kaart", {"soort": "kans", "tekst": "een kaart"})
        cookie = next(c.value for c in z.client.session.cookie_jar if c.key == Z.COOKIE)
        raw = z.journal.path.read_text()
        assert cookie not in raw and "127.0.0.1" not in raw
        [_, event] = z.journal.read()
        assert event["telefoon"] == z.app[Z.ZAAL].telefoon(cookie)


# --- Closed rounds ------------------------------------------------------------------------------------------------


async def test_a_closed_round_says_so_and_accepts_nothing(tmp_path):
    async with Zaal(tmp_path, kaarten()) as z:
        csrf = await z.csrf()
        z.ronde.apply(z.ronde.sluit())
        status, page = await z.page()
        assert status == 200 and T.GESLOTEN_KOP in page and "<form" not in page
        response = await z.client.post(f"/{TOKEN}/kaart", data={"csrf": csrf, "soort": "kans", "tekst": "te laat"})
        page = await response.text()
        assert response.status == 410 and "Deze ronde is gesloten." in page
        assert z.ronde.ontvangen == 0 and len(z.journal.read()) == 1


# --- kaarten ---------------------------------------------------------------------------------------------------------


async def test_a_card_arrives_after_the_journal_and_the_page_says_what_is_left(tmp_path):
    async with Zaal(tmp_path, kaarten()) as z:
        status, page = await z.page()
        assert status == 200
        assert 'name="viewport"' in page and "prefers-color-scheme:dark" in page and T.PEILING in page
        assert 'value="kans"' in page and 'value="knelpunt"' in page and 'maxlength="280"' in page
        status, page, url = await z.post("kaart", {"soort": "knelpunt", "tekst": "Te weinig tijd"}, follow=False)
        assert status == 303 and url == f"/{TOKEN}/?ok=kaart"
        assert z.ronde.ontvangen == 1 and z.changes == 1
        assert [e["type"] for e in z.journal.read()] == ["geopend", "tekst"]
        status, page, url = await z.post("kaart", {"soort": "kans", "tekst": "Jongeren"})
        assert status == 200 and url == f"/{TOKEN}/?ok=kaart"
        assert "<strong>Ontvangen</strong>" in page and "U kunt nog 18 kaarten sturen." in page
        assert [(i.soort, i.tekst) for i in z.ronde.wachtrij] == [("knelpunt", "Te weinig tijd"), ("kans", "Jongeren")]
        # A reload shows the page again; it posts nothing.
        await z.page()
        assert z.ronde.ontvangen == 2


async def test_a_refused_card_keeps_what_was_typed(tmp_path):
    async with Zaal(tmp_path, kaarten()) as z:
        status, page, _ = await z.post("kaart", {"tekst": "Zonder soort"})
        assert status == 400 and T.KIES_SOORT in page and ">Zonder soort</textarea>" in page
        status, page, _ = await z.post("kaart", {"soort": "kans", "tekst": " \x1b[2J "})
        assert status == 400 and T.LEEG in page
        assert z.ronde.ontvangen == 0 and z.changes == 0


async def test_hostile_text_stays_plain_text_and_is_escaped_on_every_page(tmp_path):
    async with Zaal(tmp_path, kaarten()) as z:
        status, page, _ = await z.post("kaart", {"tekst": HOSTILE})  # refused: the text comes back
        assert status == 400
        assert "<script>" not in page and "<img" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;" in page
        status, page, _ = await z.post("kaart", {"soort": "kans", "tekst": HOSTILE + "\u202e\x07"})
        assert status == 200 and "<script>" not in page
        [item] = z.ronde.wachtrij
        assert item.tekst == HOSTILE  # plain text, cleaned; escaping is the page's work
    hostile_keuzes = (Keuze("k1", HOSTILE), Keuze('"><b>', "</form><form action=//evil>"))
    ronde = Ronde("punten", "kansen-knelpunten", keuzes=hostile_keuzes)
    (tmp_path / "p").mkdir()
    async with Zaal(tmp_path / "p", ronde) as z:
        _, page = await z.page()
        assert "<script>" not in page and "<img" not in page and "<form action=//evil" not in page
        assert "</form><form action" not in page and 'value="&quot;&gt;&lt;b&gt;"' in page
    ronde = Ronde("ladder", "ladder", keuzes=(Keuze("o1", HOSTILE),), treden=(Trede("t", "<i>Trede</i>"),))
    (tmp_path / "l").mkdir()
    async with Zaal(tmp_path / "l", ronde) as z:
        _, page = await z.page()
        assert "<script>" not in page and "<i>" not in page and "&lt;i&gt;Trede&lt;/i&gt;" in page


async def test_pages_load_nothing_from_elsewhere_and_send_strict_headers(tmp_path):
    for ronde in (kaarten(), punten(), Ronde("ladder", "ladder", keuzes=OPGAVEN, treden=TREDEN)):
        folder = tmp_path / ronde.soort
        folder.mkdir()
        async with Zaal(folder, ronde) as z:
            response = await z.client.get(f"/{TOKEN}/")
            page = await response.text()
            assert "<script" not in page and "http://" not in page and "https://" not in page
            assert "@import" not in page and "url(" not in page and "<link" not in page
            headers = response.headers
            assert headers["Content-Security-Policy"].startswith("default-src 'none'")
            assert headers["Cache-Control"] == "no-store" and headers["X-Content-Type-Options"] == "nosniff"
            assert headers["Referrer-Policy"] == "no-referrer"
            assert "min-height:48px" in page  # touch targets


# --- punten ---------------------------------------------------------------------------------------------------------


async def test_points_from_a_phone(tmp_path):
    async with Zaal(tmp_path, punten(budget=3)) as z:
        _, page = await z.page()
        assert "Nog 3 punten te geven." in page and "Meer inwoners aan tafel" in page
        assert page.count('name="delta" value="1"') == 3
        status, page, url = await z.post("punt", {"keuze": "k1", "delta": "1"})
        assert status == 200 and url == f"/{TOKEN}/?ok=punt&bij=k1#k-k1"
        # "Ontvangen" stands in the card that changed, where the page opens.
        card = page.split('id="k-k1"', 1)[1].split("</form>", 1)[0]
        assert "<strong>Ontvangen</strong>" in card and "Nog 2 punten te geven." in card
        assert page.count("<strong>Ontvangen</strong>") == 1
        assert "1 punt van u" in page
        await z.post("punt", {"keuze": "k1", "delta": "1"})
        status, page, _ = await z.post("punt", {"keuze": "k2", "delta": "1"})
        assert "U heeft al uw punten gegeven." in page
        status, page, _ = await z.post("punt", {"keuze": "k3", "delta": "1"})
        assert status == 409 and T.GEEN_PUNTEN_MEER in page
        status, page, _ = await z.post("punt", {"keuze": "k1", "delta": "-1"})
        assert status == 200 and "Nog 1 punt te geven." in page
        status, page, _ = await z.post("punt", {"keuze": "k3", "delta": "-1"})
        assert status == 409 and T.GEEN_PUNT_OP_KAART in page
        for bad in ("2", "", "abc", "+2"):
            status, _, _ = await z.post("punt", {"keuze": "k1", "delta": bad})
            assert status == 400
        assert z.ronde.punten == {"k1": 1, "k2": 1}
        assert z.ronde.telling()["punten_gegeven"] == 2 and "punten" not in z.ronde.telling()


async def test_two_posts_at_once_cannot_both_spend_the_last_point(tmp_path):
    async with Zaal(tmp_path, punten(budget=5)) as z:
        csrf = await z.csrf()

        async def spend(keuze: str) -> int:
            response = await z.client.post(f"/{TOKEN}/punt", data={"csrf": csrf, "keuze": keuze, "delta": "1"})
            return response.status

        statuses = await asyncio.gather(*(spend(k.id) for k in KAARTEN for _ in range(3)))
        assert sorted(statuses) == [200] * 5 + [409] * 4
        assert sum(z.ronde.punten.values()) == 5
        cookie = next(c.value for c in z.client.session.cookie_jar if c.key == Z.COOKIE)
        assert z.ronde.punten_over(z.app[Z.ZAAL].telefoon(cookie)) == 0
        assert Ronde.replay(z.journal.read()).toestand() == z.ronde.toestand()


async def test_a_punten_round_without_cards_says_to_wait(tmp_path):
    async with Zaal(tmp_path, Ronde("punten", "kansen-knelpunten")) as z:
        _, page = await z.page()
        assert T.GEEN_KAARTEN in page
        z.ronde.set_keuzes(KAARTEN)
        _, page = await z.page()
        assert "Jongeren" in page


# --- ladder -----------------------------------------------------------------------------------------------------------


async def test_a_phone_places_the_opgaven_and_may_change_its_mind(tmp_path):
    async with Zaal(tmp_path, Ronde("ladder", "ladder", keuzes=OPGAVEN, treden=TREDEN)) as z:
        _, page = await z.page()
        assert page.count('name="nu"') == 6 and page.count('name="straks"') == 6
        status, page, url = await z.post("plaats", {"opgave": "o1", "nu": "informeren", "straks": "meebeslissen"})
        assert status == 200 and url == f"/{TOKEN}/?ok=plaats&bij=o1#o-o1"
        opgave = page.split('id="o-o1"', 1)[1].split("</form>", 1)[0]
        assert "<strong>Ontvangen</strong>" in opgave and T.ONTVANGEN_PLAATS in opgave
        assert "Uw keuze: NU Informeren, STRAKS Meebeslissen" in page
        assert 'name="nu" value="informeren" checked' in page
        await z.post("plaats", {"opgave": "o1", "nu": "raadplegen", "straks": "meebeslissen"})
        status, page, _ = await z.post("plaats", {"opgave": "o2"})
        assert status == 400 and T.KIES_TREDE in page
        status, page, _ = await z.post("plaats", {"opgave": "o1", "nu": "hemel"})
        assert status == 400 and T.TREDE_WEG in page
        assert z.ronde.ladder == {"o1": {"nu": {"raadplegen": 1}, "straks": {"meebeslissen": 1}}}


# --- evaluatie ------------------------------------------------------------------------------------------------------------


async def test_a_rating_and_a_reaction(tmp_path):
    async with Zaal(tmp_path, Ronde("evaluatie", "evaluatie")) as z:
        _, page = await z.page()
        assert page.count('name="cijfer"') == 5 and T.EVALUATIE_TEKST in page
        status, page, url = await z.post("cijfer", {"cijfer": "4"})
        assert status == 200 and url.endswith("?ok=cijfer") and T.ONTVANGEN_CIJFER in page
        assert "Uw cijfer: 4." in page
        status, page, url = await z.post("cijfer", {"cijfer": "5", "tekst": "Fijne avond"})
        assert url.endswith("?ok=reactie") and T.ONTVANGEN_REACTIE in page
        status, page, _ = await z.post("cijfer", {"cijfer": "9", "tekst": "blijft staan"})
        assert status == 400 and T.KIES_CIJFER in page and ">blijft staan</textarea>" in page
        assert z.ronde.cijfers == {"1": 0, "2": 0, "3": 0, "4": 0, "5": 1}
        assert [(i.soort, i.tekst) for i in z.ronde.wachtrij] == [("reactie", "Fijne avond")]


# --- A journal that cannot be written -------------------------------------------------------------------------------------


async def test_when_the_journal_fails_the_phone_hears_not_received_and_nothing_changes(tmp_path, monkeypatch):
    async with Zaal(tmp_path, kaarten()) as z:

        def full(event):
            raise JournalError(28, T.JOURNAAL_VOL)

        monkeypatch.setattr(z.journal, "append", full)
        status, page, _ = await z.post("kaart", {"soort": "kans", "tekst": "Bewaar mij"})
        assert status == 503 and "Niet ontvangen. Probeer het opnieuw." in page
        assert "<strong>Ontvangen</strong>" not in page and ">Bewaar mij</textarea>" in page
        assert z.ronde.ontvangen == 0 and z.changes == 0


async def test_an_error_in_on_change_does_not_hurt_the_phone(tmp_path):
    ronde = kaarten()
    journal = Journal(tmp_path / "s.json")
    journal.append(ronde.geopend_event())

    def broken() -> None:
        raise RuntimeError("screen gone")

    app = make_app(ronde, journal, token=TOKEN, code=CODE, on_change=broken)
    async with TestClient(TestServer(app)) as client:
        page = await (await client.get(f"/{TOKEN}/")).text()
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        response = await client.post(f"/{TOKEN}/kaart", data={"csrf": csrf, "soort": "kans", "tekst": "x"})
        assert response.status == 200 and "<strong>Ontvangen</strong>" in await response.text()
    assert ronde.ontvangen == 1


# --- The server on a real socket -----------------------------------------------------------------------------------------


async def test_the_server_listens_where_asked_and_records_the_facilitators_changes(tmp_path):
    ronde = kaarten()
    journal = Journal(tmp_path / "s.json")
    journal.append(ronde.geopend_event())
    changes = []
    server = ZaalServer(ronde, journal, "127.0.0.1", on_change=lambda: changes.append(1))
    assert len(server.token) >= 22 and len(server.code) == 6
    await server.start()
    try:
        assert server.port > 0 and server.running
        assert server.url == f"http://127.0.0.1:{server.port}/{server.token}/"
        assert server.base_url == f"http://127.0.0.1:{server.port}/"
        async with ClientSession(cookie_jar=CookieJar(unsafe=True)) as phone:
            async with phone.get(server.url) as response:
                page = await response.text()
                assert response.headers["Server"] == "Atelier"
            csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
            async with phone.post(server.url + "kaart", data={"csrf": csrf, "soort": "kans", "tekst": "x"}) as r:
                assert "<strong>Ontvangen</strong>" in await r.text()
            [item] = ronde.wachtrij
            await server.record(ronde.besluit(item.id, "getoond"))
            await server.record(ronde.sluit())
            assert ronde.getoond == 1 and not ronde.open and len(changes) == 3
            assert [e["type"] for e in journal.read()] == ["geopend", "tekst", "besluit", "sluit"]
            async with phone.get(server.url) as response:
                assert T.GESLOTEN_KOP in await response.text()
    finally:
        await server.stop()
    assert not server.running
    with pytest.raises(OSError):
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.close()
    await server.stop()  # twice is fine


def test_ipv6_addresses_are_bracketed_in_the_url(tmp_path):
    server = ZaalServer(kaarten(), Journal(tmp_path / "s.json"), "::1", 8123)
    assert server.url.startswith("http://[::1]:8123/") and server.base_url == "http://[::1]:8123/"


def test_addresses_start_with_this_computer_only():
    found = addresses()
    assert found[0] == ("127.0.0.1", "alleen deze computer")
    ips = [ip for ip, _ in found]
    assert len(ips) == len(set(ips))
    for ip, label in found[1:]:
        assert ipaddress.ip_address(ip).version == 4 and not ipaddress.ip_address(ip).is_loopback
        assert label.startswith(T.ADRES_NETWERK)
