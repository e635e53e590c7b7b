"""Start-up benchmark: how long a learner waits for each worksheet, beside stock JupyterLite.

Builds the site once (with one extra page, see ``stock_page.md``), serves it on
loopback, drives one Chromium, and prints in one run:

* the site build time;
* for every worksheet found in the built pages (pages holding
  ``.toolkit-worksheet`` frames; some hold two): cold time from opening the
  page to the form being drawn, in a fresh browser profile, and the bytes the
  server sent; for GARS also the time to the first T-score, split into phases;
* warm times (second visit, same profile) for GARS and a few others;
* the same computation on a stock jupyterlite-sphinx ``replite`` page with its
  default settings, timed from opening the page to the printed T-score, and
  the ratio ours / stock;
* the machine's load average, since a busy machine slows every figure.

It prints figures; it asserts no time limit (targets live in the README).
Run it with ``./dev bench`` (every worksheet) or ``./dev bench --quick``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import html as html_text
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench-html"
STOCK_PAGE = Path(__file__).resolve().parent / "stock_page.md"
STOCK_URL = "bench-stock-replite.html"
GARS_URL = "capacity-building/gars.html"
#: worksheets measured by --quick, and warm in every run
QUICK = ("gars", "lcsa", "roi", "smart")
TIMEOUT_MS = 180_000
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: files whose first request marks the start of a start-up phase
MILESTONES = {
    "worksheet app requested": "/lite/repl/index.html",
    "Pyodide runtime requested": "pyodide.asm.wasm",
    "packages requested": "ipython-",
}
#: console lines of the Pyodide kernel that mark the end of a phase
CONSOLE_MILESTONES = {
    "worksheet code started": ("No new packages to load",),
}
_WORKSHEET = re.compile(
    r'<div class="toolkit-worksheet" data-worksheet="([^"]+)"[^>]*>.*?<iframe [^>]*title="([^"]+)"',
    re.S,
)


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files and adds up the bytes of every response body it sends."""

    sent: ClassVar[int] = 0
    paths: ClassVar[list[str]] = []

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        start = source.tell()
        try:
            super().copyfile(source, outputfile)
        finally:
            CountingHandler.sent += source.tell() - start
            CountingHandler.paths.append(self.translate_path(self.path))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    @classmethod
    def take(cls) -> tuple[int, list[str]]:
        """Bytes and files sent since the last call."""
        taken = (cls.sent, cls.paths)
        cls.sent, cls.paths = 0, []
        return taken


class QuietServer(http.server.ThreadingHTTPServer):
    """A closed browser context cuts transfers short; that is not an error here."""

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class Run:
    """One page visit: seconds to each worksheet's form, bytes, phases."""

    forms: dict[str, float] = field(default_factory=dict)
    result: float | None = None
    sent: int = 0
    paths: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)


def gzip_size(paths: list[str]) -> int:
    """Bytes the same files take gzip-compressed, as static hosts such as GitHub Pages send them."""
    return sum(len(gzip.compress(Path(p).read_bytes(), 6)) for p in paths if Path(p).is_file())


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def build_site() -> float:
    """Build the site plus the stock page into OUT; return the seconds it took.

    The stock page must not ship with the site, so the sources are copied to a
    temporary folder and the page added there; the build uses the site's own
    conf.py, so it is the site build plus one short page.
    """
    shutil.rmtree(OUT, ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "docs"
        shutil.copytree(ROOT / "docs", source, ignore=shutil.ignore_patterns("_contents"))
        shutil.copy(STOCK_PAGE, source / "bench-stock-replite.md")
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "sphinx", "-W", "-q", "-c", str(ROOT), str(source), str(OUT)],
            check=True,
            cwd=ROOT,
        )
        return time.perf_counter() - began


def find_worksheets(site: Path) -> dict[str, list[tuple[str, str]]]:
    """Page URL -> [(worksheet name, frame title)] for every page that embeds one."""
    pages: dict[str, list[tuple[str, str]]] = {}
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if relative.startswith(("lite/", "_")):
            continue
        found = _WORKSHEET.findall(html.read_text("utf-8"))
        if found:
            pages[relative] = [(name, html_text.unescape(title)) for name, title in found]
    if GARS_URL not in pages:  # the markup changed: say so rather than measure nothing
        raise SystemExit(f"No worksheet found in {site} (is {GARS_URL} built?)")
    return dict(sorted(pages.items(), key=lambda item: item[0] != GARS_URL))


def visit(context, url: str, frames: list[tuple[str, str]], gars: bool) -> Run:  # type: ignore[no-untyped-def]
    """Open a chapter page; wait for every worksheet form (and, on GARS, a T-score)."""
    run = Run()
    start = time.perf_counter()

    def on_request(request) -> None:  # type: ignore[no-untyped-def]
        for name, part in MILESTONES.items():
            if part in request.url and name not in run.phases:
                run.phases[name] = time.perf_counter() - start

    def on_console(message) -> None:  # type: ignore[no-untyped-def]
        for name, text in CONSOLE_MILESTONES.items():
            if all(part in message.text for part in text) and name not in run.phases:
                run.phases[name] = time.perf_counter() - start

    context.on("request", on_request)
    page = context.new_page()
    page.on("console", on_console)
    page.goto(url)
    for name, title in frames:
        frame = page.frame_locator(f'iframe[title="{title}"]')
        frame.locator(".toolkit-form").first.wait_for(timeout=TIMEOUT_MS)
        run.forms[name] = time.perf_counter() - start
        if gars and name == "gars":
            run.phases["form shown"] = run.forms[name]
            results = frame.locator(".toolkit-results .toolkit-t")
            if results.count() == 0:  # a first visit: nothing restored yet
                frame.get_by_label("Level at baseline").select_option(
                    label="-1 Somewhat less than expected"
                )
            results.first.wait_for(timeout=TIMEOUT_MS)
            run.result = time.perf_counter() - start
    context.remove_listener("request", on_request)
    page.close()
    run.sent, run.paths = CountingHandler.take()
    return run


def visit_stock(context, url: str) -> Run:  # type: ignore[no-untyped-def]
    """Open the stock replite page; wait for the T-score it prints."""
    run = Run()
    start = time.perf_counter()
    page = context.new_page()
    page.goto(url)
    frame = page.frame_locator("iframe").first
    frame.locator(".jp-OutputArea-output:has-text('T =')").first.wait_for(timeout=TIMEOUT_MS)
    run.result = time.perf_counter() - start
    page.close()
    run.sent, run.paths = CountingHandler.take()
    return run


@contextlib.contextmanager
def profile(playwright, browser, on_disk: bool) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A fresh browser profile: empty cache and storage.

    A warm visit needs the on-disk profile a learner has: an in-memory
    profile's cache is too small to keep Pyodide's 9 MB runtime, which then
    is downloaded again. A cold visit alone uses a new context of the one
    running Chromium, which is quicker to open.
    """
    if not on_disk:
        context = browser.new_context()
        yield context
        context.close()
        return
    with tempfile.TemporaryDirectory() as folder:
        context = playwright.chromium.launch_persistent_context(
            folder, executable_path="/usr/bin/chromium", args=ARGS, headless=True
        )
        yield context
        context.close()


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f} (1 / 5 / 15 min, {os.cpu_count()} cores)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"only {', '.join(QUICK)}")
    parser.add_argument("--no-build", action="store_true", help=f"reuse {OUT}")
    options = parser.parse_args()

    build_seconds = None if options.no_build else build_site()
    pages = find_worksheets(OUT)
    if options.quick:
        pages = {url: frames for url, frames in pages.items() if any(n in QUICK for n, _ in frames)}

    handler = functools.partial(CountingHandler, directory=str(OUT))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    load_before = load()

    cold: dict[str, Run] = {}
    warm: dict[str, Run] = {}
    gars_gzip = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=ARGS, headless=True
        )
        for kind in ("stock", *pages):
            frames = pages.get(kind, [])
            gars = kind == GARS_URL
            twice = kind == "stock" or any(name in QUICK for name, _ in frames)
            with profile(playwright, browser, on_disk=twice) as context:
                CountingHandler.take()
                if kind == "stock":
                    cold[kind] = visit_stock(context, base + STOCK_URL)
                    warm[kind] = visit_stock(context, base + STOCK_URL)
                    continue
                cold[kind] = visit(context, base + kind, frames, gars)
                if gars:
                    gars_gzip = gzip_size(cold[kind].paths)
                if twice:
                    warm[kind] = visit(context, base + kind, frames, gars)
            print(f"  measured {kind} (load {os.getloadavg()[0]:.1f})", file=sys.stderr)
        browser.close()
    server.shutdown()
    report(build_seconds, pages, cold, warm, gars_gzip, load_before)


def report(
    build_seconds: float | None,
    pages: dict[str, list[tuple[str, str]]],
    cold: dict[str, Run],
    warm: dict[str, Run],
    gars_gzip: int,
    load_before: str,
) -> None:
    mb = 1024 * 1024
    print(f"machine load before: {load_before}")
    print(f"machine load after:  {load()}")
    if build_seconds is not None:
        print(f"site build (sphinx + jupyterlite, + 1 stock page): {build_seconds:6.1f} s")
    print()
    print(f"{'worksheet':<24} {'page':<36} {'cold form':>9} {'warm form':>9} {'cold MB':>7}")
    for url, frames in pages.items():
        for name, _ in frames:
            w = warm.get(url)
            warm_text = f"{w.forms[name]:8.2f}s" if w else "        -"
            print(
                f"{name:<24} {url:<36} {cold[url].forms[name]:8.2f}s {warm_text} "
                f"{cold[url].sent / mb:7.1f}"
            )
    colds = sorted(
        run.forms[name] for url, run in cold.items() if url in pages for name in run.forms
    )
    if colds:
        print(
            f"cold form, all {len(colds)} worksheets: median {colds[len(colds) // 2]:.2f} s, "
            f"min {colds[0]:.2f} s, max {colds[-1]:.2f} s"
        )
    print()
    if GARS_URL in cold:
        ours, stock = cold[GARS_URL], cold["stock"]
        print(f"GARS cold: page open -> first T-score:   {ours.result:6.2f} s  (target < 3 s)")
        for name, at in sorted(ours.phases.items(), key=lambda item: item[1]):
            print(f"        {name:<28} at {at:6.2f} s")
        print(
            f"GARS warm: second visit -> T-score:      {warm[GARS_URL].result:6.2f} s "
            "(target < 1 s)"
        )
        print(
            f"GARS bytes sent, cold visit:             {ours.sent / mb:6.1f} MB (target < 15 MB), "
            f"{gars_gzip / mb:.1f} MB gzip-compressed"
        )
        print(f"GARS bytes sent, warm visit:             {warm[GARS_URL].sent / mb:6.1f} MB")
        print()
        print("Stock jupyterlite-sphinx `replite` page, default options, printing a GARS T-score")
        print("(it runs on this site's JupyterLite, which is configured site-wide: the same local")
        print("Pyodide, lock and prefetched packages, and the worksheet frame stylesheet that")
        print("hides the console's code cell; only the page and the directive are stock):")
        print(
            f"stock cold: page open -> printed T-score: {stock.result:6.2f} s, "
            f"{stock.sent / mb:.1f} MB"
        )
        print(f"stock warm: second visit -> T-score:      {warm['stock'].result:6.2f} s")
        print(
            f"ratio ours / stock, cold: {ours.result / stock.result:.2f}; "
            f"warm: {warm[GARS_URL].result / warm['stock'].result:.2f}"
        )
    print()
    lite = OUT / "lite"
    runtime = sum(
        folder_size(p)
        for p in (
            lite / "static" / "pyodide",
            lite / "static" / "pyodide-lock",
            lite / "extensions" / "@jupyterlite" / "pyodide-kernel-extension",
        )
    )
    print(f"built site on disk:                 {folder_size(OUT) / mb:6.1f} MB")
    print(f"  of which Python runtime + wheels: {runtime / mb:6.1f} MB")


if __name__ == "__main__":
    main()
