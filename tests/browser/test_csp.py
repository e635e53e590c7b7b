"""The Content-Security-Policy blocks nothing the site needs, and nothing breaks.

Every page holding a worksheet is opened, and on one page per kind of
worksheet Python is started and used (on the others its worker is created,
but kept from starting). Any ``securitypolicyviolation`` event, any console
error (page or Python worker) and any uncaught error fails the test. Every
other page is opened by the axe walk of test_accessibility.py, which fails on
the same watch. The worksheets are found in the built HTML, so a new one is
checked without editing this file.
A last test plants a violation and an error and proves each of them is caught.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.sheets import wait_python

pytestmark = pytest.mark.browser

#: runs in every document of the context, frames included, before the page's scripts
LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
      `at ${event.sourceFile}:${event.lineNumber}`
  );
}, true);
"""
#: a worksheet written into a chapter page
WORKSHEET = re.compile(r"""<section [^>]*data-sheet=""")


def watch(context) -> list[str]:  # type: ignore[no-untyped-def]
    """Record violations, console errors and uncaught errors in every page, frame and worker.

    Each entry starts with the address of the page it happened in.
    """
    problems: list[str] = []

    def where(page) -> str:  # type: ignore[no-untyped-def]
        return page.url if page is not None else "(no page)"

    context.expose_binding(
        "reportCspViolation",
        lambda source, text: problems.append(f"{where(source['page'])}: CSP violation: {text}"),
    )
    context.add_init_script(LISTEN)

    def console(message) -> None:  # type: ignore[no-untyped-def]
        if message.type == "error":
            origin = where(message.page) if message.page else message.location.get("url")
            problems.append(f"{origin}: console error: {message.text}")

    context.on("console", console)
    # a failed request logs only "Failed to load resource"; this names the address
    context.on(
        "response",
        lambda response: (
            response.status >= 400 and problems.append(f"{response.url}: HTTP {response.status}")
        ),
    )
    context.on(
        "weberror",
        lambda error: problems.append(f"{where(error.page)}: uncaught error: {error.error}"),
    )
    return problems


def sphinx_pages(site: Path) -> list[str]:
    """The Sphinx pages: every HTML file but the JupyterLite app and the theme's templates."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if path.relative_to(site).parts[0] not in ("lite", "_static")
    )


#: pages on which Python is also started and used: one per kind of worksheet
WITH_PYTHON = {
    "capacity-building/gars.html",
    "capacity-building/smart.html",
    "readiness/lcsa.html",
    "value-of-coaching/roi.html",
    "readiness/learning-environment.html",
}


def wait_for_worksheets(page, with_python: bool) -> int:  # type: ignore[no-untyped-def]
    """Wait until the page's script has taken every worksheet on; with Python, its results.

    Returns how many worksheets the page holds.
    """
    sheets = page.locator("[data-sheet]")
    for index in range(sheets.count()):
        sheet = sheets.nth(index)
        sheet.locator("[data-keep]").wait_for(state="visible")
        if with_python:
            wait_python(sheet)
    return sheets.count()


#: the pages are walked in this many shares, so that parallel test workers share
#: the walk (the pages are only known once the site is built)
SHARES = 2


@pytest.mark.parametrize("share", range(SHARES))
def test_every_worksheet_page_runs_under_the_policy(browser_context, site_url, built_site, share):
    problems = watch(browser_context)
    page = browser_context.new_page()
    every_page = sphinx_pages(built_site)
    expected = [p for p in every_page if WORKSHEET.search((built_site / p).read_text("utf-8"))]
    assert len(expected) >= 13  # the chapters do hold worksheets: the check sees them
    assert set(expected) >= WITH_PYTHON
    pages = expected[share::SHARES]
    # Python's start is checked on the pages of WITH_PYTHON; elsewhere the
    # worker is still created, but its config is refused, as sheets.without_python
    # does: dozens of Python starts would check nothing more
    python_allowed = [False]
    browser_context.route(
        "**/_static/python-config.json",
        lambda route: route.fallback() if python_allowed[0] else route.abort(),
    )
    started = {}
    for path in pages:
        python_allowed[0] = path in WITH_PYTHON
        page.goto(f"{site_url}/{path}", wait_until="load")
        started[path] = wait_for_worksheets(page, path in WITH_PYTHON)
    assert problems == [], "\n".join(problems)
    assert [path for path, count in started.items() if count] == pages
    assert browser_context.request_log.off_host() == []


def test_a_violation_or_error_anywhere_is_caught(browser_context, site_url):
    """Plant an unhashed inline script in a chapter page and an error in a site
    script: each must be reported."""
    problems = watch(browser_context)

    def plant(route, marker: str, where: str) -> None:  # type: ignore[no-untyped-def]
        response = route.fetch()
        body = response.text()
        assert where in body
        route.fulfill(response=response, body=body.replace(where, f"{where}{marker}", 1))

    unhashed = "<script>document.title = 'planted'</script>"
    browser_context.route(
        re.compile(r".*/capacity-building/scaling\.html$"),
        lambda route: plant(route, unhashed, "</head>"),
    )
    browser_context.route(
        re.compile(r".*/_static/sheet\.js(\?.*)?$"),
        # thrown after the page's script has started, so the worksheet still works
        lambda route: plant(
            route, "\nsetTimeout(() => { throw new Error('planted'); });", '"use strict";'
        ),
    )
    page = browser_context.new_page()
    page.goto(f"{site_url}/capacity-building/scaling.html")
    assert wait_for_worksheets(page, with_python=False) == 1
    assert page.title() != "planted"  # the browser did refuse the script
    found = "\n".join(problems)
    assert re.search(r"scaling\.html: CSP violation: script-src-elem blocked inline", found)
    assert "console error: Executing inline script violates" in found
    assert "uncaught error: planted" in found
