"""The policy's one rule for inline scripts (docs/_ext/csp.py), without a build:
only scripts the build itself wrote are hashed; any other is reported and left
out of the policy, wherever in the page it hides."""

from __future__ import annotations

import sys
from pathlib import Path

import pydata_sphinx_theme
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import csp  # noqa: E402

KNOWN = csp.KnownScripts({"go();": "a test"})
HEAD = '<html><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>{body}</body>'


def _page(title: str = "Home", head: str = "", body: str = "") -> str:
    return HEAD.format(title=title, head=head, body=body)


def _policy(html: str, page: str = "index.html") -> tuple[list[str], list[str]]:
    out, unknown = csp.with_policy(html, KNOWN, page)
    (policy,) = [p for p in out.split('content="')[1:] if p.startswith("default-src")]
    script_src = policy.split("script-src")[1].split(";")[0].split()
    return script_src, unknown


def test_a_script_the_build_wrote_is_hashed():
    sources, unknown = _policy(_page(head="<script>go();</script>"))
    assert unknown == []
    assert csp.sha256_source("go();") in sources


def test_the_known_text_is_matched_whatever_its_indentation():
    body = "\n      go();\n  "
    sources, unknown = _policy(_page(head=f"<script>{body}</script>"))
    assert unknown == []
    assert csp.sha256_source(body) in sources  # the hash is of the exact text


@pytest.mark.parametrize(
    "html",
    [
        # an agency name that closes the title (pydata's search.html wrote it raw)
        _page(title="Riverbend</title><script>alert(1)</script>"),
        _page(body="<p>Staff <script>alert(1)</script></p>"),
        _page(body="<script type='module'>alert(1)</script>"),
        _page(body="<script type=text/javascript>alert(1)</script>"),
        _page(head="<script>go(); alert(1)</script>"),
    ],
)
def test_any_other_inline_script_is_reported_and_not_hashed(html: str):
    sources, unknown = _policy(html)
    assert unknown
    assert all("alert(1)" in body for body in unknown)
    assert [s for s in sources if s.startswith("'sha256-")] == []
    assert "'unsafe-inline'" not in sources


def test_a_page_may_name_itself_but_not_another_page():
    line = "DOCUMENTATION_OPTIONS.pagename = 'readiness/lcsa';"
    assert _policy(_page(head=f"<script>{line}</script>"), "readiness/lcsa.html")[1] == []
    assert _policy(_page(head=f"<script>{line}</script>"), "index.html")[1] == [line]


def test_data_blocks_and_scripts_with_a_source_need_no_hash():
    html = _page(
        head='<script type="application/json">{"a": 1}</script><script src="x.js"></script>'
    )
    sources, unknown = _policy(html)
    assert unknown == []
    assert [s for s in sources if s.startswith("'sha256-")] == []


def test_event_handlers_and_javascript_links_are_reported_but_escaped_text_is_not():
    page = csp.read_page(
        _page(body='<img src="a.png" onerror="alert(1)"><a href=" javascript:alert(2)">x</a>')
    )
    assert page.blocked == ["<img onerror=...>", "<a href=javascript:...>"]
    # an agency name escaped into an attribute is text, not a handler
    escaped = '<img alt="&lt;img src=x onerror=alert(2)&gt;" src="logo.png">'
    assert csp.read_page(_page(body=escaped)).blocked == []


def test_crlf_is_hashed_as_the_browser_sees_it():
    assert csp.sha256_source("a();\r\nb();") == csp.sha256_source("a();\nb();")


def test_the_theme_templates_scripts_are_known_with_their_values():
    theme = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
    found = csp._template_scripts([theme], {"default_mode": "auto"})
    mode = next(text for text in found if "dataset.mode" in text)
    assert '|| "auto";' in mode
    assert all("{{" not in text for text in found)


def test_the_jupyterlite_app_pages_scripts_are_known():
    found = csp._lite_app_scripts()
    assert any("config-utils.js" in text for text in found)
    assert all(origin.startswith("JupyterLite app ") for origin in found.values())
