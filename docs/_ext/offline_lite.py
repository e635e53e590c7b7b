"""Prepare an offline JupyterLite folder before the build; check it after.

jupyterlite-sphinx builds the in-browser Python site, but by default its kernel
fetches Pyodide and every package from a CDN. This extension makes the site
self-contained:

* unpacks the Pyodide runtime from the npm package (``npm pack``; cached) into
  ``<lite_dir>/static/pyodide``, the folder the Pyodide kernel looks in first,
  with an empty package list so nothing in its lock points at a CDN;
* builds ``toolkit_widgets`` from ``src/`` as a wheel for the lock, so that
  ``import toolkit_widgets`` works in the browser;
* puts empty stand-in wheels in the lock for packages the kernel would
  download at every start but never imports (see ``_STAND_INS``);
* drops the Google Fonts stylesheet that jupyterlite-sphinx adds to every page;
* after the build, fails if the site's configuration or lock names any host.

Stale build state once made a rebuild silently fall back to the CDN, so the
lite folder is laid anew on every build (downloads stay cached).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

_OFF_HOST = re.compile(r"https?://(?!localhost|127\.0\.0\.1)[^\s\"']+")
#: Packages the kernel downloads and unpacks at every start although neither it
#: nor a worksheet ever imports them: jedi (4.7 MB; IPython imports it only to
#: complete code, and falls back to its own completer when it is absent) and
#: prompt_toolkit (0.4 MB, with its dependency wcwidth, 0.3 MB: IPython's
#: terminal, never a kernel's). Each is replaced by a wheel with metadata only,
#: so requirements are met and nothing is fetched (JupyterLite ships the same
#: kind of stand-in for widgetsnbextension). Versions are pinned here, not read
#: from the build machine (which need not have them): ones IPython accepts.
#: ``pyc_probe.py`` would fail the build if a start ever imported one of them.
_STAND_INS = {"jedi": "0.20.1", "prompt-toolkit": "3.0.53"}
_PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")


def _npm_tarball(name: str, version: str, cache: Path) -> Path:
    """Return the cached npm tarball of ``name@version``, packing it with npm if absent."""
    tarball = cache / f"{name}-{version}.tgz"
    if not tarball.exists():
        cache.mkdir(parents=True, exist_ok=True)
        logger.info("[offline_lite] fetching %s@%s with npm pack", name, version)
        # packed beside the cache, then moved in whole: a build or test running
        # at the same time never reads a half-written tarball
        with tempfile.TemporaryDirectory(dir=cache, prefix=".pack-") as folder:
            subprocess.run(
                ["npm", "pack", f"{name}@{version}", "--pack-destination", folder],
                check=True,
                capture_output=True,
            )
            os.replace(Path(folder) / tarball.name, tarball)
    return tarball


def _extract(tarball: Path, target: Path, keep: Callable[[str], bool]) -> None:
    """Copy the regular files of ``tarball`` whose path ``keep`` accepts, minus ``package/``."""
    with tarfile.open(tarball) as archive:
        for member in archive.getmembers():
            inner = member.name.removeprefix("package/")
            if member.isfile() and keep(inner):
                source = archive.extractfile(member)
                assert source is not None  # a regular file always has content
                out = target / inner
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(source.read())


def _unpack_pyodide(tarball: Path, target: Path, version: str) -> None:
    _extract(tarball, target, lambda path: path in (*_PYODIDE_FILES, "pyodide-lock.json"))
    lock_path = target / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text("utf-8"))
    # The npm package ships no wheels; every listed package would come from a
    # CDN. Empty the list: the lock addon fills it with wheels it serves.
    lock["info"]["version"] = version
    lock["packages"] = {}
    lock_path.write_text(json.dumps(lock), "utf-8")


def _build_wheel(project: Path, wheels: Path) -> None:
    wheels.mkdir(parents=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(wheels),
            str(project),
        ],
        check=True,
    )


def _stand_in_wheel(name: str, version: str, folder: Path) -> None:
    """Write a wheel that installs ``name``'s metadata and no module of that name.

    The lock tool needs one top-level module per wheel: an empty one named
    ``_<name>_stand_in`` is given, so ``import <name>`` still fails.
    """
    module = name.replace("-", "_")
    dist = f"{module}-{version}"
    info = f"{dist}.dist-info"
    files = {
        f"_{module}_stand_in.py": f'"""Stand-in for {name}: the kernel never imports it."""\n',
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
        "Summary: empty stand-in: the Coaching Toolkit kernel never imports it\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: offline_lite\n"
        "Root-Is-Purelib: true\nTag: py3-none-any\n",
    }
    files[f"{info}/RECORD"] = "".join(f"{path},,\n" for path in [*files, f"{info}/RECORD"])
    with zipfile.ZipFile(folder / f"{dist}-py3-none-any.whl", "w") as wheel:
        for path, text in files.items():
            wheel.writestr(path, text)


def prepare_lite_dir(app: Sphinx, config: Config) -> None:
    """Lay out ``jupyterlite_dir`` with local Pyodide, our wheel and settings."""
    # uv (used by the lock addon) would otherwise try to download a Python 3.14
    # interpreter from the internet; the lock only needs pure-Python wheels.
    os.environ.setdefault("UV_PYTHON_DOWNLOADS", "never")
    lite_dir = Path(config.jupyterlite_dir)
    for stale in ("static", "wheels", ".jupyterlite.doit.db", "jupyter-lite.json", "repl"):
        path = lite_dir / stale
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    # jupyter lite build runs in the source folder and keeps its task database
    # there; a stale one skips the steps that point the kernel at local files
    (Path(app.srcdir) / ".jupyterlite.doit.db").unlink(missing_ok=True)
    lite_dir.mkdir(parents=True, exist_ok=True)
    version = config.offline_lite_pyodide_version
    cache = Path(config.offline_lite_cache)
    _unpack_pyodide(
        _npm_tarball("pyodide", version, cache), lite_dir / "static" / "pyodide", version
    )
    _build_wheel(Path(config.offline_lite_package), lite_dir / "wheels")
    for name, stand_in_version in _STAND_INS.items():
        _stand_in_wheel(name, stand_in_version, lite_dir / "wheels")
    # the site-wide settings and any app's own (repl/jupyter-lite.json), merged by the build
    settings = Path(app.confdir) / "docs" / "_lite"
    for source in settings.rglob("jupyter-lite.json"):
        target = lite_dir / source.relative_to(settings)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)


def drop_remote_css(app: Sphinx, config: Config) -> None:
    """Remove stylesheets that other extensions load from third-party hosts."""
    app.registry.css_files[:] = [
        entry for entry in app.registry.css_files if not _OFF_HOST.match(entry[0])
    ]


def check_offline(app: Sphinx, exception: Exception | None) -> None:
    """Fail the build if the lite site would reach any host but its own."""
    if exception is not None or app.builder.format != "html":
        return
    lite_out = Path(app.outdir) / "lite"
    config = json.loads((lite_out / "jupyter-lite.json").read_text("utf-8"))
    data = config["jupyter-config-data"]
    kernel = data["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    problems = []
    if _OFF_HOST.search(kernel.get("pyodideUrl", "missing: http://cdn")):
        problems.append(f"pyodideUrl is not local: {kernel.get('pyodideUrl')}")
    if kernel.get("disablePyPIFallback") is not True:
        problems.append("the kernel may still fall back to PyPI (disablePyPIFallback unset)")
    lock_text = (lite_out / "static" / "pyodide-lock" / "pyodide-lock.json").read_text("utf-8")
    problems += [f"lock names {url}" for url in _OFF_HOST.findall(lock_text)[:3]]
    if "toolkit-widgets" not in lock_text:
        problems.append("toolkit_widgets wheel is missing from the lock")
    if problems:
        raise ExtensionError("[offline_lite] site is not offline: " + "; ".join(problems))


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("offline_lite_pyodide_version", "", "env")
    app.add_config_value("offline_lite_cache", "", "env")
    app.add_config_value("offline_lite_package", "", "env")
    app.connect("config-inited", prepare_lite_dir)
    # config-inited comes after every extension's setup() and before the
    # builder copies the stylesheet list, so removals here take effect
    app.connect("config-inited", drop_remote_css)
    # after jupyterlite-sphinx's own build-finished handler (priority 500)
    app.connect("build-finished", check_offline, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
