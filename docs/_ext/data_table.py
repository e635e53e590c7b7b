"""The ``{toolkit-table}`` directive: render one of the book's tables from data.

Tables live once, as JSON in ``toolkit_widgets.tables``; worksheets read the
same files. The directive turns a file into a real HTML table with a caption,
the source it comes from, and any note of ours (corrections, additions).

Usage in MyST::

    :::{toolkit-table} table-2-1
    :::
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from toolkit_widgets import tables
from toolkit_widgets.errors import InstrumentDataError


class ToolkitTableDirective(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        table_id = self.arguments[0]
        try:
            data = tables.load(table_id)
        except InstrumentDataError as error:
            raise self.error(str(error)) from error
        # rebuild the page when the data file changes
        self.env.note_dependency(tables.path_of(table_id))
        return [_table(data), *_footnotes(data)]


def _table(data: dict[str, Any]) -> nodes.table:
    columns = data["columns"]
    table = nodes.table(classes=["toolkit-table"], ids=[data["id"]])
    caption = f"{data['book_ref']}. {data['title']}" if data["book_ref"] else data["title"]
    table += nodes.title(text=caption)
    group = nodes.tgroup(cols=len(columns))
    table += group
    for _ in columns:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    head += _row([c["label"] for c in columns])
    group += head
    body = nodes.tbody()
    for row in data["rows"]:
        body += _row([row[c["key"]] for c in columns])
    group += body
    return table


def _row(cells: list[str | list[str]]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        if isinstance(cell, list):
            items = nodes.bullet_list()
            for text in cell:
                items += nodes.list_item("", nodes.paragraph(text=text))
            entry += items
        else:
            entry += nodes.paragraph(text=cell)
        row += entry
    return row


def _footnotes(data: dict[str, Any]) -> list[nodes.Node]:
    source = nodes.paragraph(classes=["toolkit-table-source"])
    source += nodes.strong(text="Source: ")
    source += nodes.Text(data["source"])
    notes: list[nodes.Node] = [source]
    if data.get("note"):
        note = nodes.paragraph(classes=["toolkit-table-note"])
        note += nodes.strong(text="Note: ")
        note += nodes.Text(data["note"])
        notes.append(note)
    return notes


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("toolkit-table", ToolkitTableDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
