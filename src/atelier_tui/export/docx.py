"""Documents as Word files (.docx), written by the app itself with python-docx.

A4 portrait, language nl-NL, the title in the document's properties, page numbers in the footer,
real headings and lists, tables with borders, a repeating header row and column widths fitted
to their content. A gemeente can give its own template (a .docx whose styles are used).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm

from .document import Document, Heading, Items, Para, Table

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

LANGUAGE = "nl-NL"
A4 = (Cm(21.0), Cm(29.7))
MARGIN = Cm(2.2)
#: A fixed moment for the file's properties: the same session always gives the same document.
FIXED_MOMENT = datetime(2000, 1, 1)


class TemplateError(Exception):
    """The template cannot be used; the message is Dutch."""


def _set_language(doc) -> None:
    """Dutch as the language of every run: in the default run properties and in the styles."""
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults"))
    targets = []
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPrDefault"))
        if rpr is not None:
            inner = rpr.find(qn("w:rPr"))
            if inner is not None:
                targets.append(inner)
    for style in doc.styles:
        element = getattr(style, "element", None)
        if element is not None and element.rPr is not None:
            targets.append(element.rPr)
    for rpr in targets:
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)
        lang.set(qn("w:bidi"), "ar-SA")
        rpr.append(lang)


def _page(doc) -> None:
    for section in doc.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = A4
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN
        footer = section.footer.paragraphs[0] if section.footer.paragraphs else section.footer.add_paragraph()
        if not footer.text and not footer._p.findall(".//" + qn("w:fldSimple")):
            footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), "PAGE")
            run = OxmlElement("w:r")
            text = OxmlElement("w:t")
            text.text = "1"
            run.append(text)
            field.append(run)
            footer._p.append(field)


def _text_width(doc) -> int:
    section = doc.sections[0]
    return section.page_width - section.left_margin - section.right_margin


# The body is written as WordprocessingML text and parsed once: python-docx's object API costs
# about a millisecond per paragraph, too slow for a 500-item session.

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
EMU_PER_TWIP = 635


def _x(text: str) -> str:
    return escape(_NOT_XML.sub("", text), {'"': "&quot;"})


def _run(text: str, *, bold: bool = False, note: bool = False) -> str:
    props = ("<w:b/>" if bold else "") + ('<w:i/><w:sz w:val="18"/>' if note else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_x(text)}</w:t></w:r>'


def _para(runs: str, style: str | None = None, num_id: int | None = None) -> str:
    ppr = ""
    if style or num_id is not None:
        inner = f'<w:pStyle w:val="{_x(style)}"/>' if style else ""
        if num_id is not None:
            inner += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    return f"<w:p>{ppr}{runs}</w:p>"


def _one_line(text: str) -> str:
    return " ".join(line.strip() for line in text.split("\n") if line.strip())


def _widths(table: Table, total: int) -> list[int]:
    """Column widths fitted to the content: each column gets a share by the mean length of its
    texts, and never less than its longest word, so short columns (numbers, dates, status) stay
    narrow and words are never broken in the middle."""
    columns = list(zip(table.header, *table.rows))
    per_char, padding = int(Cm(0.23)), int(Cm(0.45))

    def least(col: tuple[str, ...], one_line: bool) -> int:
        longest = max(len(c) for c in col)
        # A short column (a number, a date, a name) stays on one line when there is room; a
        # long one never breaks inside a word.
        word = max(len(w) for c in col for w in (c.split() or [""]))
        chars = longest if one_line and longest <= 24 else word
        # The header is bold: a little wider per character.
        chars = max(chars, round(1.15 * max(len(w) for w in (col[0].split() or [""]))))
        return min(total // 3, padding + per_char * chars)

    minimum = [least(col, True) for col in columns]
    if sum(minimum) > total:
        minimum = [least(col, False) for col in columns]
    if sum(minimum) > total:  # many columns of long words: the table still fits the page
        minimum = [m * total // sum(minimum) for m in minimum]
    weights = [sum(len(c) for c in col) / len(col) + 2 for col in columns]
    free = max(0, total - sum(minimum))
    # Spread what is left over the columns whose text is longer than their minimum.
    spare = [max(0.0, w * per_char - m) for w, m in zip(weights, minimum)]
    share = sum(spare) or 1.0
    return [int(m + free * sp / share) for m, sp in zip(minimum, spare)]


def _table(table: Table, total: int, style: str | None) -> str:
    widths = [w // EMU_PER_TWIP for w in _widths(table, total)]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    style_xml = f'<w:tblStyle w:val="{_x(style)}"/>' if style else ""
    borders = (
        ""
        if style
        else "<w:tblBorders>"
        + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="666666"/>' for side in
                  ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"
    )  # fmt: skip

    def row(values: tuple[str, ...], header: bool) -> str:
        trpr = "<w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if header else "") + "</w:trPr>"
        cells = []
        for value, width in zip(values, widths):
            lines = [line.strip() for line in value.split("\n") if line.strip()] or [""]
            paras = "".join(_para(_run(line, bold=header)) for line in lines)
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{paras}</w:tc>')
        return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"

    return (
        f'<w:tbl><w:tblPr>{style_xml}<w:tblW w:w="{sum(widths)}" w:type="dxa"/>{borders}'
        f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
        f'w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{row(table.header, True)}{''.join(row(r, False) for r in table.rows)}</w:tbl>"
        + _para("")
    )


class _Styles:
    """Style ids by name, as the document (or the gemeente's template) has them."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.ids: dict[str, str | None] = {}

    def __call__(self, name: str) -> str | None:
        if name not in self.ids:
            try:
                self.ids[name] = self.doc.styles[name].style_id
            except KeyError:
                self.ids[name] = None
        return self.ids[name]


def _new_numbering(doc, style_name: str) -> int | None:
    """A fresh numbering instance that restarts at 1, for one numbered list; None without one."""
    try:
        style = doc.styles[style_name]
        num_pr = style.element.pPr.numPr if style.element.pPr is not None else None
        if num_pr is None or num_pr.numId is None:
            return None
        numbering = doc.part.numbering_part.numbering_definitions._numbering
    except (KeyError, NotImplementedError):
        return None
    abstract = numbering.num_having_numId(num_pr.numId.val).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def _body(doc, document: Document) -> str:
    styles = _Styles(doc)
    total = _text_width(doc)
    out = [_para(_run(document.title), styles("Title"))]
    for b in document.blocks:
        if isinstance(b, Heading):
            out.append(_para(_run(b.text), styles(f"Heading {min(max(b.level - 1, 1), 4)}")))
        elif isinstance(b, Para):
            out += [_para(_run(p.strip(), note=b.note)) for p in b.text.split("\n") if p.strip()]
        elif isinstance(b, Items):
            style_name = "List Number" if b.numbered else "List Bullet"
            style = styles(style_name)
            num_id = _new_numbering(doc, style_name) if b.numbered and style else None
            for item in b.items:
                runs = ""
                if item.label:
                    runs += _run(item.label, bold=True) + (_run(item.sep) if item.text else "")
                if item.text:
                    runs += _run(_one_line(item.text))
                if style is None:  # a template without list styles: a plain marker
                    runs = _run("– ") + runs
                out.append(_para(runs, style, num_id))
        elif isinstance(b, Table):
            out.append(_table(b, total, styles("Table Grid")))
    return "".join(out)


def _load(template: Path | None):
    if template is None:
        return new_docx()
    try:
        doc = new_docx(str(template))
    except Exception as exc:  # python-docx raises several kinds for a file that is no .docx
        raise TemplateError(str(exc)) from None
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def render(document: Document, template: Path | None = None) -> bytes:
    doc = _load(template)
    _page(doc)
    _set_language(doc)
    props = doc.core_properties
    props.title = document.title
    props.language = LANGUAGE
    props.author = "Atelier"
    props.last_modified_by = "Atelier"
    props.created = props.modified = FIXED_MOMENT
    props.revision = 1
    fragment = parse_xml(f'<w:body xmlns:w="{W_NS}">{_body(doc, document)}</w:body>')
    body = doc.element.body
    anchor = body.find(qn("w:sectPr"))
    for child in list(fragment):
        if anchor is not None:
            anchor.addprevious(child)
        else:
            body.append(child)
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip_times(out.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """The same document always gives the same bytes: every part of the file gets one fixed time."""
    moment = FIXED_MOMENT.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=moment)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
