"""Hostile files in a real worksheet page and in the cohort view leave both working.

JSON nested 5,000 deep once killed Pyodide ("Maximum call stack size exceeded"):
later imports did nothing and typing was no longer saved. A lone surrogate
imported, then broke every export. Here each such file is imported in the GARS
worksheet and loaded in the group view: a message is shown, and afterwards a
normal import still works, typing is still saved and Python still answers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.sheets import open_sheet, results_text, wait_python, wait_saved

pytestmark = pytest.mark.browser
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exports"
GOOD = json.loads((FIXTURES / "gars-c.json").read_text("utf-8"))


def _changed(raw: str = "", **at: object) -> str:
    """gars-c.json with goal 1's keys (or the envelope's, for saved_at) replaced.

    ``raw`` is written as is in place of the value "<<raw>>" (what json.dumps cannot write).
    """
    file = json.loads(json.dumps(GOOD))
    for key, value in at.items():
        if key == "saved_at":
            file[key] = value
        else:
            file["answers"]["goals"][0][key] = value
    return json.dumps(file).replace('"<<raw>>"', raw)


#: file name -> (its text, what the refusal says)
HOSTILE = {
    "deep.json": ("[" * 5000 + "]" * 5000, "nests its data far deeper"),
    "deep-answers.json": (
        _changed("[" * 5000 + "]" * 5000, note="<<raw>>"),
        "nests its data far deeper",
    ),
    "surrogate.json": (_changed(title="A goal \ud800"), "lone UTF-16 surrogate"),
    "nan.json": (_changed("NaN", weight="<<raw>>"), "NaN"),
    "huge.json": (_changed("1e400", weight="<<raw>>"), "1e400"),
    "minus-weight.json": (_changed(weight=-3), "Use a number of at least 0"),
    "no-time.json": (_changed(saved_at="zzzz"), "saved_at"),
    "big.json": ("[" + " " * 2_100_000 + "]", "2,100,002 bytes"),
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")  # a lone surrogate is in it as JSON escapes it: "\\ud800"
    return path


def test_hostile_imports_are_refused_and_the_worksheet_keeps_working(
    browser_context, site_url, built_site, tmp_path
):
    page, sheet = open_sheet(browser_context, site_url, built_site, "gars")
    wait_python(sheet)
    message = sheet.locator("[data-import-message]")
    for name, (text, words) in HOSTILE.items():
        sheet.get_by_label("Import answers").set_input_files(str(_write(tmp_path, name, text)))
        expect(message).to_contain_text("Nothing was imported", timeout=30_000)
        expect(message).to_contain_text(words)
        message.evaluate("el => el.textContent = ''")

    # a normal import still works, and Python still computes its results
    sheet.get_by_label("Import answers").set_input_files(str(FIXTURES / "gars-c.json"))
    expect(message).to_contain_text("Imported your answers from gars-c.json", timeout=30_000)
    results_text(sheet, "T", timeout=30_000)
    exported = sheet.locator("[data-download='json']")
    expect(exported).to_have_attribute("href", timeout=30_000)
    with page.expect_download() as download:
        exported.click()
    again = json.loads(Path(download.value.path()).read_text("utf-8"))
    assert again["sheet_id"] == GOOD["sheet_id"]

    # typing is still saved, and reaches Python
    goal = sheet.get_by_role("group", name="Goal 1", exact=True)
    goal.get_by_label("Goal", exact=True).fill("Typed after the hostile files")
    page.wait_for_function(  # kept 250 ms after the last change
        "() => (localStorage.getItem('coaching-toolkit/sheet/gars') || '').includes('Typed after')",
        timeout=10_000,
    )
    wait_saved(sheet)
    kept = json.loads(page.evaluate("localStorage.getItem('coaching-toolkit/sheet/gars')"))
    assert kept["values"]["goals.0.title"] == "Typed after the hostile files"
    results_text(sheet, "Typed after the hostile files", timeout=30_000)
    assert browser_context.request_log.off_host() == []


def test_hostile_files_in_the_group_view_are_listed_and_the_rest_counted(
    browser_context, site_url, tmp_path
):
    page = browser_context.new_page()
    page.goto(site_url + "/cqi/cohort.html")
    view = page.get_by_role("region", name="Group results worksheet")
    chooser = view.get_by_label("Load export files")
    hostile = [_write(tmp_path, name, text) for name, (text, _words) in HOSTILE.items()]
    chooser.set_input_files([*hostile, FIXTURES / "gars-a.json", FIXTURES / "crs-b.json"])
    status = view.get_by_role("status")
    files = len(hostile) + 2
    expect(status).to_have_text(
        f"Read {files} file(s): 2 used, {len(hostile)} not used.", timeout=180_000
    )
    report = view.locator("[data-report]")
    expect(report).to_contain_text(f"Files not used ({len(hostile)})")
    for name, (_text, words) in HOSTILE.items():
        expect(report).to_contain_text(name)
        expect(report).to_contain_text(words)
    expect(report).to_contain_text("Goal attainment")

    # Python still answers: a second load replaces the report
    chooser.set_input_files([FIXTURES / "gars-c.json"])
    expect(status).to_have_text("Read 1 file(s): 1 used, 0 not used.", timeout=60_000)
    expect(report).not_to_contain_text("Files not used")
    assert browser_context.request_log.off_host() == []
