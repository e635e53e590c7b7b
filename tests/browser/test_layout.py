"""Every worksheet's form holds its layout on a phone, a tablet and a desktop.

For each worksheet and width, the boxes of every label and control are
compared in the browser: nothing runs off the screen, no label overlaps a
control, no label is cut off, and every control is at least 24 px square
(WCAG 2.2 target size). No Python is needed: the form is the page.
"""

from __future__ import annotations

import pytest

from tests.browser.sheets import open_sheet, without_python
from toolkit_widgets import catalogue

pytestmark = pytest.mark.browser

WIDTHS = (320, 360, 480, 768, 1280)

#: runs in the page: a list of problems, empty when the layout holds
CHECK = """
(root) => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const describe = (el) => `${el.tagName.toLowerCase()}[${el.getAttribute('for') || el.name || el.id || ''}] "${(el.textContent || '').trim().slice(0, 40)}"`;
  const labels = [...root.querySelectorAll('form label, form legend')].filter(shown);
  const controls = [...root.querySelectorAll('form input, form select, form textarea, button, .tk-file-label')].filter(shown);
  for (const el of [...labels, ...controls]) {
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.right > width + 0.5) problems.push(`off screen (${Math.round(r.left)}..${Math.round(r.right)} of ${width}): ${describe(el)}`);
  }
  for (const el of labels) {
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') problems.push(`cut off: ${describe(el)}`);
  }
  for (const el of controls) {
    const r = el.getBoundingClientRect();
    if (el.type !== 'file' && (r.width < 23.5 || r.height < 23.5)) problems.push(`smaller than 24 px (${r.width}x${r.height}): ${describe(el)}`);
  }
  const boxes = controls.filter((el) => el.type !== 'file').map((el) => [el, el.getBoundingClientRect()]);
  for (const label of labels) {
    for (const range of [label]) {
      const rects = [...range.getClientRects()];
      for (const a of rects) {
        for (const [el, b] of boxes) {
          if (label.contains(el) || el.contains(label)) continue;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1) problems.push(`overlap: ${describe(label)} and ${describe(el)}`);
        }
      }
    }
  }
  return problems.slice(0, 20);
}
"""


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
