"""The domain, store and export layers never import Textual (DESIGN.md section 3)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "src" / "atelier_tui"
CORE = ["domain", "store", "export", "teksten", "schema"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_source_never_imports_textual_or_rich():
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for layer in CORE
        for path in (PACKAGE / layer).rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in {"textual", "rich"}
    ]
    assert offenders == []


def test_core_import_does_not_load_textual():
    code = (
        "import sys; import atelier_tui.store.repository, atelier_tui.store.transfer, "
        "atelier_tui.export.markdown, atelier_tui.domain.builtin; "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
