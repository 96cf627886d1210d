"""The room takes part from their phones: a round, opened and closed by the facilitator (F8).

The server runs in this process (the only one that writes the session), on Textual's event loop,
and only while a round is open. What phones send waits in a queue on her screen (F4) until she
shows, edits, merges or leaves it out; only then does it enter the session. The queue is journalled
apart from the session (``store/wachtrij.py``), so what a phone was told has arrived survives a
crash; it is read again when the session opens. The room's screen gets the invitation (QR code,
address, code) and the counts through the published view state.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from typing import TYPE_CHECKING, Any

from textual import work
from textual.content import Content

from ..domain import uitslag
from ..domain.hygiene import clean_line
from ..domain.ronde import ITEMS, SOORTEN, Keuze, Ronde, RondeFout, Trede
from ..store.wachtrij import Journal, JournalError, leftover
from ..teksten import board as TB
from ..teksten import export as TX
from ..teksten import ronde as TR
from ..widgets.dialogs import ChoiceDialog, confirm
from ..widgets.zaal import Wachtrij, Waiting, ZaalOproep, ZaalUitslag

if TYPE_CHECKING:  # the server (aiohttp) is imported when the first round opens, not at start
    from ..web.zaal import ZaalServer

#: The port tried first, so that the address the room types stays the same between rounds.
PORT = 8765
#: An address a phone can use: a host name or an IPv4 or IPv6 address.
HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|[0-9A-Fa-f:]{2,39}")
#: Below this many rows the room's invitation puts its words beside the QR code.
LOW_ROWS = 30
#: After a round closes its pages still answer this long, so that a phone hears that it closed.
LINGER_SECONDS = 60.0


def addresses() -> list[tuple[str, str]]:
    """This machine's addresses the phones may use (see ``web.zaal.addresses``)."""
    from ..web import zaal

    return zaal.addresses()


class Zaal:
    """Part of the session screen (a mixin): uses its ``opened``, ``session``, ``current``, ``view``,
    ``commit``, ``publish`` and ``notify``."""

    _ronde: Ronde | None = None
    _server: ZaalServer | None = None
    _journal: Journal | None = None
    _lingering: ZaalServer | None = None  # a closed round's server that still says it is closed
    _uitslag: str | None = None  # a closed ladder or evaluatie round whose outcome the room sees now
    _netwerk: tuple[str, str | None] | None = None  # the network of the last round: asked once an evening

    # Opening and closing ---------------------------------------------------------------------------

    @work(exclusive=True, group="zaal")
    async def action_zaal(self) -> None:
        """F8: open a round on this step (what kind, on which network), or close the open one."""
        if self._follow:
            return
        if self.opened.read_only:
            self.notify(TR.GEEN_SCHRIJVEN, severity="warning", markup=False)
            return
        if self._server is not None:
            if await self.app.push_screen_wait(confirm(TR.SLUITEN_KOP, TR.SLUITEN_VRAAG)) == "ja":
                await self.close_round()
            return
        kinds = SOORTEN.get(self.current)
        if not kinds:
            self.notify(TR.GEEN_RONDE_HIER, markup=False, timeout=8)
            return
        kind: str | None = kinds[0]
        if len(kinds) > 1:
            choices = [(k, TR.SOORT[k]) for k in kinds]
            kind = await self.app.push_screen_wait(ChoiceDialog(TR.WELKE_RONDE, TR.WELKE_RONDE_VRAAG, choices))
        if kind is None:
            return
        found = await asyncio.to_thread(addresses)  # (imports the server, in a thread)
        if self._netwerk is not None and (self._netwerk[1] or self._netwerk[0] in {a for a, _ in found}):
            await self.open_round(kind, self._netwerk[0], public_host=self._netwerk[1])  # as last time
            return
        choices = [(f"a{i}", f"{label}: {address}") for i, (address, label) in enumerate(found)]
        choices.append(("doorgestuurd", TR.DOORGESTUURD))
        chosen = await self.app.push_screen_wait(ChoiceDialog(TR.ADRES_KOP, TR.ADRES_VRAAG, choices, stacked=True))
        if chosen is None:
            return
        if chosen == "doorgestuurd":  # Atelier on a server: phones reach a port forwarded to it
            from ..widgets.form import FieldSpec, FormDialog

            fields = [FieldSpec("adres", TR.DOORGESTUURD_VELD, required=True, help=TR.DOORGESTUURD_UITLEG)]
            values = await self.app.push_screen_wait(FormDialog(TR.DOORGESTUURD, fields, {"adres": ""}))
            public = (values or {}).get("adres", "").strip()
            if not public:
                return
            if not HOST.fullmatch(public):
                self.notify(TR.ADRES_FOUT.format(adres=public), severity="error", markup=False)
                return
            if await self.open_round(kind, "127.0.0.1", public_host=public):
                self._netwerk = ("127.0.0.1", public)
            return
        host = found[int(chosen[1:])][0]
        if await self.open_round(kind, host):
            self._netwerk = (host, None)

    async def open_round(self, kind: str, host: str, port: int = PORT, *, public_host: str | None = None) -> bool:
        """Start a round of ``kind`` on this step, served on ``host`` (and shown to the phones as
        ``public_host``, when a port is forwarded). True once phones can join."""
        if self._server is not None or self.opened.read_only:
            return False
        self._zaal_forget()  # a closed round with nothing waiting any more
        await self._zaal_stop_lingering()
        if self._ronde is not None:  # one journal at a time: first what still waits
            self.notify(TR.EERST_WACHTRIJ.format(n=len(self._ronde.wachtrij)), severity="warning", markup=False)
            return False
        ronde = Ronde(kind, self.current)
        self._ronde = ronde
        self._zaal_choices()
        journal = Journal(self.opened.path)
        try:
            journal.append(ronde.geopend_event())
        except JournalError as error:
            self._ronde = None
            self.notify(TR.START_MISLUKT.format(reden=error.detail), severity="error", markup=False)
            return False
        from ..web.zaal import ZaalServer

        server = None
        for attempt in (port, 0) if port else (0,):
            server = ZaalServer(ronde, journal, host, attempt, on_change=self._zaal_changed, public_host=public_host)
            try:
                await server.start()
                break
            except OSError as error:
                reason = error.strerror or str(error)
                server = None
        if server is None:
            journal.remove()
            self._ronde = None
            self.notify(TR.START_MISLUKT.format(reden=reason), severity="error", markup=False, timeout=12)
            return False
        self._server, self._journal = server, journal
        uitslag.record(self.session, ronde, closed=False)
        self.commit()
        self._zaal_changed()
        self.notify(TR.GEOPEND.format(adres=server.base_url, code=server.code), markup=False, timeout=10)
        return True

    async def close_round(self, *, why: str = TR.GESLOTEN) -> None:
        """Stop accepting: the phone pages say so; the tallies count; what waits stays in the queue."""
        server, self._server = self._server, None
        self._zaal_close_now()
        if server is not None:
            await self._zaal_stop_lingering()
            self._lingering = server
            self.set_timer(LINGER_SECONDS, self._zaal_stop_lingering)
        self.notify(why, markup=False)

    async def _zaal_stop_lingering(self) -> None:
        server, self._lingering = self._lingering, None
        if server is not None:
            with contextlib.suppress(Exception):
                await server.stop()

    def _zaal_close_now(self) -> None:
        """The part of closing that needs no waiting (also when the app stops)."""
        ronde = self._ronde
        if ronde is None or not ronde.open:
            return
        self._journal_event(ronde.sluit())
        uitslag.record(self.session, ronde, closed=True)
        self.commit()
        if ronde.soort in ("ladder", "evaluatie") and self.current == ronde.stap:
            self._uitslag = ronde.id  # the room sees what it said, until she leaves the step
        self._zaal_reload(ronde.stap)
        if not ronde.wachtrij:
            self._zaal_forget()
        self._zaal_changed()

    def _zaal_forget(self) -> None:
        """A closed round with nothing left to judge: its journal (with the phones' ids) goes."""
        ronde = self._ronde
        if ronde is not None and not ronde.open and not ronde.wachtrij:
            if self._journal is not None:
                self._journal.remove()
            self._ronde = self._journal = None

    def zaal_left_step(self, old: str) -> None:
        """Leaving the step of an open round closes it; the outcome of a round shown there goes."""
        if self._uitslag is not None:
            self._uitslag = None
            self.query_one(ZaalUitslag).show("", [])
        if self._server is not None and self._ronde is not None and self._ronde.stap == old:
            self.run_worker(self.close_round(why=TR.GESLOTEN_STAP), group="zaal-close")

    def zaal_shut(self) -> None:
        """The session closes (Ctrl+W, Ctrl+Q, a hang-up): close the round, keep what waits."""
        servers = [x for x in (self._server, self._lingering) if x is not None]
        self._server = self._lingering = None
        self._zaal_close_now()
        for server in servers:  # stopped on the app's loop, which goes on after this screen
            task = asyncio.get_running_loop().create_task(server.stop())
            self.app.__dict__.setdefault("_zaal_stopping", set()).add(task)  # keep it until it ends
            task.add_done_callback(self.app.__dict__["_zaal_stopping"].discard)

    def zaal_recover(self) -> None:
        """On opening: a round left by a process that stopped unexpectedly comes back as a closed
        round whose submissions wait in the queue; its tallies count once."""
        if self.opened.read_only:
            return
        events = leftover(self.opened.path)
        if not events:
            return
        try:
            ronde = Ronde.replay(events)
        except (RondeFout, KeyError, TypeError, ValueError):
            return  # not a journal this version can read: left as it is, never shown
        self._ronde, self._journal = ronde, Journal(self.opened.path)
        if ronde.open:
            self._journal_event(ronde.sluit())
        for sub in list(ronde.wachtrij):  # approved before the stop, but not yet journalled
            if uitslag.is_in(self.session, ronde.stap, sub.id):
                self._journal_event(ronde.besluit(sub.id, "getoond"))
        uitslag.record(self.session, ronde, closed=True)
        self.commit()
        waiting = len(ronde.wachtrij)
        self._zaal_forget()
        self._zaal_changed()
        if waiting:  # told once the screen is drawn (a toast sent before that never shows)
            self.call_after_refresh(self.notify, TR.HERSTELD.format(n=waiting), markup=False, timeout=15)

    # The queue -------------------------------------------------------------------------------------

    def zaal_available(self, action: str) -> bool:
        """F8 where a round can be opened (or one is open); F4 while something waits or a round is open."""
        if self._follow or self.opened.read_only:
            return False
        if action == "zaal":
            return self._server is not None or self.current in SOORTEN
        return self._ronde is not None

    def action_wachtrij(self) -> None:
        """F4: to the queue and back."""
        queue = self.query_one(Wachtrij)
        if self._follow or not queue.has_class("-active"):
            self.notify(TR.WACHTRIJ_LEEG, markup=False, timeout=4)
            return
        if self.focused is not None and queue in self.focused.ancestors_with_self:
            self._focus_body()
        else:
            queue.take_focus()

    def on_wachtrij_back(self, message: Wachtrij.Back) -> None:
        self._focus_body()

    def on_wachtrij_decided(self, message: Wachtrij.Decided) -> None:
        self.decide(message.item, message.besluit)

    def decide(
        self, item: str, besluit: str, *, tekst: str | None = None, soort: str | None = None, met: str | None = None
    ) -> bool:
        """Show, leave out or merge (``met``: into that item) a submission: the session is saved first,
        then the queue's journal (after a crash an item already in the session counts as shown)."""
        ronde = self._ronde
        sub = next((s for s in ronde.wachtrij if s.id == item), None) if ronde is not None else None
        if ronde is None or sub is None:
            return False
        try:
            if besluit == "getoond":
                uitslag.approve(self.session, ronde.stap, sub, tekst, soort)
            event = ronde.besluit(item, besluit, met=met)  # type: ignore[arg-type]
        except (RondeFout, ValueError) as error:
            self.notify(TR.BEWAARD_NIET.format(reden=getattr(error, "message", str(error))), severity="error")
            return False
        ronde.apply(event)
        uitslag.record(self.session, ronde, closed=not ronde.open)
        self.commit()
        self._journal_event(event, applied=True)
        if besluit == "getoond":
            self._zaal_reload(ronde.stap, item)
        self._zaal_forget()
        self._zaal_changed()
        return True

    @work(exclusive=True, group="zaal-edit")
    async def on_wachtrij_edit(self, message: Wachtrij.Edit) -> None:
        ronde = self._ronde
        sub = next((s for s in ronde.wachtrij if s.id == message.item), None) if ronde else None
        if ronde is None or sub is None:
            return
        from ..widgets.form import FieldSpec, FormDialog

        kinds = ITEMS.get(ronde.stap, {})
        fields = [FieldSpec("tekst", TR.TEKST, "block", required=True)]
        if len(kinds) > 1:
            fields.append(
                FieldSpec(
                    "soort", TR.SOORT_VELD, "choice", choices=tuple((v, k) for k, v in kinds.items()), allow_blank=False
                )
            )
        values = await self.app.push_screen_wait(
            FormDialog(TR.AANPASSEN_KOP, fields, {"tekst": sub.tekst, "soort": sub.soort})
        )
        if values:
            self.decide(sub.id, "getoond", tekst=values["tekst"], soort=values.get("soort") or sub.soort)

    @work(exclusive=True, group="zaal-edit")
    async def on_wachtrij_merge(self, message: Wachtrij.Merge) -> None:
        ronde = self._ronde
        if ronde is None:
            return
        targets = uitslag.merge_targets(self.session, ronde.stap)
        if not targets:
            self.notify(TR.GEEN_DOEL, markup=False)
            return
        from ..widgets.form import FieldSpec, FormDialog

        fields = [
            FieldSpec(
                "doel",
                TR.SAMENVOEGEN_KOP,
                "choice",
                choices=tuple(targets),
                allow_blank=False,
                help=TR.SAMENVOEGEN_UITLEG,
            )
        ]
        values = await self.app.push_screen_wait(FormDialog(TR.SAMENVOEGEN_KOP, fields, {"doel": targets[0][1]}))
        if values and values.get("doel") and self.decide(message.item, "samengevoegd", met=values["doel"]):
            self._zaal_reload(ronde.stap, values["doel"])  # the card it joined is marked

    def _zaal_reload(self, stap: str, select: str | None = None) -> None:
        """Redraw the step's view after a change from the room (and mark ``select`` on the board)."""
        view = self.view
        if view is None or view.step_key != stap:
            return
        try:
            view.reload(select=select)  # type: ignore[call-arg]  (the board marks a card)
        except TypeError:
            view.reload()

    # Keeping everything in step --------------------------------------------------------------------

    def _journal_event(self, event: dict, *, applied: bool = False) -> None:
        """Journal a decision of hers (and apply it, unless it is applied already)."""
        if self._ronde is None:
            return
        if not applied:
            self._ronde.apply(event)
        if self._journal is not None:
            try:
                self._journal.append(event)
            except JournalError as error:
                self.notify(error.detail, severity="warning", markup=False)

    def _zaal_choices(self) -> None:
        """What phones can choose from: the cards (points), the opgaven and rungs (ladder)."""
        ronde = self._ronde
        if ronde is None or not ronde.open:
            return
        s = self.session
        if ronde.soort == "punten":
            label = {"kans": TB.KOLOM_TITEL["kans"], "knelpunt": TB.KOLOM_TITEL["knelpunt"]}
            ronde.set_keuzes(tuple(Keuze(k.id, f"{label[k.kolom]}: {k.tekst}") for k in s.kaarten))
        elif ronde.soort == "ladder":
            ronde.set_keuzes(
                tuple(Keuze(o.id, o.titel) for o in s.opgaven),
                tuple(Trede(t.key, t.naam) for t in s.ladder.treden),
            )

    def zaal_session_changed(self) -> None:
        """The session changed (a card added, an opgave renamed): phones choose from what is there."""
        self._zaal_choices()

    def _zaal_changed(self) -> None:
        """Something arrived or was decided: draw the queue, the room's invitation, and publish."""
        queue = self.query_one(Wachtrij)
        ronde, server = self._ronde, self._server
        if ronde is None:
            queue.show(address="", counts=[], waiting=[])
        else:
            labels = ITEMS.get(ronde.stap, {})
            waiting = [Waiting(s.id, labels.get(s.soort, s.soort), s.tekst) for s in ronde.wachtrij]
            address = TR.ADRES.format(adres=server.base_url, code=server.code) if server is not None else ""
            queue.show(address=address, counts=TR.telling(ronde.telling()), waiting=waiting)
        state = self.zaal_state()
        self.query_one(ZaalOproep).show(state)
        self._show_uitslag(state)
        self.refresh_bindings()  # F4 and F8 in the footer follow whether there is a queue, a round
        self.publish()

    def zaal_state(self) -> dict[str, Any] | None:
        """What the room's screens get of the round (in the view state): never a submission's text."""
        state: dict[str, Any] = {"uitslag": self._uitslag} if self._uitslag else {}
        if self._ronde is not None and self._server is not None:
            state.update(
                open=self._ronde.open,
                url=self._server.url,
                base_url=self._server.base_url,
                code=self._server.code,
                telling=self._ronde.telling(),
            )
        return state or None

    def zaal_follow(self, state: Any) -> None:
        """On the room's screen: show the invitation the facilitator published (or none)."""
        state = state if isinstance(state, dict) else None
        self.query_one(ZaalOproep).show(state)
        self._show_uitslag(state)

    def _show_uitslag(self, state: dict[str, Any] | None) -> None:
        """The outcome of a closed ladder or evaluatie round, from the session (counts only)."""
        ronde_id = state.get("uitslag") if state else None
        ronde = next((r for r in self.session.rondes if r.id == ronde_id and r.stap == self.current), None)
        if ronde is None:
            self.query_one(ZaalUitslag).show("", [])
        elif ronde.soort == "ladder":
            names = {t.key: t.naam.lower() for t in self.session.ladder.treden}
            lines: list[Content] = []
            for o in self.session.opgaven:
                placed = ronde.ladder.get(o.id)
                if not placed:
                    continue
                lines.append(Content.styled(clean_line(o.titel), "bold"))
                for when, label, hers in (("nu", TR.NU, o.nu), ("straks", TR.STRAKS, o.straks)):
                    spread = TX.verdeling(placed.get(when, {}), names) or "–"
                    line = f"  {label}: {spread}"
                    if hers:
                        line += f"  ({TR.GESPREKSLEIDER}: {names.get(hers, hers)})"
                    lines.append(Content(line))
            self.query_one(ZaalUitslag).show(TR.ZAAL_LADDER_KOP.format(n=ronde.telefoons), lines)
        else:
            most = max(ronde.cijfers.values(), default=0)
            lines = [
                Content(f"{i}  {'█' * round(12 * n / most) if most else ''} {n}")
                for i, n in ((i, ronde.cijfers.get(str(i), 0)) for i in range(1, 6))
            ]
            self.query_one(ZaalUitslag).show(TR.ZAAL_CIJFERS_KOP.format(n=ronde.telefoons), lines if most else [])

    def on_resize(self, event: Any) -> None:  # (a mixin: handlers by name)
        """On a low screen the invitation's words go beside the QR code, so that the code fits."""
        self.query_one(ZaalOproep).set_class(event.size.height < LOW_ROWS, "-beside")
