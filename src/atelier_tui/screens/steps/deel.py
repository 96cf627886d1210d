"""Delen: a QR code for the room, for example to the evaluation form, with a short explanation.

The code is shown as large as the window allows. When the window is too low for the code with
the text under it, the text moves beside the code; when even that does not fit, the code says
so in words rather than show a code that cannot be scanned.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual import events, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from ...commands import bindings
from ...domain.errors import describe_validation_error
from ...domain.links import link_error
from ...domain.session import Deel
from ...teksten import deel as D
from ...teksten import ui as T
from ...widgets.form import FieldSpec, FormDialog
from ...widgets.qr import MAX_SCALE, QRCode, code_size, fit_scale, fold_url, text_rows
from .base import StepHeading, StepView

FIELDS = [
    FieldSpec("url", D.F_URL, placeholder=D.F_URL_VOORBEELD, help=D.F_URL_HULP),
    FieldSpec("toelichting", D.F_TOELICHTING, placeholder=D.F_TOELICHTING_VOORBEELD),
]

#: Columns for the text beside the code, when it stands beside it.
SIDE_TEXT_MIN = 24
SIDE_TEXT_MAX = 48
SIDE_GAP = 2


class DeelForm(FormDialog):
    """The form for the link and its explanation; a wrong link is explained in the form itself."""

    def dismiss(self, result: Any = None):
        if result is not None:
            error = link_error(result.get("url") or "")
            if error is not None:
                self._error(error, self.query_one("#f-url", Input))
                return None
        return super().dismiss(result)


def _wrapped_rows(text: str, width: int) -> int:
    return len(Content(text).wrap(width)) if text and width > 0 else 0


class DeelView(StepView, can_focus=True):
    """The QR code large and centred, with the link and the explanation for the room."""

    BINDINGS = bindings("deel")
    DEFAULT_CSS = """
    DeelView #deel-main { height: 1fr; align: center middle; }
    DeelView.-side #deel-main { layout: horizontal; }
    DeelView #deel-qr { width: 1fr; }
    DeelView #deel-tekst { width: 1fr; height: auto; }
    DeelView.-side #deel-tekst { align: left middle; margin-left: 2; }
    DeelView #deel-tekst Static { width: 1fr; height: auto; text-align: center; }
    DeelView.-side #deel-tekst Static { text-align: left; }
    DeelView #deel-toelichting { text-style: bold; margin-top: 1; }
    DeelView.-side #deel-toelichting { margin-top: 0; }
    DeelView #deel-url { text-style: bold; margin-top: 1; color: $text-accent; display: none; }
    DeelView.-side #deel-url { display: block; }
    DeelView #deel-leeg { text-style: bold; }
    DeelView #deel-leeg-hulp { color: $text-muted; margin-top: 1; }
    DeelView.-leeg #deel-qr { display: none; }
    DeelView.-leeg #deel-url { display: none; }
    DeelView #deel-leeg, DeelView #deel-leeg-hulp { display: none; }
    DeelView.-zonder-kop #deel-kop { display: none; }
    DeelView.-leeg #deel-leeg, DeelView.-leeg #deel-leeg-hulp { display: block; }
    """

    def compose(self) -> ComposeResult:
        yield StepHeading(self.step, id="deel-kop")
        with Vertical(id="deel-main"):
            yield QRCode(too_small="" if self.owner.presenting else D.TE_KLEIN, id="deel-qr")
            with Vertical(id="deel-tekst"):
                yield Static(id="deel-toelichting")
                yield Static(id="deel-url")
                yield Static(Content(D.LEEG), id="deel-leeg")
                if not self.owner.presenting:  # which key sets the link: for the facilitator only
                    yield Static(Content(D.LEEG_HULP), id="deel-leeg-hulp")

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        deel = self.session.deel
        self.query_one("#deel-qr", QRCode).url = deel.url
        toelichting = self.query_one("#deel-toelichting", Static)
        toelichting.update(Content(deel.toelichting))
        toelichting.display = bool(deel.toelichting)
        self.set_class(not deel.url, "-leeg")
        self._arrange()

    def on_resize(self, event: events.Resize) -> None:
        self._arrange()

    # Layout --------------------------------------------------------------------------------

    def _arrange(self) -> None:
        """Choose: text under the code or beside it, with or without the step's explanation."""
        width, height = self.content_size
        if not width or not height:
            return
        deel = self.session.deel
        heading = self.query_one("#deel-kop", StepHeading)
        qr = self.query_one("#deel-qr", QRCode)
        tekst = self.query_one("#deel-tekst", Vertical)
        heading_rows = heading.rows(width)
        if not deel.url:
            self.remove_class("-side", "-zonder-kop")
            tekst.styles.width = "1fr"
            tekst.styles.height = "auto"
            return
        url = deel.url
        toelichting = deel.toelichting
        # Every way to arrange it, in the order of preference; the one with the largest code wins
        # (the room's screen uses its space), and of equally large ones the first.
        candidates: list[tuple] = []
        for with_heading in (True, False):
            above = heading_rows if with_heading else 0
            # Under the code: the code with its link, then the explanation.
            under = 1 + _wrapped_rows(toelichting, width) if toelichting else 0
            scale = fit_scale(url, width, height - above - under)
            if scale:
                candidates.append(("under", with_heading, scale))
            # Beside the code: the explanation and the link in a column to the right.
            beside = self._side(url, toelichting, width, height - above)
            if beside is not None:
                candidates.append(("side", with_heading, *beside))
        # Nothing fits: the code says so in words, with the link under it.
        choice = max(candidates, key=lambda c: c[2]) if candidates else ("under", True, 0)
        side = choice[0] == "side"
        with self.app.batch_update():
            self.set_class(side, "-side")
            self.set_class(not choice[1], "-zonder-kop")
            qr.show_url = not side
            scale = choice[2]
            if side:
                rows = code_size(url, scale)[1]
                qr.styles.height = rows
                tekst.styles.width = choice[3]
                tekst.styles.height = rows
                self.query_one("#deel-url", Static).update(Content("\n".join(fold_url(url, choice[3]))))
            else:
                tekst.styles.width = "1fr"
                tekst.styles.height = "auto"
                if scale:
                    qr.styles.height = code_size(url, scale)[1] + text_rows(url, width)
                else:
                    qr.styles.height = _wrapped_rows(qr.too_small, width) + text_rows(url, width)

    @staticmethod
    def _side(url: str, toelichting: str, width: int, height: int) -> tuple[int, int] | None:
        """The largest code with the text beside it in ``width`` x ``height``: (scale, text width)."""
        for scale in range(MAX_SCALE, 0, -1):
            columns, rows = code_size(url, scale)
            text_width = min(SIDE_TEXT_MAX, width - columns - SIDE_GAP)
            if text_width < SIDE_TEXT_MIN or rows > height:
                continue
            text_height = (_wrapped_rows(toelichting, text_width) + 1 if toelichting else 0) + text_rows(
                url, text_width
            )
            if text_height <= height:
                return scale, text_width
        return None

    # Editing -------------------------------------------------------------------------------

    @work(exclusive=True, group="deel")
    async def action_edit(self) -> None:
        if not self.can_edit():
            return
        deel = self.session.deel
        values = await self.app.push_screen_wait(
            DeelForm(D.FORM_TITEL, FIELDS, {"url": deel.url, "toelichting": deel.toelichting})
        )
        if values is None:
            return
        try:
            new = Deel.model_validate({"url": values.get("url") or "", "toelichting": values.get("toelichting") or ""})
        except ValidationError as exc:
            self.notify(T.NIET_BEWAARD.format(fout=describe_validation_error(exc)), severity="error", markup=False)
            return
        if new == deel:
            return
        self.session.deel = new
        self.commit()
        self.reload()
