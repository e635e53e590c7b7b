"""A practice form's answers as plain data: blank, checked, counted, tabled.

Answers are ``{section id: {field id: value}}``; a repeated section (journal
entries, PDSA cycles) holds a list of such objects. Values are text for
text, paragraphs and dates (ISO ``YYYY-MM-DD`` or empty), a choice id or None,
a whole number or None, and true/false for a tick.

:func:`check_answers` is what import and restore go through: anything not
of that shape is refused with a message naming the section and field. A
section or field the file lacks is filled blank, so files saved before a
form gained a field still open.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from toolkit_widgets.constants import MAX_TEXT
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.form_spec import Field, Form, FormSection

__all__ = ["blank", "blank_entry", "check_answers", "completeness", "csv_rows", "is_filled"]


def _blank_value(field: Field) -> Any:
    return {"check": False, "choice": None, "number": None}.get(field.kind, "")


def blank_entry(section: FormSection) -> dict[str, Any]:
    return {field.id: _blank_value(field) for field in section.fields}


def blank(form: Form) -> dict[str, Any]:
    """A form with nothing filled in (a repeated section starts with one empty entry)."""
    return {s.id: [blank_entry(s)] if s.repeat else blank_entry(s) for s in form.sections}


def _value(field: Field, value: object, where: str) -> Any:
    if value is None and field.kind in ("choice", "number"):
        return None
    if field.kind == "check":
        if not isinstance(value, bool):
            raise ToolkitInputError(f"{where} must be true or false; got {value!r}.")
        return value
    if field.kind == "choice":
        if not isinstance(value, str) or value not in {c.id for c in field.choices}:
            allowed = ", ".join(c.id for c in field.choices)
            raise ToolkitInputError(f"{where} must be one of {allowed}; got {value!r}.")
        return value
    if field.kind == "number":
        low, high = field.minimum, field.maximum
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:  # type: ignore[operator]
            raise ToolkitInputError(
                f"{where} must be a whole number from {low} to {high}; got {value!r}."
            )
        return value
    if not isinstance(value, str):
        raise ToolkitInputError(f"{where} must be text; got {value!r}.")
    if len(value) > MAX_TEXT:
        raise ToolkitInputError(f"{where} is longer than {MAX_TEXT} characters.")
    if field.kind == "date" and value:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ToolkitInputError(
                f"{where} must be a date written YYYY-MM-DD; got {value!r}."
            ) from None
    return value


def _entry(section: FormSection, entry: object, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise ToolkitInputError(f"{where} must be an object of answers; got {entry!r}.")
    known = {f.id for f in section.fields}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise ToolkitInputError(f"{where} has no field {unknown[0]!r}.")
    return {
        f.id: _value(f, entry[f.id], f"{where}, {f.label!r}") if f.id in entry else _blank_value(f)
        for f in section.fields
    }


def check_answers(form: Form, answers: object) -> dict[str, Any]:
    """A clean copy of ``answers`` for ``form``, or an error naming the first problem."""
    if not isinstance(answers, dict):
        raise ToolkitInputError("the answers must be an object keyed by section.")
    known = {s.id for s in form.sections}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise ToolkitInputError(f"this form has no section {unknown[0]!r}.")
    clean: dict[str, Any] = {}
    for section in form.sections:
        where = f"section {section.title!r}"
        given = answers.get(section.id)
        if given is None:
            clean[section.id] = blank(form)[section.id]
        elif section.repeat:
            if not isinstance(given, list) or not 1 <= len(given) <= section.max_repeats:
                raise ToolkitInputError(
                    f"{where} must list 1 to {section.max_repeats} {section.repeat} entries."
                )
            clean[section.id] = [
                _entry(section, e, f"{where}, {section.repeat} {n}")
                for n, e in enumerate(given, start=1)
            ]
        else:
            clean[section.id] = _entry(section, given, where)
    return clean


def is_filled(field: Field, value: Any) -> bool:
    """Whether a learner has answered this field (a tick left empty is an answer)."""
    if field.kind == "check":
        return True
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def entries(section: FormSection, answers: dict[str, Any]) -> list[dict[str, Any]]:
    """The section's answers as a list of entries, repeated or not."""
    given = answers[section.id]
    return given if section.repeat else [given]


def completeness(form: Form, answers: dict[str, Any]) -> list[tuple[FormSection, int, int]]:
    """For each section: (section, fields filled, fields in all) over all its entries.

    Ticks do not count as boxes to fill: an unticked box is an answer too.
    """
    counts = []
    for section in form.sections:
        boxes = [f for f in section.fields if f.kind != "check"]
        if not boxes:
            continue
        found = entries(section, answers)
        filled = sum(is_filled(f, e[f.id]) for e in found for f in boxes)
        counts.append((section, filled, len(boxes) * len(found)))
    return counts


def shown_value(field: Field, value: Any) -> str:
    """A value as a learner reads it: a choice's label, a tick as yes or no."""
    if field.kind == "check":
        return "yes" if value else "no"
    if field.kind == "choice":
        return field.choice_label(value)
    return "" if value is None else str(value)


def csv_rows(form: Form, answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
    """One row per field (and per entry of a repeated section), for a spreadsheet."""
    rows: list[list[object]] = []
    for section in form.sections:
        for number, entry in enumerate(entries(section, answers), start=1):
            rows += [
                [
                    section.title,
                    number if section.repeat else "",
                    f.label,
                    shown_value(f, entry[f.id]),
                ]
                for f in section.fields
            ]
    return ["section", "entry", "field", "answer"], rows
