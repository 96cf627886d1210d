"""The formats the griffie uses without tools: Word (checked with LibreOffice where installed,
else in the XML), HTML, and CSV lists; and the council's next documents."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_tui.domain import builtin
from atelier_tui.domain.session import Kaart, Session
from atelier_tui.export import DOCUMENTS, FormatNotAvailable, formats_for, render, render_bytes, write_document

SOFFICE = shutil.which("soffice")
PDFINFO = shutil.which("pdfinfo")
PDFTOTEXT = shutil.which("pdftotext")


def demo() -> Session:
    return Session.model_validate(builtin.demo_data())


def docx_xml(data: bytes, name: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


# --- Word --------------------------------------------------------------------------------------


def test_word_verslag_is_a4_dutch_titled_with_page_numbers_and_real_headings():
    data = render_bytes(demo(), "verslag", "docx")
    body = docx_xml(data)
    page = re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"', body)
    assert page and abs(int(page.group(1)) - 11906) < 5 and abs(int(page.group(2)) - 16838) < 5  # A4 in twips
    styles = docx_xml(data, "word/styles.xml")
    assert 'w:lang w:val="nl-NL"' in styles and "en-US" not in styles
    core = docx_xml(data, "docProps/core.xml")
    assert "Verslag werkateliers participatie en cocreatie – gemeenteraad Lindewaard" in core
    assert "<dc:language>nl-NL</dc:language>" in core
    footer = "".join(docx_xml(data, n) for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "footer" in n)
    assert 'w:instr="PAGE"' in footer
    assert 'w:val="Heading1"' in body and 'w:val="ListBullet"' in body and 'w:val="ListNumber"' in body


def test_word_tables_have_borders_a_repeating_header_and_widths_fitted_to_content():
    body = docx_xml(render_bytes(demo(), "verslag", "docx"))
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", body, re.S)
    assert tables
    for table in tables:
        assert 'w:val="TableGrid"' in table
        assert "<w:tblHeader" in table.split("</w:tr>")[0]
        widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', table)]
        assert len(widths) <= 5
        assert len(set(widths)) > 1, "columns of equal width break words in the middle"
        assert sum(widths) <= 9415  # fits A4 portrait between the margins: 16.6 cm (twips)


def test_the_same_session_gives_the_same_word_file():
    assert render_bytes(demo(), "verslag", "docx") == render_bytes(demo(), "verslag", "docx")


def test_a_gemeente_template_gives_its_styles_and_loses_its_example_text(tmp_path):
    from docx import Document

    template = Document()
    template.add_paragraph("Voorbeeldtekst van het sjabloon")
    template.styles["Normal"].font.name = "Verdana"
    path = tmp_path / "sjabloon.docx"
    template.save(str(path))
    data = render_bytes(demo(), "verslag", "docx", template=path)
    assert "Voorbeeldtekst van het sjabloon" not in docx_xml(data)
    assert "Verdana" in docx_xml(data, "word/styles.xml")


def test_a_template_that_is_no_word_file_gets_a_clear_error(tmp_path):
    from atelier_tui.export.docx import TemplateError

    bad = tmp_path / "sjabloon.docx"
    bad.write_text("geen word", encoding="utf-8")
    with pytest.raises(TemplateError):
        render_bytes(demo(), "verslag", "docx", template=bad)


def _pdf(tmp_path: Path, data: bytes) -> Path:
    source = tmp_path / "verslag.docx"
    source.write_bytes(data)
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return tmp_path / "verslag.pdf"


@pytest.mark.skipif(
    not (SOFFICE and PDFINFO and PDFTOTEXT), reason="LibreOffice (soffice) and poppler-utils are not installed"
)
def test_libreoffice_opens_the_word_verslag_as_a4_pages_without_broken_words(tmp_path):
    pdf = _pdf(tmp_path, render_bytes(demo(), "verslag", "docx"))
    info = subprocess.run([PDFINFO, str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert "595.3" in info and "841.89" in info  # A4
    assert 5 <= pages <= 14, pages
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Verslag werkateliers participatie" in text
    assert "Bijlage 2" in text
    # A word broken in the middle of a table cell shows as a hyphen-less split such as "participatiepa".
    for word in ("participatieparagraaf", "november", "Wanneer", "Punten"):
        assert word in text.replace("\n", " ") or word.lower() in text.lower()
    assert not re.search(r"\bPunte\b|\bnovembe\b|\bWannee\b", text)


# --- HTML ------------------------------------------------------------------------------------


def test_html_is_one_self_contained_dutch_file_with_every_text_escaped():
    s = builtin.new_session("Test", "Lindewaard")
    s.kaarten = [Kaart(kolom="kans", tekst='<script>alert("x")</script> & <b>vet</b>', stemmen=3)]
    html = render(s, "html")
    assert html.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; &lt;b&gt;vet&lt;/b&gt;" in html
    assert "src=" not in html and "<link" not in html  # nothing to fetch
    assert "<table>" in html and "<th>Punten</th>" in html


# --- The council's next documents ------------------------------------------------------------


def test_every_document_renders_in_each_of_its_formats():
    s = demo()
    for document in DOCUMENTS:
        for fmt in formats_for(document):
            assert render_bytes(s, document, fmt), (document, fmt)
    with pytest.raises(FormatNotAvailable, match="Kies uit"):
        render_bytes(s, "bouwstenen", "csv")


def test_actielijst_csv_for_the_griffies_toezeggingenlijst():
    data = render_bytes(demo(), "actielijst", "csv").decode("utf-8")
    assert data.startswith("\ufeff")  # spreadsheets open it as UTF-8
    rows = list(csv.reader(io.StringIO(data.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["nummer", "bijeenkomst", "soort", "wie", "wat", "wanneer", "status"]
    assert rows[1][:3] == ["T1", "Werkatelier 2, 21 oktober 2026", "toezegging"]
    assert rows[1][5] == "11-11-2026" and rows[1][6] == "open"
    assert {r[2] for r in rows[1:]} == {"toezegging", "actie"}


def test_presentielijst_csv_per_evening():
    data = render_bytes(demo(), "presentielijst", "csv").decode("utf-8").lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(data), delimiter=";"))
    ilse = [r for r in rows if r[2] == "Ilse Brouwer"]
    assert [r[0] for r in ilse] == ["Werkatelier 1", "Werkatelier 2"]
    assert ilse[0][5:] == ["ja", ""] and ilse[1][5:] == ["nee", "ja"]
    assert not [r for r in rows if r[2] == "Lotte van den Berg"]  # civil servants by function


def test_bouwstenen_follow_the_subjects_of_the_verordening_with_direction_differences_and_choices():
    text = render(demo(), "md", "bouwstenen")
    assert text.startswith("# Bouwstenen voor de participatieverordening en het participatiebeleid")
    for subject in ("trede per soort opgave", "Spelregels vooraf", "kaders vooraf", "Overheidsparticipatie",
                    "uitdaagrecht", "moeilijk bereikbare groepen", "draagvlak", "Evaluatie van de verordening"):  # fmt: skip
        assert subject in text, subject
    assert "### Waar fracties verschilden" in text and "Liberaal Lindewaard (raadplegen)" in text
    assert "### Keuzes die de raad nog maakt" in text
    assert "## Niet besproken in de werkateliers" in text


def test_bouwstenen_of_an_empty_session_list_every_subject_as_not_covered():
    text = render(builtin.new_session("Test", "Lindewaard"), "md", "bouwstenen")
    niet = text[text.index("## Niet besproken") :]
    assert niet.count("\n- ") == 8


def test_participatieparagraaf_template_is_built_from_the_councils_own_ladder_rule_and_criteria():
    s = demo()
    text = render(s, "md", "participatieparagraaf")
    assert "## Startnotitie participatie (vooraf)" in text
    assert "## Participatieparagraaf van het raadsvoorstel (achteraf)" in text
    assert s.ambitie.regel.split(".")[0] in text
    for c in s.criteria:
        assert c.naam in text
    for t in s.ladder.treden:
        assert t.naam in text


def test_write_document_writes_the_file_whole(tmp_path):
    path = write_document(demo(), "verslag", "docx", tmp_path / "verslag.docx")
    assert zipfile.is_zipfile(path)
    assert not [p for p in tmp_path.iterdir() if ".tmp" in p.name]


WORDS = st.text(alphabet="abcdefghij ", min_size=0, max_size=80)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: st.lists(st.lists(WORDS, min_size=n, max_size=n), min_size=2, max_size=6)))
def test_any_word_table_fits_between_the_margins_of_a4(rows):
    from docx.shared import Cm

    from atelier_tui.export.document import Table
    from atelier_tui.export.docx import _widths

    total = int(Cm(16.6))
    widths = _widths(Table(tuple(r or "x" for r in rows[0]), tuple(tuple(r) for r in rows[1:])), total)
    assert sum(widths) <= total
    assert all(w > 0 for w in widths)
