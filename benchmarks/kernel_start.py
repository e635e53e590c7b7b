"""Kernel start benchmark: this build's Python start against an earlier build's, same run.

``./dev bench start`` builds the site twice: as it is now (``build/bench-now``)
and as it was at ``BASELINE`` (``build/bench-then``, from a git worktree of
that commit), serves both as GitHub Pages would (gzip, ``max-age=600``) and
opens the GARS page of each in Debian's Chromium, answering one goal as a
learner does, until the T-score shows. For each it prints, as medians of
``--rounds`` rounds (each round with fresh profiles, the variants' order
rotating):

* page open -> first result: cold (empty profile), second visit (same
  profile), after a browser restart (same profile, new browser), and each as
  a ratio to the baseline's;
* the phases of the cold visit, from the Python worker's own Resource
  Timing: app (page open -> Python worker started), runtime (-> Pyodide's
  WebAssembly and standard library received: the page's zip, which holds the
  package, since 2 December 2026), packages (-> last wheel received: none since),
  imports (-> "Python is ready": the CPU work left after the last
  byte), first result (-> T-score shown);
* the bytes a cold visit is sent, raw and gzip-compressed.

``--throttle MBIT`` sends every file through one shared link of that speed
(10 for a slow agency network). It asserts nothing: targets live in the README.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Playwright, sync_playwright
from startup import (
    ARGS,
    CHROMIUM,
    MB,
    ROOT,
    TIMEOUT_MS,
    WATCH_JS,
    Handler,
    answer_gars,
    build_lock,
    compressible,
    gzipped,
    load,
    mark,
    serve,
    sheet_of,
    watch_for,
)

#: the last commit before the start-up work of issue 17 ("today's start")
BASELINE = "3acf251"
PAGE = "capacity-building/gars.html"
VARIANTS = ("then", "now")
CONDITIONS = ("cold", "second visit", "after restart")
PHASES = ("app", "runtime", "packages", "imports", "first result")


def build(name: str, revision: str | None) -> Path:
    """Build the site at ``revision`` (None: the working tree) into build/bench-<name>."""
    out = ROOT / "build" / f"bench-{name}"
    source = ROOT
    env = dict(os.environ)
    with contextlib.ExitStack() as stack:
        if revision:
            tree = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "tree"
            subprocess.run(
                ["git", "worktree", "add", "--detach", "-q", str(tree), revision],
                cwd=ROOT,
                check=True,
            )
            stack.callback(
                subprocess.run, ["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT
            )
            source = tree
            # the worksheet directive imports the package: that revision's, not the installed one
            env["PYTHONPATH"] = str(tree / "src")
        command = [sys.executable, "-m", "sphinx", "-q", "-c", str(source)]
        with build_lock():
            began = time.perf_counter()
            subprocess.run(
                [*command, str(source / "docs"), str(out)], check=True, cwd=source, env=env
            )
            print(
                f"  built {name} ({revision or 'working tree'}) in "
                f"{time.perf_counter() - began:.0f} s",
                file=sys.stderr,
            )
    return out


class Link:
    """One shared link of a given speed: every response waits for its share of it."""

    def __init__(self, mbit: float) -> None:
        self.bytes_per_second = mbit * 1e6 / 8
        self.free_at = 0.0
        self.lock = threading.Lock()

    def send(self, size: int) -> None:
        with self.lock:
            start = max(time.monotonic(), self.free_at)
            self.free_at = start + size / self.bytes_per_second
            done = self.free_at
        time.sleep(max(0.0, done - time.monotonic()))


def throttled(link: Link | None) -> None:
    """Make the shared server handler pace what it sends through ``link``."""
    if link is None:
        return
    write = Handler.copyfile
    gzip_send = Handler.send_gzipped

    def copyfile(self, source, outputfile):  # type: ignore[no-untyped-def]
        link.send(os.fstat(source.fileno()).st_size - source.tell())
        write(self, source, outputfile)

    def send_gzipped(self) -> bool:  # type: ignore[no-untyped-def]
        file = self.translate_path(self.path)
        if (
            os.path.isfile(file)
            and compressible(file)
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            link.send(len(gzipped(file)))
        return gzip_send(self)

    Handler.copyfile = copyfile  # type: ignore[method-assign]
    Handler.send_gzipped = send_gzipped  # type: ignore[method-assign]


@dataclass
class Run:
    """One visit: seconds from opening the page to each event."""

    result: float
    phases: dict[str, float] = field(default_factory=dict)
    sent: int = 0
    gzip: int = 0


WORKER_NAMES = ("python-worker.mjs", "comlink.worker")
#: read in the Python worker once Python is ready: when it started and what it fetched
WORKER_FILES = """() => ({
  origin: performance.timeOrigin,
  files: performance.getEntriesByType("resource").map((e) => [e.name, e.responseEnd]),
})"""


def worker_phases(page: Page, opened: float, ready: float, result: float) -> dict[str, float]:
    """The visit's phases, from the Python worker's own Resource Timing entries.

    Downloads and Python's start overlap (Pyodide fetches the wheels while the
    runtime is still arriving), so each phase ends when it and every phase
    before it have ended: app (page open -> worker
    started), runtime (-> Pyodide's WebAssembly and standard library received),
    packages (-> last wheel received), imports (-> "Python is ready": the
    start-up CPU work left after the last byte, the imports included), first
    result (-> T-score shown).
    """
    # the page's Python worker: JupyterLite's kernel worker before the page got its own
    worker = next((w for w in page.workers if any(name in w.url for name in WORKER_NAMES)), None)
    if worker is None:
        return {}
    seen = worker.evaluate(WORKER_FILES)
    started = seen["origin"] / 1000 - opened

    def received(*parts: str) -> float:
        ends = [end for name, end in seen["files"] if any(part in name for part in parts)]
        return started + max(ends) / 1000 if ends else started

    points = [
        0.0,
        started,
        # the standard library: the whole zip, or (since 2 December 2026) the page's own
        received("pyodide.asm.wasm", "python_stdlib.zip", "page-python.zip"),
        received(".whl"),
        ready,
        result,
    ]
    # a phase that ended inside the one before (wheels received while the
    # runtime was still arriving) lasts 0
    for index in range(1, len(points)):
        points[index] = max(points[index], points[index - 1])
    return {name: b - a for name, a, b in zip(PHASES, points, points[1:], strict=False)}


def visit(context: BrowserContext, url: str, first: bool, served: list) -> Run:
    """Open the GARS page (answering it on a first visit); wait for the T-score."""
    page = context.new_page()
    served.clear()
    opened = time.time()
    page.goto(url, wait_until="commit")
    if first:
        answer_gars(sheet_of(page, "gars"))
    result = mark(page, "result", TIMEOUT_MS) - opened
    ready = mark(page, "ready", TIMEOUT_MS) - opened
    page.wait_for_function("() => window.toolkitSheets.every((s) => s.saveTimer === null)")
    run = Run(result=result, phases=worker_phases(page, opened, ready, result))
    page.close()
    # the server sends compressed what GitHub Pages compresses: raw is the files' size
    run.gzip = sum(request.sent for request in served)
    run.sent = sum(os.path.getsize(r.file) for r in served if r.sent and os.path.isfile(r.file))
    return run


@contextlib.contextmanager
def browser(playwright: Playwright, folder: Path) -> Iterator[BrowserContext]:
    context = playwright.chromium.launch_persistent_context(
        str(folder), executable_path=CHROMIUM, args=ARGS, headless=True
    )
    context.add_init_script(WATCH_JS.replace("__WATCH__", json.dumps(watch_for("gars"))))
    try:
        yield context
    finally:
        context.close()


def one_round(playwright: Playwright, base: dict[str, str], served: dict, order: list[str]):
    """Each variant in ``order``: cold, second visit, after restart, in its own profile."""
    runs: dict[str, dict[str, Run]] = {}
    for name in order:
        url = base[name] + PAGE
        with tempfile.TemporaryDirectory() as folder:
            with browser(playwright, Path(folder)) as context:
                cold = visit(context, url, True, served[name])
                second = visit(context, url, False, served[name])
            with browser(playwright, Path(folder)) as context:
                restarted = visit(context, url, False, served[name])
        runs[name] = dict(zip(CONDITIONS, (cold, second, restarted), strict=True))
        print(
            f"  {name}: cold {cold.result:.2f} s, second {second.result:.2f} s, "
            f"after restart {restarted.result:.2f} s (load {os.getloadavg()[0]:.1f})",
            file=sys.stderr,
        )
    return runs


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def report(rounds: list[dict[str, dict[str, Run]]], throttle: float | None) -> None:
    link = f"through a shared {throttle:g} Mbit/s link" if throttle else "at loopback speed"
    print(f"GARS page open -> first T-score, medians of {len(rounds)} rounds, {link};")
    print(f"'then' is commit {BASELINE} (before the start-up work), 'now' the working tree")
    print(f"   {'':<8}" + "".join(f"{c:>16}" for c in CONDITIONS))
    for name in VARIANTS:
        cells = [median([r[name][c].result for r in rounds]) for c in CONDITIONS]
        print(f"   {name:<8}" + "".join(f"{v:14.2f} s" for v in cells))
    ratios = [
        median([r["now"][c].result / r["then"][c].result for r in rounds]) for c in CONDITIONS
    ]
    print(f"   {'ratio':<8}" + "".join(f"{v:15.2f}x" for v in ratios))
    print()
    print("Phases of the cold visit (seconds, medians):")
    print(f"   {'':<8}" + "".join(f"{p:>13}" for p in PHASES))
    for name in VARIANTS:
        cells = [
            median([r[name]["cold"].phases.get(p, float("nan")) for r in rounds]) for p in PHASES
        ]
        print(f"   {name:<8}" + "".join(f"{v:13.2f}" for v in cells))
    print()
    print("Bytes sent to a cold visit:")
    for name in VARIANTS:
        cold = rounds[0][name]["cold"]
        print(f"   {name:<8} {cold.sent / MB:5.1f} MB raw, {cold.gzip / MB:5.1f} MB gzip")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--throttle", type=float, help="Mbit/s of one shared link")
    parser.add_argument("--baseline", default=BASELINE, help="the commit to compare with")
    parser.add_argument("--no-build", action="store_true", help="reuse build/bench-then, -now")
    options = parser.parse_args()
    print(f"load before: {load()}", file=sys.stderr)
    sites = {
        "then": ROOT / "build" / "bench-then",
        "now": ROOT / "build" / "bench-now",
    }
    if not options.no_build:
        sites = {"then": build("then", options.baseline), "now": build("now", None)}
    throttled(Link(options.throttle) if options.throttle else None)
    with contextlib.ExitStack() as stack:
        servers = {
            name: stack.enter_context(serve(site, github=True)) for name, site in sites.items()
        }
        base = {name: server.base for name, server in servers.items()}
        served = {name: server.requests for name, server in servers.items()}
        rounds = []
        with sync_playwright() as playwright:
            for number in range(options.rounds):
                order = list(VARIANTS) if number % 2 == 0 else list(reversed(VARIANTS))
                rounds.append(one_round(playwright, base, served, order))
    print()
    report(rounds, options.throttle)
    print(f"\nload after: {load()}")


if __name__ == "__main__":
    main()
