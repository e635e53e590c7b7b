"""Make the site one agency's edition, from ``agency.toml`` at the repository root.

Agencies that coach their own staff want their name, logo and contact on the
site, their own support services where the text sends learners for help, only
the chapters and worksheets they use, and (if they hold the licence) the
original wording of an instrument. All of that comes from one checked file
(see ``agency_config.py`` and ``agency.example.toml``); without it the site is
the generic edition. ``TOOLKIT_AGENCY_FILE`` names another file, for tests and
for agencies that keep several editions.

What this extension does with the file:

* title, logo (copied by Sphinx into the build) and a contact line in the footer;
* ``{agency-support}``: the agency's support list, or generic advice when none;
* ``{agency-contact}``: a "Contact" line (nothing when no contact is set);
* leaves out chapters (``exclude_patterns``, their toctree entries dropped as
  pages are read, references to them shown as plain text) and worksheets
  (each replaced by a short note); pages of left-out chapters that an earlier
  build left in the output folder are deleted;
* stages a copy of the package with replacement instrument files, which
  ``offline_lite`` then builds into the browser's wheel;
* serves JupyterLite only the notebooks of worksheets the edition keeps, so a
  left-out one is not in the full interface's file browser either.
"""

from __future__ import annotations

import hashlib
import html
import os
import posixpath
import re
import shutil
from dataclasses import asdict
from pathlib import Path

from agency_config import AgencyConfig, AgencyConfigError, load
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective
from worksheet import known_worksheets, worksheet_node

from toolkit_widgets import catalogue

ENV_VAR = "TOOLKIT_AGENCY_FILE"
#: where the package copy with replacement instruments is laid out
STAGE_DIR = Path("build") / "agency-package"
#: where the worksheet notebooks of an edition that leaves some out are laid out
#: (named like the original: JupyterLite shows the folder's name)
NOTEBOOKS_DIR = Path("build") / "agency-edition" / "worksheets"
LEFT_OUT_NOTE = "This worksheet is not part of this edition."

_TOCTREE = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{toctree\}[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$\n?",
    re.MULTILINE | re.DOTALL,
)
_LABEL = re.compile(r"^\((?P<label>[^()\s]+)\)=\s*$")
_HEADING = re.compile(r"^#+\s+(?P<title>.+?)\s*$")


def _agency(app: Sphinx) -> AgencyConfig:
    return app.agency_config  # type: ignore[attr-defined, no-any-return]


def _toctree_entries(body: str) -> list[str]:
    """The document paths a toctree body lists (``Title <path>`` or ``path``)."""
    entries = []
    for line in body.splitlines():
        line = line.strip()
        if line and not line.startswith(":"):
            match = re.search(r"<([^<>]+)>$", line)
            entries.append(match.group(1) if match else line)
    return entries


def site_chapters(srcdir: Path) -> list[str]:
    """Chapter names: the top-level folders that ``index.md``'s toctrees list."""
    text = (srcdir / "index.md").read_text("utf-8")
    chapters = []
    for block in _TOCTREE.finditer(text):
        for entry in _toctree_entries(block.group("body")):
            if "/" in entry.strip("/"):
                chapters.append(entry.strip("/").split("/")[0])
    return chapters


def _agency_file(app: Sphinx) -> tuple[Path, str, bool]:
    """The file to read, how errors name it, and whether it must exist."""
    named = os.environ.get(ENV_VAR)
    if named:
        return Path(named).resolve(), named, True
    return Path(app.confdir) / "agency.toml", "agency.toml", False


def _chapter_labels(srcdir: Path, chapters: frozenset[str]) -> dict[str, str]:
    """Labels defined in left-out chapters -> the title of the heading they mark."""
    labels: dict[str, str] = {}
    for chapter in sorted(chapters):
        for page in sorted((srcdir / chapter).rglob("*.md")):
            pending: list[str] = []
            for line in page.read_text("utf-8").splitlines():
                if label := _LABEL.match(line):
                    pending.append(label.group("label").lower())
                elif (heading := _HEADING.match(line)) and pending:
                    labels.update(dict.fromkeys(pending, heading.group("title")))
                    pending = []
    return labels


def _stage_package(root: Path, target: Path, replacements: dict[str, Path]) -> None:
    """Copy what the wheel is built from, then put the agency's instrument files in."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(root / name, target / name)
    shutil.copytree(
        root / "src", target / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    instruments = target / "src" / "toolkit_widgets" / "instruments"
    for instrument_id, path in replacements.items():
        shutil.copyfile(path, instruments / f"{instrument_id}.json")


def _stage_notebooks(source: Path, target: Path, left_out: frozenset[str]) -> bool:
    """Copy the worksheet folder without left-out notebooks; False if none is left out."""
    if target.exists():
        shutil.rmtree(target)
    if not any((source / f"{name}.ipynb").exists() for name in left_out):
        return False
    shutil.copytree(
        source,
        target,
        ignore=lambda _folder, names: [
            n for n in names if n.endswith(".ipynb") and n.removesuffix(".ipynb") in left_out
        ],
    )
    return True


def apply_agency(app: Sphinx, config: Config) -> None:
    """Read and check the agency file, then set what it changes (before offline_lite runs)."""
    path, source, required = _agency_file(app)
    root = Path(app.confdir)
    chapters = site_chapters(Path(app.srcdir))
    try:
        agency = load(
            path,
            root=root,
            chapters=chapters,
            worksheets=known_worksheets(),
            source=source,
            required=required,
        )
    except AgencyConfigError as error:
        # one line and a non-zero exit, not Sphinx's "Configuration error!" page
        # (a traceback and a request to report a bug to Sphinx): the mistake is
        # in the agency's file, and the line names file, key and reason
        raise SystemExit(str(error)) from None
    app.agency_config = agency  # type: ignore[attr-defined]
    labels = _chapter_labels(Path(app.srcdir), agency.exclude_chapters)
    app.agency_labels = labels  # type: ignore[attr-defined]
    # pages show the support list and notes from the file: re-read them when it changes
    config.agency_fingerprint = (
        hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""
    )
    # assign new values: Sphinx shares its default lists and dicts between builds
    options = dict(config.html_theme_options)
    if agency.name:
        config.html_title = f"{agency.name} · Coaching Toolkit"
        # the theme writes the logo text and alt text into the page unescaped
        options["logo"] = {
            "text": html.escape(config.html_title),
            "alt_text": html.escape(f"{agency.name} logo"),
            **options.get("logo", {}),
        }
    if agency.logo:
        config.html_logo = str(agency.logo)
    if agency.contact:
        templates = str(Path(app.srcdir) / "_templates")
        if templates not in map(str, config.templates_path):
            config.templates_path = [*config.templates_path, templates]
        config.html_context = {**config.html_context, "agency_contact": asdict(agency.contact)}
        options["footer_end"] = [*options.get("footer_end", []), "agency-contact"]
    config.html_theme_options = options
    config.exclude_patterns = [
        *config.exclude_patterns,
        *(f"{chapter}/**" for chapter in sorted(agency.exclude_chapters)),
    ]
    target = root / STAGE_DIR
    # the forms written into the pages use the same wording as the staged package
    catalogue.use_wording(dict(agency.instruments))
    if agency.instruments:
        _stage_package(root, target, dict(agency.instruments))
        if "offline_lite" in app.extensions:
            config.offline_lite_package = str(target)
    elif target.exists():  # an earlier edition's copy, so nobody mistakes it for this one
        shutil.rmtree(target)
    notebooks = (root / "worksheets").resolve()
    if _stage_notebooks(notebooks, root / NOTEBOOKS_DIR, agency.exclude_worksheets):
        config.jupyterlite_contents = [
            str(root / NOTEBOOKS_DIR) if Path(folder).resolve() == notebooks else folder
            for folder in config.jupyterlite_contents or []
        ]


def _leaves_out(app: Sphinx, docname: str, entry: str) -> bool:
    target = (
        entry.strip()
        if entry.startswith("/")
        else posixpath.join(posixpath.dirname(docname), entry.strip())
    )
    first = posixpath.normpath(target).lstrip("/").split("/")[0]
    return first in _agency(app).exclude_chapters


def drop_toctree_entries(app: Sphinx, docname: str, content: list[str]) -> None:
    """Remove left-out chapters from toctrees (and a toctree left with no entry)."""
    if not _agency(app).exclude_chapters or "{toctree}" not in content[0]:
        return

    def keep(block: re.Match[str]) -> str:
        lines = block.group(0).splitlines(keepends=True)
        kept = [
            line
            for line in lines[1:-1]
            if not any(_leaves_out(app, docname, entry) for entry in _toctree_entries(line))
        ]
        if _toctree_entries(block.group("body")) and not _toctree_entries("".join(kept)):
            return ""
        return "".join([lines[0], *kept, lines[-1]])

    content[0] = _TOCTREE.sub(keep, content[0])


def plain_reference(
    app: Sphinx, env: BuildEnvironment, node: nodes.Element, contnode: nodes.Element
) -> nodes.Node | None:
    """Show a reference into a left-out chapter as its text, without a link or warning."""
    target = str(node.get("reftarget", ""))
    title = app.agency_labels.get(target.lower())  # type: ignore[attr-defined]
    left_out = title is not None or (
        node.get("reftype") in ("doc", "myst")
        and not target.startswith("#")
        and _leaves_out(app, node.get("refdoc", env.docname), target.split("#")[0])
    )
    if not left_out:
        return None
    text = contnode.astext() if node.get("refexplicit") or title is None else title
    return nodes.inline(text, text)


def drop_worksheets(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace each left-out worksheet by a one-line note."""
    excluded = _agency(app).exclude_worksheets
    for node in list(doctree.findall(worksheet_node)):
        if node["name"] in excluded:
            note = nodes.paragraph(LEFT_OUT_NOTE, LEFT_OUT_NOTE, classes=["agency-left-out"])
            node.replace_self(note)


def remove_stale_chapters(app: Sphinx, exception: Exception | None) -> None:
    """Delete pages of left-out chapters that an earlier build left in the output folder."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for chapter in _agency(app).exclude_chapters:
        for folder in (out / chapter, out / "_sources" / chapter):
            if folder.is_dir():
                shutil.rmtree(folder)


def _contact_line(text: str) -> nodes.Node:
    if text.startswith(("https://", "http://")):
        return nodes.reference(text, text, refuri=text)
    if "@" in text and " " not in text:
        return nodes.reference(text, text, refuri=f"mailto:{text}")
    return nodes.Text(text)


class AgencySupportDirective(SphinxDirective):
    """``{agency-support}``: where learners find help in their own agency."""

    def run(self) -> list[nodes.Node]:
        box = nodes.admonition(classes=["agency-support"])
        # the agency's texts are shown as typed: no typographic quotes, as in the header
        box["support_smartquotes"] = False
        box += nodes.title("", "Support in your agency")
        support = _agency(self.env.app).support
        if not support:
            box += nodes.paragraph(
                "",
                "Ask your supervisor, or your human resources (HR) team, whether your "
                "agency offers an employee assistance programme (EAP) and how to reach "
                "it. If you or anyone else is in danger right now, call your local "
                "emergency services.",
            )
            return [box]
        items = nodes.bullet_list()
        for resource in support:
            para = nodes.paragraph()
            para += nodes.strong(resource.name, resource.name)
            para += nodes.Text(f" ({resource.kind_label.lower()}).")
            if resource.description:
                para += nodes.Text(f" {resource.description}")
            if resource.contact:
                para += nodes.Text(" Contact: ")
                para += _contact_line(resource.contact)
            items += nodes.list_item("", para)
        box += items
        return [box]


class AgencyContactDirective(SphinxDirective):
    """``{agency-contact}``: a "Contact" line for the home page; nothing if none is set."""

    def run(self) -> list[nodes.Node]:
        contact = _agency(self.env.app).contact
        if not contact:
            return []
        para = nodes.paragraph(classes=["agency-contact"])
        para["support_smartquotes"] = False  # as typed, as in the footer
        para += nodes.strong("Contact:", "Contact:")
        parts = [contact.name, contact.email, contact.phone, contact.web]
        for index, part in enumerate(p for p in parts if p):
            para += nodes.Text(" " if index == 0 else " · ")
            para += _contact_line(part)
        return [para]


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("agency_fingerprint", "", "env")
    # before offline_lite's prepare_lite_dir (priority 500) builds the wheel
    app.connect("config-inited", apply_agency, priority=400)
    app.connect("source-read", drop_toctree_entries)
    app.connect("missing-reference", plain_reference)
    app.connect("doctree-resolved", drop_worksheets)
    app.connect("build-finished", remove_stale_chapters)
    app.add_directive("agency-support", AgencySupportDirective)
    app.add_directive("agency-contact", AgencyContactDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
