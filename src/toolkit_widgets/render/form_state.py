"""What the learner typed, turned into answers, and answers turned back into a form.

The page keeps a form's *state* exactly as typed, valid or not::

    {"values": {control name: text or true/false}, "rows": {repeated part: count}}

:func:`read_state` turns a state into the worksheet's typed answers, with a
message per control for whatever cannot be used (a number out of range, a
choice that is not offered). A bad value never stops the rest: it is left
blank in the answers, its message is shown beside it, and the typed text
stays in the page and in storage. :func:`to_state` goes the other way, for
imported files and for answers saved by earlier versions of the site.

Both are driven by the form model alone, so they are the same for every
worksheet; the page's script only copies values in and out of controls.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import Any

from toolkit_widgets.errors import RefusedAnswerError, ToolkitInputError
from toolkit_widgets.render.form_model import (
    ROW_NUMBER,
    Field,
    Form,
    Repeat,
    name_of,
    row_fields,
)

__all__ = ["MAX_STATE_VALUES", "ReadState", "check_as_typed", "read_state", "to_state"]

#: a state with more controls than this is not one of ours
MAX_STATE_VALUES = 20_000
#: longest single value read at all (a text box's own limit is far lower)
MAX_VALUE_CHARS = 200_000


@dataclass
class ReadState:
    """Typed answers from a form state, and what could not be used, by control name."""

    answers: dict[str, Any]
    messages: dict[str, str] = field(default_factory=dict)


class _Unset:
    pass


_KEEP = _Unset()


def _check_state(state: object) -> tuple[dict[str, Any], dict[str, Any]]:
    if not isinstance(state, dict):
        raise ToolkitInputError("the form state must be an object.")
    values, rows = state.get("values", {}), state.get("rows", {})
    if not isinstance(values, dict) or not isinstance(rows, dict):
        raise ToolkitInputError('the form state needs "values" and "rows" objects.')
    if len(values) > MAX_STATE_VALUES or len(rows) > MAX_STATE_VALUES:
        raise ToolkitInputError("the form state holds far more answers than any worksheet.")
    return values, rows


def _plain_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)


def _readable(value: float) -> str:
    """A limit as a message shows it: thousands grouped ("1,000,000"), never in a control."""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,}"


def _range_text(spec: Field) -> str:
    low, high = spec.minimum, spec.maximum
    kind = "a whole number" if spec.whole else "a number"
    if low is not None and high is not None:
        return f"{kind} from {_readable(low)} to {_readable(high)}"
    if low is not None:
        return f"{kind} of at least {_readable(low)}"
    if high is not None:
        return f"{kind} of at most {_readable(high)}"
    return kind


def _parse(spec: Field, raw: object) -> tuple[Any, str | None]:
    """(value for the answers or _KEEP for the blank one, message or None)."""
    if spec.kind in ("check", "flag"):
        if isinstance(raw, bool):
            return raw, None
        return _KEEP, "This tick box could not be read; tick it again."
    if not isinstance(raw, str):
        return _KEEP, "This answer could not be read; enter it again."
    if len(raw) > MAX_VALUE_CHARS:
        return _KEEP, "This answer is far too long to use."
    if spec.kind in ("text", "textarea"):
        if len(raw) > spec.max_length:
            return raw[: spec.max_length], (
                f"This is {len(raw):,} characters; the most kept is {spec.max_length:,}. "
                "Shorten it: only the first part is used until you do."
            )
        return raw, None
    text = raw.strip()
    if not text:
        return _KEEP, None
    if spec.kind == "date":
        try:
            return dt.date.fromisoformat(text).isoformat(), None
        except ValueError:
            return _KEEP, "Write the date as YYYY-MM-DD, for example 2026-03-31."
    if spec.kind == "number":
        return _number(spec, text)
    return _choice(spec, text)


def _number(spec: Field, text: str) -> tuple[Any, str | None]:
    wanted = f"Use {_range_text(spec)}."
    try:
        if "_" in text:
            raise ValueError(text)
        number = float(text)
    except ValueError:
        return _KEEP, f"“{text[:40]}” is not a number. {wanted}"
    if not math.isfinite(number):
        return _KEEP, f"That is not a usable number. {wanted}"
    if spec.whole and not number.is_integer():
        return _KEEP, wanted
    if (spec.minimum is not None and number < spec.minimum) or (
        spec.maximum is not None and number > spec.maximum
    ):
        return _KEEP, wanted
    return (int(number) if spec.whole else number), None


def _choice(spec: Field, text: str) -> tuple[Any, str | None]:
    try:
        value = json.loads(text)
    except ValueError:
        value = _Unset()
    for option in spec.options:
        if type(option.value) is type(value) and option.value == value:
            return option.value, None
    return _KEEP, "This answer is not one of the choices offered; choose again."


def _get(answers: Any, path: tuple[str, ...]) -> Any:
    node = answers
    for segment in path:
        node = node[int(segment)] if isinstance(node, list) else node[segment]
    return node


def _set(answers: Any, path: tuple[str, ...], value: Any) -> None:
    parent = _get(answers, path[:-1])
    if isinstance(parent, list):
        parent[int(path[-1])] = value
    else:
        parent[path[-1]] = value


def _read_field(
    result: ReadState, values: dict[str, Any], spec: Field, prefix: tuple[str, ...]
) -> None:
    path = (*prefix, *spec.path)
    name = name_of((*path, spec.flag_value) if spec.kind == "flag" else path)
    if name not in values:
        return
    value, message = _parse(spec, values[name])
    if message:
        result.messages[name] = message
    if value is _KEEP:
        return
    if spec.kind == "flag":
        marked = _get(result.answers, path)
        if value and spec.flag_value not in marked:
            marked.append(spec.flag_value)
        return
    _set(result.answers, path, value)


def _row_count(repeat: Repeat, rows: dict[str, Any], name: str, messages: dict[str, str]) -> int:
    count = rows.get(name, repeat.start)
    if not isinstance(count, int) or isinstance(count, bool):
        messages[name] = "The number of entries could not be read."
        return repeat.start
    if count < repeat.minimum or count > repeat.maximum:
        messages[name] = f"A worksheet holds {repeat.minimum} to {repeat.maximum} of these."
        return min(max(count, repeat.minimum), repeat.maximum)
    return count


def read_state(form: Form, blank: dict[str, Any], state: object) -> ReadState:
    """The answers a form state stands for, starting from ``blank`` for what is missing.

    Raises :class:`~toolkit_widgets.errors.ToolkitInputError` only when the
    state as a whole is not a form state; a bad value is a message instead.
    """
    values, rows = _check_state(state)
    result = ReadState(copy.deepcopy(blank))
    flag_paths = {spec.path for spec in form.fields() if spec.kind == "flag"}
    for path in flag_paths:
        _set(result.answers, path, [])
    for spec in form.fields():
        _read_field(result, values, spec, ())
    for repeat in form.repeats():
        count = _row_count(repeat, rows, repeat.name, result.messages)
        _set(result.answers, repeat.path, [copy.deepcopy(repeat.blank) for _ in range(count)])
        for index in range(count):
            for spec in row_fields(repeat):
                _read_field(result, values, spec, (*repeat.path, str(index)))
    # flags come back in the form's order, whatever order they were ticked in
    for path in flag_paths:
        order = [s.flag_value for s in form.fields() if s.kind == "flag" and s.path == path]
        marked = set(_get(result.answers, path))
        _set(result.answers, path, [v for v in order if v in marked])
    return result


def _labels(form: Form, answers: dict[str, Any]) -> dict[str, str]:
    """Control name -> the label a learner sees, row numbers filled in, for ``answers``."""
    labels = {spec.name: spec.label for spec in form.fields()}
    for repeat in form.repeats():
        labels[repeat.name] = repeat.legend
        for index in range(len(_get(answers, repeat.path))):
            for spec in row_fields(repeat):
                path = (*repeat.path, str(index), *spec.path)
                name = name_of((*path, spec.flag_value) if spec.kind == "flag" else path)
                number = str(index + 1)
                label = spec.label.replace(ROW_NUMBER, number)
                labels[name] = (
                    label if ROW_NUMBER in spec.label else f"{repeat.legend} {number}, {label}"
                )
    return labels


def check_as_typed(form: Form, blank: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    """``answers`` (already checked for shape) if the form accepts every one as typed.

    This is the one check shared by the form, imports, answers kept by the
    earlier site and the cohort view: the answers are shown as the form would
    show them and read back by :func:`read_state`, exactly as what a learner
    types is. Any message it gives refuses them with a
    :class:`~toolkit_widgets.errors.RefusedAnswerError` naming the field (a GARS
    weight of -3, a date that is no date, a text longer than its box), so a
    file can never carry what the form would not take.
    """
    read = read_state(form, blank, to_state(form, answers))
    if not read.messages:
        return answers
    name, message = next(iter(read.messages.items()))
    label = _labels(form, answers).get(name, name)
    raise RefusedAnswerError(f"{label}: {message}", field=name)


def _shown(spec: Field, value: Any) -> str | bool:
    if spec.kind == "check":
        return bool(value)
    if spec.kind == "flag":
        return isinstance(value, list) and spec.flag_value in value
    if value is None or value == "":
        return ""  # nothing chosen (sheet questions keep that as "", ratings as None)
    if spec.kind in ("radio", "select"):
        return json.dumps(value)
    if spec.kind == "number":
        return _plain_number(float(value))
    return str(value)


def to_state(form: Form, answers: dict[str, Any]) -> dict[str, Any]:
    """The form state that shows ``answers`` (checked answers: imports, old records)."""
    values: dict[str, Any] = {}
    rows: dict[str, int] = {}

    def put(spec: Field, prefix: tuple[str, ...]) -> None:
        path = (*prefix, *spec.path)
        name = name_of((*path, spec.flag_value) if spec.kind == "flag" else path)
        values[name] = _shown(spec, _get(answers, path))

    for spec in form.fields():
        put(spec, ())
    for repeat in form.repeats():
        entries = _get(answers, repeat.path)
        rows[repeat.name] = len(entries)
        for index in range(len(entries)):
            for spec in row_fields(repeat):
                put(spec, (*repeat.path, str(index)))
    return {"values": values, "rows": rows}
