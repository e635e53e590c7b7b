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
from toolkit_widgets.cohort import CohortReport
from toolkit_widgets.exports import to_csv
from toolkit_widgets.render.cohort_html import NOTE
from toolkit_widgets.render.cohort_results import EMPTY, report_html, status_text, summary_html
from toolkit_widgets.views.common import result_areas, status_line
from toolkit_widgets.views.controls import download_link, now


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
        self.results.value = EMPTY
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
        self.results.value = report_html(result, level=3)  # under the view's h2
        self.message.value = status_line(status_text(count, count - len(result.refused)))
        header, rows = cohort.csv_rows(result)
        day = now()[0][:10]
        self.downloads.value = (
            "<p>Download the report: "
            + download_link(
                to_csv(header, rows), "text/csv", f"group-report-{day}.csv", "table (.csv)"
            )
            + "</p>"
        )
        self.summary.value = summary_html(self.results.value, day)

    def clear(self) -> None:
        self.upload.value = ()
        self.results.value = EMPTY
        self.summary.value = self.downloads.value = ""
        self.message.value = status_line("The view is empty. Nothing was kept.")


def show() -> None:
    """Display the cohort view (it restores nothing: it keeps nothing)."""
    from IPython.display import display

    view = CohortView()
    _views.append(view)
    display(view.widget)


_views: list[CohortView] = []
