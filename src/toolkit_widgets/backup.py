"""One backup file for every worksheet this browser keeps, and its checks on restore.

The "My work" page writes the file (``_static/my-work.js``): the record each
worksheet page keeps in ``localStorage``, exactly as typed, valid or not, and
the answers an earlier version of the site kept that were never brought in.
Restoring reads the file here, as untrusted as any import: a damaged file, a
file of another kind or one made by a newer site is refused whole, with a
message that says what is wrong, and the page then changes nothing.

Format (``format_version`` 1)::

    {"format": "coaching-toolkit-backup", "format_version": 1,
     "saved_at": "2026-12-02T10:00:00.000Z",
     "sheets": [<form-state record>, ...],
     "earlier": [{"worksheet": name, "text": <the earlier site's record>}, ...]}

A form-state record is ``{"format": "coaching-toolkit-form-state", "version":
1, "worksheet", "sheet_id", "saved_at", "values", "rows"}`` (``sheet.js``'s
``makeRecord``). Why the checks are here and not in the page: one reader,
shared with imports (size, depth, JSON syntax, the export envelope of earlier
records) and unit-tested; the page only compares saved times.
"""

from __future__ import annotations

import re
from typing import Any

from toolkit_widgets import catalogue
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.exports import FORMAT as ANSWERS_FORMAT
from toolkit_widgets.exports import ImportFileError, parse_json, read_envelope, sheet_id_of
from toolkit_widgets.render.form_state import MAX_STATE_VALUES, read_state, to_state

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_BACKUP_CHARS",
    "RECORD_FORMAT",
    "RECORD_VERSION",
    "BackupFileError",
    "read_backup",
]

#: the name every backup file carries in its "format" field
FORMAT = "coaching-toolkit-backup"
#: the backup version this site writes, and the newest it reads
FORMAT_VERSION = 1
#: the record each worksheet page keeps (sheet.js FORMAT and version)
RECORD_FORMAT = "coaching-toolkit-form-state"
RECORD_VERSION = 1
#: a whole backup bigger than this is refused before it is read (29 sheets of a few
#: kilobytes each; a full journal of 50 long entries is under 300 kB)
MAX_BACKUP_CHARS = 10_000_000
#: one typed value longer than this is no answer a worksheet's form accepts
MAX_VALUE_CHARS = 100_000
MAX_ROWS = 1_000
_SHEET_ID = re.compile(r"[A-Za-z0-9-]{4,64}")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T[0-9:.]{5,15}(Z|[+-]\d{2}:?\d{2})?")
_CONTROL = re.compile(r"[A-Za-z0-9_.-]{1,300}")


class BackupFileError(ImportFileError):
    """A backup that cannot be restored; nothing in the browser is changed."""


def _refuse(text: str) -> BackupFileError:
    return BackupFileError(f"{text} Nothing was restored; your answers are as they were.")


def read_backup(data: str) -> list[dict[str, Any]]:
    """Every worksheet's record in a backup file, checked, in the catalogue's order.

    Each item is ``{"worksheet", "title", "saved_at", "earlier", "record"}``;
    ``record`` is what the worksheet's page keeps (for answers the earlier site
    kept, the record that page would make when bringing them in). Raises
    :class:`BackupFileError` for anything wrong with the file.
    """
    if len(data) > MAX_BACKUP_CHARS:
        raise _refuse(
            f"This file is {len(data):,} characters; a backup is at most {MAX_BACKUP_CHARS:,}."
        )
    try:
        # the one reader of untrusted JSON (depth, numbers, text), at a backup's size
        parsed = parse_json(data, "This backup", MAX_BACKUP_CHARS, advice="")
    except ImportFileError as error:
        raise _refuse(error.message.rstrip()) from None
    return check_backup(parsed)


def check_backup(parsed: object) -> list[dict[str, Any]]:
    """:func:`read_backup` for a file already parsed."""
    if isinstance(parsed, dict) and parsed.get("format") == ANSWERS_FORMAT:
        raise _refuse(
            "This is one worksheet's answers file, not a backup of everything: "
            "import it on that worksheet's own page (its Import answers button)."
        )
    if not isinstance(parsed, dict) or parsed.get("format") != FORMAT:
        raise _refuse(
            f'This file is not a Coaching Toolkit backup (it has no "format": "{FORMAT}").'
        )
    version = parsed.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refuse('The file\'s "format_version" is missing or not a whole number.')
    if version > FORMAT_VERSION:
        raise _refuse(
            f"This backup was made by a newer version of the site (format_version {version}; "
            f"this site reads up to {FORMAT_VERSION}). Restore it on the newer site."
        )
    sheets, earlier = parsed.get("sheets", []), parsed.get("earlier", [])
    if not isinstance(sheets, list) or not isinstance(earlier, list):
        raise _refuse('The file\'s "sheets" and "earlier" must be lists.')
    found: dict[str, dict[str, Any]] = {}
    for number, record in enumerate(sheets, start=1):
        item = _current(record, number)
        _add(found, item)
    for number, entry in enumerate(earlier, start=1):
        _add(found, _earlier(entry, number))
    if not found:
        raise _refuse("This backup holds no answers.")
    return [found[name] for name in catalogue.NAMES if name in found]


def _add(found: dict[str, dict[str, Any]], item: dict[str, Any]) -> None:
    if item["worksheet"] in found:
        raise _refuse(f"The file holds the {item['title']} twice; it is damaged.")
    found[item["worksheet"]] = item


def _sheet(name: object, where: str) -> Any:
    if not isinstance(name, str) or name not in catalogue.NAMES:
        shown = repr(name)[:80]
        raise _refuse(f"{where} is for a worksheet this site does not have ({shown}).")
    return catalogue.get(name)


def _current(record: object, number: int) -> dict[str, Any]:
    """One kept record, as typed: checked for shape, never for the answers' rules."""
    where = f"Entry {number} of the file"
    if not isinstance(record, dict) or record.get("format") != RECORD_FORMAT:
        raise _refuse(f"{where} is not a worksheet's kept answers.")
    version = record.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refuse(f'{where} has no whole-number "version".')
    if version > RECORD_VERSION:
        raise _refuse(f"{where} was kept by a newer version of the site; restore it there.")
    sheet = _sheet(record.get("worksheet"), where)
    where = f"The {sheet.form.title} in the file"
    saved_at = record.get("saved_at")
    if not (isinstance(saved_at, str) and _STAMP.fullmatch(saved_at)):
        raise _refuse(f"{where} has no readable time it was saved.")
    sheet_id = record.get("sheet_id")
    if sheet_id is not None and not (isinstance(sheet_id, str) and _SHEET_ID.fullmatch(sheet_id)):
        raise _refuse(f'{where} has a damaged "sheet_id".')
    values, rows = record.get("values"), record.get("rows", {})
    if not isinstance(values, dict) or not isinstance(rows, dict):
        raise _refuse(f'{where} needs "values" and "rows" objects.')
    if len(values) > MAX_STATE_VALUES or len(rows) > MAX_STATE_VALUES:
        raise _refuse(f"{where} holds far more answers than the worksheet has.")
    for name, value in values.items():
        if not _CONTROL.fullmatch(name):
            raise _refuse(f"{where} names a control no worksheet has.")
        if not isinstance(value, (str, bool)) or (
            isinstance(value, str) and len(value) > MAX_VALUE_CHARS
        ):
            raise _refuse(f"{where} holds a damaged answer ({name[:60]}).")
    for name, count in rows.items():
        if not _CONTROL.fullmatch(name) or not (
            isinstance(count, int) and not isinstance(count, bool) and 0 <= count <= MAX_ROWS
        ):
            raise _refuse(f"{where} holds a damaged number of entries ({name[:60]}).")
    try:
        read_state(sheet.form, sheet.blank(), {"values": values, "rows": rows})
    except ToolkitInputError as error:
        raise _refuse(f"{where} cannot be read: {error.message}") from None
    kept = {
        "format": RECORD_FORMAT,
        "version": RECORD_VERSION,
        "worksheet": sheet.name,
        "sheet_id": sheet_id,
        "saved_at": saved_at,
        "tab": "backup",
        "values": values,
        "rows": rows,
    }
    return {
        "worksheet": sheet.name,
        "title": sheet.form.title,
        "saved_at": saved_at,
        "earlier": False,
        "record": kept,
    }


def _earlier(entry: object, number: int) -> dict[str, Any]:
    """Answers the earlier site kept, read as an import reads an export file."""
    where = f"Earlier answers {number} in the file"
    if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
        raise _refuse(f"{where} are not an earlier record.")
    sheet = _sheet(entry.get("worksheet"), where)
    where = f"The earlier answers to the {sheet.form.title} in the file"
    try:
        parsed = parse_json(entry["text"])
        answers = read_envelope(parsed, sheet.instrument, sheet.version, sheet.check)
    except ToolkitInputError as error:
        raise _refuse(f"{where} cannot be read: {error.message}") from None
    state = to_state(sheet.form, answers)
    saved_at = parsed.get("saved_at") if isinstance(parsed, dict) else None
    if not (isinstance(saved_at, str) and _STAMP.fullmatch(saved_at)):
        saved_at = "1970-01-01T00:00:00.000Z"  # older than anything kept since
    kept = {
        "format": RECORD_FORMAT,
        "version": RECORD_VERSION,
        "worksheet": sheet.name,
        "sheet_id": sheet_id_of(parsed),
        "saved_at": saved_at,
        "tab": "backup",
        "values": state["values"],
        "rows": state["rows"],
    }
    return {
        "worksheet": sheet.name,
        "title": sheet.form.title,
        "saved_at": saved_at,
        "earlier": True,
        "record": kept,
    }
