"""The bridge between a worksheet page and Python: JSON in, JSON out.

The page keeps the learner's form state and sends it here; everything that
is a rule of an instrument (scoring, ranges, wording, checks) happens on
this side. Two entry points, both taking and returning JSON text so that
the page's script never needs to know Python's types:

* :func:`compute` reads a form state: messages per control, results and the
  print summary as escaped HTML, and the export files when the answers are
  complete enough to be exported;
* :func:`read_answers` reads an export file, or a record saved by an
  earlier version of the site, and gives back the form state that shows it.

Neither raises for anything a learner or a file can do: a problem comes back
as a message.
"""

from __future__ import annotations

import json
import re
from typing import Any

from toolkit_widgets import catalogue
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.exports import (
    MAX_BYTES,
    ImportFileError,
    parse_json,
    read_envelope,
    sheet_id_of,
    to_csv,
    to_json,
)
from toolkit_widgets.render.form_state import read_state, to_state

__all__ = ["MAX_DEPTH", "compute", "read_answers"]

#: deeper JSON than this is no form state or answers file of ours
MAX_DEPTH = 32
_SHEET_ID = re.compile(r"[A-Za-z0-9-]{4,64}")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T[0-9:.]{5,15}(Z|[+-]\d{2}:?\d{2})?")


def _too_deep(text: str) -> bool:
    """True when brackets nest deeper than MAX_DEPTH (checked before parsing)."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _load(text: str) -> object:
    if len(text) > MAX_BYTES:
        raise ToolkitInputError(f"This is more than {MAX_BYTES:,} characters of answers.")
    if _too_deep(text):
        raise ImportFileError(
            "This file nests its data far deeper than any answers file; it is not one of ours."
        )
    return parse_json(text)


def _reply(**values: Any) -> str:
    return json.dumps(values, ensure_ascii=True)


def compute(worksheet: str, state_json: str) -> str:
    """Results, messages and exports for a worksheet's form state (all as JSON text).

    ``state_json`` is ``{"values": …, "rows": …, "sheet_id": …, "saved_at": …}``
    as the page keeps it. The reply holds ``messages`` (control name → text),
    ``problem`` (a message for the sheet as a whole, or null), ``results`` and
    ``summary`` (HTML) and ``export`` (``json``, ``csv``, ``filename``) or null
    while a message stands.
    """
    sheet = catalogue.get(worksheet)
    try:
        state = _load(state_json)
        read = read_state(sheet.form, sheet.blank(), state)
    except ToolkitInputError as error:
        return _reply(messages={}, problem=error.message, results="", summary="", export=None)
    problem = None
    try:
        answers = sheet.check(read.answers)
        results = sheet.results_html(answers)
    except ToolkitInputError as error:
        answers, problem = read.answers, error.message
        results = ""
    summary = sheet.summary_html(answers, results) if problem is None else ""
    export = None
    if problem is None and not read.messages:
        export = _export(sheet, answers, state)
    return _reply(
        messages=read.messages, problem=problem, results=results, summary=summary, export=export
    )


def _export(sheet: Any, answers: dict[str, Any], state: Any) -> dict[str, str]:
    sheet_id = state.get("sheet_id") if isinstance(state, dict) else None
    saved_at = state.get("saved_at") if isinstance(state, dict) else None
    sheet_id = sheet_id if isinstance(sheet_id, str) and _SHEET_ID.fullmatch(sheet_id) else None
    if not (isinstance(saved_at, str) and _STAMP.fullmatch(saved_at)):
        saved_at = "1970-01-01T00:00:00Z"
    header, rows = sheet.csv_table(answers)
    return {
        "json": to_json(sheet.instrument, sheet.version, answers, saved_at, sheet_id),
        "csv": to_csv(header, rows),
        "filename": f"{sheet.instrument}-answers-{saved_at[:10]}",
    }


def read_answers(worksheet: str, file_text: str) -> str:
    """The form state inside an export file or an old browser record, as JSON text.

    The reply is ``{"state": {...values, rows, sheet_id}}`` or ``{"error": text}``;
    the error says what is wrong with the file and that nothing was changed.
    """
    sheet = catalogue.get(worksheet)
    try:
        parsed = _load(file_text)
        answers = read_envelope(parsed, sheet.instrument, sheet.version, sheet.check)
    except ToolkitInputError as error:
        return _reply(error=error.message)
    state = to_state(sheet.form, answers)
    state["sheet_id"] = sheet_id_of(parsed)
    saved_at = parsed.get("saved_at") if isinstance(parsed, dict) else None
    state["saved_at"] = (
        saved_at if isinstance(saved_at, str) and _STAMP.fullmatch(saved_at) else None
    )
    return _reply(state=state)
