"""The Goal Attainment Rating Scale worksheet: a form over ``toolkit_widgets.gars``.

The learner writes goals and their five level descriptions, picks the level
reached at baseline and at follow-up, and sees the T-score of each time point.
Answers are kept by the shared :class:`~toolkit_widgets.views.controls.AnswerKeeper`:
saved in the browser as they type, restored on the next visit, exportable.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from toolkit_widgets import gars_sheet
from toolkit_widgets.constants import DEFAULT_RHO
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.instruments import load
from toolkit_widgets.render.gars_results import (
    TIME_POINTS,
    checklist_html,
    level_name,
    score,
    score_row,
    scores_html,
    summary_html,
)
from toolkit_widgets.storage import Store
from toolkit_widgets.views.common import (
    NOT_ANSWERED,
    choose,
    display_sheet,
    error_html,
    picked,
    result_areas,
    sheet_box,
    status_html,
)
from toolkit_widgets.views.controls import AnswerKeeper

#: key under which this worksheet's answers are stored
STORAGE_KEY = gars_sheet.INSTRUMENT
#: every input gets its label above it, full width: long level names stay readable
_LABEL = {"description_width": "initial"}


def _stacked(width: str = "100%") -> w.Layout:
    return w.Layout(flex_flow="column", align_items="stretch", width=width)


def _level_options() -> list[tuple[str, int | None]]:
    levels = load("gars")["levels"]
    return [("Not rated yet", NOT_ANSWERED)] + [
        (level_name(level), level["code"]) for level in levels
    ]


class GoalForm:
    """The inputs for one goal: its text, five level descriptions, ratings, weight."""

    def __init__(self, number: int, on_change: Any, on_remove: Any) -> None:
        self.title = w.Text(
            description="Goal",
            placeholder="What will change, by when?",
            style=_LABEL,
            layout=_stacked(),
        )
        self.descriptions = {
            level["code"]: w.Textarea(
                description=level_name(level),
                placeholder="What you would see at this level",
                rows=2,
                style=_LABEL,
                layout=_stacked(),
            )
            for level in reversed(load("gars")["levels"])
        }
        self.ratings = {
            key: w.Dropdown(
                description=f"Level at {label.lower()}",
                options=_level_options(),
                value=NOT_ANSWERED,
                style=_LABEL,
                layout=_stacked("22em"),
            )
            for key, label in TIME_POINTS
        }
        self.rating_error = status_html()
        self.checklist = w.HTML()
        self.checklist.add_class("toolkit-checklist")
        self.weight = w.FloatText(
            description="Weight (1 = equal)", value=1.0, style=_LABEL, layout=_stacked("12em")
        )
        self.weight_error = status_html()
        self.note = w.Textarea(
            description="Notes (for example, a rating between two levels)",
            rows=2,
            style=_LABEL,
            layout=_stacked(),
        )
        self.remove = w.Button(description="Remove this goal", icon="trash")
        self.remove.on_click(lambda _button: on_remove(self))
        self.heading = w.HTML()
        self.number = number
        for widget in self._inputs():
            widget.observe(lambda _change: on_change(), names="value")
        self.box = w.VBox(
            [
                self.heading,
                self.title,
                *self.descriptions.values(),
                self.checklist,
                *self.ratings.values(),
                self.rating_error,
                self.weight,
                self.weight_error,
                self.note,
                self.remove,
            ],
            layout=w.Layout(border="1px solid #8a8a8a", padding="0.5em", margin="0 0 1em 0"),
        )
        self.box.add_class("toolkit-goal")
        self.renumber(number)

    def _inputs(self) -> list[w.ValueWidget]:
        return [
            self.title,
            *self.descriptions.values(),
            *self.ratings.values(),
            self.weight,
            self.note,
        ]

    def show_checklist(self) -> None:
        """The finalizing checks a program can judge, as notes under the levels."""
        self.checklist.value = checklist_html(self.answers())

    def renumber(self, number: int) -> None:
        self.number = number
        self.heading.value = f"<h3>Goal {number}</h3>"

    def answers(self) -> dict[str, Any]:
        return {
            "title": self.title.value,
            "levels": {str(code): box.value for code, box in self.descriptions.items()},
            "weight": self.weight.value,
            "note": self.note.value,
            **{key: picked(box) for key, box in self.ratings.items()},
        }

    def fill(self, goal: dict[str, Any]) -> None:
        """Show one goal of answers already checked by ``gars_sheet.check_answers``."""
        self.title.value = goal["title"]
        self.note.value = goal["note"]
        for code, box in self.descriptions.items():
            box.value = goal["levels"][str(code)]
        for key, box in self.ratings.items():
            choose(box, goal[key])
        self.weight.value = goal["weight"]


class GarsWorksheet:
    """The whole worksheet: goals, settings, results, and the shared answer keeper."""

    def __init__(self, store: Store | None = None) -> None:
        self.goals: list[GoalForm] = []
        self.goal_box = w.VBox()
        self.add_goal_button = w.Button(
            description="Add a goal", icon="plus", button_style="primary"
        )
        self.add_goal_button.on_click(lambda _button: self.add_goal())
        self.rho = w.FloatText(
            description="Correlation between goals (ρ)",
            value=DEFAULT_RHO,
            style=_LABEL,
            layout=_stacked("16em"),
        )
        self.rho_error = status_html()
        self.rho.observe(lambda _change: self.changed(), names="value")
        settings = w.Accordion(children=[w.VBox([self.rho, self.rho_error])], titles=["Settings"])
        self.results, self.summary = result_areas()
        self.keeper = AnswerKeeper(
            instrument=gars_sheet.INSTRUMENT,
            version=gars_sheet.VERSION,
            read_form=self.answers,
            fill_form=self.fill,
            check_answers=gars_sheet.check_answers,
            csv_table=gars_sheet.csv_rows,
            blank=lambda: {"rho": DEFAULT_RHO, "goals": [gars_sheet.empty_goal()]},
            store=store,
        )
        self.widget = sheet_box(
            "Your goals", "gars", [self.goal_box, self.add_goal_button, settings], self
        )
        self.add_goal()

    @property
    def store(self) -> Store:
        return self.keeper.store

    @property
    def saved(self) -> w.HTML:
        return self.keeper.saved

    def add_goal(self, saved: dict[str, Any] | None = None) -> GoalForm:
        goal = GoalForm(len(self.goals) + 1, self.changed, self.remove_goal)
        if saved is not None:
            goal.fill(saved)
        self.goals.append(goal)
        self.goal_box.children = [g.box for g in self.goals]
        self.changed()
        return goal

    def remove_goal(self, goal: GoalForm) -> None:
        self.goals.remove(goal)
        for number, remaining in enumerate(self.goals, start=1):
            remaining.renumber(number)
        self.goal_box.children = [g.box for g in self.goals]
        self.changed()

    def answers(self) -> dict[str, Any]:
        return {"rho": self.rho.value, "goals": [g.answers() for g in self.goals]}

    def fill(self, answers: dict[str, Any]) -> None:
        """Replace the whole form with checked answers (restore, import, clear)."""
        for goal in list(self.goals):
            self.goals.remove(goal)
        for goal in answers["goals"]:
            self.add_goal(goal)
        self.rho.value = answers["rho"]
        self.changed()

    def changed(self) -> None:
        """Recompute the results; the keeper saves and refreshes the downloads."""
        self.show_results()
        self.keeper.changed()

    async def restore(self) -> None:
        await self.keeper.restore()

    def show_results(self) -> None:
        for goal in self.goals:
            goal.weight_error.value = goal.rating_error.value = ""
            goal.show_checklist()
        self.rho_error.value = ""
        answers = self.answers()
        scored = score(answers)
        for label, result in scored:
            if result.error is not None:
                self._place_error(result.error, label)
        self.summary.value = summary_html(
            answers, "".join(score_row(label, result) for label, result in scored)
        )
        self.results.value = scores_html(answers)

    def _place_error(self, error: ToolkitInputError, time_point: str) -> None:
        """Repeat a message beside the field it is about, as well as in the results."""
        message = error_html(error.message)
        if error.field == "rho":
            self.rho_error.value = message
        for goal in self.goals:
            if error.field == f"goal {goal.number} weight":
                goal.weight_error.value = message
            elif error.field == f"goal {goal.number} level":
                goal.rating_error.value += error_html(f"{time_point}: {error.message}")


def show(store: Store | None = None) -> None:
    """Display the worksheet in the current notebook or console, then restore answers."""
    display_sheet(GarsWorksheet(store))
