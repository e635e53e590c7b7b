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


#: sections that were once on a chapter's first page and now have pages of their own;
#: a bookmark to the old place must still land on a link to the new one
MOVED_SECTIONS = {
    "the-coach/index.html": {
        "internal-or-external-coach": "internal-external.html",
        "ch-the-coach-supervisor": "supervisor.html",
        "the-supervisor-as-coach": "supervisor.html",
        "benefits-and-challenges-of-supervisors-as-coaches": "supervisor.html",
        "supervisory-coaching-skills-self-assessment": "supervisory-skills.html",
        "job-responsibility-data-collection-table": "job-responsibilities.html",
        "peers-as-coaches": "forms.html",
        "group-coaching": "forms.html",
        "online-coaching": "forms.html",
        "ch-the-coach-comparison": "mentors-counselors.html",
        "coaches-mentors-and-counselors": "mentors-counselors.html",
        "coaching-practices-rating-scale": "cprs.html",
        "coaching-skills-self-assessment": "coaching-skills.html",
    },
    "implementation/index.html": {
        "implementation-drivers": "drivers.html",
        "six-stages-of-implementation": "stages.html",
        "the-plan-do-study-act-cycle": "pdsa.html",
        "change-agents": "change-agents.html",
        "example-coaching-to-support-implementation": "change-agents.html",
        "leadership-styles": "leadership.html",
        "change-facilitation": "leadership.html",
        "creating-the-coaching-implementation-plan": "plan.html",
        "logic-models": "logic-model.html",
    },
}


@pytest.mark.parametrize("index", sorted(MOVED_SECTIONS))
def test_a_bookmark_to_a_moved_section_lands_on_a_link_to_its_page(built_site: Path, index):
    html = (built_site / index).read_text("utf-8")
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    for anchor, page in MOVED_SECTIONS[index].items():
        holding = [item for item in items if f'id="{anchor}"' in item]
        assert len(holding) == 1, anchor
        assert f'href="{page}' in holding[0], (anchor, page)
        assert (built_site / index).parent.joinpath(page).exists()
