"""The real Sphinx build: pages, the embedded worksheet, and an offline lite site."""

import hashlib
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

KERNEL = "@jupyterlite/pyodide-kernel-extension:kernel"
URL = re.compile(r"""(?:src|href)\s*=\s*["'](https?:)?//([^/"']+)""")


def test_chapter_page_holds_the_gars_form_itself(built_site: Path):
    """The worksheet is written into the chapter: labelled controls, no frame."""
    page = (built_site / "capacity-building" / "gars.html").read_text("utf-8")
    assert 'data-sheet="gars"' in page
    assert 'data-old-key="gars"' in page  # answers kept by the earlier site are found
    assert "<iframe" not in page
    for label in ("Goal", "Level at baseline", "Weight (1 = equal)", "Add a goal"):
        assert f">{label}<" in page, label
    assert (built_site / "lite" / "repl" / "index.html").exists()


def test_a_page_with_two_worksheets_writes_both_forms_into_the_page(built_site: Path):
    """The observation page holds two practice forms: each its own section, no frame."""
    page = (built_site / "capacity-building" / "observation.html").read_text("utf-8")
    assert re.findall(r'<section [^>]*data-sheet="([^"]+)"', page) == [
        "observation_formal",
        "observation_informal",
    ]
    assert "<iframe" not in page
    # every id is unique on the page, though both forms have a "Date" and a "Learner observed"
    outside_templates = re.sub(r"<template.*?</template>", "", page, flags=re.DOTALL)
    ids = re.findall(r' id="([^"]+)"', outside_templates)
    assert len(ids) == len(set(ids))


def test_pyodide_and_every_wheel_are_served_by_the_site(built_site: Path):
    lite = built_site / "lite"
    config = json.loads((lite / "jupyter-lite.json").read_text("utf-8"))
    kernel = config["jupyter-config-data"]["litePluginSettings"][KERNEL]
    assert kernel["pyodideUrl"] == "./static/pyodide/pyodide.mjs"
    assert kernel["disablePyPIFallback"] is True
    assert (lite / "static" / "pyodide" / "pyodide.asm.wasm").stat().st_size > 1_000_000
    lock = json.loads((lite / "static" / "pyodide-lock" / "pyodide-lock.json").read_text())
    for name in ("toolkit-widgets", "micropip", "ipython", "comm"):
        assert name in lock["packages"], name
    # the worksheets are HTML in the page: no widget library is shipped to the kernel
    for name in ("ipywidgets", "widgetsnbextension", "jupyterlab-widgets"):
        assert name not in lock["packages"], name
    assert not (lite / "extensions" / "@jupyter-widgets").exists()
    for package in lock["packages"].values():
        file_name = package["file_name"]
        assert "//" not in file_name, file_name
        assert (lite / "static" / "pyodide-lock" / file_name).exists(), file_name
        # Pyodide refuses a wheel whose hash differs: kernel_pyc rewrote some
        wheel = (lite / "static" / "pyodide-lock" / file_name).read_bytes()
        assert hashlib.sha256(wheel).hexdigest() == package["sha256"], file_name


def test_what_the_kernel_imports_at_start_is_compiled_ahead(built_site: Path):
    """Unchecked-hash .pyc: for the stdlib in place of the source, in wheels beside it."""
    stdlib = zipfile.ZipFile(built_site / "lite" / "static" / "pyodide" / "python_stdlib.zip")
    names = set(stdlib.namelist())
    for module in ("json/__init__", "typing", "inspect", "asyncio/base_events"):
        assert f"{module}.pyc" in names, module
        assert f"{module}.py" not in names, module
        assert stdlib.read(f"{module}.pyc")[4:8] == (1).to_bytes(4, "little"), module
    # a module no start imports is left as source: the download stays small
    assert "smtplib.py" in names
    assert "smtplib.pyc" not in names
    wheels = built_site / "lite" / "static" / "pyodide-lock"
    ours = zipfile.ZipFile(next(wheels.glob("toolkit_widgets-*.whl"))).namelist()
    assert "toolkit_widgets/__pycache__/web.cpython-314.pyc" in ours
    assert "toolkit_widgets/web.py" in ours
    # stand-ins: packages no start imports are not shipped whole
    for name in ("jedi", "prompt_toolkit"):
        (stand_in,) = wheels.glob(f"{name}-*.whl")
        assert stand_in.stat().st_size < 2_000, name
    assert not list(wheels.glob("wcwidth-*.whl"))


def test_worksheet_notebooks_are_in_the_lite_contents(built_site: Path):
    assert (built_site / "lite" / "files" / "worksheets" / "gars.ipynb").exists()


def test_our_wheel_carries_the_instrument_data(built_site: Path):
    import zipfile

    wheel = next((built_site / "lite" / "static" / "pyodide-lock").glob("toolkit_widgets-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "toolkit_widgets/instruments/gars.json" in names
    assert "toolkit_widgets/web.py" in names
    assert not [name for name in names if "/views/" in name]


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hosts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # what a page loads by itself: scripts, styles, frames, images, fonts
        loads = {"script": "src", "iframe": "src", "img": "src", "link": "href"}
        if tag in loads:
            # a worksheet frame waiting its turn holds its address in data-src
            value = dict(attrs).get(loads[tag]) or dict(attrs).get("data-src") or ""
            if tag == "link" and dict(attrs).get("rel") not in ("stylesheet", "preload", "icon"):
                return
            match = re.match(r"(?:https?:)?//([^/]+)", value)
            if match:
                self.hosts.append(match.group(1))


def test_no_page_loads_anything_from_another_host(built_site: Path):
    pages = [*built_site.glob("**/*.html")]
    assert len(pages) > 5
    offenders = {}
    for page in pages:
        parser = _Assets()
        parser.feed(page.read_text("utf-8", errors="replace"))
        if parser.hosts:
            offenders[str(page.relative_to(built_site))] = parser.hosts
    assert offenders == {}


def test_no_cdn_address_in_the_site_configuration(built_site: Path):
    for config in (built_site / "lite").glob("**/jupyter-lite.json"):
        text = config.read_text("utf-8")
        assert "cdn.jsdelivr" not in text, config
        assert "pypi.org" not in text, config


def test_book_tables_are_rendered_from_their_data_files(built_site: Path):
    page = (built_site / "value-of-coaching" / "index.html").read_text("utf-8")
    pattern = r'<table class="[^"]*toolkit-table[^"]*" id="table-2-1">.*?</table>'
    table = re.search(pattern, page, re.S)
    assert table, "Table 2.1 is not rendered from table-2-1.json"
    cells = re.findall(r"<td><p>([^<]*)</p></td>", table.group(0))
    assert cells.count("95%") == 3
    assert "Table 2.1." in table.group(0)
    assert "Joyce &amp; Showers (2002)" in page


def test_the_page_worker_config_names_files_on_the_site(built_site: Path):
    """_static/python-config.json: Pyodide, the page's zip and the full standard library."""
    config = json.loads((built_site / "_static" / "python-config.json").read_text("utf-8"))
    for key in ("pyodide", "stdLibURL", "fullStdLibURL", "lockFileURL"):
        assert (built_site / config[key]).is_file(), key
    assert (built_site / config["indexURL"] / "pyodide.asm.wasm").is_file()
    # what the worker of the earlier site (in a browser's cache after an update) reads
    lock = json.loads((built_site / config["lockFileURL"]).read_text("utf-8"))
    assert config["packages"] == ["toolkit-widgets"]
    assert "toolkit-widgets" in lock["packages"]


def test_the_page_zip_holds_the_package_of_the_lock_and_part_of_the_library(built_site: Path):
    """_static/page-python.zip (docs/_ext/page_python.py): the package from the
    wheel the notebooks install, byte for byte, with its bytecode, and the
    standard library modules a page imports, far less than the whole."""
    config = json.loads((built_site / "_static" / "python-config.json").read_text("utf-8"))
    page = zipfile.ZipFile(built_site / config["stdLibURL"])
    full = built_site / config["fullStdLibURL"]
    names = set(page.namelist())
    wheel = zipfile.ZipFile(next(built_site.glob("lite/static/pyodide-lock/toolkit_widgets-*.whl")))
    package = [
        name
        for name in wheel.namelist()
        if name.startswith("toolkit_widgets/") and "__pycache__" not in name
    ]
    assert len(package) > 50
    for name in package:
        assert page.read(name) == wheel.read(name), name
        if name.endswith(".py"):
            assert name + "c" in names, name
    stdlib = [name for name in names if not name.startswith("toolkit_widgets/")]
    assert {"json/__init__.pyc", "csv.pyc", "full_stdlib_finder.pyc"} <= set(stdlib)
    # the library without its sources, as Pyodide ships it; what a page never imports is left out
    assert [name for name in stdlib if name.endswith(".py")] == ["full_stdlib_finder.py"]
    assert not {"unittest/__init__.pyc", "pydoc.pyc", "asyncio/__main__.pyc"} & names
    listed = page.read("full_stdlib_modules.txt").decode().split()
    assert {"unittest", "pydoc", "json", "email.message"} <= set(listed)
    assert (built_site / config["stdLibURL"]).stat().st_size < 0.7 * full.stat().st_size
