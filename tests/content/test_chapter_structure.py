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


#: chapters split into one page per topic, so that a trainer can teach from any one page
SPLIT = ("the-coach", "implementation")
#: a page a trainer teaches from in one session stays about this long (words of Markdown)
TOPIC_WORDS = 1500


def _label_page(label: str) -> Path:
    """The page that defines ``(label)=``."""
    found = [p for p in DOCS.rglob("*.md") if f"({label})=" in p.read_text("utf-8")]
    assert len(found) == 1, (label, found)
    return found[0]


@pytest.mark.parametrize(
    "page", [p for c in SPLIT for p in sorted((DOCS / c).glob("*.md"))], ids=lambda p: p.stem
)
def test_each_topic_page_has_its_aims_and_reflection_questions(page):
    text = page.read_text("utf-8")
    assert "What you will be able to do" in text.split("\n## ", 1)[0]
    assert "## Reflection questions" in text
    assert len(text.split()) <= TOPIC_WORDS


def test_a_page_recommended_as_a_session_has_a_session_plan():
    first = re.search(r"Good first sessions:(.*?)\n\d\.", INDEX, re.S)
    assert first is not None
    labels = re.findall(r"<(ch-[a-z-]+)>", first[1])
    assert len(labels) >= 3
    for label in labels:
        page = _label_page(label)
        pages = page.parent.glob("*.md") if page.name == "index.md" else [page]
        assert any("## For trainers: a session plan" in p.read_text("utf-8") for p in pages), label


def test_exercises_and_session_plans_say_they_are_ours():
    """The book has no "Try it" exercises and no session plans: each says it is the site's."""
    labels = {
        "## Try it\n": "*Added by this site: an exercise of ours, not the book's.*",
        "## For trainers: a session plan\n": "*Added by this site: the book gives no session",
    }
    seen = 0
    for page in sorted(DOCS.rglob("*.md")):
        text = page.read_text("utf-8")
        for heading, label in labels.items():
            for part in text.split(heading)[1:]:
                seen += 1
                assert part.lstrip("\n").startswith(label), f"{page}: {heading.strip()}"
    assert seen >= 20  # five exercises and fifteen plans
