"""The GARS worksheet form, driven headless: set widget values, read what it shows."""

import asyncio
import base64
import datetime
import json
import math
import re

import pytest

from toolkit_widgets.storage import MemoryStore
from toolkit_widgets.views.gars import STORAGE_KEY, GarsWorksheet


def shown_t_scores(sheet: GarsWorksheet) -> list[str]:
    return re.findall(r'class="toolkit-t">([^<]+)<', sheet.results.value)


@pytest.fixture
def sheet() -> GarsWorksheet:
    form = GarsWorksheet(MemoryStore())
    asyncio.run(form.restore())
    return form


def test_new_sheet_has_one_unrated_goal(sheet):
    assert len(sheet.goals) == 1
    assert "not rated yet" in sheet.results.value
    assert shown_t_scores(sheet) == []


def test_ratings_show_t_scores_and_change(sheet):
    sheet.goals[0].ratings["baseline"].value = -1
    sheet.goals[0].ratings["follow_up"].value = 1
    second = sheet.add_goal()
    second.ratings["baseline"].value = -2
    second.ratings["follow_up"].value = 0
    baseline = 50 - 30 / math.sqrt(2.6)
    follow_up = 50 + 10 / math.sqrt(2.6)
    assert shown_t_scores(sheet) == [f"{baseline:.1f}", f"{follow_up:.1f}"]
    assert "Goal 1: +2 levels" in sheet.results.value


def test_bad_weight_shows_a_message_beside_the_field(sheet):
    sheet.goals[0].ratings["baseline"].value = 0
    sheet.goals[0].weight.value = -1
    assert "greater than 0" in sheet.goals[0].weight_error.value
    assert shown_t_scores(sheet) == []
    sheet.goals[0].weight.value = 2
    assert sheet.goals[0].weight_error.value == ""
    assert shown_t_scores(sheet) == ["50.0"]


def test_bad_rho_shows_a_message_beside_the_setting(sheet):
    sheet.goals[0].ratings["baseline"].value = 1
    sheet.rho.value = 2
    assert "from 0 to 1" in sheet.rho_error.value


def test_partly_rated_time_point_says_which_goal(sheet):
    sheet.goals[0].ratings["baseline"].value = 1
    second = sheet.add_goal()
    assert "Goal 2: choose the level reached" in sheet.results.value
    assert "Baseline: Goal 2: choose the level reached" in second.rating_error.value
    assert sheet.goals[0].rating_error.value == ""
    second.ratings["baseline"].value = 0
    assert second.rating_error.value == ""


def test_every_change_is_saved_and_restored_into_a_new_form(sheet):
    sheet.goals[0].title.value = "Hold family team meetings"
    sheet.goals[0].descriptions[0].value = "6 of 10 families"
    sheet.goals[0].ratings["baseline"].value = -1
    sheet.goals[0].note.value = "Between -2 and -1 at the start"
    saved = json.loads(sheet.store.saved[STORAGE_KEY])
    assert (saved["format"], saved["instrument"], saved["instrument_version"]) == (
        "coaching-toolkit-answers",
        "gars",
        1,
    )
    assert saved["answers"]["goals"][0]["title"] == "Hold family team meetings"
    assert "Last saved in this browser" in sheet.saved.value

    again = GarsWorksheet(sheet.store)
    asyncio.run(again.restore())
    assert again.goals[0].title.value == "Hold family team meetings"
    assert again.goals[0].descriptions[0].value == "6 of 10 families"
    assert again.goals[0].ratings["baseline"].value == -1
    assert again.goals[0].note.value == "Between -2 and -1 at the start"


def test_removing_a_goal_renumbers_the_rest(sheet):
    sheet.add_goal()
    sheet.add_goal()
    sheet.remove_goal(sheet.goals[0])
    assert [goal.number for goal in sheet.goals] == [1, 2]
    assert "<h3>Goal 2</h3>" in sheet.goals[1].heading.value


def test_damaged_saved_answers_leave_a_usable_form():
    store = MemoryStore()
    store.saved[STORAGE_KEY] = "{not json"
    form = GarsWorksheet(store)
    asyncio.run(form.restore())
    assert "Could not read your saved answers" in form.saved.value
    form.goals[0].ratings["baseline"].value = 2
    assert shown_t_scores(form) == ["70.0"]


def test_checklist_notes_appear_under_the_levels(sheet):
    goal = sheet.goals[0]
    assert goal.checklist.value == ""
    goal.title.value = "Hold FTMs"
    goal.descriptions[0].value = "Use SOP and FTM well"
    assert "is it one behavior?" in goal.checklist.value
    assert '"FTM" is not spelled out' in goal.checklist.value.replace("&quot;", '"')


def _links(sheet):
    return dict(
        re.findall(
            r'download="([^"]+)" href="data:[^;]+;charset=utf-8;base64,([^"]+)"',
            sheet.keeper.downloads.value,
        )
    )


def _upload(sheet, name, data: bytes):
    sheet.keeper.upload.value = (
        {
            "name": name,
            "type": "application/json",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        },
    )


def _fill_example(sheet):
    sheet.goals[0].title.value = "Hold family team meetings"
    sheet.goals[0].descriptions[2].value = "=SUM(A1) families"
    sheet.goals[0].ratings["baseline"].value = -2
    sheet.goals[0].ratings["follow_up"].value = 1


def test_export_offers_json_that_reimports_exactly_and_csv(sheet):
    _fill_example(sheet)
    links = _links(sheet)
    json_name = next(n for n in links if n.endswith(".json"))
    csv_name = next(n for n in links if n.endswith(".csv"))
    exported = base64.b64decode(links[json_name])
    table = base64.b64decode(links[csv_name]).decode("utf-8")
    assert "'=SUM(A1)" in table  # a formula-looking cell is kept as text
    assert table.splitlines()[1].startswith("1,Hold family team meetings")

    other = GarsWorksheet(MemoryStore())
    asyncio.run(other.restore())
    _upload(other, json_name, exported)
    assert other.answers() == sheet.answers()
    assert "Imported your answers" in other.keeper.message.value
    assert shown_t_scores(other) == ["30.0", "60.0"]


@pytest.mark.parametrize(
    ("data", "part"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": "something-else"}', "not exported by a Coaching Toolkit worksheet"),
        (
            json.dumps(
                {
                    "format": "coaching-toolkit-answers",
                    "format_version": 1,
                    "instrument": "lcsa",
                    "instrument_version": 1,
                    "answers": {},
                }
            ).encode(),
            "for 'lcsa', not for this worksheet",
        ),
        (
            json.dumps(
                {
                    "format": "coaching-toolkit-answers",
                    "format_version": 9,
                    "instrument": "gars",
                    "instrument_version": 1,
                    "answers": {},
                }
            ).encode(),
            "newer version of the site",
        ),
        (
            json.dumps(
                {
                    "format": "coaching-toolkit-answers",
                    "format_version": 1,
                    "instrument": "gars",
                    "instrument_version": 1,
                    "answers": {"rho": 0.3, "goals": [{"baseline": 7}]},
                }
            ).encode(),
            "damaged: Goal 1: the level must be a whole number",
        ),
        (b"x" * 1_000_001, "at most 1,000,000"),
    ],
)
def test_a_bad_import_explains_itself_and_keeps_the_answers(sheet, data, part):
    _fill_example(sheet)
    before = sheet.answers()
    _upload(sheet, "answers.json", data)
    assert "Nothing was imported" in sheet.keeper.message.value
    assert part in sheet.keeper.message.value.replace("&#x27;", "'")
    assert sheet.answers() == before


def test_clear_my_data_asks_first_then_deletes(sheet):
    _fill_example(sheet)
    assert STORAGE_KEY in sheet.store.saved
    sheet.keeper.clear_button.click()
    assert sheet.keeper.confirm.layout.display == "flex"
    sheet.keeper.cancel_button.click()
    assert sheet.goals[0].title.value == "Hold family team meetings"
    sheet.keeper.clear_button.click()
    sheet.keeper.confirm_button.click()
    assert STORAGE_KEY not in sheet.store.saved
    assert [g.title.value for g in sheet.goals] == [""]
    assert "deleted from this browser" in sheet.saved.value
    sheet.goals[0].title.value = "A new start"
    assert STORAGE_KEY in sheet.store.saved


def test_summary_shows_every_goal_and_escapes_learner_text(sheet):
    hostile = '<img src=x onerror="alert(1)">'
    sheet.goals[0].title.value = hostile
    sheet.goals[0].descriptions[0].value = "</td></tr></table><script>alert(2)</script>"
    sheet.goals[0].ratings["baseline"].value = 0
    summary = sheet.summary.value
    assert "<img" not in summary
    assert "<script" not in summary
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in summary
    assert "Goal 1:" in summary
    assert '<span class="toolkit-t">50.0</span>' in summary
    assert "<img" not in sheet.results.value
