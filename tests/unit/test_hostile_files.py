"""Files that try to break a worksheet: each gets a clear refusal, never an exception.

Every way answers reach Python without being typed (an import, a record the
earlier site kept, the page's own form state, the answers a hand-over adds to,
a file among a trainer's cohort) goes through one reader
(:func:`toolkit_widgets.exports.parse_json`) and one check of the answers (the
worksheet's own, then the form's per-field checks). These tests throw at them
what issue 18 found: JSON nested 5,000 deep (a RecursionError in CPython, a dead
kernel in Pyodide), a lone surrogate (valid JSON, then an export that cannot be
written), NaN, Infinity and 1e400, answers the form would refuse, and a
``saved_at`` that is no time.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from toolkit_widgets import catalogue, cohort, web
from toolkit_widgets.exports import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_STRING_CHARS,
    NESTED_TOO_DEEP,
    ImportFileError,
    parse_json,
    parse_saved_at,
    to_json,
    too_deep,
)

FIXTURES = Path(__file__).parents[1] / "fixtures"
EXPORTS = FIXTURES / "exports"
#: worksheet name -> a real record of the earlier site (every worksheet has one)
STORED = {
    json.loads(path.read_text("utf-8"))["worksheet"]: json.loads(path.read_text("utf-8"))["value"]
    for path in sorted((FIXTURES / "stored").glob("*.json"))
}
DEEP = "[" * 5000 + "]" * 5000
DAY = "2026-12-02"


def envelope(name: str) -> dict:
    return json.loads(STORED[name])


def error_of(name: str, text: str) -> str:
    reply = json.loads(web.read_answers(name, text))
    assert "state" not in reply, reply
    assert isinstance(reply["error"], str)
    assert reply["error"]
    return reply["error"]


def problem_of(name: str, state_text: str) -> str:
    reply = json.loads(web.compute(name, state_text))
    assert reply["export"] is None
    assert reply["problem"]
    return reply["problem"]


# --- the reader: depth, size, numbers, text ----------------------------------------


def test_depth_is_counted_without_recursion_and_strings_do_not_count():
    assert not too_deep("[" * MAX_DEPTH + "]" * MAX_DEPTH)
    assert too_deep("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert not too_deep('["' + "[" * 10_000 + '"]')  # brackets inside a string are text
    assert not too_deep('["\\"' + "{" * 10_000 + '"]')  # an escaped quote does not end it
    assert too_deep("[" * 10**6)  # far deeper than any recursion limit: still just a count
    assert not too_deep("")


@pytest.mark.parametrize(
    "text",
    [
        DEEP,
        "{" * 5000,
        '{"a": ' * 5000 + "1" + "}" * 5000,
        '{"answers": ' + "[" * (sys.getrecursionlimit() * 3),
    ],
    ids=["arrays", "unclosed", "objects", "past-the-recursion-limit"],
)
def test_deep_json_is_refused_before_it_is_parsed(text):
    with pytest.raises(ImportFileError) as refused:
        parse_json(text)
    assert refused.value.message == NESTED_TOO_DEEP


@pytest.mark.parametrize(
    ("literal", "words"),
    [
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("-Infinity", "-Infinity"),
        ("1e400", "1e400"),
        ("-1e400", "-1e400"),
        ("1" * 400, "400 digits"),
    ],
)
def test_numbers_no_worksheet_can_use_are_refused_while_parsing(literal, words):
    with pytest.raises(ImportFileError) as refused:
        parse_json('{"answers": {"benefits": ' + literal + "}}")
    assert words in refused.value.message
    assert "ordinary numbers" in refused.value.message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('"\\ud800"', "its top level"),
        ('{"answers": {"goals": [{"title": "ok\\udfff"}]}}', "answers → goals → item 1 → title"),
        ('{"a\\ud83d": 1}', "(a key)"),
        ('["\ud800"]', "item 1"),  # not escaped: the page's text itself holds it
    ],
)
def test_a_lone_surrogate_is_refused_naming_where_it_is(text, where):
    with pytest.raises(ImportFileError) as refused:
        parse_json(text)
    assert "lone UTF-16 surrogate" in refused.value.message
    assert where in refused.value.message
    refused.value.message.encode("utf-8")  # the message itself is clean text


def test_a_surrogate_pair_is_a_character_and_is_read():
    assert parse_json('["\\ud83d\\ude00"]') == ["\U0001f600"]


def test_sizes_are_capped_before_parsing_and_strings_while_reading():
    with pytest.raises(ImportFileError, match="at most 2,000,000"):
        parse_json(" " * (MAX_BYTES + 1))
    with pytest.raises(ImportFileError, match="no answer is longer"):
        parse_json(json.dumps({"note": "x" * (MAX_STRING_CHARS + 1)}))


def test_a_file_too_big_is_refused_on_its_size_and_the_page_sends_no_more_than_is_read():
    error = error_of_sized("gars", "{", MAX_BYTES + 1)
    assert error.startswith(f"This file is {MAX_BYTES + 1:,} bytes; an answers file is at most")
    sheet_js = (Path(__file__).parents[2] / "docs" / "_static" / "sheet.js").read_text("utf-8")
    assert f"const READ_LIMIT = {MAX_BYTES + 1:_};" in sheet_js
    assert "state" in json.loads(web.read_answers("roi", STORED["roi"], str(len(STORED["roi"]))))


def error_of_sized(name: str, text: str, size: int) -> str:
    reply = json.loads(web.read_answers(name, text, str(size)))
    assert set(reply) == {"error"}
    return reply["error"]


def test_the_fullest_possible_gars_sheet_fits_under_the_size_limit():
    """The limit refuses no file the site writes: 50 goals, every text box full."""
    sheet = catalogue.get("gars")
    goal = {
        "title": "t" * 5000,
        "levels": {key: "l" * 5000 for key in ("2", "1", "0", "-1", "-2")},
        "weight": 1.0,
        "note": "n" * 5000,
        "baseline": -2,
        "follow_up": 2,
    }
    answers = sheet.check({"rho": 0.3, "goals": [goal] * 50})
    text = to_json("gars", 1, answers, "2026-12-02T09:00:00Z", "abcd1234")
    assert len(text.encode("utf-8")) < MAX_BYTES
    reply = json.loads(web.read_answers("gars", text))
    assert reply["state"]["rows"] == {"goals": 50}


# --- every route into every worksheet -----------------------------------------------

HOSTILE = {
    "deep": (DEEP, "nests its data far deeper"),
    "deep-in-answers": (
        '{"format": "coaching-toolkit-answers", "answers": ' + DEEP + "}",
        "deeper",
    ),
    "surrogate": ('{"format": "coaching-toolkit-answers", "answers": "\\ud800"}', "surrogate"),
    "nan": ('{"answers": NaN}', "NaN"),
    "huge": ('{"answers": 1e400}', "1e400"),
}


@pytest.mark.parametrize("name", catalogue.NAMES)
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_every_worksheet_refuses_each_hostile_file_and_then_imports_a_good_one(name, kind):
    text, words = HOSTILE[kind]
    assert words in error_of(name, text)
    assert words in problem_of(name, text)  # the same text as the page's own form state
    assert "state" in json.loads(web.read_answers(name, STORED[name]))  # still working


def _texts(record: str) -> list[str]:
    """The free texts of a record, as written in it."""
    found = _strings(json.loads(record)["answers"])
    return [s for s in found if len(s) > 2 and s.isprintable() and json.dumps(s) in record]


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize("name", [name for name in catalogue.NAMES if _texts(STORED[name])])
def test_a_surrogate_in_any_text_of_a_real_record_is_refused(name):
    """Today's bug: "\\ud800" imported, then the export could not be written."""
    record = STORED[name]
    texts = _texts(record)
    broken = record.replace(json.dumps(texts[0]), json.dumps(texts[0] + "\ud800"), 1)
    assert "surrogate" in error_of(name, broken)


def test_a_typed_state_with_a_surrogate_gets_a_message_not_an_export_that_fails():
    state = {"values": {"goals.0.title": "A goal \ud800"}, "rows": {"goals": 1}}
    text = json.dumps(state)  # as JSON.stringify writes it: "\ud800" escaped
    assert "goals.0.title" in problem_of("gars", text)


def test_a_hand_over_to_a_deep_kept_record_changes_nothing():
    state = json.dumps({"values": {"goal": "Call every family back within a day"}, "rows": {}})
    reply = json.loads(web.handoff("smart", state, DEEP))
    assert reply["error"].startswith("Nothing was sent")
    assert "deeper" in reply["error"]


# --- one check: the form's ---------------------------------------------------------


def test_a_gars_weight_the_form_refuses_is_refused_in_a_file_with_the_form_s_words():
    file = envelope("gars")
    file["answers"]["goals"][0]["weight"] = -3
    error = error_of("gars", json.dumps(file))
    typed = json.loads(
        web.compute("gars", json.dumps({"values": {"goals.0.weight": "-3"}, "rows": {"goals": 1}}))
    )["messages"]["goals.0.weight"]
    refusal = "The file holds an answer this worksheet would not accept:"
    assert error == f"{refusal} Goal 1, Weight (1 = equal): {typed}"


def test_the_cohort_holds_files_to_the_same_check():
    file = json.loads((EXPORTS / "gars-c.json").read_text("utf-8"))
    file["answers"]["goals"][0]["weight"] = -3
    reply = json.loads(
        web.cohort(json.dumps([{"name": "minus.json", "text": json.dumps(file)}]), today=DAY)
    )
    assert (
        "Goal 1, Weight (1 = equal): Use a number of at least 0." in reply["refused"][0]["reason"]
    )
    assert reply["counts"]["used"] == 0


@pytest.mark.parametrize("name", catalogue.NAMES)
def test_every_real_record_passes_the_form_s_check(name):
    """The check refuses nothing the site (old or new) wrote."""
    reply = json.loads(web.read_answers(name, STORED[name]))
    computed = json.loads(web.compute(name, json.dumps(reply["state"])))
    assert computed["messages"] == {}


# --- saved_at and copies ------------------------------------------------------------


@pytest.mark.parametrize(
    "stamp", ["zzzz", "2026-13-01T00:00:00Z", "2026-12-02T25:00:00Z", "", 20261202, "9" * 50]
)
def test_a_saved_at_that_is_no_time_is_refused(stamp):
    with pytest.raises(ImportFileError, match="saved_at"):
        parse_saved_at(stamp)
    file = envelope("gars")
    file["saved_at"] = stamp
    assert "saved_at" in error_of("gars", json.dumps(file))


def test_times_compare_as_times_offsets_included():
    assert parse_saved_at("2026-11-21T10:30:00+02:00") < parse_saved_at("2026-11-21T09:00:00Z")
    assert parse_saved_at("2026-11-21T09:00:00") == parse_saved_at("2026-11-21T09:00:00Z")
    assert parse_saved_at(None) is None


def _gars_a(saved_at: object, name: str) -> dict:
    file = json.loads((EXPORTS / "gars-a.json").read_text("utf-8"))
    file["saved_at"] = saved_at
    return {"name": name, "text": json.dumps(file)}


def _run(files: list[dict]) -> dict:
    return json.loads(web.cohort(json.dumps(files), today=DAY))


def test_a_copy_with_a_time_that_is_no_time_cannot_displace_the_learner():
    real = _gars_a("2026-11-21T08:00:00Z", "learner.json")
    forged = _gars_a("zzzz", "forged.json")
    for files in ([real, forged], [forged, real]):
        reply = _run(files)
        assert [r["name"] for r in reply["refused"]] == ["forged.json"]
        assert "saved_at" in reply["refused"][0]["reason"]
        assert reply["counts"] == {"files": 2, "used": 1, "refused": 1, "copies": 0}


def test_a_copy_dated_after_the_report_is_refused():
    reply = _run(
        [_gars_a("2026-11-21T08:00:00Z", "a.json"), _gars_a("2099-01-01T00:00:00Z", "b.json")]
    )
    assert [r["name"] for r in reply["refused"]] == ["b.json"]
    assert "after this report's day" in reply["refused"][0]["reason"]


def test_the_report_says_which_copy_counted_and_why():
    # 10:30 at +02:00 is 08:30 UTC: earlier than 09:00Z, though larger as text
    early = _gars_a("2026-11-21T10:30:00+02:00", "early.json")
    late = _gars_a("2026-11-21T09:00:00Z", "late.json")
    exports, _refused, copies = cohort.read_exports([(f["name"], f["text"]) for f in (late, early)])
    assert [e.file for e in exports] == ["late.json"]
    assert copies == [
        "early.json and late.json are copies of the same sheet: only late.json is counted, "
        "because it was saved later (2026-11-21T09:00:00Z, the other 2026-11-21T10:30:00+02:00)."
    ]
    undated = _gars_a(None, "undated.json")
    _e, _r, copies = cohort.read_exports([(f["name"], f["text"]) for f in (early, undated)])
    assert copies[0].endswith(
        "only early.json is counted, because only it says when it was saved "
        "(2026-11-21T10:30:00+02:00)."
    )
    reply = _run([late, early])
    assert "only late.json is counted, because it was saved later" in reply["report"]


# --- CSV: every cell, file names included -------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_the_cohort_csv_neutralises_a_file_name_that_starts_a_formula(start):
    good = json.loads((EXPORTS / "gars-c.json").read_text("utf-8"))
    name = f"{start}HYPERLINK(1).json"
    reply = _run([{"name": name, "text": json.dumps(good)}, {"name": name + "x", "text": "no"}])
    rows = list(csv.reader(io.StringIO(reply["csv"], newline="")))
    named = [row[1] for row in rows[1:] if "HYPERLINK" in row[1]]
    assert len(named) == 3  # two GARS rows for the learner, one for the refused file
    assert all(cell.startswith("'" + start) for cell in named)
