"""The GARS worksheet in its chapter page, in a real browser, offline.

The form is part of the page: the learner's steps are taken through the
controls' labels, as a person (or a screen reader) finds them. Form
behaviour is checked without waiting for Python; one scenario waits for it
and checks T-scores worked out here from the formula, not by the package.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.sheets import open_sheet, results_text, wait_python, wait_saved

pytestmark = pytest.mark.browser

NAME = "gars"


def goal(sheet, number: int):  # type: ignore[no-untyped-def]
    """Goal ``number`` (from 1), found by its legend as a learner sees it."""
    return sheet.get_by_role("group", name=f"Goal {number}", exact=True)


def rate(row, baseline: str, follow_up: str) -> None:  # type: ignore[no-untyped-def]
    row.get_by_role("group", name="Level at baseline").get_by_label(baseline, exact=True).check()
    row.get_by_role("group", name="Level at follow-up").get_by_label(follow_up, exact=True).check()


def level_text(row, name: str):  # type: ignore[no-untyped-def]
    return row.get_by_role("textbox", name=name, exact=True)


def test_goals_are_kept_as_typed_and_survive_a_reload(browser_context, site_url, built_site):
    page, sheet = open_sheet(browser_context, site_url, built_site, NAME)
    first = goal(sheet, 1)
    first.get_by_label("Goal", exact=True).fill("Hold a family team meeting within 30 days")
    level_text(first, "0 Expected level of outcome").fill("6 or 7 of 10 families")
    rate(first, "-1 Somewhat less than expected", "+1 Somewhat more than expected")
    expect(first.get_by_role("button", name="Remove this goal")).to_be_hidden()  # the only one

    sheet.get_by_role("button", name="Add a goal").click()
    second = goal(sheet, 2)
    expect(second.get_by_label("Goal", exact=True)).to_be_focused()
    second.get_by_label("Goal", exact=True).fill("Write danger statements with families")
    second.get_by_label("Weight (1 = equal)").fill("3")
    rate(second, "-2 Much less than expected", "+2 Much more than expected")
    sheet.get_by_label("Correlation between goals (ρ)").fill("0.5")
    wait_saved(sheet)

    page.reload()
    sheet.locator("[data-keep]").wait_for()
    first, second = goal(sheet, 1), goal(sheet, 2)
    expect(first.get_by_label("Goal", exact=True)).to_have_value(
        "Hold a family team meeting within 30 days"
    )
    expect(level_text(first, "0 Expected level of outcome")).to_have_value("6 or 7 of 10 families")
    expect(
        second.get_by_role("group", name="Level at follow-up").get_by_label(
            "+2 Much more than expected", exact=True
        )
    ).to_be_checked()
    expect(second.get_by_label("Weight (1 = equal)")).to_have_value("3")
    expect(sheet.get_by_label("Correlation between goals (ρ)")).to_have_value("0.5")

    # removing goal 1 renumbers goal 2, and it keeps its answers
    first.get_by_role("button", name="Remove this goal").click()
    expect(goal(sheet, 2)).to_have_count(0)
    expect(goal(sheet, 1).get_by_label("Goal", exact=True)).to_have_value(
        "Write danger statements with families"
    )
    expect(goal(sheet, 1).get_by_label("Weight (1 = equal)")).to_have_value("3")
    wait_saved(sheet)
    page.reload()
    sheet.locator("[data-keep]").wait_for()
    expect(sheet.locator("[data-row]")).to_have_count(1)
    expect(goal(sheet, 1).get_by_label("Goal", exact=True)).to_have_value(
        "Write danger statements with families"
    )
    assert browser_context.request_log.off_host() == []


def test_a_goal_can_be_written_and_rated_with_the_keyboard_alone(
    browser_context, site_url, built_site
):
    page, sheet = open_sheet(browser_context, site_url, built_site, NAME)
    first = goal(sheet, 1)
    first.get_by_label("Goal", exact=True).focus()
    keyboard = page.keyboard
    keyboard.type("Hold family meetings within 30 days")
    for _ in range(5):  # the five level descriptions
        keyboard.press("Tab")
        keyboard.type("level text")
    keyboard.press("Tab")  # baseline: "Not rated yet" is the checked radio
    keyboard.press("ArrowRight")  # -> -2
    keyboard.press("Tab")  # follow-up
    for _ in range(4):  # -> -2 -> -1 -> 0 -> +1
        keyboard.press("ArrowRight")
    keyboard.press("Tab")
    expect(first.get_by_label("Weight (1 = equal)")).to_be_focused()
    baseline = first.get_by_role("group", name="Level at baseline")
    follow_up = first.get_by_role("group", name="Level at follow-up")
    expect(baseline.get_by_label("-2 Much less than expected", exact=True)).to_be_checked()
    expect(follow_up.get_by_label("+1 Somewhat more than expected", exact=True)).to_be_checked()
    expect(level_text(first, "-2 Much less than expected")).to_have_value("level text")


def _download_text(page, sheet) -> str:  # type: ignore[no-untyped-def]
    """The JSON export, as the learner downloads it from the link.

    Read as a download: the page's policy (connect-src 'self') keeps fetch()
    off blob: URLs.
    """
    link = sheet.locator('[data-download="json"]')
    expect(link).to_have_attribute("href", re.compile(r"^blob:"), timeout=30_000)
    with page.expect_download() as download:
        link.click()
    return Path(download.value.path()).read_text("utf-8")


def test_results_export_clear_import_and_reload_with_python(
    browser_context, site_url, built_site, tmp_path
):
    page, sheet = open_sheet(browser_context, site_url, built_site, NAME)
    first = goal(sheet, 1)
    first.get_by_label("Goal", exact=True).fill("Ask the child's view in every visit")
    first.get_by_label("Notes (for example, a rating between two levels)").fill("Started low")
    rate(first, "-1 Somewhat less than expected", "+1 Somewhat more than expected")
    sheet.get_by_role("button", name="Add a goal").click()
    second = goal(sheet, 2)
    second.get_by_label("Goal", exact=True).fill("Write danger statements with families")
    second.get_by_label("Weight (1 = equal)").fill("3")
    rate(second, "-2 Much less than expected", "+2 Much more than expected")

    wait_python(sheet)
    # weights 1 and 3, rho 0.3: denominator sqrt(0.7*10 + 0.3*16) = sqrt(11.8)
    baseline = f"{50 + 10 * (1 * -1 + 3 * -2) / math.sqrt(11.8):.1f}"
    follow_up = f"{50 + 10 * (1 * 1 + 3 * 2) / math.sqrt(11.8):.1f}"
    text = results_text(sheet, "Goal 2: +4 levels", timeout=30_000)
    t_cells = sheet.locator("[data-results] .toolkit-t")
    expect(t_cells).to_have_text([baseline, follow_up])
    assert "Goal 1: +2 levels" in text
    assert "Finalizing checklist" in text

    # a weight of 0 gets past the form; the scorer's message is shown in the results
    second.get_by_label("Weight (1 = equal)").fill("0")
    results_text(sheet, "Goal 2: the weight must be a number greater than 0")
    expect(t_cells).to_have_count(0)
    second.get_by_label("Weight (1 = equal)").fill("3")
    expect(t_cells).to_have_text([baseline, follow_up])

    exported = _download_text(page, sheet)
    answers = json.loads(exported)["answers"]
    assert answers["goals"][1]["weight"] == 3.0
    assert answers["goals"][0]["note"] == "Started low"
    saved = tmp_path / "gars-answers.json"
    saved.write_text(exported, "utf-8")

    sheet.get_by_role("button", name="Clear my data").click()
    sheet.get_by_role("button", name="Yes, delete my answers").click()
    expect(sheet.get_by_role("status").filter(has_text="deleted from this browser")).to_be_visible()
    expect(goal(sheet, 1).get_by_label("Goal", exact=True)).to_have_value("")
    expect(sheet.locator("[data-row]")).to_have_count(1)
    expect(t_cells).to_have_count(0)

    sheet.get_by_label("Import answers").set_input_files(str(saved))
    expect(sheet.get_by_text("Imported your answers from gars-answers.json")).to_be_visible(
        timeout=30_000
    )
    expect(goal(sheet, 2).get_by_label("Goal", exact=True)).to_have_value(
        "Write danger statements with families"
    )
    expect(t_cells).to_have_text([baseline, follow_up], timeout=30_000)

    page.reload()
    sheet.locator("[data-keep]").wait_for()
    expect(
        goal(sheet, 1).get_by_label("Notes (for example, a rating between two levels)")
    ).to_have_value("Started low")
    wait_python(sheet)
    expect(sheet.locator("[data-results] .toolkit-t")).to_have_text(
        [baseline, follow_up], timeout=30_000
    )
    assert browser_context.request_log.off_host() == []
