"""The real site builds the tests share: started once per test run, in the background.

A build takes about a minute. Each is started as soon as the first test of the
run begins, so it runs while the unit tests do, and every pytest-xdist worker
waits for the same build instead of making its own. The first process to ask
starts a builder (``python -m tests.site_builds FOLDER NAME``); the others find
its marker and wait for the result file it writes.

Builds never run at once in one checkout: they all lay out JupyterLite's working
folder (``build/lite``). The builder holds ``build/.build.lock`` while it builds,
the same lock ``./dev build`` takes.

``TOOLKIT_SITE`` and ``TOOLKIT_AGENCY_SITE`` name a site already built instead
(quick reruns while developing); no build is started for them.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_LOCK = ROOT / "build" / ".build.lock"
#: build name -> the variable that names an existing build instead
REUSE = {"site": "TOOLKIT_SITE", "agency": "TOOLKIT_AGENCY_SITE"}
#: longer than any build takes on a busy 2-core machine
GIVE_UP_AFTER_S = 20 * 60


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def reused(name: str) -> Path | None:
    """The build named by ``TOOLKIT_SITE`` / ``TOOLKIT_AGENCY_SITE``, if set."""
    value = os.environ.get(REUSE[name])
    return Path(value).resolve() if value else None


def start(folder: Path, name: str) -> None:
    """Start build ``name`` for this run unless a process of the run already has."""
    if reused(name):
        return
    with _locked(folder / "builds.lock"):
        marker = folder / f"{name}.started"
        if marker.exists():
            return
        builder = subprocess.Popen(
            [sys.executable, "-m", "tests.site_builds", str(folder), name],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        marker.write_text(str(builder.pid), "utf-8")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a builder this process started and that has ended stays a zombie until reaped
    try:
        done, _status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True  # another process's child: kill(0) succeeding means alive
    return done == 0


def wait(folder: Path, name: str) -> Path:
    """The output folder of build ``name``, once built; fails with Sphinx's output if not."""
    if path := reused(name):
        return path
    start(folder, name)
    result_file = folder / f"{name}.json"
    pid = int((folder / f"{name}.started").read_text("utf-8"))
    deadline = time.monotonic() + GIVE_UP_AFTER_S
    while not result_file.exists():
        if not _alive(pid) and not result_file.exists():
            raise AssertionError(f"The {name} builder (pid {pid}) ended without a result.")
        if time.monotonic() > deadline:
            raise AssertionError(f"The {name} build took more than {GIVE_UP_AFTER_S} s.")
        time.sleep(0.25)
    result = json.loads(result_file.read_text("utf-8"))
    assert result["returncode"] == 0, result["output"][-8000:]
    return Path(result["html"])


def sphinx(out: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``sphinx-build`` exactly as ``./dev build`` runs it, warnings as errors."""
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-c", str(ROOT)]
    return subprocess.run(
        [*command, str(ROOT / "docs"), str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _build(folder: Path, name: str) -> dict[str, object]:
    if name == "site":
        out, env = folder / "site" / "html", dict(os.environ)
    else:
        from tests.agency_site import prepare  # the agency files live beside its build

        agency_file = prepare()
        out = agency_file.parent / "html"
        # the edition's tests read its pages, wording and wheel; compiling bytecode
        # ahead (25 s of CPU) is the same step for every edition, and is tested
        # on the main build
        env = {**os.environ, "TOOLKIT_AGENCY_FILE": str(agency_file), "TOOLKIT_KERNEL_PYC": "0"}
    result = sphinx(out, env)
    output = result.stdout + result.stderr
    return {"returncode": result.returncode, "output": output, "html": str(out)}


def main(folder: Path, name: str) -> None:
    """Build ``name`` under the checkout's build lock; write its result file last."""
    with _locked(BUILD_LOCK):
        try:
            result = _build(folder, name)
        except Exception as error:  # reported to the waiting tests, not lost
            result = {"returncode": 1, "output": f"{type(error).__name__}: {error}", "html": ""}
    pending = folder / f"{name}.json.part"
    pending.write_text(json.dumps(result), "utf-8")
    pending.replace(folder / f"{name}.json")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
