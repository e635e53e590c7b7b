"""Scaling questions (the toolkit's Tables 4.6 and 4.7): pure summaries.

A learner answers the same 0-10 question at dated sessions. The summary gives
the change since the first and since the last session, the highest rating so
far, and the toolkit's follow-up prompts that fit the situation. A very low
rating brings a prompt about extra support and the boundary between coaching
and therapy; it is never a diagnosis.

Added by this site (labelled on the page): which prompt appears when, the
"very low" threshold (0 or 1) and the gap between two scales (5 or more).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from toolkit_widgets.checks import parse_date, whole_number
from toolkit_widgets.errors import InvalidDateError, MissingAnswerError, UnknownItemError
from toolkit_widgets.spec import ScalingQuestion, load_scaling

__all__ = ["ScalingSummary", "compare", "question", "summarise"]

#: ratings at or below this bring the extra-support prompt (our threshold)
VERY_LOW = 1
#: two scales this far apart show where to work (our threshold)
WIDE_GAP = 5


@dataclass(frozen=True)
class ScalingSummary:
    question_id: str
    dates: tuple[dt.date, ...]
    ratings: tuple[int, ...]
    first: int
    latest: int
    change_since_first: int
    change_since_last: int | None  # None after a single session
    highest: int
    #: keys of the instrument's prompts (``spec.SCALING_PROMPTS``), most urgent first
    prompts: tuple[str, ...]


def question(question_id: str) -> ScalingQuestion:
    """The definition of one scaling question, or an error naming the unknown id."""
    found = load_scaling().question(question_id)
    if found is not None:
        return found
    raise UnknownItemError(f"There is no scaling question {question_id!r}.", field="question")


def _sessions(sessions: Sequence[tuple[object, object]]) -> list[tuple[dt.date, int]]:
    bounds = load_scaling().range
    if isinstance(sessions, (str, bytes)) or not isinstance(sessions, Sequence) or not sessions:
        raise MissingAnswerError("Add at least one dated rating.", field="sessions")
    checked = []
    for number, session in enumerate(sessions, start=1):
        if not isinstance(session, Sequence) or isinstance(session, str) or len(session) != 2:
            raise MissingAnswerError(
                f"Session {number}: give a date and a rating; got {session!r}.", field="sessions"
            )
        when = parse_date(session[0], f"Session {number} date")
        rating = whole_number(session[1], bounds.min, bounds.max, f"Session {number} rating")
        checked.append((when, rating))
    checked.sort(key=lambda pair: pair[0])
    for (earlier, _), (later, _) in pairwise(checked):
        if earlier == later:
            raise InvalidDateError(
                f"Two ratings share the date {later.isoformat()}; keep one rating per session.",
                field="sessions",
            )
    return checked


def summarise(question_id: str, sessions: Sequence[tuple[object, object]]) -> ScalingSummary:
    """Summarise dated 0-10 ratings of one question and choose the follow-up prompts."""
    question(question_id)
    ordered = _sessions(sessions)
    ratings = tuple(rating for _, rating in ordered)
    latest, highest = ratings[-1], max(ratings)
    since_last = latest - ratings[-2] if len(ratings) > 1 else None
    prompts = []
    if latest <= VERY_LOW:
        prompts.append("very_low")
    if since_last is not None and since_last < 0:
        prompts.append("dropped")
    if latest < highest:
        prompts.append("best_before")
    if latest == load_scaling().range.max:
        prompts.append("at_top")
    else:
        prompts.append("step_up")
    if latest > 0:
        prompts.append("what_works")
    return ScalingSummary(
        question_id=question_id,
        dates=tuple(when for when, _ in ordered),
        ratings=ratings,
        first=ratings[0],
        latest=latest,
        change_since_first=latest - ratings[0],
        change_since_last=since_last,
        highest=highest,
        prompts=tuple(prompts),
    )


def compare(first: ScalingSummary, second: ScalingSummary) -> tuple[str, ...]:
    """Prompts from two scales side by side: a wide gap shows where to work."""
    if abs(first.latest - second.latest) >= WIDE_GAP:
        return ("gap_between_scales",)
    return ()
