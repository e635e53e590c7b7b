"""The export files a trainer hands in to the cohort view, shared by its unit tests.

``tests/fixtures/exports/`` also holds other worksheets' fixtures; these are the
cohort's: bad ones, copies, older formats and several learners.
"""

from pathlib import Path

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"

COHORT_FILES = (
    *(f"bad-{kind}.json" for kind in ("damaged", "newer-version", "not-json", "other-worksheet")),
    "crs-b.json",
    "format-1-crs.json",
    "format-1-gars-copy.json",
    "format-1-gars.json",
    "gars-a-later.json",
    "gars-a.json",
    "gars-c.json",
    "oti-a.json",
    "oti-b.json",
)
