"""Charts as plain SVG text: no plotting library, no network, readable in print.

Each chart carries a ``<title>`` and a ``<desc>`` that say in words what it
shows; worksheets also show the same numbers in a table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

__all__ = ["bar_chart", "gars_levels_chart", "scaling_chart"]

_WIDTH, _HEIGHT = 520, 260
_LEFT, _RIGHT, _TOP, _BOTTOM = 210, 60, 20, 40
#: line styles that differ without colour, for print and colour-blind readers
_DASHES = ("", "6 4", "2 3", "10 3 2 3", "1 5")
_COLOURS = ("#1f5fa8", "#b35900", "#2e7d32", "#8e24aa", "#555555")


def _y(level: float) -> float:
    span = _HEIGHT - _TOP - _BOTTOM
    return _TOP + (2 - level) / 4 * span


def _x(index: int, count: int) -> float:
    span = _WIDTH - _LEFT - _RIGHT
    return _LEFT + (span / 2 if count == 1 else index * span / (count - 1))


def gars_levels_chart(
    times: Sequence[str],
    goals: Sequence[tuple[str, Sequence[int | None]]],
    t_scores: Sequence[float | None],
    level_names: dict[int, str],
) -> str:
    """Levels of each goal at each time point, with the T-score on a matching scale.

    The right-hand axis reads the same heights as T-scores (30 to 70), so the
    dashed black T-score line sits where one goal of weight 1 would: T = 50 + 10x.
    """
    parts = [
        f'<svg viewBox="0 0 {_WIDTH} {_HEIGHT}" '
        'role="img" aria-labelledby="gars-chart-title gars-chart-desc" class="toolkit-chart">',
        '<title id="gars-chart-title">Goal levels and T-score over time</title>',
    ]
    described = []
    for name, levels in goals:
        said = ", ".join(
            f"{time}: {'not rated' if level is None else f'{level:+d}'}"
            for time, level in zip(times, levels, strict=True)
        )
        described.append(f"{name}: {said}")
    t_said = ", ".join(
        f"{time}: {'none' if t is None else f'{t:.1f}'}"
        for time, t in zip(times, t_scores, strict=True)
    )
    parts.append(
        f'<desc id="gars-chart-desc">{escape("; ".join(described))}; '
        f"T-score {escape(t_said)}.</desc>"
    )
    for level in range(-2, 3):
        y = _y(level)
        parts.append(
            f'<line x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#bbbbbb" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{_LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" '
            f'font-size="11">{escape(level_names[level])}</text>'
        )
        parts.append(
            f'<text x="{_WIDTH - _RIGHT + 8}" y="{y + 4:.1f}" font-size="11">'
            f"T {50 + 10 * level}</text>"
        )
    for index, time in enumerate(times):
        parts.append(
            f'<text x="{_x(index, len(times)):.1f}" y="{_HEIGHT - 12}" '
            f'text-anchor="middle" font-size="12">{escape(time)}</text>'
        )
    for number, (_name, levels) in enumerate(goals):
        colour, dash = _COLOURS[number % 5], _DASHES[number % 5]
        points = [(index, level) for index, level in enumerate(levels) if level is not None]
        path = " ".join(f"{_x(i, len(times)):.1f},{_y(level):.1f}" for i, level in points)
        if len(points) > 1:
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" '
                f'stroke-width="2" stroke-dasharray="{dash}"/>'
            )
        for index, level in points:
            x, y = _x(index, len(times)), _y(level)
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>')
            parts.append(
                f'<text x="{x + 6:.1f}" y="{y - 6:.1f}" font-size="10" '
                f'fill="{colour}">G{number + 1}</text>'
            )
    t_points = [
        (index, max(-2.0, min(2.0, (t - 50) / 10)))
        for index, t in enumerate(t_scores)
        if t is not None
    ]
    if len(t_points) > 1:
        path = " ".join(f"{_x(i, len(times)):.1f},{_y(v):.1f}" for i, v in t_points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="#000000" '
            'stroke-width="2.5" stroke-dasharray="8 3"/>'
        )
    for index, value in t_points:
        parts.append(
            f'<rect x="{_x(index, len(times)) - 4:.1f}" y="{_y(value) - 4:.1f}" '
            'width="8" height="8" fill="#000000"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def scaling_chart(question: str, points: Sequence[tuple[str, int]], top: int = 10) -> str:
    """Ratings (0 to ``top``) at each dated session, joined by a line."""
    said = ", ".join(f"{date}: {rating}" for date, rating in points) or "no ratings yet"
    parts = [
        f'<svg viewBox="0 0 {_WIDTH} {_HEIGHT}" role="img" '
        'aria-labelledby="scaling-chart-title scaling-chart-desc" class="toolkit-chart">',
        f'<title id="scaling-chart-title">{escape(question)}: ratings over time</title>',
        f'<desc id="scaling-chart-desc">{escape(said)}.</desc>',
    ]
    left, span_y = 60, _HEIGHT - _TOP - _BOTTOM

    def y(rating: float) -> float:
        return _TOP + (top - rating) / top * span_y

    def x(index: int) -> float:
        span = _WIDTH - left - 30
        return left + (span / 2 if len(points) == 1 else index * span / (len(points) - 1))

    for rating in range(0, top + 1, 2):
        parts.append(
            f'<line x1="{left}" x2="{_WIDTH - 30}" y1="{y(rating):.1f}" '
            f'y2="{y(rating):.1f}" stroke="#bbbbbb" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 8}" y="{y(rating) + 4:.1f}" text-anchor="end" '
            f'font-size="11">{rating}</text>'
        )
    if len(points) > 1:
        path = " ".join(f"{x(i):.1f},{y(r):.1f}" for i, (_d, r) in enumerate(points))
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{_COLOURS[0]}" stroke-width="2"/>'
        )
    for index, (date, rating) in enumerate(points):
        parts.append(
            f'<circle cx="{x(index):.1f}" cy="{y(rating):.1f}" r="4" fill="{_COLOURS[0]}"/>'
        )
        parts.append(
            f'<text x="{x(index):.1f}" y="{_HEIGHT - 12}" text-anchor="middle" '
            f'font-size="10">{escape(date)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(title: str, bars: Sequence[tuple[str, float]], low: float, high: float) -> str:
    """Horizontal bars from ``low`` to ``high``, one per (label, value), labelled with values."""
    said = "; ".join(f"{label}: {value:g}" for label, value in bars)
    row, left, right = 28, 230, 60
    height = _TOP + row * len(bars) + 24
    parts = [
        f'<svg viewBox="0 0 {_WIDTH} {height}" role="img" class="toolkit-chart" '
        f'aria-label="{escape(title)}: {escape(said)}">',
        f"<title>{escape(title)}</title>",
    ]
    span = _WIDTH - left - right
    for index, (label, value) in enumerate(bars):
        y = _TOP + index * row
        width = max(0.0, (value - low) / (high - low) * span)
        parts.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" font-size="11">'
            f"{escape(label)}</text>"
        )
        parts.append(
            f'<rect x="{left}" y="{y + 3}" width="{width:.1f}" height="16" '
            f'fill="{_COLOURS[index % 5]}"/>'
        )
        parts.append(
            f'<text x="{left + width + 6:.1f}" y="{y + 15}" font-size="11">{value:g}</text>'
        )
    parts.append(f'<text x="{left}" y="{height - 6}" font-size="10">{low:g}</text>')
    parts.append(
        f'<text x="{_WIDTH - right}" y="{height - 6}" text-anchor="end" '
        f'font-size="10">{high:g}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
