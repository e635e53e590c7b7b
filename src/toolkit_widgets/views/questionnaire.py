"""One worksheet for every questionnaire: the readiness scales and the coach's own assessments.

The form is built from the instrument's data file: sections, items, scale
(with a "not applicable" answer where it has one), a text box per item where
the file asks for item notes, and questions for the whole sheet. Results come
from that instrument's scoring module; only their wording differs per
instrument, in the small renderers at the bottom and in ``coach_results``.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

import ipywidgets as w

from toolkit_widgets import lcsa, questionnaire_sheet, readiness, trust
from toolkit_widgets.charts import bar_chart
from toolkit_widgets.constants import NOT_APPLICABLE
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.spec import Questionnaire, load_questionnaire
from toolkit_widgets.storage import Store
from toolkit_widgets.views import coach_results
from toolkit_widgets.views.common import (
    NOT_ANSWERED,
    choose,
    display_sheet,
    error_html,
    filling,
    picked,
    result_areas,
    sheet_box,
)
from toolkit_widgets.views.controls import AnswerKeeper

#: instruments whose items the learner may mark as needing attention
FLAGGABLE = {"lcsa"}
_LABEL = {"description_width": "initial"}


def _options(instrument: Questionnaire) -> list[tuple[str, Any]]:
    if questionnaire_sheet.is_yes_no(instrument):
        return [("Not answered", NOT_ANSWERED), ("Yes", True), ("No", False)]
    points = [
        (p.label if p.label == str(p.value) else f"{p.value} {p.label}", p.value)
        for p in instrument.scale.points
    ]
    if instrument.scale.not_applicable:
        points.append((instrument.scale.not_applicable, NOT_APPLICABLE))
    return [("Not answered", NOT_ANSWERED), *points]


def _text_box(label: str, lines: int = 1) -> w.Widget:
    kind = w.Textarea if lines > 1 else w.Text
    box = kind(
        description=label,
        style=_LABEL,
        layout=w.Layout(flex_flow="column", width="100%"),
        **({"rows": lines} if lines > 1 else {}),
    )
    return box


class QuestionnaireWorksheet:
    """Items grouped by section, results that update, and the shared answer keeper."""

    def __init__(self, instrument_id: str, store: Store | None = None) -> None:
        self.instrument = load_questionnaire(instrument_id)
        self.filling = False
        self.inputs: dict[str, w.Dropdown] = {}
        self.flags: dict[str, w.Checkbox] = {}
        self.notes: dict[str, dict[str, w.Widget]] = {}
        self.fields: dict[str, w.Widget] = {}
        sections: list[w.Widget] = []
        if self.instrument.instructions:
            sections.append(w.HTML(f"<p>{escape(self.instrument.instructions)}</p>"))
        number = 0
        for section in self.instrument.sections:
            rows: list[w.Widget] = [w.HTML(f"<h3>{escape(section.title)}</h3>")]
            for item in self.instrument.items_in(section.id):
                number += 1
                box = w.Dropdown(
                    description=f"{number}. {item.text}",
                    options=_options(self.instrument),
                    value=NOT_ANSWERED,
                    style=_LABEL,
                    layout=w.Layout(flex_flow="column", width="100%"),
                )
                box.observe(lambda _c: self.changed(), names="value")
                self.inputs[item.id] = box
                rows.append(box)
                if self.instrument.item_notes:
                    self.notes[item.id] = {}
                    for note in self.instrument.item_notes:
                        text = _text_box(f"Item {number}: {note.label}", lines=2)
                        text.observe(lambda _c: self.changed(), names="value")
                        self.notes[item.id][note.id] = text
                        rows.append(text)
                if instrument_id in FLAGGABLE:
                    flag = w.Checkbox(description=f"Item {number} needs attention", indent=False)
                    flag.observe(lambda _c: self.changed(), names="value")
                    self.flags[item.id] = flag
                    rows.append(flag)
            sections.append(w.VBox(rows))
        if self.instrument.sheet_fields:
            sections.append(w.HTML("<h3>About this rating</h3>"))
        for field in self.instrument.sheet_fields:
            if field.choices:
                box = w.Dropdown(
                    description=field.label,
                    options=[("Not answered", NOT_ANSWERED), *((c, c) for c in field.choices)],
                    value=NOT_ANSWERED,
                    style=_LABEL,
                    layout=w.Layout(flex_flow="column", width="100%"),
                )
            else:
                box = _text_box(field.label, field.lines)
            box.observe(lambda _c: self.changed(), names="value")
            self.fields[field.id] = box
            sections.append(box)
        self.results, self.summary = result_areas()
        self.keeper = AnswerKeeper(
            instrument=self.instrument.id,
            version=self.instrument.version,
            read_form=self.answers,
            fill_form=self.fill,
            check_answers=lambda a: questionnaire_sheet.check_answers(self.instrument, a),
            csv_table=lambda a: questionnaire_sheet.csv_rows(self.instrument, a),
            blank=lambda: questionnaire_sheet.blank(self.instrument),
            store=store,
        )
        self.widget = sheet_box(self.instrument.title, self.instrument.id, sections, self)
        self.changed()

    def answers(self) -> dict[str, Any]:
        return {
            "ratings": {item_id: picked(box) for item_id, box in self.inputs.items()},
            "flagged": [item_id for item_id, flag in self.flags.items() if flag.value],
            "notes": {
                item_id: {note_id: box.value for note_id, box in boxes.items()}
                for item_id, boxes in self.notes.items()
            },
            "fields": {
                field_id: (picked(box) or "") if isinstance(box, w.Dropdown) else box.value
                for field_id, box in self.fields.items()
            },
        }

    def fill(self, answers: dict[str, Any]) -> None:
        with filling(self):
            for item_id, box in self.inputs.items():
                choose(box, answers["ratings"][item_id])
            for item_id, flag in self.flags.items():
                flag.value = item_id in answers["flagged"]
            for item_id, boxes in self.notes.items():
                for note_id, box in boxes.items():
                    box.value = answers["notes"][item_id][note_id]
            for field_id, box in self.fields.items():
                value = answers["fields"][field_id]
                if isinstance(box, w.Dropdown):
                    choose(box, value or None)
                else:
                    box.value = value

    def changed(self) -> None:
        if self.filling:
            return
        self.show_results()
        self.keeper.changed()

    def show_results(self) -> None:
        answers = self.answers()
        unanswered = [i for i, v in answers["ratings"].items() if v is None]
        render = RENDERERS[self.instrument.id]
        try:
            self.results.value = render(self.instrument, answers, unanswered)
        except ToolkitInputError as error:
            self.results.value = error_html(error.message)
        self.summary.value = summary_html(self.instrument, answers, self.results.value)

    async def restore(self) -> None:
        await self.keeper.restore()


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
    return (
        "<table><tbody>"
        f"<tr><th scope='row'>Pro-learning total (13 to 65)</th>"
        f"<td class='toolkit-score'>{result.pro_total}</td></tr>"
        f"<tr><th scope='row'>Anti-learning total (13 to 65)</th>"
        f"<td class='toolkit-score'>{result.anti_total}</td></tr>"
        f"</tbody></table><p class='toolkit-verdict'>Your organization {lean}.</p>"
        + bar_chart(
            "Learning culture totals",
            [("Pro-learning", result.pro_total), ("Anti-learning", result.anti_total)],
            13,
            65,
        )
        + (f"<p>Marked for attention:</p><ul>{flagged}</ul>" if flagged else "")
        + "<details><summary>Each pair side by side</summary><table><thead><tr>"
        "<th scope='col'>Pair</th><th scope='col'>Pro</th><th scope='col'>Anti</th>"
        f"<th scope='col'>Gap</th></tr></thead><tbody>{gaps}</tbody></table></details>"
        "<p class='toolkit-addition'>Added by this site: calling a tie “mixed”, the margin "
        "and the per-pair gaps. The toolkit's rule is to compare the two totals.</p>"
    )


def _crs(instrument: Questionnaire, answers: dict[str, Any], unanswered: list[str]) -> str:
    result = readiness.score(answers["ratings"], instrument)
    titles = {s.id: s.title for s in instrument.sections}
    rows = "".join(
        f"<tr><th scope='row'>{escape(titles[key])}</th><td>{tally.yes}</td><td>{tally.no}</td>"
        f"<td>{len(tally.unanswered)}</td><td>{escape(tally.verdict)}</td></tr>"
        for key, tally in [*result.sections.items()]
    )
    combined = result.combined
    caution = ""
    if result.fit_warning:
        said = "".join(f"<li>{_item_text(instrument, i)}</li>" for i in result.cautions)
        caution = (
            "<div class='toolkit-caution' role='note'><p><strong>Coaching may not be the "
            "right fit at this time.</strong> You answered yes to:</p>"
            f"<ul>{said}</ul><p>These answers are not counted as readiness. Talk them through "
            "with your supervisor or coach before starting.</p></div>"
        )
    return (
        "<table><thead><tr><th scope='col'>Part</th><th scope='col'>Yes</th>"
        "<th scope='col'>No</th><th scope='col'>Not answered</th><th scope='col'>Reading</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
        f"<p class='toolkit-verdict'>Overall ({combined.yes} yes, {combined.no} no): "
        f"<strong>{escape(combined.verdict)}</strong>.</p>"
        + caution
        + "<p class='toolkit-addition'>Added by this site: the asterisked items are shown "
        "apart and never counted; readings per part; a tie reads “undecided”; unanswered "
        "items are listed, not counted.</p>"
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
    return (
        "<table><thead><tr><th scope='col'>Trust in</th><th scope='col'>Mean (1 to 7)</th>"
        f"<th scope='col'>Nearest point</th></tr></thead><tbody>{rows}"
        f"<tr><th scope='row'>All twelve items</th><td class='toolkit-score'>"
        f"{overall.mean:.2f}</td><td>{escape(overall.label)}</td></tr></tbody></table>"
        + bar_chart(
            "Trust by statement (1 to 7)",
            [
                (f"{number}. {item.id}", answers["ratings"][item.id])
                for number, item in enumerate(instrument.items, start=1)
            ],
            0,
            7,
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


def show(instrument_id: str, store: Store | None = None) -> None:
    """Display one questionnaire worksheet, then restore its saved answers."""
    display_sheet(QuestionnaireWorksheet(instrument_id, store))
