"""The questionnaire worksheets (LCSA, readiness, trust), driven headless."""

import asyncio
import json
import re

import pytest

from toolkit_widgets.storage import MemoryStore
from toolkit_widgets.views.questionnaire import QuestionnaireWorksheet


def sheet_for(instrument_id, store=None):
    sheet = QuestionnaireWorksheet(instrument_id, store or MemoryStore())
    asyncio.run(sheet.restore())
    return sheet


def test_lcsa_waits_for_every_item_then_shows_totals():
    sheet = sheet_for("lcsa")
    assert "0 of 26 answered" in sheet.results.value
    for item_id, box in sheet.inputs.items():
        box.value = 5 if item_id.startswith("pro") else 2
    scores = re.findall(r"toolkit-score'>(\d+)<", sheet.results.value)
    assert scores == ["65", "26"]
    assert "pro-learning</strong> culture, by 39 points" in sheet.results.value
    sheet.flags["anti-02"].value = True
    assert "Marked for attention" in sheet.results.value


def test_readiness_shows_cautions_apart():
    sheet = sheet_for("crs")
    for box in sheet.inputs.values():
        box.value = True
    text = sheet.results.value
    assert "Overall (16 yes, 0 no)" in text
    assert "Coaching may not be the right fit at this time" in text


def test_trust_means_and_labels():
    sheet = sheet_for("oti")
    for item_id, box in sheet.inputs.items():
        box.value = 6 if item_id.startswith("sup") else 3
    scores = re.findall(r"toolkit-score'>([\d.]+)<", sheet.results.value)
    assert scores == ["6.00", "3.00", "5.00"]  # (8*6 + 4*3) / 12 = 5
    assert "Very High" in sheet.results.value


@pytest.mark.parametrize("instrument_id", ["lcsa", "crs", "oti"])
def test_answers_are_saved_and_restored(instrument_id):
    store = MemoryStore()
    sheet = sheet_for(instrument_id, store)
    first = next(iter(sheet.inputs))
    choice = sheet.inputs[first].options[1][1]
    sheet.inputs[first].value = choice
    saved = json.loads(store.saved[instrument_id])
    assert saved["instrument"] == instrument_id
    again = sheet_for(instrument_id, store)
    assert again.inputs[first].value == choice
    assert again.answers() == sheet.answers()


def test_printable_summary_lists_every_statement_with_its_answer():
    sheet = sheet_for("oti")
    sheet.inputs["sup-03"].value = 7
    summary = sheet.summary.value
    assert summary.count("<tr><td>") == 12
    assert "Near 100%" in summary
    assert "Not answered" in summary
    assert "Nyhan &amp; Marlowe (1997)" in summary


def test_clearing_shows_not_answered_again_in_the_browser():
    sheet = sheet_for("lcsa")
    sheet.inputs["pro-01"].value = 4
    sheet.keeper.clear()
    # index 0 is the "Not answered" option; a Dropdown left at index None would
    # keep showing the old choice in the browser
    assert sheet.inputs["pro-01"].index == 0
    assert sheet.answers()["ratings"]["pro-01"] is None
