"""The chapter 8 checklists in the page, in a real browser.

Each entry's status is a group of radio buttons named "<entry>: status" and its
action a text box named "<entry>: <action label>" (the earlier view's labels).
The form keeps what is chosen and typed without Python, across a reload at
once; then one scenario with Python: counts and gaps, export, clear, import,
reload, with markup in an action kept as text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.sheets import open_sheet, results_text, wait_python, wait_saved, without_python
from toolkit_widgets.spec import load_checklist

pytestmark = pytest.mark.browser

LISTS = ("learning_environment", "readiness_factors")
MARKUP = "Ask <b>the team</b> & the sponsor"


def entry_labels(name: str) -> tuple[str, str, str]:
    """(first entry's status group, second entry's status group, second's action label)."""
    lst = load_checklist(name)
    first, second = [e for g in lst.groups for e in g.entries][:2]
    return (
        f"{first.label}: status",
        f"{second.label}: status",
        (f"{second.label}: {lst.action_label}"),
    )


def reopened(page, name: str):  # type: ignore[no-untyped-def]
    sheet = page.locator(f'[data-sheet="{name}"]')
    sheet.locator("[data-keep]").wait_for()
    return sheet


@pytest.mark.parametrize("name", LISTS)
def test_statuses_and_actions_are_kept_across_a_reload(browser_context, site_url, built_site, name):
    lst = load_checklist(name)
    good, gap = lst.statuses[0].label, next(s.label for s in lst.statuses if s.id in lst.gaps)
    first, second, action = entry_labels(name)
    without_python(browser_context)
    page, sheet = open_sheet(browser_context, site_url, built_site, name)
    sheet.get_by_role("group", name=first).get_by_label(good, exact=True).check()
    sheet.get_by_role("group", name=second).get_by_label(gap, exact=True).check()
    sheet.get_by_label(action).fill(MARKUP)
    page.reload()  # at once: the page saves on the way out
    sheet = reopened(page, name)
    expect(sheet.get_by_role("group", name=first).get_by_label(good, exact=True)).to_be_checked()
    expect(sheet.get_by_role("group", name=second).get_by_label(gap, exact=True)).to_be_checked()
    expect(sheet.get_by_label(action)).to_have_value(MARKUP)
    assert browser_context.request_log.off_host() == []


def test_checklist_with_python(browser_context, site_url, built_site, tmp_path):
    name = "readiness_factors"
    lst = load_checklist(name)
    first, second, action = entry_labels(name)
    page, sheet = open_sheet(browser_context, site_url, built_site, name)
    sheet.get_by_role("group", name=first).get_by_label("Strength", exact=True).check()
    sheet.get_by_role("group", name=second).get_by_label("Concern", exact=True).check()
    wait_python(sheet)
    text = results_text(sheet, "Gaps to act on (1)")
    assert "1 gap(s) still need an action." in text
    assert f"2 of {len(lst.entry_ids)} answered so far." in text
    sheet.get_by_label(action).fill(MARKUP)
    results = sheet.locator("[data-results]")
    expect(results.locator(".toolkit-gaps")).to_contain_text(MARKUP)  # shown as text
    expect(results.locator(".toolkit-gaps b")).to_have_count(0)
    expect(results).to_contain_text("Added by this site")
    expect(sheet.locator("[data-summary] td", has_text=MARKUP)).to_have_count(1)
    wait_saved(sheet)

    link = sheet.get_by_role("link", name="answers (.json, re-importable)")
    expect(link).to_have_attribute("href", re.compile(r"^blob:"))
    with page.expect_download() as download:  # a blob cannot be fetched under the page's CSP
        link.click()
    exported = Path(download.value.path()).read_text("utf-8")
    envelope = json.loads(exported)
    assert envelope["instrument"] == name
    assert envelope["answers"]["program-needs"] == {"status": "concern", "action": MARKUP}

    sheet.get_by_role("button", name="Clear my data").click()
    sheet.get_by_role("button", name="Yes, delete my answers").click()
    expect(sheet.locator("[data-save-status]")).to_contain_text("deleted")
    expect(sheet.get_by_label(action)).to_have_value("")
    results_text(sheet, "Choose a status for each entry")
    file = tmp_path / f"{name}.json"
    file.write_text(exported, "utf-8")
    sheet.get_by_label("Import answers").set_input_files(str(file))
    expect(sheet.locator("[data-import-message]")).to_contain_text("Imported your answers")
    expect(sheet.get_by_label(action)).to_have_value(MARKUP)
    results_text(sheet, "Gaps to act on (1)")

    page.reload()
    sheet = reopened(page, name)
    expect(
        sheet.get_by_role("group", name=second).get_by_label("Concern", exact=True)
    ).to_be_checked()
    wait_python(sheet)
    results_text(sheet, "Gaps to act on (1)")
    assert browser_context.request_log.off_host() == []
