"""The GARS worksheet through the page's entry point, as the browser calls it.

T-scores are worked out by hand from the Kiresuk-Sherman formula here, not by
the package: what a learner who typed these answers must read.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from toolkit_widgets import catalogue, gars_sheet, web
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.render.form_state import read_state, to_state

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "exports"
SHEET = catalogue.get("gars")


def _state(goals: list[dict[str, str]], rho: str | None = None) -> dict:
    """A form state as the page keeps it: text per control name, goal rows counted."""
    values: dict[str, object] = {}
    for index, goal in enumerate(goals):
        for key, text in goal.items():
            values[f"goals.{index}.{key}"] = text
    if rho is not None:
        values["rho"] = rho
    return {"values": values, "rows": {"goals": len(goals)}}


def _compute(state: dict) -> dict:
    return json.loads(web.compute("gars", json.dumps(state)))


def _t_scores(html: str) -> list[str]:
    return re.findall(r'class="toolkit-t">([^<]+)<', html)


def test_two_weighted_goals_give_the_hand_worked_t_scores():
    reply = _compute(
        _state(
            [
                {"title": "Hold family meetings", "baseline": "-1", "follow_up": "1"},
                {
                    "title": "Write danger statements",
                    "baseline": "-2",
                    "follow_up": "2",
                    "weight": "3",
                },
            ]
        )
    )
    # weights 1 and 3, rho 0.3: sqrt(0.7 * 10 + 0.3 * 16) = sqrt(11.8)
    baseline = 50 + 10 * (1 * -1 + 3 * -2) / math.sqrt(11.8)
    follow_up = 50 + 10 * (1 * 1 + 3 * 2) / math.sqrt(11.8)
    assert reply["messages"] == {}
    assert reply["problem"] is None
    assert _t_scores(reply["results"]) == [f"{baseline:.1f}", f"{follow_up:.1f}"]
    assert "Goal 2: +4 levels" in reply["results"]
    assert "added by this site" in reply["results"]
    assert reply["export"]["filename"].startswith("gars-answers-")


def test_rho_from_the_settings_changes_the_score():
    # levels (1, 0), equal weights, rho 0 -> 50 + 10 / sqrt(2)
    reply = _compute(
        _state([{"baseline": "1", "follow_up": "1"}, {"baseline": "0", "follow_up": "0"}], "0")
    )
    assert _t_scores(reply["results"]) == [f"{50 + 10 / math.sqrt(2):.1f}"] * 2
    assert "(ρ): 0." in reply["summary"]


def test_an_unrated_time_point_and_a_partly_rated_one():
    reply = _compute(_state([{"baseline": "0"}, {"title": "Second"}]))
    assert _t_scores(reply["results"]) == []
    assert "not rated yet" in reply["results"]  # follow-up: nothing rated
    assert "Goal 2: choose the level reached." in reply["results"]  # baseline: goal 2 missing
    assert reply["export"], "an unfinished sheet can still be exported"


def test_rho_out_of_range_is_a_message_beside_the_setting_and_blocks_export():
    reply = _compute(_state([{"baseline": "0", "follow_up": "1"}], "1.5"))
    assert "from 0 to 1" in reply["messages"]["rho"]
    assert reply["export"] is None
    # the rest is still scored, with the usual rho
    assert _t_scores(reply["results"]) == ["50.0", "60.0"]


def test_a_weight_of_zero_passes_the_form_and_the_scorer_says_why_there_is_no_score():
    reply = _compute(_state([{"baseline": "0", "follow_up": "1", "weight": "0"}]))
    assert reply["messages"] == {}
    assert reply["problem"] is None
    assert "Goal 1: the weight must be a number greater than 0" in reply["results"]
    assert "Goal 1: +1 levels" in reply["results"]  # what can be shown still is


def test_a_negative_weight_is_a_message_beside_the_weight():
    reply = _compute(_state([{"baseline": "0", "follow_up": "1", "weight": "-2"}]))
    assert "at least 0" in reply["messages"]["goals.0.weight"]
    assert reply["export"] is None


def test_the_checklist_reviews_each_written_goal():
    reply = _compute(
        _state(
            [
                {"title": "Run FTM meetings", "levels.0": "Hold meetings and write notes"},
                {},
            ]
        )
    )
    results = reply["results"]
    assert "Goal 1: Run FTM meetings" in results
    assert "is it one behavior?" in results
    assert "&quot;FTM&quot; is not spelled out" in results
    assert "Goal 2:" not in results.split("Finalizing checklist", 1)[1]  # blank: no review
    assert "Added by this site: the wording checks" in results
    assert "Every likely result is covered" in results  # a question to confirm


def test_learner_text_with_markup_is_escaped_in_results_and_summary():
    hostile = '<img src=x onerror="alert(1)">'
    reply = _compute(
        _state(
            [
                {
                    "title": hostile,
                    "levels.2": "</td></tr></table><script>alert(2)</script>",
                    "note": hostile,
                    "baseline": "0",
                }
            ]
        )
    )
    both = reply["results"] + reply["summary"]
    assert "<img" not in both
    assert "<script" not in both
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in reply["summary"]
    assert "&lt;img" in reply["results"]


@pytest.mark.parametrize("name", ["format-1-gars.json", "gars-a.json", "gars-c.json"])
def test_an_old_export_reads_into_the_form_and_gives_the_same_results(name):
    text = (FIXTURES / name).read_text("utf-8")
    answers = json.loads(text)["answers"]
    reply = json.loads(web.read_answers("gars", text))
    state = reply["state"]
    assert state["rows"]["goals"] == len(answers["goals"])
    assert state["values"]["goals.0.title"] == answers["goals"][0]["title"]
    computed = _compute(state)
    assert computed["messages"] == {}
    assert computed["results"] == SHEET.results_html(gars_sheet.check_answers(answers))
    exported = json.loads(computed["export"]["json"])
    assert exported["answers"] == gars_sheet.check_answers(answers)
    assert exported["instrument"] == "gars"
    assert exported["instrument_version"] == 1


def test_the_format_1_file_scores_as_worked_by_hand():
    state = json.loads(web.read_answers("gars", (FIXTURES / "format-1-gars.json").read_text()))
    results = _compute(state["state"])["results"]
    # levels (-1, -2) then (1, 0), equal weights: 50 + 10 * sum / sqrt(2.6)
    assert _t_scores(results) == [
        f"{50 - 30 / math.sqrt(2.6):.1f}",
        f"{50 + 10 / math.sqrt(2.6):.1f}",
    ]


def test_the_form_carries_the_old_accessible_names():
    from toolkit_widgets.render.form_html import sheet_html

    html = sheet_html(SHEET.form)
    for name in (
        ">Goal<",
        ">Level at baseline<",
        ">Level at follow-up<",
        ">Weight (1 = equal)<",
        ">Notes (for example, a rating between two levels)<",
        ">Correlation between goals (ρ)<",
        ">Add a goal<",
        ">Remove this goal<",
        ">Settings<",
        ">+2 Much more than expected<",
        ">0 Expected level of outcome<",
        ">-2 Much less than expected<",
        ">Not rated yet<",
    ):
        assert name in html, name
    rho = next(f for f in SHEET.form.fields() if f.path == ("rho",))
    assert (rho.minimum, rho.maximum) == (0, 1)


# ---------------------------------------------------------- the SMART hand-over --


def _typed(goals: list[dict[str, str]]) -> dict:
    """Answers as the page's form state gives them (through read_state), checked."""
    read = read_state(SHEET.form, SHEET.blank(), _state(goals))
    assert read.messages == {}
    return SHEET.check(read.answers)


def test_with_goal_fills_the_untouched_first_goal_of_a_blank_form():
    answers = gars_sheet.with_goal(_typed([{}]), "Ask each family what matters most")
    assert len(answers["goals"]) == 1
    assert answers["goals"][0]["title"] == "Ask each family what matters most"
    assert answers["goals"][0]["levels"]["0"] == "Ask each family what matters most"
    state = to_state(SHEET.form, answers)
    assert state["values"]["goals.0.levels.0"] == "Ask each family what matters most"
    assert read_state(SHEET.form, SHEET.blank(), state).answers == answers


def test_with_goal_adds_after_typed_goals_and_keeps_them():
    typed = _typed([{"title": "Plan visits", "baseline": "-1", "weight": "2", "note": "n"}])
    answers = gars_sheet.with_goal(typed, "x" * 100)
    assert answers["goals"][0] == typed["goals"][0]
    assert answers["goals"][1]["title"] == "x" * 77 + "..."
    assert answers["goals"][1]["levels"]["0"] == "x" * 100
    state = to_state(SHEET.form, answers)
    assert state["rows"] == {"goals": 2}
    assert _compute(state)["export"]


def test_with_goal_on_no_answers_and_on_a_full_sheet():
    assert len(gars_sheet.with_goal(None, "Goal")["goals"]) == 1
    full = _typed([{"title": f"Goal {n}"} for n in range(gars_sheet.MAX_GOALS)])
    with pytest.raises(ToolkitInputError, match="already holds"):
        gars_sheet.with_goal(full, "One more")
