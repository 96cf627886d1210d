"""The Markdown summary: content rules and safety of user text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from atelier_tui.domain import builtin
from atelier_tui.domain.session import Kaart, Session, Voorbeeld
from atelier_tui.export.escaping import block, cell, inline
from atelier_tui.export.markdown import render

MD = MarkdownIt("commonmark").enable("table")


def _inline_text(tokens) -> str:
    """The text a reader sees in an inline token: text, soft and hard breaks."""
    out = []
    for t in tokens:
        if t.type == "text":
            out.append(t.content)
        elif t.type in ("softbreak", "hardbreak") or t.type == "html_inline" and t.content == "<br>":
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
    assert _inline_text(tokens[3].children) == " ".join(text.split("\n"))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SAFE_TEXT, min_size=1, max_size=3).map("\n".join))
def test_table_cells_stay_in_their_cell(text):
    doc = "| a | b |\n| --- | --- |\n| " + cell(text) + " | x |\n"
    tokens = MD.parse(doc)
    cells = [t for t in tokens if t.type == "inline"]
    assert len(cells) == 4  # two header cells, two body cells
    assert _inline_text(cells[2].children) == "\n".join(p.strip() for p in text.split("\n"))
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
    headings = [t for t in MD.parse(render(base)) if t.type == "heading_open"]
    plain = builtin.new_session("Test", "Lindewaard")
    plain.kaarten = [Kaart(kolom=k.kolom, tekst=f"kaart {i}", stemmen=k.stemmen) for i, k in enumerate(base.kaarten)]
    assert len(headings) == len([t for t in MD.parse(render(plain)) if t.type == "heading_open"])


def test_same_session_gives_identical_bytes():
    s = Session.model_validate(builtin.demo_data())
    assert render(s) == render(Session.model_validate(builtin.demo_data()))


def test_untouched_starting_lists_are_left_out_after_evening_one():
    s = builtin.new_session("Avond een", "Lindewaard")
    s.voorbeelden = [Voorbeeld(titel="Inloopavond", les="Ga naar de mensen toe.")]
    md = render(s)
    assert "Werkatelier 1" in md
    assert "## Werkatelier 1" in md
    assert "### Unusual suspects" not in md and "### Toetsing van draagvlak" not in md
    assert "## Werkatelier 2" not in md


def test_summary_never_speaks_of_decisions():
    md = render(Session.model_validate(builtin.demo_data())).lower()
    for word in ("besloten", "besluit van de raad", "heeft besloten", "vastgesteld"):
        assert word not in md


def test_plain_text_shows_user_text_literally_without_markdown_escapes():
    from atelier_tui.export.text import render as render_text

    s = builtin.new_session("Test", "Lindewaard")
    hostile = "*nadruk* | pijp # kop [link](x) 1. lijst <b>"
    s.kaarten = [Kaart(kolom="kans", tekst=hostile, stemmen=4)]
    txt = render_text(s)
    assert hostile in txt
    assert "\\" not in txt
    assert "Werkateliers participatie en cocreatie – Lindewaard\n=====" in txt
