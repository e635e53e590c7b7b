"""The trainer's group view and the reading of older files, in a real browser.

The files are the stored fixture exports (tests/fixtures/exports); the
figures expected here are worked out in tests/unit/test_cohort.py.
"""

import json
import math
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exports"
START_MS = 120_000


def t(levels):
    n = len(levels)
    return 50 + 10 * sum(levels) / math.sqrt(0.7 * n + 0.3 * n * n)


def test_a_trainer_loads_many_files_and_sees_the_group(browser_context, site_url):
    page = browser_context.new_page()
    page.goto(f"{site_url}/cqi/cohort.html")
    frame = page.frame_locator("iframe[title='Group results worksheet']")
    frame.locator(".toolkit-form").wait_for(timeout=START_MS)
    # the note above the frame promises what this view does: it keeps nothing
    expect(page.locator(".toolkit-worksheet-loading")).to_have_text(
        "The worksheet is ready. Files you load are read in this browser only, and nothing is kept."
    )
    button = frame.get_by_role("button", name="Load export files")
    assert button.evaluate("b => b.scrollWidth <= b.clientWidth"), "the label is cut short"
    files = sorted(FIXTURES.glob("*.json"))
    with page.expect_file_chooser() as chooser:
        frame.get_by_role("button", name="Load export files").click()
    chooser.value.set_files([str(f) for f in files])
    results = frame.locator(".toolkit-results")
    expect(results).to_contain_text("Goal attainment (GARS T-scores)", timeout=30_000)
    mean_baseline = (t([-1, -2]) + t([-1, -1, -2]) + t([-1])) / 3
    baseline_row = results.locator("tr", has_text="Baseline").first
    expect(baseline_row).to_contain_text(f"{mean_baseline:.1f}")
    expect(results).to_contain_text("2 of 2 learners rated at both times rose")
    expect(results).to_contain_text("Files not used (4)")
    expect(results).to_contain_text("Copies counted once")
    expect(frame.locator(".toolkit-form")).to_contain_text(
        f"Read {len(files)} file(s): {len(files) - 4} used, 4 not used."
    )
    with page.expect_download() as download:
        frame.locator("a.toolkit-download", has_text="table (.csv)").click()
    csv_text = Path(download.value.path()).read_text("utf-8")
    assert "GARS,gars-c.json,T at baseline,40.0" in csv_text

    page.reload()  # nothing is kept
    frame = page.frame_locator("iframe[title='Group results worksheet']")
    frame.locator(".toolkit-form").wait_for(timeout=START_MS)
    expect(frame.locator(".toolkit-results")).to_have_text("No files loaded yet.")
    assert browser_context.request_log.off_host() == []


def test_a_file_from_the_older_site_imports_into_gars(browser_context, site_url):
    page = browser_context.new_page()
    page.goto(f"{site_url}/capacity-building/gars.html")
    frame = page.frame_locator("iframe[title='Goal Attainment Rating Scale worksheet']")
    frame.locator(".toolkit-form").wait_for(timeout=START_MS)
    with page.expect_file_chooser() as chooser:
        frame.get_by_role("button", name="Import answers").click()
    chooser.value.set_files(str(FIXTURES / "format-1-gars.json"))
    frame.locator(".toolkit-saved:has-text('Imported your answers')").wait_for(timeout=30_000)
    shown = frame.locator(".toolkit-results .toolkit-t").all_inner_texts()
    assert shown == [f"{t([-1, -2]):.1f}", f"{t([1, 0]):.1f}"]
    with page.expect_download() as download:
        frame.locator("a.toolkit-download", has_text="answers (.json").click()
    again = json.loads(Path(download.value.path()).read_text("utf-8"))
    assert again["format_version"] == 2  # written again in the current format
    assert len(again["sheet_id"]) == 16
    assert browser_context.request_log.off_host() == []
