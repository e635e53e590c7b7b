"""Put a Content-Security-Policy ``<meta>`` tag on every HTML page of the built site.

GitHub Pages cannot send response headers, so the policy travels in each page
as ``<meta http-equiv="Content-Security-Policy">``. It lets a page load code
only from its own site: if someone ever slipped markup into a page (a learner's
text echoed unescaped, an agency name written raw by a theme template, a
compromised dependency writing a ``<script>``), the browser would refuse to run
it or to send anything to another host.

One rule for inline scripts: only those the build itself wrote are allowed.
Each is allowed by its SHA-256 hash (never ``'unsafe-inline'``), and a script
is hashed only if its text is one the build knows it writes (:func:`known_scripts`):
the inline scripts Sphinx, the theme and our extensions register through
Sphinx (``add_js_file(body=...)``, MathJax's settings if ever used, the theme's
``DOCUMENTATION_OPTIONS`` lines), those written by the theme's own templates
(read from the template files), and those in the pages of the JupyterLite app
as shipped in jupyterlite-core. An inline script with any other text fails the
build, naming the page and the script, and is left out of the page's policy,
so the browser would refuse it even if the failed output were published.
Hashing "whatever inline script is in the page" would turn any injection into
an allowed script. Inline event handlers (``onclick=``) and ``javascript:``
links fail the build too: the policy blocks them.

Runs at ``build-finished``, after jupyterlite-sphinx has written the lite app
(priority 500) and ``worksheet.py`` has added its tags to the REPL page (800),
so it sees the final HTML of both the Sphinx pages and the JupyterLite pages.
Only ``'self'`` is named, never a host, so the site works under any sub-path
and any domain.

Meta-delivered policies ignore ``frame-ancestors``, ``report-uri`` and
``sandbox``; they apply only to what comes after the tag, hence the tag goes
right after ``<meta charset>``, before any script, style or link.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import tarfile
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

#: the policy, directive by directive; ``{scripts}`` becomes the hashes of the page's known scripts
POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    # {app} is empty on the book's pages; see APP_EVAL for JupyterLite's pages
    ("script-src", "'self'{app}{scripts}"),
    # 'unsafe-inline' for styles only: JupyterLab injects its CSS as <style>
    # elements at run time (webpack style-loader), Lumino sets style
    # attributes, Font Awesome adds <style> elements. None of
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

_OLD_META = re.compile(
    r"""\s*<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>""", re.IGNORECASE
)
_CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
#: an inline script in a template file (templates are read as text, not rendered)
_TEMPLATE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
#: attributes whose value a browser follows as an address
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}

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


def _same(text: str) -> str:
    """``text`` with its whitespace runs made one space: how scripts are compared.

    A template's indentation may change between versions of the theme; its code
    does not. The hash is always taken of the exact text in the page.
    """
    return " ".join(text.split())


def sha256_source(body: str) -> str:
    """The CSP source expression that allows an inline script with this text."""
    # the HTML parser turns CRLF into LF before the browser hashes the text
    digest = hashlib.sha256(body.replace("\r\n", "\n").encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass(frozen=True)
class KnownScripts:
    """The inline scripts the build writes: text (whitespace-normalised) -> its origin."""

    everywhere: Mapping[str, str]

    def origin(self, body: str, page: str) -> str | None:
        """Where an inline script of ``page`` (path in the output, with /) comes from."""
        text = _same(body)
        if text in self.everywhere:
            return self.everywhere[text]
        # the theme registers each page's own name, through Sphinx, on that page only
        docname = page.removesuffix(".html")
        if text == f"DOCUMENTATION_OPTIONS.pagename = '{docname}';":
            return "pydata-sphinx-theme: the page's name"
        return None


class _Page(HTMLParser):
    """A page's inline scripts (exact text, as the browser hashes it) and blocked markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.blocked: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            address = "".join((value or "").split()).lower()
            if name.startswith("on"):
                self.blocked.append(f"<{tag} {name}=...>")
            elif name in _URL_ATTRIBUTES and address.startswith("javascript:"):
                self.blocked.append(f"<{tag} {name}=javascript:...>")
        if tag == "script":
            values = {name: value or "" for name, value in attrs}
            runs = values.get("type", "").strip().lower() in _EXECUTED_TYPES
            self._script = [] if runs and "src" not in values else None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)


def read_page(html: str) -> _Page:
    """The inline scripts a browser would run in ``html``, and what the policy would block.

    Data blocks such as ``<script type="application/json">`` (JupyterLite's
    ``jupyter-config-data``) are never executed, so they are not scripts here.
    """
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _template_scripts(folders: list[Path], context: Mapping[str, str]) -> dict[str, str]:
    """Inline scripts written by the templates in ``folders``, as the page will hold them.

    Templates are read as text; ``{{ name }}`` is replaced from ``context``. A
    script with any other template code is not known, so it fails the build
    until someone looks at it.
    """
    found = {}
    for folder in folders:
        for template in sorted(Path(folder).rglob("*.html")):
            text = template.read_text("utf-8")
            for attributes, body in _TEMPLATE_SCRIPT.findall(text):
                if _SRC.search(attributes):
                    continue
                for name, value in context.items():
                    body = re.sub(r"\{\{\s*" + name + r"\s*\}\}", value, body)
                if "{{" not in body and "{%" not in body and body.strip():
                    found[_same(body)] = f"template {template.parent.name}/{template.name}"
    return found


def _lite_app_scripts() -> dict[str, str]:
    """Inline scripts of the JupyterLite app's pages, as jupyterlite-core ships them."""
    try:
        import jupyterlite_core
    except ImportError:
        return {}
    found = {}
    for archive in Path(jupyterlite_core.__file__).parent.glob("jupyterlite-app-*.tgz"):
        with tarfile.open(archive) as app:
            for member in app.getmembers():
                if member.isfile() and member.name.endswith(".html"):
                    data = app.extractfile(member)
                    html = data.read().decode("utf-8") if data else ""
                    for body in read_page(html).scripts:
                        found[_same(body)] = (
                            f"JupyterLite app {member.name.removeprefix('package/')}"
                        )
    return found


def known_scripts(app: Sphinx) -> KnownScripts:
    """Every inline script this build writes, with where it comes from."""
    known: dict[str, str] = {}
    known.update(_lite_app_scripts())
    builder = app.builder
    theme = getattr(builder, "theme", None)
    folders = [Path(folder) for folder in theme.get_theme_dirs()] if theme else []
    folders += [Path(app.confdir) / folder for folder in app.config.templates_path]
    context = {"default_mode": str(app.config.html_context.get("default_mode", ""))}
    known.update(_template_scripts(folders, context))
    # registered through Sphinx for every page (add_js_file(None, body=...))
    for script in getattr(builder, "_js_files", []):
        body = script.attributes.get("body") if not script.filename else None
        if body:
            known[_same(body)] = "registered with Sphinx's add_js_file"
    # registered by the theme on each page: search-as-you-type on or off
    for value in ("true", "false"):
        known[f"DOCUMENTATION_OPTIONS.search_as_you_type = {value};"] = "pydata-sphinx-theme"
    # Sphinx's mathjax extension, on pages with mathematics
    for setting in ("mathjax3_config", "mathjax4_config"):
        if value := getattr(app.config, setting, None):
            known[_same(f"window.MathJax = {json.dumps(value)}")] = f"Sphinx's {setting}"
    return KnownScripts(MappingProxyType(known))


def policy_for(html: str, known: KnownScripts, page: str) -> tuple[str, list[str]]:
    """The policy for one page, and the inline scripts it holds that the build did not write.

    Only known scripts are hashed; an unknown one is left out, so it cannot run.
    """
    scripts, unknown = [], []
    for body in read_page(html).scripts:
        if known.origin(body, page) is None:
            unknown.append(body)
        elif (source := sha256_source(body)) not in scripts:
            scripts.append(source)
    sources = "".join(f" {source}" for source in scripts)
    app = APP_EVAL if _APP_MARK.search(html) else ""
    policy = "; ".join(f"{name} {value.format(app=app, scripts=sources)}" for name, value in POLICY)
    return policy, unknown


def with_policy(html: str, known: KnownScripts, page: str) -> tuple[str, list[str]]:
    """``html`` with exactly one CSP meta tag, placed before anything it governs,
    and the unknown inline scripts left out of it."""
    html = _OLD_META.sub("", html)
    policy, unknown = policy_for(html, known, page)
    # the policy holds no double quote; quote=False keeps its 'self' readable
    tag = f'<meta http-equiv="Content-Security-Policy" content="{escape(policy, False)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    # a fragment with no <head> (the theme ships one as _static/webpack-macros.html):
    # the parser opens the head itself, so the tag goes first
    end = anchor.end() if anchor else 0
    return f"{html[:end]}\n{tag}{html[end:]}", unknown


def _shorten(body: str) -> str:
    text = _same(body)
    return repr(text if len(text) <= 80 else text[:77] + "...")


def add_policy(app: Sphinx, exception: Exception | None) -> None:
    """Write the policy into every HTML file under the output folder."""
    if exception is not None or app.builder.format != "html":
        return
    known = known_scripts(app)
    problems = []
    for page in sorted(Path(app.outdir).rglob("*.html")):
        name = page.relative_to(app.outdir).as_posix()
        html = page.read_text("utf-8")
        problems += [f"{name}: {blocked}" for blocked in read_page(html).blocked]
        html, unknown = with_policy(html, known, name)
        problems += [
            f"{name}: an inline script the build did not write: {_shorten(body)}"
            for body in unknown
        ]
        page.write_text(html, "utf-8")
    if problems:
        raise ExtensionError("[csp] " + "; ".join(problems[:5]))


def setup(app: Sphinx) -> dict[str, object]:
    # after jupyterlite-sphinx (500) and worksheet.py's style_repl_frame (800)
    app.connect("build-finished", add_policy, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
