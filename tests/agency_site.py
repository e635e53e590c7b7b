"""One agency edition, built for real once per test run (``tests/site_builds.py``)
and shared, as the ``agency_site`` fixture, by the site tests
(``tests/site/test_agency_build.py``) and the browser test
(``tests/browser/test_agency_hostile.py``): agency builds are slow.

The edition is an unlucky (or hostile) agency's: every text it may give carries
markup and script, so one build shows both that the edition works and that
nothing an agency writes becomes an element or a script on any page. Its files
(logo, replacement wording) live under ``build/test-agency/``, inside the
repository, because the build refuses paths that leave it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from tests.site_builds import sphinx

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "build" / "test-agency"
#: what every text field carries: a script, an element with an event handler,
#: quotes that would end an attribute, and an ampersand; "pwned" marks it
HOSTILE = "<script>alert('pwned')</script><img src=x onerror=alert('pwned')>\"'&"
MARK = "pwned"
NAME = f"Riverbend Children's Services {HOSTILE}"
CONTACT_NAME = f"Practice team {HOSTILE}"
PHONE = f"555 0100 {HOSTILE}"
WEB = "https://intranet.riverbend.example/coaching?team=1&page=2"
CARE_NAME = f"Staff Care Line {HOSTILE}"
CARE_DESCRIPTION = f"Free, private counselling for staff. {HOSTILE}"
CARE_CONTACT = f"555 0199 {HOSTILE}"
NIGHT_CONTACT = "https://night.riverbend.example/?q=<script>alert('pwned')</script>"
NEW_TEXT = "Riverbend's licensed wording of the first statement."
#: a real 1x1 PNG
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


def agency_toml(folder: Path) -> str:
    """The edition's file: name, logo, contact, two support resources, a left-out
    chapter and two left-out worksheets, and the LCSA's licensed wording."""
    where = folder.relative_to(ROOT).as_posix()
    values = {
        "agency": {"name": NAME, "logo": f"{where}/riverbend-logo.png"},
        "contact": {
            "name": CONTACT_NAME,
            "email": "coaching@riverbend.example",
            "phone": PHONE,
            "web": WEB,
        },
    }
    lines = []
    for table, keys in values.items():
        lines.append(f"[{table}]")
        lines += [f"{key} = {json.dumps(value)}" for key, value in keys.items()]
    lines += [
        "[[support]]",
        f"name = {json.dumps(CARE_NAME)}",
        'kind = "eap"',
        f"description = {json.dumps(CARE_DESCRIPTION)}",
        f"contact = {json.dumps(CARE_CONTACT)}",
        "[[support]]",
        'name = "Riverbend Night Line"',
        'kind = "crisis"',
        f"contact = {json.dumps(NIGHT_CONTACT)}",
        "[edition]",
        'exclude_chapters = ["ethics"]',
        'exclude_worksheets = ["roi", "gars"]',
        "[instruments]",
        f'lcsa = "{where}/lcsa-original.json"',
    ]
    return "\n".join(lines) + "\n"


def build(agency_file: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """``sphinx-build`` as ``./dev build`` runs it, with ``agency_file`` named."""
    return sphinx(out, {**os.environ, "TOOLKIT_AGENCY_FILE": str(agency_file)})


def prepare() -> Path:
    """Lay out the edition's files anew in ``FOLDER``; the path of its ``agency.toml``.

    ``tests/site_builds.py`` calls this, then builds into ``FOLDER / "html"``.
    """
    if FOLDER.exists():
        shutil.rmtree(FOLDER)
    FOLDER.mkdir(parents=True)
    (FOLDER / "riverbend-logo.png").write_bytes(PNG)
    lcsa = json.loads((ROOT / "src/toolkit_widgets/instruments/lcsa.json").read_text("utf-8"))
    lcsa["wording"] = "original"
    lcsa["items"][0]["text"] = NEW_TEXT
    (FOLDER / "lcsa-original.json").write_text(json.dumps(lcsa), "utf-8")
    agency_file = FOLDER / "agency.toml"
    agency_file.write_text(agency_toml(FOLDER), "utf-8")
    return agency_file


class Markup(HTMLParser):
    """What a page's markup holds: elements (tag, attributes), script texts, visible text.

    Python's own parser, not the build's: a script or element that an agency's
    text turned into markup shows up here as an element, not as text.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))
        if tag in ("script", "title"):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "script":
            self.scripts.append(data)
        else:
            self.text.append(data)


def markup(path: Path) -> Markup:
    page = Markup()
    page.feed(path.read_text("utf-8"))
    page.close()
    return page
