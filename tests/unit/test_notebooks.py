"""The "Python under the hood" notebooks run, with an exported file and without one.

Their code cells are run in CPython in a clean folder, as JupyterLite would run
them in the browser, so a change to the public scoring functions that breaks
a notebook is caught here.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "worksheets").glob("*.ipynb"))
#: answers the site really kept (tests/fixtures/stored): each value is an export envelope
STORED = ROOT / "tests" / "fixtures" / "stored"


def run(notebook: Path, folder: Path) -> str:
    """Run every code cell in ``folder``; return what they printed."""
    cells = json.loads(notebook.read_text("utf-8"))["cells"]
    printed = io.StringIO()
    namespace: dict[str, object] = {}
    here = Path.cwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(printed):
            for cell in cells:
                if cell["cell_type"] == "code":
                    exec(compile("".join(cell["source"]), notebook.name, "exec"), namespace)
    finally:
        os.chdir(here)
    return printed.getvalue()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_runs_on_its_example(notebook, tmp_path):
    assert "using an example" in run(notebook, tmp_path)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_reads_a_learners_export(notebook, tmp_path):
    record = json.loads((STORED / f"{notebook.stem}.json").read_text("utf-8"))
    (tmp_path / f"{notebook.stem}-answers-2026-11-20.json").write_text(record["value"], "utf-8")
    printed = run(notebook, tmp_path)
    assert f"Read {notebook.stem}-answers-2026-11-20.json" in printed
