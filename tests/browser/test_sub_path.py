"""The site works when served under a sub-path, as GitHub Pages serves a fork.

A fork's site lives at ``https://<org>.github.io/<repo>/``: every page, script,
wheel and worker request has to stay under ``/<repo>/``. Here a local server
answers only under ``/coaching-toolkit/`` (404 elsewhere) and records every
path it is asked for; a reader opens the home page, a chapter, follows a link,
searches, and completes the GARS worksheet.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.sheets import rate_one_gars_goal, wait_python

pytestmark = pytest.mark.browser

PREFIX = "/coaching-toolkit/"


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX only, like a project's GitHub Pages site."""

    outside: list[str]  # set on the partial below: paths asked for outside PREFIX

    def __init__(self, *args: object, outside: list[str], **kwargs: object) -> None:
        self.outside = outside
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def send_head(self):  # type: ignore[no-untyped-def]
        path = urlsplit(self.path).path
        if not path.startswith(PREFIX):
            self.outside.append(self.path)
            self.send_error(404, "outside the site's sub-path")
            return None
        self.path = "/" + self.path[len(PREFIX) :]
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture(scope="module")
def sub_path_server(built_site: Path) -> Iterator[tuple[str, list[str]]]:
    """(site address ending in PREFIX, paths requested outside it)."""
    outside: list[str] = []
    handler = functools.partial(_SubPathHandler, directory=str(built_site), outside=outside)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}", outside
    server.shutdown()


def test_reader_uses_the_site_under_a_sub_path(browser, sub_path_server):
    site, server_outside = sub_path_server
    origin = site[: -len(PREFIX)]
    context = browser.new_context()
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    # only the site's own origin is let through; anything else is aborted
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(origin + "/") else route.abort()
        ),
    )
    try:
        page = context.new_page()
        page.goto(site)
        expect(page.locator("h1")).to_contain_text("Coaching Toolkit")
        # the theme's stylesheet loaded: its header sticks to the top of the window
        expect(page.locator("header.bd-header")).to_have_css("position", "sticky")

        page.locator(".bd-content").get_by_role("link", name="Capacity Building").first.click()
        expect(page).to_have_url(f"{site}capacity-building/index.html")
        expect(page.locator("h1")).to_contain_text("Capacity Building")

        page.locator(".bd-content").get_by_role("link", name="SMART objective").first.click()
        expect(page).to_have_url(f"{site}glossary.html#term-SMART-objective")

        # the theme's deferred script opens the search dialog: a click that comes
        # before it has run (the URL above changes as the page starts) does nothing
        page.wait_for_load_state()
        page.get_by_role("button", name="Search").first.click()
        search = page.locator("#pst-search-dialog input[type=search]")
        search.fill("attainment")
        search.press("Enter")
        expect(page).to_have_url(f"{site}search.html?q=attainment")
        results = page.locator("#search-results ul.search li a")
        expect(results.first).to_be_visible(timeout=30_000)
        page.locator("#search-results a[href*='capacity-building/gars.html']").first.click()
        expect(page).to_have_url(re.compile(re.escape(f"{site}capacity-building/gars.html")))

        sheet = page.locator('[data-sheet="gars"]')
        rate_one_gars_goal(sheet)
        wait_python(sheet)
        # one goal, weight 1, rho 0.3: T = 50 + 10 * x / sqrt(0.7 + 0.3) = 50, then 60
        expect(sheet.locator("[data-results] .toolkit-t")).to_have_text(["50.0", "60.0"])
    finally:
        context.close()

    outside_prefix = [url for url in seen if not url.startswith(site) and "://" in url]
    outside_prefix = [url for url in outside_prefix if not url.startswith(("data:", "blob:"))]
    assert outside_prefix == []
    assert server_outside == []
    # the recorder saw the worker's requests too: its Python came from under the sub-path
    assert any(url == f"{site}_static/page-python.zip" for url in seen)
    assert any(url == f"{site}lite/static/pyodide/pyodide.asm.wasm" for url in seen)
