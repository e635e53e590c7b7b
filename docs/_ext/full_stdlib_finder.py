"""The rest of the standard library, fetched the first time a page's Python misses it.

A chapter page's Python starts from ``_static/page-python.zip``
(``page_python.py``): the part of the standard library that a page was seen
to import at build time, and ``toolkit_widgets``. A path through the code
that the build did not see may import a module the zip lacks. This finder,
last on ``sys.meta_path``, answers such an import: the first time it is asked,
it fetches Pyodide's full standard library zip (the one the JupyterLite
notebooks use), puts it on ``sys.path`` beside the page's zip, and finds the
module there. A learner's page then takes the longer way, never the wrong one.

It fetches only for a module the full zip holds: the page's zip lists them
(``INDEX``). An import that is allowed to fail (``hashlib`` trying
``_hashlib``, say) then fails at once, as it would with the full library,
instead of fetching 3.5 MB to learn that.

It runs on the machines' Python 3.11 too (``tests/unit/test_page_zip.py``);
in the page's worker, ``load_full`` is a JavaScript function that fetches the
zip and returns its bytes.
"""

from __future__ import annotations

import importlib.machinery
import sys
import zipfile
from collections.abc import Callable, Iterable, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

#: the page's zip lists every module of the full standard library zip in this entry
INDEX = "full_stdlib_modules.txt"


def module_names(entries: Iterable[str]) -> list[str]:
    """The dotted names of the modules among a zip's ``entries`` (``a/b.py`` -> ``a.b``)."""
    names = set()
    for entry in entries:
        stem, dot, suffix = entry.rpartition(".")
        if dot and suffix in ("py", "pyc"):
            names.add(stem.removesuffix("/__init__").replace("/", "."))
    return sorted(names)


class FullStdlibFinder:
    """A meta path finder that looks in the full standard library, fetched once."""

    def __init__(self, load_full: Callable[[], Any], page_zip: str, full_zip: str) -> None:
        self.load_full = load_full
        self.page_zip = page_zip
        self.full_zip = full_zip
        self.loaded = False
        with zipfile.ZipFile(page_zip) as page:
            self.available = frozenset(page.read(INDEX).decode("utf-8").split())
        #: the modules this finder looked for in the full zip (the build checks there are none)
        self.wanted: list[str] = []

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name not in self.available:
            return None
        self.wanted.append(name)
        if not self.loaded:
            self._fetch(name)
        if path is not None:
            # a submodule of a package the page's zip holds: look in the same
            # package of the full zip (a package elsewhere is not ours to find)
            path = [
                self.full_zip + entry[len(self.page_zip) :]
                for entry in path
                if entry == self.page_zip or entry.startswith(self.page_zip + "/")
            ]
            if not path:
                return None
        return importlib.machinery.PathFinder.find_spec(name, path, target)

    def _fetch(self, name: str) -> None:
        try:
            data = self.load_full()
            data = data.to_bytes() if hasattr(data, "to_bytes") else bytes(data)  # a JS Uint8Array
            with open(self.full_zip, "wb") as file:
                file.write(data)
        except Exception as error:
            # tried again at the next miss: the network may be back by then
            raise ImportError(
                f"{name} is not in this page's Python, and the rest of the standard "
                f"library could not be fetched ({error})",
                name=name,
            ) from error
        place = sys.path.index(self.page_zip) + 1 if self.page_zip in sys.path else len(sys.path)
        # a new entry: the path finder has nothing cached for it (and clearing its
        # caches would import importlib.metadata, through this finder again)
        sys.path.insert(place, self.full_zip)
        self.loaded = True


def page_zip_on_path() -> str:
    """The zip the standard library is imported from (Pyodide has one on ``sys.path``)."""
    zips = [entry for entry in sys.path if entry.endswith(".zip")]
    if len(zips) != 1:
        raise RuntimeError(f"expected one standard library zip on sys.path, found {zips}")
    return zips[0]


def install(load_full: Callable[[], Any], page_zip: str | None = None) -> FullStdlibFinder:
    """Put the finder last on ``sys.meta_path``; the full zip goes beside ``page_zip``."""
    page_zip = page_zip or page_zip_on_path()
    finder = FullStdlibFinder(load_full, page_zip, page_zip.removesuffix(".zip") + "-full.zip")
    sys.meta_path.append(finder)
    return finder
