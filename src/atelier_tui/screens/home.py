"""The home screen: the list of sessions; create, open and remove one."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ..commands import bindings
from ..domain.hygiene import clean_line
from ..domain.types import format_local
from ..store.repository import SessionInfo, SessionsDir, StoreError
from ..teksten import ui as T
from ..widgets.dialogs import NewSessionDialog, confirm
from ..widgets.footer import AtelierFooter


def _dates(first, second) -> str:
    """Both evenings in little space: '07-10 en 21-10-2026'."""
    if first and second and first.year == second.year:
        return f"{first:%d-%m} en {second:%d-%m-%Y}"
    return " en ".join(f"{d:%d-%m-%Y}" for d in (first, second) if d)


class HomeScreen(Screen):
    """Lists the sessions in the sessions folder, newest change first.

    It is handed the sessions folder; what the facilitator picks goes up as a message.
    """

    SCOPE = "home"
    BINDINGS = bindings("home")

    class Chosen(Message):
        """Open ``path``; or make a new session ``naam`` (of ``gemeente``); or (neither) a demo copy."""

        def __init__(self, path: Path | None = None, naam: str | None = None, gemeente: str = "") -> None:
            super().__init__()
            self.path, self.naam, self.gemeente = path, naam, gemeente

    DEFAULT_CSS = """
    HomeScreen { layout: vertical; }
    HomeScreen #home-title { height: auto; padding: 1 2 0 2; text-style: bold; color: $primary; }
    HomeScreen #home-folder { height: auto; padding: 0 2 1 2; color: $text-muted; }
    HomeScreen DataTable { height: 1fr; margin: 0 2; }
    HomeScreen #home-empty { height: 1fr; padding: 2 4; color: $text-muted; }
    """

    def __init__(self, sessions: SessionsDir) -> None:
        super().__init__()
        self.sessions = sessions
        self._infos: list[SessionInfo] = []

    def compose(self) -> ComposeResult:
        yield Static(f"{T.TITEL} — {T.HOME_KOP}", id="home-title")
        yield Static(Content(T.HOME_MAP.format(map=clean_line(str(self.sessions.path), limit=300))), id="home-folder")
        table = DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(T.HOME_LEEG, id="home-empty")
        yield AtelierFooter()

    def on_screen_resume(self) -> None:
        """Listed each time it is shown (also the first time), never twice."""
        self.refresh_list()

    def refresh_list(self, select: Path | None = None) -> None:
        table = self.query_one(DataTable)
        if not table.columns:
            for label in T.KOLOMMEN:
                table.add_column(label)
        table.clear()
        infos = sorted(
            self.sessions.list(),
            key=lambda i: (i.gewijzigd is not None, i.gewijzigd.timestamp() if i.gewijzigd else 0),
            reverse=True,
        )
        self._infos = infos
        for info in infos:
            d1, d2 = info.datums
            table.add_row(
                Text(info.naam),
                Text(info.probleem or info.gemeente, style="italic" if info.probleem else ""),
                Text(_dates(d1, d2)),
                Text(format_local(info.gewijzigd)),
                key=str(info.path),
            )
        empty = not infos
        table.display = not empty
        self.query_one("#home-empty").display = empty
        if select is not None:
            for row, info in enumerate(infos):
                if info.path == select:
                    table.move_cursor(row=row)
        if not empty:
            table.focus()

    def _selected(self) -> SessionInfo | None:
        table = self.query_one(DataTable)
        if not self._infos or table.cursor_row is None or table.cursor_row >= len(self._infos):
            return None
        return self._infos[table.cursor_row]

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        info = self._selected()
        if info is not None:
            self.post_message(self.Chosen(path=info.path))

    @work
    async def action_new(self) -> None:
        result = await self.app.push_screen_wait(NewSessionDialog(lambda naam: self.sessions.path_for(naam).exists()))
        if result:
            naam, gemeente = result
            self.post_message(self.Chosen(naam=naam, gemeente=gemeente))

    def action_demo(self) -> None:
        self.post_message(self.Chosen())

    @work
    async def action_trash(self) -> None:
        info = self._selected()
        if info is None:
            return
        question = T.WEG_VRAAG.format(naam=info.naam, map=clean_line(str(self.sessions.path), limit=300))
        answer = await self.app.push_screen_wait(confirm(T.WEGZETTEN, question))
        if answer == "ja":
            try:
                target = self.sessions.trash(info.path)
            except StoreError as exc:  # open in another window, or the folder cannot be written
                self.notify(str(exc), severity="error", markup=False, timeout=10)
                return
            self.notify(T.WEG_GEDAAN.format(naam=info.naam, pad=target), markup=False)
            self.refresh_list()
