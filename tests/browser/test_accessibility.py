"""WCAG 2.1 A/AA checks with axe-core on every built page, worksheets included.

Pages are found in the built HTML, so a new chapter or worksheet is checked
without editing this file. Each is checked in the theme's light and dark
modes, so colour contrast is measured in both. A worksheet's form is part of
its page, so axe sees it as it is before Python starts (Python is kept from
starting here; one test completes a worksheet with Python and the keyboard).
In every worksheet, Tab pressed from the first control must reach every other
one: a control it skips cannot be used without a mouse. Any finding of impact
serious or critical fails, with rule, targets and help.
"""

from __future__ import annotations

import pytest
from axe_runner import (
    COLOUR_RULES,
    describe,
    run_axe,
    set_theme,
    settle,
    site_pages,
    worksheet_pages,
)

from tests.browser.sheets import open_sheet, results_text, wait_python, without_python
from tests.browser.test_csp import watch
from toolkit_widgets import catalogue

pytestmark = pytest.mark.browser

#: relative luminance (WCAG) of an element's background and text colours
LUMINANCE_JS = """element => {
    const channel = c => {
        c /= 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = css => {
        const [r, g, b] = css.match(/[\\d.]+/g).map(Number);
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    let node = element;
    while (node && /rgba\\(.*, 0\\)|transparent/.test(getComputedStyle(node).backgroundColor)) {
        node = node.parentElement;
    }
    return {background: luminance(getComputedStyle(node || document.body).backgroundColor),
            text: luminance(getComputedStyle(element).color)};
}"""

#: tags every control a learner can use in one worksheet; returns their names
MARK_CONTROLS_JS = """root => {
    const controls = [...root.querySelectorAll(":is(input, select, textarea, button)")].filter(
        el => !el.disabled && el.getClientRects().length > 0
              && getComputedStyle(el).visibility !== "hidden"
              && !(el.type === "radio" && !el.checked));
    controls.forEach((el, index) => { el.dataset.tabCheck = String(index); });
    return controls.map(el => (el.getAttribute("aria-label") || el.labels?.[0]?.textContent
                               || el.textContent || el.outerHTML).trim().slice(0, 60));
}"""
#: the tagged control that has the keyboard focus in ``root``, or null once focus left it
FOCUSED_CONTROL_JS = """root => root.contains(document.activeElement)
    ? (document.activeElement.closest("[data-tab-check]")?.dataset.tabCheck ?? "")
    : null"""


def unreachable_by_tab(page, sheet) -> list[str]:
    """The controls of a worksheet that Tab, pressed from its first one, never reaches.

    A radio group is one Tab stop (its checked button), as in every browser.
    """
    names = sheet.evaluate(MARK_CONTROLS_JS)
    assert names, "the worksheet shows no controls"
    sheet.locator('[data-tab-check="0"]').focus()
    reached = {"0"}
    for _ in range(3 * len(names) + 20):
        page.keyboard.press("Tab")
        focused = sheet.evaluate(FOCUSED_CONTROL_JS)
        if focused is None:
            break
        reached.add(focused)
    return [name for index, name in enumerate(names) if str(index) not in reached]


#: the pages are checked in this many shares, so that parallel test workers share
#: the walk (the pages are only known once the site is built)
SHARES = 4


@pytest.mark.parametrize("share", range(SHARES))
def test_every_page_passes_axe_in_light_and_dark(browser_context, built_site, site_url, share):
    """Also the walk over every page for test_csp.py: no policy violation, console
    error or uncaught error on any page, Python kept from starting (test_csp.py
    starts it on one page per kind of worksheet)."""
    problems = watch(browser_context)
    without_python(browser_context)
    every_page = site_pages(built_site)
    assert "index.html" in every_page
    assert "readiness/lcsa.html" in worksheet_pages(built_site)
    pages = every_page[share::SHARES]
    assert pages
    reports = []
    page = browser_context.new_page()
    for path in pages:
        page.goto(f"{site_url}/{path}")
        settle(page)
        set_theme(page, "light")
        reports.append(describe(f"{path} [light]", run_axe(page)))
        set_theme(page, "dark")
        reports.append(describe(f"{path} [dark]", run_axe(page, rules=COLOUR_RULES)))
    failures = "\n".join(report for report in reports if report)
    assert not failures, f"axe found serious or critical problems:\n{failures}"
    assert problems == [], "\n".join(problems)
    assert browser_context.request_log.off_host() == []


@pytest.mark.parametrize("name", catalogue.NAMES)
def test_tab_reaches_every_control_of_the_worksheet(browser_context, built_site, site_url, name):
    without_python(browser_context)
    page, sheet = open_sheet(browser_context, site_url, built_site, name)
    assert unreachable_by_tab(page, sheet) == []


def test_the_tab_check_finds_a_control_the_keyboard_cannot_reach(
    browser_context, built_site, site_url
):
    """The check above would catch a regression: a control taken out of the tab order."""
    without_python(browser_context)
    page, sheet = open_sheet(browser_context, site_url, built_site, "cprs")
    names = sheet.evaluate(MARK_CONTROLS_JS)
    field = sheet.locator("form textarea").nth(1)
    skipped = names[int(field.get_attribute("data-tab-check"))]
    field.evaluate("el => { el.tabIndex = -1; }")
    assert unreachable_by_tab(page, sheet) == [skipped]


def test_worksheet_on_a_dark_page_is_dark(browser_context, built_site, site_url):
    """A reader whose system is dark gets dark form controls with light text."""
    without_python(browser_context)
    page = browser_context.new_page()
    page.emulate_media(color_scheme="dark")
    _page, sheet = open_sheet(browser_context, site_url, built_site, "cprs", page=page)
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    settle(page)
    colours = sheet.locator("form textarea").first.evaluate(LUMINANCE_JS)
    assert colours["background"] < 0.05, colours  # near black
    assert colours["text"] > 0.5, colours  # light text on it


def test_questionnaire_can_be_completed_with_the_keyboard_alone(
    browser_context, built_site, site_url
):
    """From the top of the page, Tab reaches the first item; arrows answer; results show."""
    page, sheet = open_sheet(browser_context, site_url, built_site, "lcsa")
    keyboard = page.keyboard
    for _ in range(150):  # the page's links first, then the worksheet
        keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            break
    focused = page.evaluate("document.activeElement.name")
    assert focused == "ratings.pro-01", f"Tab entered the worksheet at {focused}"
    for item in range(26):  # 13 pro-learning items at 4, 13 anti-learning items at 2
        for _ in range(4 if item < 13 else 2):
            keyboard.press("ArrowRight")  # Not answered -> 1 -> 2 -> ...
        keyboard.press("Tab")  # the item's "needs attention" box
        if item == 0:
            keyboard.press("Space")
        keyboard.press("Tab")
    wait_python(sheet)
    results_text(sheet, "pro-learning culture, by 26 points")
    scores = sheet.locator("[data-results] .toolkit-score").all_inner_texts()
    assert scores == ["52", "26"]
    assert sheet.get_by_label("Item 1 needs attention").is_checked()
    assert not sheet.get_by_label("Item 2 needs attention").is_checked()
    settle(page)
    failures = describe("readiness/lcsa.html with results", run_axe(page))
    assert not failures, f"axe found serious or critical problems:\n{failures}"
    assert browser_context.request_log.off_host() == []
