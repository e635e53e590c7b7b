"""Put a Content-Security-Policy ``<meta>`` tag on every HTML page of the built site.

GitHub Pages cannot send response headers, so the policy travels in each page
as ``<meta http-equiv="Content-Security-Policy">``. It lets a page load code
only from its own site: if someone ever slipped markup into a page (a learner's
text echoed unescaped, a compromised dependency writing a ``<script>``), the
browser would refuse to run it or to send anything to another host.

Runs at ``build-finished``, after jupyterlite-sphinx has written the lite app
(priority 500) and ``worksheet.py`` has added its tags to the REPL page (800),
so it sees the final HTML of both the Sphinx pages and the JupyterLite pages.
Inline ``<script>`` bodies are allowed by their SHA-256 hash, page by page,
instead of ``'unsafe-inline'``. Only ``'self'`` is named, never a host, so the
site works under any sub-path and any domain.

Meta-delivered policies ignore ``frame-ancestors``, ``report-uri`` and
``sandbox``; they apply only to what comes after the tag, hence the tag goes
right after ``<meta charset>``, before any script, style or link.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

#: the policy, directive by directive; ``{scripts}`` becomes the page's hashes
POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    # {app} is empty on the book's pages; see APP_EVAL for JupyterLite's pages
    ("script-src", "'self'{app}{scripts}"),
    # 'unsafe-inline' for styles only: JupyterLab injects its CSS as <style>
    # elements at run time (webpack style-loader), Lumino sets style
    # attributes, MathJax and Font Awesome add <style> elements. None of
    # these can be hashed ahead of time, and CSS cannot run code.
    ("style-src", "'self' 'unsafe-inline'"),
    # data: images are the small SVG icons inside JupyterLab's and Bootstrap's CSS
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    # the Pyodide kernel runs in a worker loaded from a file on the site, and so
    # does JupyterLite's service worker: no blob: or data: workers. (A data:
    # worker in the kernel extension only serves cross-origin-isolated pages,
    # which GitHub Pages cannot make.) The worker has no policy of its own, so
    # Pyodide compiles its WebAssembly there and no page needs 'wasm-unsafe-eval'.
    ("worker-src", "'self'"),
    # worksheets are JupyterLite pages of the same site, shown in iframes
    ("frame-src", "'self'"),
    ("child-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

#: JupyterLab validates every plugin's settings with Ajv, which compiles each
#: JSON schema into a function with ``new Function``: without 'unsafe-eval' the
#: plugins fail to activate and no worksheet appears (jupyterlite/jupyterlite#1662).
#: Only JupyterLite's pages get it; 'unsafe-eval' also covers WebAssembly. Inline
#: scripts stay hash-only, so injected markup still cannot run.
APP_EVAL = " 'unsafe-eval'"
#: JupyterLite's pages carry their settings in this data block; the book's pages do not
_APP_MARK = re.compile(r"""<script\b[^>]*\bid=["']jupyter-config-data["']""", re.IGNORECASE)

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_OLD_META = re.compile(
    r"""\s*<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>""", re.IGNORECASE
)
_CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
#: inline event handlers and javascript: links: the policy blocks them, so a page
#: that has one ships a control that silently does nothing
_BLOCKED_INLINE = re.compile(r"""<[a-z][^>]*?\s(on[a-z]+\s*=|href\s*=\s*["']?javascript:)""", re.I)

#: ``type`` values a browser runs as script (HTML spec: JavaScript MIME types,
#: ``module``, and the script-like ``importmap``/``speculationrules``)
_EXECUTED_TYPES = {
    "",
    "module",
    "importmap",
    "speculationrules",
    "application/ecmascript",
    "application/javascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
}


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for the inline scripts a browser would run.

    Data blocks such as ``<script type="application/json">`` (JupyterLite's
    ``jupyter-config-data``) are never executed, so they need no hash.
    """
    hashes = []
    for attributes, body in _SCRIPT.findall(html):
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if kind and kind.group(1).strip().lower() not in _EXECUTED_TYPES:
            continue
        # the HTML parser turns CRLF into LF before the browser hashes the text
        digest = hashlib.sha256(body.replace("\r\n", "\n").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy_for(html: str) -> str:
    """The policy for one page: the fixed directives plus its inline-script hashes."""
    scripts = "".join(f" {source}" for source in inline_script_hashes(html))
    app = APP_EVAL if _APP_MARK.search(html) else ""
    return "; ".join(f"{name} {value.format(app=app, scripts=scripts)}" for name, value in POLICY)


def with_policy(html: str) -> str:
    """``html`` with exactly one CSP meta tag, placed before anything it governs."""
    html = _OLD_META.sub("", html)
    # the policy holds no double quote; quote=False keeps its 'self' readable
    tag = f'<meta http-equiv="Content-Security-Policy" content="{escape(policy_for(html), False)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    # a fragment with no <head> (the theme ships one as _static/webpack-macros.html):
    # the parser opens the head itself, so the tag goes first
    end = anchor.end() if anchor else 0
    return f"{html[:end]}\n{tag}{html[end:]}"


def add_policy(app: Sphinx, exception: Exception | None) -> None:
    """Write the policy into every HTML file under the output folder."""
    if exception is not None or app.builder.format != "html":
        return
    problems = []
    for page in sorted(Path(app.outdir).rglob("*.html")):
        html = page.read_text("utf-8")
        if blocked := _BLOCKED_INLINE.search(html):
            problems.append(f"{page.relative_to(app.outdir)}: {blocked.group(1)}")
            continue
        page.write_text(with_policy(html), "utf-8")
    if problems:
        raise ExtensionError("[csp] the policy would break: " + "; ".join(problems[:5]))


def setup(app: Sphinx) -> dict[str, object]:
    # after jupyterlite-sphinx (500) and worksheet.py's style_repl_frame (800)
    app.connect("build-finished", add_policy, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
