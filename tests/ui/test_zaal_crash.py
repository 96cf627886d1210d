"""A card the phone was told has arrived survives a kill -9 of the facilitator's Atelier, and waits for
her judgement at the next start: the real app in a pseudo-terminal, a real HTTP client as the phone."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.parse
import urllib.request

from atelier_tui.store import viewstate
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir
from atelier_tui.store.wachtrij import journal_path

from ..pty import ENTER, atelier
from .screen import saved

F4, F8 = b"\x1bOS", b"\x1b[19~"


def _phone_sends(url: str, text: str) -> str:
    """A phone opens the link and sends a kans; the page it ends on."""
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = browser.open(url, timeout=10).read().decode()
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    assert token, "the phone page has no form"
    data = urllib.parse.urlencode({"csrf": token.group(1), "soort": "kans", "tekst": text}).encode()
    return browser.open(url + "kaart", data=data, timeout=10).read().decode()


def _round_url(path) -> str | None:
    zaal = (viewstate.read(path) or {}).get("zaal") or {}
    return zaal.get("url") if zaal.get("open") else None


def test_a_card_that_arrived_survives_a_kill_and_waits_for_her_at_the_next_start(sessions_dir):
    path = create_demo_copy(SessionsDir(sessions_dir))
    text = "Een spreekuur van de raad op de markt"
    with atelier("open", path, "--step", "kansen-knelpunten") as term:
        term.wait_for(b"KANSEN")
        term.write(F8)
        term.wait_for(b"Wat doet de zaal")
        term.write(ENTER)  # Kaarten sturen
        term.wait_for(b"Welk netwerk?")
        term.write(ENTER)  # alleen deze computer
        assert term.read_until(lambda: _round_url(path) is not None, 20), "the round never opened"
        assert "Ontvangen" in _phone_sends(_round_url(path), text)
        term.wait_for(b"1 ontvangen")
        term.proc.kill()  # kill -9, while the card waits in her queue
        term.proc.wait()
    assert journal_path(path).exists()
    assert not any(text in k.tekst for k in saved(path).kaarten)  # never in the session unapproved
    with atelier("open", path, "--step", "kansen-knelpunten") as term:
        term.wait_for(b"wachten op uw oordeel")
        term.write(F4 + ENTER)  # to the queue; "Tonen"
        assert term.read_until(lambda: any(text in k.tekst for k in saved(path).kaarten), 20), "never shown"
    card = next(k for k in saved(path).kaarten if text in k.tekst)
    assert card.uit_de_zaal
    assert not journal_path(path).exists()  # decided, and the round closed: forgotten
