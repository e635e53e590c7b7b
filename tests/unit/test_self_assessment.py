"""The coach's own assessments and the chapter 8 checklists: pure scoring.

Instruments are built here from small data (the same shapes as the shipped
files), so each rule is checked on numbers worked out by hand; the shipped
files are checked for the toolkit's item counts in test_instrument_files.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import junk

from toolkit_widgets import checklist, self_assessment
from toolkit_widgets.constants import NOT_APPLICABLE
from toolkit_widgets.errors import OutOfRangeError, ToolkitError, UnknownItemError
from toolkit_widgets.spec import load_checklist, questionnaire_from


def _instrument(n, points, *, categorical=False, not_applicable=None):
    scale = {"id": "s", "points": [{"value": v, "label": f"p{v}"} for v in points]}
    if categorical:
        scale["categorical"] = True
    if not_applicable:
        scale["not_applicable"] = {"label": not_applicable}
    return questionnaire_from(
        {
            "id": "x",
            "schema_version": 1,
            "version": 1,
            "kind": "questionnaire",
            "title": "Test sheet",
            "source": "test",
            "wording": "paraphrase",
            "scale": scale,
            "sections": [{"id": "a", "title": "A"}],
            "items": [
                {"id": f"i{k}", "section": "a", "text": f"item {k}"} for k in range(1, n + 1)
            ],
        },
        "x.json",
    )


AGREE = _instrument(12, [1, 2, 3, 4])
CPRS = _instrument(14, [1, 2, 3, 4, 5], not_applicable="No opportunity")
JOBS = _instrument(31, [1, 2, 3, 4], categorical=True)


# --- strengths and areas to develop ----------------------------------------------------


def test_agree_and_strongly_agree_are_strengths_the_rest_to_develop():
    ratings = {"i1": 4, "i2": 3, "i3": 2, "i4": 1, "i5": None}
    result = self_assessment.strengths_and_gaps(ratings, AGREE)
    assert result.strengths == ("i1", "i2")
    assert result.to_develop == ("i3", "i4")
    assert result.unanswered == ("i5", *(f"i{k}" for k in range(6, 13)))


@settings(max_examples=1000)
@given(st.dictionaries(st.sampled_from(AGREE.item_ids), st.integers(1, 4)))
def test_every_rated_item_lands_in_exactly_one_list(ratings):
    result = self_assessment.strengths_and_gaps(ratings, AGREE)
    assert sorted(result.strengths + result.to_develop) == sorted(ratings)
    assert all(ratings[i] >= 3 for i in result.strengths)
    assert all(ratings[i] <= 2 for i in result.to_develop)


# --- profile with "no opportunity" ---------------------------------------------------


def test_profile_ranks_lowest_first_and_sets_no_opportunity_apart():
    ratings = {"i1": 5, "i2": 2, "i3": NOT_APPLICABLE, "i4": 2, "i5": 4}
    result = self_assessment.profile(ratings, CPRS)
    assert result.ranked == (("i2", 2), ("i4", 2), ("i5", 4), ("i1", 5))
    assert result.lowest == ("i2", "i4")
    assert result.mean == pytest.approx(13 / 4)
    assert result.not_applicable == ("i3",)
    assert len(result.unanswered) == 14 - 5


def test_a_profile_with_nothing_rated_has_no_mean():
    result = self_assessment.profile({"i1": NOT_APPLICABLE}, CPRS)
    assert result.mean is None
    assert result.lowest == ()


@settings(max_examples=1000)
@given(
    st.dictionaries(st.sampled_from(CPRS.item_ids), st.integers(1, 5)),
    st.sets(st.sampled_from(CPRS.item_ids)),
)
def test_no_opportunity_is_never_counted(ratings, skipped):
    rated = {i: v for i, v in ratings.items() if i not in skipped}
    with_skips = {**rated, **dict.fromkeys(skipped, NOT_APPLICABLE)}
    plain = self_assessment.profile(rated, CPRS)
    result = self_assessment.profile(with_skips, CPRS)
    assert result.ranked == plain.ranked
    assert result.mean == plain.mean
    assert set(result.not_applicable) == skipped


def test_no_opportunity_is_refused_where_the_scale_has_no_such_answer():
    with pytest.raises(OutOfRangeError, match="no 'not applicable' answer"):
        self_assessment.profile({"i1": NOT_APPLICABLE}, AGREE)


def test_categories_cannot_be_ranked_or_averaged():
    with pytest.raises(OutOfRangeError, match="counted, not ranked"):
        self_assessment.profile({"i1": 1}, JOBS)


# --- category counts -------------------------------------------------------------------


def test_job_responsibility_codes_are_counted():
    ratings = {"i1": 1, "i2": 1, "i3": 4, "i4": 2}
    result = self_assessment.category_counts(ratings, JOBS)
    assert result.counts == {1: 2, 2: 1, 3: 0, 4: 1}
    assert result.items[1] == ("i1", "i2")
    assert len(result.unanswered) == 27
    assert not hasattr(result, "mean")


@settings(max_examples=1000)
@given(st.dictionaries(st.sampled_from(JOBS.item_ids), st.integers(1, 4)))
def test_counts_add_up_to_the_items_answered(ratings):
    result = self_assessment.category_counts(ratings, JOBS)
    assert sum(result.counts.values()) == len(ratings)
    assert len(result.unanswered) == 31 - len(ratings)


@settings(max_examples=1000)
@given(st.sampled_from(CPRS.item_ids), junk.filter(lambda v: v is not None))
def test_invalid_answers_raise_the_packages_own_error(item_id, value):
    for scorer in (self_assessment.profile, self_assessment.strengths_and_gaps):
        with pytest.raises(ToolkitError):
            scorer({item_id: value}, CPRS)


def test_an_item_from_another_instrument_is_named():
    with pytest.raises(UnknownItemError, match="zz"):
        self_assessment.category_counts({"zz": 1}, JOBS)


# --- checklists ------------------------------------------------------------------------

ENVIRONMENT = load_checklist("learning_environment")
FACTORS = load_checklist("readiness_factors")


def test_learning_environment_checklist_counts_and_gaps():
    answers = {
        "big-picture": {"status": "present", "action": ""},
        "stretch": {"status": "absent", "action": "Pair each learner with a stretch case"},
        "support": {"status": "partly", "action": ""},
    }
    result = checklist.tally(ENVIRONMENT, answers)
    assert result.by_group == {"characteristics": {"present": 1, "partly": 1, "absent": 1}}
    assert [(g.entry, g.status) for g in result.gaps] == [
        ("stretch", "absent"),
        ("support", "partly"),
    ]
    assert result.gaps_without_action == ("support",)
    assert len(result.unanswered) == 5


def test_readiness_factors_are_counted_per_domain():
    answers = {
        "training-needs": {"status": "strength"},
        "pressure": {"status": "concern", "action": "Ask staff"},
        "autonomy": {"status": "unknown"},
    }
    result = checklist.tally(FACTORS, answers)
    assert result.by_group["motivation"] == {"strength": 1, "concern": 1, "unknown": 0}
    assert result.by_group["climate"] == {"strength": 0, "concern": 0, "unknown": 1}
    assert [g.entry for g in result.gaps] == ["pressure", "autonomy"]


@pytest.mark.parametrize(
    ("answers", "error"),
    [
        ({"nope": {"status": "present"}}, UnknownItemError),
        ({"stretch": {"status": "maybe"}}, OutOfRangeError),
        ({"stretch": "present"}, OutOfRangeError),
        ({"stretch": {"status": "present", "action": 5}}, OutOfRangeError),
        ({"stretch": {"status": "present", "action": "x" * 5001}}, OutOfRangeError),
    ],
)
def test_bad_checklist_answers_are_refused(answers, error):
    with pytest.raises(error):
        checklist.tally(ENVIRONMENT, answers)
