"""Formulas are drawn as SVG at build time (docs/_ext/math_svg.py): no script on the page.

The built pages are read for what a reader and a screen reader get; the Node
renderer itself is driven directly for what must stop a build.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
from math_svg import MATHJAX_VERSION, TexToSvg  # noqa: E402 - the extension lives beside conf.py
from offline_lite import _npm_tarball  # noqa: E402

sys.path.pop(0)

pytestmark = pytest.mark.build

MATH_PAGES = ("capacity-building/gars.html", "value-of-coaching/index.html")


@pytest.fixture(scope="module")
def renderer():  # type: ignore[no-untyped-def]
    tex_to_svg = TexToSvg(_npm_tarball("mathjax", MATHJAX_VERSION, ROOT / "build" / "cache"))
    yield tex_to_svg
    tex_to_svg.close()


def test_a_formula_is_svg_for_the_eye_and_mathml_for_a_screen_reader(built_site: Path):
    page = (built_site / "capacity-building" / "gars.html").read_text("utf-8")
    block = re.search(r'<div class="math notranslate">(.*?)</div>', page, re.DOTALL)
    assert block, "the T-score formula is on the page"
    drawn = block.group(1)
    assert re.search(r'<svg [^>]*aria-hidden="true"', drawn)
    assert 'fill="currentColor"' in drawn  # the text's colour: light, dark and print
    # what a screen reader reads: the formula's parts, as MathML
    mathml = re.search(r"<math [^>]*>(.*?)</math>", drawn, re.DOTALL)
    assert mathml
    assert "<mi>ρ</mi>" in mathml.group(1)
    assert "<msqrt>" in mathml.group(1)
    assert "$$" not in page
    assert "\\sqrt" not in page


def test_no_page_loads_mathjax_and_math_pages_get_its_stylesheet(built_site: Path):
    for path in sorted(built_site.rglob("*.html")):
        if path.relative_to(built_site).parts[0] == "lite":
            continue
        page = path.read_text("utf-8")
        assert "tex-mml-chtml" not in page, path
        assert "window.MathJax" not in page, path
        has_math = "<mjx-container" in page
        assert ("_static/math-svg.css" in page) == has_math, path
    for name in MATH_PAGES:
        assert "<mjx-container" in (built_site / name).read_text("utf-8"), name
    css = (built_site / "_static" / "math-svg.css").read_text("utf-8")
    assert "mjx-assistive-mml" in css  # the MathML copy stays out of sight
    assert not (built_site / "_static" / "mathjax").exists()  # nothing of MathJax is served


def test_inline_and_display_math_are_drawn(renderer):
    inline = renderer.draw(r"x_i", display=False)
    display = renderer.draw(r"\frac{a}{b}", display=True)
    assert inline.startswith("<mjx-container")
    assert 'display="true"' not in inline
    assert 'display="true"' in display
    assert "<mfrac>" in display


@pytest.mark.parametrize(
    ("tex", "reason"),
    [
        (r"\frac{1}{", "Missing close brace"),
        (r"\notacommand x", "Undefined control sequence \\notacommand"),
    ],
)
def test_bad_tex_is_refused_with_mathjax_reason_never_drawn_in_red(renderer, tex, reason):
    with pytest.raises(ValueError, match=re.escape(reason)):
        renderer.draw(tex, display=True)
    assert renderer.draw("y", display=False)  # the renderer goes on after a refusal
