"""Helpers for browser tests of worksheets written into the page.

A worksheet is a ``<section data-sheet="name">`` in its chapter page: its form
works (and keeps answers) before Python starts, and Python computes beside
it. Tests find controls the way a learner does: by their labels.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

#: the first start of Python in a fresh profile (a busy 2-core machine is slow)
PYTHON_TIMEOUT_MS = 120_000
SAVED = re.compile("Last saved in this browser")


@cache
def _pages(site: Path) -> dict[str, str]:
    """Worksheet name -> its page's path in the built site."""
    found: dict[str, str] = {}
    for page in sorted(site.rglob("*.html")):
        if "lite" in page.relative_to(site).parts[:1]:
            continue
        for name in re.findall(r'data-sheet="([^"]+)"', page.read_text("utf-8")):
            found.setdefault(name, "/" + page.relative_to(site).as_posix())
    return found


def sheet_pages(site: Path) -> dict[str, str]:
    return dict(_pages(Path(site)))


def open_sheet(context, site_url: str, site: Path, name: str, page=None):  # type: ignore[no-untyped-def]
    """(page, the worksheet's section) with the form ready to fill, Python or not."""
    page = page or context.new_page()
    page.goto(site_url + _pages(Path(site))[name])
    sheet = page.locator(f'[data-sheet="{name}"]')
    sheet.locator("[data-keep]").wait_for()  # shown by the page's script
    return page, sheet


def wait_saved(sheet) -> None:  # type: ignore[no-untyped-def]
    sheet.get_by_role("status").filter(has_text=SAVED).wait_for(timeout=5_000)


def wait_python(sheet) -> None:  # type: ignore[no-untyped-def]
    """Until Python has started and shown the first results."""
    sheet.locator("[data-python-status]").filter(has_text="Python is ready").wait_for(
        timeout=PYTHON_TIMEOUT_MS
    )


def results_text(sheet, contains: str, timeout: int = 10_000) -> str:  # type: ignore[no-untyped-def]
    """The results area's text once it holds ``contains``."""
    results = sheet.locator("[data-results]")
    results.filter(has_text=contains).wait_for(timeout=timeout)
    return results.inner_text()


def without_python(context) -> None:  # type: ignore[no-untyped-def]
    """Keep Python from starting in this profile: the form must work on its own.

    The page's bridge reads ``_static/python-config.json`` first; refusing it is
    what a network that blocks Python looks like, and costs no start-up.
    """
    context.route("**/_static/python-config.json", lambda route: route.abort())


def first_control(sheet):  # type: ignore[no-untyped-def]
    """The form's first named control (outside a row template)."""
    return sheet.locator("form [name]:is(input, select, textarea)").first


def fill_first(sheet) -> str:  # type: ignore[no-untyped-def]
    """Answer the first control as a learner would; returns how to read it back."""
    control = first_control(sheet)
    kind = control.evaluate("el => el.type")
    name = control.get_attribute("name")
    if kind == "radio":
        group = sheet.locator(f'input[name="{name}"]')
        last = group.nth(group.count() - 1)
        sheet.locator(f'label[for="{last.get_attribute("id")}"]').click()
        return last.get_attribute("value")
    if kind == "checkbox":
        control.check()
        return "on"
    if kind.startswith("select"):
        value = control.locator("option").last.get_attribute("value")
        control.select_option(value=value)
        return value
    if kind == "number":
        value = control.get_attribute("min") or "1"
        control.fill(value)
        return value
    if kind == "date":
        control.fill("2026-03-31")
        return "2026-03-31"
    control.fill("café \u2013 naïve <b>not bold</b>")
    return "café \u2013 naïve <b>not bold</b>"


def read_first(sheet) -> str:  # type: ignore[no-untyped-def]
    control = first_control(sheet)
    kind = control.evaluate("el => el.type")
    name = control.get_attribute("name")
    if kind == "radio":
        return sheet.locator(f'input[name="{name}"]:checked').get_attribute("value")
    if kind == "checkbox":
        return "on" if control.is_checked() else "off"
    return control.input_value()


def rate_one_gars_goal(sheet) -> None:  # type: ignore[no-untyped-def]
    """Goal 1 written, at 0 at baseline and +1 at follow-up: T = 50.0, then 60.0."""
    goal = sheet.get_by_role("group", name="Goal 1", exact=True)
    goal.get_by_label("Goal", exact=True).fill("Plan visits with the family")
    baseline = goal.get_by_role("group", name="Level at baseline")
    baseline.get_by_label("0 Expected level of outcome", exact=True).check()
    follow_up = goal.get_by_role("group", name="Level at follow-up")
    follow_up.get_by_label("+1 Somewhat more than expected", exact=True).check()
