"""A plain chapter page starts its own Python and calls toolkit_widgets.web in it.

``_static/python-bridge.mjs`` starts ``_static/python-worker.mjs`` with the
addresses ``docs/_ext/python_bridge.py`` wrote into
``_static/python-config.json``: Pyodide, started from the page's own zip
(``_static/page-python.zip``). It runs on the home page, under the page's own
Content-Security-Policy, in a fresh browser profile, and prints the time from
``startPython()`` to the first result (no time is asserted). A worker that
cannot load makes ``startPython()`` reject and report "failed".
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from tests.browser.sheets import wait_python
from toolkit_widgets import web

pytestmark = pytest.mark.browser

#: a worker that has not answered after this long is broken (it starts in ~3 s)
START_TIMEOUT_MS = 180_000
STATE = {"values": {"goals.0.title": "Attend every visit"}, "rows": {}, "sheet_id": "abcd1234"}
#: records policy violations in the page, before any of its scripts run
LISTEN = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
}, true);
"""
#: imports the bridge, starts Python and makes one call; keeps the session on window
START = """
async ([bridge, state, timeout]) => {
  const { startPython } = await import(bridge);
  const states = [];
  const late = new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`no result after ${timeout} ms: ${states}`)), timeout));
  const t0 = performance.now();
  const python = await Promise.race([
    startPython(undefined, { onStatus: (state) => states.push(state) }), late]);
  const readyMs = performance.now() - t0;
  const reply = await Promise.race([python.call("compute", "gars", state), late]);
  const firstMs = performance.now() - t0;
  window.python = python;
  return { reply, states, readyMs, firstMs };
}
"""
#: the files the page's Python worker asked for, by name
WORKER_FILES = """() => performance.getEntriesByType("resource")
  .map((entry) => entry.name.split("/").pop())"""
#: how each call settled, errors with the fields the bridge gives them
SETTLE = """
async (calls) => (await Promise.allSettled(
    calls.map(([fn, ...args]) => window.python.call(fn, ...args))))
  .map(({ status, value, reason }) => status === "fulfilled" ? { value } : {
    error: { name: reason.name, message: reason.message, ename: reason.ename,
             evalue: reason.evalue, traceback: reason.traceback } })
"""


def test_a_page_calls_toolkit_widgets_in_its_python_worker(browser_context, site_url, capsys):
    page = browser_context.new_page()
    page.add_init_script(LISTEN)
    page.goto(f"{site_url}/index.html")
    assert "worker-src 'self'" in page.locator(
        "meta[http-equiv='Content-Security-Policy']"
    ).get_attribute("content")

    state = json.dumps(STATE)
    started = page.evaluate(
        START, [f"{site_url}/_static/python-bridge.mjs", state, START_TIMEOUT_MS]
    )
    assert started["states"] == ["starting", "ready"]
    # the same reply Python gives on this machine (the package runs on both)
    assert started["reply"] == json.loads(web.compute("gars", state))

    # calls answer in order; a Python exception (a page call that is given the
    # wrong number of arguments) rejects with its class, text and traceback;
    # a name that is no page call is refused before Python sees it
    settled = page.evaluate(
        SETTLE,
        [
            ["compute"],
            ["read_answers", "gars", "{"],
            ["_load", "{}"],
            ["handoff", "no-such-sheet", "{}", ""],
        ],
    )
    error = settled[0]["error"]
    assert error["name"] == "PythonError"
    assert error["ename"] == "TypeError"
    assert "required positional argument" in error["evalue"]
    assert error["message"] == f"TypeError: {error['evalue']}"
    assert error["traceback"].rstrip().endswith(error["message"])
    assert settled[1]["value"] == json.loads(web.read_answers("gars", "{"))
    assert settled[2]["error"]["message"] == 'toolkit_widgets.web has no page call "_load".'
    assert settled[3]["value"] == {"error": "Nothing was sent: this site has no such worksheet."}

    assert page.evaluate("window.cspViolations") == []
    assert browser_context.request_log.off_host() == []
    # a page's Python starts from its own zip: no wheel, and not the full library
    urls = browser_context.request_log.urls
    assert [url for url in urls if url.endswith(("/page-python.zip", "/pyodide.asm.wasm"))]
    assert [url for url in urls if url.endswith((".whl", "/python_stdlib.zip"))] == []
    with capsys.disabled():
        print(
            f"\npython bridge, fresh profile: startPython() -> ready {started['readyMs']:.0f} ms,"
            f" -> first result {started['firstMs']:.0f} ms"
        )


def test_the_page_loads_bytecode_compiled_for_its_python(browser_context, site_url):
    """The worker's zip holds toolkit_widgets and the standard library it needs as
    the build's unchecked-hash .pyc files, made by the page's own Pyodide."""
    page = browser_context.new_page()
    # a same-origin document without the pages' policy: Pyodide runs here on the
    # main thread, which a chapter page's policy (no 'wasm-unsafe-eval') refuses
    page.goto(f"{site_url}/_static/python-config.json")
    compiled = page.evaluate(
        """async (root) => {
          const config = await (await fetch(`${root}/_static/python-config.json`)).json();
          const { loadPyodide } = await import(`${root}/${config.pyodide}`);
          const pyodide = await loadPyodide({ indexURL: `${root}/${config.indexURL}`,
            stdLibURL: `${root}/${config.stdLibURL}` });
          return JSON.parse(pyodide.runPython(`
import importlib.util, json, zipfile
import toolkit_widgets.web as web
archive = web.__loader__.archive
header = zipfile.ZipFile(archive).read("toolkit_widgets/web.pyc")[:8]
json.dumps({
    "archive": archive,
    "web": web.__file__,
    "json": json.__file__,
    "magic": header[:4] == importlib.util.MAGIC_NUMBER,
    "flags": int.from_bytes(header[4:], "little"),
    "source": web.__loader__.get_source(web.__name__).splitlines()[0],
})`));
        }""",
        site_url,
    )
    zip_path = "/lib/python314.zip"
    assert compiled == {
        "archive": zip_path,
        "web": f"{zip_path}/toolkit_widgets/web.pyc",
        "json": f"{zip_path}/json/__init__.pyc",
        "magic": True,
        "flags": 1,
        # the package's sources are there for its tracebacks
        "source": '"""The bridge between a worksheet page and Python: JSON in, JSON out.',
    }


def test_a_worker_that_cannot_load_rejects_and_reports_failed(browser_context, site_url):
    browser_context.route("**/_static/python-worker.mjs", lambda route: route.abort())
    page = browser_context.new_page()
    page.goto(f"{site_url}/index.html")
    outcome = page.evaluate(
        """async (bridge) => {
          const { startPython } = await import(bridge);
          const states = [];
          try {
            await startPython(undefined, { onStatus: (state) => states.push(state) });
            return { states };
          } catch (error) {
            return { states, error: error.message };
          }
        }""",
        f"{site_url}/_static/python-bridge.mjs",
    )
    assert outcome["states"] == ["starting", "failed"]
    assert outcome["error"].startswith("The Python worker failed")


def test_a_chapter_page_fetches_its_zip_once_and_nothing_of_the_notebooks(browser, site_url):
    """Checked in a context without routing, which would turn the HTTP cache off;
    requests are still recorded, and none may leave the host."""
    context = browser.new_context()
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    try:
        page = context.new_page()
        page.goto(f"{site_url}/capacity-building/gars.html")
        wait_python(page.locator("[data-sheet]").first)
        worker = next(w for w in page.workers if w.url.endswith("/python-worker.mjs"))
        files = worker.evaluate(WORKER_FILES)
    finally:
        context.close()
    assert files.count("page-python.zip") == 1
    assert [name for name in files if name.endswith(".whl") or name == "python_stdlib.zip"] == []
    assert [url for url in seen if not url.startswith(site_url + "/")] == []


def test_an_import_the_zip_lacks_fetches_the_full_library(browser_context, site_url, built_site):
    """The zip served without csv (which toolkit_widgets imports): the worker's
    finder fetches the full standard library once, and the worksheet works."""
    real = built_site / "_static" / "page-python.zip"
    cut = io.BytesIO()
    with zipfile.ZipFile(real) as source, zipfile.ZipFile(cut, "w") as out:
        for info in source.infolist():
            if info.filename != "csv.pyc":
                out.writestr(info, source.read(info))
    assert "csv.pyc" in zipfile.ZipFile(real).namelist()
    assert "csv.pyc" not in zipfile.ZipFile(cut).namelist()
    browser_context.route(
        "**/_static/page-python.zip",
        lambda route: route.fulfill(body=cut.getvalue(), content_type="application/zip"),
    )
    page = browser_context.new_page()
    page.goto(f"{site_url}/index.html")
    started = page.evaluate(
        START, [f"{site_url}/_static/python-bridge.mjs", json.dumps(STATE), START_TIMEOUT_MS]
    )
    assert started["reply"] == json.loads(web.compute("gars", json.dumps(STATE)))
    fulls = [u for u in browser_context.request_log.urls if u.endswith("/python_stdlib.zip")]
    assert len(fulls) == 1


def test_the_configuration_of_an_earlier_site_still_starts_python(
    browser_context, site_url, built_site
):
    """After a site update a browser may hold the earlier python-config.json for
    a few minutes (GitHub Pages: max-age=600): without the page's zip, the worker
    starts from the whole library and installs the package's wheel."""
    config = json.loads((built_site / "_static" / "python-config.json").read_text("utf-8"))
    earlier = {key: config[key] for key in ("pyodide", "indexURL", "lockFileURL", "packages")}
    browser_context.route(
        "**/_static/python-config.json",
        lambda route: route.fulfill(json=earlier),
    )
    page = browser_context.new_page()
    page.goto(f"{site_url}/index.html")
    started = page.evaluate(
        START, [f"{site_url}/_static/python-bridge.mjs", json.dumps(STATE), START_TIMEOUT_MS]
    )
    assert started["reply"] == json.loads(web.compute("gars", json.dumps(STATE)))
    urls = browser_context.request_log.urls
    assert [url for url in urls if url.endswith("/page-python.zip")] == []
    assert [url for url in urls if "/toolkit_widgets-" in url and url.endswith(".whl")]
