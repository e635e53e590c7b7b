"""GARS over time (baseline + dated follow-ups) and the finalizing checklist."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit_widgets.errors import (
    DuplicateGoalError,
    InvalidDateError,
    MissingAnswerError,
    ToolkitInputError,
)
from toolkit_widgets.gars import score_reviews
from toolkit_widgets.gars_checklist import review_goal
from toolkit_widgets.spec import load_gars


def test_baseline_and_follow_ups_give_a_t_score_each_and_changes():
    summary = score_reviews(
        [("2026-01-05", [-1, -2]), ("2026-03-01", [0, -1]), ("2026-06-01", [1, 0])]
    )
    assert [p.date.isoformat() for p in summary.time_points] == [
        "2026-01-05",
        "2026-03-01",
        "2026-06-01",
    ]
    assert [round(p.t, 4) for p in summary.time_points] == [
        round(50 - 30 / math.sqrt(2.6), 4),
        round(50 - 10 / math.sqrt(2.6), 4),
        round(50 + 10 / math.sqrt(2.6), 4),
    ]
    assert summary.changes == (2, 2)
    assert "Baseline" in summary.baseline_convention


def test_a_goal_not_rated_at_a_follow_up_keeps_its_latest_rating_for_change():
    summary = score_reviews([("2026-01-05", [-1, -2]), ("2026-03-01", [1, None])])
    assert summary.time_points[1].t is None
    assert "Goal 2" in summary.time_points[1].error.message
    assert summary.changes == (2, None)


@pytest.mark.parametrize(
    ("reviews", "error", "part"),
    [
        ([], MissingAnswerError, "baseline"),
        ([("2026-13-01", [0])], InvalidDateError, "year-month-day"),
        ([("yesterday", [0])], InvalidDateError, "2026-03-31"),
        ([("2026-02-01", [0]), ("2026-01-01", [1])], InvalidDateError, "after the baseline"),
        ([("2026-02-01", [0]), ("2026-02-01", [1])], InvalidDateError, "after the baseline"),
        (
            [("2026-02-01", [0]), ("2026-03-01", [1]), ("2026-02-15", [1])],
            InvalidDateError,
            "after follow-up 1",
        ),
        ([("2026-02-01", [0, 0]), ("2026-03-01", [1])], MissingAnswerError, "same 2 goal(s)"),
        ([("2026-02-01",)], MissingAnswerError, "date and the levels"),
        ("2026-02-01", MissingAnswerError, "baseline"),
    ],
)
def test_bad_reviews_raise_our_errors(reviews, error, part):
    with pytest.raises(error) as raised:
        score_reviews(reviews)
    assert part in str(raised.value)
    assert isinstance(raised.value, ToolkitInputError)


def test_goal_names_must_be_given_and_distinct():
    reviews = [("2026-01-05", [-1, 0])]
    assert score_reviews(reviews, titles=["Family meetings", "Danger statements"]).changes == (
        None,
        None,
    )
    with pytest.raises(DuplicateGoalError, match="Goal 2 repeats goal 1"):
        score_reviews(reviews, titles=["Family meetings", "  family   MEETINGS "])
    with pytest.raises(MissingAnswerError, match="Goal 2: write what the goal is"):
        score_reviews(reviews, titles=["Family meetings", " "])
    with pytest.raises(MissingAnswerError, match="1 goal name"):
        score_reviews(reviews, titles=["Family meetings"])


anything = st.one_of(
    st.none(),
    st.integers(-3, 3),
    st.floats(),
    st.text(max_size=10),
    st.dates(),
    st.lists(st.one_of(st.integers(-3, 3), st.none()), max_size=3),
)


@settings(max_examples=1000)
@given(st.lists(st.one_of(st.tuples(anything, anything), anything), max_size=4))
def test_any_reviews_give_a_summary_or_our_error(reviews):
    try:
        summary = score_reviews(reviews)
    except ToolkitInputError:
        return
    assert all(p.t is None or math.isfinite(p.t) for p in summary.time_points)


@settings(max_examples=1000)
@given(st.text(max_size=40), st.dictionaries(st.integers(-2, 2), st.text(max_size=40)))
def test_the_checklist_reads_any_text_without_failing(goal, levels):
    warnings, questions = review_goal(goal, levels)
    checks = {check.id for check in load_gars().checklist}
    assert {w.check for w in warnings} <= checks
    assert len(questions) == 4


GOOD_LEVELS = {
    -2: "1 of 10 families",
    -1: "3 of 10 families",
    0: "6 of 10 families within 30 days",
    1: "8 of 10 families",
    2: "All 10 families",
}


def test_a_well_written_scale_gets_no_warnings_and_four_questions():
    warnings, questions = review_goal("Hold a family team meeting early", GOOD_LEVELS)
    assert warnings == ()
    assert [q.check for q in questions] == [
        "all_outcomes",
        "no_gaps",
        "realistic_middle",
        "lowest_is_progress",
    ]


def test_checklist_warnings_name_the_problem_and_the_level():
    levels = {**GOOD_LEVELS, 0: "Use SOP and FTM tools well", 1: "", -1: "1 of 10 families"}
    warnings, _ = review_goal("Family work", levels)
    found = {(w.check, w.level) for w in warnings}
    assert ("one_behaviour", 0) in found
    assert ("measurable", 0) in found  # no quantity in the expected level
    assert ("measurable", 1) in found  # empty level
    assert ("no_overlap", -1) in found  # -2 and -1 read the same
    messages = " ".join(w.message for w in warnings)
    assert '"FTM" is not spelled out' in messages
    assert '"SOP" is not spelled out' in messages


def test_an_abbreviation_spelled_out_once_is_fine():
    levels = {**GOOD_LEVELS, 0: "6 of 10 Family Team Meetings (FTM) held", 1: "8 FTMs held"}
    warnings, _ = review_goal("Hold FTMs", levels)
    assert [w for w in warnings if w.check == "terms_defined"] == []
