"""The scaling-question worksheet in its chapter page, in a real browser, offline.

Controls are found by their labels, which carry the session's number as the
earlier worksheet's did ("Session 2 date"). Form behaviour is checked without
waiting for Python; one scenario waits for it and checks the changes worked
out here by hand.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.sheets import open_sheet, results_text, wait_python, wait_saved

pytestmark = pytest.mark.browser

NAME = "scaling"
MOTIVATION = "Ways to use a scale: Gauging motivation"


def record(sheet, number: int, date: str, rating: str, note: str = "") -> None:  # type: ignore[no-untyped-def]
    sheet.get_by_label(f"Session {number} date").fill(date)
    sheet.get_by_label(f"Session {number} rating").select_option(label=rating)
    if note:
        sheet.get_by_label(f"Session {number} note").fill(note)


def test_sessions_are_numbered_kept_and_renumbered(browser_context, site_url, built_site):
    page, sheet = open_sheet(browser_context, site_url, built_site, NAME)
    sheet.get_by_label("Question", exact=True).select_option(label=MOTIVATION)
    record(sheet, 1, "2026-01-12", "2", "First visit")
    expect(sheet.get_by_role("button", name="Remove session 1")).to_be_hidden()  # the only one
    sheet.get_by_role("button", name="Add a session").click()
    expect(sheet.get_by_label("Session 2 date")).to_be_focused()
    record(sheet, 2, "2026-02-09", "6")
    sheet.get_by_role("button", name="Add a session").click()
    record(sheet, 3, "2026-03-09", "7", "After the family meeting")
    wait_saved(sheet)

    page.reload()
    sheet.locator("[data-keep]").wait_for()
    expect(sheet.get_by_label("Question", exact=True)).to_have_value(json.dumps("motivation"))
    expect(sheet.get_by_label("Session 3 note")).to_have_value("After the family meeting")
    expect(sheet.get_by_label("Session 2 date")).to_have_value("2026-02-09")

    # removing session 1 makes session 2 the first, by name as well as by place
    sheet.get_by_role("button", name="Remove session 1").click()
    expect(sheet.get_by_label("Session 3 date")).to_have_count(0)
    expect(sheet.get_by_label("Session 1 date")).to_have_value("2026-02-09")
    expect(sheet.get_by_label("Session 2 note")).to_have_value("After the family meeting")
    expect(sheet.get_by_role("group", name="Session 2", exact=True)).to_be_visible()
    expect(sheet.get_by_role("button", name="Remove session 2")).to_be_visible()
    wait_saved(sheet)
    page.reload()
    sheet.locator("[data-keep]").wait_for()
    expect(sheet.locator("[data-row]")).to_have_count(2)
    expect(sheet.get_by_label("Session 1 rating")).to_have_value("6")
    assert browser_context.request_log.off_host() == []


def test_results_export_clear_import_and_reload_with_python(
    browser_context, site_url, built_site, tmp_path
):
    page, sheet = open_sheet(browser_context, site_url, built_site, NAME)
    sheet.get_by_label("Question", exact=True).select_option(label=MOTIVATION)
    record(sheet, 1, "2026-01-12", "2")
    sheet.get_by_role("button", name="Add a session").click()
    record(sheet, 2, "2026-02-09", "6", "Better after the family meeting")

    wait_python(sheet)
    text = results_text(sheet, "Highest so far", timeout=30_000)
    scores = sheet.locator("[data-results] .toolkit-score")
    # latest 6; +4 since the first; +4 since the last; highest 6
    expect(scores).to_have_text(["6", "+4", "+4", "6"])
    assert "How much are you prepared to do" in text  # the chosen question in full

    # two ratings on one date: the form cannot stop it; the results say why
    sheet.get_by_label("Session 2 date").fill("2026-01-12")
    results_text(sheet, "Two ratings share the date 2026-01-12")
    expect(scores).to_have_count(0)
    sheet.get_by_label("Session 2 date").fill("2026-02-09")
    expect(scores).to_have_text(["6", "+4", "+4", "6"])

    # read as a download: the page's policy (connect-src 'self') keeps fetch() off blob: URLs
    link = sheet.locator('[data-download="json"]')
    expect(link).to_have_attribute("href", re.compile(r"^blob:"), timeout=30_000)
    with page.expect_download() as download:
        link.click()
    exported = Path(download.value.path()).read_text("utf-8")
    answers = json.loads(exported)["answers"]
    assert answers["question"] == "motivation"
    assert answers["sessions"][1] == {
        "date": "2026-02-09",
        "rating": 6,
        "note": "Better after the family meeting",
    }
    saved = tmp_path / "scaling-answers.json"
    saved.write_text(exported, "utf-8")

    sheet.get_by_role("button", name="Clear my data").click()
    sheet.get_by_role("button", name="Yes, delete my answers").click()
    expect(sheet.get_by_role("status").filter(has_text="deleted from this browser")).to_be_visible()
    expect(sheet.get_by_label("Session 1 date")).to_have_value("")
    expect(sheet.get_by_label("Session 2 date")).to_have_count(0)
    expect(scores).to_have_count(0)

    sheet.get_by_label("Import answers").set_input_files(str(saved))
    expect(sheet.get_by_text("Imported your answers from scaling-answers.json")).to_be_visible(
        timeout=30_000
    )
    expect(sheet.get_by_label("Session 2 note")).to_have_value("Better after the family meeting")
    expect(scores).to_have_text(["6", "+4", "+4", "6"], timeout=30_000)

    page.reload()
    sheet.locator("[data-keep]").wait_for()
    expect(sheet.get_by_label("Session 2 date")).to_have_value("2026-02-09")
    wait_python(sheet)
    expect(sheet.locator("[data-results] .toolkit-score")).to_have_text(
        ["6", "+4", "+4", "6"], timeout=30_000
    )
    assert browser_context.request_log.off_host() == []
