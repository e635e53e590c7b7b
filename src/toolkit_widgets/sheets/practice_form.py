"""Every practice form: the SMART builder, observation records, planners, journal and more.

The form is built from its file in ``toolkit_widgets/forms/`` (read by
:mod:`toolkit_widgets.form_spec`): a group per section with its help and its
questions to consider, one control per field, a repeated part for a section
the learner repeats (journal entries, PDSA cycles), and signature lines where
the form is signed on paper. Answers keep the shape
:mod:`toolkit_widgets.form_sheet` has always checked (``{section: {field:
value}}``, a list for a repeated section), so old export files and records
still read. Results are :func:`toolkit_widgets.form_reviews.review`.

Labels are the old view's, because they are how screen readers and tests
find each control: a field of a section made from a table row carries the
row's name ("Opening: What I saw"), and a field of a repeated section its
entry's number ("Entry 2: Date").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from toolkit_widgets import form_sheet, gars_sheet
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.form_reviews import review
from toolkit_widgets.form_spec import Field as SpecField
from toolkit_widgets.form_spec import FormSection, load_form
from toolkit_widgets.render.form_model import (
    ROW_NUMBER,
    Field,
    Form,
    Group,
    Option,
    Part,
    Prose,
    Repeat,
)
from toolkit_widgets.render.practice_form_results import (
    addition_html,
    handoff_html,
    results_html,
    signature_lines,
    summary_html,
)
from toolkit_widgets.sheets.base import Worksheet
from toolkit_widgets.smart import goal_sentence

__all__ = ["PracticeFormSheet"]

#: a choice with more options than this is a list, not radio buttons
MAX_RADIOS = 8
#: the line above a section's prompts (the old view's wording)
PROMPTS = "Questions to consider"
#: the SMART builder hands its goal to the GARS worksheet (button label as before)
GARS_TARGET = "gars"
GARS_BUTTON = "Use this goal in my GARS worksheet"
NO_GOAL = "Write your goal, or answer who and what, before sending it to GARS."


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _control(field: SpecField, path: tuple[str, ...], label: str) -> Field:
    """One form-file field as a control; a number is chosen from its short list."""
    if field.kind == "choice":
        options = tuple(Option(c.id, c.label) for c in field.choices)
        kind = "radio" if len(options) <= MAX_RADIOS else "select"
        return Field(path, label, kind, options, hint=field.help)
    if field.kind == "number":
        low, high = field.minimum or 0, field.maximum or 0  # form_spec requires both
        options = tuple(Option(n, str(n)) for n in range(low, high + 1))
        return Field(path, label, "select", options, hint=field.help)
    kind = {"long_text": "textarea", "date": "date", "check": "check"}.get(field.kind, "text")
    return Field(path, label, kind, hint=field.help)  # type: ignore[arg-type]


def _section(section: FormSection) -> Group:
    """A section as a group: its help, its prompts, then its fields or its entries."""
    prompts: tuple[Part, ...] = (Prose(PROMPTS, items=section.prompts),) if section.prompts else ()
    if section.repeat:
        noun = section.repeat
        entry = f"{noun[:1].upper()}{noun[1:]} {ROW_NUMBER}: "
        body: tuple[Part, ...] = (
            Repeat(
                (section.id,),
                noun,
                tuple(_control(f, (f.id,), f"{entry}{f.label}") for f in section.fields),
                form_sheet.blank_entry(section),
                minimum=1,
                maximum=section.max_repeats,
                add_label=f"Add {_a(noun)}",
                remove_label=f"Remove {noun} {ROW_NUMBER}",
            ),
        )
    else:
        prefix = f"{section.label_prefix}: " if section.label_prefix else ""
        body = tuple(_control(f, (section.id, f.id), f"{prefix}{f.label}") for f in section.fields)
    return Group(section.title, (*prompts, *body), hint=section.help)


class PracticeFormSheet(Worksheet):
    """One practice form, named as chapters embed it; ``form_name`` as form_spec loads it."""

    def __init__(
        self, name: str, form_name: str, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        self.spec = load_form(form_name)
        self.name = name
        self.title = self.spec.title
        # the old keeper's instrument: export files and records saved before carry it
        self.instrument = self.spec.id
        self.version = self.spec.version
        #: the SMART review compares the target date with today; tests fix the day
        self.today = today
        self.hands_to = GARS_TARGET if self.spec.review == "smart" else ""

    def build_form(self) -> Form:
        parts: list[Part] = []
        area, in_area = "", []  # consecutive sections under one heading (observation areas)

        def close_area() -> None:
            if in_area:
                parts.append(Group(area, tuple(in_area)))
                in_area.clear()

        for section in self.spec.sections:
            if section.group != area:
                close_area()
                area = section.group
            (in_area if area else parts).append(_section(section))
        close_area()
        if self.spec.signatures:
            lines = tuple(Prose(line) for line in signature_lines(self.spec))
            parts.append(Group("Signatures", lines, hint="Signed on the printed form."))
        return Form(self.name, self.title, tuple(parts), intro=self.spec.intro)

    def blank(self) -> dict[str, Any]:
        return form_sheet.blank(self.spec)

    def check(self, answers: object) -> dict[str, Any]:
        return form_sheet.check_answers(self.spec, answers)

    def _findings(self, answers: dict[str, Any]) -> str:
        return results_html(review(self.spec, answers, self.today()))

    def results_html(self, answers: dict[str, Any]) -> str:
        html = self._findings(answers) + addition_html(self.spec)
        if self.hands_to:
            html += handoff_html(self.hands_to, gars_sheet.INSTRUMENT, GARS_BUTTON)
        return html

    def summary_html(self, answers: dict[str, Any], results: str) -> str:
        # the findings alone: the summary says what the site added itself, and a
        # hand-over button means nothing on paper
        return summary_html(self.spec, answers, self._findings(answers))

    def csv_table(self, answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
        return form_sheet.csv_rows(self.spec, answers)

    def hand_over(
        self, answers: dict[str, Any], target: dict[str, Any] | None
    ) -> tuple[dict[str, Any], str]:
        """The GARS answers with this goal added as a new goal's expected outcome.

        ``target`` is the GARS worksheet's checked answers, or None when this
        browser keeps none. Goes through :func:`gars_sheet.with_goal`, as the
        old view did: an untouched last goal is filled instead of adding one.
        """
        if not self.hands_to:
            raise ToolkitInputError("This worksheet hands nothing to another one.")
        goal = goal_sentence(answers)
        if not goal:
            raise ToolkitInputError(NO_GOAL)
        updated = gars_sheet.with_goal(target, goal)
        return updated, (
            f"Added as goal {len(updated['goals'])} of your GARS worksheet, as the expected "
            "outcome (level 0). Open or reload the GARS page to describe the other levels."
        )
