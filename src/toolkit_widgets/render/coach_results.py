"""Results of the coach's own assessments (toolkit chapter 9), as HTML for a worksheet.

Each renderer turns one scorer's plain result into what the learner reads:
lists and counts, never a total. Every rule the toolkit does not give is
labelled on the page as this site's addition.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from toolkit_widgets import self_assessment
from toolkit_widgets.charts import bar_chart
from toolkit_widgets.spec import Questionnaire

__all__ = ["RENDERERS"]


def _texts(instrument: Questionnaire, item_ids: tuple[str, ...]) -> str:
    by_id = {item.id: (n, item.text) for n, item in enumerate(instrument.items, start=1)}
    return "".join(f"<li>{by_id[i][0]}. {escape(by_id[i][1])}</li>" for i in item_ids)


def _unanswered(instrument: Questionnaire, unanswered: tuple[str, ...]) -> str:
    if not unanswered:
        return ""
    total = len(instrument.items)
    return f"<p>{total - len(unanswered)} of {total} statements answered so far.</p>"


def _strengths(instrument: Questionnaire, answers: dict[str, Any], _u: list[str]) -> str:
    result = self_assessment.strengths_and_gaps(answers["ratings"], instrument)
    if not result.strengths and not result.to_develop:
        return "<p>Rate the statements to see your likely strengths and areas to develop.</p>"
    return (
        _unanswered(instrument, result.unanswered)
        + f"<h3>Likely strengths ({len(result.strengths)})</h3>"
        + (
            f"<ul class='toolkit-strengths'>{_texts(instrument, result.strengths)}</ul>"
            if result.strengths
            else "<p>None yet.</p>"
        )
        + f"<h3>Areas to develop ({len(result.to_develop)})</h3>"
        + (
            f"<ul class='toolkit-to-develop'>{_texts(instrument, result.to_develop)}</ul>"
            if result.to_develop
            else "<p>None yet.</p>"
        )
        + "<p>The toolkit's reading: “agree” and “strongly agree” probably mark strengths, "
        "“disagree” and “strongly disagree” areas to improve. There is no total: the lists "
        "are starting points for your coaching plan.</p>"
    )


def _profile(instrument: Questionnaire, answers: dict[str, Any], _u: list[str]) -> str:
    result = self_assessment.profile(answers["ratings"], instrument)
    if not result.ranked:
        extra = (
            f" Statements marked “{escape(instrument.scale.not_applicable)}” are set aside."
            if instrument.scale.not_applicable
            else ""
        )
        return f"<p>Rate the statements to see your profile.{extra}</p>"
    number = {item.id: n for n, item in enumerate(instrument.items, start=1)}
    text = {item.id: item.text for item in instrument.items}
    rows = "".join(
        f"<tr{' class=toolkit-lowest' if item_id in result.lowest else ''}>"
        f"<td>{number[item_id]}</td><td>{escape(text[item_id])}</td>"
        f"<td>{value} {escape(instrument.scale.label_for(value))}</td></tr>"
        for item_id, value in result.ranked
    )
    skipped = ""
    if result.not_applicable:
        skipped = (
            f"<p>Set aside as “{escape(instrument.scale.not_applicable or '')}” "
            f"({len(result.not_applicable)}), not counted anywhere:</p>"
            f"<ul>{_texts(instrument, result.not_applicable)}</ul>"
        )
    low, high = min(instrument.scale.values), max(instrument.scale.values)
    return (
        _unanswered(instrument, result.unanswered)
        + f"<h3>Start with the lowest ({len(result.lowest)})</h3>"
        + f"<ul class='toolkit-lowest-items'>{_texts(instrument, result.lowest)}</ul>"
        + f"<p>Mean of the {len(result.ranked)} rated statements: "
        f"<strong class='toolkit-score'>{result.mean:.2f}</strong> ({low} to {high}).</p>"
        + skipped
        + "<details><summary>Every rated statement, lowest first</summary><table><thead><tr>"
        "<th scope='col'>#</th><th scope='col'>Statement</th><th scope='col'>Rating</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></details>"
        + bar_chart(
            "Ratings, lowest first",
            [(f"Statement {number[i]}", v) for i, v in result.ranked],
            0,
            high,
        )
        + "<p class='toolkit-addition'>Added by this site: the profile sorted lowest first, "
        "every statement tied at the lowest rating listed, and the mean of rated statements. "
        "The toolkit says to review the lowest items; it gives no total or norms"
        + (
            f", and “{escape(instrument.scale.not_applicable)}” answers are never counted"
            if instrument.scale.not_applicable
            else ""
        )
        + ".</p>"
    )


def _categories(instrument: Questionnaire, answers: dict[str, Any], _u: list[str]) -> str:
    result = self_assessment.category_counts(answers["ratings"], instrument)
    rows = "".join(
        f"<tr><th scope='row'>{escape(point.label)}</th>"
        f"<td class='toolkit-count'>{result.counts[point.value]}</td></tr>"
        for point in instrument.scale.points
    )
    lists = "".join(
        f"<h3>{escape(point.label)} ({result.counts[point.value]})</h3>"
        f"<ul>{_texts(instrument, result.items[point.value])}</ul>"
        for point in instrument.scale.points
        if result.items[point.value]
    )
    obstacles = _noted(instrument, answers, "obstacles")
    return (
        _unanswered(instrument, result.unanswered)
        + "<table><thead><tr><th scope='col'>Category</th><th scope='col'>Responsibilities</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
        + lists
        + obstacles
        + "<p>The codes are categories, not amounts: they are counted, never added up or "
        "averaged. Compare where each responsibility falls and read the obstacles and "
        "supports side by side.</p>"
    )


def _noted(instrument: Questionnaire, answers: dict[str, Any], note_id: str) -> str:
    labels = {note.id: note.label for note in instrument.item_notes}
    if note_id not in labels:
        return ""
    texts = [
        (n, item.text, answers["notes"][item.id][note_id].strip())
        for n, item in enumerate(instrument.items, start=1)
        if answers.get("notes", {}).get(item.id, {}).get(note_id, "").strip()
    ]
    if not texts:
        return ""
    items = "".join(
        f"<li><strong>{n}. {escape(text)}</strong>: {escape(note)}</li>" for n, text, note in texts
    )
    return f"<h3>{escape(labels[note_id])} you noted</h3><ul>{items}</ul>"


RENDERERS: dict[str, Callable[[Questionnaire, dict[str, Any], list[str]], str]] = {
    "supervisory_skills": _strengths,
    "coaching_skills": _profile,
    "cprs": _profile,
    "job_responsibilities": _categories,
}
