"""A trainer's view of a group: many learners' export files, summed up in the browser.

Learners who choose to hand over their export files (GARS, readiness, trust)
give them to their trainer, who loads them all at once. This module reads the
files (every one untrusted: the same checks as an import), drops copies of the
same sheet, and computes the group figures. Nothing is uploaded anywhere: the
view runs this code in the trainer's own browser.

The Kiresuk-Sherman T-score was designed for comparing groups: each learner's
T at baseline and follow-up is computed as on their own worksheet, and the
group is described by the mean, the spread and how many changed. The group
summaries, the rule for copies and the choice of figures are ours (the page
says so).
"""

from __future__ import annotations

import hashlib
import json
import math
import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from toolkit_widgets import gars, gars_sheet, questionnaire_sheet, readiness, trust
from toolkit_widgets.constants import GARS_T_MEAN
from toolkit_widgets.errors import ToolkitInputError
from toolkit_widgets.exports import (
    NESTED_TOO_DEEP,
    parse_json,
    parse_saved_at,
    read_envelope,
    sheet_id_of,
)
from toolkit_widgets.spec import load_questionnaire

__all__ = [
    "CohortReport",
    "Export",
    "Refused",
    "csv_rows",
    "read_exports",
    "report",
]

#: more files than a training group holds are refused, to keep the view quick
MAX_FILES = 500
#: why a file is refused that a check of this site failed on (a fault of the site)
UNREADABLE = (
    "This site could not read it ({error} in its checks); the other files are counted. "
    "Please tell the site's maintainers."
)


def _questionnaire_check(instrument_id: str) -> Callable[[Any], dict[str, Any]]:
    return lambda answers: questionnaire_sheet.check_answers(
        load_questionnaire(instrument_id), answers
    )


#: the instruments a cohort view reads: id -> (name, newest version, answers check)
READABLE: dict[str, tuple[str, int, Callable[[Any], dict[str, Any]]]] = {
    "gars": ("Goal Attainment Rating Scale", gars_sheet.VERSION, gars_sheet.check_answers),
    "crs": ("Coaching Readiness Scale", 1, _questionnaire_check("crs")),
    "oti": ("Organizational Trust Inventory", 1, _questionnaire_check("oti")),
}


@dataclass(frozen=True)
class Export:
    """One learner's sheet, read from a file and checked."""

    file: str
    instrument: str
    #: the file's "saved_at" as written ("" when it has none)
    saved_at: str
    #: the file's sheet id, or for files without one a fingerprint of their answers
    sheet: str
    answers: dict[str, Any]
    #: ``saved_at`` parsed (aware, UTC when the file gave no offset); None when it has none
    saved: datetime | None = None


@dataclass(frozen=True)
class Refused:
    file: str
    reason: str


def _fingerprint(instrument: str, answers: dict[str, Any]) -> str:
    text = json.dumps([instrument, answers], sort_keys=True)
    return "content-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


#: how a file's raw content becomes JSON: the import checks (size, then syntax) by default
Parser = Callable[[bytes | str], object]
#: instrument id -> the check its answers get (the page's entry point passes each
#: worksheet's own, form checks included, so a file passes here only if it imports)
Checks = Mapping[str, Callable[[Any], dict[str, Any]]]


def _read_one(
    name: str, data: bytes | str, parse: Parser, checks: Checks, latest: datetime | None
) -> Export:
    parsed = parse(data)
    instrument = parsed.get("instrument") if isinstance(parsed, dict) else None
    if not isinstance(instrument, str) or instrument not in READABLE:  # a list is unhashable
        readable = ", ".join(title for title, _v, _c in READABLE.values())
        shown = repr(instrument)
        shown = shown if len(shown) <= 60 else shown[:59] + "…"
        raise ToolkitInputError(
            f"it holds answers for {shown}; the group view reads {readable} files."
        )
    _title, version, check = READABLE[instrument]
    answers = read_envelope(parsed, instrument, version, checks.get(instrument, check))
    saved = parse_saved_at(parsed.get("saved_at"))  # read_envelope has refused a bad one
    if saved is not None and latest is not None and saved >= latest:
        raise ToolkitInputError(
            f"it says it was saved on {saved.date().isoformat()}, after this report's day; "
            "a file from the future cannot decide which copy of a sheet counts."
        )
    return Export(
        file=name,
        instrument=instrument,
        saved_at=parsed["saved_at"] if saved is not None else "",
        sheet=sheet_id_of(parsed) or _fingerprint(instrument, answers),
        answers=answers,
        saved=saved,
    )


def _which_counts(earlier: Export, export: Export) -> tuple[Export, Export, str]:
    """(the copy that counts, the one left out, why), for two files of one sheet.

    The later ``saved_at`` counts (times compared as times, offsets included); a
    file with a time beats one without; with equal times (or none) the file
    loaded last counts, as it always has. Times are never compared as text.
    """
    if earlier.saved is not None and export.saved is not None and export.saved != earlier.saved:
        newer, older = (export, earlier) if export.saved > earlier.saved else (earlier, export)
        return newer, older, f"it was saved later ({newer.saved_at}, the other {older.saved_at})"
    if export.saved is not None and earlier.saved is None:
        return export, earlier, f"only it says when it was saved ({export.saved_at})"
    if earlier.saved is not None and export.saved is None:
        return earlier, export, f"only it says when it was saved ({earlier.saved_at})"
    same = "both were saved at the same time" if earlier.saved else "neither says when it was saved"
    if earlier.answers == export.answers:
        same = "they hold the same answers"
    return export, earlier, f"{same}, so the file loaded last counts"


def read_exports(
    files: Iterable[tuple[str, bytes | str]],
    parse: Parser = parse_json,
    checks: Checks | None = None,
    latest: datetime | None = None,
) -> tuple[list[Export], list[Refused], list[str]]:
    """Read every file; return the sheets to count, the files refused, and notes on copies.

    Two files with the same sheet id are two exports of one learner's sheet:
    only the one saved last counts (see :func:`_which_counts`), and the note
    says which and why. Files from before sheet ids (format 1) count once per
    distinct content, so an identical copy is never counted twice. ``parse``
    may add checks before the JSON is parsed; ``checks`` replaces an
    instrument's answers check (by the worksheet's own); a file saved at or
    after ``latest`` is refused. One file refused is one refused file, never
    the end of the load.
    """
    files = list(files)
    if len(files) > MAX_FILES:
        return [], [Refused(f"{len(files)} files", f"load at most {MAX_FILES} at once.")], []
    kept: dict[tuple[str, str], Export] = {}
    refused: list[Refused] = []
    copies: list[str] = []
    for name, data in files:
        try:
            export = _read_one(name, data, parse, checks or {}, latest)
        except ToolkitInputError as error:
            refused.append(Refused(name, error.message))
            continue
        except RecursionError:  # nested past Python's limit: no answers file of ours is
            refused.append(Refused(name, NESTED_TOO_DEEP))
            continue
        except Exception as error:  # a check of ours missed a shape: still only this file is out
            refused.append(Refused(name, UNREADABLE.format(error=type(error).__name__)))
            continue
        key = (export.instrument, export.sheet)
        earlier = kept.get(key)
        if earlier is None:
            kept[key] = export
            continue
        counted, left, why = _which_counts(earlier, export)
        kept[key] = counted
        copies.append(
            f"{left.file} and {counted.file} are copies of the same sheet: "
            f"only {counted.file} is counted, because {why}."
        )
    return list(kept.values()), refused, copies


# --- the group figures ---------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """How a set of numbers lies: count, mean, standard deviation, lowest, highest."""

    n: int
    mean: float | None
    sd: float | None
    low: float | None
    high: float | None


def spread(values: list[float]) -> Spread:
    if not values:
        return Spread(0, None, None, None, None)
    sd = statistics.stdev(values) if len(values) > 1 else None
    return Spread(len(values), statistics.fmean(values), sd, min(values), max(values))


@dataclass(frozen=True)
class GarsLearner:
    file: str
    goals: int
    baseline: float | None
    follow_up: float | None
    note: str = ""


@dataclass(frozen=True)
class GarsGroup:
    learners: tuple[GarsLearner, ...]
    baseline: Spread
    follow_up: Spread
    #: follow-up minus baseline, for learners with both
    change: Spread
    improved: int
    at_or_above_expected: int


def _t(levels: list[Any], weights: list[float], rho: float) -> tuple[float | None, str]:
    point = gars.score_time_point(levels, weights, rho)
    if point.t is not None:
        return point.t, ""
    return None, "" if not point.rated else (point.error.message if point.error else "")


def gars_group(exports: list[Export]) -> GarsGroup:
    learners = []
    for export in exports:
        goals = export.answers["goals"]
        weights = [goal["weight"] for goal in goals]
        rho = export.answers["rho"]
        base, base_note = _t([g["baseline"] for g in goals], weights, rho)
        follow, follow_note = _t([g["follow_up"] for g in goals], weights, rho)
        note = "; ".join(n for n in (base_note, follow_note) if n)
        learners.append(GarsLearner(export.file, len(goals), base, follow, note))
    both = [
        (g.baseline, g.follow_up)
        for g in learners
        if g.baseline is not None and g.follow_up is not None
    ]
    follow_ups = [g.follow_up for g in learners if g.follow_up is not None]
    return GarsGroup(
        learners=tuple(learners),
        baseline=spread([g.baseline for g in learners if g.baseline is not None]),
        follow_up=spread(follow_ups),
        change=spread([f - b for b, f in both]),
        improved=sum(1 for b, f in both if f > b),
        at_or_above_expected=sum(1 for t in follow_ups if t >= GARS_T_MEAN - 1e-9),
    )


@dataclass(frozen=True)
class ReadinessGroup:
    n: int
    #: headline reading (``readiness.READINGS``, in that order) -> number of learners
    verdicts: dict[str, int]

    @property
    def cautions(self) -> int:
        """Learners who said yes to a starred item: coaching may not fit them now."""
        return self.verdicts[readiness.CAUTION]


def readiness_group(exports: list[Export]) -> ReadinessGroup:
    verdicts = dict.fromkeys(readiness.READINGS, 0)
    for export in exports:
        verdicts[readiness.score(export.answers["ratings"]).overall] += 1
    return ReadinessGroup(len(exports), verdicts)


@dataclass(frozen=True)
class TrustGroup:
    complete: int
    incomplete: tuple[str, ...]
    #: section id -> spread of learners' means; "overall" for all twelve items
    by_target: dict[str, Spread]


def trust_group(exports: list[Export]) -> TrustGroup:
    means: dict[str, list[float]] = {}
    incomplete = []
    for export in exports:
        ratings = export.answers["ratings"]
        if any(value is None for value in ratings.values()):
            incomplete.append(export.file)
            continue
        result = trust.score(ratings)
        for target, found in result.by_target.items():
            means.setdefault(target, []).append(found.mean)
        means.setdefault("overall", []).append(result.overall.mean)
    return TrustGroup(
        complete=len(exports) - len(incomplete),
        incomplete=tuple(incomplete),
        by_target={target: spread(values) for target, values in means.items()},
    )


@dataclass(frozen=True)
class CohortReport:
    gars: GarsGroup | None
    readiness: ReadinessGroup | None
    trust: TrustGroup | None
    refused: tuple[Refused, ...]
    copies: tuple[str, ...]


def report(
    files: Iterable[tuple[str, bytes | str]],
    parse: Parser = parse_json,
    checks: Checks | None = None,
    latest: datetime | None = None,
) -> CohortReport:
    """Everything the cohort view shows, from the raw files a trainer chose."""
    exports, refused, copies = read_exports(files, parse, checks, latest)
    of = {i: [e for e in exports if e.instrument == i] for i in READABLE}
    return CohortReport(
        gars=gars_group(of["gars"]) if of["gars"] else None,
        readiness=readiness_group(of["crs"]) if of["crs"] else None,
        trust=trust_group(of["oti"]) if of["oti"] else None,
        refused=tuple(refused),
        copies=tuple(copies),
    )


def _round(value: float | None) -> float | str:
    return "" if value is None or not math.isfinite(value) else round(value, 1)


def csv_rows(result: CohortReport) -> tuple[list[str], list[list[object]]]:
    """The report as a table: one row per figure, for a spreadsheet or a CQI file."""
    rows: list[list[object]] = []
    if result.gars:
        for learner in result.gars.learners:
            rows.append(["GARS", learner.file, "T at baseline", _round(learner.baseline)])
            rows.append(["GARS", learner.file, "T at follow-up", _round(learner.follow_up)])
        for label, found in (
            ("baseline", result.gars.baseline),
            ("follow-up", result.gars.follow_up),
            ("change", result.gars.change),
        ):
            rows.append(["GARS", "group", f"learners with a T at {label}", found.n])
            rows.append(["GARS", "group", f"mean T at {label}", _round(found.mean)])
            rows.append(["GARS", "group", f"SD of T at {label}", _round(found.sd)])
        rows.append(["GARS", "group", "learners whose T rose", result.gars.improved])
        rows.append(
            [
                "GARS",
                "group",
                "learners at or above 50 at follow-up",
                result.gars.at_or_above_expected,
            ]
        )
    if result.readiness:
        for verdict, count in result.readiness.verdicts.items():
            rows.append(["Readiness", "group", verdict, count])
    if result.trust:
        for target, found in result.trust.by_target.items():
            rows.append(["Trust", "group", f"mean trust ({target})", _round(found.mean)])
            rows.append(["Trust", "group", f"learners ({target})", found.n])
    for refused in result.refused:
        rows.append(["Refused", refused.file, "reason", refused.reason])
    return ["instrument", "learner or group", "figure", "value"], rows
