"""The readiness worksheets in a real browser: fill every item as a learner,
check the results against totals worked out here, reload, and stay offline."""

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "Learning Culture Self-Audit worksheet": "/readiness/lcsa.html",
    "Coaching Readiness Scale worksheet": "/readiness/crs.html",
    "Organizational Trust Inventory worksheet": "/readiness/oti.html",
}
START_TIMEOUT_MS = 120_000


def open_sheet(context, site_url, title):
    page = context.new_page()
    page.goto(f"{site_url}{PAGES[title]}")
    frame = page.frame_locator(f"iframe[title='{title}']")
    frame.locator(".toolkit-form").wait_for(timeout=START_TIMEOUT_MS)
    return page, frame


def answer_all(frame, pick):
    """Choose an answer in every item's list, by the option's visible label."""
    boxes = frame.locator(".toolkit-form select")
    for index in range(boxes.count()):
        boxes.nth(index).select_option(label=pick(index))


CASES = [
    # LCSA: 13 pro items at 4, 13 anti items at 2 -> 52 vs 26
    (
        "Learning Culture Self-Audit worksheet",
        lambda i: "4" if i < 13 else "2",
        ["52", "26"],
        "pro-learning culture, by 26 points",
    ),
    # OTI: 8 supervisor items at 5, 4 organization items at 2 -> 5.00, 2.00, 4.00 overall
    (
        "Organizational Trust Inventory worksheet",
        lambda i: "5 High" if i < 8 else "2 Very Low",
        ["5.00", "2.00", "4.00"],
        "Higher means",
    ),
    # Readiness: everything yes except the last individual and last organizational
    # items (the two asterisked ones) -> 16 counted yes, no cautions
    (
        "Coaching Readiness Scale worksheet",
        lambda i: "No" if i in (12, 17) else "Yes",
        [],
        "Overall (16 yes, 0 no)",
    ),
]


@pytest.mark.parametrize(("title", "pick", "scores", "verdict"), CASES)
def test_learner_fills_the_worksheet_and_it_survives_a_reload(
    browser_context, site_url, title, pick, scores, verdict
):
    page, frame = open_sheet(browser_context, site_url, title)
    answer_all(frame, pick)
    results = frame.locator(".toolkit-results")
    results.locator(f"text={verdict}").wait_for(timeout=30_000)
    assert results.locator(".toolkit-score").all_inner_texts() == scores
    frame.locator(".toolkit-saved:has-text('Last saved')").wait_for(timeout=30_000)

    page.reload()
    frame = page.frame_locator(f"iframe[title='{title}']")
    frame.locator(".toolkit-results").locator(f"text={verdict}").wait_for(timeout=START_TIMEOUT_MS)
    assert frame.locator(".toolkit-results .toolkit-score").all_inner_texts() == scores
    assert browser_context.request_log.off_host() == []
