"""Remote members follow in a browser: ``atelier meekijken`` serves the room's screen, read-only.

The browser test drives the system's headless Chromium (with chromedriver, through selenium) and
reads what the page receives over its websocket (the room's screen as the terminal draws it).
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from atelier_tui.domain.session import Kaart
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, file_stamp, open_session

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture
def demo(sessions_dir: Path) -> Path:
    path = create_demo_copy(SessionsDir(sessions_dir))
    opened = open_session(path)
    opened.session.huidige_stap = "kansen-knelpunten"
    assert opened.save().ok
    opened.close()
    return path


@pytest.fixture
def serving(demo: Path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "atelier_tui", "meekijken", str(demo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        url = None
        deadline = time.monotonic() + 20
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line.startswith("http://"):
                url = line.strip()
        assert url, "atelier meekijken printed no link"
        _wait_for_http(url)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _wait_for_http(url: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise AssertionError(f"nothing answers at {url}")


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_the_link_has_an_unguessable_token_and_binds_to_localhost(serving: str):
    assert serving.startswith("http://127.0.0.1:")
    token = serving.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 20
    base = serving.rsplit(token, 1)[0]
    assert _status(serving) == 200
    assert _status(base) == 404
    assert _status(base + "x" + token[1:] + "/") == 404
    page = urllib.request.urlopen(serving, timeout=5).read().decode("utf-8")
    assert 'lang="nl"' in page and "googleapis" not in page  # no fonts (or anything) from the internet


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="needs the system's chromium and chromedriver")
def test_a_browser_sees_the_card_the_facilitator_just_added_and_its_keys_change_nothing(serving: str, demo: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains

    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    received = []

    def seen() -> str:
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.webSocketFrameReceived":
                response = message["params"]["response"]
                data = response["payloadData"]
                if response.get("opcode") == 2:
                    data = base64.b64decode(data).decode("utf-8", "replace")
                received.append(data)
        return "".join(received)

    def wait_for(text: str, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while text not in seen():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never reached the browser")
            time.sleep(0.2)

    try:
        driver.get(serving)
        wait_for("KANSEN")
        facilitator = open_session(demo)
        facilitator.session.kaarten.append(Kaart(kolom="kans", tekst="Meekijken vanaf de bank", volgorde=0))
        assert facilitator.save().ok
        wait_for("Meekijken vanaf de bank")
        before = file_stamp(demo)
        ActionChains(driver).send_keys(
            "n", "weg", "\ue007", "d", "\ue00c", "\ue00c"
        ).perform()  # n, text, Enter, d, Esc
        time.sleep(2)
        assert file_stamp(demo) == before  # the browser's keys changed nothing
        facilitator.close()
    finally:
        driver.quit()
