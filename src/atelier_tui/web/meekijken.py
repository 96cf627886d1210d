"""``atelier meekijken``: the room's screen, read-only, in a browser, for members who follow remotely.

textual-serve (on aiohttp) starts one ``atelier present`` per browser that connects: every viewer
has a read-only room view of its own, which never writes and never takes the lock, so keys typed in
the browser change nothing in the session. Everything lives under an unguessable token in the path;
any other address is a 404. It binds to localhost unless the facilitator names an address.
"""

from __future__ import annotations

import logging
import secrets
import shlex
import socket
import sys
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server

TEMPLATES = Path(__file__).parent / "templates"


def free_port(host: str) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def present_command(session: Path, theme: str | None = None) -> str:
    """The command each viewer's process runs: the room's screen of ``session``."""
    parts = [sys.executable, "-m", "atelier_tui", "present", str(session)]
    if theme:
        parts += ["--theme", theme]
    return shlex.join(parts)


class MeekijkServer(Server):
    """textual-serve's server, with every route under ``/TOKEN/``, a Dutch page without internet fonts,
    and no log lines with local variables."""

    def __init__(self, command: str, host: str, port: int, title: str, token: str | None = None) -> None:
        self.token = token or secrets.token_urlsafe(16)
        shown = f"[{host}]" if ":" in host else host
        super().__init__(
            command,
            host=host,
            port=port,
            title=title,
            public_url=f"http://{shown}:{port}",
            templates_path=TEMPLATES,
        )

    @property
    def url(self) -> str:
        return f"{self.public_url}/{self.token}/"

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """(The command line already said where to look.)"""

    async def _make_app(self) -> web.Application:
        inner = await super()._make_app()
        outer = web.Application()
        outer.add_subapp(f"/{self.token}", inner)  # the page's links come from the inner router: prefixed
        return outer
