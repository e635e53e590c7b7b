"""Return on investment of coaching: pure arithmetic, with the toolkit's caveat.

The toolkit defines ROI as the net benefit divided by the cost, as a
percentage, and warns that the social return of coaching is hard to put a
price on. It gives no figures; the calculator and its worked example are ours.

>>> r = compute(benefits=15000, costs=10000)
>>> (r.net_benefit, r.roi_percent, r.benefit_cost_ratio)
(5000.0, 50.0, 1.5)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from toolkit_widgets.checks import finite_number
from toolkit_widgets.errors import OutOfRangeError

__all__ = ["MAXIMUM", "MINIMUM", "RoiResult", "compute"]

#: the smallest amount of money the calculator takes (benefits and costs alike)
MINIMUM = 0.0
#: the largest: far above any coaching programme's figures, so a larger number is
#: a slip of the keyboard (or the wrong unit), and the ratio stays readable
MAXIMUM = 1_000_000_000_000.0


@dataclass(frozen=True)
class RoiResult:
    benefits: float
    costs: float
    net_benefit: float
    roi_percent: float
    benefit_cost_ratio: float


def compute(benefits: object, costs: object) -> RoiResult:
    """ROI = (benefits - costs) / costs x 100; benefit-cost ratio = benefits / costs."""
    gained = _amount(benefits, "Benefits")
    spent = _amount(costs, "Costs")
    if spent == 0:
        raise OutOfRangeError(
            "Costs: enter a cost greater than 0; a return cannot be worked out on nothing spent.",
            field="Costs",
        )
    net = gained - spent
    ratio = gained / spent
    if not math.isfinite(ratio * 100):
        raise OutOfRangeError(
            "Benefits and costs are too far apart to compare; check the amounts and units.",
            field="Costs",
        )
    return RoiResult(gained, spent, net, net / spent * 100, ratio)


def _amount(value: object, field: str) -> float:
    """A finite amount from MINIMUM to MAXIMUM, or our error naming ``field``."""
    amount = finite_number(value, field, minimum=MINIMUM)
    if amount > MAXIMUM:
        raise OutOfRangeError(
            f"{field}: enter a number of at most {MAXIMUM:,.0f}; got {value!r}.", field=field
        )
    return amount
