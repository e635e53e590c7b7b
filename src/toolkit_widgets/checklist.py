"""Checklists over the toolkit's reference lists: pure tallies, no scores.

Used for Tannenbaum's eight characteristics of a positive learning
environment and the TCU organizational readiness factors (toolkit chapter 8).
The toolkit gives the lists but no rating, so everything here is ours and is
labelled as such on the page: one status per entry (e.g. present / partly /
absent), counts per group, and the gaps — entries whose status calls for an
action — each with the action the reader wrote, if any.

Answers: ``{entry_id: {"status": status_id or None, "action": text}}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from toolkit_widgets.constants import MAX_TEXT
from toolkit_widgets.errors import OutOfRangeError, UnknownItemError
from toolkit_widgets.spec import Checklist

__all__ = ["ChecklistResult", "Gap", "blank", "check_answers", "tally"]


@dataclass(frozen=True)
class Gap:
    entry: str
    status: str
    action: str  # "" when no action is written yet


@dataclass(frozen=True)
class ChecklistResult:
    by_group: dict[str, dict[str, int]]  # group id -> status id -> count
    gaps: tuple[Gap, ...]
    unanswered: tuple[str, ...]

    @property
    def gaps_without_action(self) -> tuple[str, ...]:
        return tuple(gap.entry for gap in self.gaps if not gap.action.strip())


def blank(checklist: Checklist) -> dict[str, dict[str, object]]:
    return {entry_id: {"status": None, "action": ""} for entry_id in checklist.entry_ids}


def check_answers(checklist: Checklist, answers: object) -> dict[str, dict[str, object]]:
    """A clean, complete copy of the answers, or an error naming the entry at fault."""
    if not isinstance(answers, Mapping):
        raise OutOfRangeError(
            f"The {checklist.title} answers must map entries to a status.", field="answers"
        )
    unknown = sorted(set(answers) - set(checklist.entry_ids), key=str)
    if unknown:
        raise UnknownItemError(
            f"The {checklist.title} has no entry {unknown[0]!r}.", field=str(unknown[0])
        )
    statuses = {status.id for status in checklist.statuses}
    clean = blank(checklist)
    for entry_id, answer in answers.items():
        if not isinstance(answer, Mapping):
            raise OutOfRangeError(
                f"Entry {entry_id}: expected a status and an action.", field=entry_id
            )
        status = answer.get("status")
        if status is not None and (not isinstance(status, str) or status not in statuses):
            raise OutOfRangeError(
                f"Entry {entry_id}: the status must be one of {sorted(statuses)}; got {status!r}.",
                field=entry_id,
            )
        action = answer.get("action", "")
        if action is None:
            action = ""
        if not isinstance(action, str) or len(action) > MAX_TEXT:
            raise OutOfRangeError(
                f"Entry {entry_id}: the action must be text of at most {MAX_TEXT:,} characters.",
                field=entry_id,
            )
        clean[entry_id] = {"status": status, "action": action}
    return clean


def tally(checklist: Checklist, answers: Mapping[str, Mapping[str, object]]) -> ChecklistResult:
    """Counts per group and status, and the gaps in the list's order."""
    clean = check_answers(checklist, answers)
    by_group = {}
    for group in checklist.groups:
        counts = {status.id: 0 for status in checklist.statuses}
        for entry in group.entries:
            status = clean[entry.id]["status"]
            if status is not None:
                counts[str(status)] += 1
        by_group[group.id] = counts
    gaps = tuple(
        Gap(entry_id, str(answer["status"]), str(answer["action"]))
        for entry_id, answer in clean.items()
        if answer["status"] in checklist.gaps
    )
    unanswered = tuple(e for e, answer in clean.items() if answer["status"] is None)
    return ChecklistResult(by_group, gaps, unanswered)
