"""The Python status line beside a worksheet says where Python is, in order.

Every text the line shows is recorded in the page as it changes, so the test
sees the same sequence a learner (or a screen reader, through role=status)
would, without depending on how fast this machine is.
"""

import pytest

from tests.browser.sheets import PYTHON_TIMEOUT_MS, open_sheet, wait_python

pytestmark = pytest.mark.browser

#: records every text of the first Python status line into window.statusTexts
RECORD = """
window.statusTexts = [];
document.addEventListener("DOMContentLoaded", () => {
  const line = document.querySelector("[data-python-status]");
  if (!line) return;
  const keep = () => {
    const text = line.textContent;
    if (window.statusTexts.at(-1) !== text) window.statusTexts.push(text);
  };
  keep();
  new MutationObserver(keep).observe(line, {childList: true, characterData: true, subtree: true});
});
"""


def test_status_goes_from_starting_to_ready(browser_context, site_url, built_site):
    page = browser_context.new_page()
    page.add_init_script(RECORD)
    _page, sheet = open_sheet(browser_context, site_url, built_site, "culture_stage", page=page)
    assert sheet.locator("[data-python-status]").get_attribute("role") == "status"
    wait_python(sheet)
    texts = page.evaluate("window.statusTexts")
    # the page as built says what the line is for (read before or after the deferred
    # page script has taken over), then the line goes from starting to ready, in order
    built = (built_site / "readiness" / "culture-stage.html").read_text("utf-8")
    assert "Results are worked out by Python inside your browser" in built
    steps = [text.split(" ")[2] for text in texts if text.startswith("Python ")]
    assert steps[-1] == "ready:", texts
    assert "starting" in steps, texts
    assert steps.index("starting") < steps.index("ready:"), texts
    assert browser_context.request_log.off_host() == []


def test_status_explains_when_python_cannot_start(browser_context, site_url, built_site):
    # a network that blocks WebAssembly: the Python runtime never arrives, and
    # Pyodide neither fails nor finishes; the page says so after a minute
    browser_context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page = browser_context.new_page()
    page.clock.install()
    _page, sheet = open_sheet(browser_context, site_url, built_site, "culture_stage", page=page)
    status = sheet.locator("[data-python-status]")
    status.filter(has_text="Python is starting").wait_for(timeout=PYTHON_TIMEOUT_MS)
    page.clock.fast_forward("01:05")
    status.filter(has_text="has not started after a minute").wait_for(timeout=10_000)
    assert "WebAssembly" in status.inner_text()
