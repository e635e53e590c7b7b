"""Answers to a checklist worksheet (chapter 8) as plain data: shape, checks, labels, CSV rows.

Answers look like ``{entry_id: {"status": status_id or None, "action": text}}``
for every entry of the list (``toolkit_widgets.checklist`` defines the shape,
its blank and its check; they are re-exported here so that every worksheet's
``*_sheet`` module offers the same four things). The instrument id and version
export files carry are the list's own (``Checklist.id``, ``Checklist.version``).
This module knows nothing of widgets or pages.
"""

from __future__ import annotations

from typing import Any

from toolkit_widgets.checklist import blank, check_answers
from toolkit_widgets.spec import Checklist

__all__ = ["NOT_ANSWERED", "blank", "check_answers", "csv_rows", "labels"]

#: how an entry with no status reads on the page, in print and in CSV
NOT_ANSWERED = "Not answered"


def labels(checklist: Checklist) -> tuple[dict[str, str], dict[str | None, str]]:
    """(entry id -> its label, status id or None -> how it reads)."""
    entries = {e.id: e.label for g in checklist.groups for e in g.entries}
    statuses: dict[str | None, str] = {s.id: s.label for s in checklist.statuses}
    statuses[None] = NOT_ANSWERED
    return entries, statuses


def csv_rows(checklist: Checklist, answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
    """One row per entry: id, group, label, status (as it reads) and action."""
    entries, statuses = labels(checklist)
    group_of = {e.id: g.title for g in checklist.groups for e in g.entries}
    rows: list[list[object]] = [
        [entry_id, group_of[entry_id], entries[entry_id], statuses[a["status"]], a["action"]]
        for entry_id, a in answers.items()
    ]
    return ["entry", "group", "label", "status", "action"], rows
