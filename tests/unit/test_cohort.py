"""The cohort view's figures for a stored set of real export files, worked out by hand;
older-format files still read; bad and duplicate files are refused or counted once."""

import json
import math

import pytest

from tests.cohort_files import COHORT_FILES
from tests.cohort_files import EXPORTS as FIXTURES
from toolkit_widgets import cohort, exports, gars_sheet, readiness
from toolkit_widgets.exports import FORMAT_VERSION, ImportFileError, read_json
from toolkit_widgets.spec import load_questionnaire


def fixture_files(*names):
    chosen = names or COHORT_FILES
    return [(name, (FIXTURES / name).read_bytes()) for name in chosen]


def t(levels):
    """Kiresuk-Sherman T with equal weights and rho 0.3, written out here on purpose."""
    n = len(levels)
    return 50 + 10 * sum(levels) / math.sqrt(0.7 * n + 0.3 * n * n)


def test_format_1_files_from_the_older_site_still_import():
    data = (FIXTURES / "format-1-gars.json").read_bytes()
    assert json.loads(data)["format_version"] == 1 < FORMAT_VERSION
    assert "sheet_id" not in json.loads(data)
    answers = read_json(data, "gars", gars_sheet.VERSION, gars_sheet.check_answers)
    assert [g["baseline"] for g in answers["goals"]] == [-1, -2]
    assert exports.sheet_id_of(json.loads(data)) is None


def test_new_exports_carry_format_2_and_a_sheet_id():
    text = exports.to_json("gars", 1, {"rho": 0.3, "goals": []}, "2026-11-25T10:00:00Z")
    parsed = json.loads(text)
    assert parsed["format_version"] == 2
    assert len(exports.sheet_id_of(parsed)) == 16
    again = exports.to_json("gars", 1, {}, "x", exports.sheet_id_of(parsed))
    assert json.loads(again)["sheet_id"] == parsed["sheet_id"]
    assert exports.new_sheet_id() != exports.new_sheet_id()


@pytest.mark.parametrize("bad", ["", "x", "<script>", "a" * 65, 7])
def test_a_malformed_sheet_id_is_refused(bad):
    parsed = json.loads((FIXTURES / "gars-c.json").read_text("utf-8"))
    parsed["sheet_id"] = bad
    with pytest.raises(ImportFileError, match="sheet_id"):
        read_json(json.dumps(parsed), "gars", 1, gars_sheet.check_answers)


def test_the_group_figures_for_the_stored_files():
    result = cohort.report(fixture_files())
    group = result.gars
    # three GARS sheets: format-1 (and its copy), gars-a (newest copy), gars-c
    assert [g.file for g in group.learners] == [
        "format-1-gars.json",
        "gars-a-later.json",
        "gars-c.json",
    ]
    baselines = [t([-1, -2]), t([-1, -1, -2]), t([-1])]
    follow_ups = [t([1, 0]), t([1, 1, 0])]
    assert [g.baseline for g in group.learners] == pytest.approx(baselines)
    assert group.learners[2].follow_up is None
    assert group.baseline.n == 3
    assert group.baseline.mean == pytest.approx(sum(baselines) / 3)
    assert group.follow_up.n == 2
    assert group.follow_up.mean == pytest.approx(sum(follow_ups) / 2)
    changes = [follow_ups[0] - baselines[0], follow_ups[1] - baselines[1]]
    assert group.change.mean == pytest.approx(sum(changes) / 2)
    assert group.change.sd == pytest.approx(abs(changes[0] - changes[1]) / math.sqrt(2))
    assert group.improved == 2
    assert group.at_or_above_expected == 2
    # readiness: 12 of 16 counted items yes (ready), and 4 of 16 (not yet)
    assert result.readiness.n == 2
    assert result.readiness.verdicts[readiness.READY] == 1
    assert result.readiness.verdicts[readiness.NOT_YET] == 1
    assert result.readiness.cautions == 0
    # trust: supervisor 6 and 5, organisation 4 and 3; overall (48+16)/12 and (40+12)/12
    by = result.trust.by_target
    assert by["supervisor"].mean == pytest.approx(5.5)
    assert by["organisation"].mean == pytest.approx(3.5)
    assert by["overall"].mean == pytest.approx((64 / 12 + 52 / 12) / 2)


def test_bad_files_are_refused_with_their_reason_and_copies_counted_once():
    result = cohort.report(fixture_files())
    reasons = {r.file: r.reason for r in result.refused}
    assert set(reasons) == {
        "bad-not-json.json",
        "bad-newer-version.json",
        "bad-damaged.json",
        "bad-other-worksheet.json",
    }
    assert "not valid JSON" in reasons["bad-not-json.json"]
    assert "newer version of the site" in reasons["bad-newer-version.json"]
    assert "damaged" in reasons["bad-damaged.json"]
    assert "'pdsa'" in reasons["bad-other-worksheet.json"]
    assert len(result.copies) == 2
    assert any("format-1-gars-copy.json" in note for note in result.copies)
    assert any("only gars-a-later.json" in note for note in result.copies)


def test_the_newest_copy_wins_whatever_the_order():
    forward = cohort.report(fixture_files("gars-a.json", "gars-a-later.json"))
    backward = cohort.report(fixture_files("gars-a-later.json", "gars-a.json"))
    assert forward.gars == backward.gars
    assert forward.gars.learners[0].file == "gars-a-later.json"


def test_an_empty_or_oversized_load_gives_no_figures():
    empty = cohort.report([])
    assert (empty.gars, empty.readiness, empty.trust) == (None, None, None)
    many = cohort.report([("f.json", b"{}")] * (cohort.MAX_FILES + 1))
    assert many.refused[0].reason.startswith("load at most")


def test_csv_holds_each_learner_and_the_group():
    header, rows = cohort.csv_rows(cohort.report(fixture_files()))
    assert header == ["instrument", "learner or group", "figure", "value"]
    assert ["GARS", "gars-c.json", "T at baseline", 40.0] in rows
    assert ["GARS", "gars-c.json", "T at follow-up", ""] in rows
    assert ["GARS", "group", "learners whose T rose", 2] in rows
    assert ["Trust", "group", "mean trust (supervisor)", 5.5] in rows
    assert sum(1 for row in rows if row[0] == "Refused") == 4


def _crs_file(name: str, ratings: dict) -> tuple[str, str]:
    blank = dict.fromkeys(load_questionnaire("crs").item_ids)
    answers = {"ratings": {**blank, **ratings}, "flagged": [], "notes": {}, "fields": {}}
    return name, exports.to_json("crs", 1, answers, "2026-12-02T10:00:00Z")


def test_the_group_counts_each_learners_headline_reading():
    items = load_questionnaire("crs").items
    counted = [i.id for i in items if not i.caution]
    every = {**dict.fromkeys(counted, True), "ind-13": False, "org-05": False}
    files = [
        _crs_file("ready.json", every),  # 16 yes, 0 no
        _crs_file("caution.json", {**every, "org-05": True}),  # ready by counts, but starred yes
        _crs_file("partial.json", {"ind-01": True}),  # one yes of 18: no verdict
        _crs_file("blank.json", {}),
    ]
    group = cohort.report(files).readiness
    assert group.n == 4
    assert group.verdicts == {
        readiness.READY: 1,
        readiness.NOT_YET: 0,
        readiness.UNDECIDED: 0,
        readiness.CAUTION: 1,
        readiness.INCOMPLETE: 1,
        readiness.NO_ANSWERS: 1,
    }
    assert group.cautions == 1
    _, rows = cohort.csv_rows(cohort.report(files))
    assert ["Readiness", "group", readiness.CAUTION, 1] in rows
    assert ["Readiness", "group", readiness.READY, 1] in rows
