"""The practice forms through the page's entry points, as the browser calls them.

What each review must say is worked out by hand from the form files and the
rules in ``form_reviews`` and ``smart``; the labels are compared with the old
view's, because screen readers and tests find controls by them.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit_widgets import catalogue, form_sheet, gars_sheet, web
from toolkit_widgets.catalogue import PRACTICE_FORMS as FORMS
from toolkit_widgets.render.form_html import sheet_html
from toolkit_widgets.render.form_state import to_state
from toolkit_widgets.sheets.practice_form import PracticeFormSheet

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "practice-forms"
TODAY = dt.date(2026, 12, 1)
HOSTILE = '<img src=x onerror="alert(1)">'


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch):
    """The SMART review compares the target date with today: fix the day."""
    for name in FORMS:
        monkeypatch.setattr(catalogue.get(name), "today", lambda: TODAY)


def _compute(name: str, values: dict[str, object], rows: dict[str, int] | None = None) -> dict:
    """Type ``values`` (control name -> text or tick) into a blank sheet; compute as the page."""
    sheet = catalogue.get(name)
    state = to_state(sheet.form, sheet.blank())
    state["values"].update(values)
    state["rows"].update(rows or {})
    return json.loads(web.compute(name, json.dumps(state)))


def _text(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags dropped, entities read."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


SMART = {
    "specific.who": "Ana",
    "specific.what": "ask each family what matters most",
    "measurable.how_much": "in 4 of 5 meetings",
    "time.by_when": "2027-01-31",
    "relevant.worthwhile": True,
}
GOAL = "By 2027-01-31, Ana will ask each family what matters most (in 4 of 5 meetings)."


def test_every_practice_form_is_in_the_catalogue_under_its_chapter_name():
    assert set(FORMS) <= set(catalogue.NAMES)
    assert catalogue.get("planner_regrow").instrument == "session_planner_regrow"
    assert catalogue.get("smart").instrument == "smart"
    assert all(catalogue.get(n).version == 1 for n in FORMS)


def test_smart_says_element_by_element_what_is_met_and_builds_the_goal():
    reply = _compute("smart", SMART)
    results = _text(reply["results"])
    assert reply["problem"] is None
    assert "T Time limited: met" in results
    assert "S Specific: not yet" in results  # no where, no why
    assert "Say where or in which kind of case or meeting it will happen." in results
    assert "M Measurable: not yet" in results  # how_know is empty
    assert "R Result focused: not yet" in results
    assert "Not yet: Now is the right time" in results
    assert f"The goal (1 of 5 elements met){GOAL}" in results
    # ten boxes outside the ticks: statement, five S, two M, two T
    assert "Filled in: 4 of 10 boxes" in results
    assert "Added by this site: The checks are ours" in results
    assert 'data-handoff="gars"' in reply["results"].replace("'", '"')
    assert "Use this goal in my GARS worksheet" in results
    # the printed record has the findings, but no button and the site's note once
    assert "data-handoff" not in reply["summary"]
    assert _text(reply["summary"]).count("Added by this site") == 1
    assert "Who takes part?Ana" in _text(reply["summary"])


def test_smart_nudges_a_target_more_than_six_months_away():
    reply = _compute("smart", {**SMART, "time.by_when": "2027-12-31"})
    assert "add a milestone for the next six weeks" in reply["results"]


def test_observation_sorts_skills_seen_often_from_those_seen_rarely():
    sheet = catalogue.get("observation_formal")
    reply = _compute(
        "observation_formal",
        {"skill-1.frequency": '"almost_always"', "skill-5.frequency": '"occasionally"'},
    )
    results = _text(reply["results"])
    assert "Showed genuineness, empathy and respect (almost always)" in results
    assert "Seen rarely: talk these through (concerns)Tone of voice (occasionally)" in results
    # 7 skills x (how often + examples) + 4 about the observation
    assert "Filled in: 2 of 18 boxes" in results
    assert sheet.form.fields()[0].label == "Date"


def test_self_care_counts_each_answer_and_lists_what_to_add():
    reply = _compute(
        "self_care",
        {"list-1.f1": '"add"', "list-1.f2": '"doing"', "list-2.f11": '"add"'},
    )
    results = _text(reply["results"])
    assert "I do this now: 1" in results
    assert "I want to add this: 2" in results
    assert "Not for me now: 0" in results
    assert "I want to add thisGoes on vacationGets support from peers" in results


def test_feedback_plan_warns_when_concerns_come_without_anything_to_value():
    reply = _compute("feedback_plan", {"step-3.say": "I wondered about the timing"})
    results = _text(reply["results"])
    assert "Concerns: I wondered about the timing" in results
    assert "Value comes before concerns" in results
    valued = _compute(
        "feedback_plan",
        {"step-3.say": "I wondered about the timing", "step-2.say": "Calm, clear opening"},
    )
    assert "Value comes before concerns" not in valued["results"]


def test_journal_groups_entries_by_learner_newest_first():
    reply = _compute(
        "journal",
        {
            "entry.0.f1": "A.M.",
            "entry.0.f2": "2026-11-20",
            "entry.1.f1": "B.K.",
            "entry.2.f1": "A.M.",
            "entry.2.f2": "2026-11-27",
            "entry.2.f3": "Safety plan",
        },
        {"entry": 3},
    )
    results = _text(reply["results"])
    assert "A.M.: 2 entries2026-11-27: Safety plan2026-11-20" in results
    assert "B.K.: 1 entryundated" in results
    assert reply["export"] is not None
    assert len(json.loads(reply["export"]["json"])["answers"]["entry"]) == 3


def test_pdsa_asks_for_a_prediction_once_study_is_written():
    reply = _compute("pdsa", {"cycle.0.compared": "Waits fell"})
    results = _text(reply["results"])
    assert "Phases written: Study." in results
    assert "write what you predicted" in results


def test_logic_model_reads_the_chain_as_if_then_statements():
    reply = _compute(
        "logic_model",
        {"chain.resources": "Two coaches\n- a budget", "chain.activities": "Monthly sessions"},
    )
    results = _text(reply["results"])
    assert "IF we have Two coaches; a budget, THEN we can carry out Monthly sessions." in results
    assert "Outputs is empty." in results


def test_planner_numbers_are_chosen_from_their_list_and_out_of_range_is_a_message():
    reply = _compute("planner_regrow", {"close.position": "6", "session.number": "3"})
    answers = json.loads(reply["export"]["json"])["answers"]
    assert answers["close"]["position"] == 6
    assert answers["session"]["number"] == 3
    bad = _compute("planner_regrow", {"close.position": "11"})
    assert "not one of the choices" in bad["messages"]["close.position"]
    assert bad["export"] is None


def test_the_agreement_prints_signature_lines_on_the_form_and_in_the_summary():
    reply = _compute("agreement", {"parties.learner": "J.D."})
    for role in ("Learner", "Coach", "Supervisor", "For the agency"):
        assert f"{role}: signed ____" in reply["summary"]
        assert f"{role}: signed ____" in sheet_html(catalogue.get("agreement").form)
    assert "National Staff Development Council (2008)" in reply["summary"]


@pytest.mark.parametrize("name", FORMS)
def test_learner_text_with_markup_is_escaped_in_results_and_summary(name):
    sheet = catalogue.get(name)
    state = to_state(sheet.form, sheet.blank())
    boxes = [n for n, v in state["values"].items() if v == "" and not n.endswith("date")]
    texts = [
        n
        for n in boxes
        if any(
            f.kind in ("text", "textarea") and n.endswith(f.path[-1])
            for f in sheet.form.fields() + [f for r in sheet.form.repeats() for f in r.parts]
        )
    ]
    for control in texts:
        state["values"][control] = f"Seen twice {HOSTILE}"
    reply = json.loads(web.compute(name, json.dumps(state)))
    assert reply["problem"] is None
    assert "<img" not in reply["results"] + reply["summary"]
    assert "Seen twice &lt;img" in reply["summary"]


@pytest.mark.parametrize(
    ("fixture", "name", "says"),
    [
        (
            "pdsa-b.json",
            "pdsa",
            [
                "Cycle 1, started 2026-09-14",
                "Phases written: Plan, Do, Study, Act.",
                "Decision: Adapt: change it and test again",
                "Cycle 2, started 2026-10-19",
                "write what you predicted",
                "Filled in: 8 of 20 boxes",
            ],
        ),
        ("planner-regrow-c.json", "planner_regrow", ["Filled in: 6 of 20 boxes"]),
    ],
)
def test_an_old_export_reads_into_the_page_and_gives_the_same_results(fixture, name, says):
    text = (FIXTURES / fixture).read_text("utf-8")
    reply = json.loads(web.read_answers(name, text))
    state = reply["state"]
    assert state["sheet_id"] == json.loads(text)["sheet_id"]
    computed = json.loads(web.compute(name, json.dumps(state)))
    assert computed["messages"] == {}
    results = _text(computed["results"])
    for line in says:
        assert line in results
    sheet = catalogue.get(name)
    answers = sheet.check(json.loads(text)["answers"])
    assert computed["results"] == sheet.results_html(answers)
    # and the export of the page is the same answers again
    assert json.loads(computed["export"]["json"])["answers"] == answers


def test_a_file_of_another_form_is_refused_with_a_message():
    text = (FIXTURES / "pdsa-b.json").read_text("utf-8")
    reply = json.loads(web.read_answers("journal", text))
    assert "error" in reply


# --- labels: the old view's, for screen readers and tests --------------------


def _labels(name: str) -> list[str]:
    """The accessible name of every control of the first entry, in page order."""
    form_part = sheet_html(catalogue.get(name).form).split("<template", 1)[0]
    found = re.findall(r"<label for=\"[^\"]+\">(.*?)</label>|<legend>(.*?)</legend>", form_part)
    return [_text(label or legend) for label, legend in found]


def test_labels_name_the_table_row_or_the_entry_they_belong_to():
    assert "Opening: What I saw" in _labels("observation_informal")
    assert "Tone of voice: How often" in _labels("observation_formal")
    assert "Describe what happened." in _labels("reflection")
    assert "1. Initial interest: What I plan to do and ask" in _labels("planner_skills_based")
    assert "Entry 1: Learner" in _labels("journal")
    assert "Cycle 1: Study: how the results compare with the prediction" in _labels("pdsa")
    assert "Cycle 1: Act: our decision" in _labels("pdsa")  # a radio group's legend
    journal = sheet_html(catalogue.get("journal").form)
    assert "Add an entry" in journal
    template = journal.split("<template", 1)[1]
    assert "Entry <span data-row-number></span>: Learner" in template


# --- the SMART goal handed to the GARS worksheet ---------------------------------


def _smart_state(values: dict[str, object]) -> str:
    sheet = catalogue.get("smart")
    state = to_state(sheet.form, sheet.blank())
    state["values"].update(values)
    return json.dumps(state)


def test_hand_over_adds_the_goal_as_the_expected_outcome_through_with_goal():
    sheet = catalogue.get("smart")
    answers = sheet.check(
        {
            "specific": {"who": "Ana", "what": "ask each family what matters most"},
            "measurable": {"how_much": "in 4 of 5 meetings"},
            "time": {"by_when": "2027-01-31"},
        }
    )
    first, said = sheet.hand_over(answers, None)
    assert first["goals"][0]["levels"]["0"] == GOAL
    assert "Added as goal 1 of your GARS worksheet" in said
    second, said = sheet.hand_over(answers, first)
    assert len(second["goals"]) == 2
    assert "Added as goal 2" in said
    assert second == gars_sheet.with_goal(first, GOAL)


def test_hand_over_needs_a_goal():
    sheet = catalogue.get("smart")
    with pytest.raises(ValueError, match="before sending it to GARS"):
        sheet.hand_over(sheet.blank(), None)
    assert not catalogue.get("journal").hands_to


gars_needed = pytest.mark.skipif(
    "gars" not in catalogue.NAMES, reason="the GARS worksheet is not in the catalogue yet"
)


def _record(state: dict, sheet_id: str = "d4d4d4d4d4d4d4d4") -> str:
    """A record as the page keeps it in localStorage (sheet.js)."""
    return json.dumps(
        {
            "format": web.RECORD_FORMAT,
            "version": 1,
            "worksheet": "gars",
            "sheet_id": sheet_id,
            "saved_at": "2026-12-01T10:00:00.000Z",
            "tab": "abc",
            **state,
        }
    )


@gars_needed
def test_handoff_with_nothing_kept_makes_a_gars_state_showing_the_goal():
    reply = json.loads(web.handoff("smart", _smart_state(SMART), ""))
    assert reply["target"] == "gars"
    assert "Added as goal 1" in reply["message"]
    state = reply["state"]
    assert state["rows"]["goals"] == 1
    assert state["values"]["goals.0.levels.0"] == GOAL
    assert state["sheet_id"] is None
    gars = json.loads(web.compute("gars", json.dumps(state)))
    assert gars["problem"] is None
    assert gars["messages"] == {}


@gars_needed
def test_handoff_keeps_every_other_gars_answer_as_typed_and_the_sheet_id():
    gars = catalogue.get("gars")
    state = to_state(gars.form, gars_sheet.with_goal(None, "Plan visits with the family"))
    state["values"]["goals.0.note"] = "first goal's note"
    state["values"]["rho"] = "not a number"  # kept as typed, though Python cannot read it
    reply = json.loads(web.handoff("smart", _smart_state(SMART), _record(state)))
    new = reply["state"]
    assert new["rows"]["goals"] == 2
    assert new["values"]["goals.0.note"] == "first goal's note"
    assert new["values"]["goals.0.levels.0"] == "Plan visits with the family"
    assert new["values"]["rho"] == "not a number"
    assert new["values"]["goals.1.levels.0"] == GOAL
    assert new["sheet_id"] == "d4d4d4d4d4d4d4d4"
    assert "Added as goal 2" in reply["message"]


@gars_needed
def test_handoff_fills_an_untouched_gars_goal_instead_of_adding_one():
    gars = catalogue.get("gars")
    reply = json.loads(
        web.handoff("smart", _smart_state(SMART), _record(to_state(gars.form, gars.blank())))
    )
    assert reply["state"]["rows"]["goals"] == 1
    assert "Added as goal 1" in reply["message"]


@gars_needed
def test_handoff_reads_a_record_of_the_old_site():
    old = (Path(__file__).resolve().parents[1] / "fixtures/exports/format-1-gars.json").read_text()
    reply = json.loads(web.handoff("smart", _smart_state(SMART), old))
    assert reply["state"]["rows"]["goals"] == 3
    assert reply["state"]["values"]["goals.0.title"] == "Ask about priorities"


@gars_needed
@pytest.mark.parametrize(
    ("smart", "kept", "says"),
    [
        ({}, "", "before sending it to GARS"),
        (SMART, '{"format": "something else"}', "Nothing was sent"),
        (SMART, "{not json", "Nothing was sent"),
        (SMART, json.dumps({"format": web.RECORD_FORMAT, "worksheet": "crs"}), "another"),
        (SMART, json.dumps({"format": web.RECORD_FORMAT, "values": []}), "Nothing was sent"),
    ],
)
def test_handoff_refuses_without_a_goal_or_with_a_damaged_gars_record(smart, kept, says):
    reply = json.loads(web.handoff("smart", _smart_state(smart), kept))
    assert set(reply) == {"error"}
    assert says in reply["error"]


@gars_needed
@settings(max_examples=60, deadline=None)
@given(
    kept=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=12,
    ).map(json.dumps)
    | st.fixed_dictionaries(
        {"format": st.just(web.RECORD_FORMAT)},
        optional={"values": st.dictionaries(st.text(max_size=20), st.text(max_size=8))},
    ).map(json.dumps)
)
def test_handoff_answers_any_kept_text_with_a_reply_never_an_exception(kept):
    reply = json.loads(web.handoff("smart", _smart_state(SMART), kept))
    assert set(reply) in ({"error"}, {"target", "state", "message"})


@gars_needed
def test_handoff_refuses_a_full_gars_sheet():
    full = {"rho": 0.3, "goals": [gars_sheet.empty_goal() for _ in range(gars_sheet.MAX_GOALS)]}
    for number, goal in enumerate(full["goals"]):
        goal["title"] = f"Goal {number}"
    state = to_state(catalogue.get("gars").form, full)
    reply = json.loads(web.handoff("smart", _smart_state(SMART), _record(state)))
    assert "already holds 50 goals" in reply["error"]


def test_handoff_from_a_sheet_that_hands_nothing_is_an_error():
    reply = json.loads(web.handoff("journal", "{}", ""))
    assert "nothing to hand" in reply["error"]


def test_a_sheet_built_for_another_day_reads_its_own_today():
    sheet = PracticeFormSheet("smart", "smart", today=lambda: dt.date(2027, 2, 1))
    answers = sheet.check({"time": {"by_when": "2027-01-31"}})
    assert "is not in the future" in sheet.results_html(answers)
    assert form_sheet.blank(sheet.spec) == sheet.blank()
