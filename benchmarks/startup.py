"""Start-up benchmark: how long a learner waits for the first computed result.

Builds the site once, serves it on loopback, and prints in one run:

* site build time;
* cold time from opening the GARS chapter page to the first T-score computed
  by Python in the browser (fresh Chromium profile), split into phases taken
  from the moments key files were requested;
* warm time for a second visit in the same profile (answers restored);
* bytes the server sent for the cold and the warm visit;
* total size of the built site and of its Python runtime part.

It prints figures; it asserts no time limit (targets live in the README).
Run it with ``./dev bench``.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import ClassVar

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench-html"
FRAME = "iframe[title='Goal Attainment Rating Scale worksheet']"
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: files whose first request marks the start of a start-up phase
MILESTONES = {
    "lite app requested": "/lite/repl/index.html",
    "Pyodide runtime requested": "pyodide.asm.wasm",
    "kernel packages requested": "ipython-",
    "toolkit_widgets requested": "toolkit_widgets-",
}
#: console lines of the Pyodide kernel that mark the end of a phase
CONSOLE_MILESTONES = {
    "kernel's micropip loaded": ("Loaded micropip",),
    "toolkit_widgets loaded": ("Loaded", "toolkit-widgets"),
}


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files and adds up the bytes of every response body it sends."""

    sent: ClassVar[int] = 0
    paths: ClassVar[list[str]] = []

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        start = source.tell()
        super().copyfile(source, outputfile)
        CountingHandler.sent += source.tell() - start
        CountingHandler.paths.append(self.translate_path(self.path))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def gzip_size(paths: list[str]) -> int:
    """Bytes the same files take gzip-compressed, as static hosts such as GitHub Pages send them."""
    return sum(len(gzip.compress(Path(p).read_bytes(), 6)) for p in paths)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def visit(context, url: str, first_visit: bool) -> tuple[float, dict[str, float]]:  # type: ignore[no-untyped-def]
    """Open the page; return seconds to the first T-score, and phase start times."""
    seen: dict[str, float] = {}
    start = time.perf_counter()

    def on_request(request) -> None:  # type: ignore[no-untyped-def]
        for name, part in MILESTONES.items():
            if part in request.url and name not in seen:
                seen[name] = time.perf_counter() - start

    def on_console(message) -> None:  # type: ignore[no-untyped-def]
        for name, text in CONSOLE_MILESTONES.items():
            if all(part in message.text for part in text) and name not in seen:
                seen[name] = time.perf_counter() - start

    context.on("request", on_request)
    page = context.new_page()
    page.on("console", on_console)
    page.goto(url)
    frame = page.frame_locator(FRAME)
    if first_visit:
        frame.locator(".toolkit-worksheet-gars").wait_for(timeout=180_000)
        seen["form shown"] = time.perf_counter() - start
        frame.get_by_label("Level at baseline").select_option(
            label="-1 Somewhat less than expected"
        )
    frame.locator(".toolkit-results .toolkit-t").first.wait_for(timeout=180_000)
    elapsed = time.perf_counter() - start
    context.remove_listener("request", on_request)
    page.close()
    return elapsed, seen


def main() -> None:
    shutil.rmtree(OUT, ignore_errors=True)
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-c", str(ROOT), str(ROOT / "docs"), str(OUT)],
        check=True,
        cwd=ROOT,
    )
    build_seconds = time.perf_counter() - began

    handler = functools.partial(CountingHandler, directory=str(OUT))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/capacity-building/gars.html"

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", args=ARGS, headless=True
        )
        cold, phases = visit(context, url, first_visit=True)
        cold_bytes, CountingHandler.sent = CountingHandler.sent, 0
        cold_gzip = gzip_size(CountingHandler.paths)
        warm, _ = visit(context, url, first_visit=False)
        warm_bytes = CountingHandler.sent
        context.close()
    server.shutdown()

    lite = OUT / "lite"
    runtime = sum(
        folder_size(p)
        for p in (
            lite / "static" / "pyodide",
            lite / "static" / "pyodide-lock",
            lite / "extensions" / "@jupyterlite" / "pyodide-kernel-extension",
        )
    )
    mb = 1024 * 1024
    print(f"site build (sphinx + jupyterlite):  {build_seconds:6.1f} s")
    print(f"cold: page open -> first T-score:   {cold:6.2f} s   (target < 3 s)")
    for name, at in sorted(phases.items(), key=lambda item: item[1]):
        print(f"        {name:<28} at {at:6.2f} s")
    print(f"warm: second visit -> T-score:      {warm:6.2f} s   (target < 1 s)")
    print(f"bytes sent, cold visit:             {cold_bytes / mb:6.1f} MB (target < 15 MB)")
    print(f"  the same files gzip-compressed:   {cold_gzip / mb:6.1f} MB")
    print(f"bytes sent, warm visit:             {warm_bytes / mb:6.1f} MB")
    print(f"built site on disk:                 {folder_size(OUT) / mb:6.1f} MB")
    print(f"  of which Python runtime + wheels: {runtime / mb:6.1f} MB")


if __name__ == "__main__":
    main()
