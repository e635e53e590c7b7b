"""Every chapter, table and figure of the book that the seed inventory lists has
a home on the site: a chapter page, a table data file, a drawn figure, or (for
the few whose body the book lost) a page that says so.

The inventory is ../shared/research/seeds.md; without it the test is skipped.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INVENTORY = ROOT.parent / "shared" / "research" / "seeds.md"
DOCS = ROOT / "docs"
TABLES = ROOT / "src" / "toolkit_widgets" / "tables"
INSTRUMENTS = ROOT / "src" / "toolkit_widgets" / "instruments"

pytestmark = pytest.mark.skipif(not INVENTORY.exists(), reason="seed inventory not present")


def _section(title_start: str) -> str:
    text = INVENTORY.read_text("utf-8")
    start = text.index(f"## {title_start}")
    end = text.find("\n## ", start + 3)
    return text[start:end]


def _pages() -> dict[Path, str]:
    return {p: p.read_text("utf-8") for p in DOCS.rglob("*.md") if "_" not in p.parts[-2][:1]}


def _chapters() -> list[str]:
    rows = re.findall(r"^\| (\d+ [^|]+?|Final thoughts) \|", _section("1."), re.M)
    names = [re.sub(r"^\d+ ", "", row) for row in rows]
    return [re.sub(r"\s*\(.*\)$", "", name) for name in names]


def _book_refs() -> set[str]:
    refs = set()
    for folder in (TABLES, INSTRUMENTS):
        for path in folder.glob("*.json"):
            data = json.loads(path.read_text("utf-8"))
            refs.add(data.get("book_ref", ""))
    return refs


def _rows_of_table_2() -> list[tuple[str, str]]:
    """(id cell, whole row) for every row of inventory section 2."""
    return re.findall(r"^\| ((?:Tables?|Fig)[^|]*?) \|(.*)$", _section("2."), re.M)


def test_the_inventory_is_read():
    assert len(_chapters()) == 12
    assert len(_rows_of_table_2()) > 30


@pytest.mark.parametrize("chapter", _chapters() if INVENTORY.exists() else [])
def test_every_chapter_has_a_page(chapter):
    titles = [
        m.group(1).casefold()
        for text in _pages().values()
        for m in [re.search(r"^# (.+)$", text, re.M)]
        if m
    ]
    wanted = chapter.casefold().replace("continuous quality improvement", "continuous quality")
    assert any(wanted.split()[0] in t and wanted.split()[-1] in t for t in titles), chapter


def _table_ids() -> list[str]:
    ids = []
    for cell, _row in _rows_of_table_2() if INVENTORY.exists() else []:
        for number in re.findall(r"(\d+\.\d+)", cell):
            if cell.startswith("Table"):
                ids.append(f"Table {number}")
    return sorted(set(ids))


def _missing_body(ref: str) -> bool:
    for cell, row in _rows_of_table_2():
        if ref.split()[-1] in cell and ("body missing" in row or "absent" in row):
            return True
    return False


@pytest.mark.parametrize("ref", _table_ids())
def test_every_table_is_data_or_its_gap_is_explained(ref):
    if _missing_body(ref):
        assert any(ref in text for text in _pages().values()), f"no page mentions {ref}"
    else:
        assert ref in _book_refs(), f"no data file has book_ref {ref!r}"


def test_every_listed_figure_is_drawn_or_explained():
    figures = {p.stem for p in (DOCS / "figures").glob("*.svg")}
    pages = "\n".join(_pages().values())
    numbers = sorted(
        {
            n
            for cell, _ in _rows_of_table_2()
            for part in cell.split("/")
            if "Table" not in part
            for n in re.findall(r"\d+\.\d+", part)
        }
    )
    unexplained = [n for n in numbers if f"Figure {n}" not in pages and f"Fig {n}" not in pages]
    assert len(figures) >= 15
    assert unexplained == []
