"""The cohort view, driven headless with the stored export files."""

import datetime
from pathlib import Path

from toolkit_widgets.views.cohort import CohortView

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exports"
HOSTILE = '<img src=x onerror="alert(1)">.json'


def uploaded(*names, rename=None):
    return tuple(
        {
            "name": (rename or {}).get(n, n),
            "type": "application/json",
            "size": (FIXTURES / n).stat().st_size,
            "last_modified": datetime.datetime(2026, 11, 25, tzinfo=datetime.UTC),
            "content": memoryview((FIXTURES / n).read_bytes()),
        }
        for n in names
    )


def test_loading_files_shows_group_figures_a_csv_and_a_printable_report():
    view = CohortView()
    view.upload.value = uploaded(
        "format-1-gars.json",
        "gars-a.json",
        "gars-a-later.json",
        "gars-c.json",
        "crs-b.json",
        "oti-a.json",
        "bad-other-worksheet.json",
    )
    text = view.results.value
    assert "Goal attainment (GARS T-scores)" in text
    assert "2 of 2 learners rated at both times rose" in text
    assert "Readiness (Coaching Readiness Scale, 1 learners)" in text
    assert "Files not used (1)" in text
    assert "only gars-a-later.json" in text
    assert "Read 7 file(s): 6 used, 1 not used." in view.message.value
    assert 'download="group-report-' in view.downloads.value
    assert view.summary.value.endswith(text)


def test_file_names_and_reasons_are_escaped():
    view = CohortView()
    view.upload.value = uploaded(
        "gars-c.json", "bad-not-json.json", rename={"gars-c.json": HOSTILE}
    )
    assert HOSTILE not in view.results.value
    assert "&lt;img src=x" in view.results.value


def test_emptying_the_view_keeps_nothing():
    view = CohortView()
    view.upload.value = uploaded("gars-c.json")
    view.clear()
    assert view.results.value == "<p>No files loaded yet.</p>"
    assert view.summary.value == ""
    assert view.downloads.value == ""
    assert view.upload.value == ()
