"""The book's tables as data: every file loads, and malformed ones are refused by key."""

import copy

import pytest

from toolkit_widgets import tables
from toolkit_widgets.errors import InstrumentDataError


@pytest.mark.parametrize("table_id", tables.table_ids())
def test_every_shipped_table_meets_the_schema(table_id):
    data = tables.load(table_id)
    assert data["id"] == table_id
    assert data["rows"]


def test_table_2_1_keeps_the_books_numbers():
    rows = {row["element"].split(":")[0]: row for row in tables.load("table-2-1")["rows"]}
    assert [rows[e]["transfer"] for e in ("Theory", "Demonstration", "Practice", "Coaching")] == [
        "0%",
        "0%",
        "5%",
        "95%",
    ]


GOOD = {
    "id": "t",
    "book_ref": "Table 9.9",
    "title": "A table",
    "source": "Someone (2000)",
    "columns": [{"key": "a", "label": "A"}, {"key": "b", "label": "B"}],
    "rows": [{"a": "x", "b": ["y", "z"]}],
}


def test_a_well_formed_table_passes():
    tables.check_table(GOOD, "t.json", "t")


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda d: d.pop("source"), "source"),
        (lambda d: d.update(id="other"), "id"),
        (lambda d: d.update(columns=[{"key": "a"}]), "columns"),
        (lambda d: d["columns"].append({"key": "a", "label": "Again"}), "columns"),
        (lambda d: d.update(rows=[]), "rows"),
        (lambda d: d["rows"][0].pop("b"), "rows[1]"),
        (lambda d: d["rows"][0].update(b=3), "rows[1].b"),
    ],
)
def test_a_malformed_table_is_refused_naming_the_key(change, key):
    data = copy.deepcopy(GOOD)
    change(data)
    with pytest.raises(InstrumentDataError) as caught:
        tables.check_table(data, "t.json", "t")
    assert caught.value.key == key


def test_an_unknown_table_is_refused():
    with pytest.raises(InstrumentDataError, match="no table"):
        tables.load("table-99-1")
