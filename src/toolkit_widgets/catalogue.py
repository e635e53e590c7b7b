"""The one list of worksheets: the chapters' directive, exports, the cohort view and tests read it.

Each entry maps the name a chapter embeds (``{worksheet} crs``) to the
worksheet's definition, built on first use. A worksheet's module is imported
only then: a page's Python needs the one worksheet on the page, and importing
all 29 (and their data) took a third of ``import toolkit_widgets.web``, at
every start of every page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit_widgets.sheets.base import Worksheet

__all__ = [
    "NAMES",
    "PRACTICE_FORMS",
    "TOOLS",
    "get",
    "tool_html",
    "use_wording",
    "wording_files",
]

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

#: the practice forms: worksheet name -> the form file (``forms/<file>.json``), or
#: "family:variant" for one of a family's variants
PRACTICE_FORMS: dict[str, str] = {
    "smart": "smart",
    "observation_formal": "observation_formal",
    "observation_informal": "observation_informal",
    "reflection": "reflection",
    "feedback_plan": "feedback_plan",
    "agreement": "agreement",
    "journal": "journal",
    "self_care": "self_care",
    "implementation_plan": "implementation_plan",
    "pdsa": "pdsa",
    "logic_model": "logic_model",
    **{
        f"planner_{model}": f"session_planner:{model}"
        for model in ("skills_based", "clear", "flow", "regrow")
    },
}

#: instrument id -> an agency's file with the licensed original wording (see use_wording)
_WORDING: dict[str, Path] = {}


def _gars() -> Worksheet:
    from toolkit_widgets.sheets.gars import GarsSheet

    return GarsSheet()


def _scaling() -> Worksheet:
    from toolkit_widgets.sheets.scaling import ScalingSheet

    return ScalingSheet()


def _questionnaire(name: str) -> Worksheet:
    from toolkit_widgets.sheets.questionnaire import QuestionnaireSheet

    return QuestionnaireSheet(name, _WORDING.get(name))


def _culture_stage() -> Worksheet:
    from toolkit_widgets.sheets.culture_stage import CultureStageSheet

    return CultureStageSheet()


def _roi() -> Worksheet:
    from toolkit_widgets.sheets.roi import RoiSheet

    return RoiSheet()


def _checklist(name: str) -> Worksheet:
    from toolkit_widgets.sheets.checklist import ChecklistSheet

    return ChecklistSheet(name)


def _practice_form(name: str) -> Worksheet:
    from toolkit_widgets.sheets.practice_form import PracticeFormSheet

    return PracticeFormSheet(name, PRACTICE_FORMS[name])


_FACTORIES: dict[str, Callable[[], Worksheet]] = {
    "gars": _gars,
    "scaling": _scaling,
    **{name: (lambda name=name: _questionnaire(name)) for name in _QUESTIONNAIRES},
    "culture_stage": _culture_stage,
    "roi": _roi,
    **{name: (lambda name=name: _checklist(name)) for name in _CHECKLISTS},
    **{name: (lambda name=name: _practice_form(name)) for name in PRACTICE_FORMS},
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
