"""Results and print summaries of the practice forms, as HTML.

The practice forms (SMART builder, observation records, planners, journal…)
show what :func:`toolkit_widgets.form_reviews.review` finds: the form's own
review, if its file names one, then how far each section has got. The printed
record lists every answer, then signature lines, the results, what this site
added and the source. Every learner text is escaped here; nothing imports
ipywidgets, so the page's Python and the old view share these functions.
"""

from __future__ import annotations

from html import escape
from typing import Any

from toolkit_widgets import form_sheet
from toolkit_widgets.form_reviews import Finding
from toolkit_widgets.form_sheet import shown_value
from toolkit_widgets.form_spec import Form

__all__ = ["addition_html", "handoff_html", "results_html", "signature_lines", "summary_html"]

_TONES = {"ok": "toolkit-finding-ok", "todo": "toolkit-finding-todo", "info": "toolkit-finding"}


def results_html(findings: list[Finding]) -> str:
    """Each finding as a heading (its tone as a class) and a list of its lines."""
    return "".join(
        f"<div class='{_TONES[f.tone]}'><h4>{escape(f.heading)}</h4>"
        + (
            "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in f.lines) + "</ul>"
            if f.lines
            else ""
        )
        + "</div>"
        for f in findings
    )


def addition_html(form: Form) -> str:
    """What this site added to the book's form, labelled as such (empty when nothing)."""
    if not form.added_by_site:
        return ""
    return f"<p class='toolkit-addition'>Added by this site: {escape(form.added_by_site)}</p>"


def signature_lines(form: Form) -> list[str]:
    """One line per role that signs the printed form (plain text, not escaped)."""
    return [f"{role}: signed ____________________ date __________" for role in form.signatures]


def handoff_html(target: str, old_key: str, label: str) -> str:
    """A button that hands this sheet's result to worksheet ``target``, and its status line.

    The page's script does the keeping: on a click it reads ``target``'s kept
    record (or, once, the record the earlier site kept under ``old_key``),
    asks Python (``web.handoff``) for the new one and writes it back; it
    shows Python's reply in the status line. No rule is in the script.
    """
    return (
        "<div class='tk-handoff'>"
        f"<button type='button' class='tk-button' data-handoff='{escape(target)}' "
        f"data-handoff-old-key='{escape(old_key)}'>{escape(label)}</button>"
        "<p class='tk-message' role='status' data-handoff-message></p></div>"
    )


def summary_html(form: Form, answers: dict[str, Any], results: str) -> str:
    """The printable record: every section with its answers, signatures, results, source."""
    parts = [f"<h2>{escape(form.title)}</h2>"]
    for section in form.sections:
        parts.append(f"<h3>{escape(section.title)}</h3>")
        for number, entry in enumerate(form_sheet.entries(section, answers), start=1):
            if section.repeat:
                parts.append(f"<h4>{escape(section.repeat.capitalize())} {number}</h4>")
            rows = "".join(
                f"<tr><th scope='row'>{escape(f.label)}</th>"
                f"<td>{escape(shown_value(f, entry[f.id]))}</td></tr>"
                for f in section.fields
            )
            parts.append(f"<table class='toolkit-record'><tbody>{rows}</tbody></table>")
    if form.signatures:
        lines = "".join(
            f"<p class='toolkit-signature'>{escape(line)}</p>" for line in signature_lines(form)
        )
        parts.append(f"<h3>Signatures</h3>{lines}")
    parts.append(f"<h3>Results</h3>{results}")
    if form.added_by_site:
        parts.append(f"<p>Added by this site: {escape(form.added_by_site)}</p>")
    parts.append(f"<p>Source: {escape(form.source)}</p>")
    return "".join(parts)
