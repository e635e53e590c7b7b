"""The committed figures are what their data draws (docs/figures/figures.toml
through figure_kinds.py), every figure a page shows has its data, and a change to the
words changes the drawing. Redraw with: python3 docs/figures/make_figures.py"""

import copy
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ROOT / "docs" / "figures"
sys.path.insert(0, str(FIGURES))

import figure_kinds as kinds  # noqa: E402
import make_figures  # noqa: E402

DRAWN = make_figures.render_all()


@pytest.mark.parametrize("svg", sorted(DRAWN))
def test_committed_figure_is_what_its_data_draws(svg):
    committed = (FIGURES / svg).read_text("utf-8")
    assert committed == DRAWN[svg], (
        f"docs/figures/{svg} is not what figures.toml draws: "
        "run python3 docs/figures/make_figures.py and look at the result"
    )


def test_every_committed_and_every_shown_figure_has_its_data():
    committed = {p.name for p in FIGURES.glob("*.svg")}
    shown = set()
    for page in (ROOT / "docs").rglob("*.md"):
        shown |= set(re.findall(r"figures/([\w-]+\.svg)", page.read_text("utf-8")))
    assert committed == set(DRAWN)
    assert shown <= set(DRAWN), shown - set(DRAWN)
    assert make_figures.stale(DRAWN) == []


def test_a_changed_word_is_a_changed_figure():
    figures = make_figures.load_figures()
    spec = copy.deepcopy(figures["pdsa-cycle"])
    spec["nodes"][0]["gist"] = "Set aims; decide who acts, and when"
    redrawn = kinds.KINDS[spec["kind"]]("pdsa-cycle", spec)
    assert redrawn != DRAWN["pdsa-cycle.svg"]
    assert "Set aims; decide who" in redrawn


def test_names_a_book_table_holds_are_read_from_it():
    stages = [row["stage"] for row in kinds.load_table("implementation-stages")["rows"]]
    svg = DRAWN["implementation-stages.svg"]
    assert stages
    assert all(stage in svg for stage in stages)
    assert all(f"{i}. {stage}:" in svg for i, stage in enumerate(stages, 1))


def test_a_description_names_every_step_of_a_cycle_or_stack():
    figures = make_figures.load_figures()
    checked = 0
    for name, spec in figures.items():
        if spec["kind"] in ("cycle", "stack", "ladder"):
            desc = re.search(r"<desc[^>]*>(.*)</desc>", DRAWN[f"{name}.svg"], re.S)[1].lower()
            for step in kinds.node_names(spec):
                assert step.lower() in desc, (name, step)
                checked += 1
    assert checked > 40


def test_an_unknown_kind_is_named(monkeypatch):
    figures = make_figures.load_figures()
    figures["pdsa-cycle"]["kind"] = "spiral"
    monkeypatch.setattr(make_figures, "load_figures", lambda: figures)
    with pytest.raises(ValueError, match=r"pdsa-cycle: kind 'spiral'; known: cycle"):
        make_figures.render_all()


def test_text_too_long_for_its_box_stops_the_drawing():
    spec = copy.deepcopy(make_figures.load_figures()["pdsa-cycle"])
    spec["nodes"][1]["gist"] = " ".join(["much longer wording"] * 12)
    with pytest.raises(AssertionError, match="box too short"):
        kinds.cycle("pdsa-cycle", spec)
