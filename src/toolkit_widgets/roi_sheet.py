"""Answers to the ROI calculator as plain data: their shape, checks and CSV rows.

Answers look like ``{"benefits": amount or None, "costs": amount or None}``,
an amount being a finite number of money. None means "not entered yet":
a blank sheet holds no figures, so an empty field is never taken for 0.
Files saved by the earlier site carry 0.0 for a field left alone; they still
read, and show 0. The range an amount must lie in (``roi.MINIMUM`` to
``roi.MAXIMUM``) is the form's, checked where it is typed (beside the field);
a file chosen for import is held to the same check when it is read
(``web.checked_as_typed``), so a figure out of range is refused there with
the form's own message; a record the browser kept for the learner is brought
in as typed and marked beside its field (``web.read_answers``, ``"kept"``).
This module knows nothing of widgets or pages.
"""

from __future__ import annotations

import math
from typing import Any

from toolkit_widgets.checks import is_number
from toolkit_widgets.errors import ToolkitInputError

__all__ = ["AMOUNTS", "INSTRUMENT", "VERSION", "blank", "check_answers", "csv_rows"]

#: what export files and the earlier site's browser record are called
INSTRUMENT = "roi"
#: the answers' version (export files carry it)
VERSION = 1

#: each amount's key in the answers -> its label (an accessible name since 2026-11)
AMOUNTS: dict[str, str] = {
    "benefits": "Benefits, in money (for example, saved overtime or turnover costs)",
    "costs": "Costs of the coaching (coach time, training, materials)",
}


def blank() -> dict[str, Any]:
    """A sheet with nothing entered."""
    return dict.fromkeys(AMOUNTS)


def check_answers(answers: object) -> dict[str, Any]:
    """A clean copy: each amount a finite number (as a float) or None; other keys dropped."""
    if not isinstance(answers, dict):
        raise ToolkitInputError("the answers must hold benefits and costs.")
    clean: dict[str, Any] = {}
    for key in AMOUNTS:
        value = answers.get(key)
        if value is None:
            clean[key] = None
            continue
        if not is_number(value):
            raise ToolkitInputError(f"{key} must be a number; got {value!r}.")
        try:
            amount = float(value)
        except OverflowError:  # a whole number with hundreds of digits
            amount = math.inf
        if not math.isfinite(amount):
            raise ToolkitInputError(f"{key} must be a finite number; got {str(value)[:40]}.")
        clean[key] = amount
    return clean


def csv_rows(answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
    """One row: the two amounts (an amount not entered is an empty cell)."""
    return list(AMOUNTS), [[answers[key] for key in AMOUNTS]]
