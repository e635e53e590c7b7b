"""An agency's edition, built for real: the whole site (Sphinx and JupyterLite)
from a fixture agency file named by ``TOOLKIT_AGENCY_FILE``, warnings as errors.

The file (``tests/agency_site.py``) sets a name, a logo, a contact, two support
resources, leaves out the ethics chapter and the ROI and GARS worksheets, and
replaces the LCSA wording; every text in it carries markup and script, and the
last tests check that none of it became an element or a script on any page.
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

import pytest

from tests.agency_site import (
    CARE_CONTACT,
    CARE_DESCRIPTION,
    CARE_NAME,
    CONTACT_NAME,
    MARK,
    NAME,
    NEW_TEXT,
    NIGHT_CONTACT,
    PHONE,
    PNG,
    ROOT,
    WEB,
    build,
    markup,
)

pytestmark = pytest.mark.build


def _text(fragment: str) -> str:
    """The text a reader sees in an HTML fragment (tags dropped, references decoded).

    Quotes are compared as they are: an agency's texts are shown as typed,
    without the typographic quotes Sphinx gives the book's prose."""
    text = html.unescape(re.sub(r"<[^>]*>", "", fragment))
    return " ".join(text.split())


def _page(site: Path, name: str) -> str:
    return (site / name).read_text("utf-8")


def test_the_agency_name_and_logo_are_in_the_header(agency_site: Path):
    home = _page(agency_site, "index.html")
    title = re.search(r"<title>(.*?)</title>", home, re.DOTALL).group(1)
    assert f"{NAME} · Coaching Toolkit" in html.unescape(title)
    assert "The Coaching Toolkit for Child Welfare Practice" in title  # the book stays named
    brand = re.search(r'<a class="navbar-brand logo".*?</a>', home, re.DOTALL).group(0)
    assert 'src="_static/riverbend-logo.png"' in brand
    assert f'alt="{html.escape(NAME)} logo"' in brand
    assert f"{NAME} · Coaching Toolkit" in _text(brand)
    assert (agency_site / "_static" / "riverbend-logo.png").read_bytes() == PNG


def test_the_contact_is_in_the_footer_and_on_the_home_page(agency_site: Path):
    home = _page(agency_site, "index.html")
    line = _text(re.search(r'<p class="agency-contact">(.*?)</p>', home, re.DOTALL).group(1))
    assert line == f"Contact: {CONTACT_NAME} · coaching@riverbend.example · {PHONE} · {WEB}"
    page = _page(agency_site, "readiness/lcsa.html")
    footer = re.search(r'<footer class="bd-footer">.*?</footer>', page, re.DOTALL).group(0)
    assert 'href="mailto:coaching@riverbend.example"' in footer
    assert f'href="{html.escape(WEB)}"' in footer
    assert f"Contact: {CONTACT_NAME} · coaching@riverbend.example · {PHONE}" in _text(footer)


def test_the_support_resources_are_where_learners_are_sent_for_help(agency_site: Path):
    for page in ("capacity-building/self-care.html", "coaching-and-therapy/index.html"):
        source = _page(agency_site, page)
        box = re.search(r'<div class="agency-support admonition">(.*?)</div>', source, re.DOTALL)
        assert box, page
        text = _text(box.group(1))
        assert (
            f"{CARE_NAME} (employee assistance programme). {CARE_DESCRIPTION} "
            f"Contact: {CARE_CONTACT}"
        ) in text
        assert f"Riverbend Night Line (crisis line). Contact: {NIGHT_CONTACT}" in text
        assert f'href="{html.escape(NIGHT_CONTACT, quote=False)}"' in box.group(1)
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
    # a chapter page's Python imports the package from its own zip, made from that wheel
    with zipfile.ZipFile(agency_site / "_static" / "page-python.zip") as archive:
        page_lcsa = json.loads(archive.read("toolkit_widgets/instruments/lcsa.json"))
    assert page_lcsa == lcsa
    # the form written into the page says the same words before Python starts
    page = (agency_site / "readiness" / "lcsa.html").read_text("utf-8")
    assert html.escape(NEW_TEXT) in page


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            '[agency]\nname = "Riverbend"\n\n[[support]]\nname = "Staff Care Line"\n'
            'kind = "hotline"\n',
            "support[0].kind: must be one of eap, supervision, crisis, other",
        ),
        ('[agency]\nname = ["Riverbend"]\n', "agency.name: must be text, not a list"),
        ('[agency]\nlogo = "/etc/passwd.png"\n', "agency.logo: must be a path relative"),
    ],
)
def test_a_broken_agency_file_stops_the_build_with_one_line(tmp_path: Path, text, line):
    broken = tmp_path / "broken.toml"
    broken.write_text(text, "utf-8")
    result = build(broken, tmp_path / "html")
    assert result.returncode != 0
    # the whole output is the one line: no traceback, no "Configuration error!" page
    assert result.stderr.strip().startswith(f"{broken}: {line}")
    assert "\n" not in result.stderr.strip()
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "html" / "index.html").exists()


def _visible(path: Path) -> str:
    """A page's text as the parser sees it, whitespace single."""
    return " ".join("".join(markup(path).text).split())


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_agency_text_became_an_element_or_a_script_on_any_page(agency_site: Path):
    checked, problems = 0, []
    for path in _pages(agency_site):
        page = markup(path)
        name = path.relative_to(agency_site).as_posix()
        problems += [f"{name}: a script holds it" for body in page.scripts if MARK in body]
        for tag, attributes in page.elements:
            if tag == "img" and attributes.get("src") == "x":
                problems.append(f"{name}: <img src=x>")
            events = [a for a, value in attributes.items() if a.startswith("on") and MARK in value]
            problems += [f"{name}: <{tag} {a}>" for a in events]
            if tag == "script" and not attributes.get("src") and MARK in str(attributes):
                problems.append(f"{name}: <script {attributes}>")
        checked += MARK in "".join(page.text)
    assert problems == []
    assert checked >= 50  # the texts did land: in the title, header and footer of every page


def test_the_agency_texts_land_as_text_where_they_are_shown(agency_site: Path):
    # search.html: the theme writes the title raw; here it is text
    search = markup(agency_site / "search.html")
    titles = [t for t in search.text if "Search - " in t]
    assert titles == [f"Search - {NAME} · Coaching Toolkit"]
    home = _visible(agency_site / "index.html")
    for text in (NAME, CONTACT_NAME, PHONE):
        assert text in home
    care = _visible(agency_site / "capacity-building/self-care.html")
    for text in (CARE_NAME, CARE_DESCRIPTION, CARE_CONTACT, NIGHT_CONTACT):
        assert text in care


def test_every_inline_script_is_one_the_build_wrote(agency_site: Path):
    """The policy hashes exactly the page's scripts, and none of them is the agency's."""
    for path in _pages(agency_site):
        html_text = path.read_text("utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html_text)
        assert policy, path
        assert MARK not in policy.group(1)
        assert "'unsafe-inline'" not in policy.group(1).split("script-src")[1].split(";")[0]


def _my_work_list(site: Path) -> list[str]:
    """The worksheet names the My work page lists (its JSON data block)."""
    page = _page(site, "my-work.html")
    block = re.search(r'<script type="application/json" id="tk-my-work-list">(.*?)</script>', page)
    assert block, "the My work page carries its list"
    return [entry["name"] for entry in json.loads(block.group(1).replace("<\\/", "</"))]


def test_my_work_lists_no_left_out_worksheet(agency_site: Path, built_site: Path):
    generic, edition = _my_work_list(built_site), _my_work_list(agency_site)
    assert {"gars", "roi"} <= set(generic)
    assert "gars" not in edition
    assert "roi" not in edition
    assert set(edition) == set(generic) - {"gars", "roi"}
