"""Practice forms (plans, observations, reflections, agreements) as data.

The toolkit is full of forms a coach or learner fills in by hand: the SMART
goal builder, observation records, reflection prompts, session planners,
the coaching agreement, the journal, the implementation plan. Each is a JSON
file in ``toolkit_widgets/forms/``: sections of fields, each field one of a
few kinds. Where the book's table already holds a form's rows (the agreement
topics, the reflective cues, a model's stages) the form names the table and
says how its rows become sections or fields (``"from_table"``), so the
wording is kept once, in the table.

One form file may describe a family of forms (``"variants"``): the session
planner is one file, and each coaching model's table fills it in. A variant
replaces every string ``"$name"`` in the file with its value for ``name``.

Any mistake in a form file raises
:class:`~toolkit_widgets.errors.InstrumentDataError` naming file, key, reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from toolkit_widgets import tables
from toolkit_widgets.errors import InstrumentDataError
from toolkit_widgets.spec import _Reader

__all__ = ["KINDS", "Choice", "Field", "Form", "FormSection", "form_ids", "load_form"]

#: what a field holds: one line, a paragraph, a date, one of listed choices,
#: a number in a range, or a tick
KINDS = ("text", "long_text", "date", "choice", "number", "check")
EACH_ROW = ("section", "field")
#: a number field is a whole number chosen from a list (a 1-10 rating, say), so
#: nothing typed can be out of range; the list stays short enough to scan
MAX_NUMBER_SPAN = 20


@dataclass(frozen=True)
class Choice:
    id: str
    label: str


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    kind: str
    help: str = ""
    choices: tuple[Choice, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def choice_label(self, choice_id: str | None) -> str:
        return next((c.label for c in self.choices if c.id == choice_id), "")


@dataclass(frozen=True)
class FormSection:
    id: str
    title: str
    fields: tuple[Field, ...]
    help: str = ""
    prompts: tuple[str, ...] = ()
    #: a heading shown above this section, e.g. the area of an observation form
    group: str = ""
    #: a section the learner can repeat (journal entries, PDSA cycles): the noun
    repeat: str = ""
    max_repeats: int = 1
    #: put before each field's label on screen, where the same fields repeat per
    #: table row ("Opening: What I saw"), so that every label names one box
    label_prefix: str = ""


@dataclass(frozen=True)
class Form:
    id: str
    version: int
    title: str
    source: str
    intro: str
    sections: tuple[FormSection, ...]
    #: the rules or summaries this site adds to the book's form, said on the page
    added_by_site: str = ""
    #: names of a pure review in ``toolkit_widgets.form_reviews`` (beyond completeness)
    review: str = ""
    #: roles that sign the printed form, e.g. learner, coach, supervisor
    signatures: tuple[str, ...] = ()

    def section(self, section_id: str) -> FormSection:
        return next(s for s in self.sections if s.id == section_id)


# --- reading ---------------------------------------------------------------------


def _choices(reader: _Reader, shared: dict[str, tuple[Choice, ...]]) -> tuple[Choice, ...]:
    named = reader.get("choices", (str, list))
    if isinstance(named, str):
        if named not in shared:
            raise InstrumentDataError(reader.source, f"{reader.where}.choices", "unknown list")
        return shared[named]
    items = [Choice(c.get("id", str), c.get("label", str)) for c in reader.objects("choices")]
    _unique(reader, "choices", [c.id for c in items])
    return tuple(items)


def _field(reader: _Reader, shared: dict[str, tuple[Choice, ...]], **given: str) -> Field:
    kind = reader.choice("kind", KINDS)
    field = Field(
        id=given.get("id") or reader.get("id", str),
        label=given.get("label") or reader.get("label", str),
        kind=kind,
        help=given.get("help") or reader.get("help", str, ""),
        choices=_choices(reader, shared) if kind == "choice" else (),
        minimum=reader.get("min", int, None),
        maximum=reader.get("max", int, None),
    )
    if kind == "number" and not (
        isinstance(field.minimum, int)
        and isinstance(field.maximum, int)
        and 0 < field.maximum - field.minimum <= MAX_NUMBER_SPAN
    ):
        raise InstrumentDataError(
            reader.source,
            reader.where,
            f"a number needs whole min < max, at most {MAX_NUMBER_SPAN} apart",
        )
    return field


def _unique(reader: _Reader, key: str, values: list[str]) -> None:
    if len(set(values)) != len(values):
        raise InstrumentDataError(reader.source, f"{reader.where}.{key}", "ids must be unique")


def _text(row: dict[str, Any], key: str | None) -> str:
    value = row.get(key, "") if key else ""
    return " ".join(value) if isinstance(value, list) else str(value)


def _prompts(row: dict[str, Any], keys: list[str]) -> tuple[str, ...]:
    found: list[str] = []
    for key in keys:
        value = row.get(key, [])
        found += value if isinstance(value, list) else [value] if value else []
    return tuple(found)


def _from_table(reader: _Reader, shared: dict[str, tuple[Choice, ...]]) -> list[FormSection]:
    """Sections made from a book table: one per row, or one field per row."""
    how = _Reader(reader.source, reader.get("from_table", dict), f"{reader.where}.from_table")
    table = tables.load(how.get("table", str))
    rows = table["rows"]
    each = how.choice("each_row", EACH_ROW)
    label_key = how.get("label", str)
    help_key = how.get("help", str, None)
    prompt_keys = how.get("prompts", list, [])
    group_key = how.get("group", str, None)
    base = reader.get("id", str)
    if each == "section":
        templates = reader.objects("fields")
        per_prompt = how.get("field_per_prompt", bool, False)
        sections = []
        for n, row in enumerate(rows, start=1):
            prompts = _prompts(row, prompt_keys)
            if per_prompt:
                fields = tuple(
                    _field(templates[0], shared, id=f"q{i}", label=prompt)
                    for i, prompt in enumerate(prompts, start=1)
                )
                prompts = ()
            else:
                fields = tuple(_field(t, shared) for t in templates)
            sections.append(
                FormSection(
                    id=f"{base}-{n}",
                    title=_text(row, label_key),
                    fields=fields,
                    help=_text(row, help_key),
                    prompts=prompts,
                    group=_text(row, group_key),
                    label_prefix="" if per_prompt else _text(row, label_key),
                )
            )
        return sections
    template = _Reader(reader.source, reader.get("field", dict), f"{reader.where}.field")
    kinds = how.get("kinds", dict, {})
    groups: dict[str, list[Field]] = {}
    for n, row in enumerate(rows, start=1):
        label = _text(row, label_key)
        spec = dict(template.data, kind=kinds.get(label, template.data.get("kind")))
        field = _field(
            _Reader(reader.source, spec, template.where),
            shared,
            id=f"f{n}",
            label=label,
            help=_text(row, help_key),
        )
        groups.setdefault(_text(row, group_key), []).append(field)
    title = reader.get("title", str, "")
    repeat = reader.get("repeat", str, "")
    return [
        FormSection(
            id=base if len(groups) == 1 else f"{base}-{n}",
            title=group or title,
            fields=tuple(fields),
            help=reader.get("help", str, ""),
            repeat=repeat,
            max_repeats=reader.get("max_repeats", int, 100 if repeat else 1),
        )
        for n, (group, fields) in enumerate(groups.items(), start=1)
    ]


def _sections(reader: _Reader, shared: dict[str, tuple[Choice, ...]]) -> list[FormSection]:
    if "from_table" in reader.data:
        return _from_table(reader, shared)
    repeat = reader.get("repeat", str, "")
    fields = reader.objects("fields")
    section = FormSection(
        id=reader.get("id", str),
        title=reader.get("title", str),
        fields=tuple(_field(f, shared) for f in fields),
        help=reader.get("help", str, ""),
        prompts=tuple(reader.get("prompts", list, [])),
        repeat=repeat,
        max_repeats=reader.get("max_repeats", int, 100 if repeat else 1),
    )
    _unique(reader, "fields", [f.id for f in section.fields])
    return [section]


def _substitute(data: Any, values: dict[str, Any]) -> Any:
    """Replace every string "$name" in ``data`` by ``values[name]`` (a variant's value)."""
    if isinstance(data, str) and data.startswith("$") and data[1:] in values:
        return values[data[1:]]
    if isinstance(data, list):
        out: list[Any] = []
        for item in data:
            value = _substitute(item, values)
            # a "$name" that stands for a list inside a list is spliced in
            if isinstance(item, str) and isinstance(value, list):
                out += value
            else:
                out.append(value)
        return out
    if isinstance(data, dict):
        return {key: _substitute(value, values) for key, value in data.items()}
    return data


def form_from(data: object, source: str, variant: str | None = None) -> Form:
    """Check a parsed form file and return its :class:`Form` (one variant of a family)."""
    top = _Reader(source, data)
    variants = top.get("variants", dict, None)
    if variants is not None:
        if variant not in variants:
            raise InstrumentDataError(source, "variants", f"has no variant {variant!r}")
        values = variants[variant]
        data = _substitute({k: v for k, v in top.data.items() if k != "variants"}, values)
        top = _Reader(source, data)
    elif variant is not None:
        raise InstrumentDataError(source, "variants", "this form has no variants")
    shared = {
        name: tuple(Choice(c["id"], c["label"]) for c in choices)
        for name, choices in top.get("choice_lists", dict, {}).items()
    }
    sections = [s for r in top.objects("sections") for s in _sections(r, shared)]
    _unique(top, "sections", [s.id for s in sections])
    base = top.get("id", str)
    return Form(
        id=f"{base}_{variant}" if variant else base,
        version=top.get("version", int),
        title=top.get("title", str),
        source=top.get("source", str),
        intro=top.get("intro", str, ""),
        sections=tuple(sections),
        added_by_site=top.get("added_by_site", str, ""),
        review=top.get("review", str, ""),
        signatures=tuple(top.get("signatures", list, [])),
    )


def form_ids() -> list[str]:
    """Every form file shipped with the package (variants not expanded)."""
    files = resources.files("toolkit_widgets.forms").iterdir()
    return sorted(f.name.removesuffix(".json") for f in files if f.name.endswith(".json"))


@cache
def load_form(name: str) -> Form:
    """The form ``name``, or ``"family:variant"`` for one variant of a family."""
    base, _, variant = name.partition(":")
    path = resources.files("toolkit_widgets.forms").joinpath(f"{base}.json")
    if not path.is_file():
        raise InstrumentDataError(f"{base}.json", "id", f"no form {base!r}")
    return form_from(json.loads(path.read_text("utf-8")), f"{base}.json", variant or None)
