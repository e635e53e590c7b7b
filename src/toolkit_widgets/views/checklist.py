"""Checklist worksheets over the toolkit's reference lists (chapter 8).

Tannenbaum's eight characteristics of a positive learning environment and the
TCU readiness factors: one status and one action per entry, grouped as in
the data file, with counts per group and the gaps to act on. The tally is
``toolkit_widgets.checklist``; this view only shows it.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from toolkit_widgets import checklist
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.spec import Checklist, load_checklist
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
        options = [("Not answered", NOT_ANSWERED), *((s.label, s.id) for s in self.list.statuses)]
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
            check_answers=lambda a: checklist.check_answers(self.list, a),
            csv_table=lambda a: csv_rows(self.list, a),
            blank=lambda: checklist.blank(self.list),
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


def _labels(lst: Checklist) -> tuple[dict[str, str], dict[str | None, str]]:
    entries = {e.id: e.label for g in lst.groups for e in g.entries}
    statuses: dict[str | None, str] = {s.id: s.label for s in lst.statuses}
    statuses[None] = "Not answered"
    return entries, statuses


def results_html(lst: Checklist, answers: dict[str, Any]) -> str:
    result = checklist.tally(lst, answers)
    entries, statuses = _labels(lst)
    total = len(entries)
    if len(result.unanswered) == total:
        return "<p>Choose a status for each entry to see the counts and the gaps.</p>"
    head = "".join(f"<th scope='col'>{escape(s.label)}</th>" for s in lst.statuses)
    rows = "".join(
        f"<tr><th scope='row'>{escape(g.title)}</th>"
        + "".join(f"<td>{result.by_group[g.id][s.id]}</td>" for s in lst.statuses)
        + "</tr>"
        for g in lst.groups
    )
    gaps = "".join(
        f"<li><strong>{escape(entries[g.entry])}</strong> ({escape(statuses[g.status])}): "
        + (escape(g.action) if g.action.strip() else "<em>no action written yet</em>")
        + "</li>"
        for g in result.gaps
    )
    answered = total - len(result.unanswered)
    return (
        (f"<p>{answered} of {total} answered so far.</p>" if result.unanswered else "")
        + f"<table><thead><tr><th scope='col'>Group</th>{head}</tr></thead><tbody>{rows}"
        "</tbody></table>"
        + (
            f"<h3>Gaps to act on ({len(result.gaps)})</h3><ul class='toolkit-gaps'>{gaps}</ul>"
            if gaps
            else "<p>No gaps marked.</p>"
        )
        + (
            f"<p>{len(result.gaps_without_action)} gap(s) still need an action.</p>"
            if result.gaps_without_action
            else ""
        )
        + f"<p class='toolkit-addition'>Added by this site: {escape(lst.added_by_site)}</p>"
    )


def summary_html(lst: Checklist, answers: dict[str, Any], results: str) -> str:
    entries, statuses = _labels(lst)
    rows = "".join(
        f"<tr><td>{escape(entries[entry_id])}</td><td>{escape(statuses[a['status']])}</td>"
        f"<td>{escape(a['action'])}</td></tr>"
        for entry_id, a in answers.items()
    )
    return (
        f"<h2>My {escape(lst.title)}</h2><table><thead><tr><th scope='col'>Entry</th>"
        f"<th scope='col'>Status</th><th scope='col'>{escape(lst.action_label)}</th></tr>"
        f"</thead><tbody>{rows}</tbody></table><h3>Results</h3>{results}"
        f"<p>Source: {escape(lst.source)}</p>"
    )


def csv_rows(lst: Checklist, answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
    entries, statuses = _labels(lst)
    group_of = {e.id: g.title for g in lst.groups for e in g.entries}
    rows: list[list[object]] = [
        [entry_id, group_of[entry_id], entries[entry_id], statuses[a["status"]], a["action"]]
        for entry_id, a in answers.items()
    ]
    return ["entry", "group", "label", "status", "action"], rows


def show(instrument_id: str, store: Store | None = None) -> None:
    """Display one checklist worksheet, then restore its saved answers."""
    display_sheet(ChecklistWorksheet(instrument_id, store))
