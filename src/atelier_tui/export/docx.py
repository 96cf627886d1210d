"""Documents as Word files (.docx), written by the app itself with python-docx.

A4 portrait, language nl-NL, the title in the document's properties, page numbers in the footer,
real headings and lists, tables with borders, a repeating header row and column widths fitted
to their content. A gemeente can give its own template (a .docx whose styles are used).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .document import Document, Heading, Item, Items, Para, Table

LANGUAGE = "nl-NL"
A4 = (Cm(21.0), Cm(29.7))
MARGIN = Cm(2.2)
#: A fixed moment for the file's properties: the same session always gives the same document.
FIXED_MOMENT = datetime(2000, 1, 1)


class TemplateError(Exception):
    """The template cannot be used; the message is Dutch."""


def _style(doc, name: str, fallback: str = "Normal"):
    try:
        return doc.styles[name]
    except KeyError:
        return doc.styles[fallback]


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


def _cell_text(cell, text: str, *, bold: bool = False) -> None:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    paragraph = cell.paragraphs[0]
    for n, line in enumerate(lines or [""]):
        if n:
            paragraph = cell.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = bold


def _widths(table: Table, total: int) -> list[int]:
    """Column widths fitted to the content: each column gets a share by the mean length of its
    texts, and never less than its longest word, so short columns (numbers, dates, status) stay
    narrow and words are never broken in the middle."""
    columns = list(zip(table.header, *table.rows))
    per_char, padding = int(Cm(0.23)), int(Cm(0.45))

    def least(col: tuple[str, ...]) -> int:
        longest = max(len(c) for c in col)
        # A short column (a number, a date, a status) stays on one line; a long one never
        # breaks inside a word.
        chars = longest if longest <= 20 else max(len(w) for c in col for w in (c.split() or [""]))
        # The header is bold: a little wider per character.
        chars = max(chars, round(1.15 * max(len(w) for w in (col[0].split() or [""]))))
        return min(total // 3, padding + per_char * chars)

    minimum = [least(col) for col in columns]
    weights = [sum(len(c) for c in col) / len(col) + 2 for col in columns]
    free = max(0, total - sum(minimum))
    # Spread what is left over the columns whose text is longer than their minimum.
    spare = [max(0.0, w * per_char - m) for w, m in zip(weights, minimum)]
    share = sum(spare) or 1.0
    return [int(m + free * sp / share) for m, sp in zip(minimum, spare)]


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)


def _table(doc, table: Table) -> None:
    t = doc.add_table(rows=1, cols=len(table.header))
    t.style = _style(doc, "Table Grid", "Normal Table")
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    t.autofit = False
    widths = _widths(table, _text_width(doc))
    for cell, head in zip(t.rows[0].cells, table.header):
        _cell_text(cell, head, bold=True)
    _repeat_header(t.rows[0])
    for values in table.rows:
        row = t.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        cells = row.cells
        for cell, value in zip(cells, values):
            _cell_text(cell, value)
    for column, width in zip(t.columns, widths):
        column.width = width
    for row in t.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    doc.add_paragraph()


def _item(doc, item: Item, style) -> None:
    p = doc.add_paragraph(style=style)
    if item.label:
        p.add_run(item.label).bold = True
        if item.text:
            p.add_run(item.sep)
    if item.text:
        p.add_run(" ".join(line.strip() for line in item.text.split("\n") if line.strip()))


def _numbering_restart(doc, paragraphs) -> None:
    """Each numbered list starts at 1: a new numbering instance per list."""
    if not paragraphs:
        return
    numbering = doc.part.numbering_part.numbering_definitions._numbering
    style = paragraphs[0].style
    num_pr = style.element.pPr.numPr if style.element.pPr is not None else None
    if num_pr is None or num_pr.numId is None:
        return
    abstract = numbering.num_having_numId(num_pr.numId.val).abstractNumId.val
    num = numbering.add_num(abstract)
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(1)
    for p in paragraphs:
        p_pr = p._p.get_or_add_pPr()
        np = p_pr.get_or_add_numPr()
        np.get_or_add_ilvl().val = 0
        np.get_or_add_numId().val = num.numId


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
    doc.add_heading(document.title, level=0)
    for b in document.blocks:
        if isinstance(b, Heading):
            doc.add_heading(b.text, level=min(max(b.level - 1, 1), 4))
        elif isinstance(b, Para):
            for part in (p.strip() for p in b.text.split("\n")):
                if part:
                    p = doc.add_paragraph()
                    run = p.add_run(part)
                    if b.note:
                        run.italic = True
                        run.font.size = Pt(9)
        elif isinstance(b, Items):
            style = _style(doc, "List Number" if b.numbered else "List Bullet")
            start = len(doc.paragraphs)
            for item in b.items:
                _item(doc, item, style)
            if b.numbered:
                _numbering_restart(doc, doc.paragraphs[start:])
        elif isinstance(b, Table):
            _table(doc, b)
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
