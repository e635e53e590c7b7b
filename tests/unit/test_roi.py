import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit_widgets.errors import OutOfRangeError
from toolkit_widgets.roi import compute


def test_worked_example():
    result = compute(benefits=24000, costs=16000)
    assert result.net_benefit == 8000
    assert result.roi_percent == 50
    assert result.benefit_cost_ratio == 1.5


@pytest.mark.parametrize(
    ("benefits", "costs", "part"),
    [
        (100, 0, "greater than 0"),
        (-1, 10, "at least 0"),
        (100, -5, "at least 0"),
        (float("nan"), 10, "Benefits"),
        (10, float("inf"), "Costs"),
        ("100", 10, "Benefits"),
        (True, 10, "Benefits"),
    ],
)
def test_bad_figures_raise_our_error(benefits, costs, part):
    with pytest.raises(OutOfRangeError) as raised:
        compute(benefits, costs)
    assert part in str(raised.value)


money = st.floats(min_value=0, max_value=1e12, allow_nan=False)


@settings(max_examples=1000)
@given(money, st.floats(min_value=0.01, max_value=1e12))
def test_roi_and_ratio_agree(benefits, costs):
    result = compute(benefits, costs)
    assert math.isclose(
        result.roi_percent, (result.benefit_cost_ratio - 1) * 100, rel_tol=1e-9, abs_tol=1e-6
    )
    assert (result.roi_percent >= 0) == (benefits >= costs)


@settings(max_examples=1000)
@given(
    st.one_of(
        st.none(), st.text(), st.booleans(), st.floats(), st.integers(), st.lists(st.integers())
    ),
    st.one_of(st.none(), st.text(), st.floats(), st.integers()),
)
def test_any_input_gives_a_result_or_our_error(benefits, costs):
    try:
        result = compute(benefits, costs)
    except OutOfRangeError:
        return
    assert math.isfinite(result.roi_percent)
