"""Every built HTML page carries one Content-Security-Policy that names no host.

A meta policy governs only what the parser meets after it, so the tag must come
before any script, stylesheet or frame. Inline scripts are re-hashed here with
Python's own HTML parser (not the extension's regular expression), so a script
the extension missed, or hashed wrongly, fails this test before a browser does.
"""

import base64
import hashlib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]
#: elements a policy governs: any of them before the policy escapes it
GOVERNED = {"script", "link", "style", "base", "iframe", "frame", "img", "object", "embed"}
#: script types a browser runs; anything else (application/json) is a data block
EXECUTED = {"", "module", "text/javascript", "application/javascript", "importmap"}
#: the only source expressions a policy may hold: keywords, hashes, the data: scheme
SOURCE = re.compile(
    r"'(self|none|unsafe-inline|unsafe-eval|wasm-unsafe-eval)'|'sha256-[A-Za-z0-9+/]+=*'|data:"
)


class _Page(HTMLParser):
    """The policies of one page, what precedes the first, and its inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []
        self.before_policy: list[str] = []
        self.in_head = False
        self.policy_in_head = False
        self.saw_head = False
        self.scripts: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "head":
            self.in_head = self.saw_head = True
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.policies.append(values.get("content", ""))
            self.policy_in_head = self.in_head
        elif tag in GOVERNED and not self.policies:
            self.before_policy.append(tag)
        if tag == "script" and "src" not in values:
            runs = values.get("type", "").strip().lower() in EXECUTED
            self._script = [] if runs else None

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def _directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


def _sha256(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_every_page_has_one_policy_before_anything_it_governs(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert any(page.parts[-3:] == ("lite", "repl", "index.html") for page in pages)
    problems = []
    for path in pages:
        page = _parse(path)
        name = path.relative_to(built_site)
        if len(page.policies) != 1:
            problems.append(f"{name}: {len(page.policies)} policies")
        elif page.before_policy:
            problems.append(f"{name}: {page.before_policy} come before the policy")
        elif page.saw_head and not page.policy_in_head:
            problems.append(f"{name}: the policy is outside <head>")
    assert problems == []


def test_no_policy_names_a_host_or_allows_inline_script(built_site: Path):
    problems = []
    for path in sorted(built_site.rglob("*.html")):
        name = path.relative_to(built_site)
        (policy,) = _parse(path).policies
        directives = _directives(policy)
        for directive, sources in directives.items():
            problems += [f"{name}: {directive} {s}" for s in sources if not SOURCE.fullmatch(s)]
        if "'unsafe-inline'" in directives["script-src"]:
            problems.append(f"{name}: inline scripts allowed wholesale")
        assert directives["object-src"] == ["'none'"], name
        for directive in ("default-src", "base-uri", "form-action", "frame-src", "worker-src"):
            assert directives[directive] == ["'self'"], f"{name}: {directive}"
    assert problems == []


def test_every_inline_script_is_hashed_and_no_other(built_site: Path):
    """Every script in the pages is one the build wrote (else the build fails), so
    every one is hashed; and the policy holds no hash of a script not in the page."""
    checked = 0
    for path in sorted(built_site.rglob("*.html")):
        page = _parse(path)
        listed = {s for s in _directives(page.policies[0])["script-src"] if "sha256-" in s}
        wanted = {_sha256(script) for script in page.scripts}
        assert listed == wanted, path.relative_to(built_site)
        checked += len(wanted)
    assert checked > 0  # the pages do have inline scripts: the check compared something


def test_only_jupyterlite_pages_may_evaluate_strings(built_site: Path):
    for path in sorted(built_site.rglob("*.html")):
        sources = _directives(_parse(path).policies[0])["script-src"]
        app = "jupyter-config-data" in path.read_text("utf-8")
        assert ("'unsafe-eval'" in sources) == app, path.relative_to(built_site)


def test_rewriting_a_page_keeps_one_policy():
    sys.path.insert(0, str(ROOT / "docs" / "_ext"))
    import csp

    known = csp.KnownScripts({"go()": "a test"})
    page = '<html><head><meta charset="utf-8"><script>go()</script></head></html>'
    once, unknown = csp.with_policy(page, known, "index.html")
    assert unknown == []
    assert csp.with_policy(once, known, "index.html") == (once, [])  # a page kept from before
    assert once.count("Content-Security-Policy") == 1
    assert _sha256("go()") in once
    data = '<head><script type="application/json">{"a": 1}</script></head>'
    assert "sha256-" not in csp.with_policy(data, known, "index.html")[0]
