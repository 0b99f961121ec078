"""Published processing times: how long decisions took, by reason, kept private when few.

The figures are percentiles of business days from receipt (not counting the
day received) to decision, by the nearest-rank method: the p-th percentile is
the smallest duration such that at least p percent of the decisions took that
long or less. It is always a duration some decision actually took, a whole
number of days, and it reads plainly: "half were decided within N business
days; eight in ten within M".

A group with fewer than MIN_DECISIONS decisions publishes no figure at all,
its count of decisions included: a median of three decisions, or the count
going from 2 to 3 one week, tells the people involved (and whoever knows them)
about one family's case. Such a group still says how many requests wait.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

MIN_DECISIONS = 10
WINDOW_MONTHS = 6
MEDIAN, EIGHT_IN_TEN = 50, 80


def months_before(day: date, months: int) -> date:
    """The same day of the month ``months`` earlier, or that month's last day if shorter."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def nearest_rank(counts: Mapping[int, int], percent: int) -> int:
    """The nearest-rank ``percent``-th percentile of durations given as {duration: how many}.

    With n durations sorted, it is the one at rank ceil(percent / 100 * n), counted from 1.
    """
    total = sum(counts.values())
    if total <= 0 or not 0 < percent <= 100:
        raise ValueError("A percentile needs some durations and a percentage from 1 to 100.")
    rank = -(-percent * total // 100)  # the ceiling, in whole numbers
    seen = 0
    for duration in sorted(counts):
        seen += counts[duration]
        if seen >= rank:
            return duration
    raise AssertionError("The ranks add up to the total.")


@dataclass(frozen=True)
class GroupTimes:
    category: str
    decided: int | None  # None: fewer than MIN_DECISIONS, not published
    median_business_days: int | None
    p80_business_days: int | None
    waiting: int

    @property
    def published(self) -> bool:
        return self.decided is not None


def group_times(*, category: str, durations: Mapping[int, int], waiting: int) -> GroupTimes:
    """One reason's figures from its decisions' durations ({business days: how many})."""
    decided = sum(durations.values())
    if decided < MIN_DECISIONS:
        return GroupTimes(category, None, None, None, waiting)
    return GroupTimes(
        category,
        decided,
        nearest_rank(durations, MEDIAN),
        nearest_rank(durations, EIGHT_IN_TEN),
        waiting,
    )
