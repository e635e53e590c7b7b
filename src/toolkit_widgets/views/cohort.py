"""The trainer's cohort view: load learners' export files, see the group's figures.

The files are read and summed up by ``toolkit_widgets.cohort`` inside this
browser. Unlike the worksheets, the view keeps nothing: the files hold other
people's answers, so they are not written to this browser's storage, and a
reload empties the view.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from toolkit_widgets import cohort
from toolkit_widgets.cohort import CohortReport, Spread
from toolkit_widgets.exports import to_csv
from toolkit_widgets.views.common import result_areas, status_line
from toolkit_widgets.views.controls import download_link, now

NOTE = (
    "Load the .json files your learners chose to give you (GARS, Coaching Readiness Scale, "
    "Organizational Trust Inventory), several at once. They are read in this browser only: "
    "nothing is uploaded, and nothing is kept, so reloading the page empties the view."
)


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def _spread_row(label: str, found: Spread) -> str:
    return (
        f"<tr><th scope='row'>{escape(label)}</th><td>{found.n}</td><td>{_num(found.mean)}</td>"
        f"<td>{_num(found.sd)}</td><td>{_num(found.low)}</td><td>{_num(found.high)}</td></tr>"
    )


def _spread_table(rows: list[tuple[str, Spread]], first: str) -> str:
    head = "".join(
        f"<th scope='col'>{h}</th>" for h in (first, "Learners", "Mean", "SD", "Lowest", "Highest")
    )
    body = "".join(_spread_row(label, found) for label, found in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def gars_html(result: CohortReport) -> str:
    group = result.gars
    if group is None:
        return ""
    learners = "".join(
        f"<tr><th scope='row'>{escape(g.file)}</th><td>{g.goals}</td><td>{_num(g.baseline)}</td>"
        f"<td>{_num(g.follow_up)}</td><td>{escape(g.note)}</td></tr>"
        for g in group.learners
    )
    return (
        "<h3>Goal attainment (GARS T-scores)</h3>"
        + _spread_table(
            [
                ("Baseline", group.baseline),
                ("Follow-up", group.follow_up),
                ("Change (learners with both)", group.change),
            ],
            "T-score",
        )
        + f"<p class='toolkit-cohort-gars'>{group.improved} of {group.change.n} learners rated "
        f"at both times rose; {group.at_or_above_expected} of {group.follow_up.n} reached 50 "
        "(goals met as expected, on average) or more at follow-up.</p>"
        "<table><thead><tr><th scope='col'>File</th><th scope='col'>Goals</th>"
        "<th scope='col'>T at baseline</th><th scope='col'>T at follow-up</th>"
        f"<th scope='col'>Note</th></tr></thead><tbody>{learners}</tbody></table>"
    )


def readiness_html(result: CohortReport) -> str:
    group = result.readiness
    if group is None:
        return ""
    rows = "".join(
        f"<tr><th scope='row'>{escape(verdict.capitalize())}</th><td>{count}</td></tr>"
        for verdict, count in group.verdicts.items()
    )
    return (
        f"<h3>Readiness (Coaching Readiness Scale, {group.n} learners)</h3>"
        "<table><thead><tr><th scope='col'>Overall answer</th><th scope='col'>Learners</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
        f"<p>{group.cautions} learner(s) answered yes to an item suggesting coaching may not "
        "fit right now: talk with them one to one.</p>"
    )


def trust_html(result: CohortReport) -> str:
    group = result.trust
    if group is None:
        return ""
    names = {"supervisor": "Supervisor", "organisation": "Organization", "overall": "All items"}
    table = _spread_table(
        [(names.get(target, target), found) for target, found in group.by_target.items()],
        "Trust in",
    )
    missing = (
        f"<p>Not counted, not every item answered: {escape(', '.join(group.incomplete))}.</p>"
        if group.incomplete
        else ""
    )
    return (
        "<h3>Trust (Organizational Trust Inventory, learners' means on 1 to 7)</h3>"
        + (table if group.complete else "")
        + missing
    )


def report_html(result: CohortReport) -> str:
    parts = [gars_html(result), readiness_html(result), trust_html(result)]
    if result.copies:
        items = "".join(f"<li>{escape(note)}</li>" for note in result.copies)
        parts.append(f"<h3>Copies counted once</h3><ul>{items}</ul>")
    if result.refused:
        items = "".join(
            f"<li><strong>{escape(r.file)}</strong>: {escape(r.reason)}</li>"
            for r in result.refused
        )
        parts.append(
            f"<h3>Files not used ({len(result.refused)})</h3><ul class='toolkit-refused'>"
            f"{items}</ul>"
        )
    parts.append(
        "<p class='toolkit-addition'>Added by this site: the group figures (means, spread, "
        "counts) and the rule that copies of one sheet count once, the newest copy winning.</p>"
    )
    body = "".join(p for p in parts if p)
    return body if any(parts[:3]) or result.refused else "<p>No files loaded yet.</p>"


class CohortView:
    def __init__(self) -> None:
        self.upload = w.FileUpload(
            accept=".json,application/json",
            multiple=True,
            description="Load export files",
            layout=w.Layout(width="auto"),  # the default width cut the label short
        )
        self.upload.observe(lambda change: self.load(change["new"]), names="value")
        self.clear_button = w.Button(description="Empty the view", icon="eraser")
        self.clear_button.on_click(lambda _b: self.clear())
        self.message = w.HTML()
        self.downloads = w.HTML()
        self.results, self.summary = result_areas()
        self.results.value = "<p>No files loaded yet.</p>"
        self.widget = w.VBox(
            [
                w.HTML("<h2>Your group's results</h2>"),
                w.HTML(f"<p>{escape(NOTE)}</p>"),
                w.HBox([self.upload, self.clear_button]),
                self.message,
                w.HTML("<h2>Results</h2>"),
                self.results,
                self.downloads,
                self.summary,
            ]
        )
        self.widget.add_class("toolkit-form")
        self.widget.add_class("toolkit-worksheet-cohort")

    def load(self, uploaded: Any) -> None:
        if not uploaded:
            return
        files = [(str(f.get("name", "file")), bytes(f["content"])) for f in uploaded]
        self.show(cohort.report(files), len(files))

    def show(self, result: CohortReport, count: int) -> None:
        self.results.value = report_html(result)
        used = count - len(result.refused)
        self.message.value = status_line(
            f"Read {count} file(s): {used} used, {len(result.refused)} not used."
        )
        header, rows = cohort.csv_rows(result)
        day = now()[0][:10]
        self.downloads.value = (
            "<p>Download the report: "
            + download_link(
                to_csv(header, rows), "text/csv", f"group-report-{day}.csv", "table (.csv)"
            )
            + "</p>"
        )
        self.summary.value = f"<h2>Group report, {escape(day)}</h2>{self.results.value}"

    def clear(self) -> None:
        self.upload.value = ()
        self.results.value = "<p>No files loaded yet.</p>"
        self.summary.value = self.downloads.value = ""
        self.message.value = status_line("The view is empty. Nothing was kept.")


def show() -> None:
    """Display the cohort view (it restores nothing: it keeps nothing)."""
    from IPython.display import display

    view = CohortView()
    _views.append(view)
    display(view.widget)


_views: list[CohortView] = []
