"""Every chapter opens with what the reader will be able to do and closes with
reflection questions and a trainer's session plan; the home page routes each
kind of reader."""

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
INDEX = (DOCS / "index.md").read_text("utf-8")
CHAPTERS = re.findall(r"^([a-z-]+)/index$", INDEX, re.M)


def test_the_home_page_lists_the_chapters_and_a_path_for_each_reader():
    assert len(CHAPTERS) >= 13
    for reader in ("Learners", "Trainers", "Supervisors", "Agency leaders"):
        assert f":::{{tab-item}} {reader}" in INDEX


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_opens_with_aims_and_closes_with_reflection_and_a_plan(chapter):
    folder = DOCS / chapter
    opening = (folder / "index.md").read_text("utf-8")
    assert "What you will be able to do" in opening.split("\n## ", 1)[0]
    pages = "\n".join(p.read_text("utf-8") for p in folder.glob("*.md"))
    assert "## Reflection questions" in pages
    assert "## For trainers: a session plan" in pages
