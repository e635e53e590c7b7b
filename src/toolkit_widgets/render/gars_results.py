"""Results and the print summary of the GARS worksheet, as HTML.

Pure functions over checked GARS answers (:mod:`toolkit_widgets.gars_sheet`):
the T-score of each time point, a chart of the levels, each goal's change
since baseline and each goal's finalizing-checklist review. No widget is
imported here, so the page (through :mod:`toolkit_widgets.web`) and the old
ipywidgets view show the same results. Learner text is always escaped.

Added by this site and labelled where shown: the T-score (Kiresuk & Sherman,
1968), the baseline convention, and the wording checks of the checklist
(heuristics that can be wrong both ways).
"""

from __future__ import annotations

from html import escape
from typing import Any

from toolkit_widgets import gars, gars_sheet
from toolkit_widgets.charts import gars_levels_chart
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.gars_checklist import review_goal
from toolkit_widgets.spec import GarsLevel, load_gars

__all__ = [
    "TIME_POINTS",
    "checklist_html",
    "level_name",
    "level_names",
    "results_html",
    "score",
    "score_row",
    "scores_html",
    "summary_html",
]

#: (key in a goal's answers, what the learner reads)
TIME_POINTS = (("baseline", "Baseline"), ("follow_up", "Follow-up"))


def level_name(level: GarsLevel) -> str:
    """'+1 Somewhat more than expected', '0 Expected level of outcome', ..."""
    code = level.code
    return f"{code:+d} {level.label}" if code else f"0 {level.label}"


def level_names() -> dict[int, str]:
    """Every level's code and shown name, lowest first, from the instrument's data."""
    return {level.code: level_name(level) for level in load_gars().levels}


def error_html(message: str) -> str:
    """A message in the results; not an alert, since results follow every keystroke."""
    return f'<span class="toolkit-error">{escape(message)}</span>'


def score(answers: dict[str, Any]) -> list[tuple[str, gars.TimePointResult]]:
    """(time point label, result) for baseline and follow-up; never raises on answers.

    A time point whose ratings, weights or ρ cannot be scored carries the
    scorer's message (naming the goal) instead of a T-score.
    """
    goals = answers["goals"]
    weights = [goal["weight"] for goal in goals]
    return [
        (label, gars.score_time_point([goal[key] for goal in goals], weights, answers["rho"]))
        for key, label in TIME_POINTS
    ]


def score_row(label: str, result: gars.TimePointResult) -> str:
    """One row of the T-score table: the score, "not rated yet" or why there is none."""
    if result.t is not None:
        shown = f'<span class="toolkit-t">{result.t:.1f}</span>'
    elif not result.rated:
        shown = "not rated yet"
    else:
        assert result.error is not None  # a rated time point has a T or an error
        shown = error_html(result.error.message)
    return f"<tr><th scope='row'>{escape(label)}</th><td>{shown}</td></tr>"


def _change(goal: dict[str, Any]) -> str:
    try:
        change = gars.level_change(goal["baseline"], goal["follow_up"])
    except ToolkitInputError as error:  # unchecked answers (the old view): say why
        return escape(error.message)
    return "not rated at both time points" if change is None else f"{change:+d} levels"


def scores_html(answers: dict[str, Any]) -> str:
    """The T-score table, the levels chart and each goal's change since baseline."""
    scored = score(answers)
    rows = "".join(score_row(label, result) for label, result in scored)
    chart = gars_levels_chart(
        [label for _, label in TIME_POINTS],
        [
            (f"Goal {number}", [_level_or_none(goal[key]) for key, _ in TIME_POINTS])
            for number, goal in enumerate(answers["goals"], start=1)
        ],
        [result.t for _, result in scored],
        level_names(),
    )
    changes = "".join(
        f"<li>Goal {number}: {_change(goal)}</li>"
        for number, goal in enumerate(answers["goals"], start=1)
    )
    return (
        '<table class="toolkit-t-scores"><thead><tr><th scope="col">Time point</th>'
        '<th scope="col">Goal attainment T-score</th></tr></thead><tbody>'
        + rows
        + "</tbody></table>"
        + f'<figure class="toolkit-figure">{chart}<figcaption>Levels of each goal (G1, '
        "G2, …) at each time point; the black dashed line and squares show the T-score "
        "on the right-hand scale. The table above gives the same scores.</figcaption>"
        "</figure>"
        + "<p>Change in level since baseline:</p><ul>"
        + changes
        + "</ul>"
        + "<p class='toolkit-addition'>The T-score is added by this site "
        "(Kiresuk &amp; Sherman, 1968); 50 means the goals were met at the expected "
        "level on average. Baseline convention: rate the whole level you are at when "
        "you write the goal; a baseline below 50 is normal.</p>"
    )


def _level_or_none(value: object) -> int | None:
    """A level the chart can draw; anything else (unchecked answers) is left out."""
    try:
        return None if value is None else gars.check_level(value)
    except ToolkitInputError:
        return None


def checklist_html(goal: dict[str, Any]) -> str:
    """The checklist warnings for one goal's wording; empty while the goal is blank."""
    levels = {int(code): text for code, text in goal["levels"].items()}
    if not goal["title"].strip() and not any(text.strip() for text in levels.values()):
        return ""
    warnings, _questions = review_goal(goal["title"], levels)
    if not warnings:
        return "<p>Checklist: no problems found in the wording.</p>"
    items = "".join(f"<li>{escape(found.message)}</li>" for found in warnings)
    return f"<p>Checklist: look again at</p><ul>{items}</ul>"


def _checklists_html(answers: dict[str, Any]) -> str:
    """Every written goal's review, then the questions only the learner can answer."""
    reviews = []
    for number, goal in enumerate(answers["goals"], start=1):
        review = checklist_html(goal)
        if review:
            title = escape(goal["title"].strip()) or "not named yet"
            reviews.append(f"<h5>Goal {number}: {title}</h5>{review}")
    if not reviews:
        return ""
    _warnings, questions = review_goal("", {})
    confirm = "".join(f"<li>{escape(found.message)}</li>" for found in questions)
    return (
        '<section class="toolkit-checklist"><h4>Finalizing checklist</h4>'
        + "".join(reviews)
        + f"<p>Also confirm for yourself, for every goal:</p><ul>{confirm}</ul>"
        "<p class='toolkit-addition'>Added by this site: the wording checks are guesses a "
        "program can make from the text (empty or repeated levels, joined behaviors, no "
        "number in the expected level, abbreviations); they can be wrong both ways, so "
        "they ask you to look again and never stop the score.</p></section>"
    )


def results_html(answers: dict[str, Any]) -> str:
    """What the learner reads under the form: scores, chart, changes, then the checklist."""
    return scores_html(answers) + _checklists_html(answers)


def summary_html(answers: dict[str, Any], score_rows: str) -> str:
    """The printable summary: every goal with its levels and ratings, then the scores.

    ``score_rows`` are the T-score table's rows (:func:`score_row`). Learner
    text is escaped, so nothing typed can become markup in the page.
    """
    labels = level_names()
    parts = ["<h2>My Goal Attainment Rating Scale</h2>"]
    for number, goal in enumerate(answers["goals"], start=1):
        rows = "".join(
            f"<tr><th scope='row'>{escape(labels[int(code)])}</th>"
            f"<td>{escape(goal['levels'].get(code, ''))}</td>"
            f"<td>{'yes' if goal['baseline'] == int(code) else ''}</td>"
            f"<td>{'yes' if goal['follow_up'] == int(code) else ''}</td></tr>"
            for code in gars_sheet.LEVEL_KEYS
        )
        parts.append(
            f"<h3>Goal {number}: {escape(goal['title']) or 'not named yet'}</h3>"
            "<table><thead><tr><th scope='col'>Level</th><th scope='col'>What it looks like</th>"
            "<th scope='col'>Baseline</th><th scope='col'>Follow-up</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
            f"<p>Weight: {goal['weight']:g}. {escape(goal['note'])}</p>"
        )
    parts.append(
        "<h3>Scores</h3><table><thead><tr><th scope='col'>Time point</th>"
        f"<th scope='col'>Goal attainment T-score</th></tr></thead><tbody>{score_rows}"
        f"</tbody></table><p>Correlation between goals (ρ): {answers['rho']:g}. "
        "The T-score is added by this site (Kiresuk &amp; Sherman, 1968).</p>"
    )
    return "".join(parts)
