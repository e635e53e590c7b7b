"""The note above a worksheet tells the learner what Python is doing while it starts.

Every text the note shows is recorded in the page as it changes, so the test
sees the same sequence a learner (or a screen reader, through the live
region) would, without depending on how fast this machine is.
"""

import pytest

pytestmark = pytest.mark.browser

PAGE = "/readiness/culture-stage.html"
FRAME = "iframe[title='Culture-of-coaching stage worksheet']"
START_TIMEOUT_MS = 120_000
#: records every text of every start-up note into window.noteTexts
RECORD_NOTES = """
window.noteTexts = [];
document.addEventListener("DOMContentLoaded", () => {
  const note = document.querySelector(".toolkit-worksheet-loading");
  if (!note) return;
  const keep = () => {
    const text = note.textContent;
    if (window.noteTexts.at(-1) !== text) window.noteTexts.push(text);
  };
  keep();
  new MutationObserver(keep).observe(note, {childList: true, characterData: true, subtree: true});
});
"""


def test_note_shows_start_up_steps_then_ready(browser_context, site_url):
    page = browser_context.new_page()
    page.add_init_script(RECORD_NOTES)
    page.goto(f"{site_url}{PAGE}")
    note = page.locator(".toolkit-worksheet-loading")
    assert note.get_attribute("role") == "status"
    assert note.get_attribute("aria-live") == "polite"

    page.frame_locator(FRAME).locator(".toolkit-form").wait_for(timeout=START_TIMEOUT_MS)
    page.locator(".toolkit-worksheet-ready").wait_for(timeout=10_000)

    texts = page.evaluate("window.noteTexts")
    steps = [text for text in texts if "(step " in text]
    assert steps, texts
    # steps only move forward, and the last text says the form is ready
    numbers = [int(text.split("(step ")[1][0]) for text in steps]
    assert numbers == sorted(numbers), texts
    assert "Starting Python" in " ".join(steps), texts
    assert texts[-1].startswith("The worksheet is ready"), texts
    assert browser_context.request_log.off_host() == []


def test_note_explains_when_python_cannot_start(browser_context, site_url):
    # a network that blocks WebAssembly: the Python runtime never arrives
    browser_context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page = browser_context.new_page()
    page.goto(f"{site_url}{PAGE}")
    note = page.locator(".toolkit-worksheet-loading")
    # the note waits a minute before it calls the start slow
    note.filter(has_text="has not started after a minute").wait_for(timeout=120_000)
    assert "WebAssembly" in note.inner_text()
    assert page.locator(".toolkit-worksheet-ready").count() == 0
