"""The backup of every worksheet (My work page): what is restored, and every file refused.

``web.read_backup`` is what the page calls; a refused file must say what is
wrong and that nothing changed, and no file may make it raise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit_widgets import backup, catalogue, web

STORED = Path(__file__).parents[1] / "fixtures" / "stored"


def record(name: str = "crs", **changes: object) -> dict:
    kept = {
        "format": "coaching-toolkit-form-state",
        "version": 1,
        "worksheet": name,
        "sheet_id": "a1b2c3d4e5f60718",
        "saved_at": "2026-12-01T10:00:00.000Z",
        "tab": "x1",
        "values": {"ratings.ind-01": "true", "ratings.ind-02": "not a choice"},
        "rows": {},
    }
    kept.update(changes)
    return kept


def backup_text(kept: list, earlier: list | None = None, **changes: object) -> str:
    file = {
        "format": "coaching-toolkit-backup",
        "format_version": 1,
        "saved_at": "2026-12-02T09:00:00.000Z",
        "sheets": kept,
        "earlier": earlier or [],
    }
    file.update(changes)
    return json.dumps(file)


def read(text: str) -> dict:
    return json.loads(web.read_backup(text))


def test_records_come_back_as_typed_in_the_catalogue_order():
    journal = record(
        "journal", values={"entries.0.date": "2026-11-30", "entries.1.note": "x"}, rows={}
    )
    reply = read(backup_text([record("crs"), journal]))
    names = [item["worksheet"] for item in reply["sheets"]]
    assert names == [n for n in catalogue.NAMES if n in ("crs", "journal")]
    crs = reply["sheets"][names.index("crs")]
    assert crs["title"] == "Coaching Readiness Scale"
    assert crs["saved_at"] == "2026-12-01T10:00:00.000Z"
    assert crs["earlier"] is False
    # kept exactly as typed, an answer Python would flag included
    assert crs["record"]["values"] == record()["values"]
    assert crs["record"]["sheet_id"] == "a1b2c3d4e5f60718"
    assert crs["record"]["format"] == "coaching-toolkit-form-state"


@pytest.mark.parametrize("name", ["gars", "crs", "journal", "roi"])
def test_answers_kept_by_the_earlier_site_are_brought_in_as_a_worksheet_page_would(name):
    fixture = json.loads((STORED / f"{name}.json").read_text("utf-8"))
    reply = read(backup_text([], [{"worksheet": name, "text": fixture["value"]}]))
    (item,) = reply["sheets"]
    expected = json.loads(web.read_answers(name, fixture["value"]))["state"]
    assert item["earlier"] is True
    assert item["record"]["values"] == expected["values"]
    assert item["record"]["rows"] == expected["rows"]
    assert item["record"]["sheet_id"] == json.loads(fixture["value"])["sheet_id"]
    assert item["saved_at"] == json.loads(fixture["value"])["saved_at"]


REFUSED = {
    "not JSON": ("{not json", "not valid JSON"),
    "a list": ("[1, 2]", "not a Coaching Toolkit backup"),
    "another format": (json.dumps({"format": "x"}), "not a Coaching Toolkit backup"),
    "an answers file": (
        json.dumps({"format": "coaching-toolkit-answers", "instrument": "crs"}),
        "one worksheet's answers file",
    ),
    "a newer backup": (backup_text([record()], format_version=2), "newer version of the site"),
    "no version": (backup_text([record()], format_version="1"), "not a whole number"),
    "a boolean version": (backup_text([record()], format_version=True), "not a whole number"),
    "empty": (backup_text([]), "holds no answers"),
    "sheets not a list": (backup_text([], sheets={"crs": record()}), "must be lists"),
    "unknown worksheet": (backup_text([record("nope")]), "this site does not have"),
    "twice": (backup_text([record(), record()]), "twice"),
    "a newer record": (backup_text([record(version=2)]), "newer version of the site"),
    "not a record": (backup_text([{"worksheet": "crs"}]), "not a worksheet's kept answers"),
    "no saved time": (backup_text([record(saved_at="yesterday")]), "no readable time"),
    "bad sheet id": (backup_text([record(sheet_id="<script>")]), 'damaged "sheet_id"'),
    "values a list": (backup_text([record(values=["a"])]), '"values" and "rows"'),
    "a number value": (backup_text([record(values={"ratings.ind-01": 3})]), "damaged answer"),
    "a strange name": (backup_text([record(values={"<b>": "x"})]), "names a control"),
    "negative rows": (backup_text([record(rows={"entries": -1})]), "number of entries"),
    "bad earlier": (
        backup_text([], [{"worksheet": "crs", "text": "{}"}]),
        "earlier answers to the Coaching Readiness Scale",
    ),
    "earlier not text": (backup_text([], [{"worksheet": "crs", "text": 3}]), "not an earlier"),
    "deep": ("[" * 5000 + "]" * 5000, "nests its data far deeper"),
    "too big": (" " * (backup.MAX_BACKUP_CHARS + 1), "a backup is at most"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_damaged_or_foreign_file_is_refused_with_its_reason(case):
    text, reason = REFUSED[case]
    reply = read(text)
    assert set(reply) == {"error"}
    assert reason in reply["error"]
    assert "Nothing was restored" in reply["error"]


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(["format", "format_version", "sheets", "earlier", "values", "x"]),
                inner,
                max_size=5,
            )
        ),
        max_leaves=20,
    )
)
def test_no_file_makes_it_raise(content):
    reply = read(json.dumps(content))
    assert set(reply) in ({"error"}, {"sheets"})
