"""The QR code scans: what is drawn on screen is turned back into an image and decoded.

The decoder is zxing-cpp (a real QR reader, from PyPI, no system library). The half-block
characters are read back as pixels exactly as a terminal paints them: ▀ is the top half in
the foreground colour and the bottom half in the background colour, ▄ the other way round,
█ both in the foreground colour, a space both in the background colour. Every half cell
(one module) becomes an 8×8 block of grey, from the real colours of the cell.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from textual.widgets import Input, Static

from atelier_tui.app import AtelierApp
from atelier_tui.domain.links import link_error as url_error
from atelier_tui.domain.session import Session
from atelier_tui.screens.session import SessionScreen
from atelier_tui.screens.steps.deel import DeelForm, DeelView
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir, open_session
from atelier_tui.teksten import deel as D
from atelier_tui.widgets.qr import QUIET_ZONE, QRCode, code_size, fit_scale, fold_url, qr_lines, qr_matrix

from .screen import open_step, screen_cells, screen_text, settle, wait_for

DEMO_URL = "https://www.lindewaard.example/participatie"  # the demo has no link of its own: it would go nowhere
URLS = [
    "https://lindewaard.nl",
    DEMO_URL,
    "https://forms.lindewaard.nl/evaluatie?avond=2&fractie=Groen+Lindewaard&taal=nl#vragen",
    # a long one (138 characters): version 8, 49 modules
    "https://www.lindewaard.nl/bestuur/gemeenteraad/werkateliers/participatie-2026/"
    "evaluatieformulier?avond=2&bron=qr-code&taal=nl&utm_campaign=raad",
    "http://intranet.lindewaard.local:8080/Verslag/Werkatelier-1.pdf",
    "https://www.lindewaard.nl/inspraak/café-zoë?wijk=Kreekdijk",
]
GLYPHS = "▀▄█ "
PIXELS = 8


# --- From characters and colours back to an image -------------------------------------------


def bitmap_from_lines(lines: list[str]) -> list[list[int]]:
    """Grey values (0 dark, 255 light) of the half-rows, for black-on-white half blocks."""
    bitmap: list[list[int]] = []
    for line in lines:
        top = [0 if ch in "▀█" else 255 for ch in line]
        bottom = [0 if ch in "▄█" else 255 for ch in line]
        bitmap += [top, bottom]
    return bitmap


def _grey(colour: str | None, default: int) -> int:
    if colour is None:
        return default
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return round(0.299 * red + 0.587 * green + 0.114 * blue)


def bitmap_from_screen(app) -> list[list[int]]:
    """The whole screen as the terminal paints it (Textual's screenshot), two half-rows per row of cells.

    Text other than the half blocks is painted as its background: it is never part of the code.
    """
    bitmap: list[list[int]] = []
    for row in screen_cells(app):
        top: list[int] = []
        bottom: list[int] = []
        for cell in row:
            fg, bg = _grey(cell.fg, 220), _grey(cell.bg, 0)
            top.append(fg if cell.char in "▀█" else bg)
            bottom.append(fg if cell.char in "▄█" else bg)
        bitmap += [top, bottom]
    return bitmap


def decode(bitmap: list[list[int]]) -> list[str]:
    """Every QR code zxing-cpp finds in the image, dark-on-light only (no inverted codes)."""
    height, width = len(bitmap), len(bitmap[0])
    rows = []
    for row in bitmap:
        line = bytes(value for value in row for _ in range(PIXELS))
        rows.extend([line] * PIXELS)
    image = memoryview(b"".join(rows)).cast("B", (height * PIXELS, width * PIXELS))
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode, try_invert=False)
    return [barcode.text for barcode in found]


# --- The drawing itself -----------------------------------------------------------------------


@pytest.mark.parametrize("url", URLS)
def test_the_half_block_drawing_decodes_to_the_url(url):
    assert decode(bitmap_from_lines(qr_lines(url))) == [url]


@pytest.mark.parametrize("scale", [2, 3])
def test_an_enlarged_drawing_decodes_too(scale):
    assert decode(bitmap_from_lines(qr_lines(URLS[2], scale))) == [URLS[2]]


def test_the_drawing_has_a_quiet_zone_and_only_half_blocks():
    for url in URLS:
        lines = qr_lines(url)
        n = len(qr_matrix(url))
        assert code_size(url) == (n, (n + 1) // 2) == (len(lines[0]), len(lines))
        assert all(len(line) == n and set(line) <= set(GLYPHS) for line in lines)
        # Four light modules all round: two whole rows above and below, four columns each side.
        assert lines[0].strip() == lines[1].strip() == "" == lines[-2].strip() == lines[-1].strip()
        assert all(line[:QUIET_ZONE] == line[-QUIET_ZONE:] == " " * QUIET_ZONE for line in lines)
        # The finder pattern starts right after the quiet zone.
        assert lines[2][QUIET_ZONE : QUIET_ZONE + 7] == "█▀▀▀▀▀█"


def test_error_correction_m_and_the_version_grows_with_the_url():
    assert len(qr_matrix("https://lindewaard.nl")) == 25 + 2 * QUIET_ZONE  # 21 bytes: version 2 (1-M holds 14)
    assert len(qr_matrix(DEMO_URL)) == 33 + 2 * QUIET_ZONE  # 43 bytes: version 4 at level M (3-M holds 42)
    assert len(qr_matrix(URLS[3])) == 49 + 2 * QUIET_ZONE  # 138 bytes: version 8 at level M


def test_fit_scale_never_draws_a_clipped_code():
    n = len(qr_matrix(DEMO_URL))  # 41 modules, 21 rows; the link is 43 characters
    assert fit_scale(DEMO_URL, 43, 21 + 1) == 1
    assert fit_scale(DEMO_URL, n, 21 + 1) == 0  # the link needs two lines at this width
    assert fit_scale(DEMO_URL, n, 21 + 2) == 1
    assert fit_scale(DEMO_URL, n - 1, 50) == 0  # one column short
    assert fit_scale(DEMO_URL, 100, 21) == 0  # no row left for the link
    assert fit_scale(DEMO_URL, 100, 21, with_url=False) == 1
    assert fit_scale(DEMO_URL, 2 * n, n + 1) == 2
    assert fit_scale("", 200, 200) == 0


def test_a_long_link_is_folded_after_a_slash_or_a_dot():
    assert fold_url(URLS[3], 80) == [
        "https://www.lindewaard.nl/bestuur/gemeenteraad/werkateliers/participatie-2026/",
        "evaluatieformulier?avond=2&bron=qr-code&taal=nl&utm_campaign=raad",
    ]
    assert fold_url(DEMO_URL, 34) == ["https://www.lindewaard.example/", "participatie"]
    assert fold_url("https://abcdefghijklmnopqrstuvwxyz", 10) == ["https://ab", "cdefghijkl", "mnopqrstuv", "wxyz"]
    assert "".join(fold_url(URLS[2], 17)) == URLS[2]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", None),
        (DEMO_URL, None),
        ("HTTPS://LINDEWAARD.NL/X", None),
        ("http://localhost:8080/", None),
        ("https://lindewaard.nl/evalu atie", D.URL_SPATIE),
        ("https://lindewaard.nl/\u00a0", D.URL_SPATIE),
        ("www.lindewaard.nl/evaluatie", D.URL_SCHEMA_VOORSTEL.format(url="www.lindewaard.nl/evaluatie")),
        ("ftp://lindewaard.nl/verslag.pdf", D.URL_SCHEMA),
        ("javascript:alert(1)", D.URL_SCHEMA),
        ("mailto:griffie@lindewaard.nl", D.URL_SCHEMA),
        ("https://", D.URL_GEEN_ADRES.format(schema="https")),
        ("https:///pad", D.URL_GEEN_ADRES.format(schema="https")),
        ("https://lindewaard.nl:poort/", D.URL_ONGELDIG),
        ("https://[::1/", D.URL_ONGELDIG),
        ("https://lindewaard.nl/" + "x" * 130, D.URL_TE_LANG.format(n=152, max=D.URL_MAX)),
    ],
)
def test_url_check(url, message):
    assert url_error(url) == message


# --- In the running app -----------------------------------------------------------------------


def saved(path: Path) -> Session:
    opened = open_session(path, writable=False)
    opened.close()
    return opened.session


def demo(sessions_dir: Path, url: str | None = DEMO_URL, toelichting: str | None = None) -> Path:
    path = create_demo_copy(SessionsDir(sessions_dir))
    if url is not None or toelichting is not None:
        with open_session(path) as opened:
            deel = opened.session.deel
            opened.session.deel = deel.model_copy(
                update={
                    "url": deel.url if url is None else url,
                    "toelichting": deel.toelichting if toelichting is None else toelichting,
                }
            )
            assert opened.save().ok
    return path


async def open_deel(pilot) -> DeelView:
    return await open_step(pilot, DeelView)


def form_error(app) -> str:
    return str(app.screen.query_one("#form-error", Static).render())


@pytest.mark.parametrize(
    ("size", "theme"),
    [((120, 40), None), ((80, 24), None), ((200, 60), None), ((120, 40), "textual-light")],
    ids=["120x40", "80x24", "200x60", "light-theme"],
)
async def test_the_code_on_the_screen_scans(sessions_dir, size, theme):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step="deel")
    async with app.run_test(size=size) as pilot:
        if theme:
            app.theme = theme
        view = await open_deel(pilot)
        qr = view.query_one(QRCode)
        assert qr.fits
        # The whole screen, as painted in the theme's colours, holds exactly this one code.
        assert decode(bitmap_from_screen(app)) == [DEMO_URL]
        text = screen_text(app)
        assert "Scan de code voor het" in text and "beide avonden." in text
        assert "participatie" in text
        if size == (200, 60):
            assert qr.scale == 2  # as large as the projector allows


async def test_a_long_url_with_query_parameters_scans_from_the_screen(sessions_dir):
    path = demo(sessions_dir, url=URLS[3])
    app = AtelierApp(sessions_dir, open_path=path, step="deel")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_deel(pilot)
        assert decode(bitmap_from_screen(app)) == [URLS[3]]
        assert "evaluatieformulier?avond=2&bron=qr-code&taal=nl&utm_campaign=raad" in screen_text(app)


async def test_e_sets_the_url_and_the_explanation_and_the_new_code_scans(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step="deel")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_deel(pilot)
        await pilot.press("e")
        await wait_for(pilot, DeelForm)
        url = app.screen.query_one("#f-url", Input)
        assert url.value == DEMO_URL and app.screen.focused is url
        url.value = ""
        await pilot.press(*"https://lindewaard.nl/eval?avond=2&wie=raad", "tab")
        app.screen.query_one("#f-toelichting", Input).value = "Vul de evaluatie in, het duurt twee minuten."
        await pilot.press("ctrl+s")
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        deel = saved(path).deel
        assert deel.url == "https://lindewaard.nl/eval?avond=2&wie=raad"
        assert deel.toelichting == "Vul de evaluatie in, het duurt twee minuten."
        assert decode(bitmap_from_screen(app)) == [deel.url]
        assert "Vul de evaluatie in, het duurt twee minuten." in screen_text(app)


async def test_an_invalid_url_is_refused_in_the_form_and_nothing_is_lost(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step="deel")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_deel(pilot)
        before = path.read_bytes()
        await pilot.press("e")
        await wait_for(pilot, DeelForm)
        url = app.screen.query_one("#f-url", Input)
        for typed, message in [
            ("www.lindewaard.nl/evaluatie", "Bedoelt u: https://www.lindewaard.nl/evaluatie"),
            ("https://lindewaard.nl/mijn evaluatie", D.URL_SPATIE),
            ("ftp://lindewaard.nl/verslag.pdf", D.URL_SCHEMA),
        ]:
            url.value = typed
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, DeelForm), typed  # the form stays open with what was typed
            assert message in form_error(app)
            assert url.value == typed and app.screen.focused is url
        assert path.read_bytes() == before
        # Corrected, it is saved.
        url.value = "https://www.lindewaard.nl/evaluatie"
        await pilot.press("ctrl+s")
        await wait_for(pilot, SessionScreen)
        await settle(pilot)
        assert saved(path).deel.url == "https://www.lindewaard.nl/evaluatie"


async def test_an_empty_url_shows_how_to_set_one_and_no_code(sessions_dir):
    path = demo(sessions_dir, url="", toelichting="")
    app = AtelierApp(sessions_dir, open_path=path, step="deel")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_deel(pilot)
        text = screen_text(app)
        assert D.LEEG in text
        assert "Druk op  e  om een link in te stellen" in text
        assert not set("▀▄█") & set(text)
        assert decode(bitmap_from_screen(app)) == []


async def test_a_window_too_small_says_so_instead_of_a_clipped_code(sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step="deel")
    async with app.run_test(size=(60, 18)) as pilot:
        view = await open_deel(pilot)
        assert not view.query_one(QRCode).fits
        text = screen_text(app)
        assert "Maak het venster groter om de QR-code te tonen" in text
        assert DEMO_URL in text  # the link can still be typed over
        assert not set("▀▄█") & set(text)
        # Bigger again: the code comes back.
        await pilot.resize_terminal(80, 24)
        await settle(pilot, 6)
        assert decode(bitmap_from_screen(app)) == [DEMO_URL]


@pytest.mark.parametrize("text", ["[bold]x[/]", "[@click=app.quit]x[/]"])
async def test_url_and_explanation_are_never_markup(sessions_dir, text):
    url = f"https://lindewaard.nl/{text}"
    path = demo(sessions_dir, url=url, toelichting=f"{text} uitleg")
    app = AtelierApp(sessions_dir, open_path=path, step="deel")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_deel(pilot)
        shot = screen_text(app)
        assert url in shot and f"{text} uitleg" in shot
        assert decode(bitmap_from_screen(app)) == [url]


async def test_read_only_window_changes_nothing(sessions_dir):
    path = demo(sessions_dir)
    holder = open_session(path)
    try:
        before = path.read_bytes()
        app = AtelierApp(sessions_dir, open_path=path, step="deel")
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await open_deel(pilot)
            await pilot.press("e")
            await settle(pilot)
            assert isinstance(app.screen, SessionScreen)  # no form opens
            assert "alleen te bekijken" in screen_text(app)
        assert path.read_bytes() == before
    finally:
        holder.close()


# --- Snapshots ---------------------------------------------------------------------------------


async def _settled(pilot) -> None:
    await open_deel(pilot)
    await settle(pilot, 2)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_deel(size, snap_compare, sessions_dir):
    path = demo(sessions_dir)
    app = AtelierApp(sessions_dir, open_path=path, step="deel")
    assert snap_compare(app, terminal_size=size, run_before=_settled)
