r"""Goal Attainment Rating Scale scoring: pure functions over plain numbers.

The toolkit gives the five GARS levels but no overall score. This site adds the
Kiresuk-Sherman goal-attainment T-score (Kiresuk & Sherman, 1968), which turns
the levels reached on several goals into one number centred on 50:

.. math::

   T = 50 + \frac{10 \sum_i w_i x_i}{\sqrt{(1-\rho)\sum_i w_i^2 + \rho\,(\sum_i w_i)^2}}

where :math:`x_i` is the level reached on goal *i* (-2 to +2), :math:`w_i` its
weight and :math:`\rho` the assumed correlation between goal scores (0.3 by
convention). Every goal met exactly at the expected level gives 50; one goal of
weight 1 gives :math:`50 + 10x`.

Checked by hand against the formula: levels (1, 0) with equal weights give
:math:`50 + 10/\sqrt{2.6} = 56.20`.

>>> t_score([0, 0, 0])
50.0
>>> round(t_score([1, 0]), 2)
56.2
>>> t_score([2])
70.0
"""

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from numbers import Real

from toolkit_widgets.checks import parse_date
from toolkit_widgets.constants import (
    DEFAULT_RHO,
    GARS_MAX_LEVEL,
    GARS_MIN_LEVEL,
    GARS_T_MEAN,
    GARS_T_SD,
)
from toolkit_widgets.errors import (
    DuplicateGoalError,
    InvalidDateError,
    MissingAnswerError,
    OutOfRangeError,
    ToolkitInputError,
)

__all__ = [
    "GarsSummary",
    "TimePointResult",
    "check_level",
    "check_rho",
    "check_titles",
    "check_weights",
    "level_change",
    "score_reviews",
    "score_time_point",
    "t_score",
]


def _is_number(value: object) -> bool:
    # bool is an int in Python, but True is never a sensible level or weight
    return isinstance(value, Real) and not isinstance(value, bool)


def _as_list(values: object, what: str) -> list[object]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise ToolkitInputError(
            f"The {what} must be a list with one number per goal; got {values!r}.",
            field=what,
        )
    return list(values)


def check_level(value: object, goal: int = 1) -> int:
    """Return ``value`` as an int level, or raise a message naming the goal."""
    field = f"goal {goal} level"
    if value is None:
        raise MissingAnswerError(f"Goal {goal}: choose the level reached.", field=field)
    if (
        not _is_number(value)
        or not math.isfinite(value)  # type: ignore[arg-type]
        or value != int(value)  # type: ignore[arg-type]
        or not GARS_MIN_LEVEL <= value <= GARS_MAX_LEVEL  # type: ignore[operator]
    ):
        raise OutOfRangeError(
            f"Goal {goal}: the level must be a whole number from {GARS_MIN_LEVEL} "
            f"to +{GARS_MAX_LEVEL}; got {value!r}.",
            field=field,
        )
    return int(value)  # type: ignore[arg-type]


def check_weights(weights: object, goal_count: int) -> list[float]:
    """Return the weights as floats (all 1 when ``weights`` is None)."""
    if weights is None:
        return [1.0] * goal_count
    values = _as_list(weights, "weights")
    if len(values) != goal_count:
        raise ToolkitInputError(
            f"Give one weight per goal: there are {goal_count} goal(s) but "
            f"{len(values)} weight(s).",
            field="weights",
        )
    checked = []
    for goal, weight in enumerate(values, start=1):
        if not _is_number(weight) or not math.isfinite(weight) or weight <= 0:  # type: ignore[arg-type, operator]
            raise OutOfRangeError(
                f"Goal {goal}: the weight must be a number greater than 0; got {weight!r}.",
                field=f"goal {goal} weight",
            )
        checked.append(float(weight))  # type: ignore[arg-type]
    return checked


def check_rho(rho: object) -> float:
    """Return ``rho`` as a float in [0, 1], or raise."""
    if not _is_number(rho) or not math.isfinite(rho) or not 0 <= rho <= 1:  # type: ignore[arg-type, operator]
        raise OutOfRangeError(
            f"The correlation between goals (rho) must be a number from 0 to 1; got {rho!r}.",
            field="rho",
        )
    return float(rho)  # type: ignore[arg-type]


def t_score(
    levels: Sequence[float],
    weights: Sequence[float] | None = None,
    rho: float = DEFAULT_RHO,
) -> float:
    """Kiresuk-Sherman goal-attainment T-score for one time point.

    ``levels`` holds the level reached on each goal (whole numbers -2 to +2);
    ``weights`` one positive weight per goal (equal weights when omitted);
    ``rho`` the assumed correlation between goal scores, from 0 to 1.
    Raises :class:`~toolkit_widgets.errors.ToolkitInputError` on any invalid
    input, with a message that names the goal and what is allowed.
    """
    values = _as_list(levels, "levels")
    if not values:
        raise MissingAnswerError("Add at least one goal before scoring.", field="goals")
    xs = [check_level(value, goal) for goal, value in enumerate(values, start=1)]
    ws = check_weights(weights, len(xs))
    r = check_rho(rho)
    # T does not change when every weight is scaled by the same factor, so
    # dividing by the largest keeps huge or tiny weights from overflowing.
    largest = max(ws)
    ws = [w / largest for w in ws]
    weighted_sum = math.fsum(w * x for w, x in zip(ws, xs, strict=True))
    spread = (1 - r) * math.fsum(w * w for w in ws) + r * math.fsum(ws) ** 2
    return GARS_T_MEAN + GARS_T_SD * weighted_sum / math.sqrt(spread)


@dataclass(frozen=True)
class TimePointResult:
    """The T-score at one time point, or the reason it cannot be computed."""

    t: float | None
    error: ToolkitInputError | None = None
    rated: bool = True
    date: dt.date | None = None


def score_time_point(
    levels: Sequence[object],
    weights: Sequence[float] | None = None,
    rho: float = DEFAULT_RHO,
) -> TimePointResult:
    """Score one time point for display: never raises on learner input.

    A time point with no goal rated yet is reported as not rated rather than as
    an error; a partly rated one carries the message naming the missing goal.
    """
    if levels and all(level is None for level in levels):
        return TimePointResult(t=None, rated=False)
    try:
        return TimePointResult(t=t_score(levels, weights, rho))  # type: ignore[arg-type]
    except ToolkitInputError as error:
        return TimePointResult(t=None, error=error)


def level_change(baseline: int | None, follow_up: int | None) -> int | None:
    """Levels gained (or lost) on one goal since baseline; None if either is unrated."""
    if baseline is None or follow_up is None:
        return None
    return check_level(follow_up) - check_level(baseline)


#: how this site asks learners to record the baseline (shown with results)
BASELINE_CONVENTION = (
    "Baseline: the whole level reached when the goal was written (an in-between "
    "position goes in a note). The lowest level should already be progress, so a learner "
    "usually starts below it and records -2 with a note: a T-score well below 50 is usual."
)


@dataclass(frozen=True)
class GarsSummary:
    """T-scores over time and each goal's change from baseline to its latest rating."""

    time_points: tuple[TimePointResult, ...]
    changes: tuple[int | None, ...]
    baseline_convention: str = BASELINE_CONVENTION


def check_titles(titles: Sequence[object]) -> list[str]:
    """Every goal needs a name, and no two goals may share one."""
    names = _as_list(titles, "goal names")
    seen: dict[str, int] = {}
    for number, title in enumerate(names, start=1):
        if not isinstance(title, str) or not title.strip():
            raise MissingAnswerError(
                f"Goal {number}: write what the goal is.", field=f"goal {number}"
            )
        key = " ".join(title.lower().split())
        if key in seen:
            raise DuplicateGoalError(
                f"Goal {number} repeats goal {seen[key]} ({title.strip()!r}): "
                "merge them or say how they differ.",
                field=f"goal {number}",
            )
        seen[key] = number
    return [str(title).strip() for title in names]


def score_reviews(
    reviews: Sequence[tuple[object, Sequence[object]]],
    weights: Sequence[float] | None = None,
    rho: float = DEFAULT_RHO,
    titles: Sequence[object] | None = None,
) -> GarsSummary:
    """Score a baseline and any number of dated follow-ups.

    ``reviews`` lists ``(date, levels)`` in order, the first being the
    baseline; ``levels`` has one entry per goal (None where a goal was not
    rated that day). Dates must be ISO dates, each later than the one before.
    A goal's change runs from its baseline level to its latest rated level.
    ``titles``, when given, must name every goal once.
    """
    if isinstance(reviews, (str, bytes)) or not isinstance(reviews, Sequence) or not reviews:
        raise MissingAnswerError("Add the baseline rating first.", field="reviews")
    goal_count = None
    dated: list[tuple[dt.date, list[object]]] = []
    for index, review in enumerate(reviews):
        name = "Baseline" if index == 0 else f"Follow-up {index}"
        if not isinstance(review, Sequence) or isinstance(review, str) or len(review) != 2:
            raise MissingAnswerError(f"{name}: give a date and the levels.", field=name)
        when = parse_date(review[0], f"{name} date")
        levels = _as_list(review[1], f"{name} levels")
        if goal_count is None:
            goal_count = len(levels)
        elif len(levels) != goal_count:
            raise MissingAnswerError(
                f"{name}: rate the same {goal_count} goal(s) as at baseline; got {len(levels)}.",
                field=name,
            )
        if dated and when <= dated[-1][0]:
            raise InvalidDateError(
                f"{name} ({when.isoformat()}) must come after "
                f"{'the baseline' if index == 1 else f'follow-up {index - 1}'} "
                f"({dated[-1][0].isoformat()}).",
                field=f"{name} date",
            )
        dated.append((when, levels))
    if titles is not None:
        named = check_titles(titles)
        if len(named) != goal_count:
            raise MissingAnswerError(
                f"There are {len(named)} goal name(s) but {goal_count} goal(s) rated.",
                field="goals",
            )
    points = tuple(
        replace(score_time_point(levels, weights, rho), date=when) for when, levels in dated
    )
    changes = []
    for goal in range(goal_count or 0):
        rated = [levels[goal] for _, levels in dated if levels[goal] is not None]
        first = dated[0][1][goal]
        changes.append(None if first is None or len(rated) < 2 else level_change(first, rated[-1]))
    return GarsSummary(points, tuple(changes))
