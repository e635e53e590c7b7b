"""Export and import of a learner's answers: versioned JSON and plain CSV.

Every export file is an envelope that names the format, the instrument and
its version, so that a newer site can read older files and a file from one
worksheet is never loaded into another. Imported files are untrusted: size,
JSON syntax, envelope and answers are all checked, and every problem is
reported as an :class:`ImportFileError` saying precisely what is wrong.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from toolkit_widgets.errors import ToolkitInputError

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_BYTES",
    "ImportFileError",
    "read_json",
    "to_csv",
    "to_json",
]

#: the name every export file carries in its "format" field
FORMAT = "coaching-toolkit-answers"
#: the envelope version this package writes (and the newest it reads)
FORMAT_VERSION = 1
#: larger files are refused before parsing: answers are a few kilobytes
MAX_BYTES = 1_000_000


class ImportFileError(ToolkitInputError):
    """A file that cannot be imported; the current answers are left as they are."""


def envelope(instrument: str, version: int, answers: dict[str, Any], saved_at: str) -> dict:
    """The answers wrapped with what they are: format, instrument, versions, time."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "instrument": instrument,
        "instrument_version": version,
        "saved_at": saved_at,
        "answers": answers,
    }


def to_json(instrument: str, version: int, answers: dict[str, Any], saved_at: str) -> str:
    """The export file for ``answers``: a JSON envelope that re-imports exactly."""
    return json.dumps(
        envelope(instrument, version, answers, saved_at), indent=2, ensure_ascii=False
    )


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
    return read_envelope(parsed, instrument, version, check_answers)


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
        # a leading = + - @ would run as a formula in a spreadsheet: quote it as text
        writer.writerow([_safe_cell(value) for value in row])
    return out.getvalue()


def _safe_cell(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
