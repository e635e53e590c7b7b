"""Organizational Trust Inventory, short form (Nyhan & Marlowe, 1997): pure scoring.

Twelve items rated 1 ("Nearly Zero") to 7 ("Near 100%"): eight on trust in
one's supervisor and four on trust in the organization. The toolkit says only
that a higher number means more trust. Following Nyhan & Marlowe, this site
reports the mean of each part and of all twelve items, each with the scale
label nearest to it (halves round up: our rule). The toolkit describes three
trust dimensions from Cummings & Bromiley (1996), but these twelve items are
not keyed to them, so no per-dimension score is given.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from toolkit_widgets.checks import all_answered, known_items, whole_number
from toolkit_widgets.spec import Questionnaire, Scale, load_questionnaire

__all__ = ["TrustResult", "TrustScore", "score"]


@dataclass(frozen=True)
class TrustScore:
    mean: float
    label: str
    items: int


@dataclass(frozen=True)
class TrustResult:
    by_target: dict[str, TrustScore]  # "supervisor", "organisation"
    overall: TrustScore
    #: the scale's lowest and highest point: every mean lies between them
    scale_range: tuple[int, int] = (1, 7)


def nearest_label(scale: Scale, mean: float) -> str:
    """The label of the scale point nearest ``mean``; .5 goes up (our rule)."""
    return scale.label_for(math.floor(mean + 0.5))


def _summary(values: list[int], scale: Scale) -> TrustScore:
    mean = math.fsum(values) / len(values)
    return TrustScore(mean, nearest_label(scale, mean), len(values))


def score(ratings: Mapping[str, object], instrument: Questionnaire | None = None) -> TrustResult:
    """Mean trust per target and overall, with the nearest scale label."""
    inventory = instrument or load_questionnaire("oti")
    known_items(ratings, inventory.item_ids, inventory.title)
    all_answered(ratings, inventory.item_ids, inventory.title)
    low, high = min(inventory.scale.values), max(inventory.scale.values)
    values = {i: whole_number(ratings[i], low, high, f"Item {i}") for i in inventory.item_ids}
    by_target = {
        section.id: _summary(
            [values[i.id] for i in inventory.items_in(section.id)], inventory.scale
        )
        for section in inventory.sections
    }
    overall = _summary(list(values.values()), inventory.scale)
    return TrustResult(by_target, overall, (low, high))
