"""Export and import of a learner's answers: versioned JSON and plain CSV.

Every export file is an envelope that names the format, the instrument and
its version, so that a newer site can read older files and a file from one
worksheet is never loaded into another.

Format versions:

* 1 (sites before 2026-11-25): format, versions, instrument, saved_at, answers.
* 2 adds ``sheet_id``: a random id made when a worksheet is first filled and
  kept through saves, exports and imports, so that a trainer's cohort view
  can tell two exports of the same learner's sheet from two learners. It
  says nothing about the learner. Files of format 1 are still read.

Imported files are untrusted: size,
JSON syntax, envelope and answers are all checked, and every problem is
reported as an :class:`ImportFileError` saying precisely what is wrong.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from itertools import accumulate
from typing import Any

from toolkit_widgets.errors import RefusedAnswerError, ToolkitInputError

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_STRING_CHARS",
    "NESTED_TOO_DEEP",
    "ImportFileError",
    "new_sheet_id",
    "parse_json",
    "parse_saved_at",
    "read_envelope",
    "read_json",
    "sheet_id_of",
    "to_csv",
    "to_json",
    "too_deep",
]

#: the name every export file carries in its "format" field
FORMAT = "coaching-toolkit-answers"
#: the envelope version this package writes (and the newest it reads)
FORMAT_VERSION = 2
#: larger files (bytes, or characters of text) are refused before parsing: answers
#: are a few kilobytes; a GARS sheet of 50 goals with every text box full is 1.75 MB
MAX_BYTES = 2_000_000
_SHEET_ID = re.compile(r"[A-Za-z0-9-]{4,64}")


class ImportFileError(ToolkitInputError):
    """A file that cannot be imported; the current answers are left as they are."""


def new_sheet_id() -> str:
    """A random id for a newly started sheet (16 hex digits; not derived from anyone)."""
    return secrets.token_hex(8)


def envelope(
    instrument: str,
    version: int,
    answers: dict[str, Any],
    saved_at: str,
    sheet_id: str | None = None,
) -> dict:
    """The answers wrapped with what they are: format, instrument, versions, time, sheet."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "instrument": instrument,
        "instrument_version": version,
        "sheet_id": sheet_id or new_sheet_id(),
        "saved_at": saved_at,
        "answers": answers,
    }


def to_json(
    instrument: str,
    version: int,
    answers: dict[str, Any],
    saved_at: str,
    sheet_id: str | None = None,
) -> str:
    """The export file for ``answers``: a JSON envelope that re-imports exactly."""
    return json.dumps(
        envelope(instrument, version, answers, saved_at, sheet_id), indent=2, ensure_ascii=False
    )


def sheet_id_of(parsed: object) -> str | None:
    """The sheet id an envelope carries; None for format 1 files, which have none."""
    found = parsed.get("sheet_id") if isinstance(parsed, dict) else None
    return found if isinstance(found, str) and _SHEET_ID.fullmatch(found) else None


def read_json(
    data: bytes | str,
    instrument: str,
    version: int,
    check_answers: Callable[[Any], dict[str, Any]],
) -> dict[str, Any]:
    """The answers inside an export file, after checking everything about it.

    ``check_answers`` is the worksheet's own check of the answers' shape; it
    raises a :class:`~toolkit_widgets.errors.ToolkitInputError`, reported here
    as an import error.
    """
    return read_envelope(parse_json(data), instrument, version, check_answers)


def parse_json(
    data: bytes | str,
    what: str = "This file",
    max_bytes: int = MAX_BYTES,
    advice: str = "Choose the .json file this worksheet exported.",
) -> object:
    """A file's JSON content, after the checks every import gets (see :mod:`exports`).

    This is the one reader of untrusted JSON: the page's form state, answers
    kept in the browser, imported files, records of the earlier site and the
    cohort view's files all come through it, so none of them can hold what
    another would refuse. In order:

    * size: more than :data:`MAX_BYTES` characters is refused unread;
    * depth: brackets nested deeper than :data:`MAX_DEPTH` are refused before
      parsing, by counting them (no recursion: in Pyodide a deep recursion kills
      the kernel instead of raising);
    * syntax, and numbers: ``NaN``, ``Infinity``, ``1e400`` and a number written
      with more than :data:`MAX_NUMBER_CHARS` characters are refused while parsing;
    * text: a string (or key) longer than :data:`MAX_STRING_CHARS`, or holding a
      lone UTF-16 surrogate (valid JSON, ``"\\ud800"``, but no text: it could
      never be written to a UTF-8 export), is refused, naming where it is.

    ``what`` starts the messages ("This file", "This worksheet's record");
    ``max_bytes`` and ``advice`` (what to do instead) are a backup's own.
    """
    if len(data) > max_bytes:
        raise ImportFileError(
            f"{what} is {len(data):,} bytes; an answers file is at most {max_bytes:,}. {advice}"
        )
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{what} is not a readable answers file (not UTF-8 text: {error}). {advice}"
        ) from None
    if too_deep(text):
        raise ImportFileError(NESTED_TOO_DEEP)
    try:
        parsed = json.loads(
            text,
            parse_constant=functools.partial(_refuse_constant, what),
            parse_float=functools.partial(_float, what),
            parse_int=functools.partial(_int, what),
        )
    except ImportFileError:
        raise
    except (ValueError, RecursionError) as error:  # RecursionError: never, given too_deep
        raise ImportFileError(
            f"{what} is not a readable answers file (not valid JSON: {error}). {advice}"
        ) from None
    _check_text(parsed, what)
    return parsed


#: deeper JSON than this is no form state or answers file of ours (they nest 4 or 5 deep)
MAX_DEPTH = 32
#: longest string or key read at all (a text box keeps at most 5,000 characters)
MAX_STRING_CHARS = 200_000
#: longest number literal read: 30 characters is far beyond any amount or rating
MAX_NUMBER_CHARS = 30
#: why a file nested deeper than MAX_DEPTH is refused
NESTED_TOO_DEEP = (
    f"This file nests its data far deeper than any answers file (more than {MAX_DEPTH} "
    "levels); it is not one of ours."
)
#: a JSON string, escapes included (unrolled, so the regex engine never backtracks deeply)
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """True when ``text``'s brackets nest deeper than ``limit``, strings left out.

    A running sum over the brackets alone (C loops: ``map``, ``accumulate``,
    ``max``), never a recursion, so it is safe and quick on any text; an
    unbalanced or unfinished text is left to the JSON parser.
    """
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return bool(brackets) and max(accumulate(map(_STEP.__getitem__, brackets))) > limit


def _refuse_constant(what: str, name: str) -> float:
    raise ImportFileError(
        f"{what} holds {name}, which is no number a worksheet can use; "
        "an answers file holds only ordinary numbers."
    )


def _float(what: str, literal: str) -> float:
    value = float(literal)
    if len(literal) > MAX_NUMBER_CHARS or not math.isfinite(value):
        shown = literal if len(literal) <= 40 else literal[:37] + "..."
        raise ImportFileError(
            f"{what} holds the number {shown}, which is too large or too long for any "
            "answer; an answers file holds only ordinary numbers."
        )
    return value


def _int(what: str, literal: str) -> int:
    if len(literal) > MAX_NUMBER_CHARS:
        raise ImportFileError(
            f"{what} holds a whole number {len(literal):,} digits long, far too large for "
            "any answer; an answers file holds only ordinary numbers."
        )
    return int(literal)


def _place(path: list[object]) -> str:
    # a list's items are counted from 1, as the page counts goals and entries
    parts = (f"item {part + 1}" if isinstance(part, int) else str(part)[:40] for part in path)
    shown = " → ".join(parts) or "its top level"
    return shown.encode("utf-8", "replace").decode("utf-8")


def _check_text(parsed: object, what: str) -> None:
    """Refuse a string or key that is far too long or holds a lone surrogate (no recursion).

    A quick walk first; only when it finds a bad string is the walk repeated
    to say where it is.
    """
    stack: list[object] = [parsed]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
            if not all(_good_string(key) for key in value):
                break
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str) and not _good_string(value):
            break
    else:
        return
    located: list[tuple[object, list[object]]] = [(parsed, [])]
    while located:
        value, path = located.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                _check_string(key, [*path, "(a key)"], what)
                located.append((item, [*path, key]))
        elif isinstance(value, list):
            located.extend((item, [*path, index]) for index, item in enumerate(value))
        elif isinstance(value, str):
            _check_string(value, path, what)


def _good_string(text: str) -> bool:
    if len(text) > MAX_STRING_CHARS:
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_string(text: str, path: list[object], what: str) -> None:
    if len(text) > MAX_STRING_CHARS:
        raise ImportFileError(
            f"{what} holds a text of {len(text):,} characters at {_place(path)}; "
            f"no answer is longer than {MAX_STRING_CHARS:,}."
        )
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ImportFileError(
            f"{what} holds a broken character (a lone UTF-16 surrogate, which is no "
            f"letter of any text) at {_place(path)}. It could not be saved or exported, "
            "so nothing was read from it."
        ) from None


#: how a "saved_at" starts: a date, then a time or nothing (the parser checks the rest)
_STAMP_START = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}|$)")


def parse_saved_at(value: object) -> datetime | None:
    """An export's ``saved_at`` as an aware datetime (UTC when no offset is given).

    None when there is none (``null`` or missing: files of format 1 may lack
    it). Anything else must be an ISO 8601 date and time, as the page writes
    it (``2026-12-02T09:54:02.748Z``), or an :class:`ImportFileError` says so:
    the cohort view decides between copies of one sheet by this time, so a
    file must not win with a time that is no time ("zzzz" once did).
    """
    if value is None:
        return None
    if isinstance(value, str) and len(value) <= 40 and _STAMP_START.match(value):
        try:
            stamp = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    raise ImportFileError(
        f'The file\'s "saved_at" is not a date and time (ISO 8601, for example '
        f"2026-12-02T09:54:02Z); got {shown}."
    )


def read_envelope(
    envelope: object,
    instrument: str,
    version: int,
    check_answers: Callable[[Any], dict[str, Any]],
) -> dict[str, Any]:
    """The answers inside a parsed envelope (from a file or from browser storage)."""
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
        raise ImportFileError(
            "This JSON file was not exported by a Coaching Toolkit worksheet "
            f'(it has no "format": "{FORMAT}").'
        )
    if envelope.get("instrument") != instrument:
        raise ImportFileError(
            f"This file holds answers for {envelope.get('instrument')!r}, not for this "
            f"worksheet ({instrument!r}). Open the matching worksheet to import it."
        )
    for key, newest in (("format_version", FORMAT_VERSION), ("instrument_version", version)):
        found = envelope.get(key)
        if not isinstance(found, int) or isinstance(found, bool) or found < 1:
            raise ImportFileError(f'The file\'s "{key}" is missing or not a whole number.')
        if found > newest:
            raise ImportFileError(
                f"This file was made by a newer version of the site ({key} {found}; "
                f"this site reads up to {newest}). Use the newer site to open it."
            )
    if "sheet_id" in envelope and sheet_id_of(envelope) is None:
        raise ImportFileError('The file\'s "sheet_id" is not 4 to 64 letters, digits or dashes.')
    parse_saved_at(envelope.get("saved_at"))
    try:
        return check_answers(envelope.get("answers"))
    except RefusedAnswerError as error:
        raise ImportFileError(
            f"The file holds an answer this worksheet would not accept: {error}"
        ) from None
    except ToolkitInputError as error:
        raise ImportFileError(f"The answers in this file are damaged: {error}") from None


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV table (UTF-8, comma-separated, quoted as needed) for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        # a cell a spreadsheet could run as a formula is written as text (see _safe_cell)
        writer.writerow([_safe_cell(value) for value in row])
    return out.getvalue()


#: first characters that make a spreadsheet read a cell as a formula (OWASP's list)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe_cell(value: object) -> object:
    """A learner's text that a spreadsheet would run as a formula, quoted as text.

    >>> _safe_cell("=1+1"), _safe_cell("plain"), _safe_cell(-3)
    ("'=1+1", 'plain', -3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
