"""The culture-of-coaching stage worksheet: tick the statements true of your agency today.

The form is built from the stages' data file: one group per stage, one tick
box per indicator, each named by the statement itself. Ticks are kept as the
list ``ticked`` of indicator ids (a "flag" field per statement), the shape
the earlier site exported.
"""

from __future__ import annotations

from typing import Any

from toolkit_widgets import culture_stage, culture_stage_sheet
from toolkit_widgets.render import culture_stage_results
from toolkit_widgets.render.form_model import Field, Form, Group, Prose
from toolkit_widgets.sheets.base import Worksheet

__all__ = ["CultureStageSheet"]

#: the question the worksheet asks (the earlier view's heading)
QUESTION = "Which statements describe your agency today? Tick every one that is true now."


class CultureStageSheet(Worksheet):
    name = "culture_stage"
    title = "Culture-of-coaching stage"
    instrument = culture_stage_sheet.INSTRUMENT

    def __init__(self) -> None:
        self.version = culture_stage_sheet.version()

    def build_form(self) -> Form:
        texts = culture_stage.indicator_ids()
        groups = tuple(
            Group(
                stage.title,
                tuple(
                    Field(("ticked",), text, "flag", flag_value=indicator_id)
                    for indicator_id, text in texts.items()
                    if indicator_id.startswith(f"{stage.id}-")
                ),
            )
            for stage in culture_stage.stages()
        )
        return Form(self.name, self.title, (Prose(QUESTION), *groups))

    def blank(self) -> dict[str, Any]:
        return culture_stage_sheet.blank()

    def check(self, answers: object) -> dict[str, Any]:
        return culture_stage_sheet.check_answers(answers)

    def results_html(self, answers: dict[str, Any]) -> str:
        return culture_stage_results.results_html(answers)

    def summary_html(self, answers: dict[str, Any], results: str) -> str:
        return culture_stage_results.summary_html(answers, results)

    def csv_table(self, answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
        return culture_stage_sheet.csv_rows(answers)
