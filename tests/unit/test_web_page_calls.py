"""The page calls: what ``docs/_static/python-worker.mjs`` may ask of Python.

The worker passes strings only and reads JSON text back; it refuses any name
outside ``web.PAGE_CALLS``. So every name there must be a function of
``toolkit_widgets.web`` whose parameters all take text, and none may raise on
text a page could send.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys

import pytest

from toolkit_widgets import web

GARBAGE = ["", "{", "null", "[]", '{"a": 1}', "\ud800", "x" * 10_000]


@pytest.mark.parametrize("name", web.PAGE_CALLS)
def test_every_page_call_is_a_function_of_text(name: str) -> None:
    function = getattr(web, name)
    assert inspect.isfunction(function)
    assert name in web.__all__
    parameters = inspect.signature(function).parameters.values()
    assert all(p.kind is p.POSITIONAL_OR_KEYWORD for p in parameters)
    assert all("str" in str(p.annotation) for p in parameters)


@pytest.mark.parametrize("name", web.PAGE_CALLS)
@pytest.mark.parametrize("text", GARBAGE)
def test_a_page_call_answers_json_for_any_text(name: str, text: str) -> None:
    function = getattr(web, name)
    required = [p for p in inspect.signature(function).parameters.values() if p.default is p.empty]
    # the first argument of most calls is a worksheet's name: try a real one too
    for first in ("gars", text):
        args = [first, *[text] * (len(required) - 1)] if required else []
        reply = json.loads(function(*args))
        assert isinstance(reply, dict)
        assert reply


def test_nothing_private_is_a_page_call() -> None:
    assert not [name for name in web.PAGE_CALLS if name.startswith("_")]
    assert len(set(web.PAGE_CALLS)) == len(web.PAGE_CALLS)


def test_a_page_imports_only_the_worksheet_it_asks_for():
    """``import toolkit_widgets.web`` loads no worksheet; a call loads just its own.

    Every page's Python start imports ``web``: importing all 29 worksheets and
    their data there cost a third of that import (catalogue.py).
    """
    probe = (
        "import json, sys\n"
        "from toolkit_widgets import web\n"
        "def sheets():\n"
        "    return sorted(m for m in sys.modules if m.startswith('toolkit_widgets.sheets.'))\n"
        "before = sheets()\n"
        "web.compute('gars', json.dumps({'values': {}}))\n"
        "print(json.dumps([before, sheets()]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    before, after = json.loads(result.stdout)
    assert before == []
    assert after == ["toolkit_widgets.sheets.base", "toolkit_widgets.sheets.gars"]
