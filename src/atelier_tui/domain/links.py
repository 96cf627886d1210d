"""The check of a link the room scans as a QR code: only http and https, with an address."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..teksten import deel as T


def link_error(url: str) -> str | None:
    """What is wrong with a link for the room, in Dutch; None when it is fine (or empty)."""
    if not url:
        return None
    if any(ch.isspace() for ch in url):
        return T.URL_SPATIE
    if len(url) > T.URL_MAX:
        return T.URL_TE_LANG.format(n=len(url), max=T.URL_MAX)
    scheme, sep, _rest = url.partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        if not sep and "." in url and ":" not in url.split("/", 1)[0]:
            return T.URL_SCHEMA_VOORSTEL.format(url=url)
        return T.URL_SCHEMA
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return T.URL_ONGELDIG
    if not host:
        return T.URL_GEEN_ADRES.format(schema=scheme.lower())
    return None
