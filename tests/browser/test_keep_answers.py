"""Every worksheet keeps the learner's answers the same way, in a real browser:
export to a file, clear (after confirming), refuse a broken file without losing
anything, and import the exported file back exactly."""

import json

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def first_select(frame):
    return frame.locator(".toolkit-form select").first


def shown(select) -> str:
    """The text of the chosen option, with the widget's non-breaking spaces made plain."""
    return select.evaluate("s => s.options[s.selectedIndex].text").replace("\xa0", " ")


WORKSHEETS = [
    # (page, frame title, fill one answer, read it back, its value once filled)
    (
        "/readiness/lcsa.html",
        "Learning Culture Self-Audit worksheet",
        lambda f: first_select(f).select_option(label="4"),
        lambda f: shown(first_select(f)),
        "4",
    ),
    (
        "/readiness/crs.html",
        "Coaching Readiness Scale worksheet",
        lambda f: first_select(f).select_option(label="No"),
        lambda f: shown(first_select(f)),
        "No",
    ),
    (
        "/readiness/oti.html",
        "Organizational Trust Inventory worksheet",
        lambda f: first_select(f).select_option(label="6 Very High"),
        lambda f: shown(first_select(f)),
        "6 Very High",
    ),
    *(
        (
            path,
            title,
            lambda f, label=label: first_select(f).select_option(label=label),
            lambda f: shown(first_select(f)),
            label,
        )
        for path, title, label in [
            (
                "/the-coach/supervisory-skills.html",
                "Supervisory coaching skills self-assessment worksheet",
                "3 Agree",
            ),
            (
                "/the-coach/job-responsibilities.html",
                "Supervisory job responsibilities worksheet",
                "2 Important to me",
            ),
            ("/the-coach/cprs.html", "Coaching Practices Rating Scale worksheet", "No opportunity"),
            (
                "/the-coach/coaching-skills.html",
                "Coaching skills self-assessment worksheet",
                "5 Almost always",
            ),
            (
                "/readiness/learning-environment.html",
                "Learning environment checklist worksheet",
                "Partly present",
            ),
            (
                "/readiness/readiness-factors.html",
                "Organizational readiness factors checklist worksheet",
                "Don't know yet",
            ),
        ]
    ),
    (
        "/capacity-building/scaling.html",
        "Scaling question worksheet",
        lambda f: f.get_by_label("Session 1 note").fill("felt stuck after the court hearing"),
        lambda f: f.get_by_label("Session 1 note").input_value(),
        "felt stuck after the court hearing",
    ),
    (
        "/readiness/culture-stage.html",
        "Culture-of-coaching stage worksheet",
        lambda f: f.locator(".toolkit-form input[type=checkbox]").first.press("Space"),
        lambda f: f.locator(".toolkit-form input[type=checkbox]").first.is_checked(),
        True,
    ),
    (
        "/value-of-coaching/roi.html",
        "Return on investment worksheet",
        lambda f: (
            f.get_by_label("Benefits", exact=False).fill("1234"),
            f.get_by_label("Benefits", exact=False).press("Tab"),
        ),
        lambda f: f.get_by_label("Benefits", exact=False).input_value(),
        "1234",
    ),
]


def choose_file(page, frame, path) -> None:
    with page.expect_file_chooser() as chooser:
        frame.get_by_role("button", name="Import answers").click()
    chooser.value.set_files(str(path))


@pytest.mark.parametrize(
    ("path", "title", "fill", "read", "filled"),
    WORKSHEETS,
    ids=[w[0].split("/")[-1] for w in WORKSHEETS],
)
def test_export_clear_refuse_import(
    browser_context, site_url, tmp_path, path, title, fill, read, filled
):
    page = browser_context.new_page()
    page.goto(f"{site_url}{path}")
    frame = page.frame_locator(f"iframe[title='{title}']")
    frame.locator(".toolkit-form").wait_for(timeout=120_000)
    empty = read(frame)
    link = frame.locator("a.toolkit-download", has_text="answers (.json")
    before = link.get_attribute("href")
    fill(frame)
    # Python has seen the answer once the download link holds new answers
    expect(link).not_to_have_attribute("href", before, timeout=30_000)
    assert read(frame) == filled
    expect(page.get_by_role("button", name="Print my summary")).to_be_visible()

    page.reload()  # the answer survives a reload
    frame = page.frame_locator(f"iframe[title='{title}']")
    frame.locator(".toolkit-form").wait_for(timeout=120_000)
    expect(frame.locator(".toolkit-saved")).to_contain_text("Last saved", timeout=30_000)
    assert read(frame) == filled

    with page.expect_download() as download:
        frame.locator("a.toolkit-download", has_text="answers (.json").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    envelope = json.loads(exported.read_text("utf-8"))
    assert envelope["format"] == "coaching-toolkit-answers"

    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({**envelope, "instrument": "someone-else"}), "utf-8")
    choose_file(page, frame, foreign)
    frame.locator(".toolkit-error:has-text('Nothing was imported')").wait_for(timeout=30_000)
    assert read(frame) == filled  # a refused file changes nothing

    frame.get_by_role("button", name="Clear my data").click()
    frame.get_by_role("button", name="Yes, delete my answers").click()
    frame.locator(".toolkit-saved:has-text('deleted from this browser')").wait_for(timeout=30_000)
    assert read(frame) == empty

    choose_file(page, frame, exported)
    frame.locator(".toolkit-saved:has-text('Imported your answers')").wait_for(timeout=30_000)
    assert read(frame) == filled
    assert browser_context.request_log.off_host() == []
