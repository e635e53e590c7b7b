"""Math drawn at build time: each formula is written into the page as SVG.

Sphinx's usual renderer leaves TeX in the page for MathJax to typeset in the
browser. On the GARS page that meant a megabyte of script and five fonts, and
half a second of the page's main thread at every visit, spent before the
page's Python worker could even start; without scripts, or in print, the
reader saw raw TeX. Here the pinned MathJax npm package runs once, in Node, at
build time (``tex-to-svg.cjs``), and the page gets finished SVG:

* the SVG draws in the text's own colour (``currentColor``), so it follows the
  light and dark themes and prints;
* the SVG is hidden from screen readers, which read the MathML written beside
  it (MathJax's assistive MathML), as they read MathJax's own output;
* a TeX error or an unknown command stops the build (a warning, and the site
  builds with ``-W``), naming the page, instead of red text on the page.

No script is sent for math, and nothing of MathJax is served.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from docutils import nodes
from offline_lite import _extract, _npm_tarball
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number
from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
CSS = "math-svg.css"
#: the MathJax npm release that draws the formulas (``math_svg_mathjax_version``)
MATHJAX_VERSION = "3.2.2"


class TexToSvg:
    """One Node process running MathJax for the whole build: TeX in, SVG out."""

    def __init__(self, mathjax_tarball: Path) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="math-svg-")
        _extract(mathjax_tarball, Path(self._folder.name), lambda path: path.startswith("es5/"))
        self._node = subprocess.Popen(
            ["node", str(HERE / "tex-to-svg.cjs"), f"{self._folder.name}/es5"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
        self.css: str = self._read()["css"]
        self._drawn: dict[tuple[str, bool], str] = {}

    def _read(self) -> dict[str, str]:
        assert self._node.stdout is not None
        line = self._node.stdout.readline()
        if not line:
            raise ExtensionError("[math_svg] MathJax in Node stopped (is `node` installed?)")
        return json.loads(line)

    def draw(self, tex: str, display: bool) -> str:
        """The formula as ``<mjx-container>`` HTML; ValueError with MathJax's reason."""
        key = (tex, display)
        if key not in self._drawn:
            assert self._node.stdin is not None
            self._node.stdin.write(json.dumps({"tex": tex, "display": display}) + "\n")
            self._node.stdin.flush()
            answer = self._read()
            if "error" in answer:
                raise ValueError(answer["error"])
            self._drawn[key] = answer["html"]
        return self._drawn[key]

    def close(self) -> None:
        if self._node.stdin:
            self._node.stdin.close()
        self._node.wait(timeout=30)
        self._folder.cleanup()


def _tarball(app: Sphinx) -> Path:
    version = app.config.math_svg_mathjax_version
    return _npm_tarball("mathjax", version, Path(app.config.offline_lite_cache))


def _renderer(translator: HTML5Translator) -> TexToSvg:
    app = translator.builder.app
    if getattr(app, "_tex_to_svg", None) is None:
        app._tex_to_svg = TexToSvg(_tarball(app))  # type: ignore[attr-defined]
    return app._tex_to_svg  # type: ignore[attr-defined]


def _draw(translator: HTML5Translator, node: nodes.Element, tex: str, display: bool) -> str:
    try:
        return _renderer(translator).draw(tex, display)
    except ValueError as error:
        logger.warning("[math_svg] cannot draw %r: %s", tex, error, location=node)
        return translator.encode(tex)


def visit_math(self: HTML5Translator, node: nodes.math) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate"))
    self.body.append(_draw(self, node, node.astext(), display=False))
    self.body.append("</span>")
    raise nodes.SkipNode


def visit_displaymath(self: HTML5Translator, node: nodes.math_block) -> None:
    """As Sphinx's MathJax renderer lays a block out (number, link, aligned parts)."""
    self.body.append(self.starttag(node, "div", CLASS="math notranslate"))
    if node["number"]:
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    tex = node.astext()
    if not node.get("no-wrap", node.get("nowrap", False)):
        parts = [part for part in tex.split("\n\n") if part.strip()]
        parts = [rf"\begin{{split}}{p}\end{{split}}" if r"\\" in p else p for p in parts]
        tex = (
            parts[0]
            if len(parts) == 1
            else (r"\begin{aligned}" + r"\\".join(parts) + r"\end{aligned}")
        )
    self.body.append(_draw(self, node, tex, display=True))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def add_stylesheet(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:  # type: ignore[no-untyped-def]
    """MathJax's stylesheet for its SVG, on the pages that hold math."""
    if context.get("has_maths_elements"):
        app.add_css_file(CSS)


#: added to MathJax's own stylesheet: on a phone a wide formula shrinks to the
#: column (its viewBox keeps the proportions) instead of running off the page
_NARROW = '\nmjx-container[jax="SVG"][display="true"] > svg { max-width: 100%; height: auto; }\n'


def finish(app: Sphinx, exception: Exception | None) -> None:
    """Write MathJax's stylesheet for its SVG (even if no page was rewritten); stop Node."""
    renderer: TexToSvg | None = getattr(app, "_tex_to_svg", None)
    app._tex_to_svg = None  # type: ignore[attr-defined]
    try:
        if exception is None and app.builder.format == "html":
            renderer = renderer or TexToSvg(_tarball(app))
            header = "/* MathJax's stylesheet for the SVG drawn at build time (math_svg.py) */\n"
            css = header + renderer.css + _NARROW
            (Path(app.outdir) / "_static" / CSS).write_text(css, "utf-8")
    finally:
        if renderer is not None:
            renderer.close()


def setup(app: Sphinx) -> dict[str, object]:
    app.add_html_math_renderer(
        "svg",
        inline_renderers=(visit_math, None),
        block_renderers=(visit_displaymath, None),
    )
    app.add_config_value("math_svg_mathjax_version", MATHJAX_VERSION, "env")
    app.connect("html-page-context", add_stylesheet)
    app.connect("build-finished", finish)
    return {"parallel_read_safe": True, "parallel_write_safe": False}
