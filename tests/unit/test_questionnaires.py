"""LCSA, Coaching Readiness Scale and Organizational Trust Inventory scoring.

Expected values are counted by hand in each example; the properties run at
least 1,000 generated cases per scorer, with no time limit per case (a loaded
machine made Hypothesis's 200 ms deadline fail a correct case: no timed tests).
"""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import junk, ratings_for

from toolkit_widgets import lcsa, readiness, trust
from toolkit_widgets.errors import MissingAnswerError, OutOfRangeError, UnknownItemError
from toolkit_widgets.spec import load_questionnaire

AUDIT = load_questionnaire("lcsa")
CRS = load_questionnaire("crs")
OTI = load_questionnaire("oti")
PRO = [i.id for i in AUDIT.items_in("pro")]
ANTI = [i.id for i in AUDIT.items_in("anti")]
COUNTED = [i.id for i in CRS.items if not i.caution]
CAUTIONS = [i.id for i in CRS.items if i.caution]


# --- Learning Culture Self-Audit -------------------------------------------------


def test_lcsa_worked_example():
    ratings = {**dict.fromkeys(PRO, 4), **dict.fromkeys(ANTI, 2)}
    ratings["anti-03"] = 5  # one pair where the anti-learning side is strong
    result = lcsa.score(ratings, flagged=["anti-03", "pro-01"])
    assert (result.pro_total, result.anti_total) == (52, 29)  # 13*4; 12*2 + 5
    assert (result.lean, result.margin) == ("pro", 23)
    assert result.flagged == ("pro-01", "anti-03")
    assert result.pairs[2].gap == 4 - 5


def test_lcsa_tie_is_mixed():
    result = lcsa.score(dict.fromkeys(AUDIT.item_ids, 3))
    assert (result.lean, result.margin) == ("mixed", 0)


def test_lcsa_missing_and_unknown_items_are_named():
    ratings = dict.fromkeys(AUDIT.item_ids, 3)
    del ratings["anti-07"]
    with pytest.raises(MissingAnswerError, match="anti-07"):
        lcsa.score(ratings)
    with pytest.raises(UnknownItemError, match="pro-99"):
        lcsa.score({**dict.fromkeys(AUDIT.item_ids, 3), "pro-99": 3})
    with pytest.raises(UnknownItemError, match="nope"):
        lcsa.score(dict.fromkeys(AUDIT.item_ids, 3), flagged=["nope"])


lcsa_ratings = ratings_for(AUDIT.item_ids, 1, 5)


@settings(max_examples=1000, deadline=None)
@given(lcsa_ratings)
def test_lcsa_totals_lean_and_margin_agree(ratings):
    result = lcsa.score(ratings)
    assert 13 <= result.pro_total <= 65
    assert 13 <= result.anti_total <= 65
    assert result.margin == abs(result.pro_total - result.anti_total)
    expected = {1: "pro", -1: "anti", 0: "mixed"}[
        (result.pro_total > result.anti_total) - (result.pro_total < result.anti_total)
    ]
    assert result.lean == expected


@settings(max_examples=1000, deadline=None)
@given(lcsa_ratings)
def test_lcsa_swapping_the_columns_flips_the_lean(ratings):
    swapped = {}
    for pro_id, anti_id in zip(PRO, ANTI, strict=True):
        swapped[pro_id], swapped[anti_id] = ratings[anti_id], ratings[pro_id]
    flip = {"pro": "anti", "anti": "pro", "mixed": "mixed"}
    assert lcsa.score(swapped).lean == flip[lcsa.score(ratings).lean]


@settings(max_examples=1000, deadline=None)
@given(
    lcsa_ratings,
    st.sampled_from(AUDIT.item_ids),
    st.one_of(junk, st.integers(6, 99), st.integers(-99, 0)),
)
def test_lcsa_any_bad_rating_raises_our_error(ratings, item_id, bad):
    with pytest.raises((OutOfRangeError, MissingAnswerError)):
        lcsa.score({**ratings, item_id: bad})


# --- Coaching Readiness Scale ----------------------------------------------------


def _all(value: bool) -> dict[str, bool | None]:
    """Every counted item answered ``value``, both starred items answered no."""
    return {**dict.fromkeys(COUNTED, value), **dict.fromkeys(CAUTIONS, False)}


def test_readiness_worked_example():
    answers = _all(True)
    answers.update({"ind-01": False, "ind-02": False, "org-02": False})
    result = readiness.score(answers)
    # 16 counted items: 13 yes, 3 no; the two starred items answered no
    assert (result.combined.yes, result.combined.no) == (13, 3)
    assert result.sections["organisation"].yes == 3  # org-01, 03, 04 (org-05 is starred)
    assert result.overall == readiness.READY
    assert result.cautions == ()
    assert not result.fit_warning


def test_readiness_more_no_than_yes_is_not_yet():
    answers = _all(False)
    answers.update(dict.fromkeys(["ind-01", "ind-03", "org-01"], True))
    result = readiness.score(answers)
    assert (result.combined.yes, result.combined.no) == (3, 13)
    assert result.overall == readiness.NOT_YET


def test_readiness_tie_is_undecided():
    answers = _all(False)
    answers.update(dict.fromkeys(COUNTED[:8], True))
    assert readiness.score(answers).overall == readiness.UNDECIDED  # 8 yes, 8 no


def test_readiness_nothing_answered():
    assert readiness.score({}).overall == readiness.NO_ANSWERS
    assert readiness.score(dict.fromkeys(CRS.item_ids)).overall == readiness.NO_ANSWERS


def test_a_starred_yes_is_a_caution_whatever_the_counts():
    answers = _all(True)
    answers["ind-13"] = True  # something in personal life may interfere
    result = readiness.score(answers)
    assert (result.combined.yes, result.combined.no) == (16, 0)
    assert result.overall == readiness.CAUTION
    assert result.cautions == ("ind-13",)
    # even with only that one answer given
    alone = readiness.score({"org-05": True})
    assert (alone.overall, alone.cautions) == (readiness.CAUTION, ("org-05",))


def test_partial_answers_give_no_verdict():
    # the case: one yes out of 16 counted items used to read "probably ready"
    result = readiness.score({"ind-01": True})
    assert result.overall == readiness.INCOMPLETE
    assert result.remaining == 17  # 15 counted + 2 starred
    answers = _all(True)
    answers["org-01"] = None
    result = readiness.score(answers)
    assert (result.overall, result.remaining) == (readiness.INCOMPLETE, 1)
    # a starred statement left blank could still turn the reading into a caution
    answers = _all(True)
    answers["org-05"] = None
    result = readiness.score(answers)
    assert (result.overall, result.remaining) == (readiness.INCOMPLETE, 1)
    assert result.starred.unanswered == ("org-05",)
    # a starred "no" alone is an answer, not "no answers"
    assert readiness.score({"ind-13": False}).overall == readiness.INCOMPLETE


def test_readiness_rejects_answers_that_are_not_yes_or_no():
    with pytest.raises(OutOfRangeError, match="ind-04"):
        readiness.score({"ind-04": "yes"})


answer = st.sampled_from([True, False, None])
crs_answers = st.fixed_dictionaries({item.id: answer for item in CRS.items})


@settings(max_examples=1000, deadline=None)
@given(crs_answers)
def test_readiness_counts_every_counted_item_once(answers):
    result = readiness.score(answers)
    total = result.combined.yes + result.combined.no + len(result.combined.unanswered)
    assert total == len(COUNTED)
    assert result.fit_warning == any(answers[c] is True for c in CAUTIONS)
    assert result.overall in readiness.READINGS


@settings(max_examples=1000, deadline=None)
@given(crs_answers)
def test_readiness_overall_follows_the_rules_in_order(answers):
    result = readiness.score(answers)
    yes = sum(answers[i] is True for i in COUNTED)
    no = sum(answers[i] is False for i in COUNTED)
    if any(answers[c] is True for c in CAUTIONS):
        expected = readiness.CAUTION
    elif all(value is None for value in answers.values()):
        expected = readiness.NO_ANSWERS
    elif any(value is None for value in answers.values()):
        expected = readiness.INCOMPLETE
    else:
        expected = {1: readiness.READY, -1: readiness.NOT_YET, 0: readiness.UNDECIDED}[
            (yes > no) - (yes < no)
        ]
    assert result.overall == expected


@settings(max_examples=1000, deadline=None)
@given(crs_answers, st.sampled_from(CAUTIONS))
def test_a_caution_answered_yes_never_raises_readiness(answers, caution):
    before = readiness.score({**answers, caution: False})
    after = readiness.score({**answers, caution: True})
    assert after.combined == before.combined
    assert after.sections == before.sections
    assert caution in after.cautions
    assert after.overall == readiness.CAUTION


@settings(max_examples=1000, deadline=None)
@given(
    crs_answers,
    st.sampled_from(CRS.item_ids),
    st.one_of(st.integers(), st.text(max_size=3), st.floats()),
)
def test_readiness_bad_answers_raise_our_error(answers, item_id, bad):
    with pytest.raises(OutOfRangeError):
        readiness.score({**answers, item_id: bad})


# --- Organizational Trust Inventory ----------------------------------------------


def test_trust_worked_example():
    ratings = {
        **{i.id: 6 for i in OTI.items_in("supervisor")},
        **{i.id: 3 for i in OTI.items_in("organisation")},
    }
    ratings["sup-01"] = 2
    result = trust.score(ratings)
    supervisor = result.by_target["supervisor"]
    assert supervisor.mean == pytest.approx((7 * 6 + 2) / 8)  # 5.5
    assert supervisor.label == "Very High"  # 5.5 rounds up to 6
    assert result.by_target["organisation"].label == "Low"
    assert result.overall.mean == pytest.approx((44 + 12) / 12)
    assert result.overall.items == 12


oti_ratings = ratings_for(OTI.item_ids, 1, 7)


@settings(max_examples=1000, deadline=None)
@given(oti_ratings)
def test_trust_means_stay_on_the_scale_and_labels_are_nearest(ratings):
    result = trust.score(ratings)
    for summary in [*result.by_target.values(), result.overall]:
        assert 1 <= summary.mean <= 7
        nearest = math.floor(summary.mean + 0.5)
        assert summary.label == OTI.scale.label_for(nearest)
    assert result.overall.mean == pytest.approx(sum(ratings.values()) / 12)


@settings(max_examples=1000, deadline=None)
@given(
    oti_ratings,
    st.sampled_from(OTI.item_ids),
    st.one_of(junk, st.integers(8, 50), st.integers(-50, 0)),
)
def test_trust_bad_rating_raises_our_error(ratings, item_id, bad):
    with pytest.raises((OutOfRangeError, MissingAnswerError)):
        trust.score({**ratings, item_id: bad})
