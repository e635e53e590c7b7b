"""The scaling worksheet in a real browser."""

import pytest

pytestmark = pytest.mark.browser

FRAME = "iframe[title='Scaling question worksheet']"


def test_learner_records_sessions_and_sees_change(browser_context, site_url):
    page = browser_context.new_page()
    page.goto(f"{site_url}/capacity-building/scaling.html")
    frame = page.frame_locator(FRAME)
    frame.locator(".toolkit-form").wait_for(timeout=120_000)
    frame.get_by_label("Question").select_option(label="Ways to use a scale: Gauging motivation")
    frame.get_by_label("Session 1 date").fill("2026-01-12")
    frame.get_by_label("Session 1 rating").select_option(label="2")
    frame.get_by_role("button", name="Add a session").click()
    frame.get_by_label("Session 2 date").fill("2026-02-09")
    frame.get_by_label("Session 2 rating").select_option(label="6")
    results = frame.locator(".toolkit-results")
    results.locator("text=Highest so far").wait_for(timeout=30_000)
    frame.locator(".toolkit-results .toolkit-score:text-is('+4')").first.wait_for(timeout=30_000)
    # latest 6; +4 since the first; +4 since the last; highest 6
    assert results.locator(".toolkit-score").all_inner_texts() == ["6", "+4", "+4", "6"]
    assert (
        "How much are you prepared to do" in frame.locator(".toolkit-question").first.inner_text()
    )
    frame.locator(".toolkit-saved:has-text('Last saved')").wait_for(timeout=30_000)

    page.reload()
    frame = page.frame_locator(FRAME)
    frame.locator(".toolkit-results .toolkit-score").first.wait_for(timeout=120_000)
    assert frame.get_by_label("Session 2 date").input_value() == "2026-02-09"
    assert frame.locator(".toolkit-results .toolkit-score").all_inner_texts() == [
        "6",
        "+4",
        "+4",
        "6",
    ]
    assert browser_context.request_log.off_host() == []
