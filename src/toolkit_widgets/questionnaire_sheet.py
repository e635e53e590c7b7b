"""Answers to a questionnaire worksheet as plain data: their shape, checks and CSV rows.

Answers look like ``{"ratings": {item_id: value or None}, "flagged": [item_id, ...]}``
where a value is one of the instrument's scale values (``true``/``false`` for
yes/no items). This module knows nothing of widgets.
"""

from __future__ import annotations

from typing import Any

from toolkit_widgets.checks import is_number
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.spec import Questionnaire

__all__ = ["blank", "check_answers", "csv_rows", "is_yes_no"]


def is_yes_no(instrument: Questionnaire) -> bool:
    return instrument.scale.id == "yes_no"


def blank(instrument: Questionnaire) -> dict[str, Any]:
    return {"ratings": dict.fromkeys(instrument.item_ids), "flagged": []}


def check_answers(instrument: Questionnaire, answers: object) -> dict[str, Any]:
    """A clean copy of the answers, or an error naming the first item that is wrong."""
    if not isinstance(answers, dict) or not isinstance(answers.get("ratings"), dict):
        raise ToolkitInputError('the answers must have "ratings" for the items.')
    ratings = answers["ratings"]
    unknown = sorted(set(ratings) - set(instrument.item_ids))
    if unknown:
        raise ToolkitInputError(f"there is no item {unknown[0]!r} in the {instrument.title}.")
    clean: dict[str, Any] = {}
    for item_id in instrument.item_ids:
        value = ratings.get(item_id)
        if value is None:
            clean[item_id] = None
        elif is_yes_no(instrument):
            if not isinstance(value, bool):
                raise ToolkitInputError(f"item {item_id} must be yes or no; got {value!r}.")
            clean[item_id] = value
        elif is_number(value) and value in instrument.scale.values:
            clean[item_id] = int(value)
        else:
            raise ToolkitInputError(
                f"item {item_id} must be one of {list(instrument.scale.values)}; got {value!r}."
            )
    flagged = answers.get("flagged", [])
    if not isinstance(flagged, list) or not set(flagged) <= set(instrument.item_ids):
        raise ToolkitInputError('"flagged" must list item ids of this instrument.')
    return {"ratings": clean, "flagged": [i for i in instrument.item_ids if i in flagged]}


def csv_rows(
    instrument: Questionnaire, answers: dict[str, Any]
) -> tuple[list[str], list[list[object]]]:
    header = ["item", "section", "statement", "answer", "needs attention"]
    rows = []
    for item in instrument.items:
        value = answers["ratings"].get(item.id)
        if value is None:
            shown: object = ""
        elif is_yes_no(instrument):
            shown = "yes" if value else "no"
        else:
            shown = value
        flag = "yes" if item.id in answers["flagged"] else ""
        rows.append([item.id, item.section, item.text, shown, flag])
    return header, rows
