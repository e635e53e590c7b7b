"""Full-text search works in the browser with no network beyond the site."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_search_finds_the_gars_page_offline(browser_context, site_url):
    page = browser_context.new_page()
    page.goto(f"{site_url}/search.html?q=attainment")
    results = page.locator("#search-results ul.search li")
    expect(results.first).to_be_visible(timeout=30_000)
    links = results.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert any(link.endswith("capacity-building/gars.html") for link in links)
    assert browser_context.request_log.off_host() == []
