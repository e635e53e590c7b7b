"""Repair an ARIA role that docutils writes into every bibliography.

docutils writes a citation list as ``<div role="list">`` whose entries carry
``role="doc-biblioentry"``, a role DPUB-ARIA 1.1 deprecated and assistive
technology no longer counts as a list item: screen readers announce an empty
list, and axe reports it (aria-required-children, critical). Each entry is
written as an ordinary ``listitem`` instead.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

_DEPRECATED = ' role="doc-biblioentry"'
_REPLACEMENT = ' role="listitem"'


def fix_citation_roles(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Give each bibliography entry the role its list expects."""
    body = context.get("body")
    if isinstance(body, str) and _DEPRECATED in body:
        context["body"] = body.replace(_DEPRECATED, _REPLACEMENT)


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("html-page-context", fix_citation_roles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
