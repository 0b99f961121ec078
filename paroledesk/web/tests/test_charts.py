"""Charts drawn as SVG: bars in proportion, nothing broken by zeros, every word escaped."""

import re
from xml.etree import ElementTree

import pytest

from paroledesk.web.charts import (
    LABEL_WIDTH,
    VALUE_WIDTH,
    WIDTH,
    Bar,
    BarGroup,
    Series,
    bar_chart,
    column_chart,
    grouped_bar_chart,
    lengths,
    nice_ceiling,
)

SVG = "{http://www.w3.org/2000/svg}"


def parsed(svg):
    """The chart as XML: it must parse, so nothing in it was left unescaped."""
    return ElementTree.fromstring(str(svg))  # noqa: S314 - our own markup, made in the test


def rects(svg):
    return [float(rect.get("width")) for rect in parsed(svg).iter(f"{SVG}rect")]


def heights(svg):
    return [float(rect.get("height")) for rect in parsed(svg).iter(f"{SVG}rect")]


def test_lengths_are_in_proportion_to_the_largest():
    assert lengths([10, 5, 0, 2], 200) == [200.0, 100.0, 0.0, 40.0]


def test_lengths_can_be_measured_against_a_given_top():
    assert lengths([5, 10], 100, top=20) == [25.0, 50.0]


def test_all_zeros_or_nothing_draw_nothing_and_do_not_fail():
    assert lengths([0, 0, 0], 300) == [0.0, 0.0, 0.0]
    assert lengths([], 300) == []


def test_a_count_below_zero_is_refused():
    with pytest.raises(ValueError, match="below zero"):
        lengths([3, -1], 100)


@pytest.mark.parametrize(
    ("value", "top"), [(0, 1), (1, 1), (2, 2), (3, 5), (7, 10), (11, 20), (260, 500), (501, 1000)]
)
def test_an_axis_ends_on_a_round_figure(value, top):
    assert nice_ceiling(value) == top


def test_a_bar_chart_draws_one_bar_a_row_in_proportion():
    svg = bar_chart(
        [Bar("Received", 40), Bar("Assigned", 10), Bar("Denied", 0)],
        ident="statuses",
        title="Requests by status",
        description="Three statuses.",
    )
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    assert rects(svg) == [span, span / 4, 0.0]
    root = parsed(svg)
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert texts == ["Received", "40", "Assigned", "10", "Denied", "0"]


def test_a_chart_is_one_image_named_by_its_title_and_description():
    root = parsed(bar_chart([Bar("A", 1)], ident="ages", title="Ages", description="Open work."))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "ages-title ages-desc"
    assert root.find(f"{SVG}title").get("id") == "ages-title"
    assert root.find(f"{SVG}title").text == "Ages"
    assert root.find(f"{SVG}desc").text == "Open work."


def test_a_chart_of_zeros_still_draws():
    svg = bar_chart([Bar("None yet", 0)], ident="empty", title="Empty", description="Zero.")
    assert rects(svg) == [0.0]
    svg = column_chart(
        ["Jan 4", "Jan 11"],
        [Series("Approved", [0, 0]), Series("Denied", [0, 0])],
        ident="weeks",
        title="Weeks",
        description="None.",
    )
    assert heights(svg)[2:] == [0.0, 0.0, 0.0, 0.0]  # after the two legend keys


def test_every_word_is_escaped():
    hostile = '<script>alert("x")</script> & "quotes"'
    svg = str(
        bar_chart(
            [Bar(hostile, 3)],
            ident="x",
            title=hostile,
            description=hostile,
        )
    )
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert next(parsed(svg).iter(f"{SVG}text")).text == hostile
    columns = str(
        column_chart([hostile], [Series(hostile, [1])], ident="y", title="T", description="D")
    )
    assert "<script>" not in columns
    parsed(columns)


def test_stacked_columns_add_up_and_share_one_scale():
    svg = column_chart(
        ["W1", "W2"],
        [Series("Approved", [2, 6]), Series("Denied", [3, 4])],
        ident="weeks",
        title="Weeks",
        description="Two weeks.",
    )
    legend, bars = heights(svg)[:2], heights(svg)[2:]
    assert legend == [14.0, 14.0]
    w1_approved, w1_denied, w2_approved, w2_denied = bars
    # The axis tops at 10 (the largest total): heights are in one proportion.
    assert w2_approved + w2_denied == pytest.approx(2 * (w1_approved + w1_denied))
    assert w1_denied == pytest.approx(1.5 * w1_approved)
    # Each series keeps its colour in every column.
    fills = [rect.get("fill") for rect in parsed(svg).iter(f"{SVG}rect")][2:]
    assert fills[0] == fills[2]
    assert fills[1] == fills[3]
    assert fills[0] != fills[1]


def test_the_axis_figures_sit_at_their_heights():
    svg = str(
        column_chart(["W1"], [Series("Approved", [5])], ident="z", title="T", description="D")
    )
    marks = re.findall(r'<line x1="\d+" y1="([\d.]+)"', svg)
    zero, half, top = (float(mark) for mark in marks)
    # The axis goes 0, 2, 5: the 2 is two fifths of the way up.
    assert (zero - half) / (zero - top) == pytest.approx(0.4)


def test_columns_need_a_value_for_each_label():
    with pytest.raises(ValueError, match="a value for each column"):
        column_chart(["W1", "W2"], [Series("Approved", [1])], ident="w", title="T", description="D")


def test_grouped_bars_are_in_proportion_and_a_group_without_values_says_so():
    svg = grouped_bar_chart(
        [BarGroup("Medical", [5, 10]), BarGroup("<Protection>", [None, None])],
        ["Half", "Eight in ten"],
        ident="chart-groups",
        title="Times",
        description="The table gives each figure.",
        missing="Not enough decisions",
    )
    # Two bars drawn (the legend's two swatches come first), the longer the full span.
    widths = rects(svg)[2:]
    assert widths == [(WIDTH - LABEL_WIDTH - VALUE_WIDTH) / 2, WIDTH - LABEL_WIDTH - VALUE_WIDTH]
    words = [text.text for text in parsed(svg).iter(f"{SVG}text")]
    assert "<Protection>" in words
    assert "Not enough decisions" in words
    with pytest.raises(ValueError, match="at most"):
        grouped_bar_chart([], ["a", "b", "c", "d", "e"], ident="x", title="", description="",
                          missing="")  # fmt: skip
