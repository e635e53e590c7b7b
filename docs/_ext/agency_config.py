"""Read an agency's ``agency.toml`` into a checked, frozen :class:`AgencyConfig`.

An agency edits one file to make the site its own. A typo there must stop the
build with a message a non-programmer can act on, so every problem raises
:class:`AgencyConfigError` naming the file, the key and the reason, e.g.
``agency.toml: support[0].kind: must be one of eap, supervision, crisis, other``.
Unknown keys are errors too: a misspelt key would otherwise be silently ignored.

The file is also a way in for anyone who can change it, so it is read as
untrusted input: every text has a length limit and no control characters
(line breaks only where a paragraph is expected); every path must lead to a
regular file inside the repository, after following symbolic links; a logo
must be a PNG, JPEG, GIF or WebP image by its first bytes, not only by its
name. SVG logos are refused: an SVG is a document that can carry scripts, and
one opened directly is not covered by the pages' Content-Security-Policy.
Texts may still hold ``<`` or ``&``: the site escapes them wherever they land.

This module knows nothing about Sphinx, so it can be tested on its own; the
site glue is ``agency.py``. No file (or an empty one) gives :data:`DEFAULT`,
which builds the generic site.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

#: kinds of support resource -> the words shown to learners
SUPPORT_KINDS: dict[str, str] = {
    "eap": "Employee assistance programme",
    "supervision": "Supervision",
    "crisis": "Crisis line",
    "other": "Other support",
}
#: logo file suffix -> how such a file starts (WebP: "RIFF", 4 size bytes, "WEBP")
LOGO_KINDS: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
    ".webp": ("WebP", (b"RIFF",)),
}
LOGO_SUFFIXES = tuple(LOGO_KINDS)
#: a header logo needs far less; this keeps a mistaken photo out of every page load
LOGO_MAX_BYTES = 512 * 1024
#: the largest instrument file in the package is about 10 KB
INSTRUMENT_MAX_BYTES = 1024 * 1024
#: an agency file is a page of settings; a bigger one is a mistake (or an attack)
FILE_MAX_BYTES = 256 * 1024
#: the logo's file name is written into every page's <img src>: letters, digits, . _ -
_SAFE_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
#: longest text per key (in characters); what shows in a header or a footer line
#: stays short, a description may be a paragraph
MAX_LENGTH: dict[str, int] = {
    "agency.name": 150,
    "agency.logo": 300,
    "contact.name": 150,
    "contact.email": 254,  # RFC 5321's limit for an address
    "contact.phone": 80,
    "contact.web": 500,
    "support.name": 150,
    "support.kind": 20,
    "support.description": 1000,
    "support.contact": 254,
    "instruments": 300,
}
#: keys whose text may span lines (TOML's multi-line strings)
MULTILINE = {"support.description"}
#: characters that reorder the text around them on screen (bidirectional controls)
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: a key TOML needs no quotes for; any other is shown quoted in messages
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]{1,60}")
#: an email address or web address: no spaces, quotes or angle brackets
_ADDRESS_BAD = re.compile(r"""[\s<>"'`\\]""")


class AgencyConfigError(ValueError):
    """A problem in the agency file: which file, which key, and why."""

    def __init__(self, source: str, key: str, reason: str) -> None:
        super().__init__(f"{source}: {key}: {reason}")
        self.source, self.key, self.reason = source, key, reason


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    web: str | None = None

    def __bool__(self) -> bool:
        return any((self.name, self.email, self.phone, self.web))


@dataclass(frozen=True)
class SupportResource:
    name: str
    kind: str
    description: str | None = None
    contact: str | None = None

    @property
    def kind_label(self) -> str:
        return SUPPORT_KINDS[self.kind]


@dataclass(frozen=True)
class AgencyConfig:
    """What an agency changed; every field's default leaves the site generic."""

    name: str | None = None
    #: absolute path of the logo image
    logo: Path | None = None
    contact: Contact = field(default_factory=Contact)
    support: tuple[SupportResource, ...] = ()
    exclude_chapters: frozenset[str] = frozenset()
    exclude_worksheets: frozenset[str] = frozenset()
    #: instrument id -> absolute path of the replacement JSON file
    instruments: Mapping[str, Path] = field(default_factory=lambda: MappingProxyType({}))


DEFAULT = AgencyConfig()


class _Table:
    """One TOML table: typed reads whose errors name file and key; leftovers are errors."""

    def __init__(self, source: str, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise AgencyConfigError(source, where, "must be a table")
        self.source, self.data, self.where = source, data, where
        self.read: set[str] = set()

    def key(self, key: str) -> str:
        # a quoted TOML key may hold anything; the message must stay one readable line
        key = key if _BARE_KEY.fullmatch(key) else _shown(key)
        return f"{self.where}.{key}" if self.where else key

    def text(self, key: str, required: bool = False, *, rule: str | None = None) -> str | None:
        """The text at ``key``, stripped; ``rule`` names its limits (default: the key)."""
        self.read.add(key)
        if key not in self.data:
            if required:
                raise AgencyConfigError(self.source, self.key(key), "is missing")
            return None
        value = self.data[key]
        if not isinstance(value, str):
            raise AgencyConfigError(
                self.source, self.key(key), f"must be text, not {_describe(value)}"
            )
        rule = rule or self.key(key)
        problem = text_problem(value, MAX_LENGTH[rule], multiline=rule in MULTILINE)
        if problem:
            raise AgencyConfigError(self.source, self.key(key), problem)
        return value.strip()

    def names(self, key: str, known: Collection[str]) -> frozenset[str]:
        self.read.add(key)
        values = self.data.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise AgencyConfigError(self.source, self.key(key), "must be a list of names")
        for index, value in enumerate(values):
            if value not in known:
                raise AgencyConfigError(
                    self.source,
                    f"{self.key(key)}[{index}]",
                    f"unknown name {_shown(value)}; known: {', '.join(sorted(known))}",
                )
        return frozenset(values)

    def finish(self) -> None:
        for key in self.data:
            if key not in self.read:
                raise AgencyConfigError(self.source, self.key(key), "is not a known key")


def _shown(value: object) -> str:
    """``value`` as Python writes it (one line), cut short for a message."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _describe(value: object) -> str:
    """A wrong value named by its TOML type: it goes into a one-line message."""
    kinds = {bool: "true/false", int: "a number", float: "a number", list: "a list"}
    if isinstance(value, dict):
        return "a table"
    return f"{kinds.get(type(value), 'a date or time')} ({_shown(value)})"


def text_problem(value: str, limit: int, *, multiline: bool = False) -> str | None:
    """Why ``value`` cannot be shown on the site as one field's text, or None."""
    if not value.strip():
        return "must not be empty"
    if len(value) > limit:
        return f"is {len(value)} characters long; at most {limit} are allowed"
    for position, char in enumerate(value, start=1):
        if char in "\n\r" and not multiline:
            return f"must be one line (a line break at character {position})"
        if char in "\n\t" and multiline:
            continue
        if unicodedata.category(char) in ("Cc", "Cs") or char in _BIDI_CONTROLS:
            return f"must not hold the control character U+{ord(char):04X} (character {position})"
    return None


def _file(source: str, key: str, value: str, root: Path, max_bytes: int) -> Path:
    """The regular file ``value`` names, inside ``root`` once every link is followed."""
    if "\\" in value:
        raise AgencyConfigError(source, key, "use / between folders, not \\")
    if os.path.isabs(value) or value.startswith("~"):
        raise AgencyConfigError(
            source, key, "must be a path relative to the repository root, not an absolute path"
        )
    if ".." in Path(value).parts:
        raise AgencyConfigError(source, key, "must not leave the repository with '..'")
    top = root.resolve()
    path = (top / value).resolve()
    if not path.is_relative_to(top):
        raise AgencyConfigError(
            source, key, f"{_shown(value)} leads outside the repository (through a symbolic link)"
        )
    try:
        info = path.stat()
    except OSError:
        raise AgencyConfigError(
            source, key, f"file {_shown(value)} not found (paths are from {root})"
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise AgencyConfigError(source, key, f"{_shown(value)} is not a regular file")
    if info.st_size > max_bytes:
        raise AgencyConfigError(
            source, key, f"{_shown(value)} is {info.st_size} bytes; at most {max_bytes} are allowed"
        )
    return path


def _logo(source: str, value: str, root: Path) -> Path:
    """A PNG, JPEG, GIF or WebP file, checked by its first bytes; never SVG."""
    key = "agency.logo"
    suffix = Path(value).suffix.lower()
    if suffix == ".svg":
        raise AgencyConfigError(
            source,
            key,
            "SVG logos are refused (an SVG can carry scripts); save the logo as PNG or WebP",
        )
    if suffix not in LOGO_KINDS:
        raise AgencyConfigError(source, key, f"must be an image ({', '.join(LOGO_SUFFIXES)})")
    path = _file(source, key, value, root, LOGO_MAX_BYTES)
    # the file itself (a link's target) is what is copied, under its own name, and
    # that name goes into every page's <img src> and decides how it is served
    target = LOGO_KINDS.get(path.suffix.lower())
    if target is None or target[0] != LOGO_KINDS[suffix][0]:
        raise AgencyConfigError(
            source, key, f"{_shown(value)} links to {path.name!r}, which is not a {suffix} file"
        )
    if not _SAFE_FILE_NAME.fullmatch(path.name):
        raise AgencyConfigError(
            source, key, "the file name may hold only letters, digits, '.', '_' and '-'"
        )
    with path.open("rb") as image:
        head = image.read(12)
    label, starts = LOGO_KINDS[suffix]
    webp = suffix != ".webp" or head[8:12] == b"WEBP"
    if not (head.startswith(starts) and webp):
        raise AgencyConfigError(source, key, f"{_shown(value)} is not a {label} image")
    return path


def _agency(top: _Table, root: Path) -> tuple[str | None, Path | None]:
    if "agency" not in top.data:
        return None, None
    table = _Table(top.source, top.data["agency"], "agency")
    name = table.text("name")
    logo_value = table.text("logo")
    table.finish()
    logo = None if logo_value is None else _logo(top.source, logo_value, root)
    return name, logo


def _contact(top: _Table) -> Contact:
    if "contact" not in top.data:
        return Contact()
    table = _Table(top.source, top.data["contact"], "contact")
    contact = Contact(
        name=table.text("name"),
        email=table.text("email"),
        phone=table.text("phone"),
        web=table.text("web"),
    )
    table.finish()
    email_ok = contact.email is None or (
        contact.email.count("@") == 1 and not _ADDRESS_BAD.search(contact.email)
    )
    if not email_ok:
        raise AgencyConfigError(
            top.source, "contact.email", "must be an email address (no spaces, quotes or <>)"
        )
    if contact.web is not None and not contact.web.startswith(("https://", "http://")):
        raise AgencyConfigError(top.source, "contact.web", "must start with https:// or http://")
    if contact.web is not None and _ADDRESS_BAD.search(contact.web):
        raise AgencyConfigError(
            top.source, "contact.web", "must be a web address (no spaces, quotes or <>)"
        )
    return contact


def _support(top: _Table) -> tuple[SupportResource, ...]:
    entries = top.data.get("support", [])
    if not isinstance(entries, list):
        raise AgencyConfigError(top.source, "support", "must be a list: write [[support]] tables")
    resources = []
    for index, entry in enumerate(entries):
        table = _Table(top.source, entry, f"support[{index}]")
        kind = table.text("kind", required=True, rule="support.kind")
        if kind not in SUPPORT_KINDS:
            raise AgencyConfigError(
                top.source, table.key("kind"), f"must be one of {', '.join(SUPPORT_KINDS)}"
            )
        resources.append(
            SupportResource(
                name=table.text("name", required=True, rule="support.name") or "",
                kind=kind or "",
                description=table.text("description", rule="support.description"),
                contact=table.text("contact", rule="support.contact"),
            )
        )
        table.finish()
    return tuple(resources)


def _edition(
    top: _Table, chapters: Collection[str], worksheets: Collection[str]
) -> tuple[frozenset[str], frozenset[str]]:
    if "edition" not in top.data:
        return frozenset(), frozenset()
    table = _Table(top.source, top.data["edition"], "edition")
    excluded = (
        table.names("exclude_chapters", chapters),
        table.names("exclude_worksheets", worksheets),
    )
    table.finish()
    if excluded[0] and excluded[0] >= set(chapters):
        raise AgencyConfigError(
            top.source, "edition.exclude_chapters", "must leave at least one chapter"
        )
    return excluded


def _instruments(top: _Table, root: Path) -> dict[str, Path]:
    if "instruments" not in top.data:
        return {}
    # imported here: only an agency with replacement wording needs the package
    from toolkit_widgets.errors import ToolkitError
    from toolkit_widgets.instruments import load
    from toolkit_widgets.spec import load_questionnaire

    table = _Table(top.source, top.data["instruments"], "instruments")
    replacements = {}
    for instrument_id in list(table.data):
        key = table.key(instrument_id)
        value = table.text(instrument_id, required=True, rule="instruments") or ""
        try:
            kind = load(instrument_id).get("kind")
        except (OSError, ValueError):
            raise AgencyConfigError(top.source, key, "no instrument has this id") from None
        if kind != "questionnaire":
            raise AgencyConfigError(
                top.source, key, f"only questionnaires can be replaced; this one is a {kind}"
            )
        path = _file(top.source, key, value, root, INSTRUMENT_MAX_BYTES)
        try:
            load_questionnaire(instrument_id, path)
        except ToolkitError as error:
            raise AgencyConfigError(top.source, key, f"replacement refused: {error}") from None
        replacements[instrument_id] = path
    return replacements


def parse(
    data: dict[str, Any],
    *,
    source: str,
    root: Path,
    chapters: Collection[str],
    worksheets: Collection[str],
) -> AgencyConfig:
    """Check parsed TOML ``data``; ``root`` anchors relative paths (the repository root).

    ``chapters`` and ``worksheets`` are the names that exist in this checkout;
    the caller reads them from the site, so new ones need no change here.
    """
    top = _Table(source, data, "")
    top.read.update(("agency", "contact", "support", "edition", "instruments"))
    top.finish()
    name, logo = _agency(top, root)
    exclude_chapters, exclude_worksheets = _edition(top, chapters, worksheets)
    return AgencyConfig(
        name=name,
        logo=logo,
        contact=_contact(top),
        support=_support(top),
        exclude_chapters=exclude_chapters,
        exclude_worksheets=exclude_worksheets,
        instruments=MappingProxyType(_instruments(top, root)),
    )


def load(
    path: Path,
    *,
    root: Path,
    chapters: Collection[str],
    worksheets: Collection[str],
    source: str | None = None,
    required: bool = False,
) -> AgencyConfig:
    """Read the agency file at ``path``; a missing file means the generic site.

    ``required`` is for a file named on purpose (an environment variable): then
    a missing file is an error, not a silent generic build.
    """
    source = source or path.name
    if not path.exists():
        if required:
            raise AgencyConfigError(source, "(file)", "not found")
        return DEFAULT
    try:
        info = path.stat()
    except OSError as error:
        raise AgencyConfigError(source, "(file)", f"cannot be read: {error}") from None
    if not stat.S_ISREG(info.st_mode):
        raise AgencyConfigError(source, "(file)", "is not a regular file")
    if info.st_size > FILE_MAX_BYTES:
        raise AgencyConfigError(
            source, "(file)", f"is {info.st_size} bytes; at most {FILE_MAX_BYTES} are allowed"
        )
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise AgencyConfigError(source, "(file)", f"cannot be read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise AgencyConfigError(source, "(file)", f"is not valid TOML: {error}") from None
    return parse(data, source=source, root=root, chapters=chapters, worksheets=worksheets)
