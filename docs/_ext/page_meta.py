"""A ``<meta name="description">`` on every page, from the page's own first paragraph.

Search engines and link previews show it; without one they guess from the
navigation. The first paragraph of each page is its summary in this site's
own words, cut at a word near 160 characters.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx

#: about what search results show
LIMIT = 160


def summary(doctree: nodes.document | None, fallback: str) -> str:
    """The first paragraph's text, shortened at a word to about LIMIT characters."""
    paragraph = next(iter(doctree.findall(nodes.paragraph)), None) if doctree else None
    text = " ".join((paragraph.astext() if paragraph else fallback).split())
    if len(text) <= LIMIT:
        return text
    return text[: text.rfind(" ", 0, LIMIT - 1)].rstrip(",;:") + "…"


def add_description(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None
) -> None:
    text = summary(doctree, context.get("title") or app.config.project)
    context["metatags"] = (
        context.get("metatags", "") + f'\n    <meta name="description" content="{escape(text)}">'
    )


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("html-page-context", add_description)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
