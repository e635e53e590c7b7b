"""Every practice form in a real browser, written into its chapter page.

For each form: fill it by its labels (the old view's, which are a contract)
and find the answers still there after a reload, with Python kept from
starting: the form stands on its own. Repeated entries are added, numbered
and removed by the page. One scenario then goes the whole way with Python on
the SMART builder: results, the goal handed to the GARS worksheet, export,
clear, import, reload; and learner markup stays text throughout.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Locator, expect

from tests.browser.sheets import (
    open_sheet,
    results_text,
    wait_python,
    wait_saved,
    without_python,
)

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Answer:
    """One answer typed as a learner would: into the control named ``label``."""

    label: str
    value: str
    #: "text" (a box), "radio" (an option of the group named ``label``),
    #: "select" (an option of the list) or "check" (a tick; value unused)
    kind: str = "text"

    def give(self, sheet: Locator) -> None:
        if self.kind == "radio":
            group = sheet.get_by_role("group", name=self.label, exact=True)
            group.get_by_label(self.value, exact=True).check()
        elif self.kind == "select":
            sheet.get_by_label(self.label, exact=True).select_option(label=self.value)
        elif self.kind == "check":
            sheet.get_by_label(self.label, exact=True).check()
        else:
            sheet.get_by_label(self.label, exact=True).fill(self.value)

    def expect_kept(self, sheet: Locator) -> None:
        if self.kind == "radio":
            group = sheet.get_by_role("group", name=self.label, exact=True)
            expect(group.get_by_label(self.value, exact=True)).to_be_checked()
        elif self.kind == "select":
            box = sheet.get_by_label(self.label, exact=True)
            assert box.evaluate("s => s.options[s.selectedIndex].text") == self.value
        elif self.kind == "check":
            expect(sheet.get_by_label(self.label, exact=True)).to_be_checked()
        else:
            expect(sheet.get_by_label(self.label, exact=True)).to_have_value(self.value)


@dataclass(frozen=True)
class Case:
    name: str
    answers: tuple[Answer, ...]
    #: done before the answers (adding an entry)
    before: Callable[[Locator], None] | None = None


def _add(button: str) -> Callable[[Locator], None]:
    return lambda sheet: sheet.get_by_role("button", name=button, exact=True).click()


CASES = [
    Case(
        "smart",
        (
            Answer("Who takes part?", "Ana"),
            Answer("Target date", "2027-01-31"),
            Answer("It seems worthwhile", "", "check"),
        ),
    ),
    Case(
        "observation_formal",
        (
            Answer("Tone of voice: How often", "Occasionally", "radio"),
            Answer("Tone of voice: Examples I saw", "Calm when the father raised his voice"),
        ),
    ),
    Case("observation_informal", (Answer("Opening: What I saw", "Introduced everyone by name"),)),
    Case("reflection", (Answer("Describe what happened.", "The father left the meeting early"),)),
    Case("feedback_plan", (Answer("Concerns: What I will say", "I wondered about the timing"),)),
    Case(
        "journal",
        (Answer("Entry 1: Learner", "A.M."), Answer("Entry 2: Learner", "B.K.")),
        before=_add("Add an entry"),
    ),
    Case("self_care", (Answer("Has a mentor", "I want to add this", "radio"),)),
    Case("agreement", (Answer("Scheduling sessions: What we agreed", "Every second Tuesday"),)),
    Case(
        "implementation_plan",
        (Answer("Which funding sources are most realistic?", "County training budget"),),
    ),
    Case(
        "pdsa",
        (
            Answer("Cycle 1: Study: how the results compare with the prediction", "Waits fell"),
            Answer("Cycle 1: Act: our decision", "Adapt: change it and test again", "radio"),
        ),
    ),
    Case(
        "logic_model",
        (Answer("Resources (inputs)", "Two coaches"), Answer("Activities", "Monthly sessions")),
    ),
    Case(
        "planner_skills_based",
        (Answer("1. Initial interest: What I plan to do and ask", "Ask what they want"),),
    ),
    Case("planner_clear", (Answer("Contracting: What I plan to do and ask", "Agree the hour"),)),
    Case("planner_flow", (Answer("1. Relationship: What I plan to do and ask", "Listen first"),)),
    Case(
        "planner_regrow",
        (
            Answer("Review: What I plan to do and ask", "Ask what changed since last time"),
            Answer("Session number", "3", "select"),
            Answer("Where the learner places themself now, from 1 to 10", "6", "select"),
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fill_by_label_and_reload_without_python(browser_context, site_url, built_site, case):
    without_python(browser_context)
    page, sheet = open_sheet(browser_context, site_url, built_site, case.name)
    if case.before:
        case.before(sheet)
    for answer in case.answers:
        answer.give(sheet)
    wait_saved(sheet)
    page.reload()
    sheet = page.locator(f'[data-sheet="{case.name}"]')
    sheet.locator("[data-keep]").wait_for()
    for answer in case.answers:
        answer.expect_kept(sheet)
    assert browser_context.request_log.off_host() == []


def test_entries_are_added_numbered_and_removed_by_the_page(browser_context, site_url, built_site):
    without_python(browser_context)
    page, sheet = open_sheet(browser_context, site_url, built_site, "pdsa")
    objective = "Cycle {}: Plan: what this cycle is meant to find out or achieve"
    sheet.get_by_label(objective.format(1), exact=True).fill("First")
    for number, text in ((2, "Second"), (3, "Third")):
        sheet.get_by_role("button", name="Add a cycle").click()
        # the new cycle's first box takes the focus, named for its cycle
        expect(sheet.get_by_label(f"Cycle {number}: Date started", exact=True)).to_be_focused()
        sheet.get_by_label(objective.format(number), exact=True).fill(text)
    sheet.get_by_role("button", name="Remove cycle 2", exact=True).click()
    # the third is now the second, with its own words and its label renumbered
    expect(sheet.get_by_label(objective.format(2), exact=True)).to_have_value("Third")
    expect(sheet.get_by_label(objective.format(3), exact=True)).to_have_count(0)
    expect(sheet.get_by_role("button", name="Remove cycle 2", exact=True)).to_be_visible()
    wait_saved(sheet)
    page.reload()
    sheet = page.locator('[data-sheet="pdsa"]')
    sheet.locator("[data-keep]").wait_for()
    expect(sheet.get_by_label(objective.format(1), exact=True)).to_have_value("First")
    expect(sheet.get_by_label(objective.format(2), exact=True)).to_have_value("Third")
    # one cycle left: it cannot be removed
    sheet.get_by_role("button", name="Remove cycle 2", exact=True).click()
    expect(sheet.get_by_role("button", name="Remove cycle 1", exact=True)).to_be_hidden()


def test_prompts_and_signature_lines_are_on_the_page_before_python(
    browser_context, site_url, built_site
):
    without_python(browser_context)
    _, sheet = open_sheet(browser_context, site_url, built_site, "agreement")
    expect(sheet.locator("form")).to_contain_text("Questions to consider")
    expect(sheet.locator("form")).to_contain_text("Where does the coach's work stop?")
    for role in ("Learner", "Coach", "Supervisor", "For the agency"):
        expect(sheet.locator("form")).to_contain_text(f"{role}: signed ____")


HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'


def _stored(page, name: str) -> dict | None:  # type: ignore[no-untyped-def]
    text = page.evaluate(f"localStorage.getItem('coaching-toolkit/sheet/{name}')")
    return None if text is None else json.loads(text)


def test_smart_with_python_results_hand_off_export_clear_import_reload(
    browser_context, site_url, built_site, tmp_path
):
    """The whole round on the SMART builder, and its goal arriving in the GARS worksheet."""
    page, sheet = open_sheet(browser_context, site_url, built_site, "smart")
    target = (dt.date.today() + dt.timedelta(days=60)).isoformat()
    goal = f"By {target}, Ana will ask each family what matters most (in 4 of 5 meetings)."
    sheet.get_by_label("Who takes part?", exact=True).fill("Ana")
    sheet.get_by_label("What will the learner do that others could see?").fill(
        "ask each family what matters most"
    )
    sheet.get_by_label("How much or how many?").fill("in 4 of 5 meetings")
    sheet.get_by_label("Why does it matter?").fill(HOSTILE)
    sheet.get_by_label("Target date").fill(target)
    sheet.get_by_label("It seems worthwhile").check()
    wait_saved(sheet)
    wait_python(sheet)
    results = results_text(sheet, "T Time limited: met")
    assert "R Result focused: not yet" in results
    assert goal in results
    assert "Added by this site: The checks are ours" in results
    assert "Filled in: 5 of 10 boxes" in results
    assert sheet.locator("[data-results] img, [data-summary] img").count() == 0
    assert page.evaluate("() => window.pwned") is None
    assert HOSTILE in sheet.locator("[data-summary]").text_content()

    # the goal goes to the GARS worksheet's record, through Python
    sheet.get_by_role("button", name="Use this goal in my GARS worksheet").click()
    expect(sheet.locator("[data-handoff-message]")).to_contain_text(
        "Added as goal 1 of your GARS worksheet"
    )
    gars = _stored(page, "gars")
    assert gars["values"]["goals.0.levels.0"] == goal
    assert gars["rows"]["goals"] == 1

    # export: the link holds the file Python wrote
    link = sheet.get_by_role("link", name="answers (.json, re-importable)")
    expect(link).to_have_attribute("download", f"smart-answers-{dt.date.today().isoformat()}.json")
    with page.expect_download() as download:  # (the page's CSP keeps fetch() off blob: URLs)
        link.click()
    exported = Path(download.value.path()).read_text("utf-8")
    envelope = json.loads(exported)
    assert envelope["instrument"] == "smart"
    assert envelope["answers"]["specific"]["why"] == HOSTILE
    file = tmp_path / "smart.json"
    file.write_text(exported, "utf-8")

    # clear, after confirming
    sheet.get_by_role("button", name="Clear my data").click()
    sheet.get_by_role("button", name="Yes, delete my answers").click()
    expect(sheet.locator("[data-save-status]")).to_contain_text("deleted")
    expect(sheet.get_by_label("Who takes part?", exact=True)).to_have_value("")
    assert _stored(page, "smart") is None

    # import the file back
    sheet.get_by_label("Import answers").set_input_files(str(file))
    expect(sheet.locator("[data-import-message]")).to_contain_text("Imported your answers")
    expect(sheet.get_by_label("Who takes part?", exact=True)).to_have_value("Ana")
    expect(sheet.get_by_label("It seems worthwhile")).to_be_checked()
    assert _stored(page, "smart")["sheet_id"] == envelope["sheet_id"]

    page.reload()
    sheet = page.locator('[data-sheet="smart"]')
    wait_python(sheet)
    assert goal in results_text(sheet, "T Time limited: met")
    expect(sheet.get_by_label("Why does it matter?")).to_have_value(HOSTILE)
    assert page.evaluate("() => window.pwned") is None

    # the GARS page shows the goal as goal 1's expected outcome, before its Python
    _, gars_sheet = open_sheet(browser_context, site_url, built_site, "gars", page=page)
    expect(gars_sheet.locator('[name="goals.0.levels.0"]')).to_have_value(goal)
    assert browser_context.request_log.off_host() == []
