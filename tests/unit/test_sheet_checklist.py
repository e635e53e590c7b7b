"""The chapter 8 checklists as page worksheets: statuses and actions -> counts and gaps."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from toolkit_widgets import web
from toolkit_widgets.render.form_html import sheet_html
from toolkit_widgets.sheets.checklist import ChecklistSheet
from toolkit_widgets.spec import load_checklist

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exports"
LISTS = ("learning_environment", "readiness_factors")
HOSTILE = '<img src=x onerror="alert(1)"> & <b>bold</b>'


def compute(name: str, values: dict[str, object]) -> dict:
    return json.loads(web.compute(name, json.dumps({"values": values, "rows": {}})))


def status(value: str) -> str:
    return json.dumps(value)  # radio values are written as JSON in the page


def test_learning_environment_hand_worked_counts_and_gaps():
    reply = compute(
        "learning_environment",
        {
            "big-picture.status": status("present"),
            "stretch.status": status("absent"),
            "stretch.action": "Pair new workers with a mentor",
            "policies.status": status("partly"),
        },
    )
    results = reply["results"]
    assert "3 of 8 answered so far." in results
    # one group: 1 present, 1 partly, 1 absent
    assert re.search(r"Characteristics</th><td>1</td><td>1</td><td>1</td>", results)
    assert "Gaps to act on (2)" in results
    assert "Pair new workers with a mentor" in results
    assert "1 gap(s) still need an action." in results
    assert "Added by this site: The toolkit describes the eight characteristics" in results
    header, *rows = reply["export"]["csv"].splitlines()
    assert header == "entry,group,label,status,action"
    assert rows[1].split(",") == [
        "stretch",
        "Characteristics",
        "Work that uses and stretches new learning",
        "Absent",
        "Pair new workers with a mentor",
    ]


def test_readiness_factors_count_per_domain():
    lst = load_checklist("readiness_factors")
    values = {f"{e.id}.status": status("strength") for g in lst.groups for e in g.entries}
    values["pressure.status"] = status("concern")
    values["offices.status"] = status("unknown")
    results = compute("readiness_factors", values)["results"]
    assert "answered so far" not in results  # every factor answered
    assert re.search(r"Motivation for change</th><td>2</td><td>1</td><td>0</td>", results)
    assert re.search(r"Program resources</th><td>4</td><td>0</td><td>1</td>", results)
    assert "Gaps to act on (2)" in results
    assert "2 gap(s) still need an action." in results


@pytest.mark.parametrize("name", LISTS)
def test_nothing_answered_asks_for_a_status(name):
    assert "Choose a status for each entry" in compute(name, {})["results"]


@pytest.mark.parametrize("name", LISTS)
def test_learner_text_with_markup_stays_text(name):
    lst = load_checklist(name)
    entry = lst.groups[0].entries[0].id
    reply = compute(name, {f"{entry}.status": status(lst.gaps[0]), f"{entry}.action": HOSTILE})
    for html in (reply["results"], reply["summary"]):
        assert "<img" not in html
        assert "<b>bold" not in html
        assert "&lt;img src=x" in html
    assert json.loads(reply["export"]["json"])["answers"][entry]["action"] == HOSTILE


@pytest.mark.parametrize("name", LISTS)
def test_the_labels_are_the_earlier_views(name):
    lst = load_checklist(name)
    form = ChecklistSheet(name).form
    labels = [f.label for f in form.fields()]
    expected = []
    for group in lst.groups:
        for entry in group.entries:
            expected += [f"{entry.label}: status", f"{entry.label}: {lst.action_label}"]
    assert labels == expected
    html = sheet_html(form)
    assert lst.question in html.replace("&#x27;", "'")
    if len(lst.groups) > 1:
        for group in lst.groups:
            assert f"<legend>{group.title}</legend>" in html


@pytest.mark.parametrize(
    ("name", "fixture"),
    [
        ("learning_environment", "learning-environment-a.json"),
        ("readiness_factors", "readiness-factors-a.json"),
    ],
)
def test_a_file_saved_by_the_earlier_site_reads_and_gives_the_same_results(name, fixture):
    text = (FIXTURES / fixture).read_text("utf-8")
    answers = json.loads(text)["answers"]
    state = json.loads(web.read_answers(name, text))["state"]
    typed = {
        f"{entry}.{key}": (status(a[key]) if key == "status" else a[key])
        for entry, a in answers.items()
        for key in ("status", "action")
        if a[key] is not None
    }
    assert {k: v for k, v in state["values"].items() if v} == {k: v for k, v in typed.items() if v}
    from_file = json.loads(web.compute(name, json.dumps(state)))
    assert from_file["results"] == compute(name, typed)["results"]
    assert "Gaps to act on (2)" in from_file["results"]
    assert "&lt;b&gt;the team&lt;/b&gt;" in from_file["results"]
    assert json.loads(from_file["export"]["json"])["answers"] == answers


@pytest.mark.parametrize(
    "answers",
    [{"nowhere": {"status": None}}, {"stretch": {"status": "maybe"}}, {"stretch": "absent"}],
)
def test_damaged_files_are_refused_with_a_reason(answers):
    envelope = json.loads((FIXTURES / "learning-environment-a.json").read_text("utf-8"))
    envelope["answers"] = answers
    reply = json.loads(web.read_answers("learning_environment", json.dumps(envelope)))
    assert "damaged" in reply["error"]
