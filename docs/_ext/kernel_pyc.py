"""Give the kernel's Python compiled bytecode, made by the site's own Pyodide.

Pyodide's ``python_stdlib.zip`` and the wheels in the lock hold ``.py`` files
only, so every visit compiled the whole start-up stack (the standard library,
IPython, traitlets, micropip, this project's package) from source in the
browser: seconds of CPU on every visit, first or tenth. After jupyterlite-sphinx
has built ``lite/``, this runs ``compile-pyc.mjs`` in Node with the site's
Pyodide, which runs ``pyc_probe.py`` (what the kernel worker and a worksheet
import at start) and adds a ``.pyc`` for each of those modules to the zip and
to the wheels. The lock's hashes are then updated and checked, since Pyodide
refuses a wheel whose hash differs.

The bytecode is made at every build from the files being shipped, so it cannot
go stale; ``kernel_pyc = False`` (``TOOLKIT_KERNEL_PYC=0``) builds without it,
which is what ``./dev bench`` compares against.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
LOCK = "static/pyodide-lock/pyodide-lock.json"
#: the wheels jupyterlite-pyodide-kernel ships in its own folder, with its own index
KERNEL_OWN = tuple(f"/site-packages/{name}/" for name in ("pyodide_kernel", "piplite", "ipykernel"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def update_lock_hashes(lite: Path) -> int:
    """Set the lock's ``sha256`` of every wheel the site serves to the file's; return changes."""
    lock_path = lite / LOCK
    lock = json.loads(lock_path.read_text("utf-8"))
    changed = 0
    for package in lock["packages"].values():
        wheel = (lock_path.parent / package["file_name"]).resolve()
        if not wheel.is_relative_to(lite.resolve()) or not wheel.is_file():
            name = package["file_name"]
            raise ExtensionError(f"[kernel_pyc] the lock names {name}, not on the site")
        digest = sha256(wheel)
        if package["sha256"] != digest:
            package["sha256"] = digest
            changed += 1
    lock_path.write_text(json.dumps(lock), "utf-8")
    return changed


def compile_ahead(app: Sphinx, exception: Exception | None) -> None:
    """Run the compile step on the built lite site (see the module docstring)."""
    if exception is not None or app.builder.format != "html" or not app.config.kernel_pyc:
        return
    lite = Path(app.outdir) / "lite"
    result = subprocess.run(
        ["node", str(HERE / "compile-pyc.mjs"), str(lite), str(HERE / "pyc_probe.py")],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise ExtensionError(f"[kernel_pyc] compile-pyc.mjs failed:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # every module the probe saw imported got its .pyc, but for the kernel
    # extension's own wheels (listed by its index with their hashes: left as they are)
    missed = [path for path in report["missed"] if not any(own in path for own in KERNEL_OWN)]
    if missed:
        raise ExtensionError(f"[kernel_pyc] imported at start but not compiled: {missed[:5]}")
    changed = update_lock_hashes(lite)
    before = sum(sizes[0] for sizes in report["files"].values())
    after = sum(sizes[1] for sizes in report["files"].values())
    logger.info(
        "[kernel_pyc] %d of %d imported modules compiled; %d wheels re-hashed; %.1f -> %.1f MB",
        report["modules"],
        report["imported"],
        changed,
        before / 1e6,
        after / 1e6,
    )


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("kernel_pyc", True, "env", bool)
    # after jupyterlite-sphinx has built lite/ (500), before the bridge reads it (850)
    # and offline_lite checks it (900)
    app.connect("build-finished", compile_ahead, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
