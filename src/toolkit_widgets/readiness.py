"""Coaching Readiness Scale (credited to Coleman, 2008, in the toolkit): pure scoring.

Yes/no items in two sections, individual and organizational. The toolkit's
rule compares "yes" and "no" across the whole survey: more "yes" means staff
are probably ready for formal coaching; more "no" means leadership should
first work on the learning culture. A "yes" on an asterisked (caution) item
means coaching may not be the right fit now, whatever the other answers, so
caution items are never counted as readiness and any "yes" on one decides
the reading.

``score(answers).overall`` is the one headline reading, always one of the
constants below: :data:`CAUTION` (a starred item answered yes), then
:data:`NO_ANSWERS` (nothing answered), :data:`INCOMPLETE` (some statement
still unanswered: the rule compares the whole survey, so no verdict is given
on part of it), then :data:`READY`, :data:`NOT_YET` or :data:`UNDECIDED`
from the counts. Every place that shows or counts a learner's reading (the
worksheet, its print summary and CSV, the group view) reads this value.

Added by this site (labelled on the page): the tie read as "undecided", the
reading withheld until every statement is answered (a starred statement
left blank could still turn the reading into a caution), and the counts per
section shown beside the overall reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from toolkit_widgets.checks import known_items
from toolkit_widgets.errors import OutOfRangeError
from toolkit_widgets.spec import Item, Questionnaire, load_questionnaire

__all__ = [
    "CAUTION",
    "INCOMPLETE",
    "NOT_YET",
    "NO_ANSWERS",
    "READINGS",
    "READY",
    "UNDECIDED",
    "ReadinessResult",
    "Tally",
    "score",
]

READY = "probably ready for formal coaching"
NOT_YET = "work on the learning culture first"
UNDECIDED = "undecided: as many yes as no answers; talk it through"
NO_ANSWERS = "no answers yet"
CAUTION = "caution: coaching may not be the right fit just now"
INCOMPLETE = "not every statement answered yet"

#: every headline reading, in the order the group view lists them
READINGS = (READY, NOT_YET, UNDECIDED, CAUTION, INCOMPLETE, NO_ANSWERS)


@dataclass(frozen=True)
class Tally:
    """Yes and no answers to the items that count toward readiness."""

    yes: int
    no: int
    unanswered: tuple[str, ...]

    @property
    def lean(self) -> str:
        """READY, NOT_YET or UNDECIDED from the counts alone (NO_ANSWERS when none).

        Not a reading on its own: :attr:`ReadinessResult.overall` also weighs
        the starred items and unanswered statements.
        """
        if self.yes == self.no == 0:
            return NO_ANSWERS
        if self.yes == self.no:
            return UNDECIDED
        return READY if self.yes > self.no else NOT_YET


@dataclass(frozen=True)
class ReadinessResult:
    sections: dict[str, Tally]
    #: the counted (unstarred) items of both sections
    combined: Tally
    cautions: tuple[str, ...]  # caution items answered "yes"
    #: the starred items' own answers (a "yes" to any of them is a caution)
    starred: Tally

    @property
    def fit_warning(self) -> bool:
        """True when any caution item was answered yes: coaching may not fit now."""
        return bool(self.cautions)

    @property
    def remaining(self) -> int:
        """How many statements, counted or starred, are still unanswered."""
        return len(self.combined.unanswered) + len(self.starred.unanswered)

    @property
    def overall(self) -> str:
        """The headline reading; see the module's docstring for the order of the rules."""
        if self.cautions:
            return CAUTION
        if self.combined.yes + self.combined.no + self.starred.no == 0:
            return NO_ANSWERS
        if self.remaining:
            return INCOMPLETE
        return self.combined.lean


def _answer(value: object, item_id: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise OutOfRangeError(
        f"Item {item_id}: answer yes (True) or no (False), or leave it blank; got {value!r}.",
        field=item_id,
    )


def _tally(items: Iterable[Item], answers: Mapping[str, bool | None]) -> Tally:
    given = [answers.get(item.id) for item in items]
    return Tally(
        yes=sum(1 for answer in given if answer is True),
        no=sum(1 for answer in given if answer is False),
        unanswered=tuple(item.id for item in items if answers.get(item.id) is None),
    )


def score(
    answers: Mapping[str, object], instrument: Questionnaire | None = None
) -> ReadinessResult:
    """Tally yes/no per section and combined; report caution answers apart."""
    scale = instrument or load_questionnaire("crs")
    known_items(answers, scale.item_ids, scale.title)
    checked = {item_id: _answer(value, item_id) for item_id, value in answers.items()}

    def counted(items: Iterable[Item]) -> list[Item]:
        return [item for item in items if not item.caution]

    sections = {s.id: _tally(counted(scale.items_in(s.id)), checked) for s in scale.sections}
    starred = [item for item in scale.items if item.caution]
    return ReadinessResult(
        sections=sections,
        combined=_tally(counted(scale.items), checked),
        cautions=tuple(item.id for item in starred if checked.get(item.id)),
        starred=_tally(starred, checked),
    )
