"""The scaling worksheet's answers as plain data: their shape, checks and CSV rows.

Answers look like ``{"question": "confidence", "sessions": [{"date": "2026-01-10",
"rating": 4, "note": "..."}]}``; a session's date or rating may still be empty.
"""

from __future__ import annotations

from typing import Any

from toolkit_widgets import scaling
from toolkit_widgets.checks import parse_date, whole_number
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.spec import load_scaling

__all__ = ["INSTRUMENT", "VERSION", "blank", "check_answers", "csv_rows", "rated_sessions"]

INSTRUMENT = "scaling"
VERSION = 1
MAX_SESSIONS = 100
MAX_TEXT = 5000


def blank() -> dict[str, Any]:
    """A new sheet: the first question of the data file, one empty session."""
    first = load_scaling().questions[0].id
    return {"question": first, "sessions": [{"date": None, "rating": None, "note": ""}]}


def check_answers(answers: object) -> dict[str, Any]:
    """A clean copy of the answers, or an error naming the first session that is wrong."""
    if not isinstance(answers, dict):
        raise ToolkitInputError("the answers must be an object with sessions.")
    question = answers.get("question")
    scaling.question(question)  # raises for an unknown question
    sessions = answers.get("sessions")
    if not isinstance(sessions, list) or not 1 <= len(sessions) <= MAX_SESSIONS:
        raise ToolkitInputError(f'"sessions" must list 1 to {MAX_SESSIONS} sessions.')
    bounds = load_scaling().range
    clean = []
    for number, session in enumerate(sessions, start=1):
        if not isinstance(session, dict):
            raise ToolkitInputError(f"session {number} must be an object; got {session!r}.")
        date = session.get("date")
        rating = session.get("rating")
        note = session.get("note", "")
        if not isinstance(note, str) or len(note) > MAX_TEXT:
            raise ToolkitInputError(f"session {number}: the note must be text.")
        clean.append(
            {
                "date": None
                if date is None
                else parse_date(date, f"Session {number} date").isoformat(),
                "rating": None
                if rating is None
                else whole_number(rating, bounds.min, bounds.max, f"Session {number} rating"),
                "note": note,
            }
        )
    return {"question": question, "sessions": clean}


def rated_sessions(answers: dict[str, Any]) -> list[tuple[str, int]]:
    """The sessions that have both a date and a rating, as (date, rating) pairs."""
    return [
        (s["date"], s["rating"])
        for s in answers["sessions"]
        if s["date"] is not None and s["rating"] is not None
    ]


def csv_rows(answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
    header = ["question", "session", "date", "rating", "note"]
    rows = [
        [
            answers["question"],
            number,
            s["date"] or "",
            "" if s["rating"] is None else s["rating"],
            s["note"],
        ]
        for number, s in enumerate(answers["sessions"], 1)
    ]
    return header, rows
