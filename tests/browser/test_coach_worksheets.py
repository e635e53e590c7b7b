"""The coach's own assessments and the chapter 8 checklists in a real browser.

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


def test_supervisor_sees_strengths_and_areas_to_develop(browser_context, site_url):
    title = "Supervisory coaching skills self-assessment worksheet"
    page, frame = open_sheet(browser_context, site_url, "/the-coach/supervisory-skills.html", title)
    # statements 1-8 agreed with, 9-12 disagreed with
    pick_each(frame, ["3 Agree"] * 8 + ["2 Disagree"] * 3 + ["1 Strongly disagree"])
    results = frame.locator(".toolkit-results")
    expect(results).to_contain_text("Areas to develop (4)", timeout=30_000)
    expect(results).to_contain_text("Likely strengths (8)")
    assert results.locator(".toolkit-to-develop li").count() == 4
    frame.locator(".toolkit-saved:has-text('Last saved')").wait_for(timeout=30_000)

    page.reload()
    frame = page.frame_locator(f"iframe[title='{title}']")
    expect(frame.locator(".toolkit-results")).to_contain_text(
        "Areas to develop (4)", timeout=START_TIMEOUT_MS
    )
    assert browser_context.request_log.off_host() == []


def test_observer_rates_with_no_opportunity_and_writes_a_plan(browser_context, site_url):
    title = "Coaching Practices Rating Scale worksheet"
    page, frame = open_sheet(browser_context, site_url, "/the-coach/cprs.html", title)
    ratings = ["5 All of the time", "No opportunity", "1 None of the time"] + [
        "4 Most of the time"
    ] * 11
    pick_each(frame, ratings)
    frame.get_by_label("Who is rating").select_option(label="An observer")
    frame.get_by_label("Plan for improvement", exact=False).fill("Model one practice per visit")
    results = frame.locator(".toolkit-results")
    # 13 rated: 5 + 1 + 11*4 = 50 -> 3.85; the "no opportunity" item is not counted
    expect(results.locator(".toolkit-score")).to_have_text("3.85", timeout=30_000)
    expect(results).to_contain_text("Mean of the 13 rated statements")
    expect(results.locator(".toolkit-lowest-items li")).to_have_count(1)
    frame.locator(".toolkit-saved:has-text('Last saved')").wait_for(timeout=30_000)

    page.reload()
    frame = page.frame_locator(f"iframe[title='{title}']")
    expect(frame.locator(".toolkit-results .toolkit-score")).to_have_text(
        "3.85", timeout=START_TIMEOUT_MS
    )
    expect(frame.get_by_label("Plan for improvement", exact=False)).to_have_value(
        "Model one practice per visit"
    )
    assert browser_context.request_log.off_host() == []


def test_job_responsibilities_are_counted_never_averaged(browser_context, site_url):
    title = "Supervisory job responsibilities worksheet"
    _page, frame = open_sheet(
        browser_context, site_url, "/the-coach/job-responsibilities.html", title
    )
    codes = ["1 Most important to me"] * 6 + ["2 Important to me"] * 20
    codes += ["3 Not important to me"] * 3 + ["4 Not applicable or not aware"] * 2
    pick_each(frame, codes)
    frame.get_by_label("Item 5: Obstacles to doing this well").fill("No cover for sick leave")
    results = frame.locator(".toolkit-results")
    expect(results).to_contain_text("No cover for sick leave", timeout=30_000)
    assert results.locator(".toolkit-count").all_inner_texts() == ["6", "20", "3", "2"]
    assert browser_context.request_log.off_host() == []


def test_coaching_skills_profile_starts_with_the_lowest(browser_context, site_url):
    title = "Coaching skills self-assessment worksheet"
    _page, frame = open_sheet(browser_context, site_url, "/the-coach/coaching-skills.html", title)
    pick_each(frame, ["4 Often"] * 13 + ["2 Not very often"])
    results = frame.locator(".toolkit-results")
    expect(results.locator(".toolkit-lowest-items li")).to_have_count(1, timeout=30_000)
    expect(results.locator(".toolkit-lowest-items li")).to_contain_text("14.")
    # (13*4 + 2) / 14 = 3.857...
    expect(results.locator(".toolkit-score")).to_have_text("3.86")
    assert browser_context.request_log.off_host() == []


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
