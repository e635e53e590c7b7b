"""A worksheet's form as data: fields, groups and repeated parts.

Every :class:`Field` knows its *path*: where its value sits in the worksheet's
answers (``("ratings", "crs_1")``, or ``("title",)`` inside a repeated goal).
The path is also the control's ``name`` in the page, so the page's script
can keep and restore a form without knowing anything about the instrument,
and :mod:`~toolkit_widgets.render.form_state` can turn what was typed into
answers (and back) for every worksheet alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from toolkit_widgets.constants import MAX_TEXT

__all__ = [
    "INDEX",
    "ROW_NUMBER",
    "Field",
    "Form",
    "Group",
    "Option",
    "Part",
    "Prose",
    "Repeat",
    "name_of",
]

#: what a field holds and how it is shown: one line, a paragraph, a number, a
#: date, one of several options (as radio buttons or a list), a tick, or a tick
#: that adds ``flag_value`` to a list (items marked "needs attention")
Kind = Literal["text", "textarea", "number", "date", "radio", "select", "check", "flag"]

#: stands for a row's number in the names and ids of a repeated part's template
INDEX = "__i__"
#: in the label of a field inside a repeated part (or in its ``remove_label``),
#: stands for the entry's number as the learner sees it ("Session {n} date" ->
#: "Session 2 date"); the page renumbers it when entries are added or removed,
#: so each entry's controls keep names of their own for screen readers and tests
ROW_NUMBER = "{n}"
_SEGMENT = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Option:
    """One answer a learner can choose; ``value`` is what the answers hold."""

    value: str | int | float | bool
    label: str


@dataclass(frozen=True)
class Field:
    """One control, named by the item or question it answers."""

    path: tuple[str, ...]
    label: str
    kind: Kind
    options: tuple[Option, ...] = ()
    #: help shown under the label and read with the control
    hint: str = ""
    minimum: float | None = None
    maximum: float | None = None
    #: 1 for whole numbers; None lets any number through (with its range)
    step: float | None = None
    max_length: int = MAX_TEXT
    rows: int = 3
    #: the label of the "nothing chosen yet" option of a radio group or list
    blank_label: str = "Not answered"
    #: for a "flag" tick: the value it adds to the list at ``path``
    flag_value: str = ""
    #: shown before the label but left out of the accessible name ("3.")
    number: str = ""

    def __post_init__(self) -> None:
        for segment in self.path:
            if segment != INDEX and not _SEGMENT.fullmatch(segment):
                raise ValueError(f"field path segment {segment!r} is not a plain name")

    @property
    def name(self) -> str:
        """The control's name in the page; unique within its form."""
        parts = (*self.path, self.flag_value) if self.kind == "flag" else self.path
        return name_of(parts)

    @property
    def whole(self) -> bool:
        return self.step is not None and float(self.step).is_integer()


@dataclass(frozen=True)
class Prose:
    """Words shown between fields: instructions, a sub-heading.

    ``items`` are shown as a list under the text (questions to consider, a
    form's prompts), so that a printed blank form still carries them.
    """

    text: str
    heading: bool = False
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    """Fields that belong together, shown as a fieldset with a legend."""

    legend: str
    parts: tuple[Part, ...]
    hint: str = ""


@dataclass(frozen=True)
class Repeat:
    """A part the learner can add more of (goals, sessions, journal entries).

    ``path`` is where the list sits in the answers; the paths of the fields in
    ``parts`` are relative to one entry. ``blank`` is a new entry's answers.
    """

    path: tuple[str, ...]
    noun: str
    parts: tuple[Part, ...]
    blank: dict[str, Any]
    minimum: int = 1
    maximum: int = 50
    #: the visible button that adds one, e.g. "Add a goal"
    add_label: str = ""
    #: the button that removes one entry; "Remove this <noun>" when empty.
    #: May hold :data:`ROW_NUMBER` ("Remove session {n}").
    remove_label: str = ""
    #: how many entries a blank (and printed) form shows
    start: int = 1

    @property
    def name(self) -> str:
        return name_of(self.path)

    @property
    def legend(self) -> str:
        return self.noun[:1].upper() + self.noun[1:]


Part = Field | Prose | Group | Repeat


@dataclass(frozen=True)
class Form:
    """A worksheet's whole form, as the page shows it before any answer."""

    worksheet: str
    title: str
    parts: tuple[Part, ...]
    intro: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def fields(self) -> list[Field]:
        """Every field outside repeated parts, in page order."""
        return [f for f in _walk(self.parts) if isinstance(f, Field)]

    def repeats(self) -> list[Repeat]:
        return [r for r in _walk(self.parts) if isinstance(r, Repeat)]


def _walk(parts: tuple[Part, ...]) -> list[Part]:
    found: list[Part] = []
    for part in parts:
        found.append(part)
        if isinstance(part, Group):
            found.extend(_walk(part.parts))
    return found


def row_fields(repeat: Repeat) -> list[Field]:
    """The fields of one entry of a repeated part, in page order."""
    return [f for f in _walk(repeat.parts) if isinstance(f, Field)]


def name_of(path: tuple[str, ...] | list[str]) -> str:
    return ".".join(path)
