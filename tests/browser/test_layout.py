"""Every worksheet's form holds its layout on a phone, a tablet and a desktop.

For each worksheet and width, the boxes of every label and control are
compared in the browser: nothing runs off the screen, no label overlaps a
control, no label is cut off, and every control is at least 24 px square
(WCAG 2.2 target size). No Python is needed: the form is the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.sheets import open_sheet, without_python
from toolkit_widgets import catalogue

pytestmark = pytest.mark.browser

WIDTHS = (320, 360, 480, 768, 1280)

#: runs in the page on a worksheet: a list of problems, empty when the layout holds
CHECK = (Path(__file__).parent / "layout_check.js").read_text("utf-8")


@pytest.mark.parametrize("name", catalogue.NAMES)
def test_no_label_overlaps_or_runs_off_at_any_width(browser_context, site_url, built_site, name):
    without_python(browser_context)
    page, sheet = open_sheet(browser_context, site_url, built_site, name)
    found = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        problems = sheet.evaluate(CHECK)
        if problems:
            found[width] = problems
    assert found == {}


def test_the_check_finds_an_overlap_and_a_control_off_screen(browser_context, site_url, built_site):
    """The check above can fail: a label pushed over a control, a box made too wide."""
    without_python(browser_context)
    page, sheet = open_sheet(browser_context, site_url, built_site, "cprs")
    page.set_viewport_size({"width": 360, "height": 900})
    sheet.evaluate(
        """root => {
          const label = root.querySelector('form .tk-field > label');
          label.style.position = 'relative'; label.style.top = '2.5rem';
          root.querySelector('form textarea').style.width = '900px';
          root.querySelector('form textarea').style.maxWidth = 'none';
        }"""
    )
    problems = " ".join(sheet.evaluate(CHECK))
    assert "overlap:" in problems
    assert "off screen" in problems
