"""The one list of worksheets: the chapters' directive, exports, the cohort view and tests read it.

Each entry maps the name a chapter embeds (``{worksheet} crs``) to the
worksheet's definition, built on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from toolkit_widgets.sheets.base import Worksheet
from toolkit_widgets.sheets.checklist import ChecklistSheet
from toolkit_widgets.sheets.culture_stage import CultureStageSheet
from toolkit_widgets.sheets.gars import GarsSheet
from toolkit_widgets.sheets.practice_form import FORMS, PracticeFormSheet
from toolkit_widgets.sheets.questionnaire import QuestionnaireSheet
from toolkit_widgets.sheets.roi import RoiSheet
from toolkit_widgets.sheets.scaling import ScalingSheet

__all__ = ["NAMES", "TOOLS", "get", "tool_html", "use_wording", "wording_files"]

_QUESTIONNAIRES = (
    "lcsa",
    "crs",
    "oti",
    "supervisory_skills",
    "job_responsibilities",
    "cprs",
    "coaching_skills",
)

#: the chapter 8 checklists (reference lists with a "checklist" block)
_CHECKLISTS = ("learning_environment", "readiness_factors")

#: instrument id -> an agency's file with the licensed original wording (see use_wording)
_WORDING: dict[str, Path] = {}

_FACTORIES: dict[str, Callable[[], Worksheet]] = {
    "gars": GarsSheet,
    "scaling": ScalingSheet,
    **{
        name: (lambda name=name: QuestionnaireSheet(name, _WORDING.get(name)))
        for name in _QUESTIONNAIRES
    },
    "culture_stage": CultureStageSheet,
    "roi": RoiSheet,
    **{name: (lambda name=name: ChecklistSheet(name)) for name in _CHECKLISTS},
    # the practice forms (forms/*.json): one worksheet class, a form file each
    **{
        name: (lambda name=name, form=form: PracticeFormSheet(name, form))
        for name, form in FORMS.items()
    },
}

#: every worksheet's name, in the order the catalogue lists them
NAMES: tuple[str, ...] = tuple(_FACTORIES)


@cache
def get(name: str) -> Worksheet:
    """The worksheet called ``name``; a KeyError names the known ones."""
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise KeyError(f"unknown worksheet {name!r}; known: {', '.join(NAMES)}") from None
    return factory()


def _cohort_html(title: str) -> str:
    from toolkit_widgets.render.cohort_html import cohort_html

    return cohort_html(title)


#: page tools a chapter embeds like a worksheet (``{worksheet} cohort``) that keep
#: nothing, so they are no :class:`Worksheet` and not in :data:`NAMES`: tool name ->
#: its HTML for the page (given the directive's title). The page's script for a tool
#: is ``_static/<name>.js``; it calls ``toolkit_widgets.web.<name>``.
TOOLS: dict[str, Callable[[str], str]] = {"cohort": _cohort_html}


def tool_html(name: str, title: str) -> str:
    """The page tool ``name`` written as HTML; a KeyError names the known ones."""
    try:
        write = TOOLS[name]
    except KeyError:
        raise KeyError(f"unknown page tool {name!r}; known: {', '.join(TOOLS)}") from None
    return write(title)


def use_wording(files: dict[str, Path]) -> None:
    """Build questionnaires from an agency's wording files from now on (none: shipped wording).

    The site build calls this with ``agency.toml``'s ``[instruments]``, so the
    form written into the page and the package in the browser read the same words.
    """
    _WORDING.clear()
    _WORDING.update(files)
    get.cache_clear()


def wording_files() -> list[Path]:
    """The agency wording files in use (read by the build to know when pages are stale)."""
    return sorted(_WORDING.values())
