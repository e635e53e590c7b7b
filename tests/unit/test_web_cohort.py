"""The trainer's group view through the page's entry point, as the browser calls it.

``web.cohort`` gets every chosen file as ``{"name", "text"}`` (what the page's
script reads with File.text()) and must give the same report the old view gave
for the stored export files (tests/fixtures/exports/; the figures are worked
out by hand in tests/unit/test_cohort.py), list each bad file with its reason
while counting the rest, and never raise, whatever a file holds.
"""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cohort_files import COHORT_FILES as ALL
from tests.cohort_files import EXPORTS as FIXTURES
from toolkit_widgets import catalogue, cohort, web
from toolkit_widgets.exports import MAX_BYTES
from toolkit_widgets.render import cohort_results
from toolkit_widgets.render.cohort_html import KEEPS_NOTHING, cohort_html

BAD = {
    "bad-damaged.json",
    "bad-newer-version.json",
    "bad-not-json.json",
    "bad-other-worksheet.json",
}
HOSTILE = '<img src=x onerror="alert(1)">.json'
DAY = "2026-12-02"


def sent(*names: str, rename: dict[str, str] | None = None) -> list[dict[str, object]]:
    """The files as the page sends them: name, size in bytes, text."""
    return [
        {
            "name": (rename or {}).get(name, name),
            "size": (FIXTURES / name).stat().st_size,
            "text": (FIXTURES / name).read_text("utf-8"),
        }
        for name in (names or ALL)
    ]


def run(files: object) -> dict:
    text = files if isinstance(files, str) else json.dumps(files)
    return json.loads(web.cohort(text, today=DAY))


def t(levels: list[int]) -> float:
    """Kiresuk-Sherman T with equal weights and rho 0.3, written out here on purpose."""
    n = len(levels)
    return 50 + 10 * sum(levels) / math.sqrt(0.7 * n + 0.3 * n * n)


def test_the_stored_files_give_the_group_figures_counts_and_refusals():
    reply = run(sent())
    assert reply["problem"] is None
    assert reply["counts"] == {"files": 13, "used": 9, "refused": 4, "copies": 2}
    assert reply["status"] == "Read 13 file(s): 9 used, 4 not used."
    assert {r["name"] for r in reply["refused"]} == BAD
    reasons = {r["name"]: r["reason"] for r in reply["refused"]}
    assert "newer version of the site" in reasons["bad-newer-version.json"]
    assert "'pdsa'" in reasons["bad-other-worksheet.json"]
    report = reply["report"]
    mean_baseline = (t([-1, -2]) + t([-1, -1, -2]) + t([-1])) / 3
    baseline_row = re.search(r"<th scope='row'>Baseline</th>(.*?)</tr>", report).group(1)
    assert f"<td>{mean_baseline:.1f}</td>" in baseline_row
    assert "2 of 2 learners rated at both times rose" in report
    assert "Files not used (4)" in report
    assert "only gars-a-later.json" in report
    assert "Added by this site: the group figures" in report
    assert "<h4>Goal attainment (GARS T-scores)</h4>" in report  # under the page's h3
    assert reply["summary"] == f"<h2>Group report, {DAY}</h2>" + report.replace("h4>", "h3>")


def test_the_csv_holds_each_learner_and_the_group():
    reply = run(sent())
    assert reply["filename"] == f"group-report-{DAY}.csv"
    lines = reply["csv"].splitlines()
    assert lines[0] == "instrument,learner or group,figure,value"
    assert "GARS,gars-c.json,T at baseline,40.0" in lines
    assert "GARS,group,learners whose T rose,2" in lines
    assert "Trust,group,mean trust (supervisor),5.5" in lines
    assert sum(1 for line in lines if line.startswith("Refused,")) == 4


def test_the_page_gets_the_report_the_old_view_showed():
    files = [(name, (FIXTURES / name).read_bytes()) for name in ALL]
    assert run(sent())["report"] == cohort_results.report_html(cohort.report(files))


def test_one_bad_file_among_many_is_listed_and_the_rest_counted():
    hostile = [
        {"name": "deep.json", "text": "[" * 200_000 + "]" * 200_000},
        {"name": "just-too-deep.json", "text": "[" * (web.MAX_DEPTH + 1) + "]" * 40},
        {"name": "deep-in-answers.json", "text": '{"answers": ' + "{" * 5000},
        {"name": "big.json", "size": MAX_BYTES + 1, "text": "{" * 10},
        {"name": "big-no-size.json", "text": " " * (MAX_BYTES + 1)},
        {"name": "unreadable.json", "size": 10, "text": None},
        {"name": "nan.json", "text": "NaN"},
        {"name": "list.json", "text": "[1, 2, 3]"},
    ]
    reply = run([*sent("gars-c.json"), *hostile, *sent("crs-b.json")])
    assert reply["problem"] is None
    assert reply["counts"]["used"] == 2
    reasons = {r["name"]: r["reason"] for r in reply["refused"]}
    assert list(reasons) == [f["name"] for f in hostile]  # in the order they were chosen
    assert "nests its data far deeper" in reasons["deep.json"]
    assert "nests its data far deeper" in reasons["just-too-deep.json"]
    assert f"{MAX_BYTES + 1:,} bytes" in reasons["big.json"]
    assert "bytes" in reasons["big-no-size.json"]
    assert "could not read" in reasons["unreadable.json"]
    assert "Goal attainment" in reply["report"]
    assert "Readiness (Coaching Readiness Scale, 1 learners)" in reply["report"]


def test_python_s_own_recursion_limit_is_a_refusal_too():
    deep = "[" * 100_000 + "]" * 100_000
    exports, refused, _copies = cohort.read_exports([("deep.json", deep)])
    assert exports == []
    assert refused[0].reason == cohort.NESTED_TOO_DEEP


@pytest.mark.parametrize(
    "page_sent",
    [
        "",
        "not json",
        "{}",
        '"text"',
        "null",
        "[" * 100_000,
        "[1, null, true, {}]",
        '[{"name": 7, "text": {}}]',
        '[{"name": "", "text": "", "size": true}]',
        '[{"name": "a.json", "text": "{\\"instrument\\": \\"\\ud800\\"}"}]',
    ],
)
def test_whatever_the_page_sends_comes_back_as_a_reply(page_sent):
    reply = run(page_sent)
    assert set(reply) >= {"problem", "report", "status", "csv", "refused", "counts"}
    assert reply["csv"] is None
    assert reply["status"]
    assert reply["problem"] is None or reply["report"] == cohort_results.EMPTY


def test_entries_without_a_name_are_numbered():
    reply = run([{"text": "x"}, {"name": "", "text": "y"}])
    assert [r["name"] for r in reply["refused"]] == ["file 1", "file 2"]


def test_a_lone_surrogate_in_a_file_does_not_reach_the_page():
    text = '{"format": "coaching-toolkit-answers", "instrument": "\\ud800<b>"}'
    reply = web.cohort(json.dumps([{"name": "\ud800.json", "text": text}]), today=DAY)
    parsed = json.loads(reply)
    json.dumps(parsed, ensure_ascii=False).encode("utf-8")  # strict: raises on a lone surrogate
    assert "<b>" not in parsed["report"]


def test_file_names_and_reasons_are_escaped_in_report_and_summary():
    bad = {"name": "x.json", "text": json.dumps({"instrument": "<script>alert(1)</script>"})}
    reply = run([*sent("gars-c.json", rename={"gars-c.json": HOSTILE}), bad])
    for html in (reply["report"], reply["summary"]):
        assert HOSTILE not in html
        assert "&lt;img src=x" in html
        assert "<script>" not in html
    assert reply["refused"][0]["reason"].count("<script>") == 1  # plain text for the page


def test_nothing_to_count_gives_no_csv():
    reply = run(sent("bad-not-json.json", "bad-damaged.json"))
    assert reply["csv"] is None
    assert reply["counts"]["used"] == 0
    assert reply["status"] == "Read 2 file(s): 0 used, 2 not used."
    assert "Files not used (2)" in reply["report"]
    assert run([])["report"] == cohort_results.EMPTY


def test_too_many_files_are_all_left_out():
    many = [{"name": f"f{i}.json", "text": "{}"} for i in range(cohort.MAX_FILES + 1)]
    reply = run(many)
    assert reply["counts"]["used"] == 0
    assert reply["status"].endswith(f"0 used, {cohort.MAX_FILES + 1} not used.")
    assert reply["refused"][0]["reason"].startswith("load at most")


def test_a_load_too_big_as_a_whole_is_refused_before_it_is_read():
    reply = json.loads(web.cohort("[" + " " * web.MAX_LOAD_CHARS + "]", today=DAY))
    assert "smaller batches" in reply["problem"]


def test_the_report_is_dated_today_by_default():
    reply = json.loads(web.cohort(json.dumps(sent("gars-c.json"))))
    assert re.fullmatch(r"group-report-\d{4}-\d{2}-\d{2}\.csv", reply["filename"])


# --- anything a file holds: a real export with one part replaced ---------------------

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)
_SOURCES = ("gars-c.json", "gars-a.json", "crs-b.json", "oti-a.json", "format-1-gars.json")


def _replace_somewhere(data: st.DataObject, value: object) -> object:
    """The value with one of its parts (perhaps itself) swapped for a drawn one."""
    if isinstance(value, dict) and value and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(value)))
        return {**value, key: _replace_somewhere(data, value[key])}
    if isinstance(value, list) and value and data.draw(st.booleans()):
        at = data.draw(st.integers(0, len(value) - 1))
        return [*value[:at], _replace_somewhere(data, value[at]), *value[at + 1 :]]
    return data.draw(_json)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_changed_export_is_counted_or_refused_never_raised(data):
    name = data.draw(st.sampled_from(_SOURCES))
    original = json.loads((FIXTURES / name).read_text("utf-8"))
    changed = _replace_somewhere(data, original)
    reply = run([{"name": name, "text": json.dumps(changed)}, *sent("oti-b.json")])
    assert reply["problem"] is None, reply["problem"]
    assert reply["counts"]["files"] == 2
    assert reply["counts"]["used"] + len(reply["refused"]) == 2
    assert reply["csv"] is not None  # oti-b.json is always counted


# --- the page's HTML ----------------------------------------------------------------


def test_the_cohort_is_a_page_tool_not_a_keeping_worksheet():
    assert "cohort" in catalogue.TOOLS
    assert "cohort" not in catalogue.NAMES
    with pytest.raises(KeyError, match="known: cohort"):
        catalogue.tool_html("nope", "x")


def test_the_page_html_has_the_old_view_s_names_and_says_nothing_is_kept():
    html = catalogue.tool_html("cohort", "Group results worksheet")
    assert html == cohort_html("Group results worksheet")
    control = re.search(r"<input type=\"file\"[^>]*>", html).group(0)
    assert " multiple" in control
    assert 'accept=".json,application/json"' in control
    ident = re.search(r'id="([^"]+)"', control).group(1)
    assert f'<label class="tk-button tk-file-label" for="{ident}">Load export files</label>' in html
    assert 'role="status" data-status' in html
    assert ">Empty the view</button>" in html
    assert ">Download the group table (.csv)</a>" in html
    assert ">Print the report</button>" in html
    assert "nothing is kept" in html
    assert KEEPS_NOTHING in html
    assert cohort_results.EMPTY in html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert "localStorage" not in html


def test_the_page_html_escapes_its_title():
    assert 'aria-label="&lt;b&gt;"' in cohort_html("<b>")


def test_a_check_that_fails_on_one_file_leaves_the_others_counted(monkeypatch):
    def broken(_answers):
        raise TypeError("unhashable type: 'list'")

    checks = web._cohort_checks()  # the worksheets' own checks, as the page's call uses
    monkeypatch.setattr(web, "_cohort_checks", lambda: {**checks, "crs": broken})
    reply = run(sent("crs-b.json", "gars-c.json"))
    assert reply["problem"] is None
    assert reply["counts"]["used"] == 1
    assert reply["refused"] == [
        {"name": "crs-b.json", "reason": cohort.UNREADABLE.format(error="TypeError")}
    ]


def test_a_flag_list_holding_lists_is_refused_as_damaged():
    parsed = json.loads((FIXTURES / "crs-b.json").read_text("utf-8"))
    parsed["answers"]["flagged"] = [[]]
    reply = run([{"name": "crs-b.json", "text": json.dumps(parsed)}])
    assert "damaged" in reply["refused"][0]["reason"]
