"""The culture-stage and ROI worksheets, driven headless."""

import asyncio
import json

from toolkit_widgets.storage import MemoryStore
from toolkit_widgets.views.small import RoiWorksheet, StageWorksheet


def test_stage_worksheet_names_the_best_fit_and_next_steps():
    store = MemoryStore()
    sheet = StageWorksheet(store)
    asyncio.run(sheet.keeper.restore())
    assert "Tick the statements" in sheet.results.value
    for key in ("strategic-1", "strategic-2", "tactical-1"):
        sheet.boxes[key].value = True
    assert "Best fit: <strong>Strategic</strong>" in sheet.results.value
    assert "toward the <strong>Embedded</strong> stage" in sheet.results.value
    assert json.loads(store.saved["culture_stage"])["answers"]["ticked"] == [
        "tactical-1",
        "strategic-1",
        "strategic-2",
    ]


def test_roi_worksheet_computes_and_explains_bad_costs():
    sheet = RoiWorksheet(MemoryStore())
    asyncio.run(sheet.keeper.restore())
    assert "Enter the benefits and the costs" in sheet.results.value
    sheet.benefits.value = 24000
    sheet.costs.value = 16000
    assert "50.0%" in sheet.results.value
    assert "1.50" in sheet.results.value
    sheet.costs.value = -5
    assert "Costs: enter a number of at least 0" in sheet.results.value
