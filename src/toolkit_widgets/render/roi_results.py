"""Results and print summary of the ROI calculator, as HTML.

The arithmetic is ``toolkit_widgets.roi.compute``; this module shows its
figures with the toolkit's caveat (much of coaching's return is social and
hard to price) and the label that the calculator is this site's. A field not
entered yet is asked for, never taken as 0. Shared by the page's worksheet and
the old widget view.
"""

from __future__ import annotations

from html import escape
from typing import Any

from toolkit_widgets import roi
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.roi_sheet import AMOUNTS

__all__ = ["ADDED_BY_SITE", "results_html", "summary_html"]

#: the rule this site adds, as the results label it
ADDED_BY_SITE = (
    "<p class='toolkit-addition'>The calculator is added by this site; the "
    "toolkit defines ROI but gives no figures.</p>"
)


def _waiting(answers: dict[str, Any]) -> str | None:
    """What to ask for while a figure is missing (both 0 reads as nothing entered)."""
    missing = [key for key in AMOUNTS if answers[key] is None]
    if not missing and answers["benefits"] == answers["costs"] == 0:
        missing = list(AMOUNTS)
    if not missing:
        return None
    wanted = " and the ".join(missing)
    return f"<p>Enter the {wanted} to see the return.</p>"


def results_html(answers: dict[str, Any]) -> str:
    """Net benefit, ROI and benefit-cost ratio, or what is missing or wrong."""
    waiting = _waiting(answers)
    if waiting:
        return waiting
    try:
        result = roi.compute(answers["benefits"], answers["costs"])
    except ToolkitInputError as error:
        return f"<p class='toolkit-error'>{escape(error.message)}</p>"
    return (
        "<table><tbody>"
        f"<tr><th scope='row'>Net benefit</th><td class='toolkit-score'>"
        f"{result.net_benefit:,.2f}</td></tr>"
        f"<tr><th scope='row'>Return on investment</th><td class='toolkit-score'>"
        f"{result.roi_percent:,.1f}%</td></tr>"
        f"<tr><th scope='row'>Benefit-cost ratio</th><td class='toolkit-score'>"
        f"{result.benefit_cost_ratio:,.2f}</td></tr></tbody></table>"
        "<p>ROI = (benefits - costs) / costs x 100. Much of what coaching gives "
        "(confidence, engagement with families, better outcomes) is hard to price; "
        f"count it in words beside the figure.</p>{ADDED_BY_SITE}"
    )


def summary_html(answers: dict[str, Any], results: str) -> str:
    """The printable summary: the two figures entered, then the results."""
    rows = "".join(
        f"<tr><th scope='row'>{escape(label)}</th><td>"
        + ("Not entered" if answers[key] is None else f"{answers[key]:,.2f}")
        + "</td></tr>"
        for key, label in AMOUNTS.items()
    )
    return (
        f"<h2>Return on investment</h2><table><tbody>{rows}</tbody></table>"
        f"<h3>Results</h3>{results}"
    )
