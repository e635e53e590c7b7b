"""The site's text is ours: no run of 12 or more words in common with the book.

Every page, data file, notebook and module is compared with the seed texts
(``../shared/seeds`` beside the checkout). Short quotations the site must keep
verbatim, such as publication titles, are listed in ALLOWED with a reason.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 12
WORD = re.compile(r"[a-z0-9']+")
SCANNED = {".md", ".json", ".ipynb", ".py", ".txt", ".toml", ".css", ".js"}
SKIPPED = {".git", "build", ".venv", "node_modules", "_contents", "__pycache__"}
#: runs allowed to match, each with why (none needed so far)
ALLOWED: dict[str, str] = {}


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("\u2019", "'"))


@pytest.fixture(scope="module")
def seed_runs() -> set[tuple[str, ...]]:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed texts are not beside this checkout ({SEEDS})")
    runs: set[tuple[str, ...]] = set()
    for seed in SEEDS.glob("*.txt"):
        text = words(seed.read_text("utf-8", errors="ignore"))
        runs.update(tuple(text[i : i + RUN]) for i in range(len(text) - RUN + 1))
    return runs


def project_files() -> list[Path]:
    return [
        path
        for path in sorted(ROOT.rglob("*"))
        if path.suffix in SCANNED
        and path.is_file()
        and not SKIPPED & set(path.relative_to(ROOT).parts)
        and path != Path(__file__)
    ]


def first_shared(text: str, seed_runs: set[tuple[str, ...]]) -> str | None:
    """The first run of RUN words ``text`` shares with the seeds, if any."""
    found = words(text)
    for i in range(len(found) - RUN + 1):
        run = " ".join(found[i : i + RUN])
        if tuple(found[i : i + RUN]) in seed_runs and run not in ALLOWED:
            return run
    return None


def test_no_text_shares_twelve_words_in_a_row_with_the_book(seed_runs):
    shared = {}
    for path in project_files():
        run = first_shared(path.read_text("utf-8", errors="ignore"), seed_runs)
        if run:
            shared[str(path.relative_to(ROOT))] = run
    assert shared == {}


def test_the_check_catches_a_copied_sentence_inside_our_prose(seed_runs):
    book = words(next(iter(sorted(SEEDS.glob("002_*.txt")))).read_text("utf-8"))
    copied = " ".join(book[5000:5015])
    page = f"Our own introduction. {copied.upper()}! And our own ending."
    assert first_shared(page, seed_runs) == " ".join(book[5000:5012])
