"""The coach's own assessments (toolkit chapter 9): pure scoring over plain answers.

Three kinds of result, one per kind of instrument, none of them a total:

* :func:`strengths_and_gaps`: the supervisory coaching skills self-assessment.
  The toolkit's rule: "agree" or "strongly agree" (3 or 4) probably marks a
  strength, "disagree" or "strongly disagree" (1 or 2) an area to improve.
* :func:`profile`: the Coaching Practices Rating Scale and the coaching
  skills self-assessment. The toolkit says to review the lowest items. The
  sorted profile, the lowest items (every item tied at the lowest rating),
  and the mean of rated items are our additions; "No opportunity" answers
  are never counted.
* :func:`category_counts`: the supervisory job-responsibility table. Its
  codes 1-4 are categories (most important ... not applicable), so they are
  counted, never averaged.

Unanswered items are listed, not guessed: a result can be read part-way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from toolkit_widgets.checks import known_items, whole_number
from toolkit_widgets.constants import NOT_APPLICABLE
from toolkit_widgets.errors import OutOfRangeError
from toolkit_widgets.spec import Questionnaire

__all__ = [
    "CategoryCounts",
    "Profile",
    "StrengthsAndGaps",
    "category_counts",
    "profile",
    "strengths_and_gaps",
]

#: lowest rating on the 1-4 agreement scale that the toolkit reads as a strength
STRENGTH_FROM = 3


@dataclass(frozen=True)
class StrengthsAndGaps:
    strengths: tuple[str, ...]  # item ids, in the instrument's order
    to_develop: tuple[str, ...]
    unanswered: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    ranked: tuple[tuple[str, int], ...]  # (item id, rating), lowest first, ties in item order
    lowest: tuple[str, ...]  # every item at the lowest rating given
    mean: float | None  # of rated items only; None when nothing is rated
    not_applicable: tuple[str, ...]
    unanswered: tuple[str, ...]


@dataclass(frozen=True)
class CategoryCounts:
    counts: dict[int, int]  # category code -> number of items, every code present
    items: dict[int, tuple[str, ...]]  # category code -> item ids
    unanswered: tuple[str, ...]


def _ratings(
    ratings: Mapping[str, object], instrument: Questionnaire
) -> tuple[dict[str, int], list[str], list[str]]:
    """Checked ratings, then not-applicable and unanswered item ids, in item order."""
    known_items(ratings, instrument.item_ids, instrument.title)
    low, high = min(instrument.scale.values), max(instrument.scale.values)
    rated: dict[str, int] = {}
    not_applicable: list[str] = []
    unanswered: list[str] = []
    for item_id in instrument.item_ids:
        value = ratings.get(item_id)
        if value is None:
            unanswered.append(item_id)
        elif value == NOT_APPLICABLE:
            if instrument.scale.not_applicable is None:
                raise OutOfRangeError(
                    f"Item {item_id}: the {instrument.title} has no "
                    f"'not applicable' answer; choose {low} to {high}.",
                    field=item_id,
                )
            not_applicable.append(item_id)
        else:
            rated[item_id] = whole_number(value, low, high, f"Item {item_id}")
    return rated, not_applicable, unanswered


def strengths_and_gaps(
    ratings: Mapping[str, object], instrument: Questionnaire
) -> StrengthsAndGaps:
    """Split rated items into probable strengths (3-4) and areas to develop (1-2)."""
    rated, _, unanswered = _ratings(ratings, instrument)
    return StrengthsAndGaps(
        strengths=tuple(i for i, v in rated.items() if v >= STRENGTH_FROM),
        to_develop=tuple(i for i, v in rated.items() if v < STRENGTH_FROM),
        unanswered=tuple(unanswered),
    )


def profile(ratings: Mapping[str, object], instrument: Questionnaire) -> Profile:
    """Rated items from lowest to highest; "not applicable" answers set apart."""
    if instrument.scale.categorical:
        raise OutOfRangeError(
            f"The {instrument.title} uses categories; they are counted, not ranked.",
            field="scale",
        )
    rated, not_applicable, unanswered = _ratings(ratings, instrument)
    order = {item_id: n for n, item_id in enumerate(instrument.item_ids)}
    ranked = tuple(sorted(rated.items(), key=lambda pair: (pair[1], order[pair[0]])))
    lowest_value = ranked[0][1] if ranked else None
    return Profile(
        ranked=ranked,
        lowest=tuple(i for i, v in ranked if v == lowest_value),
        mean=math.fsum(rated.values()) / len(rated) if rated else None,
        not_applicable=tuple(not_applicable),
        unanswered=tuple(unanswered),
    )


def category_counts(ratings: Mapping[str, object], instrument: Questionnaire) -> CategoryCounts:
    """How many items fall in each category; the codes are never added or averaged."""
    rated, _, unanswered = _ratings(ratings, instrument)
    codes = instrument.scale.values
    return CategoryCounts(
        counts={code: sum(1 for v in rated.values() if v == code) for code in codes},
        items={code: tuple(i for i, v in rated.items() if v == code) for code in codes},
        unanswered=tuple(unanswered),
    )
