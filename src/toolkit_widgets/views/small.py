"""Two small worksheets: the culture-of-coaching stage and the ROI calculator.

Each is a handful of inputs over one scoring function, with the same answer
keeper (autosave, export, import, clear) as the larger worksheets. The answers'
shape lives in ``culture_stage_sheet`` and ``roi_sheet``, the results HTML in
``render.culture_stage_results`` and ``render.roi_results``, shared with the
page's worksheets.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from toolkit_widgets import culture_stage, culture_stage_sheet, roi_sheet
from toolkit_widgets.render import culture_stage_results, roi_results
from toolkit_widgets.storage import Store
from toolkit_widgets.views.common import display_sheet, result_areas, sheet_box
from toolkit_widgets.views.controls import AnswerKeeper

_LABEL = {"description_width": "initial"}


# --- culture-of-coaching stage -----------------------------------------------------


class StageWorksheet:
    def __init__(self, store: Store | None = None) -> None:
        self.boxes: dict[str, w.Checkbox] = {}
        groups = []
        texts = culture_stage.indicator_ids()
        for stage in culture_stage.stages():
            rows = [w.HTML(f"<h3>{escape(stage['title'])}</h3>")]
            for indicator_id, text in texts.items():
                if indicator_id.startswith(f"{stage['id']}-"):
                    box = w.Checkbox(description=text, indent=False, layout=w.Layout(width="100%"))
                    box.observe(lambda _c: self.changed(), names="value")
                    self.boxes[indicator_id] = box
                    rows.append(box)
            groups.append(w.VBox(rows))
        self.results, self.summary = result_areas()
        self.keeper = AnswerKeeper(
            instrument=culture_stage_sheet.INSTRUMENT,
            version=culture_stage_sheet.version(),
            read_form=self.answers,
            fill_form=self.fill,
            check_answers=culture_stage_sheet.check_answers,
            csv_table=culture_stage_sheet.csv_rows,
            blank=culture_stage_sheet.blank,
            store=store,
        )
        self.widget = sheet_box(
            "Which statements describe your agency today?", "culture_stage", groups, self
        )
        self.changed()

    def answers(self) -> dict[str, Any]:
        return {"ticked": [i for i, box in self.boxes.items() if box.value]}

    def fill(self, answers: dict[str, Any]) -> None:
        for indicator_id, box in self.boxes.items():
            box.value = indicator_id in answers["ticked"]
        self.changed()

    def changed(self) -> None:
        answers = self.answers()
        self.results.value = culture_stage_results.results_html(answers)
        self.summary.value = culture_stage_results.summary_html(answers, self.results.value)
        self.keeper.changed()


# --- return on investment -------------------------------------------------------------


class RoiWorksheet:
    def __init__(self, store: Store | None = None) -> None:
        self.benefits = w.FloatText(
            description=roi_sheet.AMOUNTS["benefits"],
            value=0.0,
            style=_LABEL,
            layout=w.Layout(flex_flow="column"),
        )
        self.costs = w.FloatText(
            description=roi_sheet.AMOUNTS["costs"],
            value=0.0,
            style=_LABEL,
            layout=w.Layout(flex_flow="column"),
        )
        for box in (self.benefits, self.costs):
            box.observe(lambda _c: self.changed(), names="value")
        self.results, self.summary = result_areas()
        self.keeper = AnswerKeeper(
            instrument=roi_sheet.INSTRUMENT,
            version=roi_sheet.VERSION,
            read_form=self.answers,
            fill_form=self.fill,
            check_answers=roi_sheet.check_answers,
            csv_table=roi_sheet.csv_rows,
            blank=roi_sheet.blank,
            store=store,
        )
        self.widget = sheet_box("Return on investment", "roi", [self.benefits, self.costs], self)
        self.changed()

    def answers(self) -> dict[str, Any]:
        # a FloatText cannot be empty: 0 there stands for "not entered", as in the blank
        return {"benefits": self.benefits.value or None, "costs": self.costs.value or None}

    def fill(self, answers: dict[str, Any]) -> None:
        self.benefits.value = answers["benefits"] or 0.0
        self.costs.value = answers["costs"] or 0.0
        self.changed()

    def changed(self) -> None:
        # the figures as shown (0 included), so 0 benefits give a return of -100%
        shown = {"benefits": self.benefits.value, "costs": self.costs.value}
        self.results.value = roi_results.results_html(shown)
        self.summary.value = roi_results.summary_html(shown, self.results.value)
        self.keeper.changed()


def show(name: str, store: Store | None = None) -> None:
    """Display the ``"culture_stage"`` or ``"roi"`` worksheet, then restore answers."""
    display_sheet({"culture_stage": StageWorksheet, "roi": RoiWorksheet}[name](store))
