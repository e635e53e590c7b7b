"""The scaling-question worksheet: one 0-10 question asked at dated sessions.

The learner picks a question (the toolkit's four uses or its safety-organized
practice questions), records a date and a rating for each session, and sees
the change since the first and last session, the highest so far, a chart, and
the follow-up prompts that fit. A very low rating brings the extra-support
prompt first; it is never a diagnosis.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from toolkit_widgets import scaling, scaling_sheet
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.instruments import load
from toolkit_widgets.render.scaling_results import question_html, question_label, summary_table
from toolkit_widgets.storage import Store
from toolkit_widgets.views.common import (
    NOT_ANSWERED,
    choose,
    display_sheet,
    error_html,
    picked,
    result_areas,
    sheet_box,
)
from toolkit_widgets.views.controls import AnswerKeeper

_LABEL = {"description_width": "initial"}


def _question_options() -> list[tuple[str, str]]:
    return [(question_label(q), q["id"]) for q in load("scaling")["questions"]]


class SessionRow:
    """One session: its date, its rating and a note."""

    def __init__(self, number: int, on_change: Any, on_remove: Any) -> None:
        bounds = load("scaling")["range"]
        self.date = w.DatePicker(description=f"Session {number} date", style=_LABEL)
        self.rating = w.Dropdown(
            description=f"Session {number} rating",
            options=[("Not rated yet", NOT_ANSWERED)]
            + [(str(v), v) for v in range(bounds["min"], bounds["max"] + 1)],
            value=NOT_ANSWERED,
            style=_LABEL,
        )
        self.note = w.Text(
            description=f"Session {number} note", style=_LABEL, layout=w.Layout(width="100%")
        )
        self.remove = w.Button(description=f"Remove session {number}", icon="trash")
        self.remove.on_click(lambda _b: on_remove(self))
        for widget in (self.date, self.rating, self.note):
            widget.observe(lambda _c: on_change(), names="value")
        self.box = w.VBox([w.HBox([self.date, self.rating]), self.note, self.remove])
        self.box.add_class("toolkit-session")

    def answers(self) -> dict[str, Any]:
        date = self.date.value
        return {
            "date": None if date is None else date.isoformat(),
            "rating": picked(self.rating),
            "note": self.note.value,
        }

    def fill(self, session: dict[str, Any]) -> None:
        import datetime as dt

        self.date.value = (
            None if session["date"] is None else dt.date.fromisoformat(session["date"])
        )
        choose(self.rating, session["rating"])
        self.note.value = session["note"]


class ScalingWorksheet:
    def __init__(self, store: Store | None = None) -> None:
        self.question = w.Dropdown(
            description="Question",
            options=_question_options(),
            style=_LABEL,
            layout=w.Layout(width="100%"),
        )
        self.question.observe(lambda _c: self.changed(), names="value")
        self.question_text = w.HTML()
        self.rows: list[SessionRow] = []
        self.row_box = w.VBox()
        self.add_button = w.Button(description="Add a session", icon="plus", button_style="primary")
        self.add_button.on_click(lambda _b: self.add_session())
        self.results, self.summary = result_areas()
        self.keeper = AnswerKeeper(
            instrument=scaling_sheet.INSTRUMENT,
            version=scaling_sheet.VERSION,
            read_form=self.answers,
            fill_form=self.fill,
            check_answers=scaling_sheet.check_answers,
            csv_table=scaling_sheet.csv_rows,
            blank=scaling_sheet.blank,
            store=store,
        )
        sessions = [w.HTML("<h2>Sessions</h2>"), self.row_box, self.add_button]
        self.widget = sheet_box(
            "Your scaling question", "scaling", [self.question, self.question_text, *sessions], self
        )
        self.add_session()

    def add_session(self, session: dict[str, Any] | None = None) -> SessionRow:
        row = SessionRow(len(self.rows) + 1, self.changed, self.remove_session)
        if session is not None:
            row.fill(session)
        self.rows.append(row)
        self.row_box.children = [r.box for r in self.rows]
        self.changed()
        return row

    def remove_session(self, row: SessionRow) -> None:
        answers = self.answers()
        index = self.rows.index(row)
        del answers["sessions"][index]
        if not answers["sessions"]:
            answers["sessions"] = scaling_sheet.blank()["sessions"]
        self.fill(answers)  # renumbers the remaining rows

    def answers(self) -> dict[str, Any]:
        return {"question": self.question.value, "sessions": [r.answers() for r in self.rows]}

    def fill(self, answers: dict[str, Any]) -> None:
        self.rows = []
        for session in answers["sessions"]:
            self.add_session(session)
        self.question.value = answers["question"]
        self.changed()

    def changed(self) -> None:
        self.show_results()
        self.keeper.changed()

    def show_results(self) -> None:
        entry = scaling.question(self.question.value)
        self.question_text.value = question_html(entry)
        points = scaling_sheet.rated_sessions(self.answers())
        if not points:
            self.results.value = "<p>Add a date and a rating to see your results.</p>"
        else:
            try:
                self.results.value = summary_table(entry, scaling.summarise(entry["id"], points))
            except ToolkitInputError as error:
                self.results.value = error_html(error.message)
        self.summary.value = (
            f"<h2>My scaling question</h2>{self.question_text.value}{self.results.value}"
        )

    async def restore(self) -> None:
        await self.keeper.restore()


def show(store: Store | None = None) -> None:
    """Display the scaling worksheet, then restore its saved answers."""
    display_sheet(ScalingWorksheet(store))
