"""The ``{worksheet}`` directive: a worksheet's whole form, written into the page.

The form is plain HTML drawn at build time by ``toolkit_widgets`` from the
same data the scoring reads (``toolkit_widgets.catalogue`` lists every
worksheet once), so a reader sees and can print it before any script runs.
``_static/sheet.js`` keeps what the learner types and lets Python, started in
a Web Worker when the page is idle, compute beside the form.

A page tool (``catalogue.TOOLS``: the trainer's cohort view) keeps nothing, so
it is no worksheet: its HTML is written into the page too, and the pages that
show one also load its script, ``_static/<name>.js``.

Usage in MyST::

    :::{worksheet} gars
    :::
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective


class worksheet_node(nodes.General, nodes.Element):  # noqa: N801 - docutils convention
    """Placeholder replaced by the worksheet's markup when writing HTML."""


def _catalogue() -> tuple[str, ...]:
    """Worksheets whose form is written into the page (from the package's catalogue)."""
    from toolkit_widgets import catalogue

    return catalogue.NAMES


def _tools() -> tuple[str, ...]:
    """Page tools (the cohort view): written into the page, keeping nothing."""
    from toolkit_widgets import catalogue

    return tuple(catalogue.TOOLS)


def known_worksheets() -> list[str]:
    """Every name a page may embed."""
    return [*_catalogue(), *_tools()]


class WorksheetDirective(SphinxDirective):
    required_arguments = 1
    #: ``title`` names a page tool's region; a worksheet takes its title from its data
    option_spec: ClassVar = {"title": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in known_worksheets():
            known = ", ".join(known_worksheets())
            raise self.error(f"unknown worksheet {name!r}; known: {known}")
        node = worksheet_node()
        node["name"] = name
        node["title"] = self.options.get("title", f"{name} worksheet")
        node["docname"] = self.env.docname
        _pages_with_worksheets(self.env).add(self.env.docname)
        return [node]


# --- pages are rewritten when the package that draws their forms changes --------
#
# A page's form is written by ``toolkit_widgets`` at build time; Sphinx knows only
# the page's source. So the pages holding worksheets are recorded, and all of them
# are read again when the package's files (code, instrument and form data, an
# agency's wording) differ from the last build's.


def _pages_with_worksheets(env: BuildEnvironment) -> set[str]:
    if not hasattr(env, "toolkit_worksheet_pages"):
        env.toolkit_worksheet_pages = set()  # type: ignore[attr-defined]
    return env.toolkit_worksheet_pages  # type: ignore[attr-defined]


def _package_fingerprint() -> str:
    import toolkit_widgets
    from toolkit_widgets import catalogue

    digest = hashlib.sha256()
    package = Path(toolkit_widgets.__file__).parent
    wording = [Path(path) for path in catalogue.wording_files()]
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.json"), *wording]):
        digest.update(str(path.relative_to(path.anchor)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _outdated_when_package_changed(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    fingerprint = _package_fingerprint()
    if getattr(env, "toolkit_package_fingerprint", None) == fingerprint:
        return []
    env.toolkit_package_fingerprint = fingerprint  # type: ignore[attr-defined]
    return sorted(_pages_with_worksheets(env) & set(env.found_docs))


def _forget_page(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _pages_with_worksheets(env).discard(docname)


def _merge_pages(
    app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
) -> None:
    _pages_with_worksheets(env).update(_pages_with_worksheets(other))


# --- writing -------------------------------------------------------------------


def visit_worksheet_html(self, node: worksheet_node) -> None:
    """The worksheet (or page tool) as HTML, its headings one level below the section's."""
    from toolkit_widgets import catalogue
    from toolkit_widgets.render.form_html import sheet_html

    level = min(getattr(self, "section_level", 1) + 1, 6)
    if node["name"] in _tools():
        self.body.append(catalogue.tool_html(node["name"], node["title"]))
    else:
        sheet = catalogue.get(node["name"])
        # answers kept by the site before December 2026 are found under the instrument's id
        self.body.append(sheet_html(sheet.form, old_key=sheet.instrument, heading=level))
    raise nodes.SkipNode


def add_tool_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None
) -> None:
    """A page that shows a page tool also loads its script (``_static/<tool>.js``), after sheet.js.

    Only those pages: the script is of no use elsewhere. (A tool left out of an
    agency's edition is no longer in the doctree, so its script is not loaded.)
    """
    if doctree is None:
        return
    tools = _tools()
    used = {node["name"] for node in doctree.findall(worksheet_node) if node["name"] in tools}
    for name in sorted(used):
        app.add_js_file(f"{name}.js", defer="defer")


def setup(app: Sphinx) -> dict[str, object]:
    app.add_node(worksheet_node, html=(visit_worksheet_html, None))
    app.connect("env-get-outdated", _outdated_when_package_changed)
    app.connect("env-purge-doc", _forget_page)
    app.connect("env-merge-info", _merge_pages)
    app.add_directive("worksheet", WorksheetDirective)
    app.connect("html-page-context", add_tool_scripts)
    # deferred: the page paints first; sheet.js takes the forms on before the page is ready
    app.add_js_file("sheet.js", defer="defer")
    app.add_css_file("sheet.css")
    # env_version: pages written by an older directive are rebuilt, not reused
    return {"env_version": 3, "parallel_read_safe": True, "parallel_write_safe": True}
