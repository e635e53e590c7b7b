"""The GARS, scaling and stages files as typed records: fields match the JSON, errors name the key.

Outside the data layer the package reads these instruments only through
``spec.load_gars``, ``spec.load_scaling`` and ``spec.load_stages``; the last
test holds it to that.
"""

from __future__ import annotations

import ast
import copy
import dataclasses
import json
from importlib import resources
from pathlib import Path

import pytest

from toolkit_widgets.errors import InstrumentDataError
from toolkit_widgets.spec import (
    SCALING_PROMPTS,
    gars_from,
    load_gars,
    load_scaling,
    load_stages,
    scaling_from,
    stages_from,
    validate,
)

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "toolkit_widgets"


def _json(instrument_id: str) -> dict:
    """The file as shipped, parsed afresh (never the package's cached copy)."""
    path = resources.files("toolkit_widgets.instruments").joinpath(f"{instrument_id}.json")
    return json.loads(path.read_text("utf-8"))


def test_gars_fields_match_the_file():
    data, gars = _json("gars"), load_gars()
    assert (gars.id, gars.version, gars.title, gars.source, gars.wording) == (
        data["id"],
        data["version"],
        data["title"],
        data["source"],
        data["wording"],
    )
    assert [(level.code, level.label) for level in gars.levels] == [
        (level["code"], level["label"]) for level in data["levels"]
    ]
    assert gars.codes == (-2, -1, 0, 1, 2)
    assert [(c.id, c.text, c.judged) for c in gars.checklist] == [
        (c["id"], c["text"], c["judged"]) for c in data["checklist"]
    ]
    assert dataclasses.asdict(gars.summary) == data["summary"]
    assert gars.baseline_convention == data["baseline_convention"]


def test_scaling_fields_match_the_file():
    data, scaling = _json("scaling"), load_scaling()
    assert (scaling.id, scaling.version, scaling.title, scaling.source, scaling.wording) == (
        data["id"],
        data["version"],
        data["title"],
        data["source"],
        data["wording"],
    )
    assert (scaling.range.min, scaling.range.max) == (data["range"]["min"], data["range"]["max"])
    assert scaling.range.values == tuple(range(0, 11))
    assert [(s.id, s.text) for s in scaling.steps] == [(s["id"], s["text"]) for s in data["steps"]]
    assert [
        (
            q.id,
            q.group,
            q.title,
            q.text,
            {"0": q.anchor_min, "10": q.anchor_max},
            q.anchors_added_by_site,
            list(q.follow_ups),
        )
        for q in scaling.questions
    ] == [
        (
            q["id"],
            q["group"],
            q["title"],
            q["text"],
            q["anchors"],
            q["anchors_added_by_site"],
            q["follow_ups"],
        )
        for q in data["questions"]
    ]
    assert dataclasses.asdict(scaling.prompts) == data["prompts"]
    assert {key: scaling.prompts.text(key) for key in SCALING_PROMPTS} == data["prompts"]


def test_a_scaling_question_is_found_by_its_id_and_a_prompt_by_its_key():
    scaling = load_scaling()
    assert scaling.question("confidence") is scaling.questions[3]
    assert scaling.question("nowhere") is None
    assert scaling.question(None) is None
    with pytest.raises(KeyError):
        scaling.prompts.text("text")  # a method's name is not a prompt


def test_stages_fields_match_the_file():
    data, stages = _json("culture_stage"), load_stages()
    assert (stages.id, stages.version, stages.title, stages.source, stages.wording) == (
        data["id"],
        data["version"],
        data["title"],
        data["source"],
        data["wording"],
    )
    assert [
        (s.id, s.title, s.description, list(s.indicators), list(s.next_steps))
        for s in stages.stages
    ] == [
        (s["id"], s["title"], s["description"], s["indicators"], s["next_steps"])
        for s in data["stages"]
    ]
    assert stages.indicators_added_by_site is data["indicators_added_by_site"]


@pytest.mark.parametrize("loader", [load_gars, load_scaling, load_stages])
def test_the_records_are_read_once_and_cannot_be_changed(loader):
    record = loader()
    assert loader() is record
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.title = "Changed"


BROKEN = [
    # GARS
    ("gars", lambda d: d.pop("title"), "title"),
    ("gars", lambda d: d["levels"][1].pop("label"), "levels[1].label"),
    ("gars", lambda d: d["levels"][2].update(code="0"), "levels[2].code"),
    ("gars", lambda d: d["levels"][4].update(code=3), "levels"),
    ("gars", lambda d: d["checklist"][0].update(judged="maybe"), "checklist[0].judged"),
    ("gars", lambda d: d["checklist"][1].update(id=d["checklist"][0]["id"]), "checklist"),
    ("gars", lambda d: d["checklist"].clear(), "checklist"),
    ("gars", lambda d: d.pop("summary"), "summary"),
    ("gars", lambda d: d["summary"].update(rho=1.5), "summary.rho"),
    ("gars", lambda d: d["summary"].update(rho="0.3"), "summary.rho"),
    ("gars", lambda d: d["summary"].update(method="mean"), "summary.method"),
    ("gars", lambda d: d["summary"].pop("source"), "summary.source"),
    ("gars", lambda d: d.update(baseline_convention=" "), "baseline_convention"),
    # scaling
    ("scaling", lambda d: d["range"].update(min=10), "range"),
    ("scaling", lambda d: d["range"].pop("max"), "range.max"),
    ("scaling", lambda d: d["steps"][1].update(id=d["steps"][0]["id"]), "steps"),
    ("scaling", lambda d: d["questions"][0].pop("group"), "questions[0].group"),
    ("scaling", lambda d: d["questions"][1]["anchors"].pop("10"), "questions[1].anchors.10"),
    (
        "scaling",
        lambda d: d["questions"][3].update(anchors_added_by_site="yes"),
        "questions[3].anchors_added_by_site",
    ),
    ("scaling", lambda d: d["questions"][2]["follow_ups"].append(""), "questions[2].follow_ups[1]"),
    ("scaling", lambda d: d["questions"][1].update(id=d["questions"][0]["id"]), "questions"),
    ("scaling", lambda d: d["prompts"].pop("very_low"), "prompts.very_low"),
    # stages
    ("culture_stage", lambda d: d["stages"][0].pop("description"), "stages[0].description"),
    ("culture_stage", lambda d: d["stages"][1].update(indicators=[]), "stages[1].indicators"),
    ("culture_stage", lambda d: d["stages"][2].update(next_steps=[" "]), "stages[2].next_steps"),
    ("culture_stage", lambda d: d["stages"][1].update(id=d["stages"][0]["id"]), "stages"),
    (
        "culture_stage",
        lambda d: d["stages"][3]["indicators"].append(d["stages"][0]["indicators"][0]),
        "indicators",
    ),
    ("culture_stage", lambda d: d.pop("indicators_added_by_site"), "indicators_added_by_site"),
]

READERS = {"gars": gars_from, "scaling": scaling_from, "culture_stage": stages_from}


@pytest.mark.parametrize(
    ("instrument_id", "mutate", "key"), BROKEN, ids=[f"{i}:{key}" for i, _, key in BROKEN]
)
def test_a_broken_file_names_the_file_and_key(instrument_id, mutate, key):
    data = _json(instrument_id)
    mutate(data)
    source = f"agency-{instrument_id}.json"
    for read in (READERS[instrument_id], validate):
        with pytest.raises(InstrumentDataError) as raised:
            read(copy.deepcopy(data), source, instrument_id)
        assert raised.value.source == source
        assert raised.value.key == key
        assert str(raised.value).startswith(f"{source}: {key}: ")


def test_a_rho_that_is_not_a_number_says_so():
    data = _json("gars")
    data["summary"]["rho"] = True
    with pytest.raises(InstrumentDataError, match=r"summary\.rho: must be a number, not True"):
        gars_from(data, "gars.json", "gars")


def test_a_file_of_another_kind_is_refused_by_each_reader():
    with pytest.raises(InstrumentDataError, match="kind: expected 'gars'"):
        gars_from(_json("scaling"), "scaling.json")
    with pytest.raises(InstrumentDataError, match="kind: expected 'scaling'"):
        scaling_from(_json("culture_stage"), "culture_stage.json")
    with pytest.raises(InstrumentDataError, match="kind: expected 'stages'"):
        stages_from(_json("gars"), "gars.json")


#: the data layer: the only modules that may read an instrument file's raw JSON
DATA_LAYER = {"instruments", "spec", "tables"}


def _reads_raw_files(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("toolkit_widgets.instruments"):
                return True
            if node.module == "toolkit_widgets" and any(
                alias.name == "instruments" for alias in node.names
            ):
                return True
        if isinstance(node, ast.Import) and any(
            alias.name.startswith("toolkit_widgets.instruments") for alias in node.names
        ):
            return True
    return False


def test_only_the_data_layer_reads_instrument_files_as_raw_json():
    outside = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0].removesuffix(".py") not in DATA_LAYER
        and _reads_raw_files(path)
    ]
    assert outside == []


def test_the_check_sees_a_raw_read(tmp_path):
    module = tmp_path / "scaling.py"
    module.write_text("from toolkit_widgets.instruments import load\n", "utf-8")
    assert _reads_raw_files(module)
