"""Every instrument data file meets its schema; broken or foreign files are refused clearly."""

import copy
import json
from importlib import resources

import pytest

from toolkit_widgets.errors import InstrumentDataError
from toolkit_widgets.instruments import load
from toolkit_widgets.lcsa import score as score_lcsa
from toolkit_widgets.spec import load_questionnaire, validate

FILES = sorted(
    entry.name.removesuffix(".json")
    for entry in resources.files("toolkit_widgets.instruments").iterdir()
    if entry.name.endswith(".json")
)


def test_the_instruments_of_the_toolkit_are_all_there():
    assert {"gars", "lcsa", "crs", "oti", "scaling", "culture_stage"} <= set(FILES)


@pytest.mark.parametrize("instrument_id", FILES)
def test_each_file_meets_the_schema_of_its_kind(instrument_id):
    validate(load(instrument_id), f"{instrument_id}.json", instrument_id)


@pytest.mark.parametrize(
    ("instrument_id", "counts"),
    [
        ("lcsa", {"pro": 13, "anti": 13}),
        ("crs", {"individual": 13, "organisation": 5}),
        ("oti", {"supervisor": 8, "organisation": 4}),
        ("supervisory_skills", {"skills": 12}),
        ("job_responsibilities", {"responsibilities": 31}),
        ("cprs", {"practices": 14}),
        ("coaching_skills", {"skills": 14}),
    ],
)
def test_item_counts_match_the_toolkit(instrument_id, counts):
    questionnaire = load_questionnaire(instrument_id)
    assert {s.id: len(questionnaire.items_in(s.id)) for s in questionnaire.sections} == counts


def test_readiness_has_exactly_the_two_asterisked_items():
    cautions = [item.id for item in load_questionnaire("crs").items if item.caution]
    assert cautions == ["ind-13", "org-05"]


def test_every_lcsa_pair_has_one_pro_and_one_anti_statement():
    audit = load_questionnaire("lcsa")
    pairs = {}
    for item in audit.items:
        pairs.setdefault(item.pair, []).append(item.section)
    assert sorted(pairs) == list(range(1, 14))
    assert all(sorted(sides) == ["anti", "pro"] for sides in pairs.values())


@pytest.mark.parametrize(
    ("mutate", "key"),
    [
        (lambda d: d.pop("title"), "title"),
        (lambda d: d.update(schema_version=2), "schema_version"),
        (lambda d: d.update(wording="copied"), "wording"),
        (lambda d: d["items"][0].update(section="nowhere"), "items[0].section"),
        (lambda d: d["items"][1].update(id=d["items"][0]["id"]), "items"),
        (lambda d: d["items"][2].update(text="  "), "items[2].text"),
        (lambda d: d["scale"]["points"][0].update(value=True), "scale.points[0].value"),
        (lambda d: d["items"].clear(), "items"),
    ],
)
def test_a_broken_file_names_the_key_and_reason(mutate, key):
    data = copy.deepcopy(load("lcsa"))
    mutate(data)
    with pytest.raises(InstrumentDataError) as raised:
        validate(data, "agency-lcsa.json", "lcsa")
    assert raised.value.source == "agency-lcsa.json"
    assert raised.value.key == key
    assert str(raised.value).startswith(f"agency-lcsa.json: {key}: ")


def test_an_agency_can_drop_in_its_own_wording(tmp_path):
    licensed = copy.deepcopy(load("lcsa"))
    licensed["wording"] = "original"
    for item in licensed["items"]:
        item["text"] = f"Licensed wording of {item['id']}"
    path = tmp_path / "lcsa.json"
    path.write_text(json.dumps(licensed), "utf-8")
    audit = load_questionnaire("lcsa", path)
    assert audit.wording == "original"
    assert audit.items[0].text == "Licensed wording of pro-01"
    ratings = {item.id: 3 for item in audit.items}
    assert score_lcsa(ratings, instrument=audit) == score_lcsa(ratings)


def test_a_replacement_with_other_items_is_refused(tmp_path):
    foreign = copy.deepcopy(load("lcsa"))
    foreign["items"] = foreign["items"][:-1]
    path = tmp_path / "lcsa.json"
    path.write_text(json.dumps(foreign), "utf-8")
    with pytest.raises(InstrumentDataError, match="same item ids"):
        load_questionnaire("lcsa", path)


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "lcsa.json"
    path.write_text("{oops", "utf-8")
    with pytest.raises(InstrumentDataError, match="cannot be read as JSON"):
        load_questionnaire("lcsa", path)


def test_the_coachs_instruments_keep_their_scales():
    assert load_questionnaire("job_responsibilities").scale.categorical
    assert load_questionnaire("cprs").scale.not_applicable == "No opportunity"
    assert load_questionnaire("supervisory_skills").scale.values == (1, 2, 3, 4)
    assert load_questionnaire("coaching_skills").scale.values == (1, 2, 3, 4, 5)
