"""Every internal link in the built site leads to a page that exists, and to an
anchor that exists on it; every figure the pages use is served by the site."""

import re
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest

pytestmark = pytest.mark.build

HREF = re.compile(r"""(?:href|src)="([^"]+)\"""")
ID = re.compile(r"""\sid="([^"]+)\"""")


def _pages(site: Path) -> list[Path]:
    """The chapter pages: not the JupyterLite app, not the theme's static templates."""
    skipped = {"lite", "_static", "_sources"}
    return [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in skipped]


def test_internal_links_and_anchors_resolve(built_site: Path):
    ids: dict[Path, set[str]] = {}
    broken = []
    pages = _pages(built_site)
    assert len(pages) > 40
    for page in pages:
        for link in HREF.findall(page.read_text("utf-8")):
            if link.startswith(("http:", "https:", "mailto:", "data:", "javascript:", "#")):
                continue
            target, anchor = urldefrag(link)
            path = (page.parent / unquote(target.split("?")[0])).resolve()
            if path.is_dir():
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{page.relative_to(built_site)} -> {link}")
                continue
            if anchor and path.suffix == ".html":
                if path not in ids:
                    ids[path] = set(ID.findall(path.read_text("utf-8")))
                if anchor not in ids[path]:
                    broken.append(f"{page.relative_to(built_site)} -> {link} (no anchor)")
    assert broken == []


def test_figures_are_served_with_text_alternatives(built_site: Path):
    images = []
    for page in _pages(built_site):
        images += re.findall(r"<img [^>]*>", page.read_text("utf-8"))
    figures = [tag for tag in images if ".svg" in tag]
    assert len(figures) >= 15
    for tag in figures:
        assert re.search(r'alt="[^"]{20,}"', tag), tag


def test_search_index_covers_the_chapters(built_site: Path):
    index = (built_site / "searchindex.js").read_text("utf-8")
    for word in ("gars", "scaling", "supervisor", "readiness", "ethic"):
        assert word in index.lower()
