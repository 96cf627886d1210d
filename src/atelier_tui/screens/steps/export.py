"""The summary for the minutes: a live preview, copy to the clipboard, write next to the session."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Markdown, OptionList
from textual.widgets.option_list import Option

from ...commands import bindings
from ...export import markdown as md
from ...store.atomic import atomic_write_bytes
from ...teksten import ui as T
from .base import StepView
from .prep import StepHeading


class ExportView(StepView):
    initial_focus = "#secties"
    BINDINGS = bindings("export")
    DEFAULT_CSS = """
    ExportView #export-main { height: 1fr; }
    ExportView #secties { width: 30; height: 1fr; border: tall $panel; }
    ExportView #secties:focus { border: tall $primary; }
    ExportView #preview { width: 1fr; height: 1fr; overflow-y: auto; border: tall $panel; padding: 0 1; }
    ExportView.-narrow #secties { width: 22; }
    """

    def compose(self) -> ComposeResult:
        yield StepHeading(self.step)
        with Horizontal(id="export-main"):
            yield OptionList(id="secties")
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

    def action_copy(self) -> None:
        label, text = self._selected()
        self.app.copy_to_clipboard(text)
        self.notify(T.EXP_GEKOPIEERD.format(wat=label), title=T.EXP_KOPIEER, markup=False, timeout=10)

    def action_write(self) -> None:
        path = self.owner.path
        target = path.with_name(f"{path.stem}-verslag.md")
        try:
            atomic_write_bytes(target, self._text.encode("utf-8"))
        except OSError as exc:
            self.notify(T.EXP_NIET_BEWAARD.format(fout=exc.strerror or exc), severity="error", markup=False)
            return
        self.notify(T.EXP_BEWAARD.format(pad=target), markup=False, timeout=12)
