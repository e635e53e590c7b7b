"""WCAG 2.1 A/AA checks with axe-core on every built page and inside every worksheet.

Pages and worksheets are found in the built HTML, so a new chapter or
worksheet is checked without editing this file. Each is checked in the
theme's light and dark modes, so colour contrast is measured in both; a
worksheet page is loaded once and switched between modes, as a reader does.
Any finding of impact serious or critical fails, with rule, targets and help.
In every worksheet, Tab pressed from the first control must reach every other
one: a control it skips cannot be used without a mouse.
"""

from __future__ import annotations

import pytest
from axe_runner import describe, run_axe, set_theme, settle, site_pages, worksheet_pages
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

#: first start of Pyodide in a fresh profile; generous for a loaded 2-core CI
START_TIMEOUT_MS = 120_000
LAB_THEMES = {"light": "JupyterLab Light", "dark": "JupyterLab Dark"}

#: relative luminance (WCAG) of the first opaque background behind an element,
#: and of its text colour
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
    const label = element.querySelector("label, .widget-label, h2, h3") || element;
    return {background: luminance(getComputedStyle(node || document.body).backgroundColor),
            text: luminance(getComputedStyle(label).color)};
}"""


#: tags every control a learner can use in a worksheet form; returns their names
MARK_CONTROLS_JS = """() => {
    const controls = [...document.querySelectorAll(
        ".toolkit-form :is(input, select, textarea, button)")].filter(
        el => !el.disabled && el.getClientRects().length > 0
              && getComputedStyle(el).visibility !== "hidden");
    controls.forEach((el, index) => { el.dataset.tabCheck = String(index); });
    return controls.map(el => (el.getAttribute("aria-label") || el.labels?.[0]?.textContent
                               || el.textContent || el.outerHTML).trim().slice(0, 60));
}"""
#: the tagged control that has the keyboard focus, or null when focus left the frame
FOCUSED_CONTROL_JS = """() => document.hasFocus()
    ? (document.activeElement.closest("[data-tab-check]")?.dataset.tabCheck ?? "")
    : null"""


def unreachable_by_tab(page, frame) -> list[str]:
    """The controls of a worksheet form that Tab, pressed from its first one, never reaches.

    Tab walks the form as a keyboard user does, until focus leaves the frame;
    a control it skips (or a focus trap that stops it) cannot be used without a mouse.
    """
    names = frame.evaluate(MARK_CONTROLS_JS)
    assert names, "the worksheet shows no controls"
    frame.locator('[data-tab-check="0"]').focus()
    reached = {"0"}
    for _ in range(3 * len(names) + 20):
        page.keyboard.press("Tab")
        focused = frame.evaluate(FOCUSED_CONTROL_JS)
        if focused is None:
            break
        reached.add(focused)
    return [name for index, name in enumerate(names) if str(index) not in reached]


def worksheet_frames(page):
    """The document of each worksheet on ``page``, once its form is on screen."""
    frames = []
    boxes = page.locator(".toolkit-worksheet iframe")
    for index in range(boxes.count()):
        box = boxes.nth(index)
        box.content_frame.locator(".toolkit-form").wait_for(timeout=START_TIMEOUT_MS)
        frames.append(box.element_handle().content_frame())
    return frames


def settle_worksheet(frame) -> None:
    """Wait until the page has grown the frame to the whole form and colours are at rest.

    axe skips what lies outside a frame's viewport, so the frame must show it all.
    """
    frame.wait_for_function(
        "() => document.querySelector('.toolkit-form').getBoundingClientRect().bottom"
        " <= window.innerHeight"
    )
    settle(frame)


def form_colours(frame) -> dict[str, float]:
    return frame.locator(".toolkit-form").first.evaluate(LUMINANCE_JS)


def test_pages_without_worksheets_pass_axe_in_light_and_dark(browser_context, built_site, site_url):
    worksheets = set(worksheet_pages(built_site))
    pages = [page for page in site_pages(built_site) if page not in worksheets]
    assert "index.html" in pages
    assert "references.html" in pages
    reports = []
    page = browser_context.new_page()
    for path in pages:
        page.goto(f"{site_url}/{path}")
        settle(page)
        for mode in ("light", "dark"):
            set_theme(page, mode)
            reports.append(describe(f"{path} [{mode}]", run_axe(page)))
    failures = "\n".join(report for report in reports if report)
    assert not failures, f"axe found serious or critical problems:\n{failures}"
    assert browser_context.request_log.off_host() == []


def test_worksheets_pass_axe_in_light_and_dark_and_tab_reaches_every_control(
    browser_context, built_site, site_url
):
    pages = worksheet_pages(built_site)
    assert "capacity-building/gars.html" in pages
    assert "readiness/lcsa.html" in pages
    reports = []
    page = browser_context.new_page()
    for path in pages:
        page.goto(f"{site_url}/{path}")
        frames = worksheet_frames(page)
        for number, frame in enumerate(frames, start=1):
            if missed := unreachable_by_tab(page, frame):
                reports.append(f"{path} worksheet {number}: Tab never reaches {missed}")
        settle(page)
        for mode in ("light", "dark"):
            set_theme(page, mode)
            reports.append(describe(f"{path} [{mode}]", run_axe(page)))
            for number, frame in enumerate(frames, start=1):
                frame.wait_for_function(
                    "name => document.body.dataset.jpThemeName === name", arg=LAB_THEMES[mode]
                )
                settle_worksheet(frame)
                colours = form_colours(frame)
                # the worksheet follows the page: dark ground in dark mode, light otherwise
                assert (colours["background"] < 0.05) == (mode == "dark"), (path, mode, colours)
                where = f"{path} worksheet {number} [{mode}]"
                reports.append(describe(where, run_axe(frame)))
    failures = "\n".join(report for report in reports if report)
    assert not failures, f"axe found serious or critical problems:\n{failures}"
    assert browser_context.request_log.off_host() == []


def test_the_tab_check_finds_a_control_the_keyboard_cannot_reach(browser_context, site_url):
    """The check above would catch a regression: a control taken out of the tab order."""
    page = browser_context.new_page()
    page.goto(f"{site_url}/value-of-coaching/roi.html")
    (frame,) = worksheet_frames(page)
    assert unreachable_by_tab(page, frame) == []
    names = frame.evaluate(MARK_CONTROLS_JS)
    field = frame.locator(".toolkit-form input[type=number]").nth(1)
    skipped = names[int(field.get_attribute("data-tab-check"))]
    field.evaluate("input => { input.tabIndex = -1; }")
    assert unreachable_by_tab(page, frame) == [skipped]


def test_worksheet_on_a_dark_page_starts_dark(browser_context, site_url):
    """A reader whose system is dark gets a dark page and a dark worksheet from the start."""
    page = browser_context.new_page()
    page.emulate_media(color_scheme="dark")
    page.goto(f"{site_url}/readiness/culture-stage.html")
    (frame,) = worksheet_frames(page)
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert frame.evaluate("document.body.dataset.jpThemeName") == "JupyterLab Dark"
    settle(frame)
    colours = form_colours(frame)
    assert colours["background"] < 0.05, colours  # near black
    assert colours["text"] > 0.5, colours  # light text on it
    assert browser_context.request_log.off_host() == []


def test_questionnaire_can_be_completed_with_the_keyboard_alone(browser_context, site_url):
    """From the top of the page, Tab reaches the first item; arrows answer; results show."""
    page = browser_context.new_page()
    page.goto(f"{site_url}/readiness/lcsa.html")
    (frame,) = worksheet_frames(page)
    keyboard = page.keyboard
    for _ in range(150):  # the page's links first, then the worksheet
        keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "IFRAME":
            break
    focused = frame.evaluate("document.activeElement.outerHTML")
    assert focused.startswith("<select"), f"Tab entered the worksheet at {focused[:120]}"
    for item in range(26):  # 13 pro-learning items at 4, 13 anti-learning items at 2
        for _ in range(4 if item < 13 else 2):
            keyboard.press("ArrowDown")  # Not answered -> 1 -> 2 -> ...
        keyboard.press("Tab")  # the item's "needs attention" box
        if item == 0:
            keyboard.press("Space")
        keyboard.press("Tab")
    results = page.frame_locator(".toolkit-worksheet iframe").locator(".toolkit-results")
    results.locator("text=pro-learning culture, by 26 points").wait_for(timeout=30_000)
    assert results.locator(".toolkit-score").all_inner_texts() == ["52", "26"]
    assert frame.get_by_label("Item 1 needs attention").is_checked()
    assert not frame.get_by_label("Item 2 needs attention").is_checked()
    settle_worksheet(frame)
    failures = describe("readiness/lcsa.html worksheet with results", run_axe(frame))
    assert not failures, f"axe found serious or critical problems:\n{failures}"
    assert browser_context.request_log.off_host() == []


def test_gars_settings_open_and_close_with_the_keyboard(browser_context, site_url):
    """ipywidgets' accordion header answered only the mouse; the frame script fixes that."""
    page = browser_context.new_page()
    page.goto(f"{site_url}/capacity-building/gars.html")
    (frame,) = worksheet_frames(page)
    keyboard = page.keyboard
    frame.get_by_role("button", name="Add a goal").focus()
    keyboard.press("Tab")
    settings = frame.get_by_role("button", name="Settings")
    expect(settings).to_be_focused()
    expect(settings).to_have_attribute("aria-expanded", "false")
    rho = frame.get_by_label("Correlation between goals (ρ)")
    expect(rho).to_be_hidden()
    keyboard.press("Enter")
    expect(rho).to_be_visible()
    expect(settings).to_have_attribute("aria-expanded", "true")
    keyboard.press("Tab")
    expect(rho).to_be_focused()
    keyboard.press("Shift+Tab")
    keyboard.press("Space")
    expect(rho).to_be_hidden()
    expect(settings).to_have_attribute("aria-expanded", "false")
