"""Shared input checks used by every scorer; each raises the package's own errors."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from numbers import Real

from toolkit_widgets.errors import (
    InvalidDateError,
    MissingAnswerError,
    OutOfRangeError,
    UnknownItemError,
)


def is_number(value: object) -> bool:
    """A real number that is not a bool (True is an int, but never a rating)."""
    return isinstance(value, Real) and not isinstance(value, bool)


def whole_number(value: object, low: int, high: int, field: str) -> int:
    """Return ``value`` as an int in ``[low, high]`` or raise naming ``field``."""
    if (
        not is_number(value)
        or not math.isfinite(value)  # type: ignore[arg-type]
        or value != int(value)  # type: ignore[arg-type]
        or not low <= value <= high  # type: ignore[operator]
    ):
        raise OutOfRangeError(
            f"{field}: the answer must be a whole number from {low} to {high}; got {value!r}.",
            field=field,
        )
    return int(value)  # type: ignore[arg-type]


def finite_number(value: object, field: str, *, minimum: float = -math.inf) -> float:
    """Return ``value`` as a finite float not below ``minimum``, or raise."""
    if not is_number(value) or not math.isfinite(value) or value < minimum:  # type: ignore[arg-type, operator]
        allowed = "a number" if minimum == -math.inf else f"a number of at least {minimum:g}"
        raise OutOfRangeError(f"{field}: enter {allowed}; got {value!r}.", field=field)
    return float(value)  # type: ignore[arg-type]


def known_items(answers: Mapping[str, object], item_ids: Iterable[str], what: str) -> None:
    """Raise if ``answers`` names an item the instrument does not have."""
    if not isinstance(answers, Mapping):
        raise OutOfRangeError(
            f"The answers to the {what} must map item ids to answers; got {answers!r}.",
            field="answers",
        )
    unknown = sorted(set(answers) - set(item_ids), key=str)
    if unknown:
        raise UnknownItemError(
            f"The {what} has no item {unknown[0]!r}; check that the answers belong to it.",
            field=str(unknown[0]),
        )


def all_answered(answers: Mapping[str, object], item_ids: Iterable[str], what: str) -> None:
    """Raise naming the first item of ``item_ids`` that has no answer."""
    for item_id in item_ids:
        if answers.get(item_id) is None:
            raise MissingAnswerError(
                f"{what}: item {item_id} has no answer yet; every item is needed for the totals.",
                field=item_id,
            )


def parse_date(value: object, field: str) -> dt.date:
    """A ``datetime.date`` or an ISO ``YYYY-MM-DD`` string, as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InvalidDateError(
        f"{field}: enter the date as year-month-day, for example 2026-03-31; got {value!r}.",
        field=field,
    )
