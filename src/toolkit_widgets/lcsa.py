"""Learning Culture Self-Audit (Conner & Clawson, 2002): pure scoring.

The audit rates 13 pro-learning and 13 opposite anti-learning statements
from 1 ("always no") to 5 ("always yes"). The toolkit's rule: total each
column; the larger total shows which culture the organization leans toward;
mark the items that need attention.

Added by this site (labelled on the page): a tie is reported as "mixed", the
margin between the totals, and the gap within each pro/anti pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from toolkit_widgets.checks import all_answered, known_items, whole_number
from toolkit_widgets.errors import UnknownItemError
from toolkit_widgets.spec import Questionnaire, load_questionnaire

__all__ = ["LcsaResult", "PairGap", "score"]


@dataclass(frozen=True)
class PairGap:
    """One pro-learning statement beside its anti-learning opposite."""

    pair: int
    pro: int
    anti: int

    @property
    def gap(self) -> int:
        """Positive when the pro-learning side is rated higher (ours)."""
        return self.pro - self.anti


@dataclass(frozen=True)
class LcsaResult:
    pro_total: int
    anti_total: int
    lean: str  # "pro", "anti" or "mixed" (a tie; our rule)
    margin: int
    flagged: tuple[str, ...]
    pairs: tuple[PairGap, ...]
    #: lowest and highest total a column can have (13 items at 1 and at 5: 13 to 65)
    total_range: tuple[int, int] = (0, 0)


def score(
    ratings: Mapping[str, object],
    flagged: Iterable[str] = (),
    instrument: Questionnaire | None = None,
) -> LcsaResult:
    """Totals per column, the lean, and the items marked for attention.

    ``ratings`` maps every item id (``pro-01`` … ``anti-13``) to 1-5;
    ``flagged`` lists item ids the learner marked as needing attention.
    """
    audit = instrument or load_questionnaire("lcsa")
    known_items(ratings, audit.item_ids, audit.title)
    all_answered(ratings, audit.item_ids, audit.title)
    low, high = min(audit.scale.values), max(audit.scale.values)
    values = {i: whole_number(ratings[i], low, high, f"Item {i}") for i in audit.item_ids}
    marked = tuple(flagged)
    for item_id in marked:
        if item_id not in values:
            raise UnknownItemError(f"Cannot mark {item_id!r}: the audit has no such item.")
    pro = sum(values[item.id] for item in audit.items_in("pro"))
    anti = sum(values[item.id] for item in audit.items_in("anti"))
    lean = "pro" if pro > anti else "anti" if anti > pro else "mixed"
    by_pair: dict[int, dict[str, int]] = {}
    for item in audit.items:
        by_pair.setdefault(item.pair or 0, {})[item.section] = values[item.id]
    pairs = tuple(PairGap(n, side["pro"], side["anti"]) for n, side in sorted(by_pair.items()))
    ordered_flags = tuple(i for i in audit.item_ids if i in set(marked))
    per_column = len(audit.items_in("pro"))
    span = (per_column * low, per_column * high)
    return LcsaResult(pro, anti, lean, abs(pro - anti), ordered_flags, pairs, span)
