"""Practice forms: every data file reads, answers are checked strictly, and the
reviews say what hand-worked examples say they should."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit_widgets import form_sheet, gars_sheet, tables
from toolkit_widgets.errors import InstrumentDataError, ToolkitInputError
from toolkit_widgets.exports import read_json, to_json
from toolkit_widgets.form_reviews import REVIEWS, review
from toolkit_widgets.form_spec import form_from, form_ids, load_form

PLANNERS = [f"session_planner:{m}" for m in ("skills_based", "clear", "flow", "regrow")]
FORMS = [name for name in form_ids() if name != "session_planner"] + PLANNERS
TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize("name", FORMS)
def test_every_form_reads_with_unique_labels_and_a_known_review(name):
    form = load_form(name)
    assert form.review in ("", *REVIEWS)
    fields = [f for s in form.sections for f in s.fields]
    assert fields, name
    # repeated and single-field sections name their section in the label on screen
    labels = [(s.title, f.label) for s in form.sections for f in s.fields]
    assert len(set(labels)) == len(labels), name


def test_forms_read_their_rows_from_the_books_tables():
    agreement = load_form("agreement")
    topics = [s for s in agreement.sections if s.id.startswith("topic-")]
    assert len(topics) == 10  # Table 6.4's ten topics
    ethics = [s for s in agreement.sections if s.id.startswith("ethics")]
    assert [len(s.fields) for s in ethics] == [5, 3, 4]  # coach, learner, agency
    plan = load_form("implementation_plan")
    # Table 7.1: 38 questions in seven steps (4, 6, 3, 12, 5, 4, 4), one box each
    assert [len(s.fields) for s in plan.sections[1:]] == [4, 6, 3, 12, 5, 4, 4]
    regrow = load_form("session_planner:regrow")
    assert [s.title for s in regrow.sections[1:3]] == ["Review", "Evaluate"]
    assert {f.id for f in regrow.section("close").fields} >= {"position", "commitment"}
    assert load_form("session_planner:skills_based").id == "session_planner_skills_based"


def _form(**changes):
    data = {
        "id": "demo",
        "version": 1,
        "title": "Demo",
        "source": "ours",
        "sections": [
            {
                "id": "s",
                "title": "S",
                "fields": [{"id": "f", "label": "F", "kind": "text"}],
            }
        ],
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("sections", "key"),
    [
        (
            [{"id": "s", "title": "S", "fields": [{"id": "f", "label": "F", "kind": "essay"}]}],
            "kind",
        ),
        (
            [{"id": "s", "title": "S", "fields": [{"id": "f", "label": "F", "kind": "number"}]}],
            "sections[0].fields[0]",
        ),
        (
            [
                {
                    "id": "s",
                    "title": "S",
                    "fields": [{"id": "f", "label": "F", "kind": "choice", "choices": "nope"}],
                }
            ],
            "choices",
        ),
        (
            [
                {"id": "s", "title": "S", "fields": [{"id": "f", "label": "F", "kind": "text"}]},
                {"id": "s", "title": "T", "fields": [{"id": "g", "label": "G", "kind": "text"}]},
            ],
            "sections",
        ),
    ],
)
def test_a_broken_form_file_names_file_and_key(sections, key):
    with pytest.raises(InstrumentDataError) as caught:
        form_from(_form(sections=sections), "demo.json")
    assert caught.value.source == "demo.json"
    assert key in caught.value.key


def test_a_variant_must_exist():
    with pytest.raises(InstrumentDataError, match="no variant 'zen'"):
        load_form("session_planner:zen")
    with pytest.raises(InstrumentDataError, match="no form"):
        load_form("no_such_form")


@pytest.mark.parametrize("name", FORMS)
def test_blank_answers_pass_their_own_check_and_survive_export(name):
    form = load_form(name)
    blank = form_sheet.blank(form)
    assert form_sheet.check_answers(form, blank) == blank
    text = to_json(form.id, form.version, blank, "2026-11-25T10:00:00Z")
    assert (
        read_json(text, form.id, form.version, lambda a: form_sheet.check_answers(form, a)) == blank
    )


def _value_strategy(field):
    if field.kind == "check":
        return st.booleans()
    if field.kind == "choice":
        return st.sampled_from([None, *(c.id for c in field.choices)])
    if field.kind == "number":
        return st.one_of(st.none(), st.integers(field.minimum, field.maximum))
    if field.kind == "date":
        return st.one_of(st.just(""), st.dates().map(dt.date.isoformat))
    return st.text(max_size=40)


def answers_for(form):
    sections = {}
    for section in form.sections:
        entry = st.fixed_dictionaries({f.id: _value_strategy(f) for f in section.fields})
        sections[section.id] = st.lists(entry, min_size=1, max_size=3) if section.repeat else entry
    return st.fixed_dictionaries(sections)


@pytest.mark.parametrize("name", ["smart", "pdsa", "journal", "session_planner:regrow"])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_any_well_formed_answers_are_kept_exactly_and_reviewed_without_error(name, data):
    form = load_form(name)
    answers = data.draw(answers_for(form))
    assert form_sheet.check_answers(form, answers) == answers
    header, rows = form_sheet.csv_rows(form, answers)
    per_entry = sum(len(s.fields) * (len(answers[s.id]) if s.repeat else 1) for s in form.sections)
    assert len(rows) == per_entry
    assert header[-1] == "answer"
    findings = review(form, answers, TODAY)
    assert findings[-1].heading.startswith("Filled in:")


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ("not an object", "object keyed by section"),
        ({"nope": {}}, "no section 'nope'"),
        ({"specific": {"colour": "red"}}, "no field 'colour'"),
        ({"specific": {"who": 3}}, "must be text"),
        ({"time": {"by_when": "25/11/2026"}}, "YYYY-MM-DD"),
        ({"time": {"by_when": "2026-02-30"}}, "YYYY-MM-DD"),
        ({"achievable": {"reach": "yes"}}, "true or false"),
        ({"goal": {"statement": "x" * 5001}}, "longer than 5000"),
    ],
)
def test_bad_answers_are_refused_with_a_message_naming_the_place(answers, message):
    with pytest.raises(ToolkitInputError, match=message):
        form_sheet.check_answers(load_form("smart"), answers)


def test_choices_numbers_and_repeats_are_checked():
    pdsa = load_form("pdsa")
    cycle = form_sheet.blank_entry(pdsa.section("cycle"))
    with pytest.raises(ToolkitInputError, match="must be one of adopt, adapt, abandon"):
        form_sheet.check_answers(pdsa, {"cycle": [{**cycle, "decision": "maybe"}]})
    with pytest.raises(ToolkitInputError, match="1 to 50 cycle entries"):
        form_sheet.check_answers(pdsa, {"cycle": [cycle] * 51})
    with pytest.raises(ToolkitInputError, match="1 to 50 cycle entries"):
        form_sheet.check_answers(pdsa, {"cycle": []})
    regrow = load_form("session_planner:regrow")
    close = form_sheet.blank(regrow)["close"]
    for bad in (0, 11, 5.5, True, "7"):
        with pytest.raises(ToolkitInputError, match="whole number from 1 to 10"):
            form_sheet.check_answers(regrow, {"close": {**close, "position": bad}})


def test_an_older_file_without_a_new_section_or_field_still_opens():
    form = load_form("smart")
    older = {"specific": {"who": "Ana"}}
    clean = form_sheet.check_answers(form, older)
    assert clean["specific"]["who"] == "Ana"
    assert clean["specific"]["what"] == ""
    assert clean["achievable"]["reach"] is False


def test_progress_counts_boxes_but_not_ticks():
    form = load_form("smart")
    answers = form_sheet.blank(form)
    answers["specific"]["who"] = "Ana"
    answers["specific"]["what"] = "   "  # spaces are not an answer
    answers["achievable"]["reach"] = True
    counts = {s.id: (done, of) for s, done, of in form_sheet.completeness(form, answers)}
    assert counts["specific"] == (1, 5)
    assert "achievable" not in counts  # only ticks: nothing to fill
    assert review(form, answers, TODAY)[-1].heading == "Filled in: 1 of 10 boxes"


# --- the SMART builder -----------------------------------------------------------


def smart_answers(**parts):
    form = load_form("smart")
    answers = form_sheet.blank(form)
    for section, values in parts.items():
        answers[section].update(values)
    return form, answers


def test_a_complete_goal_meets_all_five_elements():
    form, answers = smart_answers(
        specific={
            "who": "Ana",
            "what": "open each family meeting by asking about the family's priorities",
            "where": "in family team meetings",
            "why": "families lead their plans",
        },
        measurable={
            "how_much": "in 4 of the next 5 meetings",
            "how_know": "the coach observes two",
        },
        achievable=dict.fromkeys(("reach", "own_control", "visible", "not_easy", "not_hard"), True),
        relevant=dict.fromkeys(("worthwhile", "right_time", "fits", "right_person"), True),
        time={"by_when": "2027-01-31"},
    )
    findings = review(form, answers, TODAY)
    assert [f.heading for f in findings[:5]] == [
        "S Specific: met",
        "M Measurable: met",
        "A Achievable: met",
        "R Result focused: met",
        "T Time limited: met",
    ]
    assert findings[5].heading == "The goal (5 of 5 elements met)"
    assert findings[5].lines == (
        "By 2027-01-31, Ana will open each family meeting by asking about the family's "
        "priorities in family team meetings (in 4 of the next 5 meetings).",
    )


def test_the_builder_says_what_is_missing():
    form, answers = smart_answers(
        specific={"who": "Ana", "what": "get better at engagement"},
        measurable={"how_much": "a lot", "how_know": "we will see"},
        achievable={"reach": True},
        time={"by_when": "2026-11-01"},
    )
    s, m, a, r, t = review(form, answers, TODAY)[:5]
    assert s.tone == "todo"
    assert any("'better'" in line for line in s.lines)
    assert m.lines == ("The measure has no number in it. Put a number on it.",)
    assert len(a.lines) == 4
    assert all(line.startswith("Not yet: ") for line in a.lines)
    assert len(r.lines) == 4
    assert t.lines == ("The target date 2026-11-01 is not in the future.",)
    assert t.tone == "todo"


def test_a_far_target_is_met_with_a_nudge():
    form, answers = smart_answers(time={"by_when": "2027-09-01"})
    t = review(form, answers, TODAY)[4]
    assert t.heading == "T Time limited: met"
    assert "six weeks" in t.lines[0]


def test_a_smart_goal_becomes_the_expected_level_of_a_new_gars_goal():
    first = gars_sheet.with_goal(None, "Ana will ask about priorities in 4 of 5 meetings.")
    assert len(first["goals"]) == 1
    assert first["goals"][0]["levels"]["0"] == "Ana will ask about priorities in 4 of 5 meetings."
    assert first["goals"][0]["baseline"] is None
    second = gars_sheet.with_goal(first, "x" * 120)
    assert len(second["goals"]) == 2
    assert second["goals"][1]["title"].endswith("...")
    assert len(second["goals"][1]["title"]) == 80
    assert gars_sheet.check_answers(second) == second
    # an untouched blank goal is filled, not kept beside the new one
    blank = {"rho": 0.3, "goals": [gars_sheet.empty_goal()]}
    assert len(gars_sheet.with_goal(blank, "A goal")["goals"]) == 1
    full = {"rho": 0.3, "goals": [{**gars_sheet.empty_goal(), "title": f"g{i}"} for i in range(50)]}
    with pytest.raises(ToolkitInputError, match="already holds 50"):
        gars_sheet.with_goal(full, "One more")


# --- the other reviews -------------------------------------------------------------


def test_observation_sorts_skills_into_value_and_concerns():
    form = load_form("observation_formal")
    answers = form_sheet.blank(form)
    answers["skill-1"]["frequency"] = "almost_always"
    answers["skill-2"]["frequency"] = "occasionally"
    answers["skill-4"]["frequency"] = "often"
    high, low = review(form, answers, TODAY)[:2]
    assert high.lines == (
        "Showed genuineness, empathy and respect (almost always)",
        "Body language (often)",
    )
    assert low.lines == ("Asked questions about priorities (occasionally)",)


def test_the_ladder_reminds_to_value_before_concerns():
    form = load_form("feedback_plan")
    answers = form_sheet.blank(form)
    answers["step-3"]["say"] = "I wondered about the timing."
    plan, reminder = review(form, answers, TODAY)[:2]
    assert plan.lines == ("Concerns: I wondered about the timing.",)
    assert reminder.heading == "Value comes before concerns"
    answers["step-2"]["say"] = "Your opening was warm."
    assert all(f.heading != "Value comes before concerns" for f in review(form, answers, TODAY))


def test_self_care_counts_and_lists_what_to_add():
    form = load_form("self_care")
    answers = form_sheet.blank(form)
    answers["list-1"]["f1"] = "doing"
    answers["list-1"]["f2"] = "add"
    answers["list-3"]["f29"] = "add"
    counts, wanted = review(form, answers, TODAY)[:2]
    assert counts.lines == ("I do this now: 1", "I want to add this: 2", "Not for me now: 0")
    assert wanted.lines == ("Takes part in social activities", "Has a mentor")


def test_pdsa_flags_a_cycle_studied_without_a_prediction():
    form = load_form("pdsa")
    cycle = form_sheet.blank_entry(form.section("cycle"))
    first = {**cycle, "objective": "Shorter waits", "did": "Tried it", "compared": "Waits fell"}
    second = {**first, "prediction": "Waits fall by a third", "decision": "adapt"}
    one, two = review(form, {"cycle": [first, second]}, TODAY)[:2]
    assert one.tone == "todo"
    assert "write what you predicted" in one.lines[1]
    assert two.tone == "info"
    assert two.lines == (
        "Phases written: Plan, Do, Study, Act.",
        "Decision: Adapt: change it and test again",
    )


def test_logic_model_reads_back_as_if_then_and_shows_the_break():
    form = load_form("logic_model")
    answers = form_sheet.blank(form)
    answers["chain"].update(
        resources="Two coaches\n- Supervisor time",
        activities="Monthly coaching sessions",
        outputs="",
        short_term="Safety plans written with families",
    )
    chain, broken = review(form, answers, TODAY)[:2]
    assert chain.lines == (
        "IF we have Two coaches; Supervisor time, THEN we can carry out Monthly coaching sessions.",
    )
    assert broken.lines == ("Outputs is empty.", "Long-term outcomes is empty.")


def test_journal_lists_entries_by_learner_newest_first():
    form = load_form("journal")
    blank = form_sheet.blank_entry(form.sections[0])
    entries = [
        {**blank, "f1": "B.K.", "f2": "2026-10-01", "f3": "Engagement"},
        {**blank, "f1": "A.M.", "f2": "2026-09-12"},
        {**blank, "f1": "B.K.", "f2": "2026-11-20", "f3": "Safety plan"},
        blank,  # an empty entry is not listed
    ]
    first, second = review(form, {"entry": entries}, TODAY)[:2]
    assert first.heading == "A.M.: 1 entry"
    assert first.lines == ("2026-09-12",)
    assert second.heading == "B.K.: 2 entries"
    assert second.lines == ("2026-11-20: Safety plan", "2026-10-01: Engagement")


def test_the_ethics_table_and_the_agreement_share_one_set_of_questions():
    questions = [row["question"] for row in tables.load("ethics-questions")["rows"]]
    form = load_form("agreement")
    asked = [f.label for s in form.sections if s.id.startswith("ethics") for f in s.fields]
    assert asked == questions
