"""Bar charts drawn on the server as inline SVG: no script, no library, nothing fetched.

A chart is a picture of figures that the page also gives as a table, which is
what screen readers use: the SVG is one image (``role="img"``) named by its
title and description, and its words are escaped like any other page text.
Nothing here knows what the figures count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

# USWDS palette colours that keep 3:1 against white (WCAG 1.4.11) and stay apart for
# the common colour blindnesses: blue, orange, then dark cyan and violet.
PALETTE = ("#005ea2", "#c05600", "#00687d", "#54278f")
INK, RULE = "#1b1b1b", "#a9aeb1"

# Sizes in SVG user units; the drawing scales to the width of its column.
WIDTH = 700
ROW, BAR, LABEL_WIDTH, VALUE_WIDTH = 32, 22, 290, 70
TOP, BOTTOM, LEFT = 34, 48, 44
COLUMNS_HEIGHT = 260


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


@dataclass(frozen=True)
class Series:
    """One kind of thing counted in every column, such as approvals."""

    name: str
    values: Sequence[int]


def nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50... at or above ``value``: the top of an axis."""
    if value <= 0:
        return 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def lengths(values: Sequence[int], span: float, *, top: int | None = None) -> list[float]:
    """Each value as a length out of ``span``, in proportion to ``top`` (the largest value
    when not given). All zeros give zero lengths, not a division by zero."""
    if any(value < 0 for value in values):
        raise ValueError("A bar chart draws counts: no value may be below zero.")
    biggest = top if top is not None else max(values, default=0)
    if biggest <= 0:
        return [0.0 for _ in values]
    return [round(span * value / biggest, 1) for value in values]


def _frame(
    ident: str, title: str, description: str, *, width: int, height: int, body: SafeString
) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="pd-chart" viewBox="0 0 {w} {h}" '
        'width="100%" role="img" aria-labelledby="{i}-title {i}-desc" focusable="false">'
        '<title id="{i}-title">{title}</title><desc id="{i}-desc">{desc}</desc>{body}</svg>',
        w=width,
        h=height,
        i=ident,
        title=title,
        desc=description,
        body=body,
    )


def bar_chart(bars: Sequence[Bar], *, ident: str, title: str, description: str) -> SafeString:
    """Horizontal bars, one a row: the label on the left, the count at the bar's end.

    ``ident`` names the chart's title and description for aria-labelledby: one per page.
    """
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    sizes = lengths([bar.value for bar in bars], span)
    height = max(1, len(bars)) * ROW + 8
    rows = format_html_join(
        "",
        '<text x="{lx}" y="{ty}" text-anchor="end" fill="{ink}">{label}</text>'
        '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}"></rect>'
        '<text x="{vx}" y="{ty}" fill="{ink}">{value}</text>',
        (
            {
                "lx": LABEL_WIDTH - 10,
                "x": LABEL_WIDTH,
                "y": index * ROW + 4,
                "ty": index * ROW + 4 + BAR // 2 + 5,
                "w": size,
                "h": BAR,
                "vx": LABEL_WIDTH + size + 8,
                "fill": PALETTE[0],
                "ink": INK,
                "label": bar.label,
                "value": f"{bar.value:,}",
            }
            for index, (bar, size) in enumerate(zip(bars, sizes, strict=True))
        ),
    )
    axis = format_html(
        '<line x1="{x}" y1="0" x2="{x}" y2="{h}" stroke="{rule}"></line>',
        x=LABEL_WIDTH,
        h=height,
        rule=RULE,
    )
    body = format_html('<g font-size="14">{}{}</g>', axis, rows)
    return _frame(ident, title, description, width=WIDTH, height=height, body=body)


def column_chart(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    ident: str,
    title: str,
    description: str,
) -> SafeString:
    """Stacked columns, one a label (a week, say), one colour a series, with a legend."""
    if len(series) > len(PALETTE):
        raise ValueError(f"A column chart has at most {len(PALETTE)} series.")
    for one in series:
        if len(one.values) != len(labels):
            raise ValueError(f"Series {one.name!r} has a value for each column, no more or less.")
    totals = [sum(one.values[index] for one in series) for index in range(len(labels))]
    top = nice_ceiling(max(totals, default=0))
    plot = COLUMNS_HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT) / max(1, len(labels))
    width = round(slot * 0.6, 1)
    parts = [_grid(top, plot), _legend(series)]
    for index, label in enumerate(labels):
        x = round(LEFT + index * slot + (slot - width) / 2, 1)
        base = float(TOP + plot)
        heights = lengths([one.values[index] for one in series], plot, top=top)
        for colour, height in zip(PALETTE, heights, strict=False):
            base = round(base - height, 1)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>',
                    x,
                    base,
                    width,
                    height,
                    colour,
                )
            )
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="{}">{}</text>',
                round(x + width / 2, 1),
                TOP + plot + 18,
                INK,
                label,
            )
        )
    body = format_html_join("", "{}", ((part,) for part in parts))
    return _frame(ident, title, description, width=WIDTH, height=COLUMNS_HEIGHT, body=body)


def _grid(top: int, plot: int) -> SafeString:
    """Lines at zero, half and the top of the axis, each with its figure."""
    marks = [(value, value / top) for value in sorted({0, top // 2, top})]
    return format_html_join(
        "",
        '<line x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="{rule}"></line>'
        '<text x="{tx}" y="{ty}" text-anchor="end" font-size="12" fill="{ink}">{value}</text>',
        (
            {
                "left": LEFT,
                "right": WIDTH,
                "y": round(TOP + plot - share * plot, 1),
                "ty": round(TOP + plot - share * plot + 4, 1),
                "tx": LEFT - 6,
                "rule": RULE,
                "ink": INK,
                "value": f"{value:,}",
            }
            for value, share in marks
        ),
    )


def _legend(series: Sequence[Series]) -> SafeString:
    return format_html_join(
        "",
        '<rect x="{x}" y="6" width="14" height="14" fill="{fill}"></rect>'
        '<text x="{tx}" y="18" font-size="13" fill="{ink}">{name}</text>',
        (
            {"x": LEFT + index * 160, "tx": LEFT + index * 160 + 20, "fill": colour}
            | {"ink": INK, "name": one.name}
            for index, (one, colour) in enumerate(zip(series, PALETTE, strict=False))
        ),
    )


@dataclass(frozen=True)
class BarGroup:
    """One thing measured by every series, such as a reason measured by median and 80th
    percentile; a value of None is not shown (and the group says ``missing`` if none is)."""

    label: str
    values: Sequence[int | None]


def grouped_bar_chart(
    groups: Sequence[BarGroup],
    series: Sequence[str],
    *,
    ident: str,
    title: str,
    description: str,
    missing: str,
) -> SafeString:
    """Horizontal bars, one colour a series, each group's bars together under its label."""
    if len(series) > len(PALETTE):
        raise ValueError(f"A grouped bar chart has at most {len(PALETTE)} series.")
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    given = [value for group in groups for value in group.values if value is not None]
    top = max(given, default=0)
    parts, y = [_legend([Series(name, []) for name in series])], TOP
    for group in groups:
        parts.append(_text(LABEL_WIDTH - 10, y + BAR // 2 + 5, group.label, anchor="end"))
        if all(value is None for value in group.values):
            parts.append(_text(LABEL_WIDTH + 8, y + BAR // 2 + 5, missing))
            y += ROW + 8
            continue
        for colour, value in zip(PALETTE, group.values, strict=False):
            if value is not None:
                size = lengths([value], span, top=top)[0]
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>',
                        LABEL_WIDTH,
                        y,
                        size,
                        BAR,
                        colour,
                    )
                )
                parts.append(_text(LABEL_WIDTH + size + 8, y + BAR // 2 + 5, f"{value:,}"))
            y += ROW
        y += 8
    axis = format_html(
        '<line x1="{x}" y1="{top}" x2="{x}" y2="{h}" stroke="{rule}"></line>',
        x=LABEL_WIDTH, top=TOP - 4, h=y, rule=RULE,
    )  # fmt: skip
    body = format_html(
        '<g font-size="14">{}{}</g>', axis, format_html_join("", "{}", ((p,) for p in parts))
    )
    return _frame(ident, title, description, width=WIDTH, height=y + 8, body=body)


def _text(x: float, y: float, words: str, *, anchor: str = "start") -> SafeString:
    return format_html(
        '<text x="{}" y="{}" text-anchor="{}" fill="{}">{}</text>', x, y, anchor, INK, words
    )
