"""One drawing function per kind of figure; each turns a figure's data into SVG.

A kind knows the shape (a cycle of boxes, a stack of steps, a ladder...) and
where things go; the words, colours and sizes come from the figure's table in
figures.toml, and names the book's tables already hold come from those tables
(src/toolkit_widgets/tables). So a wording change is a data change, and the
same cycle shape is written once for the six figures that use it.
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path
from statistics import NormalDist
from typing import Any

from figure_svg import (
    BG,
    FILLS,
    LINE,
    MUTED,
    STROKES,
    arc_arrow,
    box,
    connect,
    contrast,
    document,
    line,
    text,
    text_width,
)

TABLES = Path(__file__).resolve().parents[2] / "src" / "toolkit_widgets" / "tables"

Spec = dict[str, Any]


# ---------------------------------------------------------------- data helpers
def load_table(table_id: str) -> dict[str, Any]:
    """One of the book's tables, as the site's pages read it."""
    return json.loads((TABLES / f"{table_id}.json").read_text(encoding="utf-8"))


def _stage_names(model_prefix: str) -> list[str]:
    """Stage names of one model in Table 6.1's data file, without their numbers."""
    for row in load_table("table-6-1")["rows"]:
        if row["model"].startswith(model_prefix):
            return [s.split(". ", 1)[1] if ". " in s[:4] else s for s in row["stages"]]
    raise KeyError(f"table-6-1 has no model starting {model_prefix!r}")


def node_names(spec: Spec) -> list[str]:
    """The names of a figure's nodes: `names_before`, then `names_from`, then each node's own."""
    names = list(spec.get("names_before", []))
    source = spec.get("names_from")
    if source:
        if "model" in source:
            names += _stage_names(source["model"])
        else:
            names += [row[source["column"]] for row in load_table(source["table"])["rows"]]
    names += [node["name"] for node in spec.get("nodes", []) if "name" in node]
    return names


def describe(spec: Spec, items: list[dict[str, Any]] | None = None, **extra: str) -> str:
    """The figure's <desc>: `desc` with {items} filled from `desc_item`, one per node."""
    listed = ""
    if items is not None and "desc_item" in spec:
        listed = spec.get("desc_join", "; ").join(spec["desc_item"].format(**i) for i in items)
    return spec["desc"].format(items=listed, **extra)


def _item(n: int, name: str, gist: str, **more: str) -> dict[str, Any]:
    return {
        "n": n,
        "name": name,
        "gist": gist,
        "name_lower": name.lower(),
        "gist_lower": gist.lower(),
        **more,
    }


# ---------------------------------------------------------------- kinds
def cycle(name: str, spec: Spec) -> str:
    """Boxes evenly spaced clockwise on a circle, joined by arc arrows.

    Optional: a few lines of text in the middle (`centre`), or the model's last
    stage as a box in the middle reached from the last node (`centre_box`);
    an open cycle (`closed = false`); a dashed last arrow (`dashed_last`).
    """
    w, h = spec["size"]
    r = spec["radius"]
    bw, bh = spec["box"]
    nodes = spec["nodes"]
    names = node_names(spec)
    centre_box = spec.get("centre_box")
    assert len(names) == len(nodes) + (1 if centre_box else 0), (name, names)
    numbered = spec.get("numbers", False)
    titles = [f"{i + 1}. {n}" if numbered else n for i, n in enumerate(names[: len(nodes)])]
    cx, cy = w / 2, h / 2
    n = len(nodes)
    start = spec.get("start", -90)
    angles = [start + 360 * i / n for i in range(n)]
    boxes = [
        (cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a)), bw, bh)
        for a in angles
    ]
    body = []
    last = n if spec.get("closed", True) else n - 1
    for i in range(last):
        j = (i + 1) % n
        dashed = spec.get("dashed_last", False) and i == n - 1
        body.append(arc_arrow(cx, cy, r, angles[i], angles[j], boxes[i], boxes[j], dashed=dashed))
    for title, node, bx in zip(titles, nodes, boxes, strict=True):
        body.append(box(bx[0], bx[1], bw, bh, node["colour"], title, node["gist"]))
    if "centre" in spec:
        size = spec.get("centre_size", 17)
        body.append(text(cx, cy, spec["centre"], size, first_bold=True, max_w=2 * r - bw - 10))
    extra = {}
    if centre_box:
        centre_name = names[n]
        cbox = (cx, cy, *centre_box["size"])
        title = f"{n + 1}. {centre_name}" if numbered else centre_name
        body.append(box(*cbox, centre_box["colour"], title, centre_box["gist"]))
        body.append(connect(boxes[-1], cbox))
        extra["centre_name_lower"] = centre_name.lower()
    items = [
        _item(i + 1, nm, nd["gist"]) for i, (nm, nd) in enumerate(zip(names, nodes, strict=False))
    ]
    return document(name, w, h, spec["title"], describe(spec, items, **extra), body)


def stack(name: str, spec: Spec) -> str:
    """Steps in boxes from top to bottom, each joined to the next by an arrow.

    Optional: numbers in circles to the left (`numbers = "circle"`) or in the
    titles (`"title"`); two-way arrows with a label (`arrow.both_ways`,
    `arrow.label`); a dashed loop back up the right side (`loop`); a note
    under the steps (`note`) or a last box apart from them (`footer`).
    """
    w, h = spec["size"]
    x = spec["x"]
    bw, bh = spec["box"]
    nodes = spec["nodes"]
    names = node_names(spec)
    assert len(names) == len(nodes), (name, names)
    numbers = spec.get("numbers")
    body = []
    ys = [float(spec["first"] + spec["pitch"] * i) for i in range(len(nodes))]
    for i, (nm, node, y) in enumerate(zip(names, nodes, ys, strict=True)):
        colour = node["colour"]
        if numbers == "circle":
            body.append(
                f'<circle cx="40" cy="{y:.1f}" r="22" fill="{FILLS[colour]}" '
                f'stroke="{STROKES[colour]}" stroke-width="2"/>'
            )
            body.append(text(40, y, str(i + 1), 18, bold=True, under=FILLS[colour]))
        title = f"{i + 1}. {nm}" if numbers == "title" else nm
        body.append(box(x, y, bw, bh, colour, title, node["gist"]))
    arrow = spec["arrow"]
    ax, gap = arrow["x"], arrow["gap"]
    for y1, y2 in itertools.pairwise(ys):
        body.append(
            line(
                ax,
                y1 + bh / 2 + gap,
                ax,
                y2 - bh / 2 - gap,
                arrow_start=arrow.get("both_ways", False),
                width=arrow.get("width", 2.5),
            )
        )
        if "label" in arrow:
            body.append(
                text(ax + 22, (y1 + y2) / 2, arrow["label"], 16, fill=MUTED, anchor="start")
            )
    if "loop" in spec:
        loop = spec["loop"]
        right = x + bw / 2
        y_from, y_to = ys[loop["from"] - 1], ys[loop["to"] - 1]
        body.append(
            f'<path d="M{right + 4},{y_from} H{right + 40} V{y_to} H{right + 10}" fill="none" '
            f'stroke="{LINE}" stroke-width="2.5" stroke-dasharray="7 5" marker-end="url(#ah)"/>'
        )
        mid = (y_to + y_from) / 2
        body.append(
            f'<g transform="translate({right + 70} {mid}) rotate(-90)">'
            + text(0, 0, loop["lines"], 16)
            + "</g>"
        )
    if "note" in spec:
        body.append(text(w / 2, h - 22, spec["note"], 16, fill=MUTED))
    if "footer" in spec:
        foot = spec["footer"]
        body.append(
            box(
                x, foot["y"], bw, foot["height"], "white", foot["title"], foot["gist"], stroke_w=1.5
            )
        )
    items = [
        _item(i + 1, nm, nd["gist"]) for i, (nm, nd) in enumerate(zip(names, nodes, strict=False))
    ]
    return document(name, w, h, spec["title"], describe(spec, items), body)


def ladder(name: str, spec: Spec) -> str:
    """A ladder climbed from the bottom rung, one box per rung to its right."""
    w, h = spec["size"]
    names = node_names(spec)
    gists = [node["gist"] for node in spec["nodes"]]
    assert len(names) == len(gists), (name, names)
    rail_l, rail_r = 50, 150
    top, bottom = 30, 520
    wood = STROKES["yellow"]
    body = [
        f'<line x1="{rail_l}" y1="{top}" x2="{rail_l}" y2="{bottom}" stroke="{wood}" stroke-width="8" stroke-linecap="round"/>',
        f'<line x1="{rail_r}" y1="{top}" x2="{rail_r}" y2="{bottom}" stroke="{wood}" stroke-width="8" stroke-linecap="round"/>',
    ]
    gap = (bottom - top) / len(names)
    for i, (nm, gist) in enumerate(zip(names, gists, strict=True)):
        y = bottom - gap * (i + 0.5)
        body.append(
            f'<line x1="{rail_l}" y1="{y:.1f}" x2="{rail_r}" y2="{y:.1f}" stroke="{wood}" stroke-width="8" stroke-linecap="round"/>'
        )
        body.append(
            f'<circle cx="{(rail_l + rail_r) / 2}" cy="{y:.1f}" r="18" fill="{FILLS["white"]}" stroke="{wood}" stroke-width="2"/>'
        )
        body.append(text((rail_l + rail_r) / 2, y, str(i + 1), 17, bold=True, under=FILLS["white"]))
        body.append(
            box(400, y, 460, gap - 14, "yellow" if i % 2 else "blue", f"Step {i + 1}: {nm}", gist)
        )
    return document(name, w, h, spec["title"], describe(spec), body)


def pyramid(name: str, spec: Spec) -> str:
    """Tiers of a pyramid, from the top down, each with a bold title and lines."""
    w, h = spec["size"]
    top, bottom = spec["top"], spec["bottom"]
    top_w, bottom_w = spec["top_width"], spec["bottom_width"]
    tiers = spec["tiers"]
    band = (bottom - top) / len(tiers)
    body = []
    for i, tier in enumerate(tiers):
        colour = tier["colour"]
        y1, y2 = top + i * band, top + (i + 1) * band
        w1 = top_w + (bottom_w - top_w) * i / len(tiers)
        w2 = top_w + (bottom_w - top_w) * (i + 1) / len(tiers)
        pts = [
            (w / 2 - w1 / 2, y1),
            (w / 2 + w1 / 2, y1),
            (w / 2 + w2 / 2, y2),
            (w / 2 - w2 / 2, y2),
        ]
        p = " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)
        body.append(
            f'<polygon points="{p}" fill="{FILLS[colour]}" stroke="{STROKES[colour]}" stroke-width="2"/>'
        )
        # narrowest width at the top edge of the band, less the slanted margins
        body.append(
            text(
                w / 2,
                (y1 + y2) / 2,
                [tier["title"], *tier["lines"]],
                16,
                first_bold=True,
                under=FILLS[colour],
                max_w=(w1 + w2) / 2 - 20,
                lh=1.3,
            )
        )
    return document(name, w, h, spec["title"], describe(spec), body)


def bars(name: str, spec: Spec) -> str:
    """A grouped bar chart of a book table's percentages: one group per row."""
    data = load_table(spec["table"])
    keys = [c["key"] for c in data["columns"][1:]]
    labels = [c["label"].split(":")[0] for c in data["columns"][1:]]
    groups = [
        (row[data["columns"][0]["key"]].split(":")[0], [float(row[k].rstrip("%")) for k in keys])
        for row in data["rows"]
    ]
    colours = spec["colours"]
    for c in colours:
        assert contrast(c, BG) >= 3.0  # graphical objects
    w, h = spec["size"]
    left, right, top, base = 80, 700, 90, 390
    body = []
    lx = left  # legend
    for lab, c in zip(labels, colours, strict=True):
        body.append(f'<rect x="{lx}" y="24" width="18" height="18" fill="{c}"/>')
        body.append(text(lx + 26, 33, lab, 16, anchor="start"))
        lx += 40 + text_width(lab, 16) + 30
    body.append(text(left - 60, 66, spec["value_caption"], 16, anchor="start", fill=MUTED))
    for v in range(0, 101, 25):  # grid and axis
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
        for bi, (v, c) in enumerate(zip(vals, colours, strict=True)):
            x = gx + (bi - 1) * (bar + 6) - bar / 2
            y = base - (base - top) * v / 100
            if v > 0:
                body.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar}" height="{base - y:.1f}" fill="{c}"/>'
                )
            body.append(text(x + bar / 2, y - 12, f"{v:g}%", 16))
        body.append(text(gx, base + 26, gname, 17, bold=True, max_w=gw))
    body.append(text(w / 2, base + 60, spec["group_caption"], 16, fill=MUTED))
    listed = "; ".join(
        f"{g}: " + ", ".join(f"{lab.lower()} {v:g}%" for lab, v in zip(labels, vals, strict=True))
        for g, vals in groups
    )
    return document(name, w, h, spec["title"], spec["desc"].format(items=listed), body)


def rings(name: str, spec: Spec) -> str:
    """Three nested circles: a centre, an inner ring of roles, an outer ring of drivers."""
    w, h = spec["size"]
    cx, cy = w // 2, h // 2
    r_centre, r_inner, r_outer = 118, 218, 372
    body = [
        f'<circle cx="{cx}" cy="{cy}" r="{r_outer}" fill="{FILLS["blue"]}" stroke="{STROKES["blue"]}" stroke-width="2"/>',
        f'<circle cx="{cx}" cy="{cy}" r="{r_inner}" fill="{FILLS["green"]}" stroke="{STROKES["green"]}" stroke-width="2"/>',
        f'<circle cx="{cx}" cy="{cy}" r="{r_centre}" fill="{FILLS["yellow"]}" stroke="{STROKES["yellow"]}" stroke-width="2"/>',
        text(
            cx,
            cy,
            spec["centre"],
            17,
            first_bold=True,
            under=FILLS["yellow"],
            max_w=2 * r_centre - 20,
        ),
        text(cx, cy - r_centre - 40, spec["inner"], 16, first_bold=True, under=FILLS["green"]),
        text(cx, cy - r_outer + 46, spec["outer"], 17, bold=True, under=FILLS["blue"]),
    ]
    roles = spec["roles"]
    assert len(roles) == 4, roles
    for role, angle in zip(roles, [-35, 35, 145, 215], strict=True):
        a = math.radians(angle)
        x, y = cx + 168 * math.cos(a), cy + 168 * math.sin(a)
        body.append(text(x, y, role, 16, bold=True, under=FILLS["green"], max_w=100))
    drivers = spec["drivers"]
    for i, d in enumerate(drivers):
        # leave a gap at the top for the ring's name
        a = math.radians(-60 + 300 / (len(drivers) - 1) * i)
        x, y = cx + 296 * math.cos(a), cy + 296 * math.sin(a)
        bw = max(text_width(s, 16) for s in d) + 20
        bh = len(d) * 20 + 14
        body.append(
            f'<rect x="{x - bw / 2:.1f}" y="{y - bh / 2:.1f}" width="{bw:.1f}" height="{bh}" rx="8" '
            f'fill="{FILLS["white"]}" stroke="{STROKES["blue"]}" stroke-width="1.5"/>'
        )
        body.append(text(x, y, d, 16, under=FILLS["white"], lh=1.25))
    return document(name, w, h, spec["title"], describe(spec), body)


def triangle(name: str, spec: Spec) -> str:
    """Three named corners of a triangle, a box for each pair, and a note in the middle."""
    w, h = spec["size"]
    corners = spec["corners"]
    points = " ".join(f"{c['at'][0]},{c['at'][1]}" for c in corners)
    body = [
        f'<polygon points="{points}" fill="{FILLS["grey"]}" stroke="{LINE}" stroke-width="2.5"/>'
    ]
    for corner in corners:
        body.append(box(*corner["at"], 170, 56, corner["colour"], corner["name"]))
    for side in spec["sides"]:
        body.append(
            box(*side["at"], *side["size"], "white", side["title"], side["gist"], stroke_w=1.5)
        )
    x, y = spec["centre_at"]
    body.append(text(x, y, spec["centre"], 16, first_bold=True, under=FILLS["grey"], max_w=240))
    return document(name, w, h, spec["title"], describe(spec), body)


def quadrants(name: str, spec: Spec) -> str:
    """A two-by-two grid between a vertical and a horizontal axis, each low to high."""
    w, h = spec["size"]
    left, right, top, bottom = 120, 640, 20, 460
    mx, my = (left + right) / 2, (top + bottom) / 2
    qw, qh = (right - left) / 2, (bottom - top) / 2
    corners = [(left, top), (mx, top), (left, my), (mx, my)]
    body = []
    for (x, y), q in zip(corners, spec["quadrants"], strict=True):
        stroke_w = 3 if q.get("emphasis") else 1.5
        body.append(
            box(
                x + qw / 2,
                y + qh / 2,
                qw - 8,
                qh - 8,
                q["colour"],
                q["title"],
                q["gist"],
                stroke_w=stroke_w,
            )
        )
    ya, xa = spec["y_axis"], spec["x_axis"]
    body.append(line(left - 14, bottom, left - 14, top, width=2.5))
    body.append(line(left, bottom + 14, right, bottom + 14, width=2.5))
    body.append(text(left - 26, bottom - 14, ya["low"], 16, anchor="end"))
    body.append(text(left - 26, top + 14, ya["high"], 16, anchor="end"))
    body.append(
        f'<g transform="translate(40 {my}) rotate(-90)">'
        + text(0, 0, ya["label"], 17, bold=True)
        + "</g>"
    )
    body.append(text(left + 30, bottom + 40, xa["low"], 16, anchor="start"))
    body.append(text(right - 10, bottom + 40, xa["high"], 16, anchor="end"))
    body.append(text(mx, bottom + 86, xa["label"], 17, bold=True))
    return document(name, w, h, spec["title"], describe(spec), body)


def bell(name: str, spec: Spec) -> str:
    """A normal curve cut into groups at the cumulative shares of a book table."""
    groups = [
        (r["category"], float(r["share"].rstrip("%"))) for r in load_table(spec["table"])["rows"]
    ]
    fills = spec["colours"]
    assert len(groups) == len(fills), groups
    assert abs(sum(p for _, p in groups) - 100) < 1e-9
    nd = NormalDist()
    cum, cuts = 0.0, []
    for _, p in groups[:-1]:
        cum += p
        cuts.append(nd.inv_cdf(cum / 100))  # z where this share ends
    w, h = spec["size"]
    left, right, base, peak = 30, 730, 330, 40
    zmin, zmax = -3.2, 3.2

    def x_at(z: float) -> float:
        return left + (z - zmin) / (zmax - zmin) * (right - left)

    def y_at(z: float) -> float:
        return base - (base - peak) * nd.pdf(z) / nd.pdf(0)

    edges = [zmin, *cuts, zmax]
    body = []
    for i, c in enumerate(fills):
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
    first, last = spec["outer_labels"]
    label_z = [first, *((a + b) / 2 for a, b in itertools.pairwise(cuts)), last]
    for (gname, pct), c, z in zip(groups, fills, label_z, strict=True):
        x = x_at(z)
        body.append(text(x, base + 44, gname.split(" ", 1), 16, first_bold=True, max_w=130))
        body.append(text(x, base + 100, f"{pct:g}%", 18, bold=True))
        body.append(
            f'<rect x="{x - 30:.1f}" y="{base + 6}" width="60" height="8" fill="{STROKES[c]}"/>'
        )
    body.append(text(w / 2, base + 146, spec["caption"], 16, fill=MUTED))
    items = [_item(i + 1, g, "", share=f"{p:g}") for i, (g, p) in enumerate(groups)]
    return document(name, w, h, spec["title"], describe(spec, items), body)


KINDS = {
    "cycle": cycle,
    "stack": stack,
    "ladder": ladder,
    "pyramid": pyramid,
    "bars": bars,
    "rings": rings,
    "triangle": triangle,
    "quadrants": quadrants,
    "bell": bell,
}
