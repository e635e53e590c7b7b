"""The trainer's group view in its chapter page, and the reading of older files, in a real browser.

The files are the stored fixture exports (tests/fixtures/exports); the
figures expected here are worked out in tests/unit/test_cohort.py. The view
keeps nothing: after loading files, this browser's storage must hold none of
them, and a reload empties the view.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from axe_runner import describe, run_axe
from playwright.sync_api import expect

from tests.browser.sheets import PYTHON_TIMEOUT_MS, open_sheet, results_text, wait_python

pytestmark = pytest.mark.browser
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exports"
PAGE = "/cqi/cohort.html"
#: what a trainer hands in: good files, a copy of one, two exports of one sheet, bad ones
FILES = [
    "format-1-gars.json",
    "format-1-gars-copy.json",
    "gars-a.json",
    "gars-a-later.json",
    "gars-c.json",
    "crs-b.json",
    "format-1-crs.json",
    "oti-a.json",
    "oti-b.json",
    "bad-damaged.json",
    "bad-newer-version.json",
    "bad-not-json.json",
    "bad-other-worksheet.json",
]
BAD = [name for name in FILES if name.startswith("bad-")]

#: what this browser keeps for the page's origin: web storage and IndexedDB databases,
#: the theme's own keys aside (its light/dark choice, where the sidebar was scrolled)
STORED = """async () => {
    const theirs = ["theme", "mode", "sidebar-scroll-top"];
    return {
        local: Object.keys(localStorage).filter(key => !theirs.includes(key)),
        session: Object.keys(sessionStorage).filter(key => !theirs.includes(key)),
        databases: ((await indexedDB.databases?.()) || []).map(d => d.name),
    };
}"""
NOTHING = {"local": [], "session": [], "databases": []}


def t(levels: list[int]) -> float:
    n = len(levels)
    return 50 + 10 * sum(levels) / math.sqrt(0.7 * n + 0.3 * n * n)


def open_view(context, site_url: str):  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.goto(site_url + PAGE)
    view = page.get_by_role("region", name="Group results worksheet")
    return page, view


def load(view, names: list[str]) -> None:  # type: ignore[no-untyped-def]
    view.get_by_label("Load export files").set_input_files([str(FIXTURES / n) for n in names])


def status(view):  # type: ignore[no-untyped-def]
    return view.get_by_role("status")


def test_the_view_is_ready_to_choose_files_before_python(browser_context, site_url):
    page, view = open_view(browser_context, site_url)
    chooser = view.get_by_label("Load export files")
    expect(chooser).to_be_attached()
    assert chooser.get_attribute("multiple") is not None
    assert ".json" in chooser.get_attribute("accept")
    expect(view.get_by_text("Load export files", exact=True)).to_be_visible()  # its label
    expect(view.get_by_role("button", name="Empty the view")).to_be_visible()
    expect(view).to_contain_text("nothing is kept")
    expect(view.locator("[data-report]")).to_have_text("No files loaded yet.")
    expect(view.get_by_role("link", name="Download the group table (.csv)")).to_be_hidden()
    expect(status(view)).to_contain_text("Python")  # the script took over the no-script note
    assert page.evaluate(STORED) == NOTHING


def test_a_trainer_loads_many_files_and_takes_the_report_away(browser_context, site_url):
    page, view = open_view(browser_context, site_url)
    load(view, FILES)  # chosen while Python may still be starting: the load waits for it
    expect(status(view)).to_have_text(
        "Read 13 file(s): 9 used, 4 not used.", timeout=PYTHON_TIMEOUT_MS
    )
    report = view.locator("[data-report]")
    mean_baseline = (t([-1, -2]) + t([-1, -1, -2]) + t([-1])) / 3
    expect(report.locator("tr", has_text="Baseline").first).to_contain_text(f"{mean_baseline:.1f}")
    expect(report).to_contain_text("2 of 2 learners rated at both times rose")
    expect(report).to_contain_text("Readiness (Coaching Readiness Scale, 2 learners)")
    expect(report).to_contain_text("Copies counted once")
    expect(report).to_contain_text("only gars-a-later.json")
    refused = report.locator(".toolkit-refused li strong")
    expect(refused).to_have_text(BAD)
    expect(report).to_contain_text("made by a newer version of the site")

    link = view.get_by_role("link", name="Download the group table (.csv)")
    expect(link).to_be_visible()
    assert link.get_attribute("download").startswith("group-report-")
    # read as a download: the page's policy (connect-src 'self') keeps fetch() off blob: URLs
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == link.get_attribute("download")
    csv_text = Path(download.value.path()).read_text("utf-8")
    assert "GARS,gars-c.json,T at baseline,40.0" in csv_text
    assert csv_text.count("Refused,") == 4
    expect(view.locator("[data-summary]")).to_contain_text("Group report, ")
    page.evaluate(  # the print dialog itself is the browser's; what is printed is ours
        "() => { window.print = () => { window.printed = document.querySelector("
        "'.tk-printing-summary .tk-print-this [data-summary]')?.innerText; }; }"
    )
    view.get_by_role("button", name="Print the report").click()
    assert page.evaluate("window.printed").startswith("Group report, ")
    assert not describe("cohort report", run_axe(page))
    page.set_viewport_size({"width": 360, "height": 800})  # wide tables scroll in their box
    assert not describe("cohort report at 360 px", run_axe(page))
    page.set_viewport_size({"width": 1280, "height": 800})

    # the same files again (a browser fires no change for an unchanged choice unless reset)
    load(view, ["gars-c.json", "bad-not-json.json"])
    expect(status(view)).to_have_text("Read 2 file(s): 1 used, 1 not used.")
    load(view, ["gars-c.json", "bad-not-json.json"])
    expect(status(view)).to_have_text("Read 2 file(s): 1 used, 1 not used.")
    load(view, ["bad-not-json.json"])  # nothing to count: no table to download
    expect(status(view)).to_have_text("Read 1 file(s): 0 used, 1 not used.")
    expect(link).to_be_hidden()

    assert page.evaluate(STORED) == NOTHING
    view.get_by_role("button", name="Empty the view").click()
    expect(status(view)).to_have_text("The view is empty. Nothing was kept.")
    expect(view.locator("[data-report]")).to_have_text("No files loaded yet.")

    load(view, ["oti-a.json"])
    expect(status(view)).to_have_text("Read 1 file(s): 1 used, 0 not used.")
    page.reload()  # nothing is kept
    expect(view.locator("[data-report]")).to_have_text("No files loaded yet.")
    assert page.evaluate(STORED) == NOTHING
    assert browser_context.request_log.off_host() == []


def test_a_file_from_the_older_site_imports_into_gars(browser_context, site_url, built_site):
    page, sheet = open_sheet(browser_context, site_url, built_site, "gars")
    wait_python(sheet)
    sheet.get_by_label("Import answers").set_input_files(str(FIXTURES / "format-1-gars.json"))
    expect(sheet.locator("[data-import-message]")).to_contain_text("Imported your answers")
    results_text(sheet, "T")
    expect(sheet.locator("[data-results] .toolkit-t")).to_have_text(
        [f"{t([-1, -2]):.1f}", f"{t([1, 0]):.1f}"]
    )
    link = sheet.locator("[data-download='json']")
    expect(link).to_have_attribute("href", re.compile("^blob:"))
    with page.expect_download() as download:
        link.click()
    again = json.loads(Path(download.value.path()).read_text("utf-8"))
    assert again["format_version"] == 2  # written again in the current format
    assert len(again["sheet_id"]) == 16
    assert browser_context.request_log.off_host() == []
