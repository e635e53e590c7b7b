"""Let a plain chapter page start JupyterLite's Pyodide kernel worker itself.

A worksheet today runs a whole JupyterLab app in an iframe just to reach
Python. The kernel itself lives in one Web Worker file of
jupyterlite-pyodide-kernel (``comlink.worker.<hash>.js``), which any page of
the site can start with ``new Worker(url, {type: "module"})`` and drive through
Comlink; ``docs/_static/kernel-bridge.mjs`` does that. This extension gives it
the two things it cannot know by itself, after jupyterlite-sphinx has built
the lite site:

* ``_static/comlink.mjs``: Comlink's ES module, from the npm package (``npm
  pack``, cached like Pyodide's by ``offline_lite``), because the worker's
  Comlink is bundled inside it and the page needs its own copy;
* ``_static/kernel-config.json``: the worker's address and the options for its
  ``initialize()`` call, worked out from the built site exactly as the kernel
  extension works them out from ``jupyter-lite.json`` (see
  ``@jupyterlite/pyodide-kernel-extension`` 0.8.6, ``lib/index.js``, and
  ``@jupyterlite/pyodide-kernel``, ``lib/kernel.js`` ``initRemoteOptions``).

Every address in the file is relative to the site root, never absolute, so the
site still works under a sub-path: the page resolves them against its root.

The worker's Comlink interface is internal to jupyterlite-pyodide-kernel, so
the build stops when another version is installed than the one
``tests/browser/test_kernel_bridge.py`` was run against (``TESTED_KERNEL``).
"""

from __future__ import annotations

import json
import posixpath
import re
import tempfile
from importlib.metadata import version as installed_version
from pathlib import Path
from urllib.parse import urlsplit

from offline_lite import _extract, _npm_tarball
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: the jupyterlite-pyodide-kernel version whose worker interface the bridge was tested with
TESTED_KERNEL = "0.8.6"
KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"
#: where the kernel extension keeps its worker and its bundled wheels, under lite/
EXTENSION_STATIC = "extensions/@jupyterlite/pyodide-kernel-extension/static"
#: the package every chapter page's Python needs besides the kernel's own
OUR_PACKAGE = "toolkit-widgets"
COMLINK_ENTRY = "dist/esm/comlink.mjs"
CONFIG_NAME = "kernel-config.json"
#: the source map named at the end of comlink.mjs is not shipped; without the
#: comment a browser's developer tools do not ask for it
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$\n?", re.MULTILINE)


def fetch_comlink(app: Sphinx, config: Config) -> None:
    """Fetch Comlink before the build starts, so a missing npm fails early."""
    _npm_tarball("comlink", config.kernel_bridge_comlink_version, Path(config.offline_lite_cache))


def _site_path(lite_relative: str, lite: str = "lite") -> str:
    """``lite_relative`` (an address in jupyter-lite.json) as a path from the site root.

    A trailing slash and a query string (the ``?sha256=`` JupyterLite adds to
    ``all.json``) are kept; an address on another host is refused.
    """
    parts = urlsplit(lite_relative)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        raise ExtensionError(
            f"[kernel_bridge] {lite_relative!r} is not an address inside the lite site"
        )
    path = posixpath.normpath(posixpath.join(lite, parts.path))
    if path.startswith(".."):
        raise ExtensionError(f"[kernel_bridge] {lite_relative!r} points outside the site")
    if parts.path.endswith("/"):
        path += "/"
    return path + (f"?{parts.query}" if parts.query else "")


def _one(lite_out: Path, pattern: str, what: str) -> Path:
    found = sorted((lite_out / EXTENSION_STATIC).glob(pattern))
    if len(found) != 1:
        raise ExtensionError(
            f"[kernel_bridge] expected one {what} ({EXTENSION_STATIC}/{pattern}) in the "
            f"built lite site, found {[path.name for path in found] or 'none'}; has "
            f"jupyterlite-pyodide-kernel changed its layout?"
        )
    return found[0]


def kernel_config(site: Path) -> dict[str, object]:
    """The worker address and ``initialize()`` options for the built ``site``.

    Mirrors what the kernel extension passes (``disablePyPIFallback``,
    ``pyodideUrl`` and the folder it sits in, the piplite wheel and indexes,
    ``loadPyodideOptions`` with the lock and the packages to preload), with no
    drive mounted: a chapter page has no JupyterLite file system to sync.
    """
    lite_out = site / "lite"
    worker = _one(lite_out, "comlink.worker.*.js", "kernel worker")
    piplite = _one(lite_out, "pypi/piplite-*.whl", "piplite wheel")
    data = json.loads((lite_out / "jupyter-lite.json").read_text("utf-8"))["jupyter-config-data"]
    settings = data.get("litePluginSettings", {}).get(KERNEL_PLUGIN, {})
    # JupyterLite resolves these against its base URL, the folder of jupyter-lite.json
    lite = _site_path(data.get("baseUrl", "./"), "lite").rstrip("/")
    if "pyodideUrl" not in settings:
        raise ExtensionError("[kernel_bridge] the kernel has no local pyodideUrl (CDN default)")
    pyodide = _site_path(settings["pyodideUrl"], lite)
    bundled_index = f"{lite}/{EXTENSION_STATIC}/pypi/all.json"
    indexes = [_site_path(url, lite) for url in settings.get("pipliteUrls", [])]
    # the kernel always adds the index it bundles; once is enough
    if bundled_index not in [url.split("?")[0] for url in indexes]:
        indexes.append(bundled_index)
    load = dict(settings.get("loadPyodideOptions", {}))
    load.setdefault("lockFileURL", "./static/pyodide-lock/pyodide-lock.json")
    for key, value in load.items():
        if key.endswith("URL") and isinstance(value, str):
            load[key] = _site_path(value, lite)
    load["packages"] = [*load.get("packages", [])]
    if OUR_PACKAGE not in load["packages"]:
        load["packages"].append(OUR_PACKAGE)
    options = {
        "baseUrl": f"{lite}/",
        "pyodideUrl": pyodide,
        "indexUrl": pyodide[: pyodide.rindex("/") + 1],
        "pipliteWheelUrl": _site_path(settings["pipliteWheelUrl"], lite)
        if "pipliteWheelUrl" in settings
        else piplite.relative_to(site).as_posix(),
        "pipliteUrls": indexes,
        "disablePyPIFallback": bool(settings.get("disablePyPIFallback")),
        "location": "",
        "mountDrive": False,
        "loadPyodideOptions": load,
    }
    missing = [
        path
        for path in (pyodide, options["pipliteWheelUrl"], load["lockFileURL"], *indexes)
        if not (site / path.split("?")[0]).is_file()
    ]
    if missing:
        raise ExtensionError(f"[kernel_bridge] the built site lacks {', '.join(missing)}")
    return {"worker": worker.relative_to(site).as_posix(), "options": options}


def write_bridge_files(app: Sphinx, exception: Exception | None) -> None:
    """Copy Comlink and write ``kernel-config.json`` into the built ``_static``."""
    if exception is not None or app.builder.format != "html":
        return
    kernel = installed_version("jupyterlite-pyodide-kernel")
    if kernel != TESTED_KERNEL:
        raise ExtensionError(
            f"[kernel_bridge] jupyterlite-pyodide-kernel {kernel} is installed; the bridge "
            f"uses its worker's internal interface as of {TESTED_KERNEL}. Run "
            "tests/browser/test_kernel_bridge.py, then update TESTED_KERNEL."
        )
    site = Path(app.outdir)
    config = kernel_config(site)
    static = site / "_static"
    static.mkdir(exist_ok=True)
    tarball = _npm_tarball(
        "comlink", app.config.kernel_bridge_comlink_version, Path(app.config.offline_lite_cache)
    )
    with tempfile.TemporaryDirectory() as unpacked:
        _extract(tarball, Path(unpacked), lambda path: path == COMLINK_ENTRY)
        module = (Path(unpacked) / COMLINK_ENTRY).read_text("utf-8")
    (static / "comlink.mjs").write_text(_SOURCE_MAP.sub("", module), "utf-8")
    (static / CONFIG_NAME).write_text(json.dumps(config, indent=1) + "\n", "utf-8")
    logger.info("[kernel_bridge] %s: worker %s", CONFIG_NAME, config["worker"])


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("kernel_bridge_comlink_version", "4.4.2", "env")
    app.connect("config-inited", fetch_comlink)
    # after jupyterlite-sphinx has built lite/ (500) and worksheet.py (800), before
    # csp.py and offline_lite's check (900)
    app.connect("build-finished", write_bridge_files, priority=850)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
