"""What every worksheet offers the page, the exports and the tests."""

from __future__ import annotations

from abc import ABC, abstractmethod
from functools import cached_property
from typing import Any

from toolkit_widgets.render.form_model import Form

__all__ = ["Worksheet"]


class Worksheet(ABC):
    """One worksheet: its form as data and the pure functions behind it.

    ``name`` is how chapters embed it (``{worksheet} name``); ``instrument``
    and ``version`` are what its export files carry (and, for answers saved
    by the site before 2026-12, the key of its browser record).
    """

    name: str
    title: str
    instrument: str
    version: int
    #: the worksheet this one can hand its result to (``web.handoff``), or ""
    hands_to: str = ""

    @cached_property
    def form(self) -> Form:
        return self.build_form()

    @abstractmethod
    def build_form(self) -> Form:
        """The form, built from the instrument's data."""

    @abstractmethod
    def blank(self) -> dict[str, Any]:
        """Answers of a sheet nobody has filled in."""

    @abstractmethod
    def check(self, answers: object) -> dict[str, Any]:
        """A clean copy of ``answers``, or a ToolkitInputError naming what is wrong."""

    @abstractmethod
    def results_html(self, answers: dict[str, Any]) -> str:
        """What the learner reads under the form (escaped HTML)."""

    @abstractmethod
    def summary_html(self, answers: dict[str, Any], results: str) -> str:
        """The printable summary: answers, then results."""

    @abstractmethod
    def csv_table(self, answers: dict[str, Any]) -> tuple[list[str], list[list[object]]]:
        """Header and rows of the CSV export."""

    def hand_over(
        self, answers: dict[str, Any], target: dict[str, Any] | None
    ) -> tuple[dict[str, Any], str]:
        """The ``hands_to`` worksheet's answers with this one's result added, and what to say.

        ``target`` is that worksheet's checked answers, or None when the
        browser keeps none. Only worksheets with ``hands_to`` implement it.
        """
        raise NotImplementedError(f"{self.name} hands nothing to another worksheet")
