"""What the results area says about a filled-in practice form, as plain data.

Every form gets :func:`progress` (how far each section has got). A form file
may also name one review from :data:`REVIEWS` in its ``"review"`` key; each is
a pure function of the form, the answers and today's date, returning
:class:`Finding` objects a view turns into headings and lists. None of these
reviews is in the book; each form's page says so (``added_by_site``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from toolkit_widgets import smart
from toolkit_widgets.form_sheet import completeness, entries, is_filled, shown_value
from toolkit_widgets.form_spec import Form

__all__ = ["REVIEWS", "Finding", "progress", "review"]


@dataclass(frozen=True)
class Finding:
    heading: str
    lines: tuple[str, ...] = ()
    #: "ok" (met), "todo" (something to add) or "info"
    tone: str = "info"


def progress(form: Form, answers: dict[str, Any]) -> Finding:
    """How many boxes are filled, overall and per section still open."""
    counts = completeness(form, answers)
    filled = sum(c[1] for c in counts)
    total = sum(c[2] for c in counts)
    open_sections = tuple(
        f"{section.title}: {done} of {of}" for section, done, of in counts if done < of
    )
    heading = f"Filled in: {filled} of {total} boxes"
    return Finding(heading, open_sections if filled else (), "ok" if filled == total else "info")


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]


def smart_review(form: Form, answers: dict[str, Any], today: dt.date) -> list[Finding]:
    labels = {f.id: f.label for s in form.sections for f in s.fields}
    checks = smart.review(answers, labels, today)
    found = [
        Finding(
            f"{c.letter} {c.element}: {'met' if c.met else 'not yet'}",
            c.advice,
            "ok" if c.met else "todo",
        )
        for c in checks
    ]
    sentence = smart.goal_sentence(answers)
    met = sum(c.met for c in checks)
    if sentence:
        found.append(Finding(f"The goal ({met} of 5 elements met)", (sentence,)))
    return found


def frequency_review(form: Form, answers: dict[str, Any], today: dt.date) -> list[Finding]:
    """Skills seen often first (to value), then those seen rarely (to talk through)."""
    high: list[str] = []
    low: list[str] = []
    for section in form.sections:
        for field in section.fields:
            if field.kind != "choice":
                continue
            value = answers[section.id][field.id]
            if value is None:
                continue
            rank = [c.id for c in field.choices].index(value)
            named = f"{section.title} ({field.choice_label(value).lower()})"
            (high if rank >= len(field.choices) / 2 else low).append(named)
    if not high and not low:
        return [Finding("Mark how often you saw each skill to see the summary.")]
    return [
        Finding("Seen often: name these first (value)", tuple(high) or ("none yet",), "ok"),
        Finding("Seen rarely: talk these through (concerns)", tuple(low) or ("none",), "todo"),
    ]


def ladder_review(form: Form, answers: dict[str, Any], today: dt.date) -> list[Finding]:
    """The planned words in the ladder's order, with a reminder to value before concerns."""
    steps = [s for s in form.sections if s.id.startswith("step-")]
    said = [(s.title, answers[s.id]["say"].strip()) for s in steps]
    found = [Finding("Your plan, step by step", tuple(f"{t}: {w}" for t, w in said if w))]
    by_title = {t.lower(): w for t, w in said}
    if by_title.get("concerns") and not by_title.get("value"):
        found.append(
            Finding(
                "Value comes before concerns",
                ("You have planned concerns but nothing to value yet: say first what went well.",),
                "todo",
            )
        )
    return found if said and any(w for _t, w in said) else found[1:]


def tally_review(form: Form, answers: dict[str, Any], today: dt.date) -> list[Finding]:
    """How many entries have each choice; the ones marked with the middle choice listed."""
    counts: dict[str, int] = {}
    marked: dict[str, list[str]] = {}
    for section in form.sections:
        for field in section.fields:
            if field.kind == "choice" and answers[section.id][field.id] is not None:
                label = field.choice_label(answers[section.id][field.id])
                counts[label] = counts.get(label, 0) + 1
                marked.setdefault(label, []).append(field.label)
    if not counts:
        return [Finding("Mark each item to see your counts.")]
    choices = next(f.choices for s in form.sections for f in s.fields if f.kind == "choice")
    found = [Finding("Counts", tuple(f"{c.label}: {counts.get(c.label, 0)}" for c in choices))]
    wanted = choices[1].label if len(choices) > 1 else choices[0].label
    if marked.get(wanted):
        found.append(Finding(wanted, tuple(marked[wanted]), "todo"))
    return found


def pdsa_review(form: Form, answers: dict[str, Any], today: dt.date) -> list[Finding]:
    """Each cycle's furthest phase, and whether Study has a prediction to compare with."""
    section = form.section("cycle")
    found = []
    for number, cycle in enumerate(entries(section, answers), start=1):
        phases = [
            name
            for name in ("Plan", "Do", "Study", "Act")
            if any(is_filled(f, cycle[f.id]) and f.label.startswith(name) for f in section.fields)
        ]
        notes = [f"Phases written: {', '.join(phases) if phases else 'none yet'}."]
        tone = "info"
        if "Study" in phases and not cycle["prediction"].strip():
            notes.append("Study compares results with a prediction: write what you predicted.")
            tone = "todo"
        if cycle["decision"]:
            field = next(f for f in section.fields if f.id == "decision")
            notes.append(f"Decision: {shown_value(field, cycle['decision'])}")
        started = f", started {cycle['started']}" if cycle["started"] else ""
        found.append(Finding(f"Cycle {number}{started}", tuple(notes), tone))
    return found


_LINKS = (
    ("resources", "activities", "IF we have {a}, THEN we can carry out {b}."),
    ("activities", "outputs", "IF we carry out {a}, THEN we will produce {b}."),
    ("outputs", "short_term", "IF we produce {a}, THEN in the short term we expect {b}."),
    ("short_term", "long_term", "IF {a} happen, THEN in the long term we expect {b}."),
)


def logic_model_review(form: Form, answers: dict[str, Any], today: dt.date) -> list[Finding]:
    """The model read back as IF-THEN statements; a missing column breaks the chain."""
    chain = answers["chain"]
    labels = {f.id: f.label for f in form.section("chain").fields}
    items = {key: _lines(chain[key]) for key in labels}
    if not any(items.values()):
        return [Finding("Fill in the columns to read your model as IF-THEN statements.")]
    said = tuple(
        template.format(a="; ".join(items[a]), b="; ".join(items[b]))
        for a, b, template in _LINKS
        if items[a] and items[b]
    )
    missing = tuple(f"{labels[key]} is empty." for key, found in items.items() if not found)
    found = [
        Finding("Your logic model as IF-THEN statements", said, "ok" if not missing else "info")
    ]
    if missing:
        found.append(Finding("The chain is broken where a column is empty", missing, "todo"))
    return found


def journal_review(form: Form, answers: dict[str, Any], today: dt.date) -> list[Finding]:
    """Entries grouped by learner, newest first (undated entries last)."""
    section = form.sections[0]
    who = next(f for f in section.fields if f.kind == "text")
    when = next(f for f in section.fields if f.kind == "date")
    topic = next((f for f in section.fields if f.kind == "text" and f is not who), None)
    groups: dict[str, list[tuple[str, str]]] = {}
    for entry in entries(section, answers):
        if not any(is_filled(f, entry[f.id]) for f in section.fields):
            continue
        name = entry[who.id].strip() or "(no learner named)"
        about = entry[topic.id].strip() if topic else ""
        groups.setdefault(name, []).append((entry[when.id], about))
    if not groups:
        return [Finding("Your entries will be listed here by learner.")]
    return [
        Finding(
            f"{name}: {len(found)} entr{'y' if len(found) == 1 else 'ies'}",
            tuple(
                f"{date or 'undated'}{': ' + about if about else ''}"
                for date, about in sorted(found, key=lambda e: e[0] or "", reverse=True)
            ),
        )
        for name, found in sorted(groups.items())
    ]


Review = Callable[[Form, dict[str, Any], dt.date], list[Finding]]

#: the reviews a form file may name in its "review" key
REVIEWS: dict[str, Review] = {
    "smart": smart_review,
    "frequency": frequency_review,
    "ladder": ladder_review,
    "tally": tally_review,
    "pdsa": pdsa_review,
    "logic_model": logic_model_review,
    "journal": journal_review,
}


def review(form: Form, answers: dict[str, Any], today: dt.date) -> list[Finding]:
    """Everything the results area shows: the form's own review, then progress."""
    extra = REVIEWS[form.review](form, answers, today) if form.review else []
    return [*extra, progress(form, answers)]
