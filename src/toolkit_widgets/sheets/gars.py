"""The Goal Attainment Rating Scale worksheet: goals, their five levels and two ratings.

The form is built from the instrument's data (``instruments/gars.json``): a
goal's five level descriptions and the baseline and follow-up choices carry
the levels' codes and names from there. Goals are a repeated part; the
correlation between goals (ρ) sits in a "Settings" group with the range
:func:`toolkit_widgets.gars.check_rho` accepts. The answers keep the shape of
:mod:`toolkit_widgets.gars_sheet`, so export files and records saved by the
earlier site still read.
"""

from __future__ import annotations

from typing import Any

from toolkit_widgets import gars_sheet
from toolkit_widgets.constants import DEFAULT_RHO
from toolkit_widgets.render import gars_results
from toolkit_widgets.render.form_model import Field, Form, Group, Option, Repeat
from toolkit_widgets.sheets.base import Worksheet
from toolkit_widgets.spec import load_gars

__all__ = ["GarsSheet"]

#: the range :func:`toolkit_widgets.gars.check_rho` accepts
RHO_MIN, RHO_MAX = 0.0, 1.0


class GarsSheet(Worksheet):
    name = "gars"
    instrument = gars_sheet.INSTRUMENT
    version = gars_sheet.VERSION

    def __init__(self) -> None:
        self.title = load_gars().title

    def build_form(self) -> Form:
        names = gars_results.level_names()
        # levels as the learner rates them: lowest first, as the old lists were
        levels = tuple(Option(code, name) for code, name in names.items())
        descriptions = tuple(
            Field(("levels", key), names[int(key)], "textarea", rows=2)
            for key in gars_sheet.LEVEL_KEYS  # highest first, as on a paper scale
        )
        ratings = tuple(
            Field(
                (key,),
                f"Level at {label.lower()}",
                "radio",
                levels,
                blank_label="Not rated yet",
            )
            for key, label in gars_results.TIME_POINTS
        )
        goal = Repeat(
            ("goals",),
            "goal",
            (
                Field(("title",), "Goal", "text", hint="What will change, by when?"),
                Group(
                    "What you would see at each level",
                    descriptions,
                    hint="Describe something you could count or observe at each level.",
                ),
                *ratings,
                Field(
                    ("weight",),
                    "Weight (1 = equal)",
                    "number",
                    hint="A number greater than 0: a goal of weight 2 counts twice as much "
                    "as one of weight 1. Left empty, it is 1.",
                    minimum=0,
                ),
                Field(
                    ("note",),
                    "Notes (for example, a rating between two levels)",
                    "textarea",
                    rows=2,
                ),
            ),
            gars_sheet.empty_goal(),
            minimum=1,
            maximum=gars_sheet.MAX_GOALS,
            add_label="Add a goal",
        )
        summary = load_gars().summary
        settings = Group(
            "Settings",
            (
                Field(
                    ("rho",),
                    "Correlation between goals (ρ)",
                    "number",
                    hint=f"A number from {RHO_MIN:g} to {RHO_MAX:g}, used by the T-score: "
                    f"{summary.rho:g} by convention, after {summary.source}. "
                    f"Left empty, it is {DEFAULT_RHO:g}.",
                    minimum=RHO_MIN,
                    maximum=RHO_MAX,
                ),
            ),
        )
        return Form(self.name, self.title, (goal, settings))

    def blank(self) -> dict[str, Any]:
        return {"rho": DEFAULT_RHO, "goals": [gars_sheet.empty_goal()]}

    def check(self, answers: object) -> dict[str, Any]:
        return gars_sheet.check_answers(answers)

    def results_html(self, answers: dict[str, Any]) -> str:
        return gars_results.results_html(answers)

    def summary_html(self, answers: dict[str, Any], results: str) -> str:
        rows = "".join(
            gars_results.score_row(label, result) for label, result in gars_results.score(answers)
        )
        return gars_results.summary_html(answers, rows)

    def csv_table(self, answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
        return gars_sheet.csv_rows(answers)
