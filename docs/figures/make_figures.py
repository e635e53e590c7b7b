#!/usr/bin/env python3
"""Draw the site's figures as accessible SVG files, from their data.

    python3 docs/figures/make_figures.py          # write every figure
    python3 docs/figures/make_figures.py --check  # list figures that differ; exit 1 if any

The words of every figure are in figures.toml (names the book's tables hold
are read from src/toolkit_widgets/tables); figure_kinds.py has one drawing function
per kind of figure; figure_svg.py the primitives and their checks. Standard library
only. tests/unit/test_figures.py runs the same drawing and fails when a
committed SVG is not what it produces, so an edit to the data or the code
must come with its redrawn figures.

Conventions the primitives check as they draw:
- viewBox sizing only (no width/height), so a figure scales to any screen;
- an opaque light background, system font stack, text 16 units or larger;
- role="img" with <title> and <desc>; no scripts, links, fonts or images;
- every text colour has a contrast of at least 4.5:1 against what lies under it.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from figure_kinds import KINDS  # noqa: E402


def load_figures() -> dict[str, dict]:
    """Every figure's data, by the name of its SVG file."""
    return tomllib.loads((HERE / "figures.toml").read_text(encoding="utf-8"))


def render_all() -> dict[str, str]:
    """Every figure drawn as SVG text, by file name; an unknown kind names the known ones."""
    drawn = {}
    for name, spec in load_figures().items():
        kind = spec.get("kind")
        if kind not in KINDS:
            raise ValueError(f"figures.toml: {name}: kind {kind!r}; known: {', '.join(KINDS)}")
        drawn[f"{name}.svg"] = KINDS[kind](name, spec)
    return drawn


def stale(drawn: dict[str, str]) -> list[str]:
    """Files whose committed text differs from the drawing, and SVGs no figure draws."""
    differ = [
        f
        for f, svg in drawn.items()
        if not (HERE / f).exists() or (HERE / f).read_text(encoding="utf-8") != svg
    ]
    orphans = [p.name for p in HERE.glob("*.svg") if p.name not in drawn]
    return sorted(differ + orphans)


def main(argv: list[str]) -> int:
    drawn = render_all()
    if "--check" in argv:
        bad = stale(drawn)
        for f in bad:
            print(f"differs from its data: {f}")
        return 1 if bad else 0
    for f, svg in drawn.items():
        (HERE / f).write_text(svg, encoding="utf-8")
        print(f"wrote {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
