"""Slugs and path safety (store/slug.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_tui.store.slug import (
    MAX_SLUG,
    UnsafePath,
    ensure_real_dir,
    safe_child,
    session_path,
    slugify,
)

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Begroting 2027", "begroting-2027"),
        ("Café de Überraschung", "cafe-de-uberraschung"),
        ("  Zeewolde -- Participatie!! ", "zeewolde-participatie"),
        ("ÆØÅ ﬁne ①", "a-fine-1"),  # NFKD: Å, the ligature and the circled digit decompose; Æ, Ø do not
        ("", "sessie"),
        ("   ", "sessie"),
        ("!!!", "sessie"),
        ("日本語", "sessie"),
        ("../x", "x"),
        ("/etc/x", "etc-x"),
        ("a\x00b", "a-b"),
        ("a\nb", "a-b"),
        ("..", "sessie"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_slugify_limits_length_without_trailing_dash() -> None:
    assert len(slugify("a" * 2000)) == MAX_SLUG
    long = slugify("woord " * 100)
    assert len(long) <= MAX_SLUG and not long.endswith("-") and SLUG.match(long)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_name_gives_a_safe_file_directly_in_the_folder(name: str) -> None:
    folder = Path("/srv/sessies")
    slug = slugify(name)
    assert SLUG.match(slug) and len(slug) <= MAX_SLUG
    path = session_path(folder, name)
    assert path.parent == folder
    assert path.name == slug + ".json"


@pytest.mark.parametrize("name", ["../x", "/etc/x", "", "x" * 2000, "a\x00b", "a\nb", "..", "."])
def test_session_path_for_hostile_names(tmp_path: Path, name: str) -> None:
    path = session_path(tmp_path, name)
    assert path.parent == tmp_path
    assert SLUG.match(path.stem)
    assert path.resolve().parent == tmp_path.resolve()


@pytest.mark.parametrize("name", ["", ".", "..", "a/b", "/etc", "a\x00b", "a\nb", "x" * 300, "..\\x"])
def test_safe_child_refuses_anything_but_one_plain_name(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnsafePath) as info:
        safe_child(tmp_path, name)
    assert "bestandsnaam" in info.value.message


def test_ensure_real_dir(tmp_path: Path) -> None:
    assert ensure_real_dir(tmp_path / "nieuw").is_dir()
    assert ensure_real_dir(tmp_path / "nieuw").is_dir()  # twice is fine
    (tmp_path / "buiten").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "buiten")
    with pytest.raises(UnsafePath) as info:
        ensure_real_dir(tmp_path / "link")
    assert "verwijst naar een andere plek" in info.value.message
    (tmp_path / "bestand").write_text("x")
    with pytest.raises(UnsafePath):
        ensure_real_dir(tmp_path / "bestand")
