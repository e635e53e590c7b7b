"""The ``{my-work}`` directive: the "My work" page's tool, with the list of worksheets.

The page lists every worksheet this browser keeps answers for. Which worksheets
there are, their titles and the controls that count towards "how complete"
come from ``toolkit_widgets.catalogue``; where each one is (chapter, page,
section) comes from the chapters themselves: every ``{worksheet}`` node Sphinx
read. Both are written into the page at build time as a JSON data block
(``<script type="application/json">``, never run, so the page's
Content-Security-Policy needs no hash for it), which ``_static/my-work.js``
reads with no request and before Python starts. Nothing is listed by hand.

The page is written again on every build, so a chapter that gains or loses a
worksheet is never missing from the list.

Usage in MyST::

    :::{my-work}
    :::
"""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective
from worksheet import worksheet_node


class my_work_node(nodes.General, nodes.Element):  # noqa: N801 - docutils convention
    """Placeholder replaced by the page tool's markup when writing HTML."""


class MyWorkDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        _my_work_pages(self.env).add(self.env.docname)
        return [my_work_node()]


# --- where each worksheet is ------------------------------------------------------


def _places(env: BuildEnvironment) -> dict[str, dict[str, str]]:
    """Worksheet name -> {"docname", "anchor"}: the page and section that show it."""
    if not hasattr(env, "toolkit_worksheet_places"):
        env.toolkit_worksheet_places = {}  # type: ignore[attr-defined]
    return env.toolkit_worksheet_places  # type: ignore[attr-defined]


def _my_work_pages(env: BuildEnvironment) -> set[str]:
    if not hasattr(env, "toolkit_my_work_pages"):
        env.toolkit_my_work_pages = set()  # type: ignore[attr-defined]
    return env.toolkit_my_work_pages  # type: ignore[attr-defined]


def _record_places(app: Sphinx, doctree: nodes.document) -> None:
    from toolkit_widgets import catalogue

    env = app.env
    for node in doctree.findall(worksheet_node):
        if node["name"] not in catalogue.NAMES:
            continue  # a page tool (the cohort view) keeps nothing
        section = node.parent
        while section is not None and not isinstance(section, nodes.section):
            section = section.parent
        anchor = section["ids"][0] if section is not None and section["ids"] else ""
        _places(env).setdefault(node["name"], {"docname": env.docname, "anchor": anchor})


def _forget_page(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    places = _places(env)
    for name in [n for n, place in places.items() if place["docname"] == docname]:
        del places[name]
    _my_work_pages(env).discard(docname)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    for name, place in _places(other).items():
        _places(env).setdefault(name, place)
    _my_work_pages(env).update(_my_work_pages(other))


def _always_rewritten(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    return sorted(_my_work_pages(env) & set(env.found_docs))


# --- the list written into the page ------------------------------------------------


def _chapter_order(env: BuildEnvironment) -> list[str]:
    """Chapter folders in the order of the home page's table of contents."""
    order: list[str] = []
    for docname in env.toctree_includes.get(env.config.root_doc, []):
        folder = docname.split("/")[0] if "/" in docname else docname
        if folder not in order:
            order.append(folder)
    return order


def _counted(form: Any) -> dict[str, Any]:
    """The controls "how complete" counts: answers to give, and ticks (counted apart).

    A tick box left empty is an answer too ("not true of us"), so ticks are not
    counted as missing; answers to give are every other control. Repeated parts
    (goals, sessions) count their controls once per entry the learner has.
    """
    from toolkit_widgets.render.form_model import name_of, row_fields

    def split(fields: list[Any]) -> tuple[list[str], list[str]]:
        answers = [f.name for f in fields if f.kind not in ("check", "flag")]
        ticks = [f.name for f in fields if f.kind in ("check", "flag")]
        return answers, ticks

    answers, ticks = split(form.fields())
    repeats = []
    for repeat in form.repeats():
        row_answers, row_ticks = split(row_fields(repeat))
        repeats.append(
            {
                "name": name_of(repeat.path),
                "start": repeat.start,
                "answers": row_answers,
                "ticks": row_ticks,
            }
        )
    return {"answers": answers, "ticks": ticks, "repeats": repeats}


def manifest(app: Sphinx, docname: str) -> list[dict[str, Any]]:
    """Every worksheet the site shows, in chapter order, with what the page needs to list it."""
    from toolkit_widgets import catalogue

    env = app.env
    places = _places(env)
    chapters = _chapter_order(env)
    # an agency's edition may leave worksheets out (docs/_ext/agency.py)
    left_out = getattr(getattr(app, "agency_config", None), "exclude_worksheets", frozenset())
    entries = []
    for position, name in enumerate(catalogue.NAMES):
        place = places.get(name)
        if place is None or place["docname"] not in env.found_docs or name in left_out:
            continue  # left out of this edition
        sheet = catalogue.get(name)
        page = place["docname"]
        folder = page.split("/")[0]
        chapter_doc = f"{folder}/index" if "/" in page else page
        chapter_title = env.titles.get(chapter_doc)
        uri = app.builder.get_relative_uri(docname, page)
        if place["anchor"]:
            uri += "#" + place["anchor"]
        entries.append(
            {
                "name": name,
                "title": sheet.form.title,
                "old_key": sheet.instrument,
                "chapter": chapter_title.astext() if chapter_title else folder,
                "chapter_rank": chapters.index(folder) if folder in chapters else len(chapters),
                "page_title": env.titles[page].astext() if page in env.titles else "",
                "url": uri,
                "rank": position,
                **_counted(sheet.form),
            }
        )
    # chapter order, then the order of the chapter's pages, then the catalogue's
    pages = _page_order(env)
    entries.sort(
        key=lambda e: (e["chapter_rank"], pages.get(places[e["name"]]["docname"], 0), e["rank"])
    )
    for entry in entries:
        del entry["chapter_rank"], entry["rank"]
    return entries


def _page_order(env: BuildEnvironment) -> dict[str, int]:
    """Each page's position when the site is read from the home page on."""
    order: dict[str, int] = {}

    def walk(docname: str) -> None:
        if docname in order:
            return
        order[docname] = len(order)
        for child in env.toctree_includes.get(docname, []):
            walk(child)

    walk(env.config.root_doc)
    return order


def my_work_html(level: int) -> str:
    """The page tool's markup. Its controls start ``hidden`` and are shown by its script,
    so without scripts the page says what it needs instead of offering dead buttons."""
    h = f"h{level}"
    return f"""<section class="tk-my-work" data-my-work aria-label="My work in this browser">
<p class="tk-work-status" role="status" data-work-status>This page lists what this browser keeps \
once its script has run; it needs JavaScript, like the worksheets.</p>
<{h} id="tk-work-held-title">Worksheets with your answers</{h}>
<div data-work-held></div>
<{h} id="tk-work-empty-title">Worksheets not started</{h}>
<div data-work-empty></div>
<{h} id="tk-work-keep-title">Keep it safe</{h}>
<p data-work-persist role="status"></p>
<p data-work-estimate></p>
<p class="tk-work-reminder" data-work-reminder role="status" hidden></p>
<div class="tk-actions" data-work-actions hidden>
<button type="button" class="tk-button" data-work-backup>Download a backup of everything</button>
<input type="file" class="tk-file" id="tk-work-restore" data-work-restore \
accept=".json,application/json">
<label class="tk-button tk-file-label" for="tk-work-restore">Restore from a backup file</label>
</div>
<p class="tk-message" role="status" data-work-message></p>
<div class="tk-work-preview" data-work-preview hidden></div>
<{h} id="tk-work-print-title">Print my work</{h}>
<p>One document with the summary of every worksheet you have filled in, in the order of \
the chapters, for a supervision or coaching session. Your name and the date are printed \
at the top if you type them here; they are not kept.</p>
<div class="tk-work-print-fields" data-work-print-fields hidden>
<p><label for="tk-work-name">Your name (optional)</label>
<input type="text" id="tk-work-name" data-work-name maxlength="120" autocomplete="name"></p>
<p><label for="tk-work-date">Date (optional)</label>
<input type="date" id="tk-work-date" data-work-date></p>
<button type="button" class="tk-button" data-work-print>Print my work</button>
</div>
<p class="tk-message" role="status" data-work-print-status></p>
<p class="tk-python" role="status" data-work-python></p>
<div class="tk-summary tk-work-print" data-summary data-work-print-area></div>
<{h} id="tk-work-clear-title">Clear everything</{h}>
<p>Deletes every worksheet's answers from this browser. Download a backup first if you may \
want them again.</p>
<div class="tk-actions" data-work-clear-actions hidden>
<button type="button" class="tk-button tk-danger" data-work-clear>Clear everything</button>
</div>
<div class="tk-confirm" data-work-confirm hidden></div>
</section>"""


def visit_my_work_html(self: Any, node: my_work_node) -> None:
    app = self.builder.app
    data = json.dumps(manifest(app, self.builder.current_docname), ensure_ascii=True)
    # a data block: "</" must not end it early
    data = data.replace("</", "<\\/")
    level = min(getattr(self, "section_level", 1) + 1, 6)
    self.body.append(
        f'<script type="application/json" id="tk-my-work-list">{data}</script>'
        + my_work_html(level)
    )
    raise nodes.SkipNode


def add_script(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None
) -> None:
    """The My work page loads its script (after sheet.js, whose kernel it shares)."""
    if doctree is not None and any(True for _ in doctree.findall(my_work_node)):
        app.add_js_file("my-work.js", defer="defer")
        app.add_css_file("my-work.css")


def setup(app: Sphinx) -> dict[str, object]:
    app.setup_extension("worksheet")
    app.add_node(my_work_node, html=(visit_my_work_html, None))
    app.add_directive("my-work", MyWorkDirective)
    # the header's "My work" link is on every page (docs/_templates/my-work-link.html)
    app.add_css_file("my-work-link.css")
    app.connect("doctree-read", _record_places)
    app.connect("env-purge-doc", _forget_page)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _always_rewritten)
    app.connect("html-page-context", add_script)
    return {"env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
