"""A form model written as plain, semantic HTML: the worksheet as the page shows it.

The Sphinx directive puts this HTML into the chapter page at build time, so a
reader sees (and can print) the whole blank form before any script or Python
has run. Native controls only: a fieldset and legend per group, a ``<label
for>`` per control, radio buttons or a list for a response scale, number and
date inputs, text areas whose ``maxlength`` is the limit the checks enforce.
A repeated part (goals, sessions) is drawn once per starting entry, and once
more inside a ``<template>`` the page's script copies when the learner adds
one. Every text comes from data and is escaped here.
"""

from __future__ import annotations

from html import escape

from toolkit_widgets.render.form_model import (
    INDEX,
    ROW_NUMBER,
    Field,
    Form,
    Group,
    Part,
    Prose,
    Repeat,
    name_of,
)

__all__ = ["PRIVACY", "control_id", "form_html", "sheet_html"]

PRIVACY = (
    "Your answers are saved only in this browser, on this device, as you type. "
    "They are never sent anywhere."
)
#: longest text a number box takes: any usable number fits, a pasted essay does not
NUMBER_CHARS = 40
KEEP_NOTE = (
    "Some browsers delete a site's stored data after weeks without a visit, and private "
    "windows forget it when closed: export your answers to keep a copy you control."
)


def _attrs(**values: object) -> str:
    """HTML attributes from keywords; ``None``/``False`` are left out, ``True`` is bare."""
    out = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        out.append(f" {name}" if value is True else f' {name}="{escape(str(value))}"')
    return "".join(out)


def control_id(worksheet: str, name: str) -> str:
    """The element id of a control, unique on a page that shows several worksheets."""
    return f"tk-{worksheet}-{name.replace('.', '-')}"


def _number(text: str) -> str:
    return f'<span class="tk-num" aria-hidden="true">{escape(text)}</span> ' if text else ""


def _numbered(text: str, prefix: tuple[str, ...]) -> str:
    """``text`` escaped, with :data:`ROW_NUMBER` as the entry's number inside a repeated part.

    The number sits in a ``data-row-number`` span, which the page's script
    rewrites when entries are added or removed (empty in the row template).
    Outside a repeated part the text is only escaped.
    """
    shown = escape(text)
    if not prefix or ROW_NUMBER not in text:
        return shown
    index = prefix[-1]
    number = "" if index == INDEX else str(int(index) + 1)
    # one span round it all: in a flex box (a button) the space before the number
    # would otherwise be trimmed from the text before it ("Remove session1")
    return (
        "<span>" + shown.replace(ROW_NUMBER, f"<span data-row-number>{number}</span>") + "</span>"
    )


def _option_value(value: object) -> str:
    """How an option's value is written in the page: JSON, so true/3/"x" stay apart."""
    import json

    return json.dumps(value)


class _Writer:
    def __init__(self, worksheet: str, heading: int = 3) -> None:
        self.worksheet = worksheet
        #: level of the worksheet's own headings; a form's sub-headings are one below
        self.heading = heading

    def parts(self, parts: tuple[Part, ...], prefix: tuple[str, ...] = ()) -> str:
        return "".join(self.part(part, prefix) for part in parts)

    def part(self, part: Part, prefix: tuple[str, ...]) -> str:
        if isinstance(part, Field):
            return self.field(part, prefix)
        if isinstance(part, Prose):
            tag = f"h{min(self.heading + 1, 6)}" if part.heading else "p"
            items = "".join(f"<li>{escape(item)}</li>" for item in part.items)
            listed = f'<ul class="tk-prose-list">{items}</ul>' if items else ""
            return f'<{tag} class="tk-prose">{escape(part.text)}</{tag}>{listed}'
        if isinstance(part, Group):
            hint = f'<p class="tk-hint">{escape(part.hint)}</p>' if part.hint else ""
            return (
                f'<fieldset class="tk-group"><legend>{escape(part.legend)}</legend>{hint}'
                f"{self.parts(part.parts, prefix)}</fieldset>"
            )
        return self.repeat(part, prefix)

    def repeat(self, repeat: Repeat, prefix: tuple[str, ...]) -> str:
        path = (*prefix, *repeat.path)
        rows = "".join(self.row(repeat, path, str(i)) for i in range(repeat.start))
        name = name_of(path)
        return (
            '<div class="tk-repeat"'
            + _attrs(
                data_repeat=name,
                data_min=repeat.minimum,
                data_max=repeat.maximum,
                data_start=repeat.start,
            )
            + ">"
            f'<div class="tk-rows" data-rows>{rows}</div>'
            f"<template data-row-template>{self.row(repeat, path, INDEX)}</template>"
            f'<button type="button" class="tk-button tk-add" data-add hidden>'
            f"{escape(repeat.add_label or 'Add ' + repeat.noun)}</button>"
            f'<p class="tk-message"{_attrs(data_message_for=name)}></p></div>'
        )

    def row(self, repeat: Repeat, path: tuple[str, ...], index: str) -> str:
        number = "" if index == INDEX else str(int(index) + 1)
        return (
            f'<fieldset class="tk-row" data-row><legend>{escape(repeat.legend)} '
            f"<span data-row-number>{number}</span></legend>"
            f"{self.parts(repeat.parts, (*path, index))}"
            f'<button type="button" class="tk-button tk-remove" data-remove hidden>'
            f"{_numbered(repeat.remove_label or f'Remove this {repeat.noun}', (*path, index))}"
            "</button></fieldset>"
        )

    def field(self, field: Field, prefix: tuple[str, ...]) -> str:
        full = (*prefix, *field.path, *((field.flag_value,) if field.kind == "flag" else ()))
        name = name_of((*prefix, *field.path)) if field.kind != "flag" else name_of(full)
        ident = control_id(self.worksheet, name_of(full))
        hint_id, message_id = f"{ident}-hint", f"{ident}-msg"
        described = " ".join(i for i in (hint_id if field.hint else "", message_id) if i)
        hint = (
            f'<p class="tk-hint"{_attrs(id=hint_id)}>{escape(field.hint)}</p>' if field.hint else ""
        )
        message = f'<p class="tk-message"{_attrs(id=message_id, data_message_for=name)}></p>'
        label = f"{_number(field.number)}{_numbered(field.label, prefix)}"
        if field.kind in ("radio",):
            options = [
                ("", field.blank_label),
                *((_option_value(o.value), o.label) for o in field.options),
            ]
            buttons = "".join(
                f'<span class="tk-option"><input type="radio"'
                f"{_attrs(id=f'{ident}-{n}', name=name, value=value, checked=not value)}>"
                f"<label{_attrs(for_=f'{ident}-{n}')}>{escape(text)}</label></span>"
                for n, (value, text) in enumerate(options)
            )
            return (
                f'<fieldset class="tk-field tk-choice"{_attrs(id=ident)}'
                f"{_attrs(aria_describedby=described)}>"
                f'<legend>{label}</legend>{hint}<div class="tk-options">{buttons}</div>'
                f"{message}</fieldset>"
            )
        if field.kind in ("check", "flag"):
            return (
                f'<div class="tk-field tk-check"><input type="checkbox"'
                f"{_attrs(id=ident, name=name, aria_describedby=described)}>"
                f"<label{_attrs(for_=ident)}>{label}</label>{hint}{message}</div>"
            )
        common = {"id": ident, "name": name, "aria_describedby": described}
        if field.kind == "select":
            options = "".join(
                f"<option{_attrs(value=_option_value(o.value))}>{escape(o.label)}</option>"
                for o in field.options
            )
            control = (
                f'<select{_attrs(**common)}><option value="">{escape(field.blank_label)}</option>'
                f"{options}</select>"
            )
        elif field.kind == "textarea":
            size = _attrs(rows=field.rows, maxlength=field.max_length)
            control = f"<textarea{_attrs(**common)}{size}></textarea>"
        elif field.kind == "number":
            # a text box, not type="number": the browser would hand the page an empty
            # value for "1e400" or "1e" and drop it on reload, so Python could neither
            # say what is wrong nor the page keep what was typed. The phone keypad is
            # the decimal one unless the number may be negative (it has no minus sign).
            keypad = "decimal" if field.minimum is not None and field.minimum >= 0 else None
            control = (
                f'<input type="text"{_attrs(**common)}'
                f"{_attrs(inputmode=keypad, spellcheck='false', maxlength=NUMBER_CHARS)}>"
            )
        elif field.kind == "date":
            control = f'<input type="date"{_attrs(**common)}>'
        else:
            control = f'<input type="text"{_attrs(**common, maxlength=field.max_length)}>'
        return (
            f'<div class="tk-field tk-{field.kind}"><label{_attrs(for_=ident)}>{label}</label>'
            f"{hint}{control}{message}</div>"
        )


def form_html(form: Form, heading: int = 3) -> str:
    """The form alone: its intro and every part, with no keeping or results."""
    intro = f'<p class="tk-intro">{escape(form.intro)}</p>' if form.intro else ""
    body = _Writer(form.worksheet, heading).parts(form.parts)
    return (
        f'<form class="tk-form"{_attrs(id=f"tk-{form.worksheet}-form", aria_label=form.title)} '
        f'novalidate autocomplete="off">{intro}{body}</form>'
    )


def sheet_html(form: Form, no_script_note: str = "", old_key: str = "", heading: int = 3) -> str:
    """The whole worksheet: form, results, the keeping panel and the print summary.

    ``heading`` is the level of the worksheet's own headings ("Results"): one
    below the section that holds it, so the page's outline has no gaps. Python's
    results, written for level 3, are moved to match (``data-heading``).

    Buttons the page's script drives start ``hidden`` and are shown by it, so a
    page without scripts shows (and prints) a plain paper form.
    """
    ws = escape(form.worksheet)
    waiting = no_script_note or (
        "Results are worked out by Python inside your browser once the page has started it."
    )
    about = _attrs(
        data_sheet=form.worksheet,
        data_old_key=old_key or None,
        data_heading=heading,
        aria_label=form.title,
    )
    import_id = f"tk-{ws}-import"
    results_id = f"tk-{ws}-results-title"
    keep_id = f"tk-{ws}-keep-title"
    return (
        f'<section class="tk-sheet toolkit-form toolkit-worksheet-{ws}"'
        f"{about}>"
        f"{form_html(form, heading)}"
        f'<section class="tk-results-box"{_attrs(aria_labelledby=results_id)}>'
        f"<h{heading}{_attrs(id=results_id)}>Results</h{heading}>"
        f'<p class="tk-python" role="status" data-python-status>'
        f"{escape(waiting)}</p>"
        '<div class="tk-results toolkit-results" data-results aria-live="polite"></div></section>'
        '<section class="tk-keep toolkit-keeper" data-keep hidden'
        f"{_attrs(aria_labelledby=keep_id)}>"
        f"<h{heading}{_attrs(id=keep_id)}>Keep your answers</h{heading}>"
        '<p class="toolkit-saved" role="status" data-save-status>'
        f"Not saved yet. {escape(PRIVACY)}</p>"
        '<p class="tk-downloads" data-downloads>Download a copy: '
        # links once Python has written the files (an address-less <a> is no link)
        '<span class="toolkit-download" data-download="json">answers (.json, re-importable)'
        "</span> · "
        '<span class="toolkit-download" data-download="csv">table (.csv, for spreadsheets)'
        "</span>"
        '<span class="tk-hint" data-download-note></span></p>'
        '<div class="tk-actions">'
        f'<input type="file" class="tk-file" data-import{_attrs(id=import_id)}'
        ' accept=".json,application/json">'
        f'<label class="tk-button tk-file-label"{_attrs(for_=import_id)}>Import answers</label>'
        '<button type="button" class="tk-button" data-clear>Clear my data</button>'
        '<button type="button" class="tk-button" data-print>Print my summary</button></div>'
        '<p class="tk-message" role="status" data-import-message></p>'
        '<div class="tk-confirm" data-confirm hidden><p><strong>Delete every answer on this '
        "worksheet from this browser?</strong> This cannot be undone. Export first if you want "
        'a copy.</p><button type="button" class="tk-button tk-danger" data-confirm-yes>'
        'Yes, delete my answers</button> <button type="button" class="tk-button" '
        "data-confirm-no>Keep my answers</button></div>"
        f'<p class="toolkit-keep-note">{escape(KEEP_NOTE)}</p></section>'
        '<div class="tk-summary toolkit-summary" data-summary></div></section>'
    )
