"""`atelier export` and `atelier check` with documents, formats and kinds of files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import atelier_tui.domain.content as content
from atelier_tui.cli import main
from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir

PACKAGED_DEMO = Path(content.__file__).with_name("demo.json")


@pytest.fixture
def demo(sessions_dir: Path) -> Path:
    return create_demo_copy(SessionsDir(sessions_dir))


def test_export_takes_the_packaged_demo_and_an_exported_session(tmp_path, capsys):
    assert main(["export", str(PACKAGED_DEMO), "-f", "md"]) == 0
    from_packaged = capsys.readouterr().out
    assert from_packaged.startswith("# Verslag werkateliers participatie en cocreatie – gemeenteraad Lindewaard")
    exported = tmp_path / "sessie.json"
    assert main(["export", str(PACKAGED_DEMO), "-f", "json", "-o", str(exported)]) == 0
    capsys.readouterr()
    assert main(["export", str(exported), "-f", "md"]) == 0
    assert capsys.readouterr().out == from_packaged


def test_export_word_to_a_file_and_documents_in_their_formats(demo, tmp_path, capsys):
    target = tmp_path / "verslag.docx"
    assert main(["export", str(demo), "-f", "docx", "-o", str(target)]) == 0
    assert zipfile.is_zipfile(target)
    assert main(["export", str(demo), "--document", "actielijst"]) == 0  # csv by default
    assert capsys.readouterr().out.startswith("\ufeffnummer;bijeenkomst;soort")
    assert main(["export", str(demo), "-d", "bouwstenen", "-f", "txt"]) == 0
    assert capsys.readouterr().out.startswith("Bouwstenen voor de participatieverordening")


def test_a_document_in_a_format_it_does_not_have_gets_the_choices(demo, capsys):
    assert main(["export", str(demo), "-d", "bouwstenen", "-f", "csv"]) == 1
    err = capsys.readouterr().err
    assert "niet als csv" in err and "md, txt, html, docx" in err


def test_a_template_only_with_word_and_only_a_real_one(demo, tmp_path, capsys):
    bad = tmp_path / "sjabloon.docx"
    bad.write_text("geen word", encoding="utf-8")
    assert main(["export", str(demo), "-f", "md", "--sjabloon", str(bad)]) == 1
    assert "alleen bij --format docx" in capsys.readouterr().err
    assert main(["export", str(demo), "-f", "docx", "-o", str(tmp_path / "v.docx"), "--sjabloon", str(bad)]) == 1
    assert "geen bruikbaar Word-bestand" in capsys.readouterr().err
    assert not (tmp_path / "v.docx").exists()


def test_a_file_of_another_kind_is_named_with_what_to_do(tmp_path, capsys):
    verslag = tmp_path / "verslag.docx"
    verslag.write_bytes(b"PK\x03\x04")
    assert main(["export", str(verslag)]) == 1
    assert "is een document (Word), geen sessie" in capsys.readouterr().err
    other = tmp_path / "thema.json"
    other.write_text('{"naam": "donker", "kleuren": {}}', encoding="utf-8")
    assert main(["check", str(other)]) == 1
    assert "JSON-bestand, maar geen sessie van Atelier" in capsys.readouterr().err


def test_open_of_an_exported_session_says_to_import_it_first(capsys):
    assert main(["open", str(PACKAGED_DEMO)]) == 1
    assert "gebruik eerst atelier import" in capsys.readouterr().err


def test_check_lists_what_the_verslag_lacks(sessions_dir, capsys):
    assert main(["new", "Leeg", "--niet-openen", "--sessions-dir", str(sessions_dir)]) == 0
    capsys.readouterr()
    assert main(["check", "Leeg", "--sessions-dir", str(sessions_dir)]) == 0
    out = capsys.readouterr().out
    assert "Voor het verslag ontbreekt nog:" in out
    assert "- De datum van werkatelier 1 ontbreekt." in out
    assert main(["check", str(PACKAGED_DEMO)]) == 0
    assert "Het verslag is compleet" in capsys.readouterr().out
