"""A chapter page's Python zip (docs/_ext/page_zip.py) and the finder that fills its gaps
(docs/_ext/full_stdlib_finder.py), on this machine's Python.

The build runs both in the site's Pyodide (3.14); here a made-up standard
library stands in for Pyodide's, and every import runs in a fresh interpreter,
so the finder's changes to ``sys.path`` and ``sys.meta_path`` stay there.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXT = ROOT / "docs" / "_ext"
sys.path.insert(0, str(EXT))

import page_zip  # noqa: E402
from full_stdlib_finder import INDEX, module_names  # noqa: E402

#: the made-up standard library: what the page imported, and what it did not
STDLIB = {
    "tk_seen.py": "WHERE = 'seen'\n",
    "tk_unseen.py": "WHERE = 'unseen'\n",
    "tk_pkg/__init__.py": "",
    "tk_pkg/later.py": "WHERE = 'later'\n",
}


@pytest.fixture
def page(tmp_path: Path) -> dict[str, Path]:
    """A page's zip built from the made-up library and a package, and the full library."""
    full = tmp_path / "stdlib.zip"
    with zipfile.ZipFile(full, "w") as stdlib:
        for name, source in STDLIB.items():
            stdlib.writestr(name, source)
        # compiled ahead (as kernel_pyc leaves the modules a notebook imports)
        stdlib.writestr("tk_compiled.pyc", page_zip.pyc(b"WHERE = 'compiled'\n", "tk_compiled"))
    package = tmp_path / "src" / "tk_widgets"
    (package / "forms" / "__pycache__").mkdir(parents=True)
    (package / "__init__.py").write_text("from tk_widgets.forms import load\n")
    (package / "forms" / "__init__.py").write_text(
        "from importlib import resources\n\n"
        "def load():\n"
        "    return resources.files(__name__).joinpath('gars.json').read_text()\n"
    )
    (package / "forms" / "gars.json").write_text('{"id": "gars"}')
    (package / "forms" / "__pycache__" / "stale.cpython-311.pyc").write_bytes(b"not bytecode")
    out = tmp_path / "page" / "python314.zip"
    out.parent.mkdir()
    at = "/lib/python314.zip"  # where the library was mounted when the probe ran
    imported = [
        f"{at}/tk_seen.py",
        f"{at}/tk_compiled.pyc",
        f"{at}/tk_pkg/__init__.py",
        f"{at}/os.py",  # a frozen module: named, but not in the zip
        "/lib/python3.14/site-packages/elsewhere.py",
    ]
    report = page_zip.build(
        out,
        full,
        at,
        imported,
        {"tk_widgets": package},
        {"full_stdlib_finder": EXT / "full_stdlib_finder.py"},
    )
    assert report == {"entries": len(zipfile.ZipFile(out).namelist()), "bytes": out.stat().st_size}
    return {"zip": out, "full": full}


def test_the_zip_holds_what_was_imported_compiled_and_the_package_with_sources(page):
    names = set(zipfile.ZipFile(page["zip"]).namelist())
    assert names == {
        "tk_seen.pyc",  # the standard library without sources, as Pyodide ships it
        "tk_compiled.pyc",
        "tk_pkg/__init__.pyc",
        "tk_widgets/__init__.py",  # the package with sources, for its tracebacks
        "tk_widgets/__init__.pyc",
        "tk_widgets/forms/__init__.py",
        "tk_widgets/forms/__init__.pyc",
        "tk_widgets/forms/gars.json",
        "full_stdlib_finder.py",
        "full_stdlib_finder.pyc",
        INDEX,
    }
    index = zipfile.ZipFile(page["zip"]).read(INDEX).decode().split()
    assert index == ["tk_compiled", "tk_pkg", "tk_pkg.later", "tk_seen", "tk_unseen"]


def test_the_same_inputs_make_the_same_zip(page, tmp_path: Path):
    again = tmp_path / "again.zip"
    page_zip.build(again, page["full"], "/lib/python314.zip", ["/lib/python314.zip/tk_seen.py"])
    first = zipfile.ZipFile(page["zip"])
    assert zipfile.ZipFile(again).read("tk_seen.pyc") == first.read("tk_seen.pyc")
    assert {info.date_time for info in first.infolist()} == {page_zip.DATE}


def test_module_names_of_zip_entries():
    entries = ["a.py", "b/__init__.pyc", "b/c.pyc", "b/data.json", "d/", "e.pyi"]
    assert module_names(entries) == ["a", "b", "b.c"]


#: run in a fresh interpreter with only the page's zip to import from
IMPORTS = """
import json, sys
page, full, fail = sys.argv[1], sys.argv[2], sys.argv[3] == "fail"
sys.path.insert(0, page)
import full_stdlib_finder
fetches = []

def load_full():
    fetches.append(1)
    if fail:
        raise OSError("offline")
    with open(full, "rb") as file:
        return file.read()

# named: sys.path here also lists this Python's own (absent) standard library zip
finder = full_stdlib_finder.install(load_full, page)
seen = {}
import tk_seen, tk_compiled, tk_widgets
seen["page"] = [tk_seen.__file__, tk_compiled.WHERE, tk_widgets.load(), len(fetches)]
try:
    import tk_nowhere
except ModuleNotFoundError as error:
    seen["nowhere"] = [str(error), len(fetches)]
for key, name in (("unseen", "tk_unseen"), ("later", "tk_pkg.later"), ("again", "tk_unseen")):
    try:
        module = __import__(name, fromlist=["WHERE"])
        seen[key] = [module.__file__, module.WHERE, len(fetches)]
    except ImportError as error:
        seen[key] = [type(error).__name__, str(error), len(fetches)]
seen["wanted"] = finder.wanted
seen["path"] = sys.path[:2]
print(json.dumps(seen))
"""


def _imports(page: dict[str, Path], fail: bool = False) -> dict:
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            IMPORTS,
            str(page["zip"]),
            str(page["full"]),
            "fail" if fail else "fetch",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_the_page_imports_from_its_zip_and_fetches_the_rest_once(page):
    seen = _imports(page)
    zip_path = str(page["zip"])
    full = zip_path.removesuffix(".zip") + "-full.zip"
    # what the page imported comes from its zip, data files included, with no fetch
    assert seen["page"] == [f"{zip_path}/tk_seen.pyc", "compiled", '{"id": "gars"}', 0]
    # a module no zip holds is refused at once, as without the finder
    assert seen["nowhere"] == ["No module named 'tk_nowhere'", 0]
    # anything else of the library: one fetch, then the full zip beside the page's
    assert seen["unseen"] == [f"{full}/tk_unseen.py", "unseen", 1]
    # a submodule of a package whose __init__ the page's zip holds
    assert seen["later"] == [f"{full}/tk_pkg/later.py", "later", 1]
    assert seen["again"] == seen["unseen"]
    assert seen["wanted"] == ["tk_unseen", "tk_pkg.later"]
    assert seen["path"] == [zip_path, full]


def test_a_library_that_cannot_be_fetched_is_an_import_error_that_says_so(page):
    seen = _imports(page, fail=True)
    assert seen["page"][3] == 0
    assert seen["unseen"] == [
        "ImportError",
        "tk_unseen is not in this page's Python, and the rest of the standard library "
        "could not be fetched (offline)",
        1,
    ]
    # tried again at the next import: the network may be back
    assert seen["later"][::2] == ["ImportError", 2]
    assert seen["again"][::2] == ["ImportError", 3]
