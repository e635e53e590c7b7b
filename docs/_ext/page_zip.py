"""Write a chapter page's Python as one zip: the modules it imports, compiled.

Run by ``page-python.mjs`` inside the site's own Pyodide at build time, so the
bytecode is made by the Python (3.14) that will load it; the unit tests run it
on the machines' 3.11 (``tests/unit/test_page_zip.py``). The zip takes the
place of Pyodide's standard library zip in a page's worker (``loadPyodide``'s
``stdLibURL``), so everything in it is imported by ``zipimport``:

* the standard library modules the build saw a page import, copied from
  Pyodide's zip (as ``.pyc`` where ``kernel_pyc`` compiled them, else compiled
  here) without their sources, as Pyodide ships its own;
* whole packages (``toolkit_widgets``: its modules and its data files), each
  module with its source, for readable tracebacks, and its bytecode beside it
  (``web.py`` and ``web.pyc``: the layout ``zipimport`` reads; it ignores
  ``__pycache__``);
* single modules (``full_stdlib_finder``), with source and bytecode;
* the list of every module of the full standard library zip
  (``full_stdlib_finder.INDEX``), so that the finder fetches that zip only for
  a module it holds.

Every ``.pyc`` is an unchecked-hash one (PEP 552): loaded without reading
its source first.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from full_stdlib_finder import INDEX, module_names

#: every entry gets this date, so that the same inputs give the same zip
DATE = (1980, 1, 1, 0, 0, 0)
UNCHECKED_HASH = (1).to_bytes(4, "little")  # PEP 552 flags: hash-based, check_source off


def pyc(source: bytes, filename: str) -> bytes:
    """Bytecode of ``source`` as an unchecked-hash ``.pyc`` of this interpreter."""
    code = compile(source, filename, "exec", dont_inherit=True, optimize=0)
    return (
        importlib.util.MAGIC_NUMBER
        + UNCHECKED_HASH
        + importlib.util.source_hash(source)
        + marshal.dumps(code)
    )


class PageZip:
    """The zip being written; ``mounted_at`` is where the page's Python will see it."""

    def __init__(self, out: str | os.PathLike[str], mounted_at: str) -> None:
        self.zip = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
        self.mounted_at = mounted_at.rstrip("/")
        self.names: set[str] = set()

    def write(self, name: str, data: bytes) -> None:
        if name in self.names:
            return
        self.names.add(name)
        self.zip.writestr(zipfile.ZipInfo(name, DATE), data, zipfile.ZIP_DEFLATED, 9)

    def module(self, name: str, source: bytes, keep_source: bool) -> None:
        """``name`` (``a/b.py``) as bytecode, and as source if ``keep_source``."""
        if keep_source:
            self.write(name, source)
        self.write(name + "c", pyc(source, f"{self.mounted_at}/{name}"))

    def close(self) -> None:
        self.zip.close()


def stdlib_entries(imported: Iterable[str], stdlib_at: str) -> list[str]:
    """The entries of the standard library zip mounted at ``stdlib_at`` that were imported."""
    prefix = stdlib_at.rstrip("/") + "/"
    return sorted({file[len(prefix) :] for file in imported if file.startswith(prefix)})


def build(
    out: str | os.PathLike[str],
    stdlib_zip: str | os.PathLike[str],
    stdlib_at: str,
    imported: Iterable[str],
    packages: Mapping[str, str | os.PathLike[str]] = {},
    modules: Mapping[str, str | os.PathLike[str]] = {},
) -> dict[str, int]:
    """Write the page's zip to ``out``; return how many entries and bytes it has.

    ``imported``: files of imported modules (``__file__``), those under
    ``stdlib_at`` being in ``stdlib_zip`` (a frozen module names a file the
    zip lacks: it needs none). ``packages``: top-level package name -> its
    folder. ``modules``: module name -> its source file.
    """
    page = PageZip(out, stdlib_at)
    with zipfile.ZipFile(stdlib_zip) as stdlib:
        present = set(stdlib.namelist())
        page.write(INDEX, "\n".join(module_names(present)).encode("utf-8") + b"\n")
        for entry in stdlib_entries(imported, stdlib_at):
            if entry in present and entry.endswith(".pyc"):
                page.write(entry, stdlib.read(entry))
            elif entry in present and entry.endswith(".py"):
                page.module(entry, stdlib.read(entry), keep_source=False)
    for name, folder in packages.items():
        root = Path(folder)
        for file in sorted(root.rglob("*")):
            if not file.is_file() or "__pycache__" in file.parts or file.suffix == ".pyc":
                continue
            entry = f"{name}/{file.relative_to(root).as_posix()}"
            if file.suffix == ".py":
                page.module(entry, file.read_bytes(), keep_source=True)
            else:
                page.write(entry, file.read_bytes())
    for name, source in modules.items():
        page.module(f"{name}.py", Path(source).read_bytes(), keep_source=True)
    page.close()
    return {"entries": len(page.names), "bytes": Path(out).stat().st_size}
