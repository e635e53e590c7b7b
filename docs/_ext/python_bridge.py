"""Give a chapter page what it needs to start its own Python.

``docs/_static/python-bridge.mjs`` starts ``python-worker.mjs``, which loads
the site's Pyodide with ``toolkit_widgets`` and answers the page's calls
through Comlink. After jupyterlite-sphinx has built the lite site, this
extension writes what those scripts cannot know by themselves:

* ``_static/comlink.mjs``: Comlink's ES module, from the npm package (``npm
  pack``, cached like Pyodide's by ``offline_lite``), for the page and the worker;
* ``_static/page-python.zip`` (``page_python.py``): the standard library
  modules a page imports and ``toolkit_widgets``, from the wheel in the lock;
* ``_static/python-config.json``: where Pyodide, the page's zip and the full
  standard library are (the worker reads it itself, at
  ``_static/python-worker.mjs``), taken from the kernel settings in
  ``jupyter-lite.json``, so a page and a JupyterLite notebook run the same
  Pyodide and the same package.

Every address in the file is relative to the site root, never absolute, so the
site still works under a sub-path: the worker resolves them against the root.
Only Pyodide's public ``loadPyodide()`` is used, so no JupyterLite version
needs pinning for it.
"""

from __future__ import annotations

import json
import posixpath
import re
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from offline_lite import _extract, _npm_tarball
from page_python import PAGE_ZIP, write_page_zip
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"
#: the one package a chapter page's Python imports (its wheel is in the lock)
OUR_PACKAGE = "toolkit-widgets"
WORKER = "_static/python-worker.mjs"
COMLINK_ENTRY = "dist/esm/comlink.mjs"
CONFIG_NAME = "python-config.json"
#: the source map named at the end of comlink.mjs is not shipped; without the
#: comment a browser's developer tools do not ask for it
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$\n?", re.MULTILINE)


def fetch_comlink(app: Sphinx, config: Config) -> None:
    """Fetch Comlink before the build starts, so a missing npm fails early."""
    _npm_tarball("comlink", config.python_bridge_comlink_version, Path(config.offline_lite_cache))


def _site_path(lite_relative: str, lite: str = "lite") -> str:
    """``lite_relative`` (an address in jupyter-lite.json) as a path from the site root.

    A trailing slash is kept; an address on another host or outside the site
    is refused.
    """
    parts = urlsplit(lite_relative)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        raise ExtensionError(
            f"[python_bridge] {lite_relative!r} is not an address inside the lite site"
        )
    path = posixpath.normpath(posixpath.join(lite, parts.path))
    if path.startswith(".."):
        raise ExtensionError(f"[python_bridge] {lite_relative!r} points outside the site")
    return path + "/" if parts.path.endswith("/") else path


def python_config(site: Path) -> tuple[dict[str, object], str]:
    """Where Pyodide and the standard library are in the built ``site``, and the wheel.

    The wheel (a path from the site root) is the one the lock serves, from
    which the page's zip is made.
    """
    data = json.loads((site / "lite" / "jupyter-lite.json").read_text("utf-8"))
    data = data["jupyter-config-data"]
    settings = data.get("litePluginSettings", {}).get(KERNEL_PLUGIN, {})
    # JupyterLite resolves these against its base URL, the folder of jupyter-lite.json
    lite = _site_path(data.get("baseUrl", "./"), "lite").rstrip("/")
    if "pyodideUrl" not in settings:
        raise ExtensionError("[python_bridge] the kernel has no local pyodideUrl (CDN default)")
    pyodide = _site_path(settings["pyodideUrl"], lite)
    lock_url = settings.get("loadPyodideOptions", {}).get(
        "lockFileURL", "./static/pyodide-lock/pyodide-lock.json"
    )
    lock = _site_path(lock_url, lite)
    index = pyodide[: pyodide.rindex("/") + 1]
    config = {
        "pyodide": pyodide,
        "indexURL": index,
        "stdLibURL": PAGE_ZIP,
        # fetched by full_stdlib_finder on the first import the page's zip lacks
        "fullStdLibURL": index + "python_stdlib.zip",
        # for the worker of an earlier site (before the page's zip), still in a browser's
        # cache for a few minutes after an update: it installs the package's wheel
        "lockFileURL": lock,
        "packages": [OUR_PACKAGE],
    }
    wanted = (WORKER, pyodide, lock, config["fullStdLibURL"])
    missing = [path for path in wanted if not (site / path).is_file()]
    if missing:
        raise ExtensionError(f"[python_bridge] the built site lacks {', '.join(missing)}")
    entry = json.loads((site / lock).read_text("utf-8")).get("packages", {}).get(OUR_PACKAGE)
    if not entry:
        raise ExtensionError(f"[python_bridge] the lock {lock} has no {OUR_PACKAGE}")
    wheel = posixpath.normpath(posixpath.join(posixpath.dirname(lock), entry["file_name"]))
    if not (site / wheel).is_file():
        raise ExtensionError(f"[python_bridge] the built site lacks {wheel}")
    return config, wheel


def write_bridge_files(app: Sphinx, exception: Exception | None) -> None:
    """Copy Comlink, write the page's zip and ``python-config.json`` into ``_static``."""
    if exception is not None or app.builder.format != "html":
        return
    site = Path(app.outdir)
    config, wheel = python_config(site)
    static = site / "_static"
    pyodide_folder = site / str(config["indexURL"])
    report = write_page_zip(pyodide_folder, site / wheel, site / PAGE_ZIP)
    tarball = _npm_tarball(
        "comlink", app.config.python_bridge_comlink_version, Path(app.config.offline_lite_cache)
    )
    with tempfile.TemporaryDirectory() as unpacked:
        _extract(tarball, Path(unpacked), lambda path: path == COMLINK_ENTRY)
        module = (Path(unpacked) / COMLINK_ENTRY).read_text("utf-8")
    (static / "comlink.mjs").write_text(_SOURCE_MAP.sub("", module), "utf-8")
    (static / CONFIG_NAME).write_text(json.dumps(config, indent=1) + "\n", "utf-8")
    logger.info(
        "[python_bridge] %s: %d files, %.1f MB; %s: Pyodide %s",
        PAGE_ZIP,
        report["entries"],
        report["bytes"] / 1e6,
        CONFIG_NAME,
        config["pyodide"],
    )


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("python_bridge_comlink_version", "4.4.2", "env")
    app.connect("config-inited", fetch_comlink)
    # after jupyterlite-sphinx has built lite/ (500) and worksheet.py (800), before
    # csp.py and offline_lite's check (900)
    app.connect("build-finished", write_bridge_files, priority=850)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
