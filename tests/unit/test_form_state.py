"""Form state <-> answers, for every worksheet in the catalogue, and the HTML it is drawn as."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit_widgets import catalogue, web
from toolkit_widgets.render.form_html import sheet_html
from toolkit_widgets.render.form_model import (
    Field,
    Form,
    Option,
    Prose,
    Repeat,
    name_of,
    row_fields,
)
from toolkit_widgets.render.form_state import read_state, to_state

NAMES = catalogue.NAMES


@pytest.mark.parametrize("name", NAMES)
def test_a_blank_sheet_reads_back_as_its_blank_answers(name):
    sheet = catalogue.get(name)
    blank = sheet.blank()
    read = read_state(sheet.form, blank, to_state(sheet.form, blank))
    assert read.messages == {}
    assert sheet.check(read.answers) == sheet.check(blank)


@pytest.mark.parametrize("name", NAMES)
def test_every_control_has_a_label_and_a_unique_id(name):
    html = sheet_html(catalogue.get(name).form)
    form_part = html.split("<template", 1)[0]
    ids = re.findall(r' id="([^"]+)"', form_part)
    assert len(ids) == len(set(ids))
    for control_id in re.findall(r'<(?:input|select|textarea)[^>]* id="([^"]+)"', form_part):
        inside_fieldset_radio = re.search(rf'type="radio" id="{re.escape(control_id)}"', form_part)
        assert f'for="{control_id}"' in form_part or inside_fieldset_radio, control_id


def _form() -> Form:
    return Form(
        "demo",
        "Demo",
        (
            Field(("rating",), "Rating", "radio", (Option(1, "One"), Option(2, "Two"))),
            Field(("yes",), "Yes?", "select", (Option(True, "Yes"), Option(False, "No"))),
            Field(("weight",), "Weight", "number", minimum=0, maximum=10),
            Field(("count",), "Count", "number", minimum=1, maximum=5, step=1),
            Field(("note",), "Note", "textarea", max_length=10),
            Field(("when",), "When", "date"),
            Field(("marked",), "Item a", "flag", flag_value="a"),
            Field(("marked",), "Item b", "flag", flag_value="b"),
            Repeat(
                ("goals",),
                "goal",
                (Field(("title",), "Goal", "text"),),
                {"title": ""},
                minimum=1,
                maximum=3,
            ),
        ),
    )


BLANK = {
    "rating": None,
    "yes": None,
    "weight": 1.0,
    "count": None,
    "note": "",
    "when": "",
    "marked": [],
    "goals": [{"title": ""}],
}


def _read(values, rows=None):
    return read_state(_form(), BLANK, {"values": values, "rows": rows or {}})


def test_good_values_become_typed_answers():
    read = _read(
        {
            "rating": "2",
            "yes": "false",
            "weight": "2.5",
            "count": "3",
            "note": "café",
            "when": "2026-03-31",
            "marked.b": True,
            "marked.a": True,
            "goals.0.title": "one",
            "goals.1.title": "two",
        },
        {"goals": 2},
    )
    assert read.messages == {}
    assert read.answers == {
        "rating": 2,
        "yes": False,
        "weight": 2.5,
        "count": 3,
        "note": "café",
        "when": "2026-03-31",
        "marked": ["a", "b"],
        "goals": [{"title": "one"}, {"title": "two"}],
    }


@pytest.mark.parametrize(
    ("name", "typed", "says"),
    [
        ("weight", "11", "from 0 to 10"),
        ("weight", "nan", "not a usable number"),
        ("weight", "1e400", "not a usable number"),
        ("weight", "abc", "not a number"),
        ("count", "2.5", "whole number from 1 to 5"),
        ("rating", "3", "not one of the choices"),
        ("rating", "true", "not one of the choices"),  # true is not 1
        ("yes", "1", "not one of the choices"),
        ("when", "31/03/2026", "YYYY-MM-DD"),
        ("note", "x" * 11, "the most kept is 10"),
    ],
)
def test_a_bad_value_is_a_message_beside_its_field_and_the_rest_still_reads(name, typed, says):
    read = _read({name: typed, "rating": "1"} if name != "rating" else {name: typed})
    assert says in read.messages[name]
    assert set(read.messages) == {name}
    if name != "note":
        assert read.answers[name] == BLANK[name]


def test_rows_outside_the_limits_are_said_and_clamped():
    read = _read({}, {"goals": 9})
    assert "1 to 3" in read.messages["goals"]
    assert len(read.answers["goals"]) == 3


def test_answers_round_trip_through_the_form_state():
    answers = {**BLANK, "rating": 1, "yes": True, "weight": 0.5, "marked": ["b"]}
    answers["goals"] = [{"title": "a"}, {"title": "b"}]
    assert (
        _read(**{"values": to_state(_form(), answers)["values"]}, rows={"goals": 2}).answers
        == answers
    )


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60, deadline=None)
@given(
    junk=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_compute_answers_any_json_with_a_reply_never_an_exception(name, junk):
    reply = json.loads(web.compute(name, json.dumps(junk)))
    assert set(reply) == {"messages", "problem", "results", "summary", "export"}


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=40, deadline=None)
@given(
    values=st.dictionaries(st.text(max_size=40), st.text(max_size=20) | st.booleans(), max_size=30)
)
def test_compute_reads_any_values_with_messages_not_exceptions(name, values):
    sheet = catalogue.get(name)
    names = [f.name for f in sheet.form.fields()]
    values = {**values, **{n: "x" for n in names[:3]}}
    reply = json.loads(web.compute(name, json.dumps({"values": values, "rows": {}})))
    assert reply["problem"] is None or isinstance(reply["problem"], str)


def test_deep_or_broken_files_are_refused_with_a_message():
    for text in ("[" * 5000, "{", '"\\ud800"', "[]", "x" * 2_000_000):
        reply = json.loads(web.read_answers("crs", text))
        assert reply["error"], text


@pytest.mark.parametrize("name", NAMES)
def test_an_export_reads_back_to_the_same_form_state(name):
    sheet = catalogue.get(name)
    state = to_state(sheet.form, sheet.blank())
    # the first choice on the form, outside or inside the first entry of a repeated part
    choices = [(f.name, f) for f in sheet.form.fields() if f.options] + [
        (name_of((*r.path, "0", *f.path)), f)
        for r in sheet.form.repeats()
        for f in row_fields(r)
        if f.options
    ]
    if choices:
        first_name, first = choices[0]
        state["values"][first_name] = json.dumps(first.options[-1].value)
    elif ticks := [f.name for f in sheet.form.fields() if f.kind in ("check", "flag")]:
        state["values"][ticks[0]] = True  # a form of tick boxes (the culture stage)
    elif numbers := [f.name for f in sheet.form.fields() if f.kind == "number"]:
        state["values"][numbers[0]] = "12"  # a form of amounts (the ROI calculator)
    else:  # a form of text boxes only (the logic model, the journal): write in the first
        boxes = [f.name for f in sheet.form.fields() if f.kind in ("text", "textarea")] + [
            name_of((*r.path, "0", *f.path))
            for r in sheet.form.repeats()
            for f in row_fields(r)
            if f.kind in ("text", "textarea")
        ]
        state["values"][boxes[0]] = "written"
    state.update(sheet_id="abcd1234", saved_at="2026-12-02T10:00:00.000Z")
    reply = json.loads(web.compute(name, json.dumps(state)))
    assert reply["export"], reply["messages"]
    back = json.loads(web.read_answers(name, reply["export"]["json"]))["state"]
    assert back["values"] == state["values"]
    assert back["sheet_id"] == "abcd1234"


def test_a_row_number_in_a_label_is_the_entry_number_and_blank_in_the_template():
    """'Session {n} date' names each entry's control on its own ('Session 2 date')."""
    form = Form(
        "demo",
        "Demo",
        (
            Field(("n",), "Top {n} stays as written", "text"),
            Repeat(
                ("sessions",),
                "session",
                (Field(("date",), "Session {n} date", "date"),),
                {"date": None},
                start=2,
                remove_label="Remove session {n}",
            ),
        ),
    )
    html = sheet_html(form)
    rows, template = html.split("<template", 1)
    assert "Top {n} stays as written" in rows
    assert "<span>Session <span data-row-number>1</span> date</span>" in rows
    assert "Session <span data-row-number>2</span> date" in rows
    assert "Remove session <span data-row-number>2</span>" in rows
    assert "Session <span data-row-number></span> date" in template.split("</template>")[0]
    assert "{n}" not in html.replace("Top {n}", "")


def test_a_number_box_is_a_text_box_and_its_limits_read_with_thousands_grouped():
    """The page must see "1e400" as typed (type="number" would hand it an empty value)."""
    form = Form(
        "demo",
        "Demo",
        (
            Field(("amount",), "Amount", "number", minimum=0, maximum=1_000_000),
            Field(("change",), "Change", "number", minimum=-5, maximum=5),
        ),
    )
    html = sheet_html(form)
    assert 'type="number"' not in html
    amount = re.search(r'<input type="text" id="tk-demo-amount"[^>]*>', html)
    change = re.search(r'<input type="text" id="tk-demo-change"[^>]*>', html)
    assert amount
    assert 'inputmode="decimal"' in amount.group()
    assert change
    assert "inputmode" not in change.group()  # the decimal keypad has no minus sign
    read = read_state(
        form, {"amount": None, "change": None}, {"values": {"amount": "1e400"}, "rows": {}}
    )
    assert read.messages == {
        "amount": "That is not a usable number. Use a number from 0 to 1,000,000."
    }
    assert read.answers["amount"] is None


def test_prose_items_are_a_list_under_the_text_and_escaped():
    """A form's prompts ('Questions to consider') print with a blank form."""
    form = Form("demo", "Demo", (Prose("Questions to consider", items=("Who <b>?", "Where?")),))
    html = sheet_html(form)
    assert (
        '<p class="tk-prose">Questions to consider</p>'
        '<ul class="tk-prose-list"><li>Who &lt;b&gt;?</li><li>Where?</li></ul>'
    ) in html
    assert '<ul class="tk-prose-list">' not in sheet_html(Form("demo", "Demo", (Prose("Hi"),)))
