"""Chapters print cleanly, and pages fit a 360 px wide phone.

Print: the chapter alone, full width, without navigation, search or theme
switcher; external links show their address; table rows and figures are not
split. (A worksheet's printed summary: ``test_print_forms.py``.)

Phone: nothing widens the page, nothing in the text is cut off, wide tables,
figures and formulas scroll inside their own box, and figure and chart text
stays legible. Screenshots are saved under pytest's temporary folder; their
paths are printed (``pytest -rP``) and recorded as test properties.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.sheets import open_sheet, rate_one_gars_goal, wait_python

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
CHAPTER = "/implementation/stages.html"  # a wide table and a drawn figure
#: smallest text a reader should meet in a figure or chart, in CSS pixels
LEGIBLE_PX = 9.5

HIDDEN_IN_PRINT = (
    ".bd-header",
    ".bd-sidebar-primary",
    ".bd-sidebar-secondary",
    ".bd-header-article",
    ".prev-next-footer",
    ".bd-footer",
    ".search-button__button",
    ".theme-switch-button",
)


def test_chapter_prints_alone_and_full_width(browser_context, site_url):
    page = browser_context.new_page()
    page.goto(f"{site_url}{CHAPTER}")
    expect(page.locator(".bd-sidebar-primary")).to_be_visible()  # on screen, at 1280 px
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        for element in page.locator(selector).all():
            expect(element).to_be_hidden()
    article = page.locator("article.bd-article")
    expect(article).to_be_visible()
    expect(article.locator("h1")).to_have_text(re.compile("stages of implementation"))
    width = article.evaluate("e => e.getBoundingClientRect().width")
    page_width = page.evaluate("document.documentElement.clientWidth")
    assert width >= 0.95 * page_width
    # rows and figures stay whole; figures fit the page width
    assert (
        page.locator("article table tr").first.evaluate("e => getComputedStyle(e).breakInside")
        == "avoid"
    )
    for image in article.locator("figure img").all():
        assert image.evaluate("e => e.getBoundingClientRect().right") <= width + 1
    assert browser_context.request_log.off_host() == []


def test_printed_external_links_show_their_address(browser_context, site_url):
    page = browser_context.new_page()
    page.goto(f"{site_url}/ethics/codes.html")
    link = page.locator("article a.reference.external").first
    href = link.get_attribute("href")
    assert href.startswith("http")
    after = "e => getComputedStyle(e, '::after').content"
    assert href not in link.evaluate(after)  # not on screen
    page.emulate_media(media="print")
    assert href in link.evaluate(after)


def _svg_metrics(svg_text: str) -> tuple[float, float]:
    """(viewBox width, smallest font-size) of a drawn figure."""
    view_box = re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+) [\d.]+"', svg_text)
    sizes = [float(size) for size in re.findall(r'font-size="([\d.]+)"', svg_text)]
    assert view_box, "no viewBox"
    assert sizes, "no font-size"
    return float(view_box.group(1)), min(sizes)


def _shot(page, tmp_path: Path, name: str, record_property) -> None:
    path = tmp_path / f"{name}-360px.png"
    page.screenshot(path=str(path), full_page=True)
    record_property(f"screenshot {name}", str(path))
    print(f"360 px screenshot of {name}: {path}")


#: in the given document: scroll widths, and any element whose content is cut
#: off (wider than its box, which hides instead of scrolling)
_OVERFLOW = """root => {
  const box = document.querySelector(root) || document.documentElement;
  const clipped = [...box.querySelectorAll('*')].filter(e => {
    const style = getComputedStyle(e);
    return e.scrollWidth > e.clientWidth + 1 && ['hidden', 'clip'].includes(style.overflowX)
      && e.tagName !== 'MJX-ASSISTIVE-MML' && style.visibility !== 'hidden'
      && style.opacity !== '0';  // a see-through control (the file input behind its label)
  }).map(e => e.tagName + '.' + e.getAttribute('class') + ': ' + e.textContent.slice(0, 40));
  return {page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth,
          box: [box.scrollWidth, box.clientWidth], clipped};
}"""


def _assert_fits(page, root: str) -> None:
    found = page.evaluate(_OVERFLOW, root)
    assert found["page"] <= PHONE["width"] + 1, found
    assert found["box"][0] <= found["box"][1] + 1, f"{root} scrolls sideways: {found}"
    assert found["clipped"] == []


@pytest.mark.parametrize("path", ["/index.html", CHAPTER])
def test_page_fits_a_phone(browser_context, site_url, built_site, tmp_path, record_property, path):
    page = browser_context.new_page()
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}{path}")
    expect(page.locator("article h1")).to_be_visible()
    _assert_fits(page, ".bd-article-container")
    # a table wider than the column scrolls inside its own container
    for table in page.locator("article table").all():
        wide = table.evaluate("e => e.scrollWidth > e.parentElement.clientWidth + 1")
        if wide:
            scroller = table.evaluate("e => getComputedStyle(e.parentElement).overflowX")
            assert scroller == "auto"
    # drawn figures keep legible text: they scroll rather than shrink
    for image in page.locator("article figure img[src$='.svg']").all():
        name = image.evaluate("e => new URL(e.src).pathname.split('/').pop()")
        view_width, smallest = _svg_metrics((built_site / "_images" / name).read_text())
        shown = image.evaluate("e => e.getBoundingClientRect().width")
        assert shown / view_width * smallest >= LEGIBLE_PX, name
    _shot(page, tmp_path, path.strip("/").replace("/", "-"), record_property)
    assert browser_context.request_log.off_host() == []


def test_worksheet_fits_a_phone(browser_context, site_url, built_site, tmp_path, record_property):
    page = browser_context.new_page()
    page.set_viewport_size(PHONE)
    page, sheet = open_sheet(browser_context, site_url, built_site, "gars", page)
    rate_one_gars_goal(sheet)
    wait_python(sheet)
    expect(sheet.locator("[data-results] .toolkit-t")).to_have_text(["50.0", "60.0"])
    _assert_fits(page, ".bd-article-container")
    # every control can be reached without scrolling the page sideways
    width = page.evaluate("document.documentElement.clientWidth")
    controls = sheet.locator(":is(select, input, textarea, button, label.tk-button)")
    cut = [
        control.evaluate("e => e.outerHTML.slice(0, 80)")
        for control in controls.all()
        if control.is_visible()
        and control.evaluate("e => e.getBoundingClientRect().right") > width + 1
    ]
    assert cut == []
    # the chart's text stays legible: it scrolls in its own box instead
    chart = sheet.locator("[data-results] svg.toolkit-chart")
    view_width, smallest = _svg_metrics(chart.evaluate("e => e.outerHTML"))
    shown = chart.evaluate("e => e.getBoundingClientRect().width")
    assert shown / view_width * smallest >= LEGIBLE_PX
    assert chart.evaluate("e => getComputedStyle(e.parentElement).overflowX") == "auto"
    _shot(page, tmp_path, "gars-worksheet", record_property)
    assert browser_context.request_log.off_host() == []
