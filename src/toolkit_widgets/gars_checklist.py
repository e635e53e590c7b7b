"""The toolkit's eight finalizing questions for a GARS, as structured checks.

Some questions a program can judge from the text of the levels; those give
warnings (empty or repeated levels, a level joining behaviours with "and",
"or" or "as well as", an expected level with no quantity, an abbreviation
never spelled out). The rest are questions for the learner to confirm. The
heuristics are ours and can be wrong in both directions, so a warning asks
the learner to look again; it never blocks scoring.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from toolkit_widgets.spec import load_gars

__all__ = ["Finding", "review_goal"]

_JOINED = re.compile(r"\b(and|or|as well as)\b", re.IGNORECASE)
_QUANTITY = re.compile(
    r"\d|%|\b(once|twice|every|each|daily|weekly|monthly|per|half|all|none|most|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|times?|minutes?|hours?|days?|"
    r"weeks?|months?)\b",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9]{1,}s?\b")


@dataclass(frozen=True)
class Finding:
    check: str  # id of the checklist question it belongs to
    message: str
    level: int | None = None  # the level the finding is about, if one


def _code(code: int) -> str:
    return f"{code:+d}" if code else "0"


def _defined_abbreviations(text: str) -> set[str]:
    """Abbreviations given in brackets after their long form: 'Family Team Meeting (FTM)'."""
    return set(re.findall(r"\(([A-Z][A-Z0-9]+)s?\)", text))


def review_goal(
    goal: str, levels: Mapping[int, str]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """Return (warnings, questions to confirm) for one goal and its five level texts."""
    instrument = load_gars()
    texts = {code: (levels.get(code) or "").strip() for code in instrument.codes}
    warnings: list[Finding] = []
    for code, text in texts.items():
        if not text:
            warnings.append(
                Finding("measurable", f"Level {_code(code)} has no description yet.", code)
            )
        elif _JOINED.search(text):
            word = _JOINED.search(text).group(0)  # type: ignore[union-attr]
            warnings.append(
                Finding(
                    "one_behaviour",
                    f'Level {_code(code)} joins parts with "{word}": is it one behavior? '
                    "If not, give each its own scale.",
                    code,
                )
            )
    seen: dict[str, int] = {}
    for code, text in texts.items():
        key = " ".join(text.lower().split())
        if key and key in seen:
            warnings.append(
                Finding(
                    "no_overlap", f"Levels {_code(seen[key])} and {_code(code)} say the same.", code
                )
            )
        seen.setdefault(key, code)
    if texts[0] and not _QUANTITY.search(texts[0]):
        warnings.append(
            Finding(
                "measurable",
                "The expected level (0) gives no number or frequency: say how much, "
                "how often or how long.",
                0,
            )
        )
    everything = " ".join([goal, *texts.values()])
    defined = _defined_abbreviations(everything)
    for abbreviation in sorted(set(_ABBREVIATION.findall(everything))):
        if abbreviation.rstrip("s") not in defined and abbreviation not in defined:
            warnings.append(
                Finding(
                    "terms_defined",
                    f'"{abbreviation}" is not spelled out: write the long form once '
                    f'with "({abbreviation})" after it.',
                )
            )
    questions = tuple(
        Finding(check.id, check.text) for check in instrument.checklist if check.judged == "confirm"
    )
    return tuple(warnings), questions
