"""Scaling-question summaries and the culture-of-coaching stage."""

import contextlib
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit_widgets import culture_stage, scaling
from toolkit_widgets.errors import (
    InvalidDateError,
    MissingAnswerError,
    OutOfRangeError,
    ToolkitInputError,
    UnknownItemError,
)
from toolkit_widgets.spec import load_scaling, load_stages

QUESTION = "confidence"


def test_the_toolkit_questions_are_all_there():
    ids = {q.id for q in load_scaling().questions}
    assert {"success", "improvement", "motivation", "confidence"} <= ids
    assert len([i for i in ids if i.startswith("sop-")]) == 7
    assert [s.id for s in load_stages().stages] == [
        "nascent",
        "tactical",
        "strategic",
        "embedded",
    ]


def test_scaling_worked_example_sorted_by_date():
    summary = scaling.summarise(QUESTION, [("2026-03-01", 6), ("2026-01-10", 3), ("2026-02-01", 7)])
    assert summary.ratings == (3, 7, 6)
    assert (summary.first, summary.latest, summary.highest) == (3, 6, 7)
    assert (summary.change_since_first, summary.change_since_last) == (3, -1)
    assert summary.prompts == ("dropped", "best_before", "step_up", "what_works")


def test_a_very_low_rating_puts_the_support_prompt_first():
    summary = scaling.summarise(QUESTION, [("2026-01-10", 4), ("2026-02-01", 0)])
    assert summary.prompts[0] == "very_low"
    text = load_scaling().prompts.very_low.lower()
    assert "therap" in text or "counsel" in text


def test_a_ten_asks_whether_ten_was_attainable():
    summary = scaling.summarise(QUESTION, [("2026-01-10", 10)])
    assert "at_top" in summary.prompts
    assert "step_up" not in summary.prompts
    assert summary.change_since_last is None


def test_two_scales_far_apart_show_where_to_work():
    low = scaling.summarise("confidence", [("2026-01-10", 1)])
    high = scaling.summarise("motivation", [("2026-01-10", 8)])
    assert scaling.compare(low, high) == ("gap_between_scales",)
    assert scaling.compare(high, high) == ()


@pytest.mark.parametrize(
    ("sessions", "error", "part"),
    [
        ([], MissingAnswerError, "at least one"),
        ([("2026-01-10", 11)], OutOfRangeError, "0 to 10"),
        ([("2026-01-10", 2.5)], OutOfRangeError, "whole number"),
        ([("10/01/2026", 2)], InvalidDateError, "year-month-day"),
        ([("2026-01-10", 2), ("2026-01-10", 3)], InvalidDateError, "one rating per session"),
        ([("2026-01-10",)], MissingAnswerError, "a date and a rating"),
    ],
)
def test_bad_sessions_raise_our_errors(sessions, error, part):
    with pytest.raises(error, match=part):
        scaling.summarise(QUESTION, sessions)


def test_unknown_question_is_named():
    with pytest.raises(UnknownItemError, match="happiness"):
        scaling.summarise("happiness", [("2026-01-10", 2)])


dates = st.lists(
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)), min_size=1, max_size=8, unique=True
)


@settings(max_examples=1000)
@given(dates, st.data())
def test_scaling_summary_invariants(days, data):
    ratings = data.draw(st.lists(st.integers(0, 10), min_size=len(days), max_size=len(days)))
    sessions = list(zip(days, ratings, strict=True))
    summary = scaling.summarise(QUESTION, sessions)
    shuffled = data.draw(st.permutations(sessions))
    assert scaling.summarise(QUESTION, shuffled) == summary
    assert summary.change_since_first == summary.latest - summary.first
    assert summary.highest >= summary.latest
    assert ("very_low" in summary.prompts) == (summary.latest <= 1)
    assert ("at_top" in summary.prompts) == (summary.latest == 10)
    assert list(summary.dates) == sorted(days)


@settings(max_examples=1000)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.text(max_size=12), st.dates(), st.integers()),
            st.one_of(st.integers(-5, 15), st.floats(), st.text(max_size=2)),
        ),
        max_size=4,
    )
)
def test_scaling_any_input_gives_a_summary_or_our_error(sessions):
    with contextlib.suppress(ToolkitInputError):
        scaling.summarise(QUESTION, sessions)


STAGES = [s.id for s in load_stages().stages]


@pytest.mark.parametrize("stage", STAGES)
def test_ticking_one_stage_fully_picks_that_stage(stage):
    ticked = [i for i in culture_stage.indicator_ids() if i.startswith(f"{stage}-")]
    fit = culture_stage.best_fit(ticked)
    assert fit.stage == stage
    position = STAGES.index(stage)
    assert fit.next_stage == (STAGES[position + 1] if position + 1 < len(STAGES) else None)
    assert fit.next_steps


def test_a_tie_goes_to_the_earlier_stage():
    both = [
        i for i in culture_stage.indicator_ids() if i.split("-")[0] in ("tactical", "strategic")
    ]
    fit = culture_stage.best_fit(both)  # every indicator of both stages: a tie at 100%
    assert fit.share["tactical"] == fit.share["strategic"] == 1.0
    assert fit.stage == "tactical"


def test_no_ticks_or_unknown_ticks_are_refused():
    with pytest.raises(MissingAnswerError):
        culture_stage.best_fit([])
    with pytest.raises(UnknownItemError):
        culture_stage.best_fit(["nascent-99"])


@settings(max_examples=1000)
@given(st.sets(st.sampled_from(sorted(culture_stage.indicator_ids())), min_size=1))
def test_the_best_fit_has_the_largest_share(ticked):
    fit = culture_stage.best_fit(ticked)
    assert fit.share[fit.stage] == max(fit.share.values())
    earlier = STAGES[: STAGES.index(fit.stage)]
    assert all(fit.share[s] < fit.share[fit.stage] for s in earlier)
