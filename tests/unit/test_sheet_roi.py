"""The ROI calculator as a page worksheet: typed text -> answers -> results, exports, old files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit_widgets import roi, roi_sheet, web
from toolkit_widgets.render.form_html import sheet_html
from toolkit_widgets.sheets.roi import RoiSheet

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exports"


def compute(**values: object) -> dict:
    return json.loads(web.compute("roi", json.dumps({"values": values, "rows": {}})))


def test_hand_worked_figures():
    # (30000 - 12000) / 12000 = 150 %; 30000 / 12000 = 2.5
    reply = compute(benefits="30000", costs="12000")
    assert reply["messages"] == {}
    assert "18,000.00" in reply["results"]
    assert "150.0%" in reply["results"]
    assert "2.50" in reply["results"]
    assert "The calculator is added by this site" in reply["results"]
    assert json.loads(reply["export"]["json"])["answers"] == {"benefits": 30000.0, "costs": 12000.0}
    assert reply["export"]["csv"] == "benefits,costs\r\n30000.0,12000.0\r\n"


@pytest.mark.parametrize("typed", ["1e400", "Infinity", "-Infinity", "NaN", "nan", "inf"])
def test_no_infinity_or_nan_gets_through(typed):
    reply = compute(benefits=typed, costs="100")
    assert "not a usable number" in reply["messages"]["benefits"]
    assert "Enter the benefits" in reply["results"]
    assert reply["export"] is None  # nothing exported while a message stands


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("-5", "Use a number from 0 to 1,000,000,000,000."),
        ("1000000000001", "Use a number from 0 to 1,000,000,000,000."),
        ("12,000", "“12,000” is not a number."),
        ("<b>9</b>", "is not a number."),
    ],
)
def test_out_of_range_or_unreadable_amounts_get_a_message_beside_the_field(typed, says):
    reply = compute(benefits="100", costs=typed)
    assert says in reply["messages"]["costs"]
    assert "Enter the costs" in reply["results"]
    assert "<b>" not in reply["results"] + reply["summary"]


def test_the_limits_are_the_calculators_own():
    fields = {f.name: f for f in RoiSheet().form.fields()}
    assert set(fields) == set(roi_sheet.AMOUNTS)
    for key, field in fields.items():
        assert (field.minimum, field.maximum) == (roi.MINIMUM, roi.MAXIMUM)
        assert field.label == roi_sheet.AMOUNTS[key]  # the earlier view's labels
    with pytest.raises(ValueError, match="at most 1,000,000,000,000"):
        roi.compute(roi.MAXIMUM * 2, 1)


def test_a_missing_figure_is_asked_for_never_taken_as_zero():
    assert "Enter the benefits and the costs" in compute()["results"]
    assert "Enter the costs to see" in compute(benefits="500")["results"]
    assert "Enter the benefits to see" in compute(costs="500")["results"]
    # a cost of 0 typed on purpose is explained, not computed
    assert "greater than 0" in compute(benefits="500", costs="0")["results"]
    # 0 benefits typed on purpose is a real figure: all of the cost is lost
    assert "-100.0%" in compute(benefits="0", costs="500")["results"]


@pytest.mark.parametrize(
    ("fixture", "figures"),
    [("roi-a.json", ["150.0%", "2.50"]), ("format-1-roi.json", ["-100.0%", "-8,000.00"])],
)
def test_files_saved_by_the_earlier_site_read_and_give_the_same_results(fixture, figures):
    text = (FIXTURES / fixture).read_text("utf-8")
    reply = json.loads(web.read_answers("roi", text))
    state = reply["state"]
    answers = json.loads(text)["answers"]
    assert state["values"] == {
        key: f"{answers[key]:g}" for key in ("benefits", "costs")
    }  # 30000, not 30000.0
    computed = json.loads(web.compute("roi", json.dumps(state)))
    assert computed["messages"] == {}
    for figure in figures:
        assert figure in computed["results"]
    back = json.loads(computed["export"]["json"])
    assert back["answers"] == answers
    assert back["instrument"] == "roi"
    assert back["instrument_version"] == 1


def test_a_file_out_of_range_is_refused_as_the_form_would_refuse_it():
    """One check: what the form shows beside a typed -40 is why a file holding it is refused."""
    envelope = json.loads((FIXTURES / "roi-a.json").read_text("utf-8"))
    envelope["answers"]["costs"] = -40.0
    error = json.loads(web.read_answers("roi", json.dumps(envelope)))["error"]
    state = {"values": {"benefits": "1000", "costs": "-40"}, "rows": {}}
    typed = json.loads(web.compute("roi", json.dumps(state)))["messages"]["costs"]
    assert "from 0 to" in typed
    assert error.endswith(f"{roi_sheet.AMOUNTS['costs']}: {typed}")


def test_an_old_record_out_of_range_still_reads_and_shows_its_message():
    """A record the browser kept is the learner's own: brought in as typed, marked, never lost."""
    envelope = json.loads((FIXTURES / "roi-a.json").read_text("utf-8"))
    envelope["answers"]["costs"] = -40.0
    reply = json.loads(web.read_answers("roi", json.dumps(envelope), "", "kept"))
    state = reply["state"]
    assert state["values"]["costs"] == "-40"
    assert "from 0 to" in json.loads(web.compute("roi", json.dumps(state)))["messages"]["costs"]
    # a damaged record is still refused (and left where it is by the page)
    envelope["answers"]["costs"] = "forty"
    reply = json.loads(web.read_answers("roi", json.dumps(envelope), "", "kept"))
    assert "damaged" in reply["error"]


@pytest.mark.parametrize(
    "answers",
    [{"benefits": "100", "costs": 1}, {"benefits": True, "costs": 1}],
)
def test_damaged_files_are_refused_with_a_reason(answers):
    envelope = json.loads((FIXTURES / "roi-a.json").read_text("utf-8"))
    envelope["answers"] = answers
    assert "damaged" in json.loads(web.read_answers("roi", json.dumps(envelope)))["error"]


@pytest.mark.parametrize("number", ["Infinity", "-Infinity", "NaN", "1e400", "1" + "0" * 400])
def test_a_number_no_worksheet_can_use_is_refused(number):
    text = (FIXTURES / "roi-a.json").read_text("utf-8").replace("30000.0", number)
    assert number in text
    error = json.loads(web.read_answers("roi", text))["error"]
    assert "ordinary numbers" in error


def test_the_page_form_is_two_text_boxes_that_keep_what_was_typed():
    html = sheet_html(RoiSheet().form)
    assert html.count('inputmode="decimal"') == 2
    assert 'type="number"' not in html
