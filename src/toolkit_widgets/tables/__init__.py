"""The book's tables, each kept once as a JSON data file.

The site renders a table into its chapter page with the ``{toolkit-table}``
directive, and worksheets read the same file, so a table is never copied by
hand into HTML. Every file has this shape::

    {
      "id": "table-2-1",              # file name without .json
      "book_ref": "Table 2.1",        # the book's number, or "" if unnumbered
      "title": "...",                 # our caption
      "source": "Joyce & Showers (2002)",
      "columns": [{"key": "stage", "label": "Stage"}, ...],
      "rows": [{"stage": "...", ...}, ...],   # a cell is text or a list of text
      "note": "..."                   # optional: corrections or our additions
    }

A table whose content is already in an instrument file (Table 8.1 is the
readiness-factors checklist, Table 4.6 the scaling worksheet's steps) names
it with ``"from_instrument"`` (and ``"list"``, ``"where"``) instead of
``"rows"``, so each table is still kept once.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from toolkit_widgets.errors import InstrumentDataError

REQUIRED = ("id", "book_ref", "title", "source", "columns", "rows")


def table_ids() -> list[str]:
    """Every table shipped with the package, sorted by id."""
    files = resources.files(__name__).iterdir()
    return sorted(f.name.removesuffix(".json") for f in files if f.name.endswith(".json"))


def path_of(table_id: str) -> str:
    """The file a table is read from (Sphinx rebuilds a page when it changes)."""
    return str(resources.files(__name__).joinpath(f"{table_id}.json"))


@cache
def load(table_id: str) -> dict[str, Any]:
    """Return one table's data, checked; raises InstrumentDataError if malformed."""
    path = resources.files(__name__).joinpath(f"{table_id}.json")
    if not path.is_file():
        raise InstrumentDataError(f"{table_id}.json", "id", f"no table {table_id!r}")
    data = json.loads(path.read_text("utf-8"))
    if "from_instrument" in data:
        data = {**data, "rows": _rows_from_instrument(data)}
    check_table(data, f"{table_id}.json", table_id)
    return data


def _rows_from_instrument(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows read from an instrument file, so a table and a worksheet share one source.

    ``"list"`` names the instrument's list to read (default ``"groups"``) and
    ``"where"`` keeps only entries with those values. Groups of a reference
    list become two columns: the group and its entries (with their notes).
    """
    from toolkit_widgets.instruments import load as load_instrument

    source = f"{data.get('id')}.json"
    columns = data.get("columns") or []
    instrument = load_instrument(data["from_instrument"])
    name = data.get("list", "groups")
    entries = [
        entry
        for entry in instrument.get(name, [])
        if all(entry.get(k) == v for k, v in data.get("where", {}).items())
    ]
    if not entries:
        raise InstrumentDataError(source, "list", f"{data['from_instrument']} has no {name!r}")
    if name == "groups":
        if len(columns) != 2:
            raise InstrumentDataError(source, "columns", "need two: group, entries")
        group_key, entries_key = (c["key"] for c in columns)
        return [
            {
                group_key: group["title"],
                entries_key: [
                    f"{e['label']} ({e['note']})" if e.get("note") else e["label"]
                    for e in group["entries"]
                ],
            }
            for group in entries
        ]
    keys = [c["key"] for c in columns]
    return [{key: entry.get(key, "") for key in keys} for entry in entries]


def check_table(data: Any, source: str, expected_id: str) -> None:
    """Raise InstrumentDataError naming the key when a table file is malformed."""
    if not isinstance(data, dict):
        raise InstrumentDataError(source, "", "a table file holds one JSON object")
    for key in REQUIRED:
        if key not in data:
            raise InstrumentDataError(source, key, "missing")
    if data["id"] != expected_id:
        found = data["id"]
        raise InstrumentDataError(source, "id", f"is {found!r}, the file name says {expected_id!r}")
    columns = data["columns"]
    if not columns or not all(isinstance(c, dict) and {"key", "label"} <= set(c) for c in columns):
        raise InstrumentDataError(source, "columns", "need a list of {key, label} objects")
    keys = [c["key"] for c in columns]
    if len(set(keys)) != len(keys):
        raise InstrumentDataError(source, "columns", "column keys repeat")
    if not data["rows"]:
        raise InstrumentDataError(source, "rows", "a table needs at least one row")
    for n, row in enumerate(data["rows"], 1):
        if not isinstance(row, dict) or set(row) != set(keys):
            raise InstrumentDataError(source, f"rows[{n}]", f"needs exactly the keys {keys}")
        for key, cell in row.items():
            if not _is_cell(cell):
                raise InstrumentDataError(source, f"rows[{n}].{key}", "text or a list of text")


def _is_cell(cell: Any) -> bool:
    return isinstance(cell, str) or (
        isinstance(cell, list) and all(isinstance(item, str) for item in cell)
    )
