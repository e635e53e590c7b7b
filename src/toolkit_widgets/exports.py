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
import io
import json
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from toolkit_widgets.errors import ToolkitInputError

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_BYTES",
    "ImportFileError",
    "new_sheet_id",
    "parse_json",
    "read_envelope",
    "read_json",
    "sheet_id_of",
    "to_csv",
    "to_json",
]

#: the name every export file carries in its "format" field
FORMAT = "coaching-toolkit-answers"
#: the envelope version this package writes (and the newest it reads)
FORMAT_VERSION = 2
#: larger files are refused before parsing: answers are a few kilobytes
MAX_BYTES = 1_000_000
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


def parse_json(data: bytes | str) -> object:
    """A file's JSON content, after the size and syntax checks every import gets."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            f"This file is {len(data):,} bytes; an answers file is at most {MAX_BYTES:,}. "
            "Choose the .json file this worksheet exported."
        )
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        parsed = json.loads(text)
    except (UnicodeDecodeError, ValueError) as error:
        raise ImportFileError(
            f"This is not a readable answers file (not valid JSON: {error}). "
            "Choose the .json file this worksheet exported."
        ) from None
    return parsed


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
    try:
        return check_answers(envelope.get("answers"))
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
