"""The coach's own assessments and the chapter 8 checklists as worksheets, driven headless."""

import asyncio
import json
import re

import pytest

from toolkit_widgets.constants import NOT_APPLICABLE
from toolkit_widgets.storage import MemoryStore
from toolkit_widgets.views.checklist import ChecklistWorksheet
from toolkit_widgets.views.questionnaire import QuestionnaireWorksheet

HOSTILE = '<img src=x onerror="alert(1)">'


def sheet_for(instrument_id, store=None):
    kind = (
        ChecklistWorksheet
        if instrument_id in {"learning_environment", "readiness_factors"}
        else (QuestionnaireWorksheet)
    )
    sheet = kind(instrument_id, store or MemoryStore())
    asyncio.run(sheet.restore())
    return sheet


def test_supervisory_skills_gives_two_lists_and_no_total():
    sheet = sheet_for("supervisory_skills")
    for number, box in enumerate(sheet.inputs.values(), start=1):
        box.value = 4 if number <= 9 else 2
    text = sheet.results.value
    assert "Likely strengths (9)" in text
    assert "Areas to develop (3)" in text
    assert "toolkit-score" not in text


def test_cprs_sets_no_opportunity_apart_and_keeps_the_plan():
    store = MemoryStore()
    sheet = sheet_for("cprs", store)
    values = [5, 4, 2, NOT_APPLICABLE, 2, *([3] * 9)]
    for box, value in zip(sheet.inputs.values(), values, strict=True):
        box.value = value
    sheet.fields["plan"].value = "Ask before telling. " + HOSTILE
    sheet.fields["rater"].value = sheet.fields["rater"].options[2][1]
    text = sheet.results.value
    # 13 rated: 5 + 4 + 2 + 2 + 9*3 = 40 -> 3.08
    assert "Mean of the 13 rated statements" in text
    assert ">3.08<" in text
    assert "Start with the lowest (2)" in text
    assert "No opportunity” (1)" in text
    assert HOSTILE not in sheet.summary.value
    assert "Ask before telling. &lt;img" in sheet.summary.value
    again = sheet_for("cprs", store)
    assert again.answers() == sheet.answers()
    assert json.loads(store.saved["cprs"])["answers"]["ratings"]["cp-04"] == NOT_APPLICABLE


def test_job_responsibilities_are_counted_with_their_notes():
    sheet = sheet_for("job_responsibilities")
    codes = [1] * 10 + [2] * 12 + [3] * 5 + [4] * 4
    for box, code in zip(sheet.inputs.values(), codes, strict=True):
        box.value = code
    sheet.notes["jr-05"]["obstacles"].value = "Caseloads above 20"
    text = sheet.results.value
    counts = [int(n) for n in re.findall(r"toolkit-count'>(\d+)<", text)]
    assert counts == [10, 12, 5, 4]
    assert "Caseloads above 20" in text
    assert "mean" not in text.lower()


def test_coaching_skills_profile_points_to_the_lowest():
    sheet = sheet_for("coaching_skills")
    for number, box in enumerate(sheet.inputs.values(), start=1):
        box.value = 1 if number == 7 else 4
    assert "Start with the lowest (1)" in sheet.results.value
    assert "<li>7. " in sheet.results.value


@pytest.mark.parametrize("instrument_id", ["learning_environment", "readiness_factors"])
def test_checklists_count_gaps_and_escape_learner_text(instrument_id):
    store = MemoryStore()
    sheet = sheet_for(instrument_id, store)
    first, second = list(sheet.status)[:2]
    gap = sheet.list.gaps[0]
    sheet.status[first].value = sheet.list.statuses[0].id
    sheet.status[second].value = gap
    sheet.action[second].value = HOSTILE
    assert "Gaps to act on (1)" in sheet.results.value
    assert HOSTILE not in sheet.results.value + sheet.summary.value
    again = sheet_for(instrument_id, store)
    assert again.answers() == sheet.answers()


def test_an_older_export_without_notes_still_imports():
    """Files saved before item notes and sheet fields existed read with blank ones."""
    sheet = sheet_for("oti")
    old = {"ratings": dict.fromkeys(sheet.instrument.item_ids, 4), "flagged": []}
    clean = sheet.keeper.check_answers(old)
    assert clean["notes"] == {}
    assert clean["fields"] == {}
    sheet.fill(clean)
    assert "4.00" in sheet.results.value
