"""Arbitrary JSON thrown at every worksheet's import and at the cohort reader.

Whatever a file holds (nesting 5,000 deep, lone surrogates, NaN, 1e400, a
400-digit number, the wrong type at any key of a real record), the answer is a
refusal with a message or a correct result, never an exception: accepted
answers pass the form's own checks, export, and import again unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import hostile_json, hostile_text, replace_somewhere
from toolkit_widgets import catalogue, web

FIXTURES = Path(__file__).parents[1] / "fixtures"
#: worksheet name -> a real record of the earlier site (every worksheet has one)
STORED = {
    json.loads(path.read_text("utf-8"))["worksheet"]: json.loads(path.read_text("utf-8"))["value"]
    for path in sorted((FIXTURES / "stored").glob("*.json"))
}
EXPORTS = FIXTURES / "exports"
COHORT_SOURCES = ("gars-a.json", "gars-c.json", "crs-b.json", "oti-a.json", "format-1-gars.json")
#: enough to hit every worksheet several times; ./dev test fast stays under two minutes
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COHORT_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _clean_text(text: str) -> None:
    """Text the page can show and save: strict UTF-8 (no lone surrogate), and no bug of ours."""
    text.encode("utf-8")
    assert "Please tell the site's maintainers" not in text, text


def _accepted_correctly(name: str, state: dict) -> None:
    """An accepted file is one the form accepts, and its export imports to the same form."""
    _clean_text(json.dumps(state, ensure_ascii=False))
    computed = json.loads(web.compute(name, json.dumps(state)))
    assert computed["messages"] == {}, computed["messages"]
    assert computed["export"] is not None or computed["problem"]
    if computed["export"] is not None:
        exported = computed["export"]["json"]
        _clean_text(exported)
        again = json.loads(web.read_answers(name, exported))
        assert again["state"]["values"] == state["values"]
        assert again["state"]["rows"] == state["rows"]


def _import(name: str, text: str) -> None:
    reply = json.loads(web.read_answers(name, text))
    assert set(reply) in ({"error"}, {"state"}), reply
    if "error" in reply:
        assert isinstance(reply["error"], str)
        assert reply["error"].strip()
        _clean_text(reply["error"])
    else:
        _accepted_correctly(name, reply["state"])


@SETTINGS
@given(st.sampled_from(catalogue.NAMES), st.data())
def test_a_real_record_with_any_part_replaced_imports_correctly_or_is_refused(name, data):
    changed = replace_somewhere(data, json.loads(STORED[name]), hostile_json)
    _import(name, hostile_text(changed))


@SETTINGS
@given(st.sampled_from(catalogue.NAMES), hostile_json)
def test_any_json_at_all_is_refused_with_a_message_by_import_and_by_compute(name, value):
    text = hostile_text(value)
    _import(name, text)
    reply = json.loads(web.compute(name, text))
    assert set(reply) == {"messages", "problem", "results", "summary", "export"}
    if reply["problem"] is None:  # an object the form state reader could read
        assert isinstance(value, dict)
    _clean_text(json.dumps(reply, ensure_ascii=False))


@SETTINGS
@given(st.sampled_from(catalogue.NAMES), st.data())
def test_a_form_state_with_any_part_replaced_gives_messages_never_an_exception(name, data):
    state = json.loads(web.read_answers(name, STORED[name]))["state"]
    changed = replace_somewhere(data, state, hostile_json)
    reply = json.loads(web.compute(name, hostile_text(changed)))
    assert reply["problem"] or isinstance(reply["messages"], dict)
    if reply["export"] is not None:
        _clean_text(reply["export"]["json"])
        assert "state" in json.loads(web.read_answers(name, reply["export"]["json"]))


def _cohort_file(data: st.DataObject, number: int) -> dict:
    kind = data.draw(st.sampled_from(("real", "changed", "any")))
    source = data.draw(st.sampled_from(COHORT_SOURCES))
    original = json.loads((EXPORTS / source).read_text("utf-8"))
    if kind == "real":
        text = json.dumps(original)
    elif kind == "changed":
        text = hostile_text(replace_somewhere(data, original, hostile_json))
    else:
        text = hostile_text(data.draw(hostile_json))
    name = data.draw(st.sampled_from((f"{number}.json", "=1+1.json", "\ud800.json", "")))
    return {"name": name, "size": len(text.encode("utf-8", "surrogatepass")), "text": text}


@COHORT_SETTINGS
@given(st.data())
def test_the_cohort_reader_counts_or_lists_every_file_never_raises(data):
    files = [_cohort_file(data, n) for n in range(data.draw(st.integers(1, 4)))]
    text = web.cohort(json.dumps(files), today="2026-12-02")
    _clean_text(text)
    reply = json.loads(text)
    assert reply["problem"] is None, reply["problem"]
    counts = reply["counts"]
    assert counts["files"] == len(files)
    assert counts["used"] + counts["refused"] == len(files)
    # every refused file is named, in the order chosen, with a reason
    assert len(reply["refused"]) == counts["refused"]
    for refused in reply["refused"]:
        assert refused["name"]
        assert refused["reason"].strip()
    assert (reply["csv"] is None) == (counts["used"] == 0)
