"""Answers kept by the site before December 2026 still load, for every worksheet.

``tests/fixtures/stored/`` holds the records that site really wrote into a
browser's IndexedDB (captured from Chromium, never edited). The page hands
such a record to Python once, as it would an export file; here the same
call must give a form state that shows every answer, with no message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit_widgets import catalogue, web
from toolkit_widgets.render.form_state import read_state

STORED = sorted((Path(__file__).parents[1] / "fixtures" / "stored").glob("*.json"))


def test_every_worksheet_that_kept_answers_has_a_stored_record():
    worksheets = {json.loads(path.read_text("utf-8"))["worksheet"] for path in STORED}
    assert worksheets == set(catalogue.NAMES)


@pytest.mark.parametrize("path", STORED, ids=lambda path: path.stem)
def test_an_old_record_becomes_the_same_answers_in_the_form(path):
    fixture = json.loads(path.read_text("utf-8"))
    sheet = catalogue.get(fixture["worksheet"])
    assert fixture["key"] == sheet.instrument  # where the page looks for it
    reply = json.loads(web.read_answers(sheet.name, fixture["value"]))
    assert "error" not in reply, reply
    state = reply["state"]
    old = json.loads(fixture["value"])
    assert state["sheet_id"] == old["sheet_id"]
    # the form state reads back to exactly the answers the old site kept
    read = read_state(sheet.form, sheet.blank(), state)
    assert read.messages == {}
    assert sheet.check(read.answers) == sheet.check(old["answers"])
    computed = json.loads(web.compute(sheet.name, json.dumps(state)))
    assert computed["messages"] == {}
    assert computed["export"] is not None or computed["problem"], computed


EXPORTS = sorted((Path(__file__).parents[1] / "fixtures" / "exports").glob("*.json"))
#: instrument id in an export file -> the worksheet that imports it
BY_INSTRUMENT = {catalogue.get(name).instrument: name for name in catalogue.NAMES}


@pytest.mark.parametrize("path", EXPORTS, ids=lambda path: path.stem)
def test_every_kept_export_file_imports_or_is_refused_with_a_reason(path):
    """Export files of formats 1 and 2 import into their worksheet; the bad ones are refused."""
    text = path.read_text("utf-8")
    if path.stem.startswith("bad-"):
        for name in ("gars", "crs"):
            assert json.loads(web.read_answers(name, text))["error"]
        return
    envelope = json.loads(text)
    reply = json.loads(web.read_answers(BY_INSTRUMENT[envelope["instrument"]], text))
    assert "error" not in reply, reply
    assert envelope["format_version"] in (1, 2)
