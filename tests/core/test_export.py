"""The Markdown verslag: user text can never change its structure, and nothing is escaped that
did not need it (no ``1\\.200``, no ``\\!``, no backslash line breaks, no ``<br>``)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from atelier_tui.domain import builtin
from atelier_tui.domain.session import Kaart, Session
from atelier_tui.export import render
from atelier_tui.export.escaping import block, cell, inline
from atelier_tui.export.markdown import render as render_md

MD = MarkdownIt("commonmark").enable("table")


def _inline_text(tokens) -> str:
    """The text a reader sees in an inline token: text, soft and hard breaks."""
    out = []
    for t in tokens:
        if t.type == "text":
            out.append(t.content)
        elif t.type in ("softbreak", "hardbreak"):
            out.append("\n")
        else:
            out.append(f"<{t.type}>")
    return "".join(out)


SAFE_TEXT = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\u2028\u2029"),
        min_size=1,
        max_size=60,
    )
    .map(str.strip)
    .filter(bool)
)


def demo() -> Session:
    return Session.model_validate(builtin.demo_data())


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(SAFE_TEXT)
def test_inline_text_reads_back_unchanged_and_adds_no_structure(text):
    tokens = MD.parse("- " + inline(text) + "\n")
    kinds = [t.type for t in tokens]
    assert kinds == [
        "bullet_list_open",
        "list_item_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "list_item_close",
        "bullet_list_close",
    ]
    assert _inline_text(tokens[3].children) == text


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SAFE_TEXT, min_size=1, max_size=3).map("\n".join))
def test_table_cells_stay_in_their_cell_and_line_breaks_read_as_semicolons(text):
    doc = "| a | b |\n| --- | --- |\n| " + cell(text) + " | x |\n"
    tokens = MD.parse(doc)
    cells = [t for t in tokens if t.type == "inline"]
    assert len(cells) == 4  # two header cells, two body cells
    assert _inline_text(cells[2].children) == "; ".join(p.strip() for p in text.split("\n"))
    assert _inline_text(cells[3].children) == "x"


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SAFE_TEXT, min_size=1, max_size=3).map("\n".join))
def test_multi_line_text_stays_one_list_item(text):
    tokens = MD.parse("- " + block(text, indent="  ") + "\n")
    assert [t.type for t in tokens].count("list_item_open") == 1
    inline_tokens = [t for t in tokens if t.type == "inline"]
    assert len(inline_tokens) == 1
    assert _inline_text(inline_tokens[0].children) == "\n".join(p.strip() for p in text.split("\n"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SAFE_TEXT, min_size=1, max_size=6))
def test_hostile_card_texts_never_change_the_documents_headings(texts):
    base = builtin.new_session("Test", "Lindewaard")
    base.kaarten = [Kaart(kolom="kans" if i % 2 else "knelpunt", tekst=t, stemmen=i) for i, t in enumerate(texts)]
    headings = [t for t in MD.parse(render_md(base)) if t.type == "heading_open"]
    plain = builtin.new_session("Test", "Lindewaard")
    plain.kaarten = [Kaart(kolom=k.kolom, tekst=f"kaart {i}", stemmen=k.stemmen) for i, k in enumerate(base.kaarten)]
    assert len(headings) == len([t for t in MD.parse(render_md(plain)) if t.type == "heading_open"])


def test_ordinary_punctuation_is_not_escaped():
    s = builtin.new_session("Test", "Lindewaard")
    ordinary = "1.200 euro voor kleine initiatieven! Zie ook (bijlage) en 3-5 jaar; 50% + 10 = meer?"
    s.kaarten = [Kaart(kolom="kans", tekst=ordinary, stemmen=2)]
    md = render_md(s)
    assert ordinary in md
    assert "\\" not in md


def test_demo_markdown_has_no_html_breaks_and_no_backslash_line_breaks():
    md = render_md(demo())
    assert "<br>" not in md
    assert not [line for line in md.split("\n") if line.endswith("\\")]
    assert "\\!" not in md and "1\\." not in md


def test_same_session_gives_identical_bytes():
    assert render_md(demo()) == render_md(demo())


def test_plain_text_shows_user_text_literally_wrapped_for_email():
    s = builtin.new_session("Test", "Lindewaard")
    hostile = "*nadruk* | pijp # kop [link](x) 1. lijst <b>"
    s.kaarten = [Kaart(kolom="kans", tekst=hostile, stemmen=4)]
    txt = render(s, "txt")
    assert hostile in " ".join(txt.split())
    assert "\\" not in txt
    assert txt.startswith("Verslag werkateliers participatie en cocreatie – gemeenteraad Lindewaard\n=====")


def test_plain_text_of_the_demo_survives_an_email():
    txt = render(demo(), "txt")
    assert max(len(line) for line in txt.split("\n")) <= 72
    # Tables became records: each action is a small block of "Label: value" lines.
    assert "- Nr.: A1\n  Wie: Griffie\n" in txt
    assert "|" not in txt
