"""Two small worksheets: the culture-of-coaching stage and the ROI calculator.

Each is a handful of inputs over one scoring function, with the same answer
keeper (autosave, export, import, clear) as the larger worksheets.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from toolkit_widgets import culture_stage, roi
from toolkit_widgets.checks import is_number
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.instruments import load
from toolkit_widgets.storage import Store
from toolkit_widgets.views.common import display_sheet, error_html, result_areas, sheet_box
from toolkit_widgets.views.controls import AnswerKeeper

_LABEL = {"description_width": "initial"}


# --- culture-of-coaching stage -----------------------------------------------------


def check_stage_answers(answers: object) -> dict[str, Any]:
    known = culture_stage.indicator_ids()
    if not isinstance(answers, dict) or not isinstance(answers.get("ticked"), list):
        raise ToolkitInputError('the answers must list the "ticked" statements.')
    unknown = [i for i in answers["ticked"] if i not in known]
    if unknown:
        raise ToolkitInputError(f"there is no statement {unknown[0]!r}.")
    return {"ticked": [i for i in known if i in answers["ticked"]]}


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
            instrument="culture_stage",
            version=load("culture_stage")["version"],
            read_form=self.answers,
            fill_form=self.fill,
            check_answers=check_stage_answers,
            csv_table=lambda a: (
                ["statement", "ticked"],
                [[texts[i], "yes" if i in a["ticked"] else ""] for i in texts],
            ),
            blank=lambda: {"ticked": []},
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
        ticked = self.answers()["ticked"]
        if not ticked:
            self.results.value = "<p>Tick the statements that are true of your agency.</p>"
        else:
            fit = culture_stage.best_fit(ticked)
            titles = {s["id"]: s for s in culture_stage.stages()}
            shares = "".join(
                f"<tr><th scope='row'>{escape(titles[k]['title'])}</th>"
                f"<td>{round(v * 100)}%</td></tr>"
                for k, v in fit.share.items()
            )
            steps = "".join(f"<li>{escape(s)}</li>" for s in fit.next_steps)
            following = (
                f"toward the <strong>{escape(titles[fit.next_stage]['title'])}</strong> stage"
                if fit.next_stage
                else "to keep coaching embedded"
            )
            self.results.value = (
                f"<p class='toolkit-verdict'>Best fit: <strong>"
                f"{escape(titles[fit.stage]['title'])}</strong>. "
                f"{escape(titles[fit.stage]['description'])}</p>"
                "<table><thead><tr><th scope='col'>Stage</th><th scope='col'>Statements ticked"
                f"</th></tr></thead><tbody>{shares}</tbody></table>"
                f"<p>Steps {following}:</p><ul>{steps}</ul>"
                "<p class='toolkit-addition'>Added by this site: the statements and the "
                "best-fit rule (a tie goes to the earlier stage). The four stages are "
                "Megginson &amp; Clutterbuck's (2005).</p>"
            )
        self.summary.value = f"<h2>Culture-of-coaching stage</h2>{self.results.value}"
        self.keeper.changed()


# --- return on investment -------------------------------------------------------------


def check_roi_answers(answers: object) -> dict[str, Any]:
    if not isinstance(answers, dict):
        raise ToolkitInputError("the answers must hold benefits and costs.")
    clean = {}
    for key in ("benefits", "costs"):
        value = answers.get(key)
        if value is not None and not is_number(value):
            raise ToolkitInputError(f"{key} must be a number; got {value!r}.")
        clean[key] = value
    return clean


class RoiWorksheet:
    def __init__(self, store: Store | None = None) -> None:
        self.benefits = w.FloatText(
            description="Benefits, in money (for example, saved overtime or turnover costs)",
            value=0.0,
            style=_LABEL,
            layout=w.Layout(flex_flow="column"),
        )
        self.costs = w.FloatText(
            description="Costs of the coaching (coach time, training, materials)",
            value=0.0,
            style=_LABEL,
            layout=w.Layout(flex_flow="column"),
        )
        for box in (self.benefits, self.costs):
            box.observe(lambda _c: self.changed(), names="value")
        self.results, self.summary = result_areas()
        self.keeper = AnswerKeeper(
            instrument="roi",
            version=1,
            read_form=self.answers,
            fill_form=self.fill,
            check_answers=check_roi_answers,
            csv_table=lambda a: (["benefits", "costs"], [[a["benefits"], a["costs"]]]),
            blank=lambda: {"benefits": 0.0, "costs": 0.0},
            store=store,
        )
        self.widget = sheet_box("Return on investment", "roi", [self.benefits, self.costs], self)
        self.changed()

    def answers(self) -> dict[str, Any]:
        return {"benefits": self.benefits.value, "costs": self.costs.value}

    def fill(self, answers: dict[str, Any]) -> None:
        self.benefits.value = answers["benefits"] or 0.0
        self.costs.value = answers["costs"] or 0.0
        self.changed()

    def changed(self) -> None:
        if self.benefits.value == self.costs.value == 0:
            self.results.value = "<p>Enter the benefits and the costs to see the return.</p>"
            self.summary.value = ""
            self.keeper.changed()
            return
        try:
            result = roi.compute(self.benefits.value, self.costs.value)
        except ToolkitInputError as error:
            self.results.value = error_html(error.message)
        else:
            self.results.value = (
                "<table><tbody>"
                f"<tr><th scope='row'>Net benefit</th><td class='toolkit-score'>"
                f"{result.net_benefit:,.2f}</td></tr>"
                f"<tr><th scope='row'>Return on investment</th><td class='toolkit-score'>"
                f"{result.roi_percent:,.1f}%</td></tr>"
                f"<tr><th scope='row'>Benefit-cost ratio</th><td class='toolkit-score'>"
                f"{result.benefit_cost_ratio:,.2f}</td></tr></tbody></table>"
                "<p>ROI = (benefits - costs) / costs x 100. Much of what coaching gives "
                "(confidence, engagement with families, better outcomes) is hard to price; "
                "count it in words beside the figure.</p>"
                "<p class='toolkit-addition'>The calculator is added by this site; the "
                "toolkit defines ROI but gives no figures.</p>"
            )
        self.summary.value = f"<h2>Return on investment</h2>{self.results.value}"
        self.keeper.changed()


def show(name: str, store: Store | None = None) -> None:
    """Display the ``"culture_stage"`` or ``"roi"`` worksheet, then restore answers."""
    display_sheet({"culture_stage": StageWorksheet, "roi": RoiWorksheet}[name](store))
