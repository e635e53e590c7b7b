"""The scaling worksheet, driven headless."""

import asyncio
import datetime as dt
import re

from toolkit_widgets.storage import MemoryStore
from toolkit_widgets.views.scaling import ScalingWorksheet


def scores(sheet):
    return re.findall(r"toolkit-score'>([^<]+)<", sheet.results.value)


def make():
    sheet = ScalingWorksheet(MemoryStore())
    asyncio.run(sheet.restore())
    return sheet


def test_sessions_give_changes_highest_and_prompts():
    sheet = make()
    sheet.question.value = "confidence"
    sheet.rows[0].date.value = dt.date(2026, 1, 10)
    sheet.rows[0].rating.value = 3
    row = sheet.add_session()
    row.date.value = dt.date(2026, 2, 10)
    row.rating.value = 7
    row = sheet.add_session()
    row.date.value = dt.date(2026, 3, 10)
    row.rating.value = 6
    assert scores(sheet) == ["6", "+3", "-1", "7"]
    assert "toolkit-prompt-dropped" in sheet.results.value
    assert "toolkit-prompt-very_low" not in sheet.results.value


def test_a_rating_of_zero_puts_extra_support_first_and_names_the_boundary():
    sheet = make()
    sheet.rows[0].date.value = dt.date(2026, 1, 10)
    sheet.rows[0].rating.value = 0
    text = sheet.results.value
    assert text.index("toolkit-caution") < text.index("toolkit-prompt")
    assert "not a diagnosis" in text
    assert "Coaching and Therapy" in text


def test_sessions_without_a_date_wait_quietly():
    sheet = make()
    sheet.rows[0].rating.value = 5
    assert "Add a date and a rating" in sheet.results.value


def test_removing_a_session_renumbers_and_keeps_the_rest():
    sheet = make()
    sheet.rows[0].note.value = "first"
    second = sheet.add_session()
    second.note.value = "second"
    sheet.remove_session(sheet.rows[0])
    assert [r.note.value for r in sheet.rows] == ["second"]
    assert sheet.rows[0].date.description == "Session 1 date"


def test_saved_sessions_come_back():
    store = MemoryStore()
    sheet = ScalingWorksheet(store)
    asyncio.run(sheet.restore())
    sheet.question.value = "sop-safety"
    sheet.rows[0].date.value = dt.date(2026, 4, 1)
    sheet.rows[0].rating.value = 8
    again = ScalingWorksheet(store)
    asyncio.run(again.restore())
    assert again.answers() == sheet.answers()
