"""What every worksheet keeps in the browser: nothing until the learner writes.

Opening a worksheet and leaving it must not store a blank record or claim
"Last saved"; the first answer is saved at once. Run over every worksheet
kind that keeps answers, through the shared ``AnswerKeeper``.
"""

import asyncio
from collections.abc import Callable, Iterator

import ipywidgets as w
import pytest

from toolkit_widgets.form_spec import form_ids
from toolkit_widgets.storage import MemoryStore, Store
from toolkit_widgets.views.checklist import ChecklistWorksheet
from toolkit_widgets.views.form import FormWorksheet
from toolkit_widgets.views.gars import GarsWorksheet
from toolkit_widgets.views.questionnaire import QuestionnaireWorksheet
from toolkit_widgets.views.scaling import ScalingWorksheet
from toolkit_widgets.views.small import RoiWorksheet, StageWorksheet

QUESTIONNAIRES = (
    "lcsa",
    "crs",
    "oti",
    "supervisory_skills",
    "job_responsibilities",
    "cprs",
    "coaching_skills",
)
SHEETS: dict[str, Callable[[Store], object]] = {
    "gars": GarsWorksheet,
    "scaling": ScalingWorksheet,
    "roi": RoiWorksheet,
    "culture_stage": StageWorksheet,
    **{name: lambda store, n=name: QuestionnaireWorksheet(n, store) for name in QUESTIONNAIRES},
    **{
        name: lambda store, n=name: ChecklistWorksheet(n, store)
        for name in ("learning_environment", "readiness_factors")
    },
    **{
        name: lambda store, n=name: FormWorksheet(n, store)
        for name in form_ids()
        if name != "session_planner"
    },
    "session_planner:grow": lambda store: FormWorksheet("session_planner:regrow", store),
}


def _widgets(root: w.Widget) -> Iterator[w.Widget]:
    yield root
    for child in getattr(root, "children", ()):
        yield from _widgets(child)


def _answer_something(sheet: object) -> None:
    """Type, pick or tick in the first control that takes an answer, as a learner would."""
    for widget in _widgets(sheet.widget):  # type: ignore[attr-defined]
        if isinstance(widget, (w.Text, w.Textarea)) and not widget.disabled:
            widget.value = "Met with the team"
            return
        if isinstance(widget, w.FloatText) and not widget.disabled:
            widget.value = 12.0
            return
        if isinstance(widget, w.Dropdown) and len(widget.options) > 1:
            widget.index = 1
            return
        if isinstance(widget, w.Checkbox):
            widget.value = True
            return
    raise AssertionError("the worksheet has nothing to answer")


@pytest.mark.parametrize("name", SHEETS)
def test_an_opened_worksheet_stores_nothing_until_the_learner_writes(name):
    store = MemoryStore()
    sheet = SHEETS[name](store)
    keeper = sheet.keeper
    asyncio.run(keeper.restore())
    assert store.saved == {}
    assert "Not saved yet" in keeper.saved.value
    assert "Last saved" not in keeper.saved.value
    assert "answers (.json" in keeper.downloads.value  # a blank copy can still be taken

    _answer_something(sheet)
    assert len(store.saved) == 1
    assert "Last saved in this browser" in keeper.saved.value
