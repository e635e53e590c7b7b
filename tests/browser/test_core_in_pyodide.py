"""The scoring core gives the same answers in the browser's Python 3.14 (Pyodide)
as in the machine's CPython: the same code runs in both, unchanged."""

import json
import subprocess
import sys
from urllib.parse import urlencode

import pytest

from toolkit_widgets import readiness

pytestmark = pytest.mark.browser

#: one call into every scoring module, printed as JSON on a marked line
PROGRAM = """
import json, sys
from toolkit_widgets import (
    checklist, culture_stage, gars, lcsa, readiness, roi, scaling, self_assessment, trust,
)
from toolkit_widgets.spec import load_checklist
from toolkit_widgets.gars_checklist import review_goal
from toolkit_widgets.spec import load_questionnaire, validate
from toolkit_widgets.instruments import load
for name in ("gars", "lcsa", "crs", "oti", "scaling", "culture_stage",
             "learning_environment", "readiness_factors", "supervisory_skills",
             "job_responsibilities", "cprs", "coaching_skills"):
    validate(load(name), name, name)
audit = load_questionnaire("lcsa")
ratings = {i.id: (4 if i.section == "pro" else 2) for i in audit.items}
crs = {i.id: True for i in load_questionnaire("crs").items}
oti = {i.id: 5 for i in load_questionnaire("oti").items}
result = {
    "python": list(sys.version_info[:2]),
    "t": round(gars.t_score([1, 0, -1, 2], [1, 2, 1, 1]), 9),
    "reviews": [round(p.t, 9) for p in gars.score_reviews(
        [("2026-01-05", [-1, -2]), ("2026-06-01", [1, 0])]).time_points],
    "checklist": [w.check for w in review_goal("Hold FTMs", {0: "use SOP and FTM"})[0]],
    "lcsa": [lcsa.score(ratings).lean, lcsa.score(ratings).margin],
    "crs": [readiness.score(crs).overall, list(readiness.score(crs).cautions)],
    "oti": trust.score(oti).overall.label,
    "scaling": list(
        scaling.summarise("confidence", [("2026-01-01", 3), ("2026-02-01", 1)]).prompts
    ),
    "stage": culture_stage.best_fit(["tactical-1", "tactical-2"]).stage,
    "roi": roi.compute(15000, 10000).roi_percent,
    "cprs": self_assessment.profile(
        {"cp-01": 2, "cp-02": "not_applicable", "cp-03": 5}, load_questionnaire("cprs")
    ).mean,
    "jobs": self_assessment.category_counts(
        {"jr-01": 1, "jr-02": 4}, load_questionnaire("job_responsibilities")
    ).counts,
    "gaps": [g.entry for g in checklist.tally(
        load_checklist("learning_environment"), {"stretch": {"status": "absent"}}
    ).gaps],
}
try:
    gars.t_score([3])
except ValueError as error:
    result["error"] = type(error).__name__
print("RESULT" + json.dumps(result, sort_keys=True))
"""


def cpython_result() -> dict:
    output = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output.split("RESULT", 1)[1])


def test_scoring_core_matches_between_cpython_and_pyodide(browser_context, site_url):
    query = urlencode(
        {"kernel": "python", "toolbar": "0", "showBanner": "0", "execute": "1", "code": PROGRAM}
    )
    page = browser_context.new_page()
    page.goto(f"{site_url}/lite/repl/index.html?{query}")
    output = page.locator(".jp-OutputArea-output:has-text('RESULT')")
    output.wait_for(timeout=120_000)
    in_browser = json.loads(output.inner_text().split("RESULT", 1)[1])
    expected = cpython_result()
    assert expected["error"] == "OutOfRangeError"
    assert expected["crs"] == [readiness.CAUTION, ["ind-13", "org-05"]]
    assert in_browser.pop("python") == [3, 14]  # Pyodide 314
    assert expected.pop("python") == list(sys.version_info[:2])
    assert in_browser == expected
    assert browser_context.request_log.off_host() == []
