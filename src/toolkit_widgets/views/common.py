"""Small pieces every worksheet view shares."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from html import escape
from typing import Any

import ipywidgets as w

PRIVACY = (
    "Your answers are saved only in this browser, on this device, as you type. "
    "They are never sent anywhere."
)


def status_html() -> w.HTML:
    """An initially empty line for a message placed beside a field."""
    box = w.HTML("")
    box.add_class("toolkit-field-message")
    return box


def error_html(message: str) -> str:
    """A learner-facing error message, announced by screen readers."""
    return f'<span class="toolkit-error" role="alert">{escape(message)}</span>'


def status_line(text: str) -> str:
    """The worksheet's status line (saving, restoring), announced politely."""
    return f'<p class="toolkit-saved" role="status">{escape(text)}</p>'


def saved_line(when: str | None) -> str:
    """The visible 'last saved' line shown under a worksheet."""
    if when is None:
        return status_line(f"Not saved yet. {PRIVACY}")
    return status_line(f"Last saved in this browser at {when}. {PRIVACY}")


def run_soon(job: Coroutine[Any, Any, None]) -> asyncio.Future[None] | None:
    """Start ``job`` on the browser's event loop; outside one, run it to the end now.

    In Pyodide the event loop is always running, so saving and restoring never
    block the form. Plain Python (tests, scripts) has no running loop, and
    there the job simply runs before this returns.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        if sys.platform == "emscripten":
            return asyncio.ensure_future(job)
        asyncio.run(job)
        return None
    return loop.create_task(job)


#: the option value meaning "not answered yet" in every Dropdown. Not None: a
#: Dropdown treats None as "no selection" and keeps showing the old choice.
NOT_ANSWERED = ""


def choose(box: w.Dropdown, value: object) -> None:
    """Select the option for ``value``; None selects "not answered"."""
    box.value = NOT_ANSWERED if value is None else value


def picked(box: w.Dropdown) -> Any:
    """The chosen value, or None when the learner has not answered."""
    return None if box.value == NOT_ANSWERED else box.value


@contextmanager
def filling(sheet: Any) -> Iterator[None]:
    """Fill a form from answers as one change: scored and saved once, at the end.

    ``sheet.changed`` returns early while ``sheet.filling`` is set, so setting
    twenty widgets does not score and save twenty times.
    """
    sheet.filling = True
    try:
        yield
    finally:
        sheet.filling = False
    sheet.changed()


#: worksheets on screen, kept alive with their pending save or restore
_shown: list[Any] = []


def display_sheet(sheet: Any) -> None:
    """Show a worksheet's form, then restore its saved answers in the background."""
    from IPython.display import display

    _shown.append(sheet)
    display(sheet.widget)
    sheet.keeper.pending = run_soon(sheet.keeper.restore())


def result_areas() -> tuple[w.HTML, w.HTML]:
    """The results shown under a form, and the summary that only prints."""
    results, summary = w.HTML(), w.HTML()
    results.add_class("toolkit-results")
    summary.add_class("toolkit-summary")
    return results, summary


def sheet_box(title: str, instrument_id: str, parts: list[w.Widget], sheet: Any) -> w.VBox:
    """A worksheet's whole form: title, inputs, results, the answer keeper, print summary.

    ``sheet`` has ``results``, ``summary`` and ``keeper``; the classes let the page
    script find the form and the print stylesheet find the summary.
    """
    box = w.VBox(
        [
            w.HTML(f"<h2>{escape(title)}</h2>"),
            *parts,
            w.HTML("<h2>Results</h2>"),
            sheet.results,
            sheet.keeper.widget,
            sheet.summary,
        ]
    )
    box.add_class("toolkit-form")
    box.add_class(f"toolkit-worksheet-{instrument_id}")
    return box
