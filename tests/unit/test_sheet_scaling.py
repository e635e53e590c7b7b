"""The scaling-question worksheet through the page's entry point, as the browser calls it.

Changes and prompts are worked out by hand from the rules in
:mod:`toolkit_widgets.scaling`: what a learner who typed these answers must read.
"""

from __future__ import annotations

import json
import re

from toolkit_widgets import catalogue, exports, scaling_sheet, web
from toolkit_widgets.spec import load_scaling

SHEET = catalogue.get("scaling")


def _state(sessions: list[dict[str, str]], question: str | None = None) -> dict:
    values: dict[str, object] = {}
    for index, session in enumerate(sessions):
        for key, text in session.items():
            values[f"sessions.{index}.{key}"] = text
    if question is not None:
        values["question"] = json.dumps(question)
    return {"values": values, "rows": {"sessions": len(sessions)}}


def _compute(state: dict) -> dict:
    return json.loads(web.compute("scaling", json.dumps(state)))


def _scores(html: str) -> list[str]:
    return re.findall(r"class='toolkit-score'>([^<]+)<", html)


def test_two_sessions_give_the_changes_and_the_prompts():
    reply = _compute(
        _state(
            [{"date": "2026-01-12", "rating": "2"}, {"date": "2026-02-09", "rating": "6"}],
            "motivation",
        )
    )
    assert reply["messages"] == {}
    assert reply["problem"] is None
    results = reply["results"]
    # latest 6; +4 since the first; +4 since the last; highest 6
    assert _scores(results) == ["6", "+4", "+4", "6"]
    assert "How much are you prepared to do" in results  # the question in full
    assert "toolkit-prompt-step_up" in results
    assert "toolkit-prompt-what_works" in results
    assert "Added by this site: which question appears when" in results
    assert reply["export"]["filename"].startswith("scaling-answers-")


def test_sessions_are_taken_in_date_order_and_a_drop_is_asked_about():
    reply = _compute(
        _state([{"date": "2026-03-01", "rating": "3"}, {"date": "2026-01-01", "rating": "7"}])
    )
    assert _scores(reply["results"]) == ["3", "-4", "-4", "7"]
    assert "toolkit-prompt-dropped" in reply["results"]
    assert "toolkit-prompt-best_before" in reply["results"]


def test_a_very_low_rating_brings_the_extra_support_note():
    reply = _compute(_state([{"date": "2026-01-01", "rating": "1"}]))
    assert "A very low rating." in reply["results"]
    assert _scores(reply["results"]) == ["1", "+0", "—", "1"]


def test_no_question_chosen_uses_the_first_and_says_which():
    reply = _compute(_state([{}]))
    first = load_scaling().questions[0]
    assert "Add a date and a rating" in reply["results"]
    assert json.loads(reply["export"]["json"])["answers"]["question"] == first.id
    assert first.text in reply["results"]


def test_two_ratings_on_one_date_still_show_the_question_and_the_ratings():
    reply = _compute(
        _state([{"date": "2026-01-01", "rating": "3"}, {"date": "2026-01-01", "rating": "5"}])
    )
    results = reply["results"]
    assert reply["problem"] is None
    assert "Two ratings share the date 2026-01-01" in results
    assert "toolkit-error" in results
    assert "2026-01-01: 3" in results
    assert "2026-01-01: 5" in results
    assert "toolkit-question" in results


def test_a_session_with_only_a_date_is_said_to_be_left_out():
    reply = _compute(
        _state([{"date": "2026-01-01", "rating": "3"}, {"date": "2026-02-01"}, {"rating": "4"}])
    )
    assert "Not counted yet" in reply["results"]
    assert "sessions 2, 3" in reply["results"]


def test_bad_typed_values_are_messages_beside_their_fields():
    reply = _compute(_state([{"date": "12/01/2026", "rating": "11"}], "not-a-question"))
    assert "YYYY-MM-DD" in reply["messages"]["sessions.0.date"]
    assert "not one of the choices" in reply["messages"]["sessions.0.rating"]
    assert "not one of the choices" in reply["messages"]["question"]
    assert reply["export"] is None


def test_learner_text_with_markup_is_escaped_in_results_and_summary():
    hostile = '<img src=x onerror="alert(1)">'
    reply = _compute(_state([{"date": "2026-01-01", "rating": "5", "note": hostile}]))
    both = reply["results"] + reply["summary"]
    assert "<img" not in both
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in reply["summary"]


def test_typed_answers_export_and_read_back_to_the_same_state_and_results():
    answers = {
        "question": "sop-safety",
        "sessions": [
            {"date": "2026-01-05", "rating": 4, "note": "first visit"},
            {"date": None, "rating": None, "note": ""},
            {"date": "2026-02-05", "rating": 7, "note": ""},
        ],
    }
    # a file as the earlier site wrote it (format 1, no sheet id)
    old = json.dumps(
        {
            "format": exports.FORMAT,
            "format_version": 1,
            "instrument": "scaling",
            "instrument_version": 1,
            "saved_at": "2026-10-02T09:15:00Z",
            "answers": answers,
        }
    )
    state = json.loads(web.read_answers("scaling", old))["state"]
    assert state["rows"] == {"sessions": 3}
    assert state["values"]["sessions.0.date"] == "2026-01-05"
    assert state["values"]["sessions.1.rating"] == ""
    reply = _compute(state)
    assert reply["messages"] == {}
    assert reply["results"] == SHEET.results_html(scaling_sheet.check_answers(answers))
    assert json.loads(reply["export"]["json"])["answers"] == answers
    again = json.loads(web.read_answers("scaling", reply["export"]["json"]))["state"]
    assert again["values"] == state["values"]


def test_each_session_control_carries_its_number_as_the_old_view_did():
    from toolkit_widgets.render.form_html import sheet_html

    html = sheet_html(SHEET.form)
    for name in ("date", "rating", "note"):
        assert f"<span>Session <span data-row-number>1</span> {name}</span></label>" in html
    assert "Remove session <span data-row-number>1</span>" in html
    assert ">Add a session<" in html
    assert ">Question<" in html
