"""The ``{toolkit-table}`` directive: render one of the book's tables from data.

Tables live once, as JSON in ``toolkit_widgets.tables``; worksheets read the
same files. The directive turns a file into a real HTML table with a caption,
the source it comes from, and any note of ours (corrections, additions).

Usage in MyST::

    :::{toolkit-table} table-2-1
    :::

The ``{toolkit-glossary}`` directive turns term/meaning tables into a Sphinx
glossary, so ``{term}`` links work and the key terms stay in one file::

    :::{toolkit-glossary} key-terms glossary-extra
    :::
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import make_glossary_term
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


class ToolkitGlossaryDirective(SphinxDirective):
    """A sorted glossary of every row of the named term/meaning tables."""

    required_arguments = 1
    optional_arguments = 10

    def run(self) -> list[nodes.Node]:
        rows: dict[str, str] = {}
        for table_id in self.arguments:
            try:
                data = tables.load(table_id)
            except InstrumentDataError as error:
                raise self.error(str(error)) from error
            if [c["key"] for c in data["columns"]] != ["term", "meaning"]:
                raise self.error(f"{table_id}: a glossary table has the columns term, meaning")
            self.env.note_dependency(tables.path_of(table_id))
            for row in data["rows"]:
                if row["term"].casefold() in (t.casefold() for t in rows):
                    raise self.error(f"{table_id}: the term {row['term']!r} is defined twice")
                rows[row["term"]] = row["meaning"]
        glossary = addnodes.glossary()
        glossary["sorted"] = True
        items = []
        for term_text in sorted(rows, key=str.casefold):
            term = make_glossary_term(
                self.env,
                [nodes.Text(term_text)],
                None,
                self.env.docname,
                self.lineno,
                node_id=None,
                document=self.state.document,
            )
            meaning = rows[term_text]
            definition = nodes.definition("", nodes.paragraph(text=meaning))
            items.append(nodes.definition_list_item("", term, definition))
        glossary += nodes.definition_list("", *items, classes=["glossary"])
        return [glossary]


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
    app.add_directive("toolkit-glossary", ToolkitGlossaryDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
