"""Results and print summaries of the checklist worksheets (chapter 8), as HTML.

The tally is ``toolkit_widgets.checklist``; this module only shows it: counts
per group and status, the gaps with the action written for each, and the
list's own "added by this site" note (the toolkit gives the lists, no rating).
Learner text is escaped. Shared by the page's worksheet and the old widget view.
"""

from __future__ import annotations

from html import escape
from typing import Any

from toolkit_widgets import checklist
from toolkit_widgets.checklist_sheet import labels
from toolkit_widgets.spec import Checklist

__all__ = ["results_html", "summary_html"]


def results_html(lst: Checklist, answers: dict[str, Any]) -> str:
    """Counts per group, the gaps to act on, and which gaps still need an action."""
    result = checklist.tally(lst, answers)
    entries, statuses = labels(lst)
    total = len(entries)
    if len(result.unanswered) == total:
        return "<p>Choose a status for each entry to see the counts and the gaps.</p>"
    head = "".join(f"<th scope='col'>{escape(s.label)}</th>" for s in lst.statuses)
    rows = "".join(
        f"<tr><th scope='row'>{escape(g.title)}</th>"
        + "".join(f"<td>{result.by_group[g.id][s.id]}</td>" for s in lst.statuses)
        + "</tr>"
        for g in lst.groups
    )
    gaps = "".join(
        f"<li><strong>{escape(entries[g.entry])}</strong> ({escape(statuses[g.status])}): "
        + (escape(g.action) if g.action.strip() else "<em>no action written yet</em>")
        + "</li>"
        for g in result.gaps
    )
    answered = total - len(result.unanswered)
    return (
        (f"<p>{answered} of {total} answered so far.</p>" if result.unanswered else "")
        + f"<table><thead><tr><th scope='col'>Group</th>{head}</tr></thead><tbody>{rows}"
        "</tbody></table>"
        + (
            f"<h4>Gaps to act on ({len(result.gaps)})</h4><ul class='toolkit-gaps'>{gaps}</ul>"
            if gaps
            else "<p>No gaps marked.</p>"
        )
        + (
            f"<p>{len(result.gaps_without_action)} gap(s) still need an action.</p>"
            if result.gaps_without_action
            else ""
        )
        + f"<p class='toolkit-addition'>Added by this site: {escape(lst.added_by_site)}</p>"
    )


def summary_html(lst: Checklist, answers: dict[str, Any], results: str) -> str:
    """The printable summary: every entry with its status and action, then the results."""
    entries, statuses = labels(lst)
    rows = "".join(
        f"<tr><td>{escape(entries[entry_id])}</td><td>{escape(statuses[a['status']])}</td>"
        f"<td>{escape(a['action'])}</td></tr>"
        for entry_id, a in answers.items()
    )
    return (
        f"<h2>My {escape(lst.title)}</h2><table><thead><tr><th scope='col'>Entry</th>"
        f"<th scope='col'>Status</th><th scope='col'>{escape(lst.action_label)}</th></tr>"
        f"</thead><tbody>{rows}</tbody></table><h3>Results</h3>{results}"
        f"<p>Source: {escape(lst.source)}</p>"
    )
