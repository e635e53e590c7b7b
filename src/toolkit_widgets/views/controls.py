"""Keep, export, import and clear: the controls every worksheet shares.

A worksheet gives :class:`AnswerKeeper` four plain functions (read the form's
answers, fill the form, check an answers object, turn answers into CSV rows)
and gets autosave in the browser, a "last saved" line, downloads as JSON and
CSV, import of a JSON file that is checked before anything is replaced, and
"clear my data" with a confirmation step.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable
from html import escape
from typing import Any

import ipywidgets as w

from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.exports import (
    envelope,
    new_sheet_id,
    parse_json,
    read_envelope,
    sheet_id_of,
    to_csv,
    to_json,
)
from toolkit_widgets.storage import Store, default_store
from toolkit_widgets.views.common import error_html, run_soon, saved_line, status_line

KEEP_NOTE = (
    "Some browsers delete a site's stored data after weeks without a visit, and private "
    "windows forget it when closed: export your answers to keep a copy you control."
)


def now() -> tuple[str, str]:
    """(ISO timestamp, local clock time) from the browser's clock when there is one."""
    try:
        from js import Date

        now = Date.new()
        return str(now.toISOString()), str(now.toLocaleTimeString())
    except ImportError:
        now = dt.datetime.now(dt.UTC)
        return now.isoformat(timespec="seconds"), now.astimezone().strftime("%H:%M:%S")


def download_link(text: str, mime: str, filename: str, label: str) -> str:
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return (
        f'<a class="toolkit-download" download="{escape(filename)}" '
        f'href="data:{mime};charset=utf-8;base64,{payload}">{escape(label)}</a>'
    )


class AnswerKeeper:
    """Autosave, export, import and clear for one worksheet's answers."""

    def __init__(
        self,
        *,
        instrument: str,
        version: int,
        read_form: Callable[[], dict[str, Any]],
        fill_form: Callable[[dict[str, Any]], None],
        check_answers: Callable[[Any], dict[str, Any]],
        csv_table: Callable[[dict[str, Any]], tuple[list[str], list[list[object]]]],
        blank: Callable[[], dict[str, Any]],
        store: Store | None = None,
    ) -> None:
        self.instrument, self.version = instrument, version
        self.read_form, self.fill_form = read_form, fill_form
        self.check_answers, self.csv_table, self.blank = check_answers, csv_table, blank
        self.store = store if store is not None else default_store()
        self.restoring = True
        self.pending: Any = None
        #: this sheet's random id, kept through saves, exports and imports (see exports)
        self.sheet_id = new_sheet_id()
        self.saved = w.HTML(saved_line(None))
        self.downloads = w.HTML()
        self.upload = w.FileUpload(
            accept=".json,application/json",
            multiple=False,
            description="Import answers",
            layout=w.Layout(width="auto"),  # room for the label and its file count
        )
        self.upload.observe(lambda change: self.import_file(change["new"]), names="value")
        self.message = w.HTML()
        self.message.add_class("toolkit-field-message")
        self.clear_button = w.Button(description="Clear my data", icon="eraser")
        self.clear_button.on_click(lambda _b: self.ask_to_clear())
        self.confirm_button = w.Button(description="Yes, delete my answers", button_style="danger")
        self.confirm_button.on_click(lambda _b: self.clear())
        self.cancel_button = w.Button(description="Keep my answers")
        self.cancel_button.on_click(lambda _b: self.cancel_clear())
        self.confirm = w.VBox(
            [
                w.HTML(
                    "<p><strong>Delete every answer on this worksheet from this browser?</strong> "
                    "This cannot be undone. Export first if you want a copy.</p>"
                ),
                w.HBox([self.confirm_button, self.cancel_button]),
            ],
            layout=w.Layout(display="none"),
        )
        self.widget = w.VBox(
            [
                w.HTML("<h2>Keep your answers</h2>"),
                self.saved,
                self.downloads,
                w.HBox([self.upload, self.clear_button]),
                self.message,
                self.confirm,
                w.HTML(f"<p class='toolkit-keep-note'>{escape(KEEP_NOTE)}</p>"),
            ]
        )
        self.widget.add_class("toolkit-keeper")

    # --- saving -----------------------------------------------------------------

    def changed(self) -> None:
        """The form changed: refresh the download links and save (not while restoring)."""
        if self.restoring:
            return
        answers = self.read_form()
        stamp, clock = now()
        self.refresh_downloads(answers, stamp)
        self.pending = run_soon(self.save(answers, stamp, clock))

    def refresh_downloads(self, answers: dict[str, Any], stamp: str) -> None:
        day = stamp[:10]
        name = f"{self.instrument}-answers-{day}"
        header, rows = self.csv_table(answers)
        self.downloads.value = (
            "<p>Download a copy: "
            + download_link(
                to_json(self.instrument, self.version, answers, stamp, self.sheet_id),
                "application/json",
                f"{name}.json",
                "answers (.json, re-importable)",
            )
            + " · "
            + download_link(
                to_csv(header, rows), "text/csv", f"{name}.csv", "table (.csv, for spreadsheets)"
            )
            + "</p>"
        )

    async def save(self, answers: dict[str, Any], stamp: str, clock: str) -> None:
        try:
            await self.store.save(
                self.instrument,
                envelope(self.instrument, self.version, answers, stamp, self.sheet_id),
            )
        except OSError as error:
            self.saved.value = status_line(f"Could not save in this browser: {error}")
        else:
            self.saved.value = saved_line(clock)

    async def restore(self) -> None:
        """Fill the form from this browser's saved copy, if there is a readable one."""
        try:
            saved = await self.store.load(self.instrument)
            if saved is not None:
                answers = read_envelope(saved, self.instrument, self.version, self.check_answers)
                self.sheet_id = sheet_id_of(saved) or self.sheet_id
                self.fill_form(answers)
        except (OSError, ValueError) as error:
            self.saved.value = status_line(f"Could not read your saved answers: {error}")
            self.restoring = False
            return
        self.restoring = False
        if saved is None and self.read_form() == self.blank():
            # nothing kept and nothing typed yet: store nothing until the learner writes,
            # so an opened-and-left worksheet leaves no trace and no false "last saved"
            stamp, _clock = now()
            self.refresh_downloads(self.blank(), stamp)
            self.saved.value = saved_line(None)
            return
        self.changed()

    # --- import and clear -------------------------------------------------------

    def import_file(self, uploaded: Any) -> None:
        if not uploaded:
            return
        content = bytes(uploaded[0]["content"])
        try:
            parsed = parse_json(content)
            answers = read_envelope(parsed, self.instrument, self.version, self.check_answers)
        except ToolkitInputError as error:
            self.message.value = error_html(f"Nothing was imported. {error.message}")
            return
        self.sheet_id = sheet_id_of(parsed) or self.sheet_id
        self.restoring = True
        try:
            self.fill_form(answers)
        finally:
            self.restoring = False
        name = uploaded[0].get("name", "the file")
        self.message.value = status_line(f"Imported your answers from {name}.")
        self.changed()

    def ask_to_clear(self) -> None:
        self.confirm.layout.display = "flex"

    def cancel_clear(self) -> None:
        self.confirm.layout.display = "none"

    def clear(self) -> None:
        self.confirm.layout.display = "none"
        self.restoring = True
        self.fill_form(self.blank())
        self.sheet_id = new_sheet_id()  # a cleared sheet is a new sheet
        self.downloads.value = ""
        self.pending = run_soon(self._delete())

    async def _delete(self) -> None:
        await self.store.delete(self.instrument)
        self.restoring = False
        self.saved.value = status_line("Your answers were deleted from this browser.")
        self.message.value = ""
