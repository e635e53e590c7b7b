"""One worksheet view for every practice form (SMART builder, planners, journal...).

The form is built from its data file (``toolkit_widgets/forms/``): a heading
and prompts per section, one input per field, and for a repeated section
(journal entries, PDSA cycles) buttons to add and remove entries. What the
results say comes from ``toolkit_widgets.form_reviews``; saving, export,
import and clearing from the shared :class:`AnswerKeeper`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from typing import Any

import ipywidgets as w

from toolkit_widgets import form_sheet, gars_sheet
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.exports import envelope, read_envelope, sheet_id_of
from toolkit_widgets.form_reviews import review
from toolkit_widgets.form_spec import Field, FormSection, load_form
from toolkit_widgets.render.practice_form_results import results_html, summary_html
from toolkit_widgets.smart import goal_sentence
from toolkit_widgets.storage import Store
from toolkit_widgets.views.common import (
    NOT_ANSWERED,
    choose,
    display_sheet,
    error_html,
    filling,
    picked,
    result_areas,
    run_soon,
    sheet_box,
    status_line,
)
from toolkit_widgets.views.controls import AnswerKeeper, now

_LABEL = {"description_width": "initial"}


def _wide() -> w.Layout:
    return w.Layout(flex_flow="column", width="100%")


class FieldInput:
    """One field's widget, reading and writing the field's plain value."""

    def __init__(self, field: Field, label: str, on_change: Callable[[], None]) -> None:
        self.field = field
        self.label = label
        kind = field.kind
        if kind == "long_text":
            self.box: w.ValueWidget = w.Textarea(
                description=label, rows=3, style=_LABEL, layout=_wide()
            )
        elif kind == "date":
            self.box = w.DatePicker(description=label, style=_LABEL, layout=_wide())
        elif kind in ("choice", "number"):
            options = (
                [(c.label, c.id) for c in field.choices]
                if kind == "choice"
                else [(str(n), n) for n in range(field.minimum, field.maximum + 1)]  # type: ignore[arg-type, operator]
            )
            self.box = w.Dropdown(
                description=label,
                options=[("Not answered", NOT_ANSWERED), *options],
                value=NOT_ANSWERED,
                style=_LABEL,
                layout=_wide(),
            )
        elif kind == "check":
            self.box = w.Checkbox(description=label, indent=False, layout=w.Layout(width="100%"))
        else:
            self.box = w.Text(description=label, style=_LABEL, layout=_wide())
        if field.help:
            self.box.tooltip = field.help
        self.box.observe(lambda _c: on_change(), names="value")

    def number(self, prefix: str) -> None:
        """Name the entry in the label ("Entry 2: Date"), for screen readers and print."""
        self.box.description = f"{prefix}: {self.label}"

    @property
    def widgets(self) -> list[w.Widget]:
        if self.field.help and self.field.kind != "check":
            return [
                self.box,
                w.HTML(f"<p class='toolkit-field-help'>{escape(self.field.help)}</p>"),
            ]
        return [self.box]

    def value(self) -> Any:
        if self.field.kind in ("choice", "number"):
            return picked(self.box)
        if self.field.kind == "date":
            return self.box.value.isoformat() if self.box.value else ""
        return self.box.value

    def fill(self, value: Any) -> None:
        if self.field.kind in ("choice", "number"):
            choose(self.box, value)
        elif self.field.kind == "date":
            self.box.value = dt.date.fromisoformat(value) if value else None
        else:
            self.box.value = value


class EntryForm:
    """The inputs of one section, or of one entry of a repeated section."""

    def __init__(self, section: FormSection, label: str, on_change: Callable[[], None]) -> None:
        prefix = f"{label}: " if label else ""
        self.inputs = {f.id: FieldInput(f, f"{prefix}{f.label}", on_change) for f in section.fields}
        self.widget = w.VBox([x for i in self.inputs.values() for x in i.widgets])

    def answers(self) -> dict[str, Any]:
        return {field_id: box.value() for field_id, box in self.inputs.items()}

    def fill(self, answers: dict[str, Any]) -> None:
        for field_id, value in answers.items():
            self.inputs[field_id].fill(value)


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


class RepeatedSection:
    """A section the learner repeats: entries with add and remove buttons."""

    def __init__(self, section: FormSection, on_change: Callable[[], None]) -> None:
        self.section, self.on_change = section, on_change
        self.forms: list[EntryForm] = []
        self.entries = w.VBox()
        self.add_button = w.Button(description=f"Add {_a(section.repeat)}", icon="plus")
        self.add_button.on_click(lambda _b: self.add(announce=True))
        self.message = w.HTML()
        self.widget = w.VBox([self.entries, self.add_button, self.message])
        self.add()

    def add(self, announce: bool = False) -> None:
        if len(self.forms) >= self.section.max_repeats:
            self.message.value = error_html(
                f"This worksheet keeps at most {self.section.max_repeats} "
                f"{self.section.repeat} entries. Export them, then clear to start afresh."
            )
            return
        self.forms.append(EntryForm(self.section, "", self.on_change))
        self._lay_out()
        if announce:
            self.message.value = status_line(f"Added {self.section.repeat} {len(self.forms)}.")
            self.on_change()

    def remove(self, form: EntryForm) -> None:
        if len(self.forms) == 1:
            form.fill(form_sheet.blank_entry(self.section))
            return
        self.forms.remove(form)
        self._lay_out()
        self.message.value = status_line(f"Removed {_a(self.section.repeat)}.")
        self.on_change()

    def _lay_out(self) -> None:
        noun = self.section.repeat
        boxes = []
        for number, form in enumerate(self.forms, start=1):
            for field_input in form.inputs.values():
                field_input.number(f"{noun.capitalize()} {number}")
            remove = w.Button(description=f"Remove {noun} {number}", icon="trash")
            remove.on_click(lambda _b, form=form: self.remove(form))
            box = w.VBox(
                [w.HTML(f"<h4>{escape(noun.capitalize())} {number}</h4>"), form.widget, remove]
            )
            box.add_class("toolkit-entry")
            boxes.append(box)
        self.entries.children = boxes

    def answers(self) -> list[dict[str, Any]]:
        return [form.answers() for form in self.forms]

    def fill(self, answers: list[dict[str, Any]]) -> None:
        while len(self.forms) > len(answers):
            self.forms.pop()
        while len(self.forms) < len(answers):
            self.forms.append(EntryForm(self.section, "", self.on_change))
        self._lay_out()
        for form, entry in zip(self.forms, answers, strict=True):
            form.fill(entry)


def _section_head(section: FormSection) -> w.HTML:
    parts = [f"<h3>{escape(section.title)}</h3>"]
    if section.help:
        parts.append(f"<p>{escape(section.help)}</p>")
    if section.prompts:
        items = "".join(f"<li>{escape(p)}</li>" for p in section.prompts)
        parts.append(
            f"<details class='toolkit-prompts'><summary>Questions to consider</summary>"
            f"<ul>{items}</ul></details>"
        )
    return w.HTML("".join(parts))


class FormWorksheet:
    def __init__(self, name: str, store: Store | None = None) -> None:
        self.form = form = load_form(name)
        self.filling = False
        self.parts: dict[str, EntryForm | RepeatedSection] = {}
        widgets: list[w.Widget] = []
        if form.intro:
            widgets.append(w.HTML(f"<p>{escape(form.intro)}</p>"))
        group = ""
        for section in form.sections:
            if section.group and section.group != group:
                widgets.append(w.HTML(f"<h2 class='toolkit-group'>{escape(section.group)}</h2>"))
            group = section.group
            widgets.append(_section_head(section))
            part: EntryForm | RepeatedSection = (
                RepeatedSection(section, self.changed)
                if section.repeat
                else EntryForm(section, section.label_prefix, self.changed)
            )
            self.parts[section.id] = part
            widgets.append(part.widget)
        self.results, self.summary = result_areas()
        self.keeper = AnswerKeeper(
            instrument=form.id,
            version=form.version,
            read_form=self.answers,
            fill_form=self.fill,
            check_answers=lambda a: form_sheet.check_answers(form, a),
            csv_table=lambda a: form_sheet.csv_rows(form, a),
            blank=lambda: form_sheet.blank(form),
            store=store,
        )
        if form.review == "smart":
            widgets.append(self._gars_link())
        self.widget = sheet_box(form.title, form.id, widgets, self)
        self.changed()

    def answers(self) -> dict[str, Any]:
        return {section_id: part.answers() for section_id, part in self.parts.items()}

    def fill(self, answers: dict[str, Any]) -> None:
        with filling(self):
            for section_id, part in self.parts.items():
                part.fill(answers[section_id])

    def changed(self) -> None:
        if self.filling:
            return
        answers = self.answers()
        try:
            self.results.value = results_html(review(self.form, answers, dt.date.today()))
        except ToolkitInputError as error:
            self.results.value = error_html(error.message)
        self.summary.value = summary_html(self.form, answers, self.results.value)
        self.keeper.changed()

    # --- SMART builder: hand the goal to the GARS worksheet -----------------------

    def _gars_link(self) -> w.VBox:
        self.gars_button = w.Button(description="Use this goal in my GARS worksheet", icon="share")
        self.gars_button.on_click(lambda _b: self.send_to_gars())
        self.gars_message = w.HTML()
        self.gars_message.add_class("toolkit-field-message")
        return w.VBox([self.gars_button, self.gars_message])

    def send_to_gars(self) -> None:
        goal = goal_sentence(self.answers())
        if not goal:
            self.gars_message.value = error_html(
                "Write your goal, or answer who and what, before sending it to GARS."
            )
            return
        self.keeper.pending = run_soon(self._send(goal))

    async def _send(self, goal: str) -> None:
        store = self.keeper.store
        try:
            saved = await store.load(gars_sheet.INSTRUMENT)
            current = (
                read_envelope(
                    saved, gars_sheet.INSTRUMENT, gars_sheet.VERSION, gars_sheet.check_answers
                )
                if saved is not None
                else None
            )
            updated = gars_sheet.with_goal(current, goal)
            await store.save(
                gars_sheet.INSTRUMENT,
                envelope(
                    gars_sheet.INSTRUMENT,
                    gars_sheet.VERSION,
                    updated,
                    now()[0],
                    sheet_id_of(saved),  # still the same learner's GARS sheet
                ),
            )
        except (OSError, ToolkitInputError) as error:
            self.gars_message.value = error_html(f"The goal was not sent: {error}")
            return
        self.gars_message.value = status_line(
            f"Added as goal {len(updated['goals'])} of your GARS worksheet, as the expected "
            "outcome (level 0). Open or reload the GARS page to describe the other levels."
        )


def show(name: str, store: Store | None = None) -> None:
    """Display one practice form, then restore its saved answers."""
    display_sheet(FormWorksheet(name, store))
