"""Culture-of-coaching stage (Megginson & Clutterbuck, 2005): best fit from indicators.

The toolkit describes four stages, nascent, tactical, strategic and
embedded, without a scoring rule. This site adds (and labels as ours)
observable indicators for each stage and this rule: the stage whose
indicators are most fully ticked fits best; a tie goes to the earlier stage,
so an agency is never told it is further along than its answers show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from toolkit_widgets.errors import MissingAnswerError, UnknownItemError
from toolkit_widgets.spec import Stage, load_stages

__all__ = ["StageFit", "best_fit", "indicator_ids", "stages"]


@dataclass(frozen=True)
class StageFit:
    stage: str
    share: dict[str, float]  # stage id -> share of its indicators ticked
    next_stage: str | None  # None once embedded
    next_steps: tuple[str, ...]


def stages() -> tuple[Stage, ...]:
    """The stages in order, from the earliest, as the data file gives them."""
    return load_stages().stages


def indicator_ids() -> dict[str, str]:
    """Indicator id (``<stage>-<n>``, from 1) -> indicator text, in stage order."""
    return {
        f"{stage.id}-{number}": text
        for stage in stages()
        for number, text in enumerate(stage.indicators, start=1)
    }


def best_fit(ticked: Iterable[str]) -> StageFit:
    """The stage that best fits the ticked indicators, and what moves the agency on."""
    chosen = set(ticked)
    unknown = sorted(chosen - set(indicator_ids()))
    if unknown:
        raise UnknownItemError(f"There is no indicator {unknown[0]!r}.", field=unknown[0])
    if not chosen:
        raise MissingAnswerError(
            "Tick at least one statement that describes your agency.", field="indicators"
        )
    order = stages()
    share = {
        stage.id: sum(f"{stage.id}-{n}" in chosen for n in range(1, len(stage.indicators) + 1))
        / len(stage.indicators)
        for stage in order
    }
    # max() keeps the first of equal values: ties go to the earlier stage
    position = max(range(len(order)), key=lambda i: share[order[i].id])
    fit = order[position]
    following = order[position + 1].id if position + 1 < len(order) else None
    return StageFit(fit.id, share, following, fit.next_steps)
