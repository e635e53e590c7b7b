"""Shared fixtures: the real site builds (one per run, shared by xdist workers),
a local server, Chromium.

Layers (see tests/README.md): unit tests need none of these; site tests
use ``built_site``; browser tests use ``site_url`` and ``browser_context``.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import settings

from tests import site_builds

# Hypothesis' per-example deadline is a timing assertion: on a busy 2-core CI
# machine it fails examples that take 200 ms once and 4 ms when retried. Time
# is measured by the benchmarks, never asserted by a test.
settings.register_profile("toolkit", deadline=None)
settings.load_profile("toolkit")

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
#: Chromium's own background services would otherwise try to reach the network
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _builds_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where this run's shared builds live: one folder for every xdist worker."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def _start_site_builds(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Start the builds this run's tests will need, before the first test runs.

    They build in the background while the unit tests run (tests/site_builds.py).
    """
    wanted = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    for fixture, build in (("built_site", "site"), ("agency_site", "agency")):
        if fixture in wanted:
            site_builds.start(_builds_folder(tmp_path_factory), build)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once per run exactly as ``./dev build`` does, warnings as errors.

    ``TOOLKIT_SITE=build/html`` reuses a site already built (for quick reruns
    while developing); the full suite always builds its own.
    """
    return site_builds.wait(_builds_folder(tmp_path_factory), "site")


@pytest.fixture(scope="session")
def agency_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile agency's edition (tests/agency_site.py), built once per run.

    ``TOOLKIT_AGENCY_SITE=build/test-agency/html`` reuses the last one.
    """
    return site_builds.wait(_builds_folder(tmp_path_factory), "agency")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Serve the built site on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class RequestLog:
    """Every request the pages, frames and workers of one browser context make."""

    def __init__(self, own_origin: str) -> None:
        self.own_host = urlsplit(own_origin).netloc
        self.urls: list[str] = []

    def off_host(self) -> list[str]:
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).netloc != self.own_host
        ]


@pytest.fixture
def browser_context(browser, site_url: str):  # type: ignore[no-untyped-def]
    """A fresh browser profile whose requests are all recorded.

    Requests to any other host are recorded and aborted, so a test that lets
    one through still cannot leak data, and fails on the recorded URL.
    """
    context = browser.new_context()
    log = RequestLog(site_url)
    context.on("request", lambda request: log.urls.append(request.url))

    def guard(route) -> None:  # type: ignore[no-untyped-def]
        if urlsplit(route.request.url).netloc == log.own_host:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", guard)
    context.request_log = log
    yield context
    context.close()


#: layers run fastest first; the browser layer last, because Playwright's sync
#: API keeps an event loop running in the main thread once it has started
LAYER_ORDER = ("unit", "site", "browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def layer(item: pytest.Item) -> int:
        parts = item.path.parts
        for index, name in enumerate(LAYER_ORDER):
            if name in parts:
                return index
        return -1  # doctests and lint: first

    items.sort(key=layer)
