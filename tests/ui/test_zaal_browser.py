"""A phone in the room, for real: the system's headless Chromium at a phone's size opens the join link,
sends a card and spends points; the facilitator approves in the TUI, and it shows on the board.

Selenium blocks, so every browser step runs in a thread: the round's server runs on the app's loop.
"""

from __future__ import annotations

import asyncio
import shutil

import pytest

from atelier_tui.app import AtelierApp
from atelier_tui.screens.session import SessionScreen
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir

from .screen import open_step, saved, screen_text, wait_until

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="needs the system's chromium and chromedriver (bash .ci/run installs them)",
)


@pytest.fixture
def phone():
    """Headless Chromium the size of a phone (360 x 740), in Dutch."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=360,740", "--lang=nl"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


def _tap(driver, button) -> None:
    """Tap a button of a form and wait until the next page is there (the old one goes stale)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, 15).until(EC.staleness_of(old))


def _send_card(driver, url: str, text: str) -> str:
    from selenium.webdriver.common.by import By

    driver.get(url)
    driver.find_element(By.CSS_SELECTOR, 'input[name="soort"][value="kans"]').click()
    driver.find_element(By.ID, "tekst").send_keys(text)
    _tap(driver, driver.find_element(By.CSS_SELECTOR, 'form button[type="submit"]'))
    return driver.find_element(By.TAG_NAME, "body").text


def _give_points(driver, url: str, card: str, n: int) -> str:
    from selenium.webdriver.common.by import By

    driver.get(url)
    for _ in range(n):
        _tap(driver, driver.find_element(By.ID, f"k-{card}").find_element(By.CSS_SELECTOR, 'button[value="1"]'))
    return driver.find_element(By.TAG_NAME, "body").text


def _page_fits(driver) -> bool:
    """Nothing wider than the phone's screen (no sideways scrolling)."""
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


async def test_a_phone_sends_a_card_and_spends_points_and_the_facilitator_approves(sessions_dir, phone):
    path = create_demo_copy(SessionsDir(sessions_dir))
    app = AtelierApp(sessions_dir, open_path=path, step="kansen-knelpunten")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert await screen.open_round("kaarten", "127.0.0.1", port=0)
        url = screen._server.url
        body = await asyncio.to_thread(_send_card, phone, url, "Een vaste avond per kwartaal in elk dorpshuis")
        assert "Ontvangen" in body and "peiling, geen stemming" in body.lower()
        assert await asyncio.to_thread(_page_fits, phone)
        await wait_until(pilot, lambda: screen._ronde.wachtrij, "the card in her queue")
        assert not any("vaste avond" in k.tekst for k in saved(path).kaarten)  # not before she approves
        await pilot.press("f4", "enter")
        await wait_until(pilot, lambda: any("vaste avond" in k.tekst for k in saved(path).kaarten), "the card saved")
        card = next(k for k in saved(path).kaarten if "vaste avond" in k.tekst)
        assert card.uit_de_zaal and card.kolom == "kans"
        await wait_until(pilot, lambda: "vaste avond" in screen_text(app), "the card on the board")

        # The next round: points. The same phone spends three on the card it sent.
        await screen.close_round()
        assert await screen.open_round("punten", "127.0.0.1", port=0)
        url = screen._server.url
        body = await asyncio.to_thread(_give_points, phone, url, card.id, 3)
        assert "Nog 2 punten" in body
        await wait_until(pilot, lambda: screen._ronde.punten.get(card.id) == 3, "three points arrived")
        assert next(k for k in saved(path).kaarten if k.id == card.id).stemmen == 0  # hidden until closed
        await screen.close_round()
        assert next(k for k in saved(path).kaarten if k.id == card.id).stemmen == 3
