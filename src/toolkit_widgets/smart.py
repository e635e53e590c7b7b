"""Check a coaching goal against the five SMART elements and say what is missing.

The toolkit (after Meyer, 2003) asks that goals be specific, measurable,
achievable, result focused and time limited, and gives questions to test each
(``tables/smart-elements.json``). The learner answers those questions in the
SMART builder form; this module reads the answers and says, element by
element, whether the goal meets it and what to add.

The tests are ours, not the book's (the page says so): an element is met
when its questions are answered; a measure needs a number or a count word;
the listed vague verbs are flagged; a date more than six months away gets a
nudge toward a nearer milestone, echoing the book's six-month, six-week and
today questions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["ElementCheck", "goal_sentence", "review"]

#: words that say a goal is wanted without saying what will be seen (ours)
VAGUE = (
    "better",
    "improve",
    "improved",
    "more",
    "good",
    "effective",
    "effectively",
    "appropriate",
    "appropriately",
    "understand",
    "enhance",
)
#: a measure names an amount: a digit, a count word or a share
_AMOUNT = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twice|once|half|all|every|each|"
    r"daily|weekly|monthly|percent|per cent)\b",
    re.IGNORECASE,
)
#: a target further off than this gets a nudge toward a nearer milestone
NEAR_DAYS = 183


@dataclass(frozen=True)
class ElementCheck:
    letter: str
    element: str
    met: bool
    #: what to add or change; empty when the element is met
    advice: tuple[str, ...]


def _filled(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _vague_words(text: str) -> list[str]:
    words = re.findall(r"[a-z]+", text.lower())
    return [word for word in VAGUE if word in words]


def _specific(a: dict[str, Any]) -> ElementCheck:
    s = a["specific"]
    advice = [
        message
        for key, message in (
            ("who", "Say who takes part: the learner, and anyone else involved."),
            ("what", "Say what the learner will do, as something another person could see."),
            ("where", "Say where or in which kind of case or meeting it will happen."),
            ("why", "Say why it matters: the purpose or benefit."),
        )
        if not _filled(s[key])
    ]
    vague = _vague_words(f"{s['what']} {a['goal']['statement']}")
    if vague and not _AMOUNT.search(f"{s['what']} {a['goal']['statement']}"):
        advice.append(
            f"Words such as {', '.join(repr(v) for v in vague)} say a change is wanted "
            "but not what will be seen. Name the skill or behavior instead."
        )
    return ElementCheck("S", "Specific", not advice, tuple(advice))


def _measurable(a: dict[str, Any]) -> ElementCheck:
    m = a["measurable"]
    advice = []
    if not _filled(m["how_much"]):
        advice.append("Say how much or how many: a count, a share, how often or how long.")
    elif not _AMOUNT.search(m["how_much"]):
        advice.append("The measure has no number in it. Put a number on it.")
    if not _filled(m["how_know"]):
        advice.append("Say how you will both know the goal has been reached.")
    return ElementCheck("M", "Measurable", not advice, tuple(advice))


def _ticks(
    a: dict[str, Any], section: str, letter: str, element: str, labels: dict
) -> ElementCheck:
    advice = tuple(f"Not yet: {labels[key]}" for key, ticked in a[section].items() if not ticked)
    return ElementCheck(letter, element, not advice, advice)


def _time(a: dict[str, Any], today: dt.date) -> ElementCheck:
    when = a["time"]["by_when"]
    if not when:
        return ElementCheck("T", "Time limited", False, ("Set a target date.",))
    target = dt.date.fromisoformat(when)
    if target <= today:
        return ElementCheck(
            "T", "Time limited", False, (f"The target date {when} is not in the future.",)
        )
    if (target - today).days > NEAR_DAYS:
        return ElementCheck(
            "T",
            "Time limited",
            True,
            ("The date is more than six months away: add a milestone for the next six weeks.",),
        )
    return ElementCheck("T", "Time limited", True, ())


def review(answers: dict[str, Any], labels: dict[str, str], today: dt.date) -> list[ElementCheck]:
    """One check per SMART element, in order. ``labels`` maps a tick's id to its question."""
    return [
        _specific(answers),
        _measurable(answers),
        _ticks(answers, "achievable", "A", "Achievable", labels),
        _ticks(answers, "relevant", "R", "Result focused", labels),
        _time(answers, today),
    ]


def goal_sentence(answers: dict[str, Any]) -> str:
    """The goal as one sentence: the learner's own wording, else built from the parts."""
    own = answers["goal"]["statement"].strip()
    if own:
        return own
    s, m, t = answers["specific"], answers["measurable"], answers["time"]
    if not (_filled(s["who"]) and _filled(s["what"])):
        return ""
    sentence = f"{s['who'].strip()} will {s['what'].strip()}"
    if _filled(s["where"]):
        sentence += f" {s['where'].strip()}"
    if _filled(m["how_much"]):
        sentence += f" ({m['how_much'].strip()})"
    if t["by_when"]:
        sentence = f"By {t['by_when']}, {sentence}"
    return sentence.rstrip(".") + "."
