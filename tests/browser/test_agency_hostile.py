"""An agency edition whose every text carries markup and script, opened in Chromium:
no dialog opens, no script of the agency's runs, nothing is blocked (nothing to
block: the texts are text), and no request leaves the host.

The edition is built once per session by ``tests/agency_site.py`` (the site tests
of ``tests/site/test_agency_build.py`` read the same build). Its ``<script>``
would set ``document.title`` and call ``alert``; its ``<img onerror>`` would call
``alert``. Each is watched for separately.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.agency_site import CARE_NAME, NAME, agency_site
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


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture(scope="module")
def agency_url() -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(agency_site()))
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
            page.goto(f"{agency_url}/{path}", wait_until="load")
            page.wait_for_load_state("networkidle")
            # the page is the one asked for, and the texts are there as text
            assert NAME in page.locator(".navbar-brand").first.inner_text(), path
            assert page.locator('img[src="x"]').count() == 0, path
            assert page.evaluate("document.querySelectorAll('script:not([src])').length") > 0
            if path == "search.html":
                assert page.title() == f"Search - {NAME} · Coaching Toolkit"
            if path == "capacity-building/self-care.html":
                assert CARE_NAME in page.locator(".agency-support").inner_text()
    finally:
        context.close()
    assert dialogs == []
    # a blocked script would be an injection the policy caught: there must be none
    assert problems == [], "\n".join(problems)
    assert off_host == []


def test_the_watch_would_see_an_injected_script(browser, agency_url: str):
    """The same checks on a page with a real injected script: they do fail."""
    context = browser.new_context()
    problems = watch(context)
    dialogs: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

        def inject(route) -> None:  # type: ignore[no-untyped-def]
            body = route.fetch().text().replace("</title>", "</title><script>alert(1)</script>")
            route.fulfill(body=body, content_type="text/html")

        page.route("**/search.html", inject)
        page.goto(f"{agency_url}/search.html", wait_until="load")
    finally:
        context.close()
    # the policy refuses the unknown script: reported, and no dialog
    assert any("CSP violation" in problem for problem in problems), problems
    assert dialogs == []
