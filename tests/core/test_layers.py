"""The layers of DESIGN.md section 3: each knows only those below it, and no module imports in a circle.

Layers, bottom to top: the core (domain, store, export, texts: no Textual), the UI's shared parts
(commands, themes, the driver), widgets, screens, the App, the command line. A widget never imports a
screen; a screen never imports the App. Imports only for type checking (``if TYPE_CHECKING:``) do
not count: they never run.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "src" / "atelier_tui"
CORE = ["domain", "store", "export", "teksten", "schema"]

#: top-level part of the package -> its layer (a part may import only its own layer or lower ones).
#: The texts (``teksten``) stand beside the layers: every layer may use them, and they may name the
#: core's codes; they never import the UI (checked below).
LAYER = {
    "domain": 0,
    "schema": 0,
    "store": 1,
    "export": 1,
    "commands": 2,
    "themes": 2,
    "driver": 2,
    "keyorder": 2,
    "widgets": 3,
    "web": 3,  # the pages Atelier serves (meekijken; the phone round): no screens
    "screens": 4,
    "app": 5,
    "cli": 6,
    "cli_base": 6,
    "cli_parser": 6,
    "cli_export": 6,
    "cli_meekijken": 6,
    "__main__": 7,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path) -> set[str]:
    """Absolute names of what ``path`` imports (also inside functions), except type-checking imports."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if node.module:
                names.add(target)
            names.update(f"{target}.{a.name}" for a in node.names)  # "from . import x" imports a module
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return names


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: {i for i in _imports(path) if i in modules and i != name} for name, path in modules.items()}


def _part(module: str) -> str:
    return module.split(".")[1] if "." in module else "__init__"


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


def test_every_part_of_the_package_has_a_layer():
    parts = {_part(m) for m in _modules()} - {"__init__", "teksten"}
    assert parts <= set(LAYER), f"give these a layer in LAYER: {sorted(parts - set(LAYER))}"


def test_imports_only_go_down_the_layers():
    """Widgets never import screens, screens never import the App, the core never imports the UI."""
    offenders = [
        f"{module} imports {target}"
        for module, targets in _graph().items()
        for target in targets
        if _part(module) in LAYER and _part(target) in LAYER and LAYER[_part(target)] > LAYER[_part(module)]
    ]
    assert offenders == []


def test_texts_never_import_the_ui():
    offenders = [
        f"{module} imports {target}"
        for module, targets in _graph().items()
        if _part(module) == "teksten"
        for target in targets
        if LAYER.get(_part(target), 0) > LAYER["export"]
    ]
    assert offenders == []


def test_no_import_circles():
    graph = _graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    circles: list[str] = []

    def walk(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                circles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                walk(target, [*path, target])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module, [module])
    assert circles == []


def test_the_session_screen_loads_no_web_server_or_qr_library_before_a_round_opens():
    """aiohttp and qrcode cost a fifth of a second and megabytes at start; only a phone round or a
    QR code on screen needs them."""
    code = (
        "import sys; import atelier_tui.app, atelier_tui.screens.session; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'aiohttp', 'qrcode', 'textual_serve'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
