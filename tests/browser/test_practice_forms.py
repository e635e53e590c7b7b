"""Every practice form in a real browser, the way a coach or learner uses it.

For each form: fill it by its labels and see what Python in the page says
about it; reload and find the answers still there; print and see the record
alone; export, clear, refuse a foreign file and import the export back.
Nothing may leave the host.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import FrameLocator, expect

pytestmark = pytest.mark.browser
START_MS = 120_000
STEP_MS = 30_000


@dataclass(frozen=True)
class Case:
    path: str
    title: str
    fill: Callable[[FrameLocator], None]
    #: texts the results must show once the form is filled
    results: tuple[str, ...]
    #: a label whose value must survive reload and import, and that value
    label: str
    value: str


def _select(label: str, option: str) -> Callable[[FrameLocator], None]:
    return lambda f: f.get_by_label(label, exact=True).select_option(label=option)


def _type(*pairs: tuple[str, str]) -> Callable[[FrameLocator], None]:
    def fill(f: FrameLocator) -> None:
        for label, text in pairs:
            f.get_by_label(label, exact=True).fill(text)

    return fill


def _smart(f: FrameLocator) -> None:
    _type(
        ("Who takes part?", "Ana"),
        ("What will the learner do that others could see?", "ask each family what matters most"),
        ("How much or how many?", "in 4 of 5 meetings"),
    )(f)
    f.get_by_label("Target date").fill("2027-01-31")
    f.get_by_label("It seems worthwhile").check()


def _journal(f: FrameLocator) -> None:
    f.get_by_label("Entry 1: Learner", exact=True).fill("A.M.")
    f.get_by_label("Entry 1: Date", exact=True).fill("2026-11-20")
    f.get_by_role("button", name="Add an entry").click()
    f.get_by_label("Entry 2: Learner", exact=True).fill("B.K.")


PLANNER_STAGE = {
    "skills_based": ("1. Initial interest", 20),
    "clear": ("Contracting", 17),
    "flow": ("1. Relationship", 16),
    "regrow": ("Review", 20),
}

CASES = [
    Case(
        "/capacity-building/smart.html",
        "SMART goal builder worksheet",
        _smart,
        (
            "T Time limited: met",
            "By 2027-01-31, Ana will ask each family what matters most (in 4 of 5 meetings).",
            "R Result focused: not yet",
        ),
        "Who takes part?",
        "Ana",
    ),
    Case(
        "/capacity-building/observation.html",
        "Formal observation record worksheet",
        lambda f: (
            _select("Showed genuineness, empathy and respect: How often", "Almost always")(f),
            _select("Tone of voice: How often", "Occasionally")(f),
        ),
        (
            "Showed genuineness, empathy and respect (almost always)",
            "Tone of voice (occasionally)",
        ),
        "Tone of voice: How often",
        "Occasionally",
    ),
    Case(
        "/capacity-building/observation.html",
        "Safety mapping observation notes worksheet",
        _type(("Opening: What I saw", "Introduced everyone by name")),
        ("Filled in: 1 of 13 boxes",),
        "Opening: What I saw",
        "Introduced everyone by name",
    ),
    Case(
        "/capacity-building/reflection.html",
        "Structured reflection worksheet",
        _type(("Describe what happened.", "The father left the meeting early")),
        ("Filled in: 1 of 23 boxes",),
        "Describe what happened.",
        "The father left the meeting early",
    ),
    Case(
        "/capacity-building/feedback.html",
        "Feedback ladder plan worksheet",
        _type(("Concerns: What I will say", "I wondered about the timing")),
        ("Value comes before concerns", "Concerns: I wondered about the timing"),
        "Concerns: What I will say",
        "I wondered about the timing",
    ),
    Case(
        "/capacity-building/journal.html",
        "Coach's journal worksheet",
        _journal,
        ("A.M.: 1 entry", "2026-11-20", "B.K.: 1 entry"),
        "Entry 1: Learner",
        "A.M.",
    ),
    Case(
        "/capacity-building/self-care.html",
        "Self-care plan worksheet",
        _select("Has a mentor", "I want to add this"),
        ("I want to add this: 1", "I do this now: 0"),
        "Has a mentor",
        "I want to add this",
    ),
    Case(
        "/models/agreement.html",
        "Coaching agreement worksheet",
        _type(("Scheduling sessions: What we agreed", "Every second Tuesday")),
        ("Filled in: 1 of 28 boxes",),
        "Scheduling sessions: What we agreed",
        "Every second Tuesday",
    ),
    Case(
        "/implementation/plan.html",
        "Coaching implementation plan worksheet",
        _type(("Which funding sources are most realistic?", "County training budget")),
        ("Filled in: 1 of 41 boxes",),
        "Which funding sources are most realistic?",
        "County training budget",
    ),
    Case(
        "/implementation/pdsa.html",
        "PDSA cycle log worksheet",
        _type(("Cycle 1: Study: how the results compare with the prediction", "Waits fell")),
        ("Cycle 1", "write what you predicted"),
        "Cycle 1: Study: how the results compare with the prediction",
        "Waits fell",
    ),
    Case(
        "/implementation/logic-model.html",
        "Logic model builder worksheet",
        _type(("Resources (inputs)", "Two coaches"), ("Activities", "Monthly sessions")),
        ("IF we have Two coaches, THEN we can carry out Monthly sessions.", "Outputs is empty."),
        "Activities",
        "Monthly sessions",
    ),
    *(
        Case(
            f"/models/{'grow' if model == 'regrow' else model.replace('_', '-')}.html",
            title,
            _type((f"{stage}: What I plan to do and ask", "Ask what changed since last time")),
            (f"Filled in: 1 of {boxes} boxes",),
            f"{stage}: What I plan to do and ask",
            "Ask what changed since last time",
        )
        for model, (stage, boxes), title in (
            (m, PLANNER_STAGE[m], t)
            for m, t in (
                ("skills_based", "Skills-based model session planner worksheet"),
                ("clear", "CLEAR session planner worksheet"),
                ("flow", "Flow session planner worksheet"),
                ("regrow", "GROW and REGROW session planner worksheet"),
            )
        )
    ),
]


def read(frame: FrameLocator, label: str) -> str:
    box = frame.get_by_label(label, exact=True)
    if box.evaluate("e => e.tagName") == "SELECT":
        return box.evaluate("s => s.options[s.selectedIndex].text").replace("\xa0", " ")
    return box.input_value()


def open_form(page, site_url: str, case: Case) -> FrameLocator:
    page.goto(f"{site_url}{case.path}")
    frame = page.frame_locator(f'iframe[title="{case.title}"]')
    frame.locator(".toolkit-form").wait_for(timeout=START_MS)
    return frame


def choose_file(page, frame: FrameLocator, path) -> None:
    with page.expect_file_chooser() as chooser:
        frame.get_by_role("button", name="Import answers").click()
    chooser.value.set_files(str(path))


@pytest.mark.parametrize("case", CASES, ids=[c.title.removesuffix(" worksheet") for c in CASES])
def test_fill_reload_print_export_import(browser_context, site_url, tmp_path, case):
    page = browser_context.new_page()
    frame = open_form(page, site_url, case)
    empty = read(frame, case.label)
    case.fill(frame)
    results = frame.locator(".toolkit-results")
    for text in case.results:
        expect(results).to_contain_text(text, timeout=STEP_MS)
    expect(frame.locator(".toolkit-keeper .toolkit-saved").first).to_contain_text(
        "Last saved", timeout=STEP_MS
    )

    page.reload()
    frame = page.frame_locator(f'iframe[title="{case.title}"]')
    frame.locator(".toolkit-form").wait_for(timeout=START_MS)
    expect(frame.locator(".toolkit-results")).to_contain_text(case.results[0], timeout=STEP_MS)
    assert read(frame, case.label) == case.value

    summary = frame.locator(".toolkit-summary")
    assert not summary.is_visible()
    page.emulate_media(media="print")
    summary.wait_for(state="visible", timeout=10_000)
    assert case.value in summary.inner_text()
    assert frame.locator(".toolkit-keeper").evaluate("e => getComputedStyle(e).visibility") == (
        "hidden"
    )
    page.emulate_media(media="screen")

    with page.expect_download() as download:
        frame.locator("a.toolkit-download", has_text="answers (.json").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    envelope = json.loads(exported.read_text("utf-8"))
    assert envelope["instrument_version"] == 1

    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({**envelope, "instrument": "gars"}), "utf-8")
    choose_file(page, frame, foreign)
    frame.locator(".toolkit-error:has-text('Nothing was imported')").wait_for(timeout=STEP_MS)
    assert read(frame, case.label) == case.value

    frame.get_by_role("button", name="Clear my data").click()
    frame.get_by_role("button", name="Yes, delete my answers").click()
    frame.locator(".toolkit-saved:has-text('deleted from this browser')").wait_for(timeout=STEP_MS)
    assert read(frame, case.label) == empty

    choose_file(page, frame, exported)
    frame.locator(".toolkit-saved:has-text('Imported your answers')").wait_for(timeout=STEP_MS)
    assert read(frame, case.label) == case.value
    for text in case.results:
        expect(frame.locator(".toolkit-results")).to_contain_text(text, timeout=STEP_MS)
    assert browser_context.request_log.off_host() == []


def test_the_smart_goal_arrives_in_the_gars_worksheet(browser_context, site_url):
    page = browser_context.new_page()
    smart = CASES[0]
    frame = open_form(page, site_url, smart)
    smart.fill(frame)
    frame.get_by_role("button", name="Use this goal in my GARS worksheet").click()
    expect(frame.locator(".toolkit-form")).to_contain_text("Added as goal 1", timeout=STEP_MS)
    page.goto(f"{site_url}/capacity-building/gars.html")
    gars = page.frame_locator("iframe[title='Goal Attainment Rating Scale worksheet']")
    goal = gars.locator(".toolkit-goal").first
    goal.wait_for(timeout=START_MS)
    expected = "By 2027-01-31, Ana will ask each family what matters most (in 4 of 5 meetings)."
    expect(goal.get_by_label("Goal", exact=True)).to_have_value(expected, timeout=STEP_MS)
    assert browser_context.request_log.off_host() == []


HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'


def _no_markup_from(frame: FrameLocator, page, title: str) -> None:
    """The hostile text is shown as text: no element or script came of it."""
    form = frame.locator(".toolkit-form")
    assert form.locator("img").count() == 0
    assert form.locator("script").count() == 0
    document = page.locator(f'iframe[title="{title}"]').element_handle().content_frame()
    assert document.evaluate("() => window.pwned") is None


def test_learner_text_is_shown_as_text_on_screen_in_print_and_after_import(
    browser_context, site_url, tmp_path
):
    """Typed or imported markup never becomes markup in results or the printed record."""
    case = next(c for c in CASES if c.title == "Logic model builder worksheet")
    page = browser_context.new_page()
    frame = open_form(page, site_url, case)
    frame.get_by_label("Resources (inputs)", exact=True).fill(HOSTILE)
    frame.get_by_label("Activities", exact=True).fill("Monthly sessions")
    results = frame.locator(".toolkit-results")
    expect(results).to_contain_text(f"IF we have {HOSTILE}, THEN", timeout=STEP_MS)
    page.emulate_media(media="print")
    summary = frame.locator(".toolkit-summary")
    summary.wait_for(state="visible", timeout=10_000)
    assert HOSTILE in summary.inner_text()
    page.emulate_media(media="screen")
    _no_markup_from(frame, page, case.title)

    with page.expect_download() as download:
        frame.locator("a.toolkit-download", has_text="answers (.json").click()
    exported = tmp_path / "hostile.json"
    download.value.save_as(exported)
    envelope = json.loads(exported.read_text("utf-8"))
    text = json.dumps(envelope)
    assert HOSTILE.replace('"', '\\"') in text  # kept as the learner's own text
    envelope_text = text.replace("Monthly sessions", HOSTILE.replace('"', '\\"'))
    exported.write_text(envelope_text, "utf-8")
    choose_file(page, frame, exported)
    frame.locator(".toolkit-saved:has-text('Imported your answers')").wait_for(timeout=STEP_MS)
    assert read(frame, "Activities") == HOSTILE
    expect(results).to_contain_text(f"THEN we can carry out {HOSTILE}.", timeout=STEP_MS)
    _no_markup_from(frame, page, case.title)
    assert browser_context.request_log.off_host() == []
