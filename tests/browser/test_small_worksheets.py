"""The culture-stage and ROI worksheets in the page, in a real browser.

The form keeps what the learner types without Python (filled by label, kept
across a reload at once); then one scenario per worksheet with Python: results,
export, clear, import, reload. The ROI test reloads within half a second of
typing: the earlier calculator lost a figure reloaded that quickly (it came
back as 0).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.sheets import open_sheet, results_text, wait_python, wait_saved, without_python
from toolkit_widgets import culture_stage, roi_sheet

pytestmark = pytest.mark.browser

BENEFITS = roi_sheet.AMOUNTS["benefits"]
COSTS = roi_sheet.AMOUNTS["costs"]
STATEMENTS = culture_stage.indicator_ids()
#: remembers (for this tab) when the learner last typed, across reloads
LAST_INPUT = """
document.addEventListener("input", () => {
  sessionStorage.setItem("tk-test-last-input", String(Date.now()));
}, true);
"""
#: milliseconds from that last input to the start of the page now shown
SINCE_LAST_INPUT = "performance.timeOrigin - Number(sessionStorage.getItem('tk-test-last-input'))"


def reopened(page, name: str):  # type: ignore[no-untyped-def]
    sheet = page.locator(f'[data-sheet="{name}"]')
    sheet.locator("[data-keep]").wait_for()
    return sheet


def exported_json(page, sheet) -> str:  # type: ignore[no-untyped-def]
    """The JSON file behind the export link, as the browser saves it.

    (Downloaded, not fetched: the page's Content-Security-Policy lets no script
    fetch a ``blob:`` address.)
    """
    link = sheet.get_by_role("link", name="answers (.json, re-importable)")
    expect(link).to_have_attribute("href", re.compile(r"^blob:"))
    with page.expect_download() as download:
        link.click()
    return Path(download.value.path()).read_text("utf-8")


def clear_and_import(page, sheet, text: str, tmp_path, name: str) -> None:  # type: ignore[no-untyped-def]
    sheet.get_by_role("button", name="Clear my data").click()
    sheet.get_by_role("button", name="Yes, delete my answers").click()
    expect(sheet.locator("[data-save-status]")).to_contain_text("deleted")
    assert page.evaluate(f"localStorage.getItem('coaching-toolkit/sheet/{name}')") is None
    file = tmp_path / f"{name}.json"
    file.write_text(text, "utf-8")
    sheet.get_by_label("Import answers").set_input_files(str(file))
    expect(sheet.locator("[data-import-message]")).to_contain_text("Imported your answers")


def test_roi_figures_typed_and_reloaded_within_half_a_second_are_kept(
    browser_context, site_url, built_site
):
    without_python(browser_context)
    page, sheet = open_sheet(browser_context, site_url, built_site, "roi")
    page.add_init_script(LAST_INPUT)
    page.reload()
    sheet = reopened(page, "roi")
    sheet.get_by_label(COSTS).fill("12000")
    sheet.get_by_label(BENEFITS).press_sequentially("30000")  # key by key, as typed
    page.reload()
    sheet = reopened(page, "roi")
    # the new page began less than half a second after the last key (the save waits 250 ms)
    assert page.evaluate(SINCE_LAST_INPUT) < 500
    expect(sheet.get_by_label(BENEFITS)).to_have_value("30000")
    expect(sheet.get_by_label(COSTS)).to_have_value("12000")

    # what cannot be a figure is kept as typed too, for Python to explain
    sheet.get_by_label(BENEFITS).fill("1e400")
    page.reload()
    sheet = reopened(page, "roi")
    expect(sheet.get_by_label(BENEFITS)).to_have_value("1e400")
    assert browser_context.request_log.off_host() == []


def test_culture_stage_ticks_are_kept_across_a_reload(browser_context, site_url, built_site):
    without_python(browser_context)
    page, sheet = open_sheet(browser_context, site_url, built_site, "culture_stage")
    sheet.get_by_label(STATEMENTS["strategic-1"]).check()
    sheet.get_by_label(STATEMENTS["nascent-2"]).press("Space")  # from the keyboard
    page.reload()
    sheet = reopened(page, "culture_stage")
    expect(sheet.get_by_label(STATEMENTS["strategic-1"])).to_be_checked()
    expect(sheet.get_by_label(STATEMENTS["nascent-2"])).to_be_checked()
    expect(sheet.get_by_label(STATEMENTS["strategic-2"])).not_to_be_checked()
    expect(sheet.get_by_role("group", name="Strategic")).to_be_visible()
    assert browser_context.request_log.off_host() == []


def test_roi_with_python(browser_context, site_url, built_site, tmp_path):
    page, sheet = open_sheet(browser_context, site_url, built_site, "roi")
    sheet.get_by_label(BENEFITS).fill("30000")
    sheet.get_by_label(COSTS).fill("1e400")
    wait_python(sheet)
    message = sheet.locator('[data-message-for="costs"]')
    expect(message).to_contain_text("not a usable number")
    expect(message).to_contain_text("from 0 to 1,000,000,000,000")
    expect(sheet.get_by_label(COSTS)).to_have_attribute("aria-invalid", "")
    results_text(sheet, "Enter the costs")
    sheet.get_by_label(COSTS).fill("-5")
    expect(message).to_contain_text("Use a number from 0 to")
    sheet.get_by_label(COSTS).fill("12000")
    expect(message).to_have_text("")
    # (30000 - 12000) / 12000 = 150 %
    text = results_text(sheet, "150.0%")
    assert "18,000.00" in text
    assert "2.50" in text
    wait_saved(sheet)

    exported = exported_json(page, sheet)
    envelope = json.loads(exported)
    assert envelope["instrument"] == "roi"
    assert envelope["answers"] == {"benefits": 30000.0, "costs": 12000.0}
    clear_and_import(page, sheet, exported, tmp_path, "roi")
    expect(sheet.get_by_label(BENEFITS)).to_have_value("30000")
    results_text(sheet, "150.0%")

    page.reload()
    sheet = reopened(page, "roi")
    expect(sheet.get_by_label(COSTS)).to_have_value("12000")
    wait_python(sheet)
    results_text(sheet, "150.0%")
    assert browser_context.request_log.off_host() == []


def test_culture_stage_with_python(browser_context, site_url, built_site, tmp_path):
    page, sheet = open_sheet(browser_context, site_url, built_site, "culture_stage")
    for key in ("tactical-1", "strategic-1", "strategic-2"):
        sheet.get_by_label(STATEMENTS[key]).check()
    wait_python(sheet)
    text = results_text(sheet, "Best fit: Strategic")
    assert "Steps toward the Embedded stage" in text
    assert "Added by this site" in text
    wait_saved(sheet)

    exported = exported_json(page, sheet)
    assert json.loads(exported)["answers"] == {
        "ticked": ["tactical-1", "strategic-1", "strategic-2"]
    }
    clear_and_import(page, sheet, exported, tmp_path, "culture_stage")
    expect(sheet.get_by_label(STATEMENTS["strategic-2"])).to_be_checked()
    results_text(sheet, "Best fit: Strategic")

    page.reload()
    sheet = reopened(page, "culture_stage")
    wait_python(sheet)
    results_text(sheet, "Best fit: Strategic")
    assert browser_context.request_log.off_host() == []
