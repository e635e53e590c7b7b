"""The culture-of-coaching stage as a page worksheet: ticks -> best fit, exports, old files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from toolkit_widgets import culture_stage, web
from toolkit_widgets.render.form_html import sheet_html
from toolkit_widgets.sheets.culture_stage import CultureStageSheet

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exports"


def compute(*ticked: str) -> dict:
    values = {f"ticked.{i}": True for i in ticked}
    return json.loads(web.compute("culture_stage", json.dumps({"values": values, "rows": {}})))


def test_nothing_ticked_asks_for_ticks():
    reply = compute()
    assert "Tick the statements" in reply["results"]
    assert reply["export"] is not None  # a blank copy can still be taken


def test_hand_worked_best_fit():
    # strategic 2 of 4 (50 %), tactical 1 of 4 (25 %): strategic fits best, embedded is next
    reply = compute("strategic-2", "tactical-1", "strategic-1")
    results = reply["results"]
    assert "Best fit: <strong>Strategic</strong>" in results
    assert re.search(r"Tactical</th><td>25%", results)
    assert re.search(r"Strategic</th><td>50%", results)
    assert "toward the <strong>Embedded</strong> stage" in results
    assert "Added by this site: the statements and the best-fit rule" in results
    answers = json.loads(reply["export"]["json"])["answers"]
    assert answers == {"ticked": ["tactical-1", "strategic-1", "strategic-2"]}  # data order
    csv_lines = reply["export"]["csv"].splitlines()
    assert csv_lines[0] == "statement,ticked"
    assert len(csv_lines) == 1 + len(culture_stage.indicator_ids())
    # the summary lists what was ticked, then the results
    texts = culture_stage.indicator_ids()
    summary = reply["summary"]
    assert summary.index(texts["tactical-1"]) < summary.index("Best fit")


def test_a_tie_goes_to_the_earlier_stage():
    results = compute("nascent-1", "embedded-1")["results"]
    assert "Best fit: <strong>Nascent</strong>" in results


def test_every_statement_is_a_tick_box_named_by_its_own_text():
    form = CultureStageSheet().form
    fields = form.fields()
    assert [f.flag_value for f in fields] == list(culture_stage.indicator_ids())
    assert [f.label for f in fields] == list(culture_stage.indicator_ids().values())
    html = sheet_html(form)
    for stage in culture_stage.stages():
        assert f"<legend>{stage.title}</legend>" in html


def test_a_file_saved_by_the_earlier_site_reads_and_gives_the_same_results():
    text = (FIXTURES / "culture-stage-a.json").read_text("utf-8")
    state = json.loads(web.read_answers("culture_stage", text))["state"]
    assert state["sheet_id"] == json.loads(text)["sheet_id"]
    ticked = [name for name, value in state["values"].items() if value is True]
    assert ticked == ["ticked.tactical-1", "ticked.strategic-1", "ticked.strategic-2"]
    reply = json.loads(web.compute("culture_stage", json.dumps(state)))
    assert reply["results"] == compute("tactical-1", "strategic-1", "strategic-2")["results"]
    assert json.loads(reply["export"]["json"])["answers"] == json.loads(text)["answers"]


@pytest.mark.parametrize(
    "answers",
    [{"ticked": ["nascent-99"]}, {"ticked": [{}]}, {"ticked": "nascent-1"}, ["nascent-1"]],
)
def test_damaged_files_are_refused_with_a_reason(answers):
    envelope = json.loads((FIXTURES / "culture-stage-a.json").read_text("utf-8"))
    envelope["answers"] = answers
    reply = json.loads(web.read_answers("culture_stage", json.dumps(envelope)))
    assert "damaged" in reply["error"]


def test_a_tick_that_cannot_be_read_gets_a_message_not_a_crash():
    state = {"values": {"ticked.nascent-1": "<b>yes</b>"}, "rows": {}}
    reply = json.loads(web.compute("culture_stage", json.dumps(state)))
    assert "tick it again" in reply["messages"]["ticked.nascent-1"]
    assert "<b>" not in reply["results"] + reply["summary"]
