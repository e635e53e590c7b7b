"""Read an agency's ``agency.toml`` into a checked, frozen :class:`AgencyConfig`.

An agency edits one file to make the site its own. A typo there must stop the
build with a message a non-programmer can act on, so every problem raises
:class:`AgencyConfigError` naming the file, the key and the reason, e.g.
``agency.toml: support[0].kind: must be one of eap, supervision, crisis, other``.
Unknown keys are errors too: a misspelt key would otherwise be silently ignored.

This module knows nothing about Sphinx, so it can be tested on its own; the
site glue is ``agency.py``. No file (or an empty one) gives :data:`DEFAULT`,
which builds the generic site.
"""

from __future__ import annotations

import tomllib
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
LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp")


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
        return f"{self.where}.{key}" if self.where else key

    def text(self, key: str, required: bool = False) -> str | None:
        self.read.add(key)
        if key not in self.data:
            if required:
                raise AgencyConfigError(self.source, self.key(key), "is missing")
            return None
        value = self.data[key]
        if not isinstance(value, str):
            raise AgencyConfigError(self.source, self.key(key), f"must be text, not {value!r}")
        if not value.strip():
            raise AgencyConfigError(self.source, self.key(key), "must not be empty")
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
                    f"unknown name {value!r}; known: {', '.join(sorted(known))}",
                )
        return frozenset(values)

    def finish(self) -> None:
        for key in self.data:
            if key not in self.read:
                raise AgencyConfigError(self.source, self.key(key), "is not a known key")


def _file(source: str, key: str, value: str, root: Path) -> Path:
    path = (root / value).resolve()
    if not path.is_file():
        raise AgencyConfigError(source, key, f"file {value!r} not found (paths are from {root})")
    return path


def _agency(top: _Table, root: Path) -> tuple[str | None, Path | None]:
    if "agency" not in top.data:
        return None, None
    table = _Table(top.source, top.data["agency"], "agency")
    name = table.text("name")
    logo_value = table.text("logo")
    table.finish()
    logo = None
    if logo_value is not None:
        if not logo_value.lower().endswith(LOGO_SUFFIXES):
            raise AgencyConfigError(
                top.source, "agency.logo", f"must be an image ({', '.join(LOGO_SUFFIXES)})"
            )
        logo = _file(top.source, "agency.logo", logo_value, root)
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
    if contact.email is not None and ("@" not in contact.email or " " in contact.email):
        raise AgencyConfigError(top.source, "contact.email", "must be an email address")
    if contact.web is not None and not contact.web.startswith(("https://", "http://")):
        raise AgencyConfigError(top.source, "contact.web", "must start with https:// or http://")
    return contact


def _support(top: _Table) -> tuple[SupportResource, ...]:
    entries = top.data.get("support", [])
    if not isinstance(entries, list):
        raise AgencyConfigError(top.source, "support", "must be a list: write [[support]] tables")
    resources = []
    for index, entry in enumerate(entries):
        table = _Table(top.source, entry, f"support[{index}]")
        kind = table.text("kind", required=True)
        if kind not in SUPPORT_KINDS:
            raise AgencyConfigError(
                top.source, table.key("kind"), f"must be one of {', '.join(SUPPORT_KINDS)}"
            )
        resources.append(
            SupportResource(
                name=table.text("name", required=True) or "",
                kind=kind,
                description=table.text("description"),
                contact=table.text("contact"),
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
        value = table.text(instrument_id, required=True) or ""
        try:
            kind = load(instrument_id).get("kind")
        except (OSError, ValueError):
            raise AgencyConfigError(top.source, key, "no instrument has this id") from None
        if kind != "questionnaire":
            raise AgencyConfigError(
                top.source, key, f"only questionnaires can be replaced; this one is a {kind}"
            )
        path = _file(top.source, key, value, root)
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
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise AgencyConfigError(source, "(file)", f"cannot be read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise AgencyConfigError(source, "(file)", f"is not valid TOML: {error}") from None
    return parse(data, source=source, root=root, chapters=chapters, worksheets=worksheets)
