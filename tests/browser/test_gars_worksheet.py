"""The GARS worksheet in a real browser: Python computes in Chromium, offline.

The learner's steps are taken through the form's labels, as a person would;
expected T-scores are worked out here from the formula, not by the package.
"""

import math

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FRAME = "iframe[title='Goal Attainment Rating Scale worksheet']"
#: first start of Pyodide in a fresh profile; generous for a loaded 2-core CI
START_TIMEOUT_MS = 120_000


def open_worksheet(context, site_url):
    page = context.new_page()
    page.goto(f"{site_url}/capacity-building/gars.html")
    frame = page.frame_locator(FRAME)
    frame.locator(".toolkit-worksheet-gars").wait_for(timeout=START_TIMEOUT_MS)
    return page, frame


def rate(goal, baseline: str, follow_up: str) -> None:
    goal.get_by_label("Level at baseline").select_option(label=baseline)
    goal.get_by_label("Level at follow-up").select_option(label=follow_up)


def test_learner_fills_gars_and_sees_t_scores_computed_in_the_browser(browser_context, site_url):
    page, frame = open_worksheet(browser_context, site_url)
    goals = frame.locator(".toolkit-goal")
    first = goals.nth(0)
    first.get_by_label("Goal").fill("Hold a family team meeting within 30 days")
    first.get_by_label("0 Expected level of outcome").fill("6 or 7 of 10 families")
    rate(first, "-1 Somewhat less than expected", "+1 Somewhat more than expected")

    frame.get_by_role("button", name="Add a goal").click()
    second = goals.nth(1)
    second.get_by_label("Goal").fill("Write danger statements with families")
    rate(second, "-2 Much less than expected", "+2 Much more than expected")
    second.get_by_label("Weight (1 = equal)").fill("3")
    second.get_by_label("Weight (1 = equal)").press("Tab")

    # weights 1 and 3, rho 0.3: denominator sqrt(0.7*10 + 0.3*16) = sqrt(11.8)
    baseline = 50 + 10 * (1 * -1 + 3 * -2) / math.sqrt(11.8)
    follow_up = 50 + 10 * (1 * 1 + 3 * 2) / math.sqrt(11.8)
    t_cells = frame.locator(".toolkit-results .toolkit-t")
    expected = [f"{baseline:.1f}", f"{follow_up:.1f}"]
    frame.locator(f".toolkit-results .toolkit-t:text-is('{expected[1]}')").wait_for(timeout=30_000)
    assert t_cells.all_inner_texts() == expected
    assert "Goal 2: +4 levels" in frame.locator(".toolkit-results").inner_text()
    assert "worksheet is ready" in page.locator(".toolkit-worksheet-loading").inner_text()
    assert browser_context.request_log.off_host() == []
    # the recorder does see the worker's requests: the wheel came from this host
    assert any("toolkit_widgets-" in url for url in browser_context.request_log.urls)


def test_bad_weight_gets_a_message_beside_the_field_not_a_traceback(browser_context, site_url):
    _page, frame = open_worksheet(browser_context, site_url)
    goal = frame.locator(".toolkit-goal").nth(0)
    rate(goal, "0 Expected level of outcome", "+1 Somewhat more than expected")
    goal.get_by_label("Weight (1 = equal)").fill("-2")
    goal.get_by_label("Weight (1 = equal)").press("Tab")
    message = goal.locator(".toolkit-error")
    message.wait_for(timeout=30_000)
    assert "weight must be a number greater than 0" in message.inner_text()
    assert "Traceback" not in frame.locator("body").inner_text()
    assert browser_context.request_log.off_host() == []


def test_answers_survive_a_reload(browser_context, site_url):
    page, frame = open_worksheet(browser_context, site_url)
    goal = frame.locator(".toolkit-goal").nth(0)
    goal.get_by_label("Goal").fill("Use scaling questions in every visit")
    goal.get_by_label("+2 Much more than expected").fill("Every visit, and I teach it")
    rate(goal, "-2 Much less than expected", "0 Expected level of outcome")
    frame.locator(".toolkit-results .toolkit-t:text-is('50.0')").wait_for(timeout=30_000)
    frame.locator(".toolkit-saved:has-text('Last saved')").wait_for(timeout=30_000)

    page.reload()
    frame = page.frame_locator(FRAME)
    goal = frame.locator(".toolkit-goal").nth(0)
    frame.locator(".toolkit-results .toolkit-t:text-is('50.0')").wait_for(timeout=START_TIMEOUT_MS)
    assert goal.get_by_label("Goal").input_value() == "Use scaling questions in every visit"
    assert (
        goal.get_by_label("+2 Much more than expected").input_value()
        == "Every visit, and I teach it"
    )
    assert frame.locator(".toolkit-results .toolkit-t").all_inner_texts() == ["30.0", "50.0"]
    assert browser_context.request_log.off_host() == []


def choose_file(page, frame, path) -> None:
    """Pick a file through the Import button, as a learner does in the file dialog."""
    with page.expect_file_chooser() as chooser:
        frame.get_by_role("button", name="Import answers").click()
    chooser.value.set_files(str(path))


def test_export_clear_import_round_trip_in_the_browser(browser_context, site_url, tmp_path):
    page, frame = open_worksheet(browser_context, site_url)
    goal = frame.locator(".toolkit-goal").nth(0)
    goal.get_by_label("Goal").fill("Ask the child's view in every visit")
    goal.get_by_label("Notes (for example, a rating between two levels)").fill("Started low")
    rate(goal, "-1 Somewhat less than expected", "+2 Much more than expected")
    frame.locator(".toolkit-results .toolkit-t:text-is('70.0')").wait_for(timeout=30_000)

    with page.expect_download() as download_info:
        frame.locator("a.toolkit-download", has_text="answers (.json").click()
    exported = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(exported)
    assert exported.name.startswith("gars-answers-")

    frame.get_by_role("button", name="Clear my data").click()
    frame.get_by_role("button", name="Yes, delete my answers").click()
    frame.locator(".toolkit-saved:has-text('deleted from this browser')").wait_for(timeout=30_000)
    assert goal.get_by_label("Goal").input_value() == ""

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "coaching-toolkit-answers", "instrument": "gars"', "utf-8")
    choose_file(page, frame, broken)
    frame.locator(".toolkit-error:has-text('Nothing was imported')").wait_for(timeout=30_000)

    choose_file(page, frame, exported)
    frame.locator(".toolkit-saved:has-text('Imported your answers')").wait_for(timeout=30_000)
    goal = frame.locator(".toolkit-goal").nth(0)
    assert goal.get_by_label("Goal").input_value() == "Ask the child's view in every visit"
    notes = goal.get_by_label("Notes (for example, a rating between two levels)")
    assert notes.input_value() == "Started low"
    assert frame.locator(".toolkit-results .toolkit-t").all_inner_texts() == ["40.0", "70.0"]
    assert browser_context.request_log.off_host() == []


def test_print_shows_the_summary_alone(browser_context, site_url):
    page, frame = open_worksheet(browser_context, site_url)
    goal = frame.locator(".toolkit-goal").nth(0)
    goal.get_by_label("Goal").fill("Plan visits with the family")
    rate(goal, "0 Expected level of outcome", "+1 Somewhat more than expected")
    frame.locator(".toolkit-results .toolkit-t:text-is('60.0')").wait_for(timeout=30_000)
    expect(page.get_by_role("button", name="Print my summary")).to_be_visible()
    summary = frame.locator(".toolkit-summary")
    assert not summary.is_visible()
    page.emulate_media(media="print")
    summary.wait_for(state="visible", timeout=10_000)
    assert "Goal 1: Plan visits with the family" in summary.inner_text()
    hidden = frame.locator(".toolkit-goal").first.evaluate("e => getComputedStyle(e).visibility")
    assert hidden == "hidden"


def test_worksheet_can_be_completed_with_the_keyboard_alone(browser_context, site_url):
    page, frame = open_worksheet(browser_context, site_url)
    frame.locator(".toolkit-goal").nth(0).get_by_label("Goal").focus()  # the first field
    keyboard = page.keyboard
    keyboard.type("Hold family meetings within 30 days")
    for _ in range(6):  # five level descriptions, then the baseline list
        keyboard.press("Tab")
    keyboard.press("ArrowDown")  # Not rated yet -> -2
    keyboard.press("Tab")
    for _ in range(4):  # follow-up: Not rated yet -> -2 -> -1 -> 0 -> +1
        keyboard.press("ArrowDown")
    keyboard.press("Tab")
    frame.locator(".toolkit-results .toolkit-t:text-is('60.0')").wait_for(timeout=30_000)
    assert frame.locator(".toolkit-results .toolkit-t").all_inner_texts() == ["30.0", "60.0"]
    goal = frame.locator(".toolkit-goal").nth(0)
    assert goal.get_by_label("Goal").input_value() == "Hold family meetings within 30 days"
