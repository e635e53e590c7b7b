"""Answers to the culture-of-coaching stage worksheet as plain data: shape, checks, CSV rows.

Answers look like ``{"ticked": [indicator_id, ...]}``, the ids being
``<stage>-<n>`` from ``culture_stage.indicator_ids()``, kept in the data
file's order whatever order they were ticked in. This module knows nothing
of widgets or pages.
"""

from __future__ import annotations

from typing import Any

from toolkit_widgets import culture_stage
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.spec import load_stages

__all__ = ["INSTRUMENT", "blank", "check_answers", "csv_rows", "version"]

#: what export files and the earlier site's browser record are called
INSTRUMENT = "culture_stage"


def version() -> int:
    """The answers' version: the data file's, which export files carry."""
    return load_stages(INSTRUMENT).version


def blank() -> dict[str, Any]:
    """A sheet with nothing ticked."""
    return {"ticked": []}


def check_answers(answers: object) -> dict[str, Any]:
    """A clean copy with the ticked ids in the data's order, or an error naming a stranger."""
    known = culture_stage.indicator_ids()
    if not isinstance(answers, dict) or not isinstance(answers.get("ticked"), list):
        raise ToolkitInputError('the answers must list the "ticked" statements.')
    for indicator_id in answers["ticked"]:
        if not isinstance(indicator_id, str):
            raise ToolkitInputError(
                f"a ticked statement must be named by its id; got {indicator_id!r}."
            )
        if indicator_id not in known:
            raise ToolkitInputError(f"there is no statement {indicator_id!r}.")
    return {"ticked": [i for i in known if i in answers["ticked"]]}


def csv_rows(answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
    """One row per statement, in the data's order, "yes" where it is ticked."""
    texts = culture_stage.indicator_ids()
    return ["statement", "ticked"], [
        [text, "yes" if indicator_id in answers["ticked"] else ""]
        for indicator_id, text in texts.items()
    ]
