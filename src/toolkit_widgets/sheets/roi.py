"""The return-on-investment calculator: benefits and costs in money, and the return.

Two number fields, labelled and bounded by the calculator itself (labels from
``roi_sheet.AMOUNTS``, limits ``roi.MINIMUM`` and ``roi.MAXIMUM``), so a
figure that is not a finite number in range (``1e400``, ``-5``) gets its
message beside the field and is never computed with.
"""

from __future__ import annotations

from typing import Any

from toolkit_widgets import roi, roi_sheet
from toolkit_widgets.render import roi_results
from toolkit_widgets.render.form_model import Field, Form
from toolkit_widgets.sheets.base import Worksheet

__all__ = ["RoiSheet"]

#: how amounts are written (shown under each field)
HINT = "Digits only, with a point for cents if you need them: 24000 or 24000.50."


class RoiSheet(Worksheet):
    name = "roi"
    title = "Return on investment"
    instrument = roi_sheet.INSTRUMENT
    version = roi_sheet.VERSION

    def build_form(self) -> Form:
        fields = tuple(
            Field((key,), label, "number", hint=HINT, minimum=roi.MINIMUM, maximum=roi.MAXIMUM)
            for key, label in roi_sheet.AMOUNTS.items()
        )
        return Form(self.name, self.title, fields)

    def blank(self) -> dict[str, Any]:
        return roi_sheet.blank()

    def check(self, answers: object) -> dict[str, Any]:
        return roi_sheet.check_answers(answers)

    def results_html(self, answers: dict[str, Any]) -> str:
        return roi_results.results_html(answers)

    def summary_html(self, answers: dict[str, Any], results: str) -> str:
        return roi_results.summary_html(answers, results)

    def csv_table(self, answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
        return roi_sheet.csv_rows(answers)
