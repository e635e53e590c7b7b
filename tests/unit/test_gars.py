"""GARS scoring: the Kiresuk-Sherman T-score and its input checks.

Expected values are worked out by hand from the published formula
(Kiresuk & Sherman, 1968), not by calling the code under test.
"""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.gars import level_change, score_time_point, t_score


@pytest.mark.parametrize(
    ("levels", "weights", "rho", "expected"),
    [
        ([0], None, 0.3, 50.0),  # one goal met: 50
        ([2], None, 0.3, 70.0),  # one goal, denominator sqrt(0.7 + 0.3) = 1
        ([-2], None, 0.3, 30.0),
        ([1, 0], None, 0.3, 50 + 10 / math.sqrt(2.6)),  # 0.7*2 + 0.3*4 = 2.6
        ([-1, -2], None, 0.3, 50 - 30 / math.sqrt(2.6)),
        ([1, 1, 1], None, 0.3, 50 + 30 / math.sqrt(0.7 * 3 + 0.3 * 9)),
        ([2, -1], [3, 1], 0.3, 50 + 10 * 5 / math.sqrt(0.7 * 10 + 0.3 * 16)),
        ([1, 1], None, 0.0, 50 + 20 / math.sqrt(2)),  # independent goals
        ([1, 1], None, 1.0, 60.0),  # perfectly correlated goals: plain mean
    ],
)
def test_t_score_matches_hand_calculation(levels, weights, rho, expected):
    assert t_score(levels, weights, rho) == pytest.approx(expected, abs=1e-12)


def test_default_rho_is_three_tenths():
    assert t_score([1, 0]) == t_score([1, 0], rho=0.3)


@pytest.mark.parametrize(
    ("kwargs", "message_part"),
    [
        ({"levels": []}, "at least one goal"),
        ({"levels": [3]}, "Goal 1: the level must be a whole number from -2 to +2; got 3"),
        ({"levels": [0, 1.5]}, "Goal 2"),
        ({"levels": [None]}, "Goal 1: choose the level"),
        ({"levels": ["1"]}, "got '1'"),
        ({"levels": [True]}, "got True"),
        ({"levels": [float("nan")]}, "got nan"),
        ({"levels": "12"}, "list with one number per goal"),
        ({"levels": 1}, "list with one number per goal"),
        ({"levels": [0, 0], "weights": [1]}, "2 goal(s) but 1 weight(s)"),
        ({"levels": [0], "weights": [0]}, "greater than 0"),
        ({"levels": [0], "weights": [-1]}, "greater than 0"),
        ({"levels": [0], "weights": [float("inf")]}, "greater than 0"),
        ({"levels": [0], "weights": ["2"]}, "greater than 0"),
        ({"levels": [0], "rho": 1.5}, "from 0 to 1"),
        ({"levels": [0], "rho": -0.1}, "from 0 to 1"),
        ({"levels": [0], "rho": float("nan")}, "from 0 to 1"),
    ],
)
def test_invalid_input_raises_our_error_with_a_message(kwargs, message_part):
    with pytest.raises(ToolkitInputError) as raised:
        t_score(**kwargs)
    assert message_part in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_error_names_the_field_for_the_view():
    with pytest.raises(ToolkitInputError) as raised:
        t_score([0, 0], [1, -2])
    assert raised.value.field == "goal 2 weight"


def test_huge_and_tiny_weights_do_not_overflow():
    expected = 50 + 10 / math.sqrt(2.6)
    assert t_score([1, 0], [1e200, 1e200]) == pytest.approx(expected)
    assert t_score([1, 0], [5e-324, 5e-324]) == pytest.approx(expected)


def test_time_point_not_rated_is_not_an_error():
    result = score_time_point([None, None])
    assert (result.t, result.error, result.rated) == (None, None, False)


def test_time_point_partly_rated_names_the_missing_goal():
    result = score_time_point([1, None])
    assert result.t is None
    assert "Goal 2" in result.error.message


def test_level_change():
    assert level_change(-2, 1) == 3
    assert level_change(None, 1) is None
    with pytest.raises(ToolkitInputError):
        level_change(0, 5)


levels = st.lists(st.integers(-2, 2), min_size=1, max_size=8)


@settings(max_examples=1000)
@given(levels)
def test_all_goals_met_gives_exactly_fifty(xs):
    assert t_score([0] * len(xs)) == 50.0


@settings(max_examples=1000)
@given(levels, st.data())
def test_equal_weight_result_does_not_depend_on_goal_order(xs, data):
    shuffled = data.draw(st.permutations(xs))
    assert t_score(shuffled) == pytest.approx(t_score(xs), abs=1e-9)


@settings(max_examples=1000)
@given(levels, st.data())
def test_raising_one_goal_raises_t(xs, data):
    index = data.draw(st.integers(0, len(xs) - 1))
    if xs[index] == 2:
        return
    higher = list(xs)
    higher[index] += 1
    assert t_score(higher) > t_score(xs)


anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(),
    st.text(max_size=3),
    st.lists(
        st.one_of(st.integers(-3, 3), st.floats(), st.none(), st.text(max_size=2)), max_size=4
    ),
)


@settings(max_examples=1000)
@given(anything, st.one_of(st.none(), anything), st.one_of(st.floats(), st.integers(), anything))
def test_any_input_gives_a_finite_t_or_our_error(levels, weights, rho):
    try:
        result = t_score(levels, weights, rho)
    except ToolkitInputError:
        return
    assert math.isfinite(result)
