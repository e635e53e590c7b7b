"""Start-up benchmark: how soon a learner can use a worksheet, and how the pages score.

A worksheet's form is plain HTML in its chapter page: the page keeps answers
as they are typed, and starts Python (JupyterLite's Pyodide kernel, in a Web
Worker) when the browser is idle. So the learner waits twice, for different
things, and this measures both. It builds the site once into
``build/bench-html`` (plus one stock page, see ``stock_page.md``), serves it
on loopback, and prints in one run:

1. page open -> form usable: an answer typed into the first control is saved
   (its localStorage record exists), cold, for every worksheet;
2. page open -> first result computed by Python from answers given as a
   learner gives them, cold and on a second visit in the same profile, for
   GARS and the --quick set;
3. the same GARS T-score printed by a stock jupyterlite-sphinx ``replite``
   page, cold and second visit, and the ratio ours / stock;
4. the phases of a cold GARS visit (server request times, page marks);
5. the bytes a cold GARS visit is sent, raw and gzip-compressed;
6. Lighthouse 12.2.3 (mobile defaults) on the home page, a chapter page, the
   GARS and CRS pages (every worksheet page with --lighthouse-all), served
   gzip-compressed as GitHub Pages serves the site;
7. the machine's load average, since a busy machine slows every figure.

Every browser visit starts from a fresh profile (an empty cache and storage).
It asserts nothing: targets live in the README. Run it with ``./dev bench``
(every worksheet) or ``./dev bench --quick`` (GARS, LCSA, ROI, SMART).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import functools
import gzip
import html as html_text
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    Frame,
    Locator,
    Page,
    Playwright,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench-html"
LIGHTHOUSE_DIR = ROOT / "build" / "cache" / "lighthouse"
LIGHTHOUSE_OUT = ROOT / "build" / "bench-lighthouse"
#: held around every site build: build/lite is shared with every other build of the tree
BUILD_LOCK = Path("/tmp/site-build.lock")
STOCK_PAGE = Path(__file__).resolve().parent / "stock_page.md"
STOCK_URL = "bench-stock-replite.html"
#: 13.x needs Node 22; Debian bookworm's is Node 20
LIGHTHOUSE = "lighthouse@12.2.3"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: worksheets measured by --quick; every run times their first result, cold and warm
QUICK = ("gars", "lcsa", "roi", "smart")
#: pages Lighthouse always checks, besides the home page and one chapter page
LIGHTHOUSE_SHEETS = ("gars", "crs")
HOME = "index.html"
CHAPTER = "introduction/index.html"
KEY_PREFIX = "coaching-toolkit/sheet/"
TIMEOUT_MS = 180_000
#: a typed answer is saved 250 ms after the last keystroke; longer than this, it was lost
SAVE_WAIT_MS = 10_000
ATTEMPTS = 3
#: file types GitHub Pages sends gzip-compressed (when the browser accepts gzip)
GZIP_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg"}
MB = 1024 * 1024

# Marks, in epoch milliseconds, when the page first keeps an answer, when it
# says Python is ready, and when the awaited result is shown. Installed before
# any script of the page runs, in every frame.
WATCH_JS = """
(() => {
  const watch = __WATCH__;
  const marks = (window.__bench = {});
  const now = () => performance.timeOrigin + performance.now();
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const kept = setItem.call(this, key, value);
    if (!(`saved:${key}` in marks)) marks[`saved:${key}`] = now();
    return kept;
  };
  const shows = (el) => el.textContent.includes(watch.shows);
  const look = () => {
    const status = document.querySelector("[data-python-status]");
    if (!marks.ready && status && status.textContent.includes("Python is ready")) {
      marks.ready = now();
    }
    if (!marks.result && watch.shows && [...document.querySelectorAll(watch.results)].some(shows)) {
      marks.result = now();
    }
  };
  const what = {subtree: true, childList: true, characterData: true};
  new MutationObserver(look).observe(document, what);
})();
"""


# ------------------------------------------------------------------ the site --
@contextlib.contextmanager
def build_lock() -> Iterator[None]:
    """The lock every build of this tree takes (``flock /tmp/site-build.lock``)."""
    with BUILD_LOCK.open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"  waiting for {BUILD_LOCK} (another build is running)", file=sys.stderr)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def build_site() -> float:
    """Build the site plus the stock page into OUT; return the seconds it took.

    The stock page must not ship with the site, so the sources are copied to a
    temporary folder and the page added there; the build uses the site's own
    conf.py, so it is the site build plus one short page. The time excludes
    any wait for the lock.
    """
    shutil.rmtree(OUT, ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "docs"
        shutil.copytree(ROOT / "docs", source, ignore=shutil.ignore_patterns("_contents"))
        shutil.copy(STOCK_PAGE, source / STOCK_URL.replace(".html", ".md"))
        command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-c", str(ROOT)]
        with build_lock():
            began = time.perf_counter()
            subprocess.run([*command, str(source), str(OUT)], check=True, cwd=ROOT)
            return time.perf_counter() - began


_SHEET = re.compile(r'<section [^>]*\bdata-sheet="([^"]+)"')
# the earlier design: a JupyterLite app in an iframe (a few worksheets, while they move)
_FRAME = re.compile(
    r'<div class="toolkit-worksheet" data-worksheet="([^"]+)"[^>]*>.*?<iframe [^>]*title="([^"]+)"',
    re.S,
)


@dataclass
class Site:
    """What the built pages hold: worksheets by name, and every chapter page."""

    sheets: dict[str, str] = field(default_factory=dict)  # name -> page
    frames: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (page, title)
    plain: list[str] = field(default_factory=list)  # pages with no worksheet

    def chapter(self) -> str:
        """A chapter page without a worksheet: CHAPTER, or the first such page."""
        return CHAPTER if CHAPTER in self.plain else next(p for p in self.plain if "/" in p)


def find_site(site: Path) -> Site:
    """Worksheets found in the built HTML, so new ones are measured without editing this."""
    found = Site()
    for page in sorted(site.rglob("*.html")):
        url = page.relative_to(site).as_posix()
        if url.startswith(("lite/", "_")) or url in (STOCK_URL, "genindex.html", "search.html"):
            continue
        text = page.read_text("utf-8")
        names = _SHEET.findall(text)
        frames = _FRAME.findall(text)
        for name in names:
            found.sheets.setdefault(name, url)
        for name, title in frames:
            found.frames.setdefault(name, (url, html_text.unescape(title)))
        if not names and not frames:
            found.plain.append(url)
    if "gars" not in found.sheets:  # the markup changed: say so rather than measure nothing
        raise SystemExit(f"No GARS worksheet (<section data-sheet=...>) found in {site}")
    return found


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


# ------------------------------------------------------------------- serving --
@dataclass
class Request:
    """One request as the server saw it: epoch seconds, and bytes of body sent."""

    path: str
    file: str
    start: float
    end: float
    sent: int


@functools.cache
def gzipped(file: str) -> bytes:
    """A file as a gzip-compressing host sends it (compressed once, then from memory)."""
    return gzip.compress(Path(file).read_bytes(), 6)


def compressible(file: str) -> bool:
    return Path(file).suffix in GZIP_SUFFIXES and Path(file).is_file()


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site and logs every request with its timing and bytes.

    With ``github`` set it answers like GitHub Pages: text, scripts, JSON,
    WebAssembly and SVG gzip-compressed when the browser accepts gzip, and
    ``Cache-Control: max-age=600`` on everything.
    """

    requests: ClassVar[list[Request]]
    github: ClassVar[bool]

    def do_GET(self) -> None:
        start, self.sent = time.time(), 0
        try:
            if not (self.github and self.send_gzipped()):
                super().do_GET()
        finally:
            path = urlsplit(self.path).path
            request = Request(path, self.translate_path(self.path), start, time.time(), self.sent)
            self.requests.append(request)

    def send_gzipped(self) -> bool:
        """Send the file compressed, if a host like GitHub Pages would; False if not."""
        file = self.translate_path(self.path)
        if os.path.isdir(file):
            file = os.path.join(file, "index.html")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not compressible(file):
            return False
        body = gzipped(file)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(file))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(file))))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)
        self.sent = len(body)
        return True

    def end_headers(self) -> None:
        if self.github:
            self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def copyfile(self, source: Any, outputfile: Any) -> None:
        start = source.tell()
        try:
            super().copyfile(source, outputfile)
        finally:
            self.sent += source.tell() - start

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A closed browser context cuts transfers short; that is not an error here."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class Server:
    """A running server: its address, and the log its handler fills."""

    base: str
    requests: list[Request]

    def take(self) -> list[Request]:
        """Requests logged since the last call."""
        taken = list(self.requests)
        del self.requests[: len(taken)]
        return taken


@contextlib.contextmanager
def serve(directory: Path, github: bool) -> Iterator[Server]:
    """The site on a free loopback port; plain (as before) or GitHub-Pages-like."""
    handler = type("SiteHandler", (Handler,), {"requests": [], "github": github})
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_address[1]}/", handler.requests)
    finally:
        server.shutdown()


# ------------------------------------------------------- answering a sheet --
def sheet_of(page: Page, name: str) -> Locator:
    return page.locator(f'[data-sheet="{name}"]')


def click_option(sheet: Locator, control: Locator) -> None:
    """Choose a radio button as a learner does: by its label (the input may be styled away)."""
    sheet.locator(f'label[for="{control.get_attribute("id")}"]').click()


def answer_first(sheet: Locator, attempt: int) -> None:
    """Answer the form's first control; each attempt gives a different answer."""
    control = sheet.locator("form [name]:is(input, select, textarea)").first
    kind = control.evaluate("el => el.type")
    if kind == "radio":
        group = sheet.locator(f'input[name="{control.get_attribute("name")}"]')
        click_option(sheet, group.nth(group.count() - 1 - attempt))
    elif kind == "checkbox":
        control.click()
    elif kind.startswith("select"):
        options = control.locator("option")
        control.select_option(index=options.count() - 1 - attempt)
    elif kind == "date":
        control.fill(f"2026-03-{10 + attempt}")
    else:
        control.fill(f"{attempt + 1}")


def answer_gars(sheet: Locator) -> None:
    """One goal, rated 0 at baseline and +1 at follow-up: T-score 60.0 (the labels of the form)."""
    sheet.get_by_label("Goal", exact=True).fill("Lead one family team meeting a month by June")
    for group, level in (
        ("Level at baseline", "0 Expected level of outcome"),
        ("Level at follow-up", "+1 Somewhat more than expected"),
    ):
        fieldset = sheet.get_by_role("group", name=group, exact=True)
        fieldset.get_by_text(level, exact=True).click()


def answer_lcsa(sheet: Locator) -> None:
    """Every item rated 3: the totals appear only when every item is answered."""
    options = sheet.locator('input[type="radio"][name^="ratings."][value="3"]')
    for index in range(options.count()):
        click_option(sheet, options.nth(index))


def answer_roi(sheet: Locator) -> None:
    sheet.locator('[name="benefits"]').fill("15000")
    sheet.locator('[name="costs"]').fill("10000")


def answer_smart(sheet: Locator) -> None:
    """The four Specific questions, which turn 'S Specific: not yet' into 'met'."""
    for name, text in (
        ("who", "the learner"),
        ("what", "leads the family team meeting"),
        ("where", "in home visits"),
        ("why", "so the family is heard"),
    ):
        sheet.locator(f'[name="specific.{name}"]').fill(text)


@dataclass(frozen=True)
class Recipe:
    """How to answer a worksheet far enough for a result, and the text that shows it."""

    answer: Callable[[Locator], None]
    shows: str


RECIPES = {
    "gars": Recipe(answer_gars, "60.0"),
    "lcsa": Recipe(answer_lcsa, "Pro-learning total"),
    "roi": Recipe(answer_roi, "50.0%"),
    "smart": Recipe(answer_smart, "S Specific: met"),
}


# -------------------------------------------------------------- visiting --
@dataclass
class Visit:
    """One page visit; times in seconds from opening the page."""

    typed: float | None = None  # the first control took an answer
    saved: float | None = None  # ... and the page kept it
    lost: int = 0  # answers typed before the page listened, never saved
    answered: float | None = None  # the recipe's last answer given
    ready: float | None = None  # "Python is ready"
    result: float | None = None
    opened: float = 0.0  # epoch seconds
    requests: list[Request] = field(default_factory=list)

    @property
    def sent(self) -> int:
        return sum(r.sent for r in self.requests)


@contextlib.contextmanager
def profile(
    playwright: Playwright, browser: Browser, on_disk: bool, watch: dict[str, Any]
) -> Iterator[BrowserContext]:
    """A fresh browser profile (empty cache and storage) whose pages carry the marks.

    A second visit needs the on-disk profile a learner has: an in-memory
    profile's cache is too small to keep Pyodide's 9 MB runtime. A single
    visit uses a new context of the one running Chromium, quicker to open.
    """
    script = WATCH_JS.replace("__WATCH__", json.dumps(watch))
    with contextlib.ExitStack() as stack:
        if on_disk:
            folder = stack.enter_context(tempfile.TemporaryDirectory())
            context = playwright.chromium.launch_persistent_context(
                folder, executable_path=CHROMIUM, args=ARGS, headless=True
            )
        else:
            context = browser.new_context()
        stack.callback(context.close)
        context.add_init_script(script)
        yield context


def mark(target: Page | Frame, name: str, timeout: float) -> float:
    """Epoch seconds of a page mark, once it is set (in a page or a frame)."""
    handle = target.wait_for_function(
        "name => window.__bench && window.__bench[name]", arg=name, polling=100, timeout=timeout
    )
    return handle.json_value() / 1000


def type_first(page: Page, name: str, opened: float) -> tuple[float, float, int]:
    """(typed, saved, answers lost): answer the first control as soon as it takes input.

    An answer typed before the page's script listens would stay in the box
    but never be kept; that is counted, and answered again.
    """
    sheet = sheet_of(page, name)
    for attempt in range(ATTEMPTS):
        answer_first(sheet, attempt)
        typed = time.time() - opened
        try:
            return typed, mark(page, f"saved:{KEY_PREFIX}{name}", SAVE_WAIT_MS) - opened, attempt
        except PlaywrightError:
            print(f"  {name}: an answer typed at {typed:.2f} s was not saved", file=sys.stderr)
    raise SystemExit(f"{name}: {ATTEMPTS} answers typed into the first control, none saved")


def visit_sheet(context: BrowserContext, url: str, name: str, first: bool) -> Visit:
    """Open a worksheet's page; on a first visit type into it; wait for its result.

    A second visit types nothing: the answers kept on the first come back.
    """
    recipe = RECIPES.get(name)
    page = context.new_page()
    visit = Visit(opened=time.time())
    page.goto(url, wait_until="commit")
    if first:
        visit.typed, visit.saved, visit.lost = type_first(page, name, visit.opened)
        if recipe:
            recipe.answer(sheet_of(page, name))
            visit.answered = time.time() - visit.opened
    if recipe:
        visit.result = mark(page, "result", TIMEOUT_MS) - visit.opened
        visit.ready = mark(page, "ready", TIMEOUT_MS) - visit.opened
        # every answer kept before the page closes (sheet.js shows its sheets for tests)
        page.wait_for_function("() => window.toolkitSheets.every((s) => s.saveTimer === null)")
    page.close()
    return visit


def visit_frame(context: BrowserContext, url: str, title: str) -> Visit:
    """A worksheet still in an iframe: open the page, wait for the form to be drawn."""
    page = context.new_page()
    visit = Visit(opened=time.time())
    page.goto(url, wait_until="commit")
    page.frame_locator(f'iframe[title="{title}"]').locator(".toolkit-form").first.wait_for(
        timeout=TIMEOUT_MS
    )
    visit.saved = time.time() - visit.opened
    page.close()
    return visit


def visit_stock(context: BrowserContext, url: str) -> Visit:
    """Open the stock replite page; wait for the T-score it prints in its frame."""
    page = context.new_page()
    visit = Visit(opened=time.time())
    page.goto(url, wait_until="commit")
    frame = page.wait_for_selector("iframe", timeout=TIMEOUT_MS).content_frame()
    assert frame is not None  # an iframe element always has one
    visit.result = mark(frame, "result", TIMEOUT_MS) - visit.opened
    page.close()
    return visit


def watch_for(name: str) -> dict[str, Any]:
    recipe = RECIPES.get(name)
    return {
        "results": f'[data-sheet="{name}"] [data-results]',
        "shows": recipe.shows if recipe else None,
    }


@dataclass
class Timings:
    """Every browser figure of the run."""

    cold: dict[str, Visit] = field(default_factory=dict)
    warm: dict[str, Visit] = field(default_factory=dict)
    frames: dict[str, Visit] = field(default_factory=dict)


def measure(site: Site, server: Server, names: list[str]) -> Timings:
    """Every visit, one Chromium: the stock page, then each worksheet, GARS first."""
    timings = Timings()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        stock_watch = {"results": ".jp-OutputArea-output", "shows": "T = 60.0"}
        with profile(playwright, browser, True, stock_watch) as context:
            for visits in (timings.cold, timings.warm):
                server.take()
                visits["stock"] = visit_stock(context, server.base + STOCK_URL)
                visits["stock"].requests = server.take()
        progress("stock page")
        for name in names:
            measure_sheet(playwright, browser, server, site, name, timings)
        browser.close()
    return timings


def measure_sheet(
    playwright: Playwright,
    browser: Browser,
    server: Server,
    site: Site,
    name: str,
    timings: Timings,
) -> None:
    """One worksheet: a cold visit, and a second one when a result is timed."""
    twice = name in RECIPES and name in site.sheets
    with profile(playwright, browser, twice, watch_for(name)) as context:
        server.take()
        if name in site.frames:
            url, title = site.frames[name]
            timings.frames[name] = visit_frame(context, server.base + url, title)
        else:
            url = server.base + site.sheets[name]
            timings.cold[name] = visit_sheet(context, url, name, first=True)
            timings.cold[name].requests = server.take()
        if twice:
            timings.warm[name] = visit_sheet(context, url, name, first=False)
            timings.warm[name].requests = server.take()
    progress(name)


def progress(what: str) -> None:
    print(f"  measured {what} (load {os.getloadavg()[0]:.1f})", file=sys.stderr)


# ---------------------------------------------------------------- Lighthouse --
def lighthouse_cli() -> Path:
    """Lighthouse's command, installed from npm into build/cache the first time."""
    cli = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    package = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    wanted = LIGHTHOUSE.split("@")[1]
    if cli.exists() and json.loads(package.read_text("utf-8"))["version"] == wanted:
        return cli
    print(f"  installing {LIGHTHOUSE} into {LIGHTHOUSE_DIR}", file=sys.stderr)
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    npm = ["npm", "install", "--exact", "--no-audit", "--no-fund", "--loglevel=error"]
    subprocess.run([*npm, "--prefix", str(LIGHTHOUSE_DIR), LIGHTHOUSE], check=True)
    return cli


@dataclass(frozen=True)
class Finding:
    """An audit a page did not pass; ``counts`` is False when it has no weight in the score."""

    category: str
    ident: str
    title: str
    value: str
    counts: bool


@dataclass
class Audit:
    """What Lighthouse says of one page."""

    scores: dict[str, float | None] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)  # audit id -> numeric value
    failing: list[Finding] = field(default_factory=list)
    #: audits Lighthouse could not run (audit id -> its error), so they say nothing
    errors: dict[str, str] = field(default_factory=dict)
    problem: str = ""


CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "interactive",
    "cumulative-layout-shift",
    "speed-index",
)


def lighthouse(cli: Path, url: str, report: Path) -> Audit:
    """Run Lighthouse with its default (mobile) settings in a fresh Chromium profile."""
    flags = " ".join(["--headless=new", *ARGS])
    command = [str(cli), url, "--output=json", f"--output-path={report}", "--quiet"]
    run = subprocess.run(
        [*command, f"--chrome-flags={flags}"],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0 or not report.exists():
        said = (run.stderr or run.stdout or f"exit status {run.returncode}").strip()
        return Audit(problem=said.splitlines()[-1])
    return read_lighthouse(json.loads(report.read_text("utf-8")))


def read_lighthouse(lhr: dict[str, Any]) -> Audit:
    """Scores, the timing metrics, and every audit that did not pass (score < 0.9).

    Lighthouse itself files an audit under "passed" from 0.9 up; binary
    audits (accessibility, SEO, best practices) score 0 or 1.
    """
    audits = lhr["audits"]
    found = Audit(problem=(lhr.get("runtimeError") or {}).get("message", ""))
    for category in CATEGORIES:
        found.scores[category] = lhr["categories"][category]["score"]
        for ref in lhr["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            if audit.get("score") is not None and audit["score"] < 0.9:
                value, counts = audit.get("displayValue", ""), ref.get("weight", 0) > 0
                found.failing.append(Finding(category, ref["id"], audit["title"], value, counts))
    for ident, audit in audits.items():
        if audit.get("scoreDisplayMode") == "error":
            found.errors[ident] = audit.get("errorMessage", "")
    for metric in METRICS:
        found.metrics[metric] = audits[metric].get("numericValue", float("nan"))
    return found


def lighthouse_pages(site: Site, every_sheet: bool) -> dict[str, str]:
    """Label -> page: home, a chapter page, GARS and CRS (or every worksheet page)."""
    pages = {"home": HOME, "chapter (no worksheet)": site.chapter()}
    names = site.sheets if every_sheet else LIGHTHOUSE_SHEETS
    pages.update({name: site.sheets[name] for name in names if name in site.sheets})
    return pages


def run_lighthouse(site: Site, every_sheet: bool) -> dict[str, tuple[str, Audit]]:
    """Each page in turn, served gzip-compressed as GitHub Pages serves it."""
    cli = lighthouse_cli()
    LIGHTHOUSE_OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, tuple[str, Audit]] = {}
    with serve(OUT, github=True) as server:
        for label, url in lighthouse_pages(site, every_sheet).items():
            report = LIGHTHOUSE_OUT / (url.replace("/", "_").removesuffix(".html") + ".json")
            report.unlink(missing_ok=True)
            results[label] = (url, lighthouse(cli, server.base + url, report))
            progress(f"Lighthouse {url}")
    return results


# ------------------------------------------------------------------ report --
def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f} (1 / 5 / 15 min, {os.cpu_count()} cores)"


def seconds(value: float | None) -> str:
    return f"{value:6.2f} s" if value is not None else "     -  "


def report_forms(site: Site, timings: Timings) -> None:
    print("1. Page open -> form usable, cold (fresh profile): the first control answered,")
    print("   and that answer saved in localStorage (target: saved < 1 s)")
    print(f"   {'worksheet':<22} {'page':<36} {'typed':>8} {'saved':>8}  lost")
    for name, visit in timings.cold.items():
        if name != "stock":
            url = site.sheets[name]
            line = f"{name:<22} {url:<36} {seconds(visit.typed)} {seconds(visit.saved)}"
            print(f"   {line}  {visit.lost}")
    for name, visit in timings.frames.items():
        url = site.frames[name][0]
        print(f"   {name:<22} {url:<36} (iframe: form drawn at {seconds(visit.saved)})")
    saved = sorted(v.saved for n, v in timings.cold.items() if n != "stock" and v.saved)
    if saved:
        under = sum(s < 1 for s in saved)
        print(
            f"   saved, {len(saved)} worksheets: median {statistics.median(saved):.2f} s, "
            f"min {saved[0]:.2f} s, max {saved[-1]:.2f} s; {under} under 1 s"
        )


def report_results(timings: Timings) -> None:
    print("2. Page open -> first result (answers given as a learner gives them; a second")
    print("   visit in the same profile types nothing: the kept answers come back)")
    print(f"   {'':<32} {'cold visit':-^29}   {'second visit':-^19}")
    print(
        f"   {'worksheet':<10} {'result shows':<21} {'answered':>9} {'Py ready':>9} "
        f"{'result':>9}   {'Py ready':>9} {'result':>9}"
    )
    for name, recipe in RECIPES.items():
        cold, warm = timings.cold.get(name), timings.warm.get(name)
        if cold and warm:
            print(
                f"   {name:<10} {recipe.shows!r:<21} {seconds(cold.answered)}  "
                f"{seconds(cold.ready)}  {seconds(cold.result)}    "
                f"{seconds(warm.ready)}  {seconds(warm.result)}"
            )


def report_stock(timings: Timings) -> None:
    ours, stock = timings.cold["gars"], timings.cold["stock"]
    ours_warm, stock_warm = timings.warm["gars"], timings.warm["stock"]
    print("3. Stock jupyterlite-sphinx `replite` page (default options) printing the same")
    print("   T-score, on this site's JupyterLite (local Pyodide, lock, frame stylesheet):")
    sent = f"{stock.sent / MB:.1f} MB sent"
    print(f"   cold: page open -> 'T = 60.0' {seconds(stock.result)}, {sent}")
    print(f"   second visit:                {seconds(stock_warm.result)}")
    cold_ratio = ours.result / stock.result
    warm_ratio = ours_warm.result / stock_warm.result
    print(f"   ratio ours (GARS) / stock: cold {cold_ratio:.2f}, second visit {warm_ratio:.2f}")


#: phases of a cold GARS visit: label, request path part, request start or end
PHASES = (
    ("page HTML received", "/gars.html", "end"),
    ("sheet.js received", "/sheet.js", "end"),
    ("worker script requested", "/python-worker.mjs", "start"),
    ("python-config.json requested", "/python-config.json", "start"),
    ("pyodide.asm.wasm requested", "pyodide.asm.wasm", "start"),
    ("pyodide.asm.wasm received", "pyodide.asm.wasm", "end"),
    ("page-python.zip received", "/page-python.zip", "end"),
)


def gars_phases(visit: Visit) -> list[tuple[float, str]]:
    """(seconds from open, phase) from the server's log and the page's marks."""
    phases = []
    for label, part, edge in PHASES:
        request = next((r for r in visit.requests if part in r.path), None)
        if request:
            phases.append((getattr(request, edge) - visit.opened, label))
    if visit.requests:
        phases.append((max(r.end for r in visit.requests) - visit.opened, "last file received"))
    for label, at in (
        ("first answer saved", visit.saved),
        ("all answers given", visit.answered),
        ("'Python is ready' shown", visit.ready),
        ("T-score 60.0 shown", visit.result),
    ):
        if at is not None:
            phases.append((at, label))
    return sorted(phases)


def report_gars(timings: Timings) -> None:
    cold, warm = timings.cold["gars"], timings.warm["gars"]
    print("4. Phases of a cold GARS visit (seconds from opening the page):")
    for at, label in gars_phases(cold):
        print(f"   {at:6.2f} s  {label}")
    raw = cold.sent
    compressed = sum(
        len(gzipped(r.file)) if r.sent and compressible(r.file) else r.sent for r in cold.requests
    )
    print("5. Bytes sent to a cold GARS visit (target < 15 MB):")
    print(f"   {raw / MB:.1f} MB raw, {compressed / MB:.1f} MB gzip-compressed as GitHub Pages")
    print(f"   sends it ({len(cold.requests)} requests); second visit: {warm.sent / MB:.1f} MB")


def report_lighthouse(results: dict[str, tuple[str, Audit]]) -> None:
    print("6. Lighthouse 12.2.3, mobile defaults, served gzip-compressed (targets: performance")
    print("   >= 0.9, accessibility, best practices and SEO 1.0):")
    names = ("perf", "a11y", "b.p.", "seo")
    head = " ".join(f"{n:>5}" for n in names)
    print(f"   {'page':<24} {head} {'FCP':>6} {'LCP':>6} {'TBT':>7} {'TTI':>6} {'CLS':>5}")
    for label, (_url, audit) in results.items():
        if audit.problem and not audit.scores:
            print(f"   {label:<24} Lighthouse failed: {audit.problem}")
            continue
        scores = " ".join(f"{s:5.2f}" if s is not None else "    -" for s in audit.scores.values())
        m = audit.metrics
        print(
            f"   {label:<24} {scores} {m['first-contentful-paint'] / 1000:5.1f}s "
            f"{m['largest-contentful-paint'] / 1000:5.1f}s {m['total-blocking-time']:5.0f}ms "
            f"{m['interactive'] / 1000:5.1f}s {m['cumulative-layout-shift']:5.2f}"
        )
    print("   audits not passed (score < 0.9; * = no weight in the category score):")
    for label, (url, audit) in results.items():
        print(f"   {label} ({url}){': ' + audit.problem if audit.problem else ''}")
        for f in audit.failing:
            value = f" ({f.value})" if f.value else ""
            print(f"     {' ' if f.counts else '*'}[{f.category}] {f.ident}: {f.title}{value}")
        if audit.errors:
            print(f"      could not run: {', '.join(audit.errors)}")
            print(f"        ({next(iter(audit.errors.values()))})")
    print(f"   full reports: {LIGHTHOUSE_OUT.relative_to(ROOT)}/")


def report(
    site: Site,
    timings: Timings,
    audits: dict[str, tuple[str, Audit]],
    build_seconds: float | None,
    loads: list[tuple[str, str]],
) -> None:
    if build_seconds is not None:
        print(f"site build (sphinx + jupyterlite, + 1 stock page): {build_seconds:.1f} s")
    lite = OUT / "lite" / "static"
    runtime = folder_size(lite / "pyodide") + folder_size(lite / "pyodide-lock")
    print(f"built site on disk {folder_size(OUT) / MB:.1f} MB; Python runtime + wheels ", end="")
    print(f"{runtime / MB:.1f} MB")
    print()
    report_forms(site, timings)
    print()
    report_results(timings)
    print()
    report_stock(timings)
    print()
    report_gars(timings)
    print()
    if audits:
        report_lighthouse(audits)
        print()
    print("7. Machine load (it slows every figure):")
    for when, value in loads:
        print(f"   {when:<28} {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"only {', '.join(QUICK)}")
    parser.add_argument("--no-build", action="store_true", help=f"reuse {OUT}")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument(
        "--lighthouse-all", action="store_true", help="Lighthouse on every worksheet page too"
    )
    options = parser.parse_args()
    began = time.perf_counter()
    loads = [("before", load())]

    build_seconds = None if options.no_build else build_site()
    site = find_site(OUT)
    names = ["gars", *sorted(n for n in (*site.sheets, *site.frames) if n != "gars")]
    if options.quick:
        names = [name for name in names if name in QUICK]
    with serve(OUT, github=False) as server:
        timings = measure(site, server, names)
    loads.append(("after the browser timings", load()))
    audits = {}
    if not options.no_lighthouse:
        audits = run_lighthouse(site, options.lighthouse_all)
        loads.append(("after Lighthouse", load()))
    print()
    report(site, timings, audits, build_seconds, loads)
    print(f"\nthe whole run took {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
