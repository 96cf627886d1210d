"""A session open in another window: who holds it, taking it over, and becoming the writer."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from textual import work
from textual.content import Content

from ..domain import hygiene
from ..domain.types import format_local
from ..store.codes import ReadOnly
from ..store.lock import ask_holder_to_stop, holder, is_locked_elsewhere
from ..store.repository import StoreError, file_stamp, open_session
from ..teksten import ui as T
from ..widgets.dialogs import confirm

#: A window that is read-only because another window holds the session checks this often whether it is free.
LOCK_CHECK_SECONDS = 1.0
#: How long taking over waits for the other window to save and stop.
TAKEOVER_SECONDS = 6.0


def _moment(timestamp: float) -> str:
    return format_local(datetime.fromtimestamp(timestamp, UTC))


class TakeOver:
    """Part of the session screen (a mixin): uses its ``opened``, ``current`` and ``_show``."""

    _lock_timer = None

    def _watch_lock(self) -> None:
        if self._locked_elsewhere and not self._follow:
            self._lock_timer = self.set_interval(LOCK_CHECK_SECONDS, self._check_lock)

    @property
    def _locked_elsewhere(self) -> bool:
        return self.opened.read_only_code is ReadOnly.LOCKED

    def _read_only_text(self) -> Content:
        text = T.ALLEEN_LEZEN_MELDING.format(reden=self.opened.read_only_reason)
        if self._locked_elsewhere and not self._follow:
            who = holder(self.opened.path)
            if who is None:
                text += " " + T.HOUDER_ONBEKEND
            else:
                waar = (
                    T.HOUDER_HIER if who.here else T.HOUDER_ELDERS.format(host=hygiene.clean_line(who.host, limit=60))
                )
                stamp = file_stamp(self.opened.path)
                laatst = _moment(stamp.mtime_ns / 1e9) if stamp else "—"
                text += " " + T.HOUDER.format(sinds=_moment(who.since), waar=waar, laatst=laatst)
        return Content(text)

    @work(exclusive=True, group="takeover")
    async def action_take_over(self) -> None:
        """Ask the other window (same user, this machine) to save and stop, then go on writing here."""
        if not self._locked_elsewhere:
            return
        if await self.app.push_screen_wait(confirm(T.OVERNEMEN, T.OVERNEMEN_VRAAG)) != "ja":
            return
        if not ask_holder_to_stop(self.opened.path):
            self.notify(T.OVERNEMEN_KAN_NIET, severity="warning", markup=False, timeout=12)
            return
        for _ in range(int(TAKEOVER_SECONDS / 0.1)):
            await asyncio.sleep(0.1)
            if self._check_lock():
                return
        self.notify(T.OVERNEMEN_WACHT, severity="warning", markup=False, timeout=12)

    def _check_lock(self) -> bool:
        """When the other window let go of the session, this one becomes the writer. True once it is."""
        if not self._locked_elsewhere or is_locked_elsewhere(self.opened.path):
            return not self._locked_elsewhere
        try:
            fresh = open_session(self.opened.path)
        except StoreError:
            return False
        if fresh.read_only:
            fresh.close()
            return False
        self.opened = fresh
        if self._lock_timer is not None:
            self._lock_timer.stop()
            self._lock_timer = None
        for banner in self.query("#readonly"):
            banner.remove()
        self._update_save_state()
        self._show(self.current, save=False)
        self.notify(T.NU_SCHRIJVEN, markup=False, timeout=10)
        return True
