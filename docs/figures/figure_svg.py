"""Drawing primitives for the site's figures: text, boxes, arrows, checks.

Standard library only, so the figures can be redrawn anywhere. Every text a
primitive writes is checked as it is written: 16 units or larger, and a
contrast of at least 4.5:1 against what lies under it; a box too small for its
words, or a line wider than its room, stops the drawing with the reason.
The figures themselves are data (figures.toml) drawn by figure_kinds.py.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

# Palette: dark text on very light fills.
BG = "#fcfcfa"
TEXT = "#1b1b1b"
MUTED = "#3f3f3f"  # secondary text, still well above 4.5:1 on every fill
LINE = "#4a4a4a"
FILLS = {
    "blue": "#dbe9f7",
    "green": "#dcefdc",
    "yellow": "#fdf0c4",
    "rose": "#f8dede",
    "lilac": "#e7e1f5",
    "teal": "#d4eeec",
    "grey": "#ececec",
    "white": "#ffffff",
}
STROKES = {
    "blue": "#3a5f8a",
    "green": "#3d7a3d",
    "yellow": "#8a6d12",
    "rose": "#9a4040",
    "lilac": "#5b4a8a",
    "teal": "#2c7370",
    "grey": "#5a5a5a",
    "white": "#5a5a5a",
}
MIN_FONT = 16
CHAR_W = 0.55  # rough average glyph width of a system sans-serif, in em


# ---------------------------------------------------------------- checks
def _lum(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    chans = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in chans]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_lum(a), _lum(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def check_text(fg: str, bg: str, size: float) -> None:
    assert size >= MIN_FONT, f"font {size} below {MIN_FONT}"
    ratio = contrast(fg, bg)
    assert ratio >= 4.5, f"contrast {ratio:.2f} of {fg} on {bg}"


def text_width(s: str, size: float, bold: bool = False) -> float:
    return len(s) * size * CHAR_W * (1.06 if bold else 1.0)


def wrap(s: str, max_px: float, size: float) -> list[str]:
    """Greedy word wrap by estimated width."""
    lines: list[str] = []
    cur = ""
    for word in s.split():
        trial = f"{cur} {word}".strip()
        if cur and text_width(trial, size) > max_px:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines


# ---------------------------------------------------------------- primitives
def text(
    x,
    y,
    lines,
    size=16,
    bold=False,
    anchor="middle",
    fill=TEXT,
    under=BG,
    lh=1.25,
    first_bold=False,
    max_w=None,
):
    """A block of lines whose vertical centre is y."""
    if isinstance(lines, str):
        lines = [lines]
    check_text(fill, under, size)
    n = len(lines)
    y0 = y - (n - 1) * lh * size / 2 + 0.35 * size
    out = [
        f'<text x="{x:.1f}" y="{y0:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"'
        + (' font-weight="bold"' if bold else "")
        + ">"
    ]
    for i, line in enumerate(lines):
        b = bold or (first_bold and i == 0)
        if max_w is not None:
            w = text_width(line, size, b)
            assert w <= max_w + 1, f"text too wide ({w:.0f} > {max_w}): {line!r}"
        dy = "0" if i == 0 else f"{lh * size:.1f}"
        weight = ' font-weight="bold"' if (first_bold and i == 0 and not bold) else ""
        out.append(f'<tspan x="{x:.1f}" dy="{dy}"{weight}>{escape(line)}</tspan>')
    out.append("</text>")
    return "".join(out)


def box(cx, cy, w, h, colour, title, body="", size=16, title_size=17, rx=10, stroke_w=2):
    """A rounded box with a bold title line and wrapped body text."""
    fill, stroke = FILLS[colour], STROKES[colour]
    inner = w - 20
    lines = wrap(title, inner, title_size)
    body_lines = wrap(body, inner, size) if body else []
    parts = [
        f'<rect x="{cx - w / 2:.1f}" y="{cy - h / 2:.1f}" width="{w}" height="{h}" rx="{rx}" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="{stroke_w}"/>'
    ]
    lh_px = 1.25
    heights = len(lines) * title_size * lh_px + len(body_lines) * size * lh_px
    assert heights <= h - 6, f"box too short for {title!r}: needs {heights:.0f}, has {h}"
    # title block then body block, centred together
    top = cy - heights / 2
    if lines:
        ty = top + len(lines) * title_size * lh_px / 2
        parts.append(text(cx, ty, lines, title_size, bold=True, under=fill, max_w=inner))
    if body_lines:
        by = top + len(lines) * title_size * lh_px + len(body_lines) * size * lh_px / 2
        parts.append(text(cx, by, body_lines, size, fill=MUTED, under=fill, max_w=inner))
    return "".join(parts)


def line(x1, y1, x2, y2, arrow_end=True, arrow_start=False, dashed=False, width=2.5, colour=LINE):
    attrs = f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" stroke-width="{width}"'
    if dashed:
        attrs += ' stroke-dasharray="7 5"'
    if arrow_end:
        attrs += ' marker-end="url(#ah)"'
    if arrow_start:
        attrs += ' marker-start="url(#ah)"'
    return f"<line {attrs}/>"


def exit_point(cx, cy, w, h, tx, ty, gap=6):
    """Where the ray from a box centre toward (tx, ty) leaves the box, plus a gap."""
    dx, dy = tx - cx, ty - cy
    dist = math.hypot(dx, dy)
    sx = (w / 2) / abs(dx) if dx else math.inf
    sy = (h / 2) / abs(dy) if dy else math.inf
    s = min(sx, sy)
    return cx + dx * s + dx / dist * gap, cy + dy * s + dy / dist * gap


def connect(a, b, **kw):
    """Straight arrow between two boxes given as (cx, cy, w, h)."""
    x1, y1 = exit_point(*a, b[0], b[1])
    x2, y2 = exit_point(*b, a[0], a[1])
    return line(x1, y1, x2, y2, **kw)


def _inside(px, py, bx, gap=8):
    cx, cy, w, h = bx
    return abs(px - cx) <= w / 2 + gap and abs(py - cy) <= h / 2 + gap


def arc_arrow(cx, cy, r, a1, a2, box1, box2, dashed=False):
    """Clockwise arc on the circle (cx, cy, r) from box1 (at angle a1) to box2 (a2), degrees."""
    if a2 <= a1:
        a2 += 360
    step = 0.5
    s = a1
    while _inside(cx + r * math.cos(math.radians(s)), cy + r * math.sin(math.radians(s)), box1):
        s += step
    e = a2
    while _inside(
        cx + r * math.cos(math.radians(e)), cy + r * math.sin(math.radians(e)), box2, gap=12
    ):
        e -= step
    x1, y1 = cx + r * math.cos(math.radians(s)), cy + r * math.sin(math.radians(s))
    x2, y2 = cx + r * math.cos(math.radians(e)), cy + r * math.sin(math.radians(e))
    large = 1 if (e - s) > 180 else 0
    dash = ' stroke-dasharray="7 5"' if dashed else ""
    return (
        f'<path d="M{x1:.1f},{y1:.1f} A{r},{r} 0 {large} 1 {x2:.1f},{y2:.1f}" fill="none" '
        f'stroke="{LINE}" stroke-width="2.5"{dash} marker-end="url(#ah)"/>'
    )


DEFS = (
    '<defs><marker id="ah" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" '
    f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{LINE}"/></marker></defs>'
)


def document(name: str, w: float, h: float, title: str, desc: str, body: list[str]) -> str:
    """A whole SVG file: sized by viewBox only, named by its title and description."""
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" '
        f'aria-labelledby="{name}-title {name}-desc" font-family="system-ui, sans-serif">\n'
        f'<title id="{name}-title">{escape(title)}</title>\n'
        f'<desc id="{name}-desc">{escape(desc)}</desc>\n'
        f"{DEFS}\n"
        f'<rect x="0" y="0" width="{w}" height="{h}" fill="{BG}"/>\n'
        + "\n".join(body)
        + "\n</svg>\n"
    )
    for banned in ("<script", "<image", "href=", "@font-face", "<foreignObject"):
        assert banned not in svg, banned
    return svg
