"""Results and print summary of the culture-of-coaching stage worksheet, as HTML.

The rule is ``toolkit_widgets.culture_stage.best_fit``; this module shows the
stage that fits best, the share of each stage's statements ticked and the
steps toward the next stage, with the label that the statements and the rule
are this site's (the toolkit describes the stages but gives no scoring).
Every text is escaped. Shared by the page's worksheet and the old widget view.
"""

from __future__ import annotations

from html import escape
from typing import Any

from toolkit_widgets import culture_stage
from toolkit_widgets.spec import load_stages

__all__ = ["ADDED_BY_SITE", "WAITING", "results_html", "summary_html"]

#: what the results say before anything is ticked
WAITING = "<p>Tick the statements that are true of your agency.</p>"
#: the rules this site adds, as the results label them
ADDED_BY_SITE = (
    "<p class='toolkit-addition'>Added by this site: the statements and the "
    "best-fit rule (a tie goes to the earlier stage). The four stages are "
    "Megginson &amp; Clutterbuck's (2005).</p>"
)


def results_html(answers: dict[str, Any]) -> str:
    """The best-fitting stage, the share of each stage ticked, and the next steps."""
    ticked = answers["ticked"]
    if not ticked:
        return WAITING
    fit = culture_stage.best_fit(ticked)
    stages = {s.id: s for s in culture_stage.stages()}
    shares = "".join(
        f"<tr><th scope='row'>{escape(stages[k].title)}</th><td>{round(v * 100)}%</td></tr>"
        for k, v in fit.share.items()
    )
    steps = "".join(f"<li>{escape(s)}</li>" for s in fit.next_steps)
    following = (
        f"toward the <strong>{escape(stages[fit.next_stage].title)}</strong> stage"
        if fit.next_stage
        else "to keep coaching embedded"
    )
    return (
        f"<p class='toolkit-verdict'>Best fit: <strong>"
        f"{escape(stages[fit.stage].title)}</strong>. "
        f"{escape(stages[fit.stage].description)}</p>"
        "<table><thead><tr><th scope='col'>Stage</th><th scope='col'>Statements ticked"
        f"</th></tr></thead><tbody>{shares}</tbody></table>"
        f"<p>Steps {following}:</p><ul>{steps}</ul>{ADDED_BY_SITE}"
    )


def summary_html(answers: dict[str, Any], results: str) -> str:
    """The printable summary: the statements ticked, stage by stage, then the results."""
    texts = culture_stage.indicator_ids()
    parts = []
    for stage in culture_stage.stages():
        ticked = [
            f"<li>{escape(texts[i])}</li>"
            for i in answers["ticked"]
            if i.startswith(f"{stage.id}-")
        ]
        parts.append(
            f"<h4>{escape(stage.title)}</h4>"
            + (f"<ul>{''.join(ticked)}</ul>" if ticked else "<p>None ticked.</p>")
        )
    return (
        "<h2>Culture-of-coaching stage</h2><h3>Statements ticked</h3>"
        f"{''.join(parts)}<h3>Results</h3>{results}"
        f"<p>Source: {escape(load_stages().source)}</p>"
    )
