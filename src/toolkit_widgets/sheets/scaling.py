"""The scaling-question worksheet: one 0-10 question asked at dated sessions.

The form is built from ``instruments/scaling.json``: the questions offered
(grouped as the data file groups them) and the rating range. Sessions are a
repeated part whose controls carry the session's number in their names
("Session 2 date"), as the earlier worksheet's did. The answers keep the
shape of :mod:`toolkit_widgets.scaling_sheet`.
"""

from __future__ import annotations

from typing import Any

from toolkit_widgets import scaling_sheet
from toolkit_widgets.render import scaling_results
from toolkit_widgets.render.form_model import ROW_NUMBER, Field, Form, Option, Repeat
from toolkit_widgets.sheets.base import Worksheet
from toolkit_widgets.spec import load_scaling

__all__ = ["ScalingSheet"]


class ScalingSheet(Worksheet):
    name = "scaling"
    instrument = scaling_sheet.INSTRUMENT
    version = scaling_sheet.VERSION

    def __init__(self) -> None:
        self.title = load_scaling().title

    def build_form(self) -> Form:
        instrument = load_scaling()
        questions = tuple(
            Option(entry.id, scaling_results.question_label(entry))
            for entry in instrument.questions
        )
        ratings = tuple(Option(value, str(value)) for value in instrument.range.values)
        n = ROW_NUMBER
        session = Repeat(
            ("sessions",),
            "session",
            (
                Field(("date",), f"Session {n} date", "date"),
                Field(
                    ("rating",),
                    f"Session {n} rating",
                    "select",
                    ratings,
                    blank_label="Not rated yet",
                ),
                Field(("note",), f"Session {n} note", "text", max_length=scaling_sheet.MAX_TEXT),
            ),
            scaling_sheet.blank()["sessions"][0],
            minimum=1,
            maximum=scaling_sheet.MAX_SESSIONS,
            add_label="Add a session",
            remove_label=f"Remove session {n}",
        )
        question = Field(
            ("question",),
            "Question",
            "select",
            questions,
            hint="The question in full, and what 0 and 10 stand for, are shown with the results.",
            # the answers always hold a question: until one is chosen, the first
            blank_label=f"{questions[0].label} (until you choose)",
        )
        return Form(self.name, self.title, (question, session))

    def blank(self) -> dict[str, Any]:
        return scaling_sheet.blank()

    def check(self, answers: object) -> dict[str, Any]:
        return scaling_sheet.check_answers(answers)

    def results_html(self, answers: dict[str, Any]) -> str:
        return scaling_results.results_html(answers)

    def summary_html(self, answers: dict[str, Any], results: str) -> str:
        return scaling_results.summary_html(answers, results)

    def csv_table(self, answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
        return scaling_sheet.csv_rows(answers)
