"""The ``{worksheet}`` directive: embed an in-browser worksheet in a page.

A worksheet is the JupyterLite REPL app running one line of Python that shows
a form from ``toolkit_widgets.views``. Code input, banner and toolbar are
hidden, so the learner sees a form, not code. The iframe gets a title (for
screen readers) and a note shown while Python starts.

A page tool (``toolkit_widgets.catalogue.TOOLS``: the trainer's cohort view)
keeps nothing, so it is no worksheet: its HTML is written into the page too,
and the pages that show one also load its script, ``_static/<name>.js``.

Usage in MyST::

    :::{worksheet} gars
    :title: Goal Attainment Rating Scale worksheet
    :::
"""

from __future__ import annotations

import hashlib
import shutil
from html import escape
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlencode

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

#: stylesheet that hides the console around a worksheet form
FRAME_CSS = "worksheet-frame.css"
#: script that keeps the console from scrolling the chapter page on focus
FRAME_JS = "worksheet-frame.js"

#: the worksheets a page may embed: worksheet name -> (view module, its argument)
VIEWS: dict[str, tuple[str, str | None]] = {
    "gars": ("gars", None),
    "scaling": ("scaling", None),
    "culture_stage": ("small", "culture_stage"),
    "roi": ("small", "roi"),
    "cohort": ("cohort", None),
    **{
        name: ("questionnaire", name)
        for name in (
            "lcsa",
            "crs",
            "oti",
            "supervisory_skills",
            "job_responsibilities",
            "cprs",
            "coaching_skills",
        )
    },
    **{name: ("checklist", name) for name in ("learning_environment", "readiness_factors")},
    # the practice forms (toolkit_widgets/forms/): one view, a data file each
    **{
        name: ("form", name)
        for name in (
            "smart",
            "observation_formal",
            "observation_informal",
            "reflection",
            "feedback_plan",
            "agreement",
            "journal",
            "self_care",
            "implementation_plan",
            "pdsa",
            "logic_model",
        )
    },
    **{
        f"planner_{model}": ("form", f"session_planner:{model}")
        for model in ("skills_based", "clear", "flow", "regrow")
    },
}


#: what the note above a worksheet says once it is ready
READY_NOTE = "The worksheet is ready. Your answers are saved only in this browser."
#: worksheets for which that is not true, and what is
READY_NOTES = {
    "cohort": "The worksheet is ready. Files you load are read in this browser only, "
    "and nothing is kept.",
}


def _code(module: str, argument: str | None) -> str:
    """The one line of Python that shows a worksheet's form."""
    call = f"_w.show({argument!r})" if argument else "_w.show()"
    return f"import toolkit_widgets.views.{module} as _w; {call}"


#: worksheet name -> the line of Python the embedded REPL runs
WORKSHEETS = {name: _code(*view) for name, view in VIEWS.items()}


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
    written = (*_catalogue(), *_tools())
    return [*written, *(name for name in WORKSHEETS if name not in written)]


class WorksheetDirective(SphinxDirective):
    required_arguments = 1
    option_spec: ClassVar = {"title": directives.unchanged_required, "height": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in known_worksheets():
            known = ", ".join(known_worksheets())
            raise self.error(f"unknown worksheet {name!r}; known: {known}")
        node = worksheet_node()
        node["name"] = name
        node["title"] = self.options.get("title", f"{name} worksheet")
        node["height"] = self.options.get("height", "1100px")
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
    wording = sorted(str(path) for path in catalogue._WORDING.values())
    for path in sorted(
        [*package.rglob("*.py"), *package.rglob("*.json")] + [Path(w) for w in wording]
    ):
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


def _iframe_src(name: str, lite_root: str) -> str:
    code = WORKSHEETS[name]
    query = urlencode(
        {
            "kernel": "python",
            "toolbar": "0",
            "showBanner": "0",
            "hideCodeInput": "1",
            "promptCellPosition": "bottom",
            "execute": "1",
            # the light theme by default; worksheet.js switches it on dark pages
            "theme": "JupyterLab Light",
            "code": code,
        }
    )
    return f"{lite_root}repl/index.html?{query}"


def visit_worksheet_html(self, node: worksheet_node) -> None:
    """The worksheet's frame; on a page with several, the later ones wait their turn.

    Two JupyterLite apps starting at once in one page compete for the same
    browser storage and the same two CPU cores, and one could stall. So only
    the page's first frame gets a ``src``; the others carry ``data-src`` and
    ``worksheet.js`` starts each when the one before is ready.
    """
    if node["name"] in _catalogue():
        _write_sheet(self, node)
        raise nodes.SkipNode
    if node["name"] in _tools():
        from toolkit_widgets import catalogue

        self.body.append(catalogue.tool_html(node["name"], node["title"]))
        raise nodes.SkipNode
    depth = node["docname"].count("/")
    lite_root = "../" * depth + "lite/"
    src = _iframe_src(node["name"], lite_root)
    earlier = getattr(self, "_toolkit_worksheets", 0)
    self._toolkit_worksheets = earlier + 1
    source = f'data-src="{escape(src)}"' if earlier else f'src="{escape(src)}"'
    waiting = "It starts once the worksheet above is ready. " if earlier else ""
    self.body.append(
        f'<div class="toolkit-worksheet" data-worksheet="{escape(node["name"])}" '
        f'data-ready="{escape(READY_NOTES.get(node["name"], READY_NOTE))}">'
        f'<p class="toolkit-worksheet-loading" aria-live="polite">'
        f"Starting the worksheet: Python is loading inside your browser. {waiting}"
        "This can take a few seconds the first time; nothing is sent anywhere.</p>"
        f'<iframe {source} title="{escape(node["title"])}" '
        f'style="height: {escape(node["height"])}" loading="eager"></iframe></div>'
    )
    raise nodes.SkipNode


def _write_sheet(translator: object, node: worksheet_node) -> None:
    """The worksheet's whole form, results area and keeping panel, as plain HTML."""
    from toolkit_widgets import catalogue
    from toolkit_widgets.render.form_html import sheet_html

    sheet = catalogue.get(node["name"])
    # answers kept by the site before December 2026 are found under the instrument's id
    translator.body.append(sheet_html(sheet.form, old_key=sheet.instrument))  # type: ignore[attr-defined]


def style_repl_frame(app: Sphinx, exception: Exception | None) -> None:
    """Link the worksheet stylesheet and script into the JupyterLite REPL app.

    JupyterLite has no setting for custom CSS or scripts, so the built
    ``repl/index.html`` gets a ``<link>`` and a ``<script>`` for the files in
    ``docs/_lite/``, copied beside it.
    """
    if exception is not None or app.builder.format != "html":
        return
    if "jupyterlite_sphinx" not in app.extensions:  # a content-only build: no lite app
        return
    repl = Path(app.outdir) / "lite" / "repl"
    for name in (FRAME_CSS, FRAME_JS):
        shutil.copy(Path(app.confdir) / "docs" / "_lite" / name, repl / name)
    index = repl / "index.html"
    html = index.read_text("utf-8")
    tags = f'<link rel="stylesheet" href="{FRAME_CSS}">\n  <script src="{FRAME_JS}"></script>'
    if FRAME_CSS not in html:
        index.write_text(html.replace("</head>", f"  {tags}\n</head>", 1), "utf-8")


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
        app.add_js_file(f"{name}.js")


def setup(app: Sphinx) -> dict[str, object]:
    app.add_node(worksheet_node, html=(visit_worksheet_html, None))
    app.connect("env-get-outdated", _outdated_when_package_changed)
    app.connect("env-purge-doc", _forget_page)
    app.connect("env-merge-info", _merge_pages)
    # after jupyterlite-sphinx has built the lite site (priority 500)
    app.connect("build-finished", style_repl_frame, priority=800)
    app.add_directive("worksheet", WorksheetDirective)
    app.connect("html-page-context", add_tool_scripts)
    app.add_js_file("worksheet.js")
    app.add_js_file("sheet.js")
    app.add_css_file("sheet.css")
    # env_version: pages written by an older directive are rebuilt, not reused
    return {"env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}
