"""An agency edition whose every text carries markup and script, opened in Chromium:
no dialog opens, no script of the agency's runs, nothing is blocked (nothing to
block: the texts are text), and no request leaves the host.

The edition (``tests/agency_site.py``) is built once per run, as the
``agency_site`` fixture; the site tests of ``tests/site/test_agency_build.py``
read the same build. Its ``<script>``
would set ``document.title`` and call ``alert``; its ``<img onerror>`` would call
``alert``. Each is watched for separately.
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

from tests.agency_site import CARE_NAME, NAME
from tests.browser.test_csp import watch

pytestmark = [pytest.mark.browser, pytest.mark.build]

#: the pages where the agency's texts land: header and titles everywhere, the
#: search page's own title, the contact line and the support list
PAGES = (
    "index.html",
    "search.html",
    "capacity-building/self-care.html",
    "coaching-and-therapy/index.html",
    "readiness/lcsa.html",
)


STRAIGHT = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture(scope="module")
def agency_url(agency_site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(agency_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_no_agency_text_runs_as_script_in_the_browser(browser, agency_url: str):
    context = browser.new_context()
    own = urlsplit(agency_url).netloc
    off_host: list[str] = []

    def guard(route) -> None:  # type: ignore[no-untyped-def]
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            off_host.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    problems = watch(context)
    dialogs: list[str] = []
    context.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in PAGES:
            # "load" waits for images too: an <img onerror> would have fired by then
            page.goto(f"{agency_url}/{path}", wait_until="load")
            # the page is the one asked for, and the texts are there as text
            assert NAME in page.locator(".navbar-brand").first.inner_text(), path
            assert page.locator('img[src="x"]').count() == 0, path
            assert page.evaluate("document.querySelectorAll('script:not([src])').length") > 0
            if path == "search.html":
                assert page.title() == f"Search - {NAME} · Coaching Toolkit"
            if path == "search.html":
                # the results show the pages' text, the agency's included, as text
                page.goto(f"{agency_url}/search.html?q=pwned")
                results = page.locator("#search-results ul.search li")
                expect(results.first).to_be_visible(timeout=30_000)
                found = results.locator("a").evaluate_all("links => links.map(a => a.href)")
                assert any(link.endswith("capacity-building/self-care.html") for link in found)
                assert page.locator('#search-results img[src="x"]').count() == 0
            if path == "capacity-building/self-care.html":
                # Sphinx's smart quotes curl the quotes of directive text
                support = page.locator(".agency-support").inner_text().translate(STRAIGHT)
                assert CARE_NAME in support
    finally:
        context.close()
    assert dialogs == []
    # a blocked script would be an injection the policy caught: there must be none
    assert problems == [], "\n".join(problems)
    assert off_host == []


def test_the_watch_would_see_an_injected_script(browser, agency_url: str):
    """The same checks on pages with a real injected script do fail: under the
    policy it is reported as a violation; with the policy taken out, it opens
    its dialog."""
    context = browser.new_context()
    problems = watch(context)
    dialogs: list[str] = []
    injected = "</title><script>alert('injected')</script>"

    def inject(route, without_policy: bool) -> None:  # type: ignore[no-untyped-def]
        body = route.fetch().text().replace("</title>", injected, 1)
        if without_policy:
            body = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", body)
        route.fulfill(body=body, content_type="text/html")

    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.route("**/search.html", lambda route: inject(route, without_policy=False))
        page.route("**/index.html", lambda route: inject(route, without_policy=True))
        page.goto(f"{agency_url}/search.html", wait_until="load")
        assert dialogs == []  # the policy refused the script
        assert any("search.html: CSP violation" in problem for problem in problems), problems
        page.goto(f"{agency_url}/index.html", wait_until="load")
    finally:
        context.close()
    assert dialogs == ["injected"]
