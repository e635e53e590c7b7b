"""What every worksheet keeps in the browser: nothing until the learner writes.

Opening a worksheet and leaving it must not store a blank record or claim
"Last saved"; the first answer is saved at once. Run over every worksheet
the ``{worksheet}`` directive knows (``docs/_ext/worksheet.py``), so a
new one is covered without editing this file.
"""

import asyncio
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import ipywidgets as w
import pytest

from toolkit_widgets.storage import MemoryStore, Store
from toolkit_widgets.views.checklist import ChecklistWorksheet
from toolkit_widgets.views.form import FormWorksheet
from toolkit_widgets.views.gars import GarsWorksheet
from toolkit_widgets.views.questionnaire import QuestionnaireWorksheet
from toolkit_widgets.views.scaling import ScalingWorksheet
from toolkit_widgets.views.small import RoiWorksheet, StageWorksheet

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "docs" / "_ext"))
from worksheet import VIEWS  # the site's list of worksheets

#: how each view module builds its worksheet from the directive's argument
BUILDERS: dict[str, Callable[[str | None, Store], object]] = {
    "gars": lambda _arg, store: GarsWorksheet(store),
    "scaling": lambda _arg, store: ScalingWorksheet(store),
    "small": lambda arg, store: {"roi": RoiWorksheet, "culture_stage": StageWorksheet}[arg](store),
    "questionnaire": QuestionnaireWorksheet,
    "checklist": ChecklistWorksheet,
    "form": FormWorksheet,
}
#: every worksheet a page can embed, except the cohort view (it keeps nothing)
SHEETS = {name: view for name, view in VIEWS.items() if view[0] != "cohort"}


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
    module, argument = SHEETS[name]
    sheet = BUILDERS[module](argument, store)
    keeper = sheet.keeper
    asyncio.run(keeper.restore())
    assert store.saved == {}
    assert "Not saved yet" in keeper.saved.value
    assert "Last saved" not in keeper.saved.value
    assert "answers (.json" in keeper.downloads.value  # a blank copy can still be taken

    _answer_something(sheet)
    assert len(store.saved) == 1
    assert "Last saved in this browser" in keeper.saved.value
