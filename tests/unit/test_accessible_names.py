"""Accessible names are a contract: every name the earlier worksheets gave still names something.

``tests/fixtures/accessible-names.json`` holds every label and button name the
ipywidgets worksheets had (collected from them before they were retired). Each
must still name a control, group or button of the worksheet written into the
page. Deliberate changes: an item's number ("3.") is shown but no longer
part of its name, so that the name is the item's own text; and two skills of
the formal observation record (Table 4.2) were renamed in December 2026
because their wording had narrowed the book's ("Asked about the family's
priorities" is now "Asked questions about priorities"; "Used words suited to
the child's age and easy for the family to follow" is now "Used language
suited to the listener's age and friendly to the family").
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from toolkit_widgets import catalogue, web
from toolkit_widgets.render.form_html import sheet_html
from toolkit_widgets.render.form_state import to_state

NAMES = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "accessible-names.json").read_text("utf-8")
)
_NUMBER = re.compile(r"^\d+\. ")


def names_in(markup: str) -> set[str]:
    """Names of labels, legends, buttons and links in ``markup``, numbers left out."""
    markup = re.sub(r"<template.*?</template>", "", markup, flags=re.S)
    markup = re.sub(r'<span class="tk-num" aria-hidden="true">.*?</span>\s*', "", markup)
    found = re.findall(r"<(label|legend|button|a)\b[^>]*>(.*?)</\1>", markup, re.S)
    texts = {html.unescape(re.sub(r"<[^>]+>", "", text)).strip() for _, text in found}
    return texts | {_NUMBER.sub("", text) for text in texts}


def page_markup(name: str) -> str:
    """The worksheet as the page holds it, plus the results a first answer brings."""
    if name in catalogue.TOOLS:
        return catalogue.TOOLS[name]("Group results")
    sheet = catalogue.get(name)
    state = to_state(sheet.form, sheet.blank())
    results = json.loads(web.compute(name, json.dumps(state)))["results"]
    return sheet_html(sheet.form) + results


def test_every_earlier_worksheet_is_still_there():
    assert set(NAMES) == set(catalogue.NAMES) | set(catalogue.TOOLS)


@pytest.mark.parametrize("name", sorted(NAMES))
def test_every_earlier_name_still_names_something(name):
    markup = page_markup(name)
    if name == "smart":  # its hand-off button shows once a goal is written
        markup += json.loads(
            web.compute(
                "smart",
                json.dumps({"values": {"specific.what": "ask each family what matters"}}),
            )
        )["results"]
    new = names_in(markup)
    assert [old for old in NAMES[name] if _NUMBER.sub("", old) not in new] == []


def test_the_check_finds_a_renamed_button():
    markup = page_markup("gars").replace(">Add a goal<", ">Add goal<")
    assert "Add a goal" not in names_in(markup)
