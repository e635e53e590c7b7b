"""The chapter 8 checklists in a real browser.

The coach's own assessments are checked in tests/unit/test_sheet_questionnaire.py.

A learner fills each form by its labels; the results Python computes in the
page are checked against figures worked out here; answers survive a reload;
nothing leaves the host. Export, import, clear and print are covered for
every worksheet in test_keep_answers.
"""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
START_TIMEOUT_MS = 120_000


def open_sheet(context, site_url, path, title):
    page = context.new_page()
    page.goto(f"{site_url}{path}")
    frame = page.frame_locator(f"iframe[title='{title}']")
    frame.locator(".toolkit-form").wait_for(timeout=START_TIMEOUT_MS)
    return page, frame


def pick_each(frame, labels):
    boxes = frame.locator(".toolkit-form select")
    for index, label in enumerate(labels):
        boxes.nth(index).select_option(label=label)


@pytest.mark.parametrize(
    ("path", "title", "good", "gap"),
    [
        (
            "/readiness/learning-environment.html",
            "Learning environment checklist worksheet",
            "Present",
            "Absent",
        ),
        (
            "/readiness/readiness-factors.html",
            "Organizational readiness factors checklist worksheet",
            "Strength",
            "Concern",
        ),
    ],
)
def test_checklist_counts_and_lists_the_gaps(browser_context, site_url, path, title, good, gap):
    _page, frame = open_sheet(browser_context, site_url, path, title)
    boxes = frame.locator(".toolkit-form select")
    boxes.nth(0).select_option(label=good)
    boxes.nth(1).select_option(label=gap)
    actions = frame.locator(".toolkit-form input[type=text]")
    actions.nth(1).fill("Talk it through at the next team meeting")
    actions.nth(1).press("Tab")
    results = frame.locator(".toolkit-results")
    expect(results).to_contain_text("Gaps to act on (1)", timeout=30_000)
    expect(results.locator(".toolkit-gaps")).to_contain_text("Talk it through")
    expect(results).to_contain_text("2 of")
    assert browser_context.request_log.off_host() == []
