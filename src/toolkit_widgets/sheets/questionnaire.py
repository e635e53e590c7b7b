"""Every questionnaire worksheet: the readiness scales and the coach's own assessments.

The form is built from the instrument's data file: sections, items on the
instrument's response scale (with its "not applicable" answer where it has
one), a text box per item where the file asks for item notes, a "needs
attention" tick where the instrument uses one, and questions for the whole
sheet. Results come from that instrument's scorer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from toolkit_widgets import questionnaire_sheet, readiness
from toolkit_widgets.constants import NOT_APPLICABLE
from toolkit_widgets.render.form_model import Field, Form, Group, Option, Part, Prose
from toolkit_widgets.render.questionnaire_results import FLAGGABLE, RENDERERS, summary_html
from toolkit_widgets.sheets.base import Worksheet
from toolkit_widgets.spec import Questionnaire, load_questionnaire

__all__ = ["QuestionnaireSheet"]

#: more answers than this are offered as a list, not as radio buttons
MAX_RADIOS = 8
#: under a starred (caution) statement
STARRED_HINT = (
    "Starred: a yes here means coaching may not be the right fit just now, "
    "whatever your other answers."
)


def _options(instrument: Questionnaire) -> tuple[Option, ...]:
    if questionnaire_sheet.is_yes_no(instrument):
        return (Option(True, "Yes"), Option(False, "No"))
    points = tuple(
        Option(p.value, p.label if p.label == str(p.value) else f"{p.value} {p.label}")
        for p in instrument.scale.points
    )
    if instrument.scale.not_applicable:
        points += (Option(NOT_APPLICABLE, instrument.scale.not_applicable),)
    return points


class QuestionnaireSheet(Worksheet):
    def __init__(self, instrument_id: str, wording: Path | None = None) -> None:
        # ``wording``: an agency's file of the licensed original wording (checked on load)
        self.instrument_data = load_questionnaire(instrument_id, wording)
        self.name = self.instrument = instrument_id
        self.title = self.instrument_data.title
        self.version = self.instrument_data.version

    def build_form(self) -> Form:
        data = self.instrument_data
        options = _options(data)
        kind = "radio" if len(options) <= MAX_RADIOS else "select"
        parts: list[Part] = []
        if data.instructions:
            parts.append(Prose(data.instructions))
        number = 0
        for section in data.sections:
            fields: list[Part] = []
            for item in data.items_in(section.id):
                number += 1
                fields.append(
                    Field(
                        ("ratings", item.id),
                        item.text,
                        kind,
                        options,
                        # the star is shown, the hint read out; the item's name is unchanged
                        number=f"{number}.*" if item.caution else f"{number}.",
                        hint=STARRED_HINT if item.caution else "",
                    )
                )
                fields.extend(
                    Field(
                        ("notes", item.id, note.id),
                        f"Item {number}: {note.label}",
                        "textarea",
                        rows=2,
                    )
                    for note in data.item_notes
                )
                if data.id in FLAGGABLE:
                    fields.append(
                        Field(
                            ("flagged",),
                            f"Item {number} needs attention",
                            "flag",
                            flag_value=item.id,
                        )
                    )
            parts.append(Group(section.title, tuple(fields)))
        if data.sheet_fields:
            parts.append(
                Group("About this rating", tuple(self._sheet_field(f) for f in data.sheet_fields))
            )
        return Form(self.name, self.title, tuple(parts))

    @staticmethod
    def _sheet_field(field: Any) -> Field:
        if field.choices:
            return Field(
                ("fields", field.id),
                field.label,
                "select",
                tuple(Option(c, c) for c in field.choices),
            )
        kind = "textarea" if field.lines > 1 else "text"
        return Field(("fields", field.id), field.label, kind, rows=max(field.lines, 2))

    def blank(self) -> dict[str, Any]:
        return questionnaire_sheet.blank(self.instrument_data)

    def check(self, answers: object) -> dict[str, Any]:
        return questionnaire_sheet.check_answers(self.instrument_data, answers)

    def results_html(self, answers: dict[str, Any]) -> str:
        unanswered = [i for i, v in answers["ratings"].items() if v is None]
        return RENDERERS[self.instrument](self.instrument_data, answers, unanswered)

    def summary_html(self, answers: dict[str, Any], results: str) -> str:
        return summary_html(self.instrument_data, answers, results)

    def csv_table(self, answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
        header, rows = questionnaire_sheet.csv_rows(self.instrument_data, answers)
        if self.instrument == "crs":
            # the headline reading the page shows, so a spreadsheet need not recount it
            reading = readiness.score(answers["ratings"], self.instrument_data).overall
            rows.append(["overall", "", "Overall reading", reading, "", *[""] * (len(header) - 5)])
        return header, rows
