"""Write ``_static/page-python.zip``: everything a chapter page's Python imports.

A page's worker used to start Pyodide with its whole standard library (3.5 MB,
about 600 modules) and then install ``toolkit_widgets`` from its wheel, which
imported Pyodide's package loader (``tarfile``, ``zipfile``, ``shutil``…) for
one small pure-Python package. Now it starts from this one zip (``loadPyodide``'s
``stdLibURL``): the standard library modules a page was seen to import, the
package, and ``full_stdlib_finder``, which fetches the full library on the
first import of anything else. A cold visit downloads about 2 MB less and its
Python starts about a tenth sooner (README, "How fast Python starts").

``page-python.mjs`` does the work in Node with the site's own Pyodide, from
the wheel in the site's lock, so the zip is rebuilt from what is shipped at
every build and cannot go stale. It also starts a page's Python from the zip
alone and runs the probe again: a module that would have to be fetched from
the full library stops the build.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from sphinx.errors import ExtensionError

HERE = Path(__file__).resolve().parent
#: where the zip is served, from the site root
PAGE_ZIP = "_static/page-python.zip"


def write_page_zip(pyodide: Path, wheel: Path, out: Path) -> dict[str, object]:
    """Write the zip to ``out`` from the Pyodide folder and the package's wheel; its report."""
    result = subprocess.run(
        ["node", str(HERE / "page-python.mjs"), str(pyodide), str(wheel), str(out)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise ExtensionError(f"[page_python] page-python.mjs failed:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    if report["wanted"]:
        raise ExtensionError(
            "[page_python] a page's Python started from its zip had to look in the full "
            f"standard library for {report['wanted'][:5]}"
        )
    if not str(report["home"]).endswith("/toolkit_widgets/web.pyc"):
        raise ExtensionError(f"[page_python] toolkit_widgets.web came from {report['home']}")
    return report
