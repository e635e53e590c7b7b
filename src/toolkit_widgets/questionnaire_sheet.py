"""Answers to a questionnaire worksheet as plain data: their shape, checks and CSV rows.

Answers look like::

    {"ratings": {item_id: value or None},
     "flagged": [item_id, ...],
     "notes":   {item_id: {note_id: text}},   # instruments with item_notes
     "fields":  {field_id: text}}              # instruments with sheet_fields

where a value is one of the instrument's scale values (``true``/``false`` for
yes/no items, ``"not_applicable"`` where the scale offers it). Files saved
before "notes" and "fields" existed still read: missing parts are blank.
This module knows nothing of widgets.
"""

from __future__ import annotations

from typing import Any

from toolkit_widgets.checks import is_number
from toolkit_widgets.constants import MAX_TEXT, NOT_APPLICABLE
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.spec import Questionnaire

__all__ = ["answer_label", "blank", "check_answers", "csv_rows", "is_yes_no"]


def is_yes_no(instrument: Questionnaire) -> bool:
    return instrument.scale.id == "yes_no"


def blank(instrument: Questionnaire) -> dict[str, Any]:
    return {
        "ratings": dict.fromkeys(instrument.item_ids),
        "flagged": [],
        "notes": {
            item_id: {note.id: "" for note in instrument.item_notes}
            for item_id in instrument.item_ids
        }
        if instrument.item_notes
        else {},
        "fields": {field.id: "" for field in instrument.sheet_fields},
    }


def answer_label(instrument: Questionnaire, value: object) -> str:
    """How an answer reads on the page, in print and in CSV."""
    if value is None:
        return "Not answered"
    if value == NOT_APPLICABLE:
        return instrument.scale.not_applicable or "Not applicable"
    if is_yes_no(instrument):
        return "Yes" if value else "No"
    label = instrument.scale.label_for(value)  # type: ignore[arg-type]
    return label if label == str(value) else f"{value} {label}"


def _rating(instrument: Questionnaire, item_id: str, value: object) -> object:
    if value is None:
        return None
    if value == NOT_APPLICABLE and instrument.scale.not_applicable:
        return NOT_APPLICABLE
    if is_yes_no(instrument):
        if not isinstance(value, bool):
            raise ToolkitInputError(f"item {item_id} must be yes or no; got {value!r}.")
        return value
    if is_number(value) and value in instrument.scale.values:
        return int(value)  # type: ignore[call-overload]
    allowed = [*instrument.scale.values]
    if instrument.scale.not_applicable:
        allowed.append(NOT_APPLICABLE)
    raise ToolkitInputError(f"item {item_id} must be one of {allowed}; got {value!r}.")


def _text(value: object, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ToolkitInputError(f"{where} must be text; got {value!r}.")
    if len(value) > MAX_TEXT:
        raise ToolkitInputError(f"{where} is longer than {MAX_TEXT:,} characters.")
    return value


def _notes(instrument: Questionnaire, notes: object) -> dict[str, dict[str, str]]:
    clean = blank(instrument)["notes"]
    if notes in (None, {}):
        return clean
    if not isinstance(notes, dict) or not set(notes) <= set(instrument.item_ids):
        raise ToolkitInputError('"notes" must map item ids of this instrument to their notes.')
    note_ids = {note.id for note in instrument.item_notes}
    for item_id, texts in notes.items():
        if not isinstance(texts, dict) or not set(texts) <= note_ids:
            raise ToolkitInputError(f"the notes of item {item_id} must be {sorted(note_ids)}.")
        for note_id, text in texts.items():
            clean[item_id][note_id] = _text(text, f"item {item_id}, {note_id}")
    return clean


def _fields(instrument: Questionnaire, fields: object) -> dict[str, str]:
    clean = blank(instrument)["fields"]
    if fields in (None, {}):
        return clean
    known = {field.id: field for field in instrument.sheet_fields}
    if not isinstance(fields, dict) or not set(fields) <= set(known):
        raise ToolkitInputError(f'"fields" must use the names {sorted(known)}.')
    for field_id, text in fields.items():
        value = _text(text, known[field_id].label)
        if value and known[field_id].choices and value not in known[field_id].choices:
            raise ToolkitInputError(
                f"{known[field_id].label}: {value!r} is not one of the choices."
            )
        clean[field_id] = value
    return clean


def check_answers(instrument: Questionnaire, answers: object) -> dict[str, Any]:
    """A clean copy of the answers, or an error naming the first item that is wrong."""
    if not isinstance(answers, dict) or not isinstance(answers.get("ratings"), dict):
        raise ToolkitInputError('the answers must have "ratings" for the items.')
    ratings = answers["ratings"]
    unknown = sorted(set(ratings) - set(instrument.item_ids))
    if unknown:
        raise ToolkitInputError(f"there is no item {unknown[0]!r} in the {instrument.title}.")
    clean = {i: _rating(instrument, i, ratings.get(i)) for i in instrument.item_ids}
    flagged = answers.get("flagged", [])
    # one by one, as strings: a set() of [[]] would raise TypeError, not say what is wrong
    if not isinstance(flagged, list) or not all(
        isinstance(i, str) and i in instrument.item_ids for i in flagged
    ):
        raise ToolkitInputError('"flagged" must list item ids of this instrument.')
    return {
        "ratings": clean,
        "flagged": [i for i in instrument.item_ids if i in flagged],
        "notes": _notes(instrument, answers.get("notes")),
        "fields": _fields(instrument, answers.get("fields")),
    }


def csv_rows(
    instrument: Questionnaire, answers: dict[str, Any]
) -> tuple[list[str], list[list[object]]]:
    """One row per item (with its notes), then one row per sheet field."""
    notes = instrument.item_notes
    header = [
        "item",
        "section",
        "statement",
        "answer",
        "needs attention",
        *(n.label for n in notes),
    ]
    rows: list[list[object]] = []
    for item in instrument.items:
        value = answers["ratings"].get(item.id)
        if value is None:
            shown: object = ""
        elif value == NOT_APPLICABLE or is_yes_no(instrument):
            shown = answer_label(instrument, value).lower()
        else:
            shown = value
        flag = "yes" if item.id in answers["flagged"] else ""
        texts = [answers.get("notes", {}).get(item.id, {}).get(n.id, "") for n in notes]
        rows.append([item.id, item.section, item.text, shown, flag, *texts])
    for field in instrument.sheet_fields:
        value = answers.get("fields", {}).get(field.id, "")
        rows.append([field.id, "", field.label, value, "", *([""] * len(notes))])
    return header, rows
