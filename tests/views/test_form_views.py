"""The practice forms as worksheets, driven headless: type into widgets, read what shows."""

import asyncio
import datetime as dt
import json

import pytest

from toolkit_widgets import form_sheet
from toolkit_widgets.form_spec import form_ids, load_form
from toolkit_widgets.storage import MemoryStore
from toolkit_widgets.views.form import FormWorksheet
from toolkit_widgets.views.gars import GarsWorksheet

HOSTILE = '<img src=x onerror="alert(1)">'
FORMS = [n for n in form_ids() if n != "session_planner"] + [
    f"session_planner:{m}" for m in ("skills_based", "clear", "flow", "regrow")
]


def sheet_for(name, store=None):
    sheet = FormWorksheet(name, store or MemoryStore())
    asyncio.run(sheet.keeper.restore())
    return sheet


@pytest.mark.parametrize("name", FORMS)
def test_every_form_keeps_what_was_typed_and_escapes_it(name):
    store = MemoryStore()
    sheet = sheet_for(name, store)
    section = sheet.form.sections[-1]
    text_field = next(
        (f for s in sheet.form.sections for f in s.fields if f.kind in ("text", "long_text")),
        None,
    )
    assert text_field is not None, name
    owner = next(s for s in sheet.form.sections if text_field in s.fields)
    part = sheet.parts[owner.id]
    inputs = part.forms[0].inputs if owner.repeat else part.inputs
    inputs[text_field.id].box.value = "Seen twice " + HOSTILE
    assert HOSTILE not in sheet.summary.value
    assert HOSTILE not in sheet.results.value
    assert "Seen twice &lt;img" in sheet.summary.value
    assert section.title.replace("'", "&#x27;") in sheet.summary.value
    saved = json.loads(store.saved[sheet.form.id])
    assert saved["instrument"] == sheet.form.id
    again = sheet_for(name, store)
    assert again.answers() == sheet.answers()
    assert form_sheet.check_answers(sheet.form, again.answers()) == again.answers()


def test_dates_numbers_and_choices_come_back_as_plain_values():
    sheet = sheet_for("session_planner:regrow")
    close = sheet.parts["close"].inputs
    close["next"].box.value = dt.date(2026, 12, 9)
    close["position"].box.value = 6
    session = sheet.parts["session"].inputs
    session["number"].box.value = 3
    answers = sheet.answers()
    assert answers["close"]["next"] == "2026-12-09"
    assert answers["close"]["position"] == 6
    assert answers["close"]["commitment"] is None
    assert answers["session"]["number"] == 3
    sheet.fill(form_sheet.blank(sheet.form))
    assert sheet.answers() == form_sheet.blank(sheet.form)
    assert close["next"].box.value is None


def test_repeated_entries_are_added_numbered_removed_and_restored():
    store = MemoryStore()
    sheet = sheet_for("pdsa", store)
    cycles = sheet.parts["cycle"]
    cycles.forms[0].inputs["objective"].box.value = "First"
    cycles.add_button.click()
    cycles.forms[1].inputs["objective"].box.value = "Second"
    cycles.add_button.click()
    cycles.forms[2].inputs["objective"].box.value = "Third"
    assert cycles.forms[2].inputs["objective"].box.description.startswith("Cycle 3: ")
    assert [c["objective"] for c in sheet.answers()["cycle"]] == ["First", "Second", "Third"]
    # remove the second: the third is renumbered and the saved copy follows
    remove_second = cycles.entries.children[1].children[-1]
    assert remove_second.description == "Remove cycle 2"
    remove_second.click()
    assert [c["objective"] for c in sheet.answers()["cycle"]] == ["First", "Third"]
    assert cycles.forms[1].inputs["objective"].box.description.startswith("Cycle 2: ")
    again = sheet_for("pdsa", store)
    assert [c["objective"] for c in again.answers()["cycle"]] == ["First", "Third"]
    assert "Cycle 2" in again.results.value


def test_the_last_entry_is_emptied_not_removed():
    sheet = sheet_for("journal")
    entries = sheet.parts["entry"]
    entries.forms[0].inputs["f1"].box.value = "A.M."
    entries.entries.children[0].children[-1].click()
    assert len(entries.forms) == 1
    assert entries.forms[0].inputs["f1"].box.value == ""


def test_smart_goal_goes_to_the_gars_worksheet_in_the_same_browser():
    store = MemoryStore()
    smart = sheet_for("smart", store)
    smart.send_to_gars()
    assert "before sending it to GARS" in smart.gars_message.value
    inputs = {f: box for part in smart.parts.values() for f, box in part.inputs.items()}
    inputs["who"].box.value = "Ana"
    inputs["what"].box.value = "ask each family what matters most to them"
    inputs["how_much"].box.value = "in 4 of 5 meetings"
    inputs["by_when"].box.value = dt.date(2027, 1, 31)
    assert "T Time limited: met" in smart.results.value
    smart.send_to_gars()
    assert "Added as goal 1 of your GARS worksheet" in smart.gars_message.value
    gars = GarsWorksheet(store)
    asyncio.run(gars.restore())
    expected = (
        "By 2027-01-31, Ana will ask each family what matters most to them (in 4 of 5 meetings)."
    )
    assert gars.goals[0].answers()["levels"]["0"] == expected
    smart.send_to_gars()
    assert "Added as goal 2" in smart.gars_message.value


def test_smart_reports_a_damaged_gars_copy_instead_of_overwriting_it():
    store = MemoryStore()
    store.saved["gars"] = json.dumps({"format": "something else"})
    smart = sheet_for("smart", store)
    smart.parts["goal"].inputs["statement"].box.value = "My goal"
    smart.send_to_gars()
    assert "The goal was not sent" in smart.gars_message.value
    assert json.loads(store.saved["gars"]) == {"format": "something else"}


def test_a_signed_form_prints_signature_lines_and_its_source():
    sheet = sheet_for("agreement")
    summary = sheet.summary.value
    for role in ("Learner", "Coach", "Supervisor", "For the agency"):
        assert f"{role}: signed" in summary
    assert "National Staff Development Council (2008)" in summary
    assert load_form("agreement").sections[1].title in summary
