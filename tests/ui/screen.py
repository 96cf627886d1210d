"""Helpers for tests: the text of the app's screen as a user sees it."""

from __future__ import annotations

import html
import re
import time

from textual.css.query import NoMatches

_TEXT = re.compile(r'<text [^>]*clip-path="url\(#[^)]*-line-(\d+)\)"[^>]*>(.*?)</text>', re.S)


def screen_text(app) -> str:
    """The visible characters, line by line (from the SVG screenshot Textual makes)."""
    lines: dict[int, list[str]] = {}
    for number, text in _TEXT.findall(app.export_screenshot()):
        lines.setdefault(int(number), []).append(html.unescape(text).replace("\xa0", " "))
    return "\n".join("".join(lines[n]) for n in sorted(lines))


async def settle(pilot, n: int = 5) -> None:
    """Let the app process what is pending."""
    for _ in range(n):
        await pilot.pause()


async def wait_until(pilot, condition, what: str, timeout: float = 10.0) -> None:
    """Let the app run until ``condition()`` is true; fail loudly, naming ``what``, when it never is.

    Generous on purpose: on a busy machine (CI, two test workers) a screen can take seconds.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except NoMatches:
            pass  # the widget it looks at is not there yet
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what}; the screen shows:\n{screen_text(pilot.app)}")
        await pilot.pause(0.02)


async def wait_for(pilot, kind) -> None:
    """Wait until the screen on top is a ``kind`` (a screen class), then let it settle."""
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, kind), f"a {kind.__name__} on top")
    await settle(pilot, 2)


async def open_step(pilot, kind=None):
    """Wait until the session screen shows a step view (of class ``kind``, if given); return the view."""
    from atelier_tui.screens.session import SessionScreen
    from atelier_tui.screens.steps import StepView

    def view():
        screen = pilot.app.screen
        return screen.view if isinstance(screen, SessionScreen) else None

    await wait_until(
        pilot, lambda: isinstance(view(), kind or StepView), f"the step view {getattr(kind, '__name__', '')}"
    )
    await settle(pilot)
    return view()


def saved(path):
    """The session as it is on disk (opened read-only, as a second window would)."""
    from atelier_tui.store.repository import open_session

    opened = open_session(path, writable=False)
    opened.close()
    return opened.session
