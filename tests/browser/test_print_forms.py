"""A worksheet prints: as a blank paper form without scripts, as the learner's summary on request.

Without JavaScript the page still holds the whole form (every item, every
answer), with nothing that needs a script; printed, it is a paper form. With
Python, "Print my summary" prints the learner's answers and results alone.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.sheets import open_sheet, results_text, wait_python

pytestmark = pytest.mark.browser


def test_without_scripts_the_page_is_a_whole_blank_paper_form(browser, site_url, built_site):
    from tests.browser.sheets import sheet_pages

    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + sheet_pages(built_site)["crs"])
        sheet = page.locator('[data-sheet="crs"]')
        # every item is there with its answers, and nothing that needs a script shows
        expect(sheet.locator("fieldset.tk-choice")).to_have_count(18)
        expect(sheet.get_by_role("radio", name="Yes")).to_have_count(18)
        expect(sheet.locator("[data-keep]")).to_be_hidden()
        page.emulate_media(media="print")
        expect(sheet.locator("form")).to_be_visible()
        expect(sheet.get_by_role("radio", name="No").first).to_be_visible()
        expect(sheet.locator("[data-keep]")).to_be_hidden()
    finally:
        context.close()


def test_print_my_summary_prints_the_summary_alone(browser_context, site_url, built_site):
    page, sheet = open_sheet(browser_context, site_url, built_site, "cprs")
    sheet.get_by_label("Plan for improvement").fill("Model one practice per visit")
    groups = sheet.locator("fieldset.tk-choice")
    for index in range(groups.count()):
        groups.nth(index).get_by_label("4 Most of the time").check()
    wait_python(sheet)
    results_text(sheet, "Mean of the 14 rated statements")
    summary = sheet.locator("[data-summary]")
    expect(summary).to_contain_text("Model one practice per visit")
    page.evaluate("window.print = () => {}")  # no print dialog in a headless test
    sheet.get_by_role("button", name="Print my summary").click()
    page.emulate_media(media="print")
    expect(summary).to_be_visible()
    expect(sheet.locator("form")).to_be_hidden()
    assert page.locator(".bd-header").evaluate("e => getComputedStyle(e).visibility") == "hidden"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    expect(sheet.locator("form")).to_be_visible()
    expect(summary).to_be_hidden()
    assert browser_context.request_log.off_host() == []
