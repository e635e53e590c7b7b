"""The GARS worksheet's answers as plain data: their shape, checks and CSV rows.

Answers look like::

    {"rho": 0.3,
     "goals": [{"title": "...", "levels": {"-2": "...", ..., "2": "..."},
                "weight": 1.0, "note": "...", "baseline": -1, "follow_up": 1}]}

This module knows nothing of widgets, so export, import and (later) a
trainer's cohort view share one definition of a GARS answers file.
"""

from __future__ import annotations

import math
from typing import Any

from toolkit_widgets import gars
from toolkit_widgets.checks import is_number
from toolkit_widgets.constants import DEFAULT_RHO
from toolkit_widgets.errors import ToolkitInputError

__all__ = ["INSTRUMENT", "VERSION", "check_answers", "csv_rows", "empty_goal", "with_goal"]

INSTRUMENT = "gars"
#: version of the answers' shape; raise it when the shape changes
VERSION = 1
LEVEL_KEYS = ("2", "1", "0", "-1", "-2")
MAX_GOALS = 50
MAX_TEXT = 5000
RATING_KEYS = ("baseline", "follow_up")


def empty_goal() -> dict[str, Any]:
    return {
        "title": "",
        "levels": dict.fromkeys(LEVEL_KEYS, ""),
        "weight": 1.0,
        "note": "",
        "baseline": None,
        "follow_up": None,
    }


def with_goal(answers: dict[str, Any] | None, expected: str) -> dict[str, Any]:
    """GARS answers with one more goal whose expected outcome (level 0) is ``expected``.

    The SMART goal builder hands its goal over this way. An untouched first
    goal (no title, no level text) is filled instead of adding a second one.
    Raises if the sheet already holds the most goals it can.
    """
    current = answers if answers is not None else {"rho": DEFAULT_RHO, "goals": []}
    goals = [dict(goal) for goal in current["goals"]]
    if goals and not goals[-1]["title"].strip() and not any(goals[-1]["levels"].values()):
        goals.pop()
    if len(goals) >= MAX_GOALS:
        raise ToolkitInputError(f"The GARS worksheet already holds {MAX_GOALS} goals.")
    goal = empty_goal()
    text = expected.strip()[:MAX_TEXT]
    goal["title"] = text if len(text) <= 80 else text[:77].rstrip() + "..."
    goal["levels"]["0"] = text
    return check_answers({**current, "goals": [*goals, goal]})


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ToolkitInputError(f"{where} must be text; got {value!r}.")
    if len(value) > MAX_TEXT:
        raise ToolkitInputError(f"{where} is longer than {MAX_TEXT} characters.")
    return value


def check_answers(answers: object) -> dict[str, Any]:
    """Return a clean copy of GARS answers, or raise naming the first problem."""
    if not isinstance(answers, dict):
        raise ToolkitInputError("the answers must be an object with goals.")
    rho = answers.get("rho", 0.3)
    gars.check_rho(rho)
    goals = answers.get("goals")
    if not isinstance(goals, list) or not 1 <= len(goals) <= MAX_GOALS:
        raise ToolkitInputError(f'"goals" must list 1 to {MAX_GOALS} goals.')
    clean = []
    for number, goal in enumerate(goals, start=1):
        where = f"goal {number}"
        if not isinstance(goal, dict):
            raise ToolkitInputError(f"{where} must be an object; got {goal!r}.")
        levels = goal.get("levels", {})
        if not isinstance(levels, dict) or set(levels) - set(LEVEL_KEYS):
            raise ToolkitInputError(f"{where}: levels must be keyed -2 to 2.")
        weight = goal.get("weight", 1.0)
        if not is_number(weight) or not math.isfinite(weight):
            raise ToolkitInputError(f"{where}: the weight must be a number; got {weight!r}.")
        entry = {
            "title": _text(goal.get("title", ""), f"{where} title"),
            "levels": {k: _text(levels.get(k, ""), f"{where} level {k}") for k in LEVEL_KEYS},
            "weight": float(weight),
            "note": _text(goal.get("note", ""), f"{where} note"),
        }
        for key in RATING_KEYS:
            value = goal.get(key)
            entry[key] = None if value is None else gars.check_level(value, number)
        clean.append(entry)
    return {"rho": float(rho), "goals": clean}


def csv_rows(answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
    """One row per goal, for a spreadsheet: the texts, weight and both ratings."""
    header = [
        "goal",
        "title",
        *(f"level {k}" for k in LEVEL_KEYS),
        "weight",
        "baseline",
        "follow_up",
        "note",
    ]
    rows = [
        [
            number,
            goal["title"],
            *(goal["levels"][k] for k in LEVEL_KEYS),
            goal["weight"],
            goal["baseline"],
            goal["follow_up"],
            goal["note"],
        ]
        for number, goal in enumerate(answers["goals"], start=1)
    ]
    return header, rows
