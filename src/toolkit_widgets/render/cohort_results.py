"""The trainer's group report, as HTML: tables, counts, refused files, printable copy.

Moved out of the ipywidgets view (``views/cohort.py``) so that the page tool
(:func:`toolkit_widgets.web.cohort`) and the old view show the same report.
Pure functions of a :class:`~toolkit_widgets.cohort.CohortReport`; every file
name and reason (they come from files other people made) is escaped here. The
group figures and the rule for copies are this site's, and the report says so.
"""

from __future__ import annotations

from html import escape

from toolkit_widgets.cohort import CohortReport, Spread

__all__ = [
    "ADDED_BY_SITE",
    "EMPTY",
    "gars_html",
    "readiness_html",
    "report_html",
    "status_text",
    "summary_html",
    "trust_html",
]

#: what the report area says before any file is loaded (also written into the page)
EMPTY = "<p>No files loaded yet.</p>"
ADDED_BY_SITE = (
    "Added by this site: the group figures (means, spread, counts) and the rule that "
    "copies of one sheet count once, the newest copy winning."
)


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def _spread_row(label: str, found: Spread) -> str:
    return (
        f"<tr><th scope='row'>{escape(label)}</th><td>{found.n}</td><td>{_num(found.mean)}</td>"
        f"<td>{_num(found.sd)}</td><td>{_num(found.low)}</td><td>{_num(found.high)}</td></tr>"
    )


def _scroll(label: str, table: str) -> str:
    """A wide table in a box that scrolls sideways on a phone, reachable with the keyboard.

    (A box that scrolls must take focus, or a keyboard user cannot scroll it; its
    label says which table a screen reader has reached.)
    """
    return (
        f"<div class='tk-scroll' role='region' tabindex='0' aria-label='{escape(label)}'>"
        f"{table}</div>"
    )


def _spread_table(rows: list[tuple[str, Spread]], first: str, label: str) -> str:
    head = "".join(
        f"<th scope='col'>{h}</th>" for h in (first, "Learners", "Mean", "SD", "Lowest", "Highest")
    )
    body = "".join(_spread_row(label, found) for label, found in rows)
    return _scroll(label, f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _h(level: int, text: str) -> str:
    return f"<h{level}>{text}</h{level}>"


def gars_html(result: CohortReport, level: int = 4) -> str:
    """The GARS part: the group's T-scores, then one row per learner's file."""
    group = result.gars
    if group is None:
        return ""
    learners = "".join(
        f"<tr><th scope='row'>{escape(g.file)}</th><td>{g.goals}</td><td>{_num(g.baseline)}</td>"
        f"<td>{_num(g.follow_up)}</td><td>{escape(g.note)}</td></tr>"
        for g in group.learners
    )
    return (
        _h(level, "Goal attainment (GARS T-scores)")
        + _spread_table(
            [
                ("Baseline", group.baseline),
                ("Follow-up", group.follow_up),
                ("Change (learners with both)", group.change),
            ],
            "T-score",
            "The group's T-scores",
        )
        + f"<p class='toolkit-cohort-gars'>{group.improved} of {group.change.n} learners rated "
        f"at both times rose; {group.at_or_above_expected} of {group.follow_up.n} reached 50 "
        "(goals met as expected, on average) or more at follow-up.</p>"
        + _scroll(
            "T-scores by file",
            "<table><thead><tr><th scope='col'>File</th><th scope='col'>Goals</th>"
            "<th scope='col'>T at baseline</th><th scope='col'>T at follow-up</th>"
            f"<th scope='col'>Note</th></tr></thead><tbody>{learners}</tbody></table>",
        )
    )


def readiness_html(result: CohortReport, level: int = 4) -> str:
    """The readiness part: how many learners got each overall answer."""
    group = result.readiness
    if group is None:
        return ""
    rows = "".join(
        f"<tr><th scope='row'>{escape(verdict.capitalize())}</th><td>{count}</td></tr>"
        for verdict, count in group.verdicts.items()
    )
    return (
        _h(level, f"Readiness (Coaching Readiness Scale, {group.n} learners)")
        + "<table><thead><tr><th scope='col'>Overall answer</th><th scope='col'>Learners</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
        + (
            f"<p>{group.cautions} learner(s) answered yes to a starred statement: coaching may "
            "not fit them right now, whatever their other answers. Talk with them one to "
            "one.</p>"
            if group.cautions
            else ""
        )
        + "<p>A learner who left any statement blank, with no starred yes, is counted under "
        "“not every statement answered yet”: the toolkit's rule weighs the whole survey.</p>"
    )


def trust_html(result: CohortReport, level: int = 4) -> str:
    """The trust part: the spread of learners' means, and who was left out for gaps."""
    group = result.trust
    if group is None:
        return ""
    names = {"supervisor": "Supervisor", "organisation": "Organization", "overall": "All items"}
    table = _spread_table(
        [(names.get(target, target), found) for target, found in group.by_target.items()],
        "Trust in",
        "The group's trust means",
    )
    missing = (
        f"<p>Not counted, not every item answered: {escape(', '.join(group.incomplete))}.</p>"
        if group.incomplete
        else ""
    )
    return (
        _h(level, "Trust (Organizational Trust Inventory, learners' means on 1 to 7)")
        + (table if group.complete else "")
        + missing
    )


def report_html(result: CohortReport, level: int = 4) -> str:
    """The whole report under the file chooser (or the 'no files' line).

    ``level`` is its parts' heading level: 4 under the page's "Results" (an h3),
    3 in the printed report under its h2.
    """
    parts = [
        gars_html(result, level),
        readiness_html(result, level),
        trust_html(result, level),
    ]
    if result.copies:
        items = "".join(f"<li>{escape(note)}</li>" for note in result.copies)
        parts.append(_h(level, "Copies counted once") + f"<ul>{items}</ul>")
    if result.refused:
        items = "".join(
            f"<li><strong>{escape(r.file)}</strong>: {escape(r.reason)}</li>"
            for r in result.refused
        )
        parts.append(
            _h(level, f"Files not used ({len(result.refused)})")
            + f"<ul class='toolkit-refused'>{items}</ul>"
        )
    parts.append(f"<p class='toolkit-addition'>{escape(ADDED_BY_SITE)}</p>")
    body = "".join(p for p in parts if p)
    return body if any(parts[:3]) or result.refused else EMPTY


def status_text(files: int, used: int) -> str:
    """The one line that says what was read: files chosen, used, not used."""
    return f"Read {files} file(s): {used} used, {files - used} not used."


def summary_html(report: str, day: str) -> str:
    """The printable report: a dated heading over the report (written with ``level=3``)."""
    return f"<h2>Group report, {escape(day)}</h2>{report}"
