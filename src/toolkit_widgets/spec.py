"""Instrument definitions: the schema every data file must meet, checked on load.

Instruments are JSON files in ``toolkit_widgets/instruments/``. Each field is
declared once here, with its type and check; a file that does not match
raises :class:`~toolkit_widgets.errors.InstrumentDataError` naming the file,
the key and the reason. The rest of the package reads an instrument only
through the frozen records these loaders return (``load_questionnaire``,
``load_checklist``, ``load_gars``, ``load_scaling``, ``load_stages``), never
as the file's raw JSON. An agency that holds an instrument's licensed original
wording replaces that file (same ids, its own ``text`` and ``"wording":
"original"``) and nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from toolkit_widgets.errors import InstrumentDataError
from toolkit_widgets.instruments import load as raw

#: the one version of the instrument file format this package reads
SCHEMA_VERSION = 1
KINDS = ("questionnaire", "scaling", "stages", "gars", "reference")
WORDINGS = ("paraphrase", "original")


@dataclass(frozen=True)
class ScalePoint:
    value: int
    label: str


@dataclass(frozen=True)
class Scale:
    """Response points; optionally categories (never averaged) and a not-applicable choice."""

    id: str
    points: tuple[ScalePoint, ...]
    #: label of an answer that is not a point, e.g. "No opportunity"; never counted
    not_applicable: str | None = None
    #: the values are category codes, not amounts: no means, no totals
    categorical: bool = False

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(point.value for point in self.points)

    def label_for(self, value: int) -> str:
        return next(point.label for point in self.points if point.value == value)


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class Item:
    id: str
    section: str
    text: str
    pair: int | None = None
    caution: bool = False


@dataclass(frozen=True)
class NoteField:
    """A free-text box kept beside every item, e.g. "Obstacles"."""

    id: str
    label: str


@dataclass(frozen=True)
class SheetField:
    """A free-text box or a choice asked once for the whole sheet, e.g. who rated."""

    id: str
    label: str
    choices: tuple[str, ...] = ()
    lines: int = 1


@dataclass(frozen=True)
class Questionnaire:
    """Items answered on one response scale, grouped in sections."""

    id: str
    version: int
    title: str
    source: str
    wording: str
    scale: Scale
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    instructions: str = ""
    item_notes: tuple[NoteField, ...] = ()
    sheet_fields: tuple[SheetField, ...] = ()

    def items_in(self, section: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.section == section)

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)


class _Reader:
    """Reads keys of one JSON object, raising errors that name file and key."""

    def __init__(self, source: str, data: object, where: str = "") -> None:
        if not isinstance(data, dict):
            raise InstrumentDataError(source, where or "(top level)", "must be a JSON object")
        self.source, self.data, self.where = source, data, where

    def _key(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
        if key not in self.data:
            if default is ...:
                raise InstrumentDataError(self.source, self._key(key), "is missing")
            return default
        value = self.data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
            raise InstrumentDataError(
                self.source, self._key(key), f"must be {_kind_name(kind)}, not {value!r}"
            )
        if isinstance(value, str) and not value.strip():
            raise InstrumentDataError(self.source, self._key(key), "must not be empty")
        return value

    def choice(self, key: str, allowed: tuple[Any, ...]) -> Any:
        value = self.data.get(key)
        if value not in allowed:
            raise InstrumentDataError(
                self.source, self._key(key), f"must be one of {list(allowed)}, not {value!r}"
            )
        return value

    def objects(self, key: str) -> list[_Reader]:
        values = self.get(key, list)
        if not values:
            raise InstrumentDataError(self.source, self._key(key), "must not be empty")
        return [_Reader(self.source, v, f"{self._key(key)}[{i}]") for i, v in enumerate(values)]


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    if set(_as_tuple(kind)) == {int, float}:
        return "a number"
    names = {
        str: "text",
        int: "a whole number",
        list: "a list",
        dict: "an object",
        bool: "true/false",
    }
    return " or ".join(names.get(k, k.__name__) for k in _as_tuple(kind))


def _unique(source: str, key: str, values: list[Any]) -> None:
    seen: set[Any] = set()
    for value in values:
        if value in seen:
            raise InstrumentDataError(source, key, f"{value!r} appears more than once")
        seen.add(value)


def check_header(reader: _Reader, expected_id: str | None, kind: str) -> None:
    """The keys every instrument file starts with."""
    if reader.get("schema_version", int) != SCHEMA_VERSION:
        raise InstrumentDataError(
            reader.source, "schema_version", f"this package reads version {SCHEMA_VERSION}"
        )
    instrument_id = reader.get("id", str)
    if expected_id is not None and instrument_id != expected_id:
        raise InstrumentDataError(reader.source, "id", f"expected {expected_id!r}")
    if reader.get("version", int) < 1:
        raise InstrumentDataError(reader.source, "version", "must be 1 or more")
    if reader.choice("kind", KINDS) != kind:
        raise InstrumentDataError(reader.source, "kind", f"expected {kind!r}")
    reader.get("title", str)
    reader.get("source", str)
    reader.choice("wording", WORDINGS)


def _scale(reader: _Reader) -> Scale:
    points = [
        ScalePoint(point.get("value", int), point.get("label", str))
        for point in reader.objects("points")
    ]
    _unique(reader.source, f"{reader.where}.points", [p.value for p in points])
    if len(points) < 2:
        raise InstrumentDataError(reader.source, f"{reader.where}.points", "needs two or more")
    not_applicable = reader.get("not_applicable", dict, None)
    return Scale(
        reader.get("id", str),
        tuple(points),
        not_applicable=_Reader(reader.source, not_applicable, f"{reader.where}.not_applicable").get(
            "label", str
        )
        if not_applicable is not None
        else None,
        categorical=reader.get("categorical", bool, False),
    )


def _note_fields(top: _Reader) -> tuple[NoteField, ...]:
    if "item_notes" not in top.data:
        return ()
    notes = tuple(
        NoteField(n.get("id", str), n.get("label", str)) for n in top.objects("item_notes")
    )
    _unique(top.source, "item_notes", [n.id for n in notes])
    return notes


def _sheet_fields(top: _Reader) -> tuple[SheetField, ...]:
    if "sheet_fields" not in top.data:
        return ()
    fields = []
    for entry in top.objects("sheet_fields"):
        choices = entry.get("choices", list, [])
        if not all(isinstance(c, str) and c.strip() for c in choices):
            raise InstrumentDataError(top.source, f"{entry.where}.choices", "must list texts")
        lines = entry.get("lines", int, 1)
        if not 1 <= lines <= 20:
            raise InstrumentDataError(top.source, f"{entry.where}.lines", "must be 1 to 20")
        fields.append(
            SheetField(entry.get("id", str), entry.get("label", str), tuple(choices), lines)
        )
    _unique(top.source, "sheet_fields", [f.id for f in fields])
    return tuple(fields)


def questionnaire_from(data: object, source: str, expected_id: str | None = None) -> Questionnaire:
    """Check ``data`` (a parsed instrument file) and return it as a Questionnaire."""
    top = _Reader(source, data)
    check_header(top, expected_id, "questionnaire")
    sections = tuple(
        Section(s.get("id", str), s.get("title", str)) for s in top.objects("sections")
    )
    _unique(source, "sections", [s.id for s in sections])
    section_ids = {s.id for s in sections}
    items = []
    for entry in top.objects("items"):
        item = Item(
            id=entry.get("id", str),
            section=entry.choice("section", tuple(section_ids)),
            text=entry.get("text", str),
            pair=entry.get("pair", int, None),
            caution=entry.get("caution", bool, False),
        )
        items.append(item)
    _unique(source, "items", [i.id for i in items])
    return Questionnaire(
        id=top.data["id"],
        version=top.data["version"],
        title=top.data["title"],
        source=top.data["source"],
        wording=top.data["wording"],
        scale=_scale(_Reader(source, top.get("scale", dict), "scale")),
        sections=sections,
        items=tuple(items),
        instructions=top.get("instructions", str, ""),
        item_notes=_note_fields(top),
        sheet_fields=_sheet_fields(top),
    )


@cache
def _shipped(instrument_id: str) -> Questionnaire:
    return questionnaire_from(raw(instrument_id), f"{instrument_id}.json", instrument_id)


def load_questionnaire(instrument_id: str, path: str | Path | None = None) -> Questionnaire:
    """The shipped questionnaire ``instrument_id``, or a replacement file at ``path``.

    A replacement must describe the same instrument: same id and the same item
    ids, so that scoring rules and saved answers keep their meaning.
    """
    shipped = _shipped(instrument_id)
    if path is None:
        return shipped
    source = str(path)
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise InstrumentDataError(source, "(file)", f"cannot be read as JSON: {error}") from None
    replacement = questionnaire_from(data, source, instrument_id)
    if replacement.item_ids != shipped.item_ids:
        raise InstrumentDataError(
            source, "items", f"must have the same item ids, in order, as {instrument_id}.json"
        )
    if replacement.scale.values != shipped.scale.values or (
        replacement.scale.not_applicable is None
    ) != (shipped.scale.not_applicable is None):
        raise InstrumentDataError(source, "scale", "must keep the same scale values")
    return replacement


@dataclass(frozen=True)
class GarsLevel:
    """One level of a goal's scale: its code (-2 to +2) and what it is called."""

    code: int
    label: str


@dataclass(frozen=True)
class GarsCheck:
    """One of the finalizing checklist's questions.

    ``judged`` is ``"warning"`` (a program can look at the wording) or
    ``"confirm"`` (only the learner can answer).
    """

    id: str
    text: str
    judged: str


@dataclass(frozen=True)
class GarsSummary:
    """How a time point is summarised: the method, the conventional ρ and its source."""

    method: str
    rho: float
    added_by_site: bool
    source: str


@dataclass(frozen=True)
class GarsInstrument:
    """The Goal Attainment Rating Scale: its levels, finalizing checklist and T-score."""

    id: str
    version: int
    title: str
    source: str
    wording: str
    #: in the file's order (the shipped file lists the lowest first)
    levels: tuple[GarsLevel, ...]
    checklist: tuple[GarsCheck, ...]
    summary: GarsSummary
    baseline_convention: str

    @property
    def codes(self) -> tuple[int, ...]:
        return tuple(level.code for level in self.levels)


GARS_SUMMARY_METHODS = ("kiresuk_sherman_t",)


def _check_gars(top: _Reader) -> GarsInstrument:
    """Check a GARS file (its header already checked) and return it as a record."""
    levels = tuple(
        GarsLevel(level.get("code", int), level.get("label", str))
        for level in top.objects("levels")
    )
    if sorted(level.code for level in levels) != [-2, -1, 0, 1, 2]:
        raise InstrumentDataError(top.source, "levels", "must have the codes -2, -1, 0, +1, +2")
    checklist = tuple(
        GarsCheck(
            entry.get("id", str),
            entry.get("text", str),
            entry.choice("judged", ("warning", "confirm")),
        )
        for entry in top.objects("checklist")
    )
    _unique(top.source, "checklist", [check.id for check in checklist])
    summary = _Reader(top.source, top.get("summary", dict), "summary")
    rho = summary.get("rho", (int, float))
    if not 0 <= rho <= 1:
        raise InstrumentDataError(top.source, "summary.rho", "must be a number from 0 to 1")
    return GarsInstrument(
        id=top.data["id"],
        version=top.data["version"],
        title=top.data["title"],
        source=top.data["source"],
        wording=top.data["wording"],
        levels=levels,
        checklist=checklist,
        summary=GarsSummary(
            method=summary.choice("method", GARS_SUMMARY_METHODS),
            rho=float(rho),
            added_by_site=summary.get("added_by_site", bool),
            source=summary.get("source", str),
        ),
        baseline_convention=top.get("baseline_convention", str),
    )


def gars_from(data: object, source: str, expected_id: str | None = None) -> GarsInstrument:
    """Check ``data`` (a parsed instrument file of kind "gars") and return it as a record."""
    top = _Reader(source, data)
    check_header(top, expected_id, "gars")
    return _check_gars(top)


@cache
def load_gars(instrument_id: str = "gars") -> GarsInstrument:
    """The shipped Goal Attainment Rating Scale, checked."""
    return gars_from(raw(instrument_id), f"{instrument_id}.json", instrument_id)


@dataclass(frozen=True)
class ScalingRange:
    """The lowest and highest rating a scaling question takes (0 and 10 as shipped)."""

    min: int
    max: int

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(range(self.min, self.max + 1))


@dataclass(frozen=True)
class ScalingStep:
    """One of the steps of asking a scaling question (the toolkit's Table 4.6)."""

    id: str
    text: str


@dataclass(frozen=True)
class ScalingQuestion:
    """One question asked on the scale, with what its ends stand for and its follow-ups."""

    id: str
    #: how the question list groups it, e.g. "uses" or "sop"
    group: str
    title: str
    text: str
    #: what the lowest and the highest rating stand for
    anchor_min: str
    anchor_max: str
    anchors_added_by_site: bool
    follow_ups: tuple[str, ...]


#: the situations a scaling summary can call for a prompt in, as the file names them
SCALING_PROMPTS = (
    "step_up",
    "what_works",
    "best_before",
    "dropped",
    "at_top",
    "gap_between_scales",
    "very_low",
)


@dataclass(frozen=True)
class ScalingPrompts:
    """The follow-up prompts, one per situation in :data:`SCALING_PROMPTS`."""

    step_up: str
    what_works: str
    best_before: str
    dropped: str
    at_top: str
    gap_between_scales: str
    very_low: str

    def text(self, key: str) -> str:
        """The prompt named ``key`` (one of :data:`SCALING_PROMPTS`)."""
        if key not in SCALING_PROMPTS:
            raise KeyError(key)
        return str(getattr(self, key))


@dataclass(frozen=True)
class ScalingInstrument:
    """Scaling questions: the rating range, the steps, the questions and the prompts."""

    id: str
    version: int
    title: str
    source: str
    wording: str
    range: ScalingRange
    steps: tuple[ScalingStep, ...]
    questions: tuple[ScalingQuestion, ...]
    prompts: ScalingPrompts

    def question(self, question_id: object) -> ScalingQuestion | None:
        """The question with this id, or None."""
        return next((q for q in self.questions if q.id == question_id), None)


def _check_scaling(top: _Reader) -> ScalingInstrument:
    """Check a scaling file (its header already checked) and return it as a record."""
    bounds = _Reader(top.source, top.get("range", dict), "range")
    if bounds.get("min", int) >= bounds.get("max", int):
        raise InstrumentDataError(top.source, "range", "min must be below max")
    rating_range = ScalingRange(bounds.data["min"], bounds.data["max"])
    steps = tuple(
        ScalingStep(step.get("id", str), step.get("text", str)) for step in top.objects("steps")
    )
    _unique(top.source, "steps", [step.id for step in steps])
    questions = []
    for question in top.objects("questions"):
        for key in ("id", "group", "title", "text"):
            question.get(key, str)
        anchors = _Reader(top.source, question.get("anchors", dict), f"{question.where}.anchors")
        anchor_min = anchors.get(str(rating_range.min), str)
        anchor_max = anchors.get(str(rating_range.max), str)
        added_by_site = question.get("anchors_added_by_site", bool)
        follow_ups = question.get("follow_ups", list)
        for number, text in enumerate(follow_ups):
            if not isinstance(text, str) or not text.strip():
                raise InstrumentDataError(
                    top.source, f"{question.where}.follow_ups[{number}]", "must be text"
                )
        questions.append(
            ScalingQuestion(
                id=question.data["id"],
                group=question.data["group"],
                title=question.data["title"],
                text=question.data["text"],
                anchor_min=anchor_min,
                anchor_max=anchor_max,
                anchors_added_by_site=added_by_site,
                follow_ups=tuple(follow_ups),
            )
        )
    _unique(top.source, "questions", [q.id for q in questions])
    prompts = _Reader(top.source, top.get("prompts", dict), "prompts")
    return ScalingInstrument(
        id=top.data["id"],
        version=top.data["version"],
        title=top.data["title"],
        source=top.data["source"],
        wording=top.data["wording"],
        range=rating_range,
        steps=steps,
        questions=tuple(questions),
        prompts=ScalingPrompts(**{key: prompts.get(key, str) for key in SCALING_PROMPTS}),
    )


def scaling_from(data: object, source: str, expected_id: str | None = None) -> ScalingInstrument:
    """Check ``data`` (a parsed instrument file of kind "scaling") and return it as a record."""
    top = _Reader(source, data)
    check_header(top, expected_id, "scaling")
    return _check_scaling(top)


@cache
def load_scaling(instrument_id: str = "scaling") -> ScalingInstrument:
    """The shipped scaling questions, checked."""
    return scaling_from(raw(instrument_id), f"{instrument_id}.json", instrument_id)


@dataclass(frozen=True)
class Stage:
    """One stage: what it looks like (its indicators) and the steps toward the next."""

    id: str
    title: str
    description: str
    indicators: tuple[str, ...]
    next_steps: tuple[str, ...]


@dataclass(frozen=True)
class StagesInstrument:
    """Stages in order, from the earliest (e.g. the culture-of-coaching stages)."""

    id: str
    version: int
    title: str
    source: str
    wording: str
    stages: tuple[Stage, ...]
    indicators_added_by_site: bool


def _check_stages(top: _Reader) -> StagesInstrument:
    """Check a stages file (its header already checked) and return it as a record."""
    stages = []
    for stage in top.objects("stages"):
        for key in ("id", "title", "description"):
            stage.get(key, str)
        for key in ("indicators", "next_steps"):
            texts = stage.get(key, list)
            if not texts or not all(isinstance(t, str) and t.strip() for t in texts):
                raise InstrumentDataError(top.source, f"{stage.where}.{key}", "must list texts")
        stages.append(
            Stage(
                id=stage.data["id"],
                title=stage.data["title"],
                description=stage.data["description"],
                indicators=tuple(stage.data["indicators"]),
                next_steps=tuple(stage.data["next_steps"]),
            )
        )
    _unique(top.source, "stages", [s.id for s in stages])
    _unique(top.source, "indicators", [t for s in stages for t in s.indicators])
    return StagesInstrument(
        id=top.data["id"],
        version=top.data["version"],
        title=top.data["title"],
        source=top.data["source"],
        wording=top.data["wording"],
        stages=tuple(stages),
        indicators_added_by_site=top.get("indicators_added_by_site", bool),
    )


def stages_from(data: object, source: str, expected_id: str | None = None) -> StagesInstrument:
    """Check ``data`` (a parsed instrument file of kind "stages") and return it as a record."""
    top = _Reader(source, data)
    check_header(top, expected_id, "stages")
    return _check_stages(top)


@cache
def load_stages(instrument_id: str = "culture_stage") -> StagesInstrument:
    """The shipped stages file ``instrument_id`` (the culture-of-coaching stages), checked."""
    return stages_from(raw(instrument_id), f"{instrument_id}.json", instrument_id)


def _check_reference(top: _Reader) -> None:
    """Groups of entries; optionally a "checklist" block that makes them a checklist."""
    groups = top.objects("groups")
    for group in groups:
        group.get("id", str)
        group.get("title", str)
        entries = group.objects("entries")
        for entry in entries:
            entry.get("id", str)
            entry.get("label", str)
            entry.get("note", str, None)
        _unique(top.source, f"{group.where}.entries", [e.data["id"] for e in entries])
    _unique(top.source, "groups", [g.data["id"] for g in groups])
    if "checklist" in top.data:
        _checklist_block(top)


@dataclass(frozen=True)
class Entry:
    id: str
    label: str
    note: str = ""


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Status:
    id: str
    label: str


@dataclass(frozen=True)
class Checklist:
    """A reference list (e.g. Tannenbaum's eight) used as a checklist: one status per entry."""

    id: str
    version: int
    title: str
    source: str
    question: str
    statuses: tuple[Status, ...]
    gaps: tuple[str, ...]  # statuses that call for an action
    action_label: str
    added_by_site: str
    groups: tuple[Group, ...]

    @property
    def entry_ids(self) -> tuple[str, ...]:
        return tuple(entry.id for group in self.groups for entry in group.entries)


def checklist_from(data: object, source: str, expected_id: str | None = None) -> Checklist:
    """Check a reference file that carries a "checklist" block and return it."""
    top = _Reader(source, data)
    check_header(top, expected_id, "reference")
    top.get("checklist", dict)
    _check_reference(top)
    block, statuses, gaps = _checklist_block(top)
    groups = tuple(
        Group(
            g["id"],
            g["title"],
            tuple(Entry(e["id"], e["label"], e.get("note", "")) for e in g["entries"]),
        )
        for g in top.data["groups"]
    )
    return Checklist(
        id=top.data["id"],
        version=top.data["version"],
        title=top.data["title"],
        source=top.data["source"],
        question=block.get("question", str),
        statuses=statuses,
        gaps=gaps,
        action_label=block.get("action_label", str),
        added_by_site=block.get("added_by_site", str),
        groups=groups,
    )


def _checklist_block(top: _Reader) -> tuple[_Reader, tuple[Status, ...], tuple[str, ...]]:
    block = _Reader(top.source, top.get("checklist", dict), "checklist")
    statuses = tuple(
        Status(s.get("id", str), s.get("label", str)) for s in block.objects("statuses")
    )
    _unique(top.source, "checklist.statuses", [s.id for s in statuses])
    gaps = block.get("gaps", list)
    if not gaps or not set(gaps) < {s.id for s in statuses}:
        raise InstrumentDataError(top.source, "checklist.gaps", "must name some, not all, statuses")
    for key in ("question", "action_label", "added_by_site"):
        block.get(key, str)
    return block, statuses, tuple(gaps)


@cache
def load_checklist(instrument_id: str) -> Checklist:
    """A shipped reference list as a checklist."""
    return checklist_from(raw(instrument_id), f"{instrument_id}.json", instrument_id)


_KIND_CHECKS: dict[str, Callable[[_Reader], object]] = {
    "gars": _check_gars,
    "scaling": _check_scaling,
    "stages": _check_stages,
    "reference": _check_reference,
}


def validate(data: object, source: str, expected_id: str | None = None) -> None:
    """Check any instrument file against the schema of its kind; raise on the first problem."""
    top = _Reader(source, data)
    kind = top.choice("kind", KINDS)
    if kind == "questionnaire":
        questionnaire_from(data, source, expected_id)
        return
    check_header(top, expected_id, kind)
    _KIND_CHECKS[kind](top)
