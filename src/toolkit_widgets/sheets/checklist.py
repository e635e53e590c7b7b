"""The checklist worksheets of chapter 8: a status and an action for each entry of a list.

Built from the list's data file (Tannenbaum's eight characteristics, the TCU
readiness factors): the list's question, then per group (shown as a group
when the list has more than one) each entry's status as radio buttons, with
the entry's note as help, and a line for the action. Labels are the earlier
view's: "<entry>: status" and "<entry>: <action label>".
"""

from __future__ import annotations

from typing import Any

from toolkit_widgets import checklist_sheet
from toolkit_widgets.render import checklist_results
from toolkit_widgets.render.form_model import Field, Form, Group, Option, Part, Prose
from toolkit_widgets.sheets.base import Worksheet
from toolkit_widgets.spec import load_checklist

__all__ = ["ChecklistSheet"]


class ChecklistSheet(Worksheet):
    def __init__(self, list_id: str) -> None:
        self.list = load_checklist(list_id)
        self.name = self.instrument = self.list.id
        self.title = self.list.title
        self.version = self.list.version

    def build_form(self) -> Form:
        lst = self.list
        options = tuple(Option(s.id, s.label) for s in lst.statuses)
        parts: list[Part] = [Prose(lst.question)]
        for group in lst.groups:
            fields: list[Part] = []
            for entry in group.entries:
                fields.append(
                    Field(
                        (entry.id, "status"),
                        f"{entry.label}: status",
                        "radio",
                        options,
                        hint=entry.note,
                        blank_label=checklist_sheet.NOT_ANSWERED,
                    )
                )
                fields.append(
                    Field((entry.id, "action"), f"{entry.label}: {lst.action_label}", "text")
                )
            if len(lst.groups) > 1:
                parts.append(Group(group.title, tuple(fields)))
            else:
                parts.extend(fields)
        return Form(self.name, self.title, tuple(parts))

    def blank(self) -> dict[str, Any]:
        return checklist_sheet.blank(self.list)

    def check(self, answers: object) -> dict[str, Any]:
        return checklist_sheet.check_answers(self.list, answers)

    def results_html(self, answers: dict[str, Any]) -> str:
        return checklist_results.results_html(self.list, answers)

    def summary_html(self, answers: dict[str, Any], results: str) -> str:
        return checklist_results.summary_html(self.list, answers, results)

    def csv_table(self, answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
        return checklist_sheet.csv_rows(self.list, answers)
