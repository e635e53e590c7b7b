"""Questionnaire worksheets through the page's entry point, as the browser calls it.

The figures are worked out by hand here, from the instrument files' scales:
what a learner who chose these answers must read.
"""

from __future__ import annotations

import json
import re

from toolkit_widgets import catalogue, web
from toolkit_widgets.render.form_state import to_state


def _compute(name: str, picks: list[str], extra: dict[str, str] | None = None) -> dict:
    """Choose, for item n, the option whose label is picks[n]; compute as the page does."""
    sheet = catalogue.get(name)
    state = to_state(sheet.form, sheet.blank())
    items = [f for f in sheet.form.fields() if f.path[0] == "ratings"]
    assert len(items) == len(picks)
    for field, label in zip(items, picks, strict=True):
        option = next(o for o in field.options if o.label == label)
        state["values"][field.name] = json.dumps(option.value)
    state["values"].update(extra or {})
    return json.loads(web.compute(name, json.dumps(state)))


def _scores(html: str) -> list[str]:
    return re.findall(r"class='toolkit-score'>([^<]+)<", html)


def test_lcsa_totals_and_lean():
    reply = _compute("lcsa", ["4"] * 13 + ["2"] * 13)
    assert _scores(reply["results"]) == ["52", "26"]
    assert "pro-learning</strong> culture, by 26 points" in reply["results"]


def test_lcsa_waits_for_every_item():
    assert _compute("lcsa", ["4"] * 26)["export"]
    sheet = catalogue.get("lcsa")
    state = to_state(sheet.form, sheet.blank())
    partial = json.loads(web.compute("lcsa", json.dumps(state)))
    assert "0 of 26 answered" in partial["results"]


def test_oti_means_by_target():
    reply = _compute("oti", ["5 High"] * 8 + ["2 Very Low"] * 4)
    assert _scores(reply["results"]) == ["5.00", "2.00", "4.00"]


def _verdict(html: str) -> str:
    return re.search(r"class='toolkit-verdict'>(.*?)</p>", html).group(1)


# items 13 and 18 (positions 12 and 17) are the starred ones
STARRED = (12, 17)


def test_crs_counts_yes_and_keeps_the_starred_items_apart():
    reply = _compute("crs", ["No" if i in STARRED else "Yes" for i in range(18)])
    assert _verdict(reply["results"]) == (
        "Overall (16 yes, 0 no): <strong>probably ready for formal coaching</strong>."
    )
    assert "Overall reading,probably ready for formal coaching" in reply["export"]["csv"]
    assert "probably ready for formal coaching" in reply["summary"]


def test_crs_more_no_and_a_tie():
    picks = ["Yes" if i in (0, 1, 13) else "No" for i in range(18)]
    assert _verdict(_compute("crs", picks)["results"]) == (
        "Overall (3 yes, 13 no): <strong>work on the learning culture first</strong>."
    )
    counted = [i for i in range(18) if i not in STARRED]
    tie = ["Yes" if i in counted[:8] else "No" for i in range(18)]
    assert "(8 yes, 8 no): <strong>undecided" in _verdict(_compute("crs", tie)["results"])


def test_crs_a_starred_yes_is_the_reading_whatever_the_counts():
    reply = _compute("crs", ["Yes" if i != 12 else "No" for i in range(18)])  # item 18 yes
    assert _verdict(reply["results"]) == (
        "Overall (a starred statement answered yes): "
        "<strong>caution: coaching may not be the right fit just now</strong>."
    )
    assert "may not be the right fit at this time" in reply["results"]
    assert "probably ready" not in reply["results"]
    assert "Overall reading,caution: coaching may not" in reply["export"]["csv"]


def test_crs_waits_for_every_statement_and_says_how_many_remain():
    sheet = catalogue.get("crs")
    state = to_state(sheet.form, sheet.blank())
    blank = json.loads(web.compute("crs", json.dumps(state)))
    assert "0 of 18 statements answered" in blank["results"]
    assert "no answers yet" in blank["results"]
    first = next(f for f in sheet.form.fields() if f.path[0] == "ratings")
    state["values"][first.name] = "true"  # one yes out of 18: once read "probably ready"
    one = json.loads(web.compute("crs", json.dumps(state)))
    assert _verdict(one["results"]) == (
        "Overall (17 of 18 statements still to answer): "
        "<strong>not every statement answered yet</strong>."
    )
    assert "probably ready" not in one["results"]


def test_supervisory_skills_strengths_and_areas_to_develop():
    reply = _compute(
        "supervisory_skills", ["3 Agree"] * 8 + ["2 Disagree"] * 3 + ["1 Strongly disagree"]
    )
    assert "Areas to develop (4)" in reply["results"]
    assert "Likely strengths (8)" in reply["results"]


def test_cprs_leaves_no_opportunity_out_of_the_mean():
    picks = ["5 All of the time", "No opportunity", "1 None of the time"]
    picks += ["4 Most of the time"] * 11
    reply = _compute("cprs", picks, {"fields.plan": "Model one practice per visit"})
    # 13 rated: 5 + 1 + 11*4 = 50 -> 3.85
    assert _scores(reply["results"]) == ["3.85"]
    assert "Mean of the 13 rated statements" in reply["results"]
    assert "Model one practice per visit" in reply["summary"]


def test_job_responsibilities_are_counted_never_averaged():
    codes = ["1 Most important to me"] * 6 + ["2 Important to me"] * 20
    codes += ["3 Not important to me"] * 3 + ["4 Not applicable or not aware"] * 2
    reply = _compute(
        "job_responsibilities", codes, {"notes.jr-05.obstacles": "No cover for sick leave"}
    )
    assert re.findall(r"class='toolkit-count'>(\d+)<", reply["results"]) == ["6", "20", "3", "2"]
    assert "No cover for sick leave" in reply["results"]


def test_coaching_skills_profile_starts_with_the_lowest():
    reply = _compute("coaching_skills", ["4 Often"] * 13 + ["2 Not very often"])
    assert _scores(reply["results"]) == ["3.86"]


def test_learner_text_is_escaped_in_results_and_summary():
    reply = _compute(
        "cprs", ["4 Most of the time"] * 14, {"fields.plan": "<img src=x onerror=alert(1)>"}
    )
    assert "<img" not in reply["summary"] + reply["results"]
    assert "&lt;img" in reply["summary"]


def test_a_note_longer_than_the_box_is_kept_with_a_message_and_no_export():
    sheet = catalogue.get("job_responsibilities")
    state = to_state(sheet.form, sheet.blank())
    state["values"]["notes.jr-01.obstacles"] = "x" * 6000
    reply = json.loads(web.compute("job_responsibilities", json.dumps(state)))
    assert "6,000 characters" in reply["messages"]["notes.jr-01.obstacles"]
    assert reply["export"] is None
    assert reply["problem"] is None
