#!/usr/bin/env python3
"""Draw the site's figures as accessible SVG files (standard library only).

Run from anywhere:  python3 docs/figures/make_figures.py

Every figure is redrawn for this site from the book's description; none copies
the book's artwork. Figures built from numbers read them from data:
Table 2.1 from src/toolkit_widgets/tables/table-2-1.json, the model stage
names from table-6-1.json, implementation-stages.json and feedback-ladder.json,
and the adoption curve is computed from the shares in adopter-categories.json
with statistics.NormalDist (each boundary is the normal quantile of the
cumulative share).

Conventions checked by this script:
- viewBox sizing only (no width/height), so a figure scales to any screen;
- an opaque light background, system font stack, text 16 units or larger;
- role="img" with <title> and <desc>; no scripts, links, fonts or images;
- every text colour has a contrast of at least 4.5:1 against what lies under it.
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path
from statistics import NormalDist
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
TABLES = HERE.parent.parent / "src" / "toolkit_widgets" / "tables"

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


def write_svg(name, w, h, title, desc, body):
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
    (HERE / f"{name}.svg").write_text(svg, encoding="utf-8")
    print(f"wrote {name}.svg")


def load_table(table_id):
    return json.loads((TABLES / f"{table_id}.json").read_text(encoding="utf-8"))


def stage_names(model_prefix):
    """Stage names of one model in Table 6.1's data file, without their numbers."""
    for row in load_table("table-6-1")["rows"]:
        if row["model"].startswith(model_prefix):
            return [s.split(". ", 1)[1] if ". " in s[:4] else s for s in row["stages"]]
    raise KeyError(model_prefix)


# ---------------------------------------------------------------- cycles
def cycle_figure(
    name,
    title,
    desc,
    nodes,
    centre,
    w=720,
    h=600,
    r=210,
    bw=200,
    bh=96,
    start=-90,
    closed=True,
    extra=None,
    centre_size=17,
    cy=None,
    dashed_last=False,
):
    """Boxes evenly spaced clockwise on a circle, joined by arc arrows.

    nodes: list of (title, body, colour). centre: list of lines (first bold) or None.
    """
    cx, cy = w / 2, (h / 2 if cy is None else cy)
    n = len(nodes)
    angles = [start + 360 * i / n for i in range(n)]
    boxes = [
        (cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a)), bw, bh)
        for a in angles
    ]
    body = []
    last = n if closed else n - 1
    for i in range(last):
        j = (i + 1) % n
        dashed = dashed_last and i == n - 1
        body.append(arc_arrow(cx, cy, r, angles[i], angles[j], boxes[i], boxes[j], dashed=dashed))
    for (t, b, c), bx in zip(nodes, boxes, strict=False):
        body.append(box(bx[0], bx[1], bw, bh, c, t, b))
    if centre:
        body.append(text(cx, cy, centre, centre_size, first_bold=True, max_w=2 * r - bw - 10))
    if extra:
        body.extend(extra(cx, cy, r, angles, boxes))
    write_svg(name, w, h, title, desc, body)


# ---------------------------------------------------------------- figures
def pyramid():
    w, h = 720, 520
    top, bottom = 20, 500
    top_w, bottom_w = 230, 700
    tiers = [  # from the top down
        ("Tier 4: Results", ["Organizational accountability", "and return on investment"], "lilac"),
        (
            "Tier 3: Secondary benefits",
            ["Better skills, knowledge and", "understanding; better working", "relationships"],
            "teal",
        ),
        (
            "Tier 2: Primary benefits for the learner",
            ["Clarity and focus · Self-confidence", "Motivation to achieve"],
            "green",
        ),
        (
            "Tier 1: Foundation",
            [
                "Skilled coach · Qualified coach",
                "Structured coaching process",
                "Safe and supportive setting",
            ],
            "yellow",
        ),
    ]
    band = (bottom - top) / len(tiers)
    body = []
    for i, (t, lines, colour) in enumerate(tiers):
        y1, y2 = top + i * band, top + (i + 1) * band
        w1 = top_w + (bottom_w - top_w) * i / len(tiers)
        w2 = top_w + (bottom_w - top_w) * (i + 1) / len(tiers)
        pts = [
            (w / 2 - w1 / 2, y1),
            (w / 2 + w1 / 2, y1),
            (w / 2 + w2 / 2, y2),
            (w / 2 - w2 / 2, y2),
        ]
        p = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
        body.append(
            f'<polygon points="{p}" fill="{FILLS[colour]}" stroke="{STROKES[colour]}" stroke-width="2"/>'
        )
        # narrowest width at the top edge of the band, less the slanted margins
        body.append(
            text(
                w / 2,
                (y1 + y2) / 2,
                [t, *lines],
                16,
                first_bold=True,
                under=FILLS[colour],
                max_w=(w1 + w2) / 2 - 20,
                lh=1.3,
            )
        )
    write_svg(
        "coaching-pyramid",
        w,
        h,
        "The coaching benefits pyramid (after Leedham, 2005)",
        "A pyramid of four tiers, read from the base up. Tier 1, the foundation: a skilled coach, a "
        "qualified coach, a structured coaching process, and a safe and supportive setting. Tier 2, "
        "primary benefits for the learner: clarity and focus, self-confidence, and motivation to "
        "achieve. Tier 3, secondary benefits: better skills, knowledge and understanding, and better "
        "working relationships. Tier 4 at the top, results: organizational accountability and return "
        "on investment.",
        body,
    )


def training_bars():
    data = load_table("table-2-1")
    keys = [c["key"] for c in data["columns"][1:]]
    labels = [c["label"].split(":")[0] for c in data["columns"][1:]]
    groups = [
        (row[data["columns"][0]["key"]].split(":")[0], [float(row[k].rstrip("%")) for k in keys])
        for row in data["rows"]
    ]
    colours = ["#1f5fa8", "#b0541a", "#2d7a46"]
    for c in colours:
        assert contrast(c, BG) >= 3.0  # graphical objects
    w, h = 720, 470
    left, right, top, base = 80, 700, 90, 390
    body = []
    # legend
    lx = left
    for lab, c in zip(labels, colours, strict=False):
        body.append(f'<rect x="{lx}" y="24" width="18" height="18" fill="{c}"/>')
        body.append(text(lx + 26, 33, lab, 16, anchor="start"))
        lx += 40 + text_width(lab, 16) + 30
    body.append(
        text(
            left - 60, 66, "Share of learners reaching each outcome", 16, anchor="start", fill=MUTED
        )
    )
    # grid and axis
    for v in range(0, 101, 25):
        y = base - (base - top) * v / 100
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#c8c8c8" stroke-width="1"/>'
        )
        body.append(text(left - 10, y, f"{v}%", 16, anchor="end", fill=MUTED))
    body.append(
        f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="{LINE}" stroke-width="2"/>'
    )
    gw = (right - left) / len(groups)
    bar = 40
    for gi, (gname, vals) in enumerate(groups):
        gx = left + gi * gw + gw / 2
        for bi, (v, c) in enumerate(zip(vals, colours, strict=False)):
            x = gx + (bi - 1) * (bar + 6) - bar / 2
            y = base - (base - top) * v / 100
            if v > 0:
                body.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar}" height="{base - y:.1f}" fill="{c}"/>'
                )
            body.append(text(x + bar / 2, y - 12, f"{v:g}%", 16))
        body.append(text(gx, base + 26, gname, 17, bold=True, max_w=gw))
    body.append(text(w / 2, base + 60, "Professional development element", 16, fill=MUTED))
    desc_rows = "; ".join(
        f"{g}: " + ", ".join(f"{lab.lower()} {v:g}%" for lab, v in zip(labels, vals, strict=False))
        for g, vals in groups
    )
    write_svg(
        "training-outcomes",
        w,
        h,
        "Share of learners reaching knowledge, skill and transfer, by training element (Joyce & Showers, 2002)",
        "Grouped bar chart with one group per element and three bars each, for knowledge, skill and "
        f"transfer to the job. {desc_rows}. Only coaching brings transfer above 5%.",
        body,
    )


def framework_rings():
    w = h = 760
    cx = cy = 380
    r_centre, r_inner, r_outer = 118, 218, 372
    body = [
        f'<circle cx="{cx}" cy="{cy}" r="{r_outer}" fill="{FILLS["blue"]}" stroke="{STROKES["blue"]}" stroke-width="2"/>',
        f'<circle cx="{cx}" cy="{cy}" r="{r_inner}" fill="{FILLS["green"]}" stroke="{STROKES["green"]}" stroke-width="2"/>',
        f'<circle cx="{cx}" cy="{cy}" r="{r_centre}" fill="{FILLS["yellow"]}" stroke="{STROKES["yellow"]}" stroke-width="2"/>',
        text(
            cx,
            cy,
            ["Center:", "safe, strengths-", "based learning", "environment"],
            17,
            first_bold=True,
            under=FILLS["yellow"],
            max_w=2 * r_centre - 20,
        ),
        text(
            cx,
            cy - r_centre - 40,
            ["Inner ring:", "community of learning"],
            16,
            first_bold=True,
            under=FILLS["green"],
        ),
        text(
            cx,
            cy - r_outer + 46,
            ["Outer ring:", "implementation drivers"],
            17,
            bold=True,
            under=FILLS["blue"],
        ),
    ]
    roles = [["Learner"], ["Coach"], ["Agency", "leadership"], ["Supervisor"]]
    for i, role in enumerate(roles):
        a = math.radians([-35, 35, 145, 215][i])
        x, y = cx + 168 * math.cos(a), cy + 168 * math.sin(a)
        body.append(text(x, y, role, 16, bold=True, under=FILLS["green"], max_w=100))
    drivers = [
        ["Staff", "selection"],
        ["Training"],
        ["Coaching"],
        ["Performance", "assessment", "(fidelity)"],
        ["Systems", "interventions"],
        ["Facilitative", "administrative", "supports"],
        ["Decision", "support data", "systems"],
        ["Technical and", "adaptive", "leadership"],
    ]
    for i, d in enumerate(drivers):
        a = math.radians(-60 + 300 / 7 * i)  # leave a gap at the top for the ring's name
        x, y = cx + 296 * math.cos(a), cy + 296 * math.sin(a)
        bw = max(text_width(s, 16) for s in d) + 20
        bh = len(d) * 20 + 14
        body.append(
            f'<rect x="{x - bw / 2:.1f}" y="{y - bh / 2:.1f}" width="{bw:.1f}" height="{bh}" rx="8" '
            f'fill="{FILLS["white"]}" stroke="{STROKES["blue"]}" stroke-width="1.5"/>'
        )
        body.append(text(x, y, d, 16, under=FILLS["white"], lh=1.25))
    write_svg(
        "framework-rings",
        w,
        h,
        "The child welfare coaching framework: three nested rings",
        "Three nested circles. The center is a safe, strengths-based learning environment. The inner "
        "ring is the community of learning: learner, coach, supervisor and agency leadership. The outer "
        "ring holds the eight implementation drivers: staff selection, training, coaching, performance "
        "assessment (fidelity), systems interventions, facilitative administrative supports, decision "
        "support data systems, and technical and adaptive leadership.",
        body,
    )


def ai_cycle():
    nodes = [
        ("Discover", "Appreciate what already works", "yellow"),
        ("Dream", "Picture clearly what could be", "green"),
        ("Design", "Brainstorm possibilities", "blue"),
        ("Destiny", "Build hope, momentum and ways to keep learning", "lilac"),
    ]
    cycle_figure(
        "appreciative-inquiry-4d",
        "The four D's of appreciative inquiry (after Cooperrider & Whitney, 1999)",
        "A cycle of four stages joined by clockwise arrows around an affirmative topic in the middle. "
        "Discover: appreciate what already works. Dream: picture clearly what could be. Design: "
        "brainstorm possibilities. Destiny: build hope, momentum and ways to keep learning. Then back "
        "to Discover.",
        nodes,
        ["Affirmative", "topic"],
        w=680,
        h=560,
        r=200,
        bw=210,
        bh=100,
    )


def experiential_cycle():
    nodes = [
        ("Experience", "Something happens or is tried", "yellow"),
        ("Reflect", "Look back at what happened", "green"),
        ("Make sense", "Build a new understanding", "blue"),
        ("Try it out", "Plan and act differently", "lilac"),
    ]
    cycle_figure(
        "experiential-cycle",
        "A generic experiential learning cycle (drawn for this site)",
        "A generic cycle of four phases joined by clockwise arrows: experience (something happens or "
        "is tried), reflect (look back at what happened), make sense (build a new understanding), and "
        "try it out (plan and act differently), which leads to new experience. This drawing is the "
        "site's own; the book's figure did not survive.",
        nodes,
        ["Learning", "from", "experience"],
        w=680,
        h=560,
        r=200,
        bw=210,
        bh=96,
    )


def pdsa_cycle():
    nodes = [
        ("Plan", "Set objectives; decide who, what, where and when", "yellow"),
        ("Do", "Carry out the plan; note problems and surprises; start analysis", "green"),
        ("Study", "Finish analysis; compare with predictions; sum up lessons", "blue"),
        ("Act", "Decide what to change; start the next cycle", "lilac"),
    ]
    cycle_figure(
        "pdsa-cycle",
        "The Plan-Do-Study-Act cycle (after Moen & Norman, 2010)",
        "Four phases joined by clockwise arrows. Plan: set objectives and decide who, what, where and "
        "when. Do: carry out the plan, note problems and surprises, and start the analysis. Study: "
        "finish the analysis, compare the data with predictions, and sum up the lessons. Act: decide "
        "what to change and start the next cycle, which begins again with Plan.",
        nodes,
        ["PDSA", "repeat", "as needed"],
        w=700,
        h=600,
        r=210,
        bw=230,
        bh=118,
    )


def feedback_ladder():
    w, h = 660, 560
    names = [r["name"] for r in load_table("feedback-ladder")["rows"]]
    gists = [  # bottom rung first
        "Check you understand; state your assumptions and your lens",
        "Name the strengths first",
        "Share concerns concretely, as your own view",
        "Offer clear ideas; ask for the learner's own",
        "Say what you learned from coaching",
    ]
    assert len(names) == len(gists), names
    steps = list(zip(names, gists, strict=False))
    rail_l, rail_r = 50, 150
    top, bottom = 30, 520
    body = [
        f'<line x1="{rail_l}" y1="{top}" x2="{rail_l}" y2="{bottom}" stroke="{STROKES["yellow"]}" stroke-width="8" stroke-linecap="round"/>',
        f'<line x1="{rail_r}" y1="{top}" x2="{rail_r}" y2="{bottom}" stroke="{STROKES["yellow"]}" stroke-width="8" stroke-linecap="round"/>',
    ]
    gap = (bottom - top) / len(steps)
    for i, (name, gist) in enumerate(steps):
        y = bottom - gap * (i + 0.5)
        body.append(
            f'<line x1="{rail_l}" y1="{y:.1f}" x2="{rail_r}" y2="{y:.1f}" stroke="{STROKES["yellow"]}" stroke-width="8" stroke-linecap="round"/>'
        )
        body.append(
            f'<circle cx="{(rail_l + rail_r) / 2}" cy="{y:.1f}" r="18" fill="{FILLS["white"]}" stroke="{STROKES["yellow"]}" stroke-width="2"/>'
        )
        body.append(text((rail_l + rail_r) / 2, y, str(i + 1), 17, bold=True, under=FILLS["white"]))
        body.append(
            box(400, y, 460, gap - 14, "yellow" if i % 2 else "blue", f"Step {i + 1}: {name}", gist)
        )
    write_svg(
        "feedback-ladder",
        w,
        h,
        "The ladder of feedback, five steps from the bottom rung up",
        "A ladder with five numbered rungs, climbed from the bottom. Step 1, clarify: check you "
        "understand and state your assumptions and the lens you observed through. Step 2, value: name "
        "the strengths first. Step 3, concerns: share concerns concretely, as your own view. Step 4, "
        "suggest: offer clear ideas and ask for the learner's own. Step 5, thank: say what you learned "
        "from coaching.",
        body,
    )


def learning_triangle():
    w, h = 720, 600
    learner = (360, 70, 170, 56)
    coach = (110, 520, 170, 56)
    sup = (610, 520, 170, 56)
    body = [
        f'<polygon points="{learner[0]},{learner[1]} {coach[0]},{coach[1]} {sup[0]},{sup[1]}" '
        f'fill="{FILLS["grey"]}" stroke="{LINE}" stroke-width="2.5"/>',
    ]
    body.append(box(*learner, "yellow", "Learner"))
    body.append(box(*coach, "blue", "Coach"))
    body.append(box(*sup, "green", "Supervisor"))
    body.append(
        box(
            205,
            285,
            250,
            118,
            "white",
            "Coach and learner",
            "Agree and share goals and benchmarks of progress",
            stroke_w=1.5,
        )
    )
    body.append(
        box(
            515,
            285,
            250,
            118,
            "white",
            "Supervisor and learner",
            "Time for sessions, preparation and reflection; support after coaching ends",
            stroke_w=1.5,
        )
    )
    body.append(
        box(
            360,
            520,
            250,
            100,
            "white",
            "Coach and supervisor",
            "Roles made clear while contracting",
            stroke_w=1.5,
        )
    )
    body.append(
        text(
            360,
            412,
            ["Agreed in writing:", "who tells whom what,", "and a sustainability plan"],
            16,
            first_bold=True,
            under=FILLS["grey"],
            max_w=240,
        )
    )
    write_svg(
        "learning-triangle",
        w,
        h,
        "The learning triangle: coach, learner and supervisor (drawn for this site)",
        "A triangle with the learner at the top, the coach at bottom left and the supervisor at bottom "
        "right. Coach and learner agree and share goals and benchmarks of progress. Supervisor and "
        "learner: the supervisor gives time for sessions, preparation and reflection, and supports the "
        "learning after coaching ends. Coach and supervisor make their roles clear while contracting. "
        "In the middle: all three agree in writing how they will communicate, and a sustainability "
        "plan is written.",
        body,
    )


def skills_cycle():
    names = stage_names("Child welfare skills-based")
    assert len(names) == 7, names
    gists = [
        "Need named; contracts made; supervisor involved",
        "Rapport and trust; goals; logistics",
        "Learner watches an expert; coach observes learner",
        "Learner reflects in a journal and prepares",
        "Learner reflects first, then coach gives feedback",
        "Review the relationship, process and progress",
        "Coaching ends; coach briefs the supervisor",
    ]
    colours = ["yellow", "green", "blue", "blue", "blue", "lilac", "rose"]
    w, h = 640, 640
    bx, bw, bh, row, top = 270, 480, 64, 82, 16
    boxes = []
    body = []
    for i, (n, g, c) in enumerate(zip(names, gists, colours, strict=False)):
        cy = top + bh / 2 + row * i
        boxes.append((bx, cy, bw, bh))
        body.append(box(bx, cy, bw, bh, c, f"{i + 1}. {n}", g))
    for a, b in itertools.pairwise(boxes):
        body.append(line(bx, a[1] + bh / 2 + 2, bx, b[1] - bh / 2 - 2))
    # the loop: from Evaluation (6) back to Demonstration (3)
    right = bx + bw / 2
    y6, y3 = boxes[5][1], boxes[2][1]
    body.append(
        f'<path d="M{right + 4},{y6} H{right + 40} V{y3} H{right + 10}" fill="none" stroke="{LINE}" '
        f'stroke-width="2.5" stroke-dasharray="7 5" marker-end="url(#ah)"/>'
    )
    mid = (y3 + y6) / 2
    body.append(
        f'<g transform="translate({right + 70} {mid}) rotate(-90)">'
        + text(0, 0, ["another cycle while", "goals are not yet met"], 16)
        + "</g>"
    )
    body.append(text(w / 2, h - 22, "No time limit; steps may overlap", 16, fill=MUTED))
    write_svg(
        "skills-based-model",
        w,
        h,
        "The child welfare skills-based coaching model, seven steps (after Rush & Sheldon, 2007; Gallacher, 1997)",
        "Seven steps from top to bottom, each leading to the next: "
        + "; ".join(
            f"step {i + 1}, {n.lower()}: {g.lower()}"
            for i, (n, g) in enumerate(zip(names, gists, strict=False))
        )
        + ". A dashed arrow runs from step 6 back to step 3: another cycle while the goals are not yet "
        "met. A note says the steps have no time limit and may overlap.",
        body,
    )


def clear_cycle():
    names = stage_names("CLEAR")
    assert len(names) == 5, names
    gists = [
        "Agree outcomes, ground rules and boundaries",
        "Help the learner gain personal insight",
        "See the impact; open up new options",
        "Learner commits to next steps",
        "Take stock; reinforce progress; plan follow-up",
    ]
    colours = ["yellow", "green", "blue", "lilac", "rose"]
    nodes = [(n, g, c) for n, g, c in zip(names, gists, colours, strict=False)]
    cycle_figure(
        "clear-model",
        "The CLEAR coaching model (after Hawkins & Smith, 2006)",
        "Five stages clockwise around a circle: "
        + "; ".join(f"{n.lower()}: {g.lower()}" for n, g in zip(names, gists, strict=False))
        + ". A dashed arrow leads from review back to contracting for a further round if needed. The center "
        "notes that stages may overlap or repeat and that the cycle is complete when the learner shows "
        "a felt shift.",
        nodes,
        ["Stages may overlap", "or repeat; done when", "a felt shift shows"],
        w=740,
        h=630,
        r=250,
        bw=220,
        bh=100,
        centre_size=16,
        dashed_last=True,
    )


def flow_model():
    names = stage_names("Flow")
    assert len(names) == 5, names
    gists = [
        "A base of openness, fairness and shared commitment",
        "Find the moments when the learner sees value",
        "Coach assesses skills; learner observes others",
        "Both state commitments; barriers are removed",
    ]
    colours = ["yellow", "green", "blue", "lilac"]
    nodes = [
        (f"{i + 1}. {n}", g, c)
        for i, (n, g, c) in enumerate(zip(names[:4], gists, colours, strict=False))
    ]

    def centre_box(cx, cy, r, angles, boxes):
        cbox = (cx, cy, 220, 100)
        out = [box(*cbox, "rose", f"5. {names[4]}", "Scope, structure, then the sessions")]
        out.append(connect(boxes[3], cbox))
        return out

    cycle_figure(
        "flow-model",
        "The Flow model of coaching (after Flaherty, 2010)",
        "Four tasks arranged around a center, joined by clockwise arrows, all coming before the "
        "coaching conversation: "
        + "; ".join(
            f"{i + 1}, {n.lower()}: {g.lower()}"
            for i, (n, g) in enumerate(zip(names[:4], gists, strict=False))
        )
        + f". An arrow leads from the fourth task to the center: 5, {names[4].lower()}: set the scope "
        "and structure, then hold the sessions.",
        nodes,
        None,
        w=720,
        h=620,
        r=230,
        bw=230,
        bh=110,
        start=-135,
        closed=False,
        extra=centre_box,
    )


def regrow_cycle():
    grow = stage_names("GROW")
    assert len(grow) == 4, grow
    names = ["Review", "Evaluate", *grow]
    gists = [
        "Look back at earlier sessions",
        "Judge what worked; adjust goals",
        "Set realistic goals and a contract",
        "Describe where things stand now",
        "Brainstorm possible actions",
        "Plan steps; check commitment",
    ]
    colours = ["rose", "rose", "yellow", "green", "blue", "lilac"]
    nodes = [(n, g, c) for n, g, c in zip(names, gists, colours, strict=False)]

    def between(cx, cy, r, angles, boxes):
        return [
            text(
                cx,
                cy,
                ["Dashed arrow,", "between sessions:", "action, observation", "and reflection"],
                16,
                first_bold=True,
                max_w=2 * r - 200,
            )
        ]

    cycle_figure(
        "regrow-model",
        "The REGROW model (after Grant, 2011, building on Whitmore's GROW)",
        "Six stages clockwise around a circle: "
        + "; ".join(f"{n.lower()}: {g.lower()}" for n, g in zip(names, gists, strict=False))
        + ". A dashed arrow from wrap-up leads back to review at the next session; the center notes "
        "that between sessions the learner acts, is observed, and reflects.",
        nodes,
        None,
        w=760,
        h=620,
        r=270,
        bw=200,
        bh=96,
        start=-120,
        extra=between,
        dashed_last=True,
    )


def coaching_zone():
    w, h = 660, 580
    left, right, top, bottom = 120, 640, 20, 460
    mx, my = (left + right) / 2, (top + bottom) / 2
    qw, qh = (right - left) / 2, (bottom - top) / 2
    quads = [
        (left, top, "yellow", "Validation only", "Work is affirmed, but coaching falls short"),
        (mx, top, "green", "Coaching zone", "Real progress for learner and coach"),
        (left, my, "grey", "No change", "Meaningful change will not happen"),
        (mx, my, "rose", "Retreat", "The learner may pull back from coaching"),
    ]
    body = []
    for x, y, c, t, g in quads:
        body.append(
            box(
                x + qw / 2,
                y + qh / 2,
                qw - 8,
                qh - 8,
                c,
                t,
                g,
                stroke_w=3 if t == "Coaching zone" else 1.5,
            )
        )
    body.append(line(left - 14, bottom, left - 14, top, width=2.5))
    body.append(line(left, bottom + 14, right, bottom + 14, width=2.5))
    body.append(text(left - 26, bottom - 14, "Low", 16, anchor="end"))
    body.append(text(left - 26, top + 14, "High", 16, anchor="end"))
    body.append(
        f'<g transform="translate(40 {my}) rotate(-90)">'
        + text(0, 0, "Learner enrollment", 17, bold=True)
        + "</g>"
    )
    body.append(text(left + 30, bottom + 40, "Easy", 16, anchor="start"))
    body.append(text(right - 10, bottom + 40, "Complex", 16, anchor="end"))
    body.append(text(mx, bottom + 86, "How challenging the learning opportunity is", 17, bold=True))
    write_svg(
        "coaching-zone",
        w,
        h,
        "The coaching zone: learner enrollment against the challenge of the learning",
        "A two-by-two grid. The vertical axis is learner enrollment, low to high; the horizontal axis "
        "is how challenging the learning opportunity is, easy to complex. High enrollment with complex "
        "learning is the coaching zone: real progress. Low enrollment with complex learning: retreat, "
        "the learner may pull back. High enrollment with easy learning: validation only, the work is "
        "affirmed but coaching falls short. Low enrollment with easy learning: no meaningful change.",
        body,
    )


def implementation_stages():
    w, h = 660, 600
    names = [r["stage"] for r in load_table("implementation-stages")["rows"]]
    gists = [
        "Weigh needs and resources; judge fit and feasibility",
        "Prepare practitioners; assess readiness; address barriers",
        "Build skills and infrastructure; check fidelity; use PDSA",
        "The practice is standard; study its effect on outcomes",
        "Keep checking fidelity, quality and outcomes; keep developing",
        "Plan for the long term; train new staff",
    ]
    assert len(names) == len(gists), names
    stages = list(zip(names, gists, strict=False))
    colours = ["yellow", "green", "blue", "lilac", "teal", "rose"]
    top, row = 16, 96
    body = []
    prev = None
    for i, ((name, gist), c) in enumerate(zip(stages, colours, strict=False)):
        cy = top + row * i + (row - 26) / 2
        b = (360, cy, 560, row - 26)
        body.append(
            f'<circle cx="40" cy="{cy:.1f}" r="22" fill="{FILLS[c]}" stroke="{STROKES[c]}" stroke-width="2"/>'
        )
        body.append(text(40, cy, str(i + 1), 18, bold=True, under=FILLS[c]))
        body.append(box(*b, c, name, gist))
        if prev:
            body.append(line(360, prev[1] + prev[3] / 2 + 1, 360, cy - b[3] / 2 - 1, width=2.5))
        prev = b
    write_svg(
        "implementation-stages",
        w,
        h,
        "Six stages of implementation (after Fixsen et al., 2005)",
        "Six numbered stages from top to bottom, each leading to the next. "
        + " ".join(f"{i + 1}. {n}: {g}." for i, (n, g) in enumerate(stages)),
        body,
    )


def adoption_curve():
    # Rogers (1995) as given in the toolkit, chapter 7: read from the site's data file.
    groups = [
        (r["category"], float(r["share"].rstrip("%")))
        for r in load_table("adopter-categories")["rows"]
    ]
    assert len(groups) == 5, groups
    assert abs(sum(p for _, p in groups) - 100) < 1e-9
    nd = NormalDist()
    cum, cuts = 0.0, []
    for _, p in groups[:-1]:
        cum += p
        cuts.append(nd.inv_cdf(cum / 100))  # z where this share ends
    w, h = 760, 500
    left, right, base, peak = 30, 730, 330, 40
    zmin, zmax = -3.2, 3.2
    x_at = lambda z: left + (z - zmin) / (zmax - zmin) * (right - left)  # noqa: E731
    y_at = lambda z: base - (base - peak) * nd.pdf(z) / nd.pdf(0)  # noqa: E731
    edges = [zmin, *cuts, zmax]
    fills = ["lilac", "blue", "green", "yellow", "rose"]
    body = []
    for i, ((_name, _pct), c) in enumerate(zip(groups, fills, strict=False)):
        a, b = edges[i], edges[i + 1]
        n = 40
        pts = (
            [(x_at(a), base)]
            + [(x_at(a + (b - a) * k / n), y_at(a + (b - a) * k / n)) for k in range(n + 1)]
            + [(x_at(b), base)]
        )
        p = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
        body.append(
            f'<polygon points="{p}" fill="{FILLS[c]}" stroke="{STROKES[c]}" stroke-width="1.5"/>'
        )
    curve = " ".join(
        f"{x_at(zmin + (zmax - zmin) * k / 200):.1f},{y_at(zmin + (zmax - zmin) * k / 200):.1f}"
        for k in range(201)
    )
    body.append(f'<polyline points="{curve}" fill="none" stroke="{LINE}" stroke-width="2.5"/>')
    body.append(
        f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="{LINE}" stroke-width="2"/>'
    )
    label_z = [
        (-2.75),
        (cuts[0] + cuts[1]) / 2,
        (cuts[1] + cuts[2]) / 2,
        (cuts[2] + cuts[3]) / 2,
        1.95,
    ]
    for (name, pct), c, z in zip(groups, fills, label_z, strict=False):
        x = x_at(z)
        words = name.split(" ", 1)
        body.append(text(x, base + 44, words, 16, first_bold=True, max_w=130))
        body.append(text(x, base + 100, f"{pct:g}%", 18, bold=True))
        body.append(
            f'<rect x="{x - 30:.1f}" y="{base + 6}" width="60" height="8" fill="{STROKES[c]}"/>'
        )
    body.append(
        text(w / 2, base + 146, "Earlier  ←  time of adopting a change  →  later", 16, fill=MUTED)
    )
    write_svg(
        "adoption-curve",
        w,
        h,
        "Adoption curve: five groups by how soon they take up a change (after Rogers, 1995)",
        "A bell-shaped curve split into five parts from left (earliest) to right (latest): "
        + ", ".join(f"{n.lower()} {p:g}%" for n, p in groups)
        + ". The two majorities together make up the large middle of the curve.",
        body,
    )


def supervisor_dance():
    w, h = 640, 640
    items = [
        ("Supervising", "Oversight: appraisals, quality control and evaluation", "blue"),
        (
            "Coaching-based supervision",
            "Coaching strategies in everyday supervision, such as reflective questions and feedback",
            "green",
        ),
        ("Formal coaching", "A structured model such as CLEAR or the skills-based model", "yellow"),
    ]
    bw, bh = 540, 110
    ys = [80, 270, 460]
    body = []
    for (t, g, c), y in zip(items, ys, strict=False):
        body.append(box(320, y, bw, bh, c, t, g))
    for y1, y2 in itertools.pairwise(ys):
        body.append(line(300, y1 + bh / 2 + 6, 300, y2 - bh / 2 - 6, arrow_start=True, width=3))
        body.append(text(322, (y1 + y2) / 2, "moves both ways", 16, fill=MUTED, anchor="start"))
    body.append(
        box(
            320,
            585,
            bw,
            80,
            "white",
            "When coaching formally",
            "Build trust; say clearly which role you are in",
            stroke_w=1.5,
        )
    )
    write_svg(
        "supervisor-dance",
        w,
        h,
        "The supervisor's dance between supervising and coaching (drawn for this site)",
        "Three stacked boxes joined by two-way arrows. Top: supervising, meaning oversight through "
        "appraisals, quality control and evaluation. Middle: coaching-based supervision, using coaching "
        "strategies such as reflective questions and feedback in everyday supervision. Bottom: formal "
        "coaching with a structured model such as CLEAR or the skills-based model. The supervisor "
        "moves both ways between these. A note at the bottom: when coaching formally, build trust and "
        "say clearly which role you are in.",
        body,
    )


def main():
    pyramid()
    training_bars()
    framework_rings()
    ai_cycle()
    experiential_cycle()
    feedback_ladder()
    learning_triangle()
    skills_cycle()
    clear_cycle()
    flow_model()
    regrow_cycle()
    coaching_zone()
    implementation_stages()
    pdsa_cycle()
    adoption_curve()
    supervisor_dance()


if __name__ == "__main__":
    main()
