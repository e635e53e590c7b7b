"""An agency's edition, built for real: the whole site (Sphinx and JupyterLite)
from a fixture agency file named by ``TOOLKIT_AGENCY_FILE``, warnings as errors.

The file sets a name, a logo, a contact, two support resources, leaves out the
ethics chapter and the ROI and GARS worksheets, and replaces the LCSA wording.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]
NAME = "Riverbend Children's Services"
NEW_TEXT = "Riverbend's licensed wording of the first statement."
AGENCY_TOML = """
[agency]
name = "Riverbend Children's Services"
logo = "{dir}/riverbend-logo.svg"

[contact]
name = "Practice team"
email = "coaching@riverbend.example"
phone = "555 0100"

[[support]]
name = "Staff Care Line"
kind = "eap"
description = "Free, private counselling for staff."
contact = "555 0199"

[[support]]
name = "Riverbend Night Line"
kind = "crisis"
contact = "https://night.riverbend.example"

[edition]
exclude_chapters = ["ethics"]
exclude_worksheets = ["roi", "gars"]

[instruments]
lcsa = "{dir}/lcsa-original.json"
"""


def _build(agency_file: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TOOLKIT_AGENCY_FILE": str(agency_file)}
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-c", str(ROOT)]
    return subprocess.run(
        [*command, str(ROOT / "docs"), str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def agency_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("agency")
    (folder / "riverbend-logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
        '<circle cx="20" cy="20" r="18" fill="#264"/></svg>',
        "utf-8",
    )
    lcsa = json.loads((ROOT / "src/toolkit_widgets/instruments/lcsa.json").read_text("utf-8"))
    lcsa["wording"] = "original"
    lcsa["items"][0]["text"] = NEW_TEXT
    (folder / "lcsa-original.json").write_text(json.dumps(lcsa), "utf-8")
    agency_file = folder / "agency.toml"
    agency_file.write_text(AGENCY_TOML.format(dir=folder), "utf-8")
    out = folder / "html"
    result = _build(agency_file, out)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return out


def _page(site: Path, name: str) -> str:
    return (site / name).read_text("utf-8")


def test_the_agency_name_and_logo_are_in_the_header(agency_site: Path):
    home = _page(agency_site, "index.html")
    title = re.search(r"<title>(.*?)</title>", home, re.DOTALL).group(1)
    assert "Riverbend Children's Services · Coaching Toolkit" in html.unescape(title)
    assert "The Coaching Toolkit for Child Welfare Practice" in title  # the book stays named
    brand = re.search(r'<a class="navbar-brand logo".*?</a>', home, re.DOTALL).group(0)
    assert 'src="_static/riverbend-logo.svg"' in brand
    assert "Riverbend Children's Services logo" in html.unescape(brand)
    assert (agency_site / "_static" / "riverbend-logo.svg").read_text("utf-8").startswith("<svg")


def test_the_contact_is_in_the_footer_and_on_the_home_page(agency_site: Path):
    home = _page(agency_site, "index.html")
    line = re.search(r'<p class="agency-contact">(.*?)</p>', home, re.DOTALL).group(1)
    assert "Contact:" in line
    assert "Practice team" in line
    assert "555 0100" in line
    page = _page(agency_site, "readiness/lcsa.html")
    footer = re.search(r'<footer class="bd-footer">.*?</footer>', page, re.DOTALL).group(0)
    assert 'href="mailto:coaching@riverbend.example"' in footer
    assert "Practice team" in footer


def test_the_support_resources_are_where_learners_are_sent_for_help(agency_site: Path):
    for page in ("capacity-building/self-care.html", "coaching-and-therapy/index.html"):
        html = _page(agency_site, page)
        box = re.search(r'<div class="agency-support admonition">(.*?)</div>', html, re.DOTALL)
        assert box, page
        text = box.group(1)
        assert "<strong>Staff Care Line</strong> (employee assistance programme)" in text
        assert "555 0199" in text
        assert "<strong>Riverbend Night Line</strong> (crisis line)" in text
        assert 'href="https://night.riverbend.example"' in text
        assert "human resources" not in text  # the generic advice is replaced


def test_the_left_out_chapter_is_gone_from_navigation_and_search(agency_site: Path):
    assert not (agency_site / "ethics").exists()
    home = _page(agency_site, "index.html")
    assert "ethics/index.html" not in home
    assert "readiness/index.html" in home
    search = _page(agency_site, "searchindex.js")
    docnames = json.loads(re.search(r'"docnames":(\[.*?\])', search).group(1))
    assert "readiness/index" in docnames
    assert not [name for name in docnames if name.startswith("ethics/")]


def test_references_into_the_left_out_chapter_become_plain_text(agency_site: Path):
    page = _page(agency_site, "coaching-and-therapy/index.html")
    # {ref}`ch-ethics-reporting` had no title of its own: it shows the heading's
    assert "<span>Reporting duties and the limits of confidentiality</span>" in page
    assert "ethics/" not in page


def test_the_left_out_worksheet_is_replaced_by_a_note(agency_site: Path):
    roi = _page(agency_site, "value-of-coaching/roi.html")
    assert "data-sheet=" not in roi
    assert "This worksheet is not part of this edition." in roi
    assert 'data-sheet="lcsa"' in _page(agency_site, "readiness/lcsa.html")  # the others stay


def test_a_left_out_worksheet_notebook_is_not_in_the_file_browser(agency_site: Path):
    top = json.loads(_page(agency_site, "lite/api/contents/all.json"))
    assert [entry["name"] for entry in top["content"]] == ["worksheets"]
    listing = json.loads(_page(agency_site, "lite/api/contents/worksheets/all.json"))
    names = {entry["name"] for entry in listing["content"]}
    assert "README.md" in names  # the folder is still served, under its own name
    assert "gars.ipynb" not in names
    assert not (agency_site / "lite" / "files" / "worksheets" / "gars.ipynb").exists()
    # the repository's own folder is untouched
    assert (ROOT / "worksheets" / "gars.ipynb").exists()


def test_the_browser_gets_the_replacement_wording(agency_site: Path):
    staged = ROOT / "build" / "agency-package" / "src" / "toolkit_widgets" / "instruments"
    assert json.loads((staged / "lcsa.json").read_text("utf-8"))["items"][0]["text"] == NEW_TEXT
    wheel = next((agency_site / "lite" / "static" / "pyodide-lock").glob("toolkit_widgets-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        lcsa = json.loads(archive.read("toolkit_widgets/instruments/lcsa.json"))
        crs = archive.read("toolkit_widgets/instruments/crs.json")
    assert lcsa["items"][0]["text"] == NEW_TEXT
    assert lcsa["wording"] == "original"
    assert crs == (ROOT / "src/toolkit_widgets/instruments/crs.json").read_bytes()
    # the form written into the page says the same words before Python starts
    page = (agency_site / "readiness" / "lcsa.html").read_text("utf-8")
    assert html.escape(NEW_TEXT) in page


def test_a_broken_agency_file_stops_the_build_naming_file_key_and_reason(tmp_path: Path):
    broken = tmp_path / "broken.toml"
    broken.write_text(
        '[agency]\nname = "Riverbend"\n\n[[support]]\nname = "Staff Care Line"\nkind = "hotline"\n',
        "utf-8",
    )
    result = _build(broken, tmp_path / "html")
    assert result.returncode != 0
    assert (
        f"{broken}: support[0].kind: must be one of eap, supervision, crisis, other"
        in result.stderr
    )
    assert not (tmp_path / "html" / "index.html").exists()
