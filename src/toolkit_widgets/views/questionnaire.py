"""One worksheet for every questionnaire: the readiness scales and the coach's own assessments.

The form is built from the instrument's data file: sections, items, scale
(with a "not applicable" answer where it has one), a text box per item where
the file asks for item notes, and questions for the whole sheet. Results come
from that instrument's scoring module; only their wording differs per
instrument, in the small renderers at the bottom and in ``coach_results``.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from toolkit_widgets import questionnaire_sheet
from toolkit_widgets.constants import NOT_APPLICABLE
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.render.questionnaire_results import FLAGGABLE, RENDERERS, summary_html
from toolkit_widgets.spec import Questionnaire, load_questionnaire
from toolkit_widgets.storage import Store
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


def show(instrument_id: str, store: Store | None = None) -> None:
    """Display one questionnaire worksheet, then restore its saved answers."""
    display_sheet(QuestionnaireWorksheet(instrument_id, store))
