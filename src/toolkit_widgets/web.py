"""The bridge between a worksheet page and Python: JSON in, JSON out.

The page keeps the learner's form state and sends it here; everything that
is a rule of an instrument (scoring, ranges, wording, checks) happens on
this side. The entry points all take and return JSON text, so that the
page's script never needs to know Python's types:

* :func:`compute` reads a form state: messages per control, results and the
  print summary as escaped HTML, and the export files when the answers are
  complete enough to be exported;
* :func:`read_answers` reads an export file, or a record saved by an
  earlier version of the site, and gives back the form state that shows it;
* :func:`cohort` reads many learners' export files at once for the trainer's
  group report (a page tool: it keeps nothing, so it is no worksheet);
* :func:`handoff` hands what one worksheet produced to another worksheet's
  kept answers (the SMART builder's goal to the GARS worksheet);
* :func:`read_backup` reads the "My work" page's backup of every worksheet.

:data:`PAGE_CALLS` names them: the page's Python worker
(``docs/_static/python-worker.mjs``) calls these and nothing else.

None of them raises for anything a learner or a file can do: a problem comes
back as a message.
"""

from __future__ import annotations

import json
import re
from typing import Any

from toolkit_widgets import catalogue
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.exports import (
    MAX_BYTES,
    MAX_DEPTH,
    NESTED_TOO_DEEP,
    ImportFileError,
    parse_json,
    parse_saved_at,
    read_envelope,
    sheet_id_of,
    to_csv,
    to_json,
    too_deep,
)
from toolkit_widgets.render.form_state import check_as_typed, read_state, to_state

__all__ = [
    "MAX_DEPTH",
    "PAGE_CALLS",
    "RECORD_FORMAT",
    "cohort",
    "compute",
    "handoff",
    "read_answers",
    "read_backup",
]

#: the functions a page may call, each with string arguments, each answering JSON text
PAGE_CALLS = ("compute", "read_answers", "cohort", "handoff", "read_backup")

_SHEET_ID = re.compile(r"[A-Za-z0-9-]{4,64}")


def _load(text: str) -> object:
    """The page's form state or kept record, read by the one reader of untrusted JSON."""
    return parse_json(text, "This worksheet's record")


def _reply(**values: Any) -> str:
    return json.dumps(values, ensure_ascii=True)


#: said when one of this site's checks fails on something it should have refused
#: cleanly (a bug of ours, not of the file): the page still gets a message
UNEXPECTED = (
    "This could not be read: one of this site's checks failed on it ({error}). "
    "Nothing was changed. Please tell the site's maintainers."
)


def _unexpected(error: BaseException) -> str:
    return UNEXPECTED.format(error=type(error).__name__)


def compute(worksheet: str, state_json: str) -> str:
    """Results, messages and exports for a worksheet's form state (all as JSON text).

    ``state_json`` is ``{"values": …, "rows": …, "sheet_id": …, "saved_at": …}``
    as the page keeps it. The reply holds ``messages`` (control name → text),
    ``problem`` (a message for the sheet as a whole, or null), ``results`` and
    ``summary`` (HTML) and ``export`` (``json``, ``csv``, ``filename``) or null
    while a message stands.
    """
    try:
        return _compute(catalogue.get(worksheet), state_json)
    except Exception as error:  # a bug of ours: a message, never a dead worksheet
        return _reply(messages={}, problem=_unexpected(error), results="", summary="", export=None)


def _compute(sheet: Any, state_json: str) -> str:
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
    results = shift_headings(results, _heading(state) - RESULTS_HEADING)
    return _reply(
        messages=read.messages, problem=problem, results=results, summary=summary, export=export
    )


#: the level of the "Results" heading the results' own headings are written for
RESULTS_HEADING = 3
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")


def _heading(state: object) -> int:
    """The page's level for the worksheet's "Results" heading (2 to 5; 3 if not given)."""
    level = state.get("heading") if isinstance(state, dict) else None
    valid = isinstance(level, int) and not isinstance(level, bool) and 2 <= level <= 5
    return level if valid else RESULTS_HEADING


def shift_headings(html: str, by: int) -> str:
    """``html`` with every heading ``by`` levels lower (or higher), kept within h1 to h6.

    >>> shift_headings("<h4 class='x'>A</h4>", -1)
    "<h3 class='x'>A</h3>"
    """
    if not by:
        return html
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(max(int(m.group(2)) + by, 1), 6)}", html)


def _export(sheet: Any, answers: dict[str, Any], state: Any) -> dict[str, str]:
    sheet_id = state.get("sheet_id") if isinstance(state, dict) else None
    saved_at = state.get("saved_at") if isinstance(state, dict) else None
    sheet_id = sheet_id if isinstance(sheet_id, str) and _SHEET_ID.fullmatch(sheet_id) else None
    saved_at = saved_at if _stamp(saved_at) else "1970-01-01T00:00:00Z"
    header, rows = sheet.csv_table(answers)
    return {
        "json": to_json(sheet.instrument, sheet.version, answers, saved_at, sheet_id),
        "csv": to_csv(header, rows),
        "filename": f"{sheet.instrument}-answers-{saved_at[:10]}",
    }


def _stamp(value: object) -> bool:
    """True for a ``saved_at`` an export may carry: an ISO 8601 date and time."""
    try:
        return parse_saved_at(value) is not None
    except ToolkitInputError:
        return False


def checked_as_typed(sheet: Any) -> Any:
    """The worksheet's check of a file's answers: their shape, then the form's own checks.

    Every route by which answers arrive without being typed (an import, a
    record of the earlier site, the answers a hand-over adds to, a file in the
    cohort view) uses this, and the form state goes through the same per-field
    checks (:func:`~toolkit_widgets.render.form_state.read_state`), so none of
    them can accept what the form refuses.
    """
    return lambda answers: check_as_typed(sheet.form, sheet.blank(), sheet.check(answers))


def read_answers(worksheet: str, file_text: str, size: str | int = "", origin: str = "") -> str:
    """The form state inside an export file or an old browser record, as JSON text.

    The reply is ``{"state": {...values, rows, sheet_id}}`` or ``{"error": text}``;
    the error says what is wrong with the file and that nothing was changed.
    ``size`` is the file's size in bytes, when the page knows it: the page sends
    no more than :data:`MAX_BYTES` + 1 bytes of a file, and a bigger one is
    refused on its size alone.

    ``origin`` is ``"kept"`` for a record this browser kept for the learner
    (the earlier site's IndexedDB): its answers are the learner's own, so a
    value the form's checks now refuse is brought in as typed and marked
    beside its field, as a typed one is, instead of refusing the whole record
    (a check that changed its mind must never lose an answer). A file chosen
    for import is held to the form's checks and refused whole: the file stays
    where it was, so nothing is lost.
    """
    try:
        size = int(size) if str(size).strip() else 0
    except ValueError:
        size = 0
    if size > MAX_BYTES:
        return _reply(
            error=f"This file is {size:,} bytes; an answers file is at most {MAX_BYTES:,}. "
            "Choose the .json file this worksheet exported."
        )
    try:
        return _read_answers(catalogue.get(worksheet), file_text, kept=origin == "kept")
    except Exception as error:  # a bug of ours: a message, never a dead worksheet
        return _reply(error=_unexpected(error))


def _read_answers(sheet: Any, file_text: str, kept: bool = False) -> str:
    check = sheet.check if kept else checked_as_typed(sheet)
    try:
        parsed = parse_json(file_text)
        answers = read_envelope(parsed, sheet.instrument, sheet.version, check)
    except ToolkitInputError as error:
        return _reply(error=error.message)
    state = to_state(sheet.form, answers)
    state["sheet_id"] = sheet_id_of(parsed)
    saved_at = parsed.get("saved_at") if isinstance(parsed, dict) else None
    state["saved_at"] = saved_at if _stamp(saved_at) else None
    return _reply(state=state)


#: a whole load bigger than this is refused before it is read (a group's files are
#: a few kilobytes each; this leaves room for a few hundred)
MAX_LOAD_CHARS = 20_000_000
#: file names longer than this are shortened in the report
_NAME_CHARS = 200
_SHAPE = "The page sent the files in a shape this site does not read."


class _Unread(str):
    """Stands for a file the page could not send whole; its text is the reason."""


def _export_file(data: bytes | str) -> object:
    """One export file's JSON, read as an import is (size, depth, numbers, text)."""
    if isinstance(data, _Unread):
        raise ImportFileError(str(data))
    return parse_json(data)


def _files(files_json: str) -> list[tuple[str, str]]:
    """(name, text) of each file the page sent, in the order the trainer chose them.

    The page sends ``[{"name": …, "text": …, "size": …}]``; ``text`` is null for a
    file the browser could not read, and may be cut short for a file far over the
    size limit (``size`` says how big it is). Such a file comes back as
    :class:`_Unread`, so it is refused in its place among the others.
    """
    if len(files_json) > MAX_LOAD_CHARS:
        raise ToolkitInputError(
            f"These files hold more than {MAX_LOAD_CHARS:,} characters together; "
            "load them in smaller batches."
        )
    if too_deep(files_json, 4):  # [{"name": …, "text": "…"}]: each file's text is a string
        raise ToolkitInputError(_SHAPE)
    try:
        listed = json.loads(files_json)  # not parse_json: many files together exceed its limit
    except ValueError:
        raise ToolkitInputError(_SHAPE) from None
    if not isinstance(listed, list):
        raise ToolkitInputError(_SHAPE)
    files: list[tuple[str, str]] = []
    for number, entry in enumerate(listed, start=1):
        entry = entry if isinstance(entry, dict) else {}
        name, text, size = entry.get("name"), entry.get("text"), entry.get("size")
        name = name[:_NAME_CHARS] if isinstance(name, str) and name else f"file {number}"
        if not isinstance(text, str):
            text = _Unread("The browser could not read this file.")
        elif isinstance(size, int) and not isinstance(size, bool) and size > MAX_BYTES:
            text = _Unread(
                f"This file is {size:,} bytes; an answers file is at most {MAX_BYTES:,}. "
                "Choose the .json file a worksheet exported."
            )
        files.append((name, text))
    return files


def cohort(files_json: str, today: str | None = None) -> str:
    """The trainer's group report for many learners' export files (JSON in, JSON out).

    ``files_json`` is ``[{"name": file name, "text": its content}, …]``. The reply
    holds ``report`` (escaped HTML), ``summary`` (the printable report), ``status``
    (one line: read, used, not used), ``csv`` (the group table, or null when no
    file could be used), ``filename`` (for the CSV), ``refused``
    (``[{"name", "reason"}]``), ``counts`` (files, used, refused, copies) and
    ``problem`` (a message when the load as a whole could not be read, else null).

    Every file is untrusted and read as an import is: one bad file is listed with
    its reason and the others are counted. Nothing a file holds makes this raise;
    nothing is kept. ``today`` (ISO date) dates the report; by default the clock's.
    """
    from datetime import date

    from toolkit_widgets import cohort as group
    from toolkit_widgets.render import cohort_results

    day = today or date.today().isoformat()
    try:
        files = _files(files_json)
        result = group.report(files, _export_file, _cohort_checks(), _day_after(day))
        header, rows = group.csv_rows(result)
    except ToolkitInputError as error:
        return _cohort_reply(problem=error.message)
    except RecursionError:  # never expected (every file's depth is checked first)
        return _cohort_reply(problem=NESTED_TOO_DEEP)
    except Exception as error:  # a bug, not the file: the page still gets a message
        return _cohort_reply(problem=f"These files could not be read: {error!r}")
    used = 0 if len(files) > group.MAX_FILES else len(files) - len(result.refused)
    report = cohort_results.report_html(result)
    return _cohort_reply(
        report=report,
        summary=cohort_results.summary_html(cohort_results.report_html(result, 3), day),
        status=cohort_results.status_text(len(files), used),
        csv=to_csv(header, rows) if used else None,
        filename=f"group-report-{day}.csv",
        refused=[{"name": r.file, "reason": r.reason} for r in result.refused],
        counts={
            "files": len(files),
            "used": used,
            "refused": len(files) - used,
            "copies": len(result.copies),
        },
    )


def _cohort_checks() -> dict[str, Any]:
    """Instrument -> the check a file's answers get: the worksheet's own, as for an import."""
    from toolkit_widgets import cohort as group

    sheets = [catalogue.get(name) for name in catalogue.NAMES if name in group.READABLE]
    return {sheet.instrument: checked_as_typed(sheet) for sheet in sheets}


def _day_after(day: str) -> Any:
    """The start of the day after the report's day, in UTC: no file can be saved later."""
    from datetime import UTC, date, datetime, time, timedelta

    try:
        start = date.fromisoformat(day) + timedelta(days=2)  # a day's grace for time zones
    except ValueError:
        return None
    return datetime.combine(start, time(), UTC)


def _cohort_reply(problem: str | None = None, **values: Any) -> str:
    """The reply, with no lone surrogate left in it (a file can hold one; JSON escapes it)."""
    from toolkit_widgets.render.cohort_results import EMPTY

    reply = {
        "problem": problem,
        "report": EMPTY,
        "summary": "",
        "status": problem or "",
        "csv": None,
        "filename": "",
        "refused": [],
        "counts": {"files": 0, "used": 0, "refused": 0, "copies": 0},
        **values,
    }
    text = json.dumps(reply, ensure_ascii=False).encode("utf-8", "replace").decode("utf-8")
    return _reply(**json.loads(text))


# --- one worksheet hands its result to another ---------------------------------

#: the "format" of the record the page keeps per worksheet (sheet.js FORMAT)
RECORD_FORMAT = "coaching-toolkit-form-state"


def _kept(target: Any, kept_text: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """(form state, checked answers) the page keeps for ``target``, or (None, None).

    ``kept_text`` is the page's record for the worksheet, or the record the
    earlier site kept (an export envelope), or empty when there is neither.
    """
    if not kept_text.strip():
        return None, None
    parsed = _load(kept_text)
    if isinstance(parsed, dict) and parsed.get("format") == RECORD_FORMAT:
        if parsed.get("worksheet", target.name) != target.name:
            raise ToolkitInputError("the answers kept for it belong to another worksheet.")
        answers = target.check(read_state(target.form, target.blank(), parsed).answers)
        sheet_id = parsed.get("sheet_id")
        values, rows = parsed.get("values", {}), parsed.get("rows", {})
        state = {"values": values, "rows": rows, "sheet_id": sheet_id}
        return state, answers
    answers = read_envelope(parsed, target.instrument, target.version, checked_as_typed(target))
    state = to_state(target.form, answers)
    state["sheet_id"] = sheet_id_of(parsed)
    return state, answers


def handoff(worksheet: str, state_json: str, kept_text: str) -> str:
    """The record of another worksheet with this worksheet's result handed to it (JSON text).

    The SMART builder hands its goal to the GARS worksheet this way: the page
    sends the builder's form state and what it keeps for the GARS worksheet
    (its record, the earlier site's record, or ""), and writes the state in
    the reply as the GARS worksheet's new record, as that page would. Every
    control the hand-over does not change keeps exactly what was typed, even
    text Python cannot read. The reply is ``{"target": name, "state":
    {values, rows, sheet_id}, "message": text}``, or ``{"error": text}`` when
    nothing may be changed (no goal yet, a damaged record, a full sheet).
    """
    if worksheet not in catalogue.NAMES:
        return _reply(error="Nothing was sent: this site has no such worksheet.")
    sheet = catalogue.get(worksheet)
    if sheet.hands_to not in catalogue.NAMES:
        return _reply(error="This worksheet has nothing to hand to another one on this site.")
    target = catalogue.get(sheet.hands_to)
    try:
        read = read_state(sheet.form, sheet.blank(), _load(state_json))
        before, current = _kept(target, kept_text)
        updated, message = sheet.hand_over(sheet.check(read.answers), current)
        updated = target.check(updated)
    except ToolkitInputError as error:
        return _reply(error=f"Nothing was sent: {error.message}")
    except Exception as error:  # a bug of ours: a message, never a dead worksheet
        return _reply(error=f"Nothing was sent: {_unexpected(error)}")
    state = to_state(target.form, updated)
    if before is not None:
        typed = before["values"] if isinstance(before["values"], dict) else {}
        shown = to_state(target.form, current)["values"] if current is not None else {}
        state["values"] = {
            name: typed[name] if name in typed and shown.get(name) == value else value
            for name, value in state["values"].items()
        }
    sheet_id = before.get("sheet_id") if before is not None else None
    state["sheet_id"] = (
        sheet_id if isinstance(sheet_id, str) and _SHEET_ID.fullmatch(sheet_id) else None
    )
    return _reply(target=target.name, state=state, message=message)


# --- the "My work" page's backup of every worksheet ---------------------------------


def read_backup(file_text: str) -> str:
    """The worksheets' records inside a backup file, checked (JSON text in and out).

    The reply is ``{"sheets": [{"worksheet", "title", "saved_at", "earlier",
    "record"}]}``, in the catalogue's order, or ``{"error": text}`` saying what is
    wrong with the file; then the page changes nothing. The file is untrusted:
    size and nesting are checked before it is parsed, as for an import.
    """
    from toolkit_widgets import backup

    try:
        sheets = backup.read_backup(file_text)
    except ToolkitInputError as error:
        return _reply(error=error.message)
    except Exception as error:  # a bug of ours: a message, never a dead page
        return _reply(error=_unexpected(error))
    return _reply(sheets=sheets)
