"""A plain chapter page can start JupyterLite's kernel worker and run Python in it.

``_static/kernel-bridge.mjs`` starts the Pyodide kernel's own worker with the
options ``docs/_ext/kernel_bridge.py`` wrote into ``_static/kernel-config.json``,
with no JupyterLab app. The worker's interface is internal to
jupyterlite-pyodide-kernel, which is why the build pins its version: this test
is what a new version must pass. It runs on the home page, under the page's
own Content-Security-Policy, in a fresh browser profile, and prints the time
from ``startKernel()`` to the first result (no time is asserted). A worker that
cannot load makes ``startKernel()`` reject and report "failed".
"""

from __future__ import annotations

import json

import pytest

from toolkit_widgets import gars
from toolkit_widgets.errors import OutOfRangeError

pytestmark = pytest.mark.browser

LEVELS, WEIGHTS = [1, 0, -1, 2], [1, 2, 1, 1]
#: a kernel that has not answered after this long is broken (it starts in ~6 s)
START_TIMEOUT_MS = 180_000
SHOW_T = (
    "from IPython.display import display\n"
    "from toolkit_widgets import gars\n"
    f'display({{"application/json": {{"t": gars.t_score({LEVELS}, {WEIGHTS})}}}}, raw=True)'
)
#: whether the package's and the standard library's modules came with unchecked-hash
#: .pyc files compiled for this very Python (PEP 552 flags 1: used without the source)
COMPILED = """
import importlib.util, json, zipfile
import toolkit_widgets.web as web
with open(web.__cached__, "rb") as pyc:
    header = pyc.read(8)
stdlib = json.__spec__.loader.archive
display({"application/json": {
    "magic": header[:4] == importlib.util.MAGIC_NUMBER,
    "flags": int.from_bytes(header[4:], "little"),
    "stdlib": "json/__init__.pyc" in zipfile.ZipFile(stdlib).namelist(),
}}, raw=True)
"""
#: records policy violations in the page, before any of its scripts run
LISTEN = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
}, true);
"""
#: imports the bridge, starts the kernel and runs SHOW_T; keeps the kernel on window
START = """
async ([bridge, code, timeout]) => {
  const { startKernel } = await import(bridge);
  const states = [];
  const late = new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`no result after ${timeout} ms: ${states}`)), timeout));
  const t0 = performance.now();
  const kernel = await Promise.race([
    startKernel(undefined, { onStatus: (state) => states.push(state) }), late]);
  const readyMs = performance.now() - t0;
  const data = await Promise.race([kernel.run(code), late]);
  const firstMs = performance.now() - t0;
  window.kernel = kernel;
  return { data, states, readyMs, firstMs };
}
"""
#: how each promise settled, errors with the fields the bridge gives them
SETTLE = """
async (codes) => (await Promise.allSettled(codes.map((code) => window.kernel.run(code))))
  .map(({ status, value, reason }) => status === "fulfilled" ? { value } : {
    error: { name: reason.name, message: reason.message, ename: reason.ename,
             traceback: reason.traceback } })
"""


def test_a_page_runs_python_in_the_kernel_worker(browser_context, site_url, capsys):
    page = browser_context.new_page()
    page.add_init_script(LISTEN)
    page.goto(f"{site_url}/index.html")
    assert "worker-src 'self'" in page.locator(
        "meta[http-equiv='Content-Security-Policy']"
    ).get_attribute("content")

    started = page.evaluate(
        START, [f"{site_url}/_static/kernel-bridge.mjs", SHOW_T, START_TIMEOUT_MS]
    )
    assert started["states"] == ["starting", "ready"]
    assert started["data"]["t"] == pytest.approx(gars.t_score(LEVELS, WEIGHTS), rel=1e-12)

    # an exception rejects with its text; the runs after it still run, in order,
    # each with its own last JSON display (null when it shows none)
    with pytest.raises(OutOfRangeError) as cpython:
        gars.t_score([3])
    settled = page.evaluate(
        SETTLE,
        [
            "from toolkit_widgets import gars\ngars.t_score([3])",
            'display({"application/json": {"n": 1}}, raw=True)\n'
            'display({"text/plain": "not JSON"}, raw=True)\n'
            'display({"application/json": {"n": 2}}, raw=True)',
            "x = 1",
            'display({"application/json": [x, "after"]}, raw=True)',
        ],
    )
    error = settled[0]["error"]
    assert error["name"] == "PythonError"
    assert error["ename"] == "OutOfRangeError"
    assert error["message"] == f"OutOfRangeError: {cpython.value}"
    assert str(cpython.value) in error["traceback"]
    assert "\x1b[" not in error["traceback"]
    # the sources stay beside the compiled bytecode: a traceback quotes them
    assert "gars.t_score([3])" in error["traceback"]
    assert "raise OutOfRangeError" in error["traceback"]
    assert [entry.get("value") for entry in settled[1:]] == [{"n": 2}, None, [1, "after"]]

    # the modules were loaded from bytecode compiled at build time (docs/_ext/kernel_pyc.py)
    compiled = page.evaluate(SETTLE, [COMPILED])[0]["value"]
    assert compiled == {"magic": True, "flags": 1, "stdlib": True}

    assert page.evaluate("window.cspViolations") == []
    assert browser_context.request_log.off_host() == []
    wheels = sorted(
        url.rsplit("/", 1)[1].split("-")[0]
        for url in browser_context.request_log.urls
        if url.endswith(".whl")
    )
    # stand-ins (docs/_ext/offline_lite.py): a start fetches nothing it never imports
    assert "wcwidth" not in wheels
    with capsys.disabled():
        print(
            f"\nkernel bridge, fresh profile: startKernel() -> ready {started['readyMs']:.0f} ms,"
            f" -> first result {started['firstMs']:.0f} ms; wheels fetched: {json.dumps(wheels)}"
        )


def test_a_worker_that_cannot_load_rejects_and_reports_failed(browser_context, site_url):
    browser_context.route("**/comlink.worker.*.js", lambda route: route.abort())
    page = browser_context.new_page()
    page.goto(f"{site_url}/index.html")
    outcome = page.evaluate(
        """async (bridge) => {
          const { startKernel } = await import(bridge);
          const states = [];
          try {
            await startKernel(undefined, { onStatus: (state) => states.push(state) });
            return { states };
          } catch (error) {
            return { states, error: error.message };
          }
        }""",
        f"{site_url}/_static/kernel-bridge.mjs",
    )
    assert outcome["states"] == ["starting", "failed"]
    assert outcome["error"].startswith("The Python worker failed")
