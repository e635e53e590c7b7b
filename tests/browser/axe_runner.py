"""Run axe-core (a pinned npm release, served by no CDN) in pages and frames.

axe-core is fetched with ``npm pack`` into ``build/cache`` by the same code
that fetches Pyodide for the site (``_npm_tarball`` in docs/_ext/offline_lite.py),
then injected through Playwright, so the checks run fully offline.
"""

from __future__ import annotations

import functools
import importlib
import sys
import tarfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "cache"
AXE_VERSION = "4.14.1"
#: WCAG 2.1 levels A and AA, and axe's best practices (none of which is serious
#: or critical on this site today, so they add signal, not noise)
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
BLOCKING = ("serious", "critical")
#: folders of the built site that hold no Sphinx pages
NOT_PAGES = ("lite", "_static", "_sources", "_images")

#: (rule id, exact target selector) -> why this one finding is not ours to fix.
#: Each entry is third-party code this site cannot reasonably change.
ALLOWED: dict[tuple[str, str], str] = {}


@functools.cache
def axe_source() -> str:
    """The text of ``axe.min.js`` from the pinned npm package (packed once, then cached)."""
    sys.path.insert(0, str(ROOT / "docs" / "_ext"))
    try:
        offline_lite = importlib.import_module("offline_lite")
    finally:
        sys.path.pop(0)
    tarball = offline_lite._npm_tarball("axe-core", AXE_VERSION, CACHE)
    with tarfile.open(tarball) as archive:
        member = archive.extractfile("package/axe.min.js")
        assert member is not None, f"{tarball} has no axe.min.js"
        return member.read().decode("utf-8")


def site_pages(site: Path) -> list[str]:
    """Every page Sphinx built, as a path relative to the site root."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if relative.parts[0] not in NOT_PAGES:
            pages.append(relative.as_posix())
    return pages


def worksheet_pages(site: Path) -> list[str]:
    """The pages that hold at least one worksheet, found in their HTML."""
    return [page for page in site_pages(site) if "data-sheet=" in (site / page).read_text("utf-8")]


#: the rules whose outcome a change of colour mode can change: switching to
#: dark changes colours only, so a page's second mode needs only these
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def run_axe(
    target: Any, *, context: str = "document", rules: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """Run axe in a Playwright page or frame; return its serious and critical findings.

    Frames are checked one by one (``iframes: false``), each in its own
    document, so a finding names the frame it comes from. ``rules`` runs
    only those rules (of any tag); by default every rule of :data:`TAGS` runs.
    """
    if not target.evaluate("() => typeof window.axe === 'object'"):
        target.evaluate(axe_source())
    result = target.evaluate(
        """async ([context, tags, rules]) => {
            const runOnly = rules.length ? {type: "rule", values: rules}
                                         : {type: "tag", values: tags};
            const options = {runOnly, iframes: false, resultTypes: ["violations"]};
            const found = await axe.run(context === "document" ? document : context, options);
            return found.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.map(String),
                                          impact: n.impact, summary: n.failureSummary})),
            }));
        }""",
        [context, list(TAGS), list(rules)],
    )
    findings = []
    for violation in result:
        nodes = [
            node
            for node in violation["nodes"]
            if (node["impact"] or violation["impact"]) in BLOCKING
            and (violation["id"], " ".join(node["target"])) not in ALLOWED
        ]
        if nodes:
            findings.append({**violation, "nodes": nodes})
    return findings


def describe(where: str, findings: list[dict[str, Any]]) -> str:
    """A readable report: where, rule id, impact, each target and the rule's help."""
    lines = []
    for finding in findings:
        lines.append(f"{where}: {finding['id']} ({finding['impact']}) {finding['help']}")
        lines.append(f"    {finding['helpUrl']}")
        for node in finding["nodes"]:
            lines.append(f"    - {' '.join(node['target'])}")
            summary = (node["summary"] or "").replace("\n", " ")
            lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def set_theme(page: Any, mode: str) -> None:
    """Switch the page's colour mode as the theme's own mode buttons do."""
    page.evaluate(
        """mode => {
            const button = document.querySelector(`.theme-change-button[data-mode="${mode}"]`);
            button.click();
        }""",
        mode,
    )
    page.wait_for_function("mode => document.documentElement.dataset.theme === mode", arg=mode)
    settle(page)


def settle(target: Any) -> None:
    """Wait until no CSS transition is running: colours are checked as they come to rest."""
    target.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
