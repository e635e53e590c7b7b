"""Coaching Readiness Scale (credited to Coleman, 2008, in the toolkit): pure scoring.

Yes/no items in two sections, individual and organizational. The toolkit's
rule: more "yes" than "no" means staff are probably ready for formal
coaching; more "no" means leadership should first work on the learning
culture. A "yes" on an asterisked (caution) item means coaching may not be
the right fit now, so caution items are never counted as readiness: they are
reported on their own.

Added by this site (labelled on the page): verdicts per section as well as
combined, a tie reported as "undecided", and unanswered items listed rather
than counted either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from toolkit_widgets.checks import known_items
from toolkit_widgets.errors import OutOfRangeError
from toolkit_widgets.spec import Item, Questionnaire, load_questionnaire

__all__ = ["NOT_YET", "NO_ANSWERS", "READY", "UNDECIDED", "ReadinessResult", "Tally", "score"]

READY = "probably ready for formal coaching"
NOT_YET = "work on the learning culture first"
UNDECIDED = "undecided: as many yes as no answers; talk it through"
NO_ANSWERS = "no answers yet"


@dataclass(frozen=True)
class Tally:
    """Yes and no answers to the items that count toward readiness."""

    yes: int
    no: int
    unanswered: tuple[str, ...]

    @property
    def verdict(self) -> str:
        if self.yes == self.no == 0:
            return NO_ANSWERS
        if self.yes == self.no:
            return UNDECIDED
        return READY if self.yes > self.no else NOT_YET


@dataclass(frozen=True)
class ReadinessResult:
    sections: dict[str, Tally]
    combined: Tally
    cautions: tuple[str, ...]  # caution items answered "yes"

    @property
    def fit_warning(self) -> bool:
        """True when any caution item was answered yes: coaching may not fit now."""
        return bool(self.cautions)


def _answer(value: object, item_id: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise OutOfRangeError(
        f"Item {item_id}: answer yes (True) or no (False), or leave it blank; got {value!r}.",
        field=item_id,
    )


def _tally(items: Iterable[Item], answers: Mapping[str, bool | None]) -> Tally:
    counted = [item for item in items if not item.caution]
    given = [answers.get(item.id) for item in counted]
    return Tally(
        yes=sum(1 for answer in given if answer is True),
        no=sum(1 for answer in given if answer is False),
        unanswered=tuple(item.id for item in counted if answers.get(item.id) is None),
    )


def score(
    answers: Mapping[str, object], instrument: Questionnaire | None = None
) -> ReadinessResult:
    """Tally yes/no per section and combined; report caution answers apart."""
    scale = instrument or load_questionnaire("crs")
    known_items(answers, scale.item_ids, scale.title)
    checked = {item_id: _answer(value, item_id) for item_id, value in answers.items()}
    sections = {s.id: _tally(scale.items_in(s.id), checked) for s in scale.sections}
    cautions = tuple(item.id for item in scale.items if item.caution and checked.get(item.id))
    return ReadinessResult(sections, _tally(scale.items, checked), cautions)
