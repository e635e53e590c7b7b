"""Checklist worksheets over the toolkit's reference lists (chapter 8).

Tannenbaum's eight characteristics of a positive learning environment and the
TCU readiness factors: one status and one action per entry, grouped as in
the data file, with counts per group and the gaps to act on. The tally is
``toolkit_widgets.checklist``; the answers' shape is ``checklist_sheet`` and the
results HTML ``render.checklist_results``, shared with the page's worksheet.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from toolkit_widgets import checklist_sheet
from toolkit_widgets.checklist_sheet import csv_rows
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.render.checklist_results import results_html, summary_html
from toolkit_widgets.spec import load_checklist
from toolkit_widgets.storage import Store
from toolkit_widgets.views.common import (
    NOT_ANSWERED,
    choose,
    display_sheet,
    error_html,
    filling,
    picked,
    result_areas,
    sheet_box,
)
from toolkit_widgets.views.controls import AnswerKeeper

_LABEL = {"description_width": "initial"}
_WIDE = w.Layout(flex_flow="column", width="100%")


class ChecklistWorksheet:
    def __init__(self, instrument_id: str, store: Store | None = None) -> None:
        self.list = load_checklist(instrument_id)
        self.filling = False
        self.status: dict[str, w.Dropdown] = {}
        self.action: dict[str, w.Text] = {}
        options = [
            (checklist_sheet.NOT_ANSWERED, NOT_ANSWERED),
            *((s.label, s.id) for s in self.list.statuses),
        ]
        parts: list[w.Widget] = [w.HTML(f"<p>{escape(self.list.question)}</p>")]
        for group in self.list.groups:
            if len(self.list.groups) > 1:
                parts.append(w.HTML(f"<h3>{escape(group.title)}</h3>"))
            for entry in group.entries:
                note = (
                    f"<p class='toolkit-entry-note'>{escape(entry.note)}</p>" if entry.note else ""
                )
                parts.append(w.HTML(f"<h4>{escape(entry.label)}</h4>{note}"))
                status = w.Dropdown(
                    description=f"{entry.label}: status",
                    options=options,
                    value=NOT_ANSWERED,
                    style=_LABEL,
                    layout=_WIDE,
                )
                action = w.Text(
                    description=f"{entry.label}: {self.list.action_label}",
                    style=_LABEL,
                    layout=_WIDE,
                )
                for box in (status, action):
                    box.observe(lambda _c: self.changed(), names="value")
                self.status[entry.id], self.action[entry.id] = status, action
                parts += [status, action]
        self.results, self.summary = result_areas()
        self.keeper = AnswerKeeper(
            instrument=self.list.id,
            version=self.list.version,
            read_form=self.answers,
            fill_form=self.fill,
            check_answers=lambda a: checklist_sheet.check_answers(self.list, a),
            csv_table=lambda a: csv_rows(self.list, a),
            blank=lambda: checklist_sheet.blank(self.list),
            store=store,
        )
        self.widget = sheet_box(self.list.title, self.list.id, parts, self)
        self.changed()

    def answers(self) -> dict[str, Any]:
        return {
            entry_id: {"status": picked(self.status[entry_id]), "action": box.value}
            for entry_id, box in self.action.items()
        }

    def fill(self, answers: dict[str, Any]) -> None:
        with filling(self):
            for entry_id, answer in answers.items():
                choose(self.status[entry_id], answer["status"])
                self.action[entry_id].value = answer["action"]

    def changed(self) -> None:
        if self.filling:
            return
        try:
            self.results.value = results_html(self.list, self.answers())
        except ToolkitInputError as error:
            self.results.value = error_html(error.message)
        self.summary.value = summary_html(self.list, self.answers(), self.results.value)
        self.keeper.changed()

    async def restore(self) -> None:
        await self.keeper.restore()


def show(instrument_id: str, store: Store | None = None) -> None:
    """Display one checklist worksheet, then restore its saved answers."""
    display_sheet(ChecklistWorksheet(instrument_id, store))
