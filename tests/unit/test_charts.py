"""SVG charts: the picture and its words say the same thing."""

import re

from toolkit_widgets.charts import gars_levels_chart

NAMES = {-2: "-2 Much less", -1: "-1 Less", 0: "0 Expected", 1: "+1 More", 2: "+2 <Much> more"}


def test_gars_chart_describes_every_point_in_words():
    svg = gars_levels_chart(
        ["Baseline", "Follow-up"],
        [("Goal 1", [-1, 1]), ("Goal 2", [-2, None])],
        [37.6, None],
        NAMES,
    )
    desc = re.search(r"<desc[^>]*>(.*)</desc>", svg).group(1)
    assert desc == (
        "Goal 1: Baseline: -1, Follow-up: +1; Goal 2: Baseline: -2, Follow-up: not rated; "
        "T-score Baseline: 37.6, Follow-up: none."
    )
    assert svg.count("<circle") == 3  # three rated points
    assert svg.count("<rect") == 1  # one T-score
    assert "&lt;Much&gt;" in svg
    assert 'role="img"' in svg


def test_levels_sit_on_their_gridlines():
    svg = gars_levels_chart(["Baseline"], [("Goal 1", [2])], [70.0], NAMES)
    gridlines = [float(y) for y in re.findall(r'<line [^>]*y1="([\d.]+)"', svg)]
    circle_y = float(re.search(r'<circle [^>]*cy="([\d.]+)"', svg).group(1))
    assert gridlines == sorted(gridlines, reverse=True)  # drawn from -2 (low) up to +2
    assert circle_y == gridlines[-1] == min(gridlines)  # +2 sits on the top line


def test_bar_chart_lengths_follow_the_values_and_say_them():
    from toolkit_widgets.charts import bar_chart

    svg = bar_chart("Totals", [("Pro", 52), ("Anti", 26)], 13, 65)
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    assert abs(widths[0] / widths[1] - 3) < 1e-3  # (52 - 13) / (26 - 13)
    assert 'aria-label="Totals: Pro: 52; Anti: 26"' in svg
