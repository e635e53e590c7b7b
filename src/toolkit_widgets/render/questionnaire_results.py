"""Results and print summaries of the questionnaire worksheets, as HTML.

One renderer per instrument turns its scorer's plain result into what the
learner reads; the coach's own assessments are in
:mod:`~toolkit_widgets.render.coach_results`. Every rule the toolkit does not
give is labelled on the page as this site's addition. Learner text is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from toolkit_widgets import lcsa, questionnaire_sheet, readiness, trust
from toolkit_widgets.charts import bar_chart
from toolkit_widgets.render import coach_results
from toolkit_widgets.spec import Questionnaire

__all__ = ["FLAGGABLE", "RENDERERS", "summary_html"]

#: instruments whose items the learner may mark as needing attention
FLAGGABLE = {"lcsa"}


def summary_html(instrument: Questionnaire, answers: dict[str, Any], results: str) -> str:
    """The printable summary: every statement with its answer and notes, then the results."""
    notes = instrument.item_notes
    flaggable = instrument.id in FLAGGABLE
    head = "".join(f"<th scope='col'>{escape(n.label)}</th>" for n in notes)
    rows = []
    for number, item in enumerate(instrument.items, start=1):
        label = questionnaire_sheet.answer_label(instrument, answers["ratings"][item.id])
        texts = answers.get("notes", {}).get(item.id, {})
        cells = "".join(f"<td>{escape(texts.get(n.id, ''))}</td>" for n in notes)
        flag = f"<td>{'yes' if item.id in answers['flagged'] else ''}</td>" if flaggable else ""
        rows.append(
            f"<tr><td>{number}</td><td>{escape(item.text)}</td><td>{escape(label)}</td>"
            f"{cells}{flag}</tr>"
        )
    fields = "".join(
        f"<dt>{escape(field.label)}</dt><dd>{escape(answers['fields'].get(field.id) or '—')}</dd>"
        for field in instrument.sheet_fields
    )
    return (
        f"<h2>My {escape(instrument.title)}</h2><table><thead><tr><th scope='col'>#</th>"
        f"<th scope='col'>Statement</th><th scope='col'>Answer</th>{head}"
        + ("<th scope='col'>Needs attention</th>" if flaggable else "")
        + f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        + (f"<dl>{fields}</dl>" if fields else "")
        + f"<h3>Results</h3>{results}<p>Source: {escape(instrument.source)}</p>"
    )


def _item_text(instrument: Questionnaire, item_id: str) -> str:
    return escape(next(i.text for i in instrument.items if i.id == item_id))


def _waiting(unanswered: list[str], total: int) -> str:
    return (
        f"<p>Answer every item to see the totals: {total - len(unanswered)} of {total} "
        f"answered so far.</p>"
    )


def _lcsa(instrument: Questionnaire, answers: dict[str, Any], unanswered: list[str]) -> str:
    if unanswered:
        return _waiting(unanswered, len(instrument.items))
    result = lcsa.score(answers["ratings"], answers["flagged"], instrument)
    lean = {
        "pro": f"leans toward a <strong>pro-learning</strong> culture, by {result.margin} points",
        "anti": f"leans toward an <strong>anti-learning</strong> culture, by {result.margin} "
        "points",
        "mixed": "is <strong>mixed</strong>: the two totals are equal",
    }[result.lean]
    flagged = "".join(f"<li>{_item_text(instrument, i)}</li>" for i in result.flagged)
    gaps = "".join(
        f"<tr><td>{pair.pair}</td><td>{pair.pro}</td><td>{pair.anti}</td>"
        f"<td>{pair.gap:+d}</td></tr>"
        for pair in result.pairs
    )
    low, high = result.total_range
    return (
        "<table><tbody>"
        f"<tr><th scope='row'>Pro-learning total ({low} to {high})</th>"
        f"<td class='toolkit-score'>{result.pro_total}</td></tr>"
        f"<tr><th scope='row'>Anti-learning total ({low} to {high})</th>"
        f"<td class='toolkit-score'>{result.anti_total}</td></tr>"
        f"</tbody></table><p class='toolkit-verdict'>Your organization {lean}.</p>"
        + bar_chart(
            "Learning culture totals",
            [("Pro-learning", result.pro_total), ("Anti-learning", result.anti_total)],
            low,
            high,
        )
        + (f"<p>Marked for attention:</p><ul>{flagged}</ul>" if flagged else "")
        + "<details><summary>Each pair side by side</summary><table><thead><tr>"
        "<th scope='col'>Pair</th><th scope='col'>Pro</th><th scope='col'>Anti</th>"
        f"<th scope='col'>Gap</th></tr></thead><tbody>{gaps}</tbody></table></details>"
        "<p class='toolkit-addition'>Added by this site: calling a tie “mixed”, the margin "
        "and the per-pair gaps. The toolkit's rule is to compare the two totals.</p>"
    )


def _crs_overall(result: readiness.ReadinessResult, total: int) -> str:
    """The headline reading in a sentence: what it is, and why (counts, or what remains)."""
    reading = result.overall
    combined = result.combined
    if reading == readiness.CAUTION:
        why = "a starred statement answered yes"
    elif reading == readiness.INCOMPLETE:
        why = f"{result.remaining} of {total} statements still to answer"
    elif reading == readiness.NO_ANSWERS:
        why = f"0 of {total} statements answered"
    else:
        why = f"{combined.yes} yes, {combined.no} no"
    return f"<p class='toolkit-verdict'>Overall ({why}): <strong>{escape(reading)}</strong>.</p>"


def _crs_part(tally: readiness.Tally) -> str:
    """A part's counts in words; never a reading, which only the whole survey gives."""
    if tally.unanswered:
        return f"{len(tally.unanswered)} to answer"
    if tally.yes == tally.no:
        return "as many yes as no"
    return "more yes than no" if tally.yes > tally.no else "more no than yes"


def _crs(instrument: Questionnaire, answers: dict[str, Any], unanswered: list[str]) -> str:
    result = readiness.score(answers["ratings"], instrument)
    titles = {s.id: s.title for s in instrument.sections}
    rows = "".join(
        f"<tr><th scope='row'>{escape(titles[key])}</th><td>{tally.yes}</td><td>{tally.no}</td>"
        f"<td>{len(tally.unanswered)}</td><td>{escape(_crs_part(tally))}</td></tr>"
        for key, tally in result.sections.items()
    )
    caution = ""
    if result.fit_warning:
        said = "".join(f"<li>{_item_text(instrument, i)}</li>" for i in result.cautions)
        caution = (
            "<div class='toolkit-caution' role='note'><p><strong>Coaching may not be the "
            "right fit at this time.</strong> You answered yes to:</p>"
            f"<ul>{said}</ul><p>A yes to a starred statement decides the reading, however the "
            "other answers fall. Talk it through with your supervisor or coach before "
            "starting.</p></div>"
        )
    elif result.starred.unanswered and result.overall == readiness.INCOMPLETE:
        left = "".join(f"<li>{_item_text(instrument, i)}</li>" for i in result.starred.unanswered)
        caution = f"<p>Starred statements not yet answered:</p><ul>{left}</ul>"
    return (
        "<table><caption>Counts, starred statements left out</caption>"
        "<thead><tr><th scope='col'>Part</th>"
        "<th scope='col'>Yes</th><th scope='col'>No</th><th scope='col'>Not answered</th>"
        "<th scope='col'>This part</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
        + _crs_overall(result, len(instrument.items))
        + caution
        + "<p class='toolkit-addition'>Added by this site: the starred statements are never "
        "counted as yes or no; no overall reading until every statement is answered; a tie "
        "reads “undecided”; the counts per part. The toolkit's rule compares yes and no over the "
        "whole survey, and a yes to a starred statement means coaching may not fit now.</p>"
    )


def _oti(instrument: Questionnaire, answers: dict[str, Any], unanswered: list[str]) -> str:
    if unanswered:
        return _waiting(unanswered, len(instrument.items))
    result = trust.score(answers["ratings"], instrument)
    titles = {s.id: s.title for s in instrument.sections}
    rows = "".join(
        f"<tr><th scope='row'>{escape(titles[key])}</th>"
        f"<td class='toolkit-score'>{summary.mean:.2f}</td><td>{escape(summary.label)}</td></tr>"
        for key, summary in result.by_target.items()
    )
    overall = result.overall
    low, high = result.scale_range
    return (
        "<table><thead><tr><th scope='col'>Trust in</th>"
        f"<th scope='col'>Mean ({low} to {high})</th>"
        f"<th scope='col'>Nearest point</th></tr></thead><tbody>{rows}"
        f"<tr><th scope='row'>All twelve items</th><td class='toolkit-score'>"
        f"{overall.mean:.2f}</td><td>{escape(overall.label)}</td></tr></tbody></table>"
        + bar_chart(
            f"Trust by statement ({low} to {high})",
            [
                (f"{number}. {item.id}", answers["ratings"][item.id])
                for number, item in enumerate(instrument.items, start=1)
            ],
            0,
            high,
        )
        + "<p>Higher means more trust. There are no norms or pass marks.</p>"
        "<p class='toolkit-addition'>Added by this site: the means and nearest labels "
        "(halves round up), following Nyhan &amp; Marlowe (1997).</p>"
    )


RENDERERS: dict[str, Callable[[Questionnaire, dict[str, Any], list[str]], str]] = {
    "lcsa": _lcsa,
    "crs": _crs,
    "oti": _oti,
    **coach_results.RENDERERS,
}
