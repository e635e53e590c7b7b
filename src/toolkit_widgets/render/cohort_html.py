"""The trainer's group view as plain HTML, written into the chapter page at build time.

It is a page tool, not a worksheet: it reads other people's answers and keeps
nothing, so there is no form state, no saving and no import panel. The page
shows the whole view before any script runs (with a note that loading files
needs the page's script); ``docs/_static/cohort.js`` reveals the file chooser,
reads the chosen files and hands them to :func:`toolkit_widgets.web.cohort`,
whose reply fills the report. Accessible names are the old view's: "Load export
files", "Empty the view", and the CSV link still reads "… table (.csv)".
"""

from __future__ import annotations

from html import escape

from toolkit_widgets.cohort import READABLE
from toolkit_widgets.exports import MAX_BYTES
from toolkit_widgets.render.cohort_results import EMPTY

__all__ = ["KEEPS_NOTHING", "NOTE", "cohort_html"]

#: the worksheets whose files the view reads, named as their data names them
_READS = ", ".join(title for title, _version, _check in READABLE.values())
NOTE = (
    f"Load the .json files your learners chose to give you ({_READS}), several at once. "
    "They are read in this browser only: nothing is uploaded, and nothing is kept, so "
    "reloading the page empties the view."
)
#: the promise this view makes in place of a worksheet's "saved in this browser"
KEEPS_NOTHING = "Files you load are read in this browser only, and nothing is kept."
NO_SCRIPT = (
    "Reading the files needs this page's script and Python, which run inside your "
    "browser; they have not started here."
)


def cohort_html(title: str, name: str = "cohort") -> str:
    """The view: note, file chooser, one status line, the report, CSV and print.

    Controls the page's script drives start ``hidden``. ``data-read-limit`` tells
    the script how much of a file is worth reading: anything longer is refused by
    Python on its size alone, so the script need not hold a rule about it.
    """
    ws = escape(name)
    files_id = f"tk-{ws}-files"
    results_id = f"tk-{ws}-results-title"
    take_id = f"tk-{ws}-take-title"
    return (
        f'<section class="tk-sheet tk-tool toolkit-form toolkit-worksheet-{ws}" '
        f'data-tool="{ws}" data-read-limit="{MAX_BYTES + 1}" aria-label="{escape(title)}">'
        f'<p class="tk-intro">{escape(NOTE)}</p>'
        f'<p class="tk-python" role="status" data-status>{escape(NO_SCRIPT)}</p>'
        '<div class="tk-actions" data-actions hidden>'
        f'<input type="file" class="tk-file" id="{files_id}" data-files multiple'
        ' accept=".json,application/json">'
        f'<label class="tk-button tk-file-label" for="{files_id}">Load export files</label>'
        '<button type="button" class="tk-button" data-empty>Empty the view</button></div>'
        f'<section class="tk-results-box" aria-labelledby="{results_id}">'
        f'<h3 id="{results_id}">Results</h3>'
        f'<div class="tk-results toolkit-results" data-report>{EMPTY}</div></section>'
        f'<section class="tk-take" data-take hidden aria-labelledby="{take_id}">'
        f'<h3 id="{take_id}">Take the report with you</h3>'
        f'<p class="tk-keep-nothing">{escape(KEEPS_NOTHING)} Download or print the report '
        "to keep it.</p>"
        '<p class="tk-downloads"><a class="toolkit-download" data-download="csv">'
        "Download the group table (.csv)</a></p>"
        '<div class="tk-actions"><button type="button" class="tk-button" data-print>'
        "Print the report</button></div></section>"
        '<div class="tk-summary toolkit-summary" data-summary></div></section>'
    )
