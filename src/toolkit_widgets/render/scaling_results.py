"""Results and the print summary of the scaling-question worksheet, as HTML.

Pure functions over checked scaling answers (:mod:`toolkit_widgets.scaling_sheet`):
the question with its anchors, then the change since the first and the last
session, the highest rating, a chart and the follow-up prompts that fit. No
widget is imported here, so the page and the old ipywidgets view share them.
Learner text is always escaped.

Added by this site and labelled where shown: which prompt appears when, and
the extra-support note at 0 or 1 (:mod:`toolkit_widgets.scaling`).
"""

from __future__ import annotations

from html import escape
from typing import Any

from toolkit_widgets import scaling, scaling_sheet
from toolkit_widgets.charts import scaling_chart
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.spec import ScalingQuestion, load_scaling

__all__ = [
    "GROUPS",
    "question_html",
    "question_label",
    "results_html",
    "summary_html",
    "summary_table",
]

#: how the question list names each group of questions in the data file
GROUPS = {"uses": "Ways to use a scale", "sop": "Safety-organized practice"}


def question_label(entry: ScalingQuestion) -> str:
    """'Ways to use a scale: Gauging motivation': a question as the list offers it."""
    return f"{GROUPS.get(entry.group, entry.group)}: {entry.title}"


def question_html(entry: ScalingQuestion) -> str:
    """The question in full, with what the scale's two ends (0 and 10) stand for."""
    added = " (anchors added by this site)" if entry.anchors_added_by_site else ""
    scale = load_scaling().range
    return (
        f"<p class='toolkit-question'><strong>{escape(entry.text)}</strong></p>"
        f"<p>{scale.min} = {escape(entry.anchor_min.rstrip('.'))}; "
        f"{scale.max} = {escape(entry.anchor_max.rstrip('.'))}{added}.</p>"
    )


def summary_table(entry: ScalingQuestion, summary: scaling.ScalingSummary) -> str:
    """Latest, changes, highest, chart and the prompts that fit these ratings."""
    prompts = load_scaling().prompts
    since_last = "—" if summary.change_since_last is None else f"{summary.change_since_last:+d}"
    asked = "".join(
        f"<li class='toolkit-prompt-{key}'>{escape(prompts.text(key))}</li>"
        for key in summary.prompts
    )
    follow = "".join(f"<li>{escape(text)}</li>" for text in entry.follow_ups)
    dates = [date.isoformat() for date in summary.dates]
    chart = scaling_chart(entry.title, list(zip(dates, summary.ratings, strict=True)))
    support = ""
    if "very_low" in summary.prompts:
        support = (
            "<div class='toolkit-caution' role='note'><p><strong>A very low rating.</strong> "
            f"{escape(prompts.very_low)}</p><p>See the page “Coaching and Therapy” on "
            "this site for when and how to refer.</p></div>"
        )
    return (
        "<table><tbody>"
        f"<tr><th scope='row'>Latest rating</th><td class='toolkit-score'>{summary.latest}"
        "</td></tr>"
        f"<tr><th scope='row'>Change since the first session</th><td class='toolkit-score'>"
        f"{summary.change_since_first:+d}</td></tr>"
        f"<tr><th scope='row'>Change since the last session</th><td class='toolkit-score'>"
        f"{since_last}</td></tr>"
        f"<tr><th scope='row'>Highest so far</th><td class='toolkit-score'>{summary.highest}"
        "</td></tr></tbody></table>" + support + f"<figure class='toolkit-figure'>{chart}"
        "<figcaption>Your ratings at each session (0 to 10).</figcaption></figure>"
        f"<p>Questions to ask next:</p><ul>{asked}</ul>"
        + (f"<p>Follow-up questions for this scale:</p><ul>{follow}</ul>" if follow else "")
        + "<p class='toolkit-addition'>Added by this site: which question appears when, "
        "and the extra-support note at 0 or 1.</p>"
    )


def _left_out(answers: dict[str, Any]) -> str:
    """Sessions with a date but no rating, or the other way round: not counted yet."""
    partial = [
        str(number)
        for number, session in enumerate(answers["sessions"], start=1)
        if (session["date"] is None) != (session["rating"] is None)
    ]
    if not partial:
        return ""
    which = ", ".join(partial)
    return (
        f"<p>Not counted yet (a session needs both a date and a rating): "
        f"session{'s' if len(partial) > 1 else ''} {which}.</p>"
    )


def _sessions_list(points: list[tuple[str, int]]) -> str:
    items = "".join(f"<li>{escape(date)}: {rating}</li>" for date, rating in points)
    return f"<p>Your dated ratings so far:</p><ul>{items}</ul>"


def results_html(answers: dict[str, Any]) -> str:
    """The question, then the summary of the dated ratings, or what they still need.

    When the ratings cannot be summarised (two on one date: something the
    form cannot prevent), the question, the scorer's message and the ratings
    themselves are still shown.
    """
    entry = scaling.question(answers["question"])
    head = question_html(entry)
    points = scaling_sheet.rated_sessions(answers)
    left_out = _left_out(answers)
    if not points:
        return head + "<p>Add a date and a rating to see your results.</p>" + left_out
    try:
        summary = scaling.summarise(entry.id, points)
    except ToolkitInputError as error:
        return (
            head
            + f"<p class='toolkit-error'>{escape(error.message)}</p>"
            + _sessions_list(points)
            + left_out
        )
    return head + summary_table(entry, summary) + left_out


def summary_html(answers: dict[str, Any], results: str) -> str:
    """The printable summary: the sessions as recorded (notes too), then the results."""
    rows = "".join(
        f"<tr><td>{number}</td><td>{escape(session['date'] or '—')}</td>"
        f"<td>{'—' if session['rating'] is None else session['rating']}</td>"
        f"<td>{escape(session['note'])}</td></tr>"
        for number, session in enumerate(answers["sessions"], start=1)
    )
    title = escape(question_label(scaling.question(answers["question"])))
    return (
        f"<h2>My scaling question</h2><p>{title}</p>"
        "<table><thead><tr><th scope='col'>Session</th><th scope='col'>Date</th>"
        "<th scope='col'>Rating</th><th scope='col'>Note</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{results}"
    )
