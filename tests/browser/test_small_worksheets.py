"""The culture-stage and ROI worksheets in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def open_frame(context, site_url, path, title):
    page = context.new_page()
    page.goto(f"{site_url}{path}")
    frame = page.frame_locator(f"iframe[title='{title}']")
    frame.locator(".toolkit-form").wait_for(timeout=120_000)
    return frame


def test_culture_stage_worksheet(browser_context, site_url):
    frame = open_frame(
        browser_context,
        site_url,
        "/readiness/culture-stage.html",
        "Culture-of-coaching stage worksheet",
    )
    boxes = frame.locator(".toolkit-form input[type=checkbox]")
    boxes.nth(0).press("Space")  # the first nascent statement, ticked from the keyboard
    frame.locator(".toolkit-results .toolkit-verdict:has-text('Best fit: Nascent')").wait_for(
        timeout=30_000
    )
    assert browser_context.request_log.off_host() == []


def test_roi_worksheet(browser_context, site_url):
    frame = open_frame(
        browser_context, site_url, "/value-of-coaching/roi.html", "Return on investment worksheet"
    )
    frame.get_by_label("Benefits", exact=False).fill("30000")
    frame.get_by_label("Costs of the coaching", exact=False).fill("12000")
    frame.get_by_label("Costs of the coaching", exact=False).press("Tab")
    # (30000 - 12000) / 12000 = 150%
    frame.locator(".toolkit-results .toolkit-score:text-is('150.0%')").wait_for(timeout=30_000)
    assert browser_context.request_log.off_host() == []
