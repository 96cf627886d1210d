"""Step "Verslag": a live preview, what the verslag still lacks, copy, and one key per format to write it.

The files go to a folder ``verslagen`` where Atelier was started (over SSH: the home folder), never
into the sessions folder; the screen says where. A read-only window shows, but writes and copies nothing.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Markdown, OptionList, Static
from textual.widgets.option_list import Option

from ... import export
from ...commands import bindings
from ...export import markdown as md
from ...teksten import ui as T
from .base import StepHeading, StepView

#: key of the command -> format written
FORMATS = {"md": "md", "docx": "docx", "html": "html", "txt": "txt"}


def verslag_dir(sessions: Path) -> Path:
    """``./verslagen`` where Atelier was started; ``~/Atelier-verslagen`` when that lies in the sessions folder."""
    here = Path.cwd() / "verslagen"
    try:
        here.resolve().relative_to(sessions.resolve())
    except ValueError:
        return here
    return Path.home() / "Atelier-verslagen"


class ExportView(StepView):
    initial_focus = "#secties"
    BINDINGS = bindings("export")
    DEFAULT_CSS = """
    ExportView #export-main { height: 1fr; }
    ExportView #export-side { width: 34; height: 1fr; }
    ExportView #secties { height: 1fr; border: tall $panel; }
    ExportView #secties:focus { border: tall $primary; }
    ExportView #ontbreekt { height: auto; max-height: 40%; overflow-y: auto; padding: 0 1; color: $text-warning; }
    ExportView #ontbreekt.-compleet { color: $text-success; }
    ExportView #geschreven { height: auto; padding: 0 1; color: $text-muted; }
    ExportView #preview { width: 1fr; height: 1fr; overflow-y: auto; border: tall $panel; padding: 0 1; }
    ExportView.-narrow #export-side { width: 24; }
    """

    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        with Horizontal(id="export-main"):
            with Vertical(id="export-side"):
                yield OptionList(id="secties")
                yield Static(id="ontbreekt", classes="facilitator-only")
                yield Static(Content(T.EXP_WAAR), id="geschreven", classes="facilitator-only")
            yield Markdown(id="preview", open_links=False)

    def on_mount(self) -> None:
        self._text = md.render(self.session)
        self._sections = md.sections(self._text)
        options = [Option(Content(T.EXP_ALLES), id="alles")]
        options += [Option(Content(title), id=str(i)) for i, (title, _) in enumerate(self._sections)]
        nav = self.query_one("#secties", OptionList)
        nav.add_options(options)
        nav.highlighted = 0
        self._show(self._text)
        gaps = export.verslag_gaps(self.session)
        ontbreekt = self.query_one("#ontbreekt", Static)
        ontbreekt.set_class(not gaps, "-compleet")
        lines = [T.EXP_ONTBREEKT, *(f"• {gap}" for gap in gaps)] if gaps else [T.EXP_COMPLEET]
        ontbreekt.update(Content("\n".join(lines)))

    def _show(self, text: str) -> None:
        self.query_one("#preview", Markdown).update(text)

    def _selected(self) -> tuple[str, str]:
        """(label, markdown) of what is selected: the whole summary or one section."""
        nav = self.query_one("#secties", OptionList)
        index = nav.highlighted or 0
        if index == 0:
            return T.EXP_ALLES.lower(), self._text
        title, text = self._sections[index - 1]
        return title, text

    @on(OptionList.OptionHighlighted, "#secties")
    def _highlighted(self) -> None:
        self._show(self._selected()[1])

    def _only_shows(self) -> bool:
        if self.read_only:
            self.notify(T.EXP_ALLEEN_TONEN, severity="warning")
            return True
        return False

    def action_copy(self) -> None:
        if self._only_shows():
            return
        label, text = self._selected()
        self.app.copy_to_clipboard(text)
        self.notify(T.EXP_GEKOPIEERD.format(wat=label), title=T.EXP_KOPIEER, timeout=10)

    def action_write(self, fmt: str = "md") -> None:
        """Write the whole verslag in ``fmt`` (md, docx, html, txt) and say where."""
        if self._only_shows():
            return
        folder = verslag_dir(self.owner.path.parent)
        target = folder / f"{self.owner.path.stem}-verslag{export.EXTENSIONS[FORMATS[fmt]]}"
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            export.write_document(self.session, "verslag", FORMATS[fmt], target)
        except OSError as exc:
            from ...store.codes import failure_of
            from ...teksten.store import write_failure

            self.notify(T.EXP_NIET_BEWAARD.format(fout=write_failure(failure_of(exc))), severity="error")
            return
        self.query_one("#geschreven", Static).update(Content(T.EXP_LAATST.format(pad=target)))
        self.notify(T.EXP_BEWAARD.format(pad=target), timeout=12)
