"""The "My work" page: every worksheet this browser keeps, a backup, restore, clear, print.

A learner fills three worksheets, sees them listed with how far each has got,
downloads one backup, clears everything, and restores the file in a fresh
browser profile (another computer), where one worksheet already holds newer
answers that the older file must not overwrite unasked. Damaged and foreign
files are refused with a message and change nothing. "Print my work" prints
every summary, with the learner's name.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.sheets import (
    PYTHON_TIMEOUT_MS,
    fill_first,
    open_sheet,
    read_first,
    wait_saved,
    without_python,
)
from tests.conftest import RequestLog

pytestmark = pytest.mark.browser

PREFIX = "coaching-toolkit/sheet/"
#: what the three worksheets' first controls are: a rating, a text, a tick
FILLED = {
    "crs": "Coaching Readiness Scale",
    "reflection": "Structured reflection",
    "culture_stage": "Culture-of-coaching stage",
}
KEPT = "() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))"


def new_profile(browser, site_url: str):  # type: ignore[no-untyped-def]
    """Another fresh browser profile, its requests recorded and kept on this host."""
    context = browser.new_context(accept_downloads=True)
    log = RequestLog(site_url)
    context.on("request", lambda request: log.urls.append(request.url))
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlsplit(route.request.url).netloc == log.own_host
            else route.abort()
        ),
    )
    context.request_log = log
    return context


def open_my_work(context, site_url: str):  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.goto(f"{site_url}/my-work.html")
    tool = page.locator("[data-my-work]")
    expect(tool.locator("[data-work-status]")).to_contain_text("worksheets")
    return page, tool


def wait_python(tool) -> None:  # type: ignore[no-untyped-def]
    expect(tool.locator("[data-work-python]")).to_contain_text(
        "Python is ready", timeout=PYTHON_TIMEOUT_MS
    )


def fill_all_radios(sheet) -> None:  # type: ignore[no-untyped-def]
    """Answer every rating of a questionnaire with its first choice (labels clicked)."""
    names = sheet.locator("form input[type=radio]").evaluate_all(
        "els => [...new Set(els.map(e => e.name))]"
    )
    for name in names:
        first = sheet.locator(f'input[name="{name}"]:not([value=""])').first
        sheet.locator(f'label[for="{first.get_attribute("id")}"]').click()


def choose(page, tool, name: str, content: bytes) -> None:  # type: ignore[no-untyped-def]
    tool.get_by_label("Restore from a backup file").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": content}
    )


def test_fill_list_back_up_clear_and_restore_in_a_fresh_profile(
    browser, browser_context, site_url, built_site
):
    # listing, backing up and clearing need no Python in this profile; the
    # restore, in the second profile below, is Python's
    without_python(browser_context)
    typed = {}
    for name in FILLED:
        page, sheet = open_sheet(browser_context, site_url, built_site, name)
        typed[name] = fill_first(sheet)
        wait_saved(sheet)
        page.close()
    page, sheet = open_sheet(browser_context, site_url, built_site, "oti")
    fill_all_radios(sheet)
    wait_saved(sheet)
    page.close()

    # a worksheet page points to a backup once answers are kept and none was downloaded
    page, sheet = open_sheet(browser_context, site_url, built_site, "crs")
    persisted = page.evaluate("navigator.storage.persisted()")
    reminder = sheet.locator("[data-backup-reminder]")
    if not persisted:
        expect(reminder).to_be_visible()
        expect(reminder.get_by_role("link")).to_have_attribute("href", f"{site_url}/my-work.html")
    page.close()

    page, tool = open_my_work(browser_context, site_url)
    held = tool.locator("[data-work-held]")
    expect(held.locator("tbody tr")).to_have_count(4)
    expect(tool.locator("[data-work-status]")).to_contain_text("your answers to 4 of the")
    row = held.locator("[data-work-row='crs']")
    expect(row).to_contain_text("Readiness")
    expect(row).to_contain_text("In progress: 1 of 18 answers")
    expect(held.locator("[data-work-row='oti']")).to_contain_text("Complete: 12 of 12 answers")
    expect(held.locator("[data-work-row='culture_stage']")).to_contain_text(
        "Started: 1 of 16 ticked"
    )
    expect(held.locator("[data-work-row='reflection']")).to_contain_text("In progress: 1 of")
    link = held.get_by_role("link", name="Coaching Readiness Scale")
    assert link.get_attribute("href").startswith("readiness/crs.html")
    empty = tool.locator("[data-work-empty]")
    expect(empty.get_by_role("link", name="Learning Culture Self-Audit")).to_be_visible()
    expect(empty.locator("[data-work-row='crs']")).to_have_count(0)
    # nothing downloaded yet: a reminder, unless the browser promised to keep the storage
    if "has not agreed" in tool.locator("[data-work-persist]").inner_text():
        expect(tool.locator("[data-work-reminder]")).to_contain_text("not downloaded a backup")
    expect(tool.locator("[data-work-estimate]")).to_contain_text("Your answers take about")

    with page.expect_download() as download:
        tool.get_by_role("button", name="Download a backup of everything").click()
    backup = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename.startswith("coaching-toolkit-backup-")
    kept = json.loads(backup)
    assert kept["format"] == "coaching-toolkit-backup"
    assert kept["format_version"] == 1
    assert sorted(r["worksheet"] for r in kept["sheets"]) == sorted([*FILLED, "oti"])
    expect(tool.locator("[data-work-message]")).to_contain_text("your answers to 4 worksheets")
    expect(tool.locator("[data-work-reminder]")).to_be_hidden()
    crs_page, sheet = open_sheet(browser_context, site_url, built_site, "crs")
    before = crs_page.evaluate(f"localStorage.getItem('{PREFIX}crs')")
    sheet.locator("form input[type=radio]").last.evaluate("el => el.click()")
    # saved again: the reminder is settled by then (save() checks it)
    crs_page.wait_for_function(
        f"before => localStorage.getItem('{PREFIX}crs') !== before", arg=before
    )
    expect(sheet.locator("[data-backup-reminder]")).to_be_hidden()
    crs_page.close()

    tool.get_by_role("button", name="Clear everything").click()
    confirm = tool.locator("[data-work-confirm]")
    for title in [*FILLED.values(), "Organizational Trust Inventory"]:
        expect(confirm).to_contain_text(title)
    tool.get_by_role("button", name="Keep all my answers").click()
    expect(held.locator("tbody tr")).to_have_count(4)
    tool.get_by_role("button", name="Clear everything").click()
    tool.get_by_role("button", name="Yes, delete all my answers").click()
    expect(tool.locator("[data-work-message]")).to_contain_text("Deleted your answers to 4")
    expect(held).to_contain_text("None yet")
    assert not [k for k in page.evaluate(KEPT) if k.startswith(PREFIX)]
    assert browser_context.request_log.off_host() == []

    # another computer: a fresh profile, where the CRS already holds newer answers
    other = new_profile(browser, site_url)
    try:
        page, sheet = open_sheet(other, site_url, built_site, "crs")
        newer = fill_first(sheet)  # the same first control, saved after the backup
        last = sheet.locator("form input[type=radio]").last
        last.evaluate("el => el.click()")  # and one more answer
        # the record is null until the page's first save, 250 ms after the typing
        page.wait_for_function(
            "([key, name, value]) =>"
            " JSON.parse(localStorage.getItem(key))?.values?.[name] === value",
            arg=[f"{PREFIX}crs", last.get_attribute("name"), last.get_attribute("value")],
        )
        newer_record = page.evaluate(f"localStorage.getItem('{PREFIX}crs')")
        page.close()
        page, tool = open_my_work(other, site_url)
        wait_python(tool)
        choose(page, tool, "my-backup.json", backup)
        preview = tool.locator("[data-work-preview]")
        expect(preview).to_contain_text("my-backup.json holds answers to 4 worksheets")
        crs_row = preview.locator("[data-work-restore-row='crs']")
        expect(crs_row).to_contain_text("This browser's answers are newer")
        expect(crs_row.get_by_label("Restore the Coaching Readiness Scale")).not_to_be_checked()
        added = preview.locator("[data-work-restore-row='reflection']")
        expect(added).to_contain_text("Nothing here yet")
        expect(added.get_by_label("Restore the Structured reflection")).to_be_checked()
        tool.get_by_role("button", name="Restore the ticked worksheets").click()
        expect(tool.locator("[data-work-message]")).to_contain_text("Restored from my-backup.json")
        expect(tool.locator("[data-work-held] tbody tr")).to_have_count(4)
        assert page.evaluate(f"localStorage.getItem('{PREFIX}crs')") == newer_record
        for name in ("reflection", "culture_stage"):
            restored = open_sheet(other, site_url, built_site, name)[1]
            assert read_first(restored) == typed[name]
        crs = open_sheet(other, site_url, built_site, "crs")[1]
        assert read_first(crs) == newer

        # print: every summary, in chapter order, with the learner's name
        page.bring_to_front()
        page.evaluate(
            "() => { window.print = () => { window.printed = document.querySelector("
            "'.tk-printing-summary .tk-print-this [data-work-print-area]')?.innerText; }; }"
        )
        tool.get_by_label("Your name (optional)").fill("Alex Example")
        tool.get_by_label("Date (optional)").fill("2026-12-02")
        tool.get_by_role("button", name="Print my work").click()
        expect(tool.locator("[data-work-print-status]")).to_contain_text(
            "ready to print: 4 worksheets", timeout=60_000
        )
        printed = page.evaluate("window.printed")
        assert "Name: Alex Example" in printed
        assert "2026" in printed
        sections = tool.locator("[data-work-printed]")
        expect(sections).to_have_count(4)
        order = sections.evaluate_all("els => els.map(e => e.dataset.workPrinted)")
        assert order == ["reflection", "crs", "oti", "culture_stage"]  # the chapters' order
        for section in sections.all():
            assert section.inner_html().count("<h") >= 1
            assert "cannot be printed" not in section.inner_text()
        for title in ("Structured reflection", "Coaching Readiness Scale"):
            assert title in printed
        assert other.request_log.off_host() == []
    finally:
        other.close()


BAD_FILES = {
    "not-json.json": b"{this is not json",
    "answers.json": json.dumps(
        {"format": "coaching-toolkit-answers", "format_version": 2, "instrument": "crs"}
    ).encode(),
    "foreign.json": json.dumps({"name": "someone else's data", "items": [1, 2]}).encode(),
    "newer.json": json.dumps(
        {"format": "coaching-toolkit-backup", "format_version": 9, "sheets": []}
    ).encode(),
    "unknown-sheet.json": json.dumps(
        {
            "format": "coaching-toolkit-backup",
            "format_version": 1,
            "sheets": [
                {
                    "format": "coaching-toolkit-form-state",
                    "version": 1,
                    "worksheet": "no_such_sheet",
                    "saved_at": "2026-12-01T10:00:00.000Z",
                    "values": {},
                    "rows": {},
                }
            ],
        }
    ).encode(),
}
REASONS = {
    "not-json.json": "not valid JSON",
    "answers.json": "one worksheet's answers file",
    "foreign.json": "not a Coaching Toolkit backup",
    "newer.json": "newer version of the site",
    "unknown-sheet.json": "this site does not have",
}


def test_a_damaged_or_foreign_backup_is_refused_and_nothing_changes(
    browser_context, site_url, built_site
):
    page, sheet = open_sheet(browser_context, site_url, built_site, "crs")
    fill_first(sheet)
    wait_saved(sheet)
    page.close()
    page, tool = open_my_work(browser_context, site_url)
    wait_python(tool)
    before = page.evaluate(KEPT)
    message = tool.locator("[data-work-message]")
    for name, content in BAD_FILES.items():
        choose(page, tool, name, content)
        expect(message).to_contain_text(f"{name} cannot be restored")
        expect(message).to_contain_text(REASONS[name])
        expect(message).to_contain_text("Nothing was restored")
        expect(message).to_have_class("tk-message toolkit-error")
        expect(tool.locator("[data-work-preview]")).to_be_hidden()
        assert page.evaluate(KEPT) == before
    expect(tool.locator("[data-work-held] tbody tr")).to_have_count(1)
    assert browser_context.request_log.off_host() == []
