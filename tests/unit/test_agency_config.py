"""The agency file is checked whole: defaults build the generic site, and every
mistake names the file, the key and the reason (docs/_ext/agency_config.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

from agency_config import DEFAULT, AgencyConfigError, load  # noqa: E402

CHAPTERS = ("introduction", "ethics", "cqi")
WORKSHEETS = ("gars", "roi", "lcsa")


def _load(tmp_path: Path, text: str, name: str = "agency.toml"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return load(path, root=tmp_path, chapters=CHAPTERS, worksheets=WORKSHEETS)


def _lcsa_copy(tmp_path: Path, change=None) -> Path:  # type: ignore[no-untyped-def]
    data = json.loads((ROOT / "src/toolkit_widgets/instruments/lcsa.json").read_text("utf-8"))
    data["wording"] = "original"
    data["items"][0]["text"] = "The agency's licensed wording of the first statement."
    if change:
        change(data)
    path = tmp_path / "lcsa-original.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_no_file_gives_the_generic_site(tmp_path: Path):
    assert load(tmp_path / "agency.toml", root=tmp_path, chapters=CHAPTERS, worksheets=()) == (
        DEFAULT
    )


def test_the_shipped_example_changes_nothing_while_commented_out(tmp_path: Path):
    text = (ROOT / "agency.example.toml").read_text("utf-8")
    assert _load(tmp_path, text) == DEFAULT
    assert _load(tmp_path, "") == DEFAULT


def test_a_named_file_that_is_missing_is_an_error(tmp_path: Path):
    with pytest.raises(AgencyConfigError, match=r"^north\.toml: \(file\): not found"):
        load(
            tmp_path / "north.toml",
            root=tmp_path,
            chapters=CHAPTERS,
            worksheets=WORKSHEETS,
            source="north.toml",
            required=True,
        )


def test_a_full_file_is_read(tmp_path: Path):
    (tmp_path / "art").mkdir()
    (tmp_path / "art" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    _lcsa_copy(tmp_path)
    agency = _load(
        tmp_path,
        """
        [agency]
        name = "Riverbend Children's Services"
        logo = "art/logo.svg"
        [contact]
        email = "coaching@riverbend.example"
        web = "https://riverbend.example"
        [[support]]
        name = "Staff Care Line"
        kind = "eap"
        description = "Free counselling."
        contact = "555 0199"
        [[support]]
        name = "Night line"
        kind = "crisis"
        [edition]
        exclude_chapters = ["cqi"]
        exclude_worksheets = ["roi"]
        [instruments]
        lcsa = "lcsa-original.json"
        """,
    )
    assert agency.name == "Riverbend Children's Services"
    assert agency.logo == (tmp_path / "art" / "logo.svg").resolve()  # from the root
    assert agency.contact.email == "coaching@riverbend.example"
    assert agency.contact.phone is None
    assert [(s.name, s.kind_label) for s in agency.support] == [
        ("Staff Care Line", "Employee assistance programme"),
        ("Night line", "Crisis line"),
    ]
    assert agency.support[1].description is None
    assert agency.exclude_chapters == {"cqi"}
    assert agency.exclude_worksheets == {"roi"}
    assert agency.instruments == {"lcsa": (tmp_path / "lcsa-original.json").resolve()}
    with pytest.raises(TypeError):
        agency.instruments["crs"] = tmp_path  # type: ignore[index]


ERRORS = [
    ("[agency]\nname = 'A'\ncolour = 'red'\n", "agency.colour", "is not a known key"),
    ("[branding]\nname = 'A'\n", "branding", "is not a known key"),
    ("[agency]\nname = ''\n", "agency.name", "must not be empty"),
    ("[agency]\nname = 3\n", "agency.name", "must be text, not 3"),
    ("[agency]\nlogo = 'logo.svg'\n", "agency.logo", "file 'logo.svg' not found"),
    ("[agency]\nlogo = 'logo.txt'\n", "agency.logo", "must be an image"),
    ("agency = 'A'\n", "agency", "must be a table"),
    ("[contact]\nemail = 'nobody'\n", "contact.email", "must be an email address"),
    ("[contact]\nweb = 'www.x.org'\n", "contact.web", "must start with https://"),
    ("[contact]\nfax = '1'\n", "contact.fax", "is not a known key"),
    (
        "[[support]]\nname = 'A'\nkind = 'eap'\n[[support]]\nname = 'B'\nkind = 'friend'\n",
        "support[1].kind",
        "must be one of eap, supervision, crisis, other",
    ),
    ("[[support]]\nkind = 'eap'\n", "support[0].name", "is missing"),
    ("[[support]]\nname = 'A'\n", "support[0].kind", "is missing"),
    ("[[support]]\nname = 'A'\nkind = 'eap'\nurl = 'x'\n", "support[0].url", "not a known key"),
    ("support = 'EAP'\n", "support", "must be a list"),
    ("[edition]\nexclude_chapters = ['etics']\n", "edition.exclude_chapters[0]", "'etics'"),
    ("[edition]\nexclude_chapters = 'cqi'\n", "edition.exclude_chapters", "a list of names"),
    (
        "[edition]\nexclude_chapters = ['introduction', 'ethics', 'cqi']\n",
        "edition.exclude_chapters",
        "must leave at least one chapter",
    ),
    ("[edition]\nexclude_worksheets = ['gars', 'rio']\n", "edition.exclude_worksheets[1]", "rio"),
    ("[edition]\ninclude = ['gars']\n", "edition.include", "is not a known key"),
    ("[instruments]\nnope = 'x.json'\n", "instruments.nope", "no instrument has this id"),
    ("[instruments]\ngars = 'x.json'\n", "instruments.gars", "only questionnaires"),
    ("[instruments]\nlcsa = 'missing.json'\n", "instruments.lcsa", "'missing.json' not found"),
    ("[agency\nname = 'A'\n", "(file)", "is not valid TOML"),
]


@pytest.mark.parametrize(("text", "key", "reason"), ERRORS)
def test_every_mistake_names_file_key_and_reason(tmp_path: Path, text: str, key: str, reason: str):
    with pytest.raises(AgencyConfigError) as caught:
        _load(tmp_path, text)
    assert caught.value.source == "agency.toml"
    assert caught.value.key == key
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"agency.toml: {key}: ")


def test_a_replacement_with_other_item_ids_is_refused(tmp_path: Path):
    def rename_first_item(data: dict) -> None:
        data["items"][0]["id"] = "not_an_lcsa_item"

    _lcsa_copy(tmp_path, rename_first_item)
    with pytest.raises(AgencyConfigError) as caught:
        _load(tmp_path, "[instruments]\nlcsa = 'lcsa-original.json'\n")
    assert caught.value.key == "instruments.lcsa"
    assert "same item ids" in caught.value.reason
    assert "lcsa-original.json" in caught.value.reason  # the replacement file is named too
