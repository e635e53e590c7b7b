"""The package's layers import one way only (see ``toolkit_widgets/__init__.py``).

Each module's own imports of the package are read from its source; a module
may import its own layer and the layers above it, never one below. The test
would fail on a scoring module that reached for rendering, say.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "toolkit_widgets"

#: layer of each module or folder, from the data up to the bridge
LAYERS = {
    "errors": 0,
    "constants": 0,
    "instruments": 0,
    "forms": 0,
    "tables": 0,
    "spec": 0,
    "form_spec": 0,
    "checks": 1,
    **dict.fromkeys(
        (
            "gars",
            "gars_checklist",
            "scaling",
            "lcsa",
            "readiness",
            "trust",
            "culture_stage",
            "roi",
            "self_assessment",
            "checklist",
            "smart",
            "charts",
        ),
        1,
    ),
    "exports": 2,
    # these read whole answers objects (a form's, many learners' export files)
    "form_reviews": 2,
    "cohort": 2,
    **{path.stem: 2 for path in PACKAGE.glob("*_sheet.py")},
    "render": 3,
    "sheets": 4,
    "catalogue": 4,
    # reads a backup of every worksheet (the catalogue's) for the My work page
    "backup": 4,
    "web": 5,
}


def _layer(module: str) -> int:
    part = module.split(".")[1] if module.count(".") else module
    return LAYERS[part]


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("toolkit_widgets")
        ):
            if node.module == "toolkit_widgets":
                found.update(f"toolkit_widgets.{alias.name}" for alias in node.names)
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("toolkit_widgets."))
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


def test_every_module_has_a_layer():
    for path in MODULES:
        relative = path.relative_to(PACKAGE)
        _layer("toolkit_widgets." + relative.parts[0].removesuffix(".py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_one_way(path):
    own = _layer("toolkit_widgets." + path.relative_to(PACKAGE).parts[0].removesuffix(".py"))
    upward = [m for m in _imports(path) if m != "toolkit_widgets" and _layer(m) > own]
    assert upward == [], f"{path.name} (layer {own}) imports a later layer: {upward}"


def test_the_check_sees_a_wrong_way_import(tmp_path):
    module = tmp_path / "gars.py"
    module.write_text("from toolkit_widgets.render.form_html import sheet_html\n", "utf-8")
    assert any(_layer(m) > LAYERS["gars"] for m in _imports(module))
