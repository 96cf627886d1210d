"""The phone round's web server: the pages the council members open on their phones.

Runs inside the facilitator's Atelier process, on the event loop Textual already runs (aiohttp's
``AppRunner`` and ``TCPSite``), only while a round is open, on the one address she chose. Every page
is server-rendered HTML that needs no JavaScript, no fonts and no scripts from elsewhere; every text
on it is HTML-escaped. The round's pages live under an unguessable token (``/TOKEN/``, what the QR
code holds); ``/`` is where the short code can be typed instead. Anything else is a 404.

A phone is a random cookie (HttpOnly, SameSite=Strict), used only for its point budget and its rate
limit; the round sees an HMAC of it, never the cookie. Forms carry a CSRF token (an HMAC of the
cookie with the round's secret). No access log, and no address is written anywhere: the per-address
rate limit lives in memory only.

A change from a phone is checked, written to the journal (fsync, in a worker thread) and applied
under one lock, so two phones can never both spend the last point; only then does the phone hear
"Ontvangen" (Post/Redirect/Get: a reload never posts twice), and ``on_change()`` is called.
No Textual.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import html
import logging
import re
import secrets
import socket
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from ..domain.ronde import ITEMS, TEKST_LIMIT, Ronde, RondeFout
from ..store.wachtrij import Journal, JournalError
from ..teksten import zaal as T

#: A form is a few hundred bytes; a text of 280 characters, percent-encoded, well under 4 kB.
MAX_BODY = 8 * 1024
#: Posts per phone per minute (a card and five points are six).
PER_TELEFOON = 30
#: Requests per address per minute (phones behind one address, as through ``ssh -L``, share it).
PER_ADRES = 3000
#: Wrong short codes per address per minute, and from everyone together.
CODE_PER_ADRES = 10
CODE_TOTAAL = 100
#: The short code's letters: no 0/O, 1/I/L, 2/Z, 5/S, 8/B that are easily mixed up.
CODE_ALFABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTE = 6
COOKIE = "atelier_zaal"
ACTIES = ("kaart", "punt", "plaats", "cijfer")
_OK = (*ACTIES, "reactie")  # what the page after a post says arrived

_COOKIE_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")

# aiohttp logs a bad request "from" the client's address; nothing of the round is ever logged.
_log = logging.getLogger("atelier_tui.web.zaal")
_log.addHandler(logging.NullHandler())
_log.propagate = False
_log.setLevel(logging.CRITICAL + 1)


# --- Addresses ---------------------------------------------------------------------------------------


def _interfaces() -> list[tuple[str, str]]:
    """(IPv4 address, interface name) of this machine's interfaces (Linux; [] elsewhere)."""
    if not sys.platform.startswith("linux"):
        return []
    try:
        import fcntl
        import struct

        found = []
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            for _index, name in socket.if_nameindex():
                try:
                    packed = fcntl.ioctl(s.fileno(), 0x8915, struct.pack("256s", name[:15].encode()))  # SIOCGIFADDR
                except OSError:
                    continue
                found.append((socket.inet_ntoa(packed[20:24]), name))
        return found
    except (OSError, ImportError, ValueError):
        return []


def _default_route_address() -> str | None:
    """The address this machine would use on its network (a UDP "connect" sends no packet)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.254.254.254", 9))
            return s.getsockname()[0]
    except OSError:
        return None


def addresses() -> list[tuple[str, str]]:
    """(address, Dutch label) to offer the facilitator: "127.0.0.1" first, then this machine's LAN
    IPv4 addresses (the one of the default route first). Standard library only, no internet."""
    named = dict(_interfaces())
    candidates: list[str] = []
    first = _default_route_address()
    if first:
        candidates.append(first)
    candidates += list(named)
    if not named:  # not Linux: the host name's addresses (from the hosts file or mDNS; may take a moment)
        try:
            infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET, socket.SOCK_STREAM)
            candidates += [str(info[4][0]) for info in infos]
        except OSError:
            pass
    result = [("127.0.0.1", T.ADRES_LOKAAL)]
    seen = {"127.0.0.1"}
    for ip in candidates:
        if ip in seen or ip.startswith(("127.", "0.")):
            continue
        seen.add(ip)
        label = T.ADRES_NETWERK_NAAM.format(naam=named[ip]) if ip in named else T.ADRES_NETWERK
        result.append((ip, label))
    return result


def nieuwe_code() -> str:
    return "".join(secrets.choice(CODE_ALFABET) for _ in range(CODE_LENGTE))


# --- Rate limits (in memory only) --------------------------------------------------------------------


class _Teller:
    """At most ``limit`` hits per key per minute (a fixed window); a bounded number of keys."""

    def __init__(self, limit: int, per: float = 60.0, max_keys: int = 20_000) -> None:
        self.limit = limit
        self.per = per
        self.max_keys = max_keys
        self._windows: dict[str, list[float]] = {}

    def hit(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        window = self._windows.get(key)
        if window is None or now - window[0] >= self.per:
            if len(self._windows) >= self.max_keys:
                self._prune(now)
            window = self._windows[key] = [now, 0.0]
        window[1] += 1
        return window[1] <= self.limit

    def _prune(self, now: float) -> None:
        self._windows = {k: w for k, w in self._windows.items() if now - w[0] < self.per}
        if len(self._windows) >= self.max_keys:
            self._windows.clear()


# --- The app's state -----------------------------------------------------------------------------------


@dataclass
class _Zaal:
    ronde: Ronde
    journal: Journal
    token: str
    code: str
    on_change: Callable[[], None] | None
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    per_telefoon: _Teller = field(default_factory=lambda: _Teller(PER_TELEFOON))
    per_adres: _Teller = field(default_factory=lambda: _Teller(PER_ADRES))
    code_per_adres: _Teller = field(default_factory=lambda: _Teller(CODE_PER_ADRES))
    code_totaal: _Teller = field(default_factory=lambda: _Teller(CODE_TOTAAL))

    def _mac(self, purpose: str, cookie: str) -> str:
        return hmac.new(self.secret, f"{purpose}:{cookie}".encode(), hashlib.sha256).hexdigest()

    def telefoon(self, cookie: str) -> str:
        """The round's id of a phone: not the cookie, and different in every round."""
        return self._mac("telefoon", cookie)[:20]

    def csrf(self, cookie: str) -> str:
        return self._mac("csrf", cookie)[:32]

    def csrf_ok(self, cookie: str, given: Any) -> bool:
        return isinstance(given, str) and hmac.compare_digest(self.csrf(cookie), given)

    async def record(self, event: dict[str, Any]) -> None:
        """Journal an event (fsync, in a worker thread), then apply it; under the caller's lock."""
        await asyncio.to_thread(self.journal.append, event)
        self.ronde.apply(event)

    def changed(self) -> None:
        if self.on_change is None:
            return
        try:
            self.on_change()
        except Exception:  # the phone's change is saved; the screen catches up on the next one
            pass


ZAAL = web.AppKey("zaal", _Zaal)


# --- HTML ------------------------------------------------------------------------------------------------

CSS = """\
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#4d4d4d;--accent:#0a58a8;--on-accent:#fff;\
--ok:#1d6b2c;--err:#b00020;--card:#f1f3f5;--line:#8a8a8a}
@media (prefers-color-scheme:dark){:root{--bg:#111;--fg:#eee;--muted:#c4c4c4;--accent:#8cc0ff;\
--on-accent:#000;--ok:#7fd68f;--err:#ff8f8f;--card:#1f2226;--line:#777}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:18px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:36rem;margin:0 auto;padding:.75rem 1rem 2rem}
h1{font-size:1.45rem;line-height:1.25;margin:.5rem 0 .75rem}
h2{font-size:1.15rem;margin:0 0 .5rem;overflow-wrap:anywhere}
p{margin:.5rem 0}
.peiling{margin:0;padding:.35rem 0;font-weight:700;color:var(--muted);border-bottom:2px solid var(--line)}
.melding{margin:.75rem 0;padding:.75rem 1rem;border-radius:.5rem;border-left:.4rem solid var(--ok);background:var(--card)}
.melding.fout{border-left-color:var(--err)}
.melding strong{display:block;font-size:1.2rem}
.stand{font-size:1.2rem;font-weight:700}
.kaart{background:var(--card);border-radius:.6rem;padding:.75rem;margin:.75rem 0;overflow-wrap:anywhere}
.tekst{white-space:pre-wrap}
.rij{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
.rij .aantal{flex:1 1 100%;font-weight:700}
.rij button{flex:1 1 0;padding:.6rem .4rem}
fieldset{border:0;padding:0;margin:0 0 1rem;min-width:0}
legend{font-weight:700;padding:0;margin-bottom:.25rem}
label{display:block;font-weight:700;margin:.5rem 0 .25rem}
label.keus{display:flex;align-items:center;gap:.75rem;min-height:48px;margin:.4rem 0;padding:.5rem .75rem;\
font-weight:400;border:2px solid var(--line);border-radius:.5rem;background:var(--bg);overflow-wrap:anywhere}
label.keus input{flex:none;width:1.5rem;height:1.5rem;margin:0;accent-color:var(--accent)}
textarea,input[type=text]{display:block;width:100%;min-height:48px;padding:.6rem;font:inherit;color:var(--fg);\
background:var(--bg);border:2px solid var(--line);border-radius:.5rem}
textarea{min-height:7rem;resize:vertical}
button{min-height:48px;min-width:48px;padding:.6rem 1.1rem;font:inherit;font-weight:700;color:var(--on-accent);\
background:var(--accent);border:2px solid var(--accent);border-radius:.5rem;cursor:pointer}
button.stil{color:var(--accent);background:transparent}
button:disabled{opacity:.4;cursor:default}
button.breed{width:100%;margin-top:.5rem}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
footer{margin-top:2rem;color:var(--muted);font-size:.95rem}
"""
_CSS_HASH = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
CSP = (
    f"default-src 'none'; style-src 'sha256-{_CSS_HASH}'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'; img-src 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Server": "Atelier",
}


def e(text: Any) -> str:
    """Escape anything for HTML text and attributes."""
    return html.escape(str(text), quote=True)


def _document(titel: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="color-scheme" content="light dark">'
        f"<title>{e(titel)} · {e(T.TITEL)}</title><style>{CSS}</style></head>"
        f'<body><main><p class="peiling">{e(T.PEILING)}</p>{body}'
        f"<footer><p>{e(T.PEILING)}. {e(T.PRIVACY)}</p></footer></main></body></html>\n"
    )


def _response(titel: str, body: str, status: int = 200) -> web.Response:
    return web.Response(text=_document(titel, body), status=status, content_type="text/html", charset="utf-8")


def _redirect(location: str) -> web.Response:
    """Post/Redirect/Get: a 303 to the page that says what happened."""
    return web.Response(status=303, headers={"Location": location})


def _melding(tekst: str, *, kop: str | None = None, fout: bool = False) -> str:
    klasse = "melding fout" if fout else "melding"
    rol = "alert" if fout else "status"
    kop_html = f"<strong>{e(kop)}</strong>" if kop else ""
    return f'<div class="{klasse}" role="{rol}">{kop_html}{e(tekst)}</div>'


def _hidden(name: str, value: str) -> str:
    return f'<input type="hidden" name="{e(name)}" value="{e(value)}">'


def _foutpagina(kop: str, tekst: str, status: int, terug: str | None = None) -> web.Response:
    link = f'<p><a href="{e(terug)}">{e(T.TERUG)}</a></p>' if terug else ""
    return _response(kop, f"<h1>{e(kop)}</h1>{_melding(tekst, fout=True)}{link}", status)


@dataclass
class _Invoer:
    """What the phone typed, kept on the page when a post was not accepted."""

    soort: str = ""
    tekst: str = ""
    cijfer: str = ""


def _banner(ok: str, fout: str | None, zaal: _Zaal, telefoon: str, bij: str) -> str:
    """The message under the heading: what was not accepted, or what arrived. After a point or a
    placement it stands in the card or opgave that changed instead (``bij``), where the page opens."""
    ronde = zaal.ronde
    if fout:
        return _melding(fout, fout=True)
    if ok == "kaart":
        return _melding(f"{T.ONTVANGEN_KAART} {T.nog_kaarten(ronde.kaarten_over(telefoon))}", kop=T.ONTVANGEN)
    if ok in ("punt", "plaats") and any(k.id == bij for k in ronde.keuzes):
        return ""
    if ok == "punt":
        return _melding(T.nog_punten(ronde.punten_over(telefoon)), kop=T.ONTVANGEN)
    if ok == "plaats":
        return _melding(T.ONTVANGEN_PLAATS, kop=T.ONTVANGEN)
    if ok == "cijfer":
        return _melding(T.ONTVANGEN_CIJFER, kop=T.ONTVANGEN)
    if ok == "reactie":
        return _melding(f"{T.ONTVANGEN_CIJFER} {T.ONTVANGEN_REACTIE}", kop=T.ONTVANGEN)
    return ""


def _kaarten_body(zaal: _Zaal, telefoon: str, csrf: str, invoer: _Invoer) -> str:
    ronde = zaal.ronde
    over = ronde.kaarten_over(telefoon)
    parts = [f"<h1>{e(T.KAART_KOP)}</h1>"]
    if over <= 0:
        return "".join([*parts, f'<p class="stand">{e(T.nog_kaarten(0))}</p>'])
    items = ITEMS.get(ronde.stap, {})
    keuzes = []
    for i, (value, label) in enumerate(items.items()):
        checked = " checked" if invoer.soort == value or len(items) == 1 else ""
        required = " required" if i == 0 else ""
        keuzes.append(
            f'<label class="keus"><input type="radio" name="soort" value="{e(value)}"{checked}{required}>'
            f"{e(label)}</label>"
        )
    parts += [
        f"<p>{e(T.KAART_UITLEG)}</p>",
        f'<form method="post" action="/{e(zaal.token)}/kaart">{_hidden("csrf", csrf)}',
        f"<fieldset><legend>{e(T.KAART_SOORT)}</legend>{''.join(keuzes)}</fieldset>",
        f'<label for="tekst">{e(T.KAART_TEKST.format(n=TEKST_LIMIT))}</label>',
        f'<textarea id="tekst" name="tekst" maxlength="{TEKST_LIMIT}" rows="4" required>{e(invoer.tekst)}</textarea>',
        f'<button type="submit" class="breed">{e(T.KAART_KNOP)}</button></form>',
    ]
    return "".join(parts)


def _punten_body(zaal: _Zaal, telefoon: str, csrf: str, bij: str) -> str:
    ronde = zaal.ronde
    over = ronde.punten_over(telefoon)
    mine = ronde.punten_van(telefoon)
    parts = [
        f"<h1>{e(T.PUNTEN_KOP)}</h1>",
        f'<p class="stand">{e(T.nog_punten(over))}</p>',
        f"<p>{e(T.PUNTEN_UITLEG.format(n=ronde.budget))}</p>",
    ]
    if not ronde.keuzes:
        parts.append(f"<p>{e(T.GEEN_KAARTEN)}</p>")
    for keuze in ronde.keuzes:
        n = mine.get(keuze.id, 0)
        eraf = "" if n > 0 else " disabled"
        erbij = "" if over > 0 else " disabled"
        melding = _melding(T.nog_punten(over), kop=T.ONTVANGEN) if keuze.id == bij else ""
        parts.append(
            f'<form class="kaart" id="k-{e(keuze.id)}" method="post" action="/{e(zaal.token)}/punt">'
            f"{_hidden('csrf', csrf)}{_hidden('keuze', keuze.id)}"
            f'<p class="tekst">{e(keuze.tekst)}</p><div class="rij">'
            f'<span class="aantal">{e(T.punten_op_kaart(n))}</span>'
            f'<button type="submit" class="stil" name="delta" value="-1"{eraf}>− {e(T.PUNT_ERAF)}</button>'
            f'<button type="submit" name="delta" value="1"{erbij}>+ {e(T.PUNT_ERBIJ)}</button>'
            f"</div>{melding}</form>"
        )
    parts.append(f"<p>{e(T.UITSLAG_VERBORGEN)}</p>")
    return "".join(parts)


def _ladder_body(zaal: _Zaal, telefoon: str, csrf: str, bij: str) -> str:
    ronde = zaal.ronde
    mine = ronde.plaatsing_van(telefoon)
    namen = {t.key: t.naam for t in ronde.treden}
    parts = [f"<h1>{e(T.LADDER_KOP)}</h1>", f"<p>{e(T.LADDER_UITLEG)}</p>"]
    if not ronde.keuzes:
        parts.append(f"<p>{e(T.GEEN_OPGAVEN)}</p>")
    for opgave in ronde.keuzes:
        nu, straks = mine.get(opgave.id, (None, None))
        gekozen = ""
        if nu or straks:
            tekst = T.LADDER_GEKOZEN.format(
                nu=namen.get(nu or "", T.LADDER_NIET_GEKOZEN), straks=namen.get(straks or "", T.LADDER_NIET_GEKOZEN)
            )
            gekozen = f"<p>{e(tekst)}</p>"
        if opgave.id == bij:
            gekozen = _melding(T.ONTVANGEN_PLAATS, kop=T.ONTVANGEN) + gekozen
        velden = []
        for side, label, current in (("nu", T.LADDER_NU, nu), ("straks", T.LADDER_STRAKS, straks)):
            opties = "".join(
                f'<label class="keus"><input type="radio" name="{side}" value="{e(t.key)}"'
                f"{' checked' if t.key == current else ''}>{e(t.naam)}</label>"
                for t in ronde.treden
            )
            velden.append(f"<fieldset><legend>{e(label)}</legend>{opties}</fieldset>")
        parts.append(
            f'<form class="kaart" id="o-{e(opgave.id)}" method="post" action="/{e(zaal.token)}/plaats">'
            f"{_hidden('csrf', csrf)}{_hidden('opgave', opgave.id)}"
            f"<h2>{e(opgave.tekst)}</h2>{gekozen}{''.join(velden)}"
            f'<button type="submit" class="breed">{e(T.LADDER_KNOP)}</button></form>'
        )
    return "".join(parts)


def _evaluatie_body(zaal: _Zaal, telefoon: str, csrf: str, invoer: _Invoer) -> str:
    ronde = zaal.ronde
    current = invoer.cijfer or str(ronde.cijfer_van(telefoon) or "")
    opties = "".join(
        f'<label class="keus"><input type="radio" name="cijfer" value="{n}"'
        f"{' checked' if str(n) == current else ''}{' required' if n == 1 else ''}>{e(naam)}</label>"
        for n, naam in T.CIJFER_NAMEN.items()
    )
    parts = [f"<h1>{e(T.EVALUATIE_KOP)}</h1>"]
    gegeven = ronde.cijfer_van(telefoon)
    if gegeven:
        parts.append(f"<p>{e(T.EVALUATIE_GEGEVEN.format(n=gegeven))}</p>")
    parts += [
        f'<form method="post" action="/{e(zaal.token)}/cijfer">{_hidden("csrf", csrf)}',
        f"<fieldset><legend>{e(T.EVALUATIE_CIJFER)}</legend>{opties}</fieldset>",
    ]
    if ronde.kaarten_over(telefoon) > 0:
        parts += [
            f'<label for="tekst">{e(T.EVALUATIE_TEKST)}</label>',
            f'<textarea id="tekst" name="tekst" maxlength="{TEKST_LIMIT}" rows="3">{e(invoer.tekst)}</textarea>',
        ]
    parts.append(f'<button type="submit" class="breed">{e(T.EVALUATIE_KNOP)}</button></form>')
    return "".join(parts)


def _gesloten_body(fout: str | None = None) -> str:
    melding = _melding(fout, fout=True) if fout else ""
    return f"<h1>{e(T.GESLOTEN_KOP)}</h1>{melding}<p>{e(T.GESLOTEN_UITLEG)}</p>"


def _ronde_pagina(
    zaal: _Zaal,
    cookie: str,
    *,
    ok: str = "",
    bij: str = "",
    fout: str | None = None,
    invoer: _Invoer | None = None,
    status: int = 200,
) -> web.Response:
    ronde = zaal.ronde
    if not ronde.open:
        return _response(T.GESLOTEN_KOP, _gesloten_body(fout), status)
    telefoon = zaal.telefoon(cookie)
    csrf = zaal.csrf(cookie)
    invoer = invoer or _Invoer()
    bij = bij if ok and not fout else ""
    banner = _banner(ok, fout, zaal, telefoon, bij)
    if ronde.soort == "kaarten":
        titel, body = T.KAART_KOP, _kaarten_body(zaal, telefoon, csrf, invoer)
    elif ronde.soort == "punten":
        titel, body = T.PUNTEN_KOP, _punten_body(zaal, telefoon, csrf, bij)
    elif ronde.soort == "ladder":
        titel, body = T.LADDER_KOP, _ladder_body(zaal, telefoon, csrf, bij)
    else:
        titel, body = T.EVALUATIE_KOP, _evaluatie_body(zaal, telefoon, csrf, invoer)
    # The message goes right under the heading, where the phone's eye lands after the redirect.
    head, _, rest = body.partition("</h1>")
    return _response(titel, f"{head}</h1>{banner}{rest}", status)


# --- Cookies -------------------------------------------------------------------------------------------------


def _cookie(request: web.Request) -> str | None:
    value = request.cookies.get(COOKIE)
    return value if value and _COOKIE_RE.match(value) else None


def _set_cookie(response: web.StreamResponse, value: str) -> None:
    response.set_cookie(COOKIE, value, path="/", httponly=True, samesite="Strict")


def _with_cookie(request: web.Request, make: Callable[[str], web.StreamResponse]) -> web.StreamResponse:
    cookie = _cookie(request)
    fresh = cookie is None
    if cookie is None:
        cookie = secrets.token_urlsafe(16)
    response = make(cookie)
    if fresh:
        _set_cookie(response, cookie)
    return response


# --- Handlers ----------------------------------------------------------------------------------------------------


async def _code_get(request: web.Request) -> web.StreamResponse:
    zaal = request.app[ZAAL]
    return _with_cookie(request, lambda cookie: _code_pagina(zaal, cookie))


def _code_pagina(zaal: _Zaal, cookie: str, fout: str | None = None, status: int = 200) -> web.Response:
    body = (
        f"<h1>{e(T.CODE_KOP)}</h1>{_melding(fout, fout=True) if fout else ''}<p>{e(T.CODE_UITLEG)}</p>"
        f'<form method="post" action="/">{_hidden("csrf", zaal.csrf("code:" + cookie))}'
        f'<label for="code">{e(T.CODE_VELD)}</label>'
        '<input type="text" id="code" name="code" maxlength="16" autocomplete="off" autocapitalize="characters" '
        'autocorrect="off" spellcheck="false" required>'
        f'<button type="submit" class="breed">{e(T.CODE_KNOP)}</button></form>'
    )
    return _response(T.CODE_KOP, body, status)


async def _code_post(request: web.Request) -> web.StreamResponse:
    zaal = request.app[ZAAL]
    cookie = _cookie(request)
    form = await request.post()
    if cookie is None or not zaal.csrf_ok("code:" + cookie, form.get("csrf")):
        return _with_cookie(request, lambda c: _code_pagina(zaal, c, T.VERLOPEN, 403))
    given = re.sub(r"[\s-]", "", str(form.get("code", ""))).upper()
    if hmac.compare_digest(given.encode(), zaal.code.encode()):
        return _redirect(f"/{zaal.token}/")
    per_adres_ok = zaal.code_per_adres.hit(request.remote or "")
    totaal_ok = zaal.code_totaal.hit("*")
    if not (per_adres_ok and totaal_ok):
        return _code_pagina(zaal, cookie, T.CODE_TE_VAAK, 429)
    return _code_pagina(zaal, cookie, T.CODE_FOUT, 400)


async def _ronde_get(request: web.Request) -> web.StreamResponse:
    zaal = request.app[ZAAL]
    ok = request.query.get("ok", "")
    ok = ok if ok in _OK else ""
    bij = request.query.get("bij", "")
    return _with_cookie(request, lambda cookie: _ronde_pagina(zaal, cookie, ok=ok, bij=bij))


def _maker(zaal: _Zaal, actie: str, telefoon: str, form: Any) -> tuple[Callable[[], dict[str, Any]], _Invoer]:
    """The check to run under the lock for this post, and what was typed (to keep it on an error page)."""
    ronde = zaal.ronde

    def text(name: str) -> str:
        value = form.get(name, "")
        return value if isinstance(value, str) else ""

    invoer = _Invoer(soort=text("soort"), tekst=text("tekst"), cijfer=text("cijfer"))
    if actie == "kaart":
        return (lambda: ronde.zend_tekst(telefoon, invoer.soort, invoer.tekst)), invoer
    if actie == "punt":
        delta = {"1": 1, "+1": 1, "-1": -1}.get(text("delta").strip(), 0)
        return (lambda: ronde.geef_punt(telefoon, text("keuze"), delta)), invoer
    if actie == "plaats":
        return (lambda: ronde.plaats(telefoon, text("opgave"), text("nu") or None, text("straks") or None)), invoer
    cijfer = int(invoer.cijfer) if invoer.cijfer in ("1", "2", "3", "4", "5") else 0
    return (lambda: ronde.beoordeel(telefoon, cijfer, invoer.tekst)), invoer


def _anchor(actie: str, form: Any) -> str:
    """For a point or a placement: which card or opgave changed, and the page opens there."""
    key = {"punt": ("k-", "keuze"), "plaats": ("o-", "opgave")}.get(actie)
    if not key:
        return ""
    value = form.get(key[1], "")
    if not (isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9_-]{1,64}", value)):
        return ""
    return f"&bij={value}#{key[0]}{value}"


async def _ronde_post(request: web.Request) -> web.StreamResponse:
    zaal = request.app[ZAAL]
    actie = request.match_info["actie"]
    if actie not in ACTIES:
        raise web.HTTPNotFound()
    cookie = _cookie(request)
    if cookie is None:
        return _with_cookie(request, lambda c: _ronde_pagina(zaal, c, fout=T.VERLOPEN, status=403))
    telefoon = zaal.telefoon(cookie)
    if not zaal.per_telefoon.hit(telefoon):
        return _ronde_pagina(zaal, cookie, fout=T.TE_SNEL, status=429)
    form = await request.post()
    if not zaal.csrf_ok(cookie, form.get("csrf")):
        return _ronde_pagina(zaal, cookie, fout=T.VERLOPEN, status=403)
    make, invoer = _maker(zaal, actie, telefoon, form)
    try:
        async with zaal.lock:
            event = make()
            await zaal.record(event)
    except RondeFout as exc:
        return _ronde_pagina(zaal, cookie, fout=exc.message, invoer=invoer, status=exc.status)
    except JournalError as exc:
        return _ronde_pagina(zaal, cookie, fout=exc.message, invoer=invoer, status=503)
    zaal.changed()
    ok = "reactie" if actie == "cijfer" and event.get("inzending") else actie
    return _redirect(f"/{zaal.token}/?ok={ok}{_anchor(actie, form)}")


# --- Middleware: limits, Dutch error pages, headers ---------------------------------------------------------------


@web.middleware
async def _guard(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]):
    zaal = request.app[ZAAL]
    try:
        if not zaal.per_adres.hit(request.remote or ""):
            response: web.StreamResponse = _foutpagina(T.TE_SNEL, T.TE_SNEL, 429)
        else:
            response = await handler(request)
    except web.HTTPRequestEntityTooLarge:
        response = _foutpagina(T.TE_GROOT, T.TE_GROOT, 413, terug=request.path)
    except web.HTTPMethodNotAllowed:
        response = _foutpagina(T.NIET_TOEGESTAAN, T.NIET_TOEGESTAAN, 405)
    except web.HTTPException as exc:
        if exc.status == 404:
            response = _foutpagina(T.NIET_GEVONDEN_KOP, T.NIET_GEVONDEN, 404)
        else:
            response = _foutpagina(T.FOUT, T.FOUT, exc.status)
    except (asyncio.CancelledError, KeyboardInterrupt, SystemExit):
        raise
    except Exception:  # nothing about the request is logged; the phone can try again
        response = _foutpagina(T.FOUT, T.FOUT, 500)
    for name, value in HEADERS.items():
        response.headers[name] = value
    return response


def make_app(
    ronde: Ronde,
    journal: Journal,
    *,
    token: str,
    code: str,
    on_change: Callable[[], None] | None = None,
    per_telefoon: int = PER_TELEFOON,
    per_adres: int = PER_ADRES,
) -> web.Application:
    """The phone round's aiohttp application (routes, limits, pages)."""
    app = web.Application(client_max_size=MAX_BODY, middlewares=[_guard])
    app[ZAAL] = _Zaal(
        ronde,
        journal,
        token,
        code,
        on_change,
        per_telefoon=_Teller(per_telefoon),
        per_adres=_Teller(per_adres),
    )
    app.router.add_get("/", _code_get, allow_head=False)
    app.router.add_post("/", _code_post)
    app.router.add_get(f"/{token}/", _ronde_get, allow_head=False)
    app.router.add_post(f"/{token}/{{actie}}", _ronde_post)
    return app


class ZaalServer:
    """The web server of one round, on the running event loop; only while the round is open."""

    def __init__(
        self,
        ronde: Ronde,
        journal: Journal,
        host: str,
        port: int = 0,
        *,
        on_change: Callable[[], None] | None = None,
        public_host: str | None = None,
    ) -> None:
        """``public_host``: the address the phones use when it is not ``host`` (a port forwarded to
        this machine, as with ``ssh -L`` from the laptop when Atelier runs on a server)."""
        self.ronde = ronde
        self.journal = journal
        self.host = host
        self.public_host = public_host
        self.port = port
        self.token = secrets.token_urlsafe(16)
        self.code = nieuwe_code()
        self.app = make_app(ronde, journal, token=self.token, code=self.code, on_change=on_change)
        self._runner: web.AppRunner | None = None

    @property
    def _zaal(self) -> _Zaal:
        return self.app[ZAAL]

    async def start(self) -> None:
        """Listen on ``host``; port 0 takes a free port (then in ``port``)."""
        runner = web.AppRunner(
            self.app,
            access_log=None,
            handle_signals=False,
            shutdown_timeout=1.0,
            logger=_log,
            keepalive_timeout=75,
        )
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = int(runner.addresses[0][1])

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            with contextlib.suppress(Exception):
                await runner.cleanup()

    @property
    def running(self) -> bool:
        return self._runner is not None

    @property
    def _shown_host(self) -> str:
        host = self.public_host or self.host
        return f"[{host}]" if ":" in host else host

    @property
    def url(self) -> str:
        """What the QR code holds: ``http://HOST:PORT/TOKEN/``."""
        return f"http://{self._shown_host}:{self.port}/{self.token}/"

    @property
    def base_url(self) -> str:
        """The page where the short code can be typed: ``http://HOST:PORT/``."""
        return f"http://{self._shown_host}:{self.port}/"

    async def record(self, event: dict[str, Any]) -> None:
        """For the facilitator's changes (besluit, sluit, onthul): journal and apply ``event`` under
        the same lock as the phones' changes, then call ``on_change``. Raises JournalError."""
        async with self._zaal.lock:
            await self._zaal.record(event)
        self._zaal.changed()
