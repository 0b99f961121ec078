"""Business days: Monday to Friday, less U.S. federal holidays and declared closures.

Dates are handled as proleptic ordinals (``date.toordinal()``) so that counting
weekdays is arithmetic rather than a day-by-day walk; only the handful of
non-business weekdays per year need a lookup. That keeps a 120-business-day
window in the low microseconds, which matters when a surge files thousands of
requests a day and every queue row shows its window.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from threading import Lock

import holidays

CLOSURE_LABEL = "Closure"

# Ordinal 1 (0001-01-01) is a Monday, so an ordinal's weekday is (o - 1) % 7.
_WEEK = 7
_WORKWEEK = 5


def _weekdays_through(ordinal: int) -> int:
    """Weekdays among ordinals 1..ordinal; differences give counts over any range."""
    weeks, rest = divmod(ordinal, _WEEK)
    return _WORKWEEK * weeks + min(rest, _WORKWEEK)


def _ordinal_of_weekday_number(number: int) -> int:
    """The ordinal of the number-th weekday since ordinal 1 (inverse of the above)."""
    weeks, rest = divmod(number - 1, _WORKWEEK)
    return _WEEK * weeks + rest + 1


def _federal_holidays(year: int) -> dict[date, str]:
    """Federal holidays dated in ``year``, observed dates included.

    The holidays package files an observed date under the year of the holiday
    it stands for (New Year's Day 2022, a Saturday, is observed on Friday
    2021-12-31), so the neighbouring years are generated too and filtered by
    the date itself.
    """
    years = [y for y in (year - 1, year, year + 1) if date.min.year <= y <= date.max.year]
    # Public category and no subdivision: federal holidays only, so no state
    # days and no Inauguration Day, which is a holiday in and around DC only.
    source = holidays.country_holidays(
        "US", years=years, observed=True, categories=(holidays.PUBLIC,)
    )
    return {day: name for day, name in source.items() if day.year == year}


class BusinessCalendar:
    """Federal business days, optionally less administrator-declared closures.

    A calendar is cheap to query but loads holidays a year at a time on first
    use, so keep one instance around rather than building one per call. It
    may be shared between threads: loading is serialized, and each load
    publishes fresh containers instead of changing the ones a reader holds.
    """

    def __init__(self, closures: Iterable[date] = ()) -> None:
        self._closures: frozenset[date] = frozenset(closures)
        self._lock = Lock()
        self._names: dict[date, str] = {}
        self._off: list[int] = []  # sorted ordinals of non-business weekdays
        self._off_set: frozenset[int] = frozenset()
        self._loaded_years: frozenset[int] = frozenset()

    # -- loading ---------------------------------------------------------

    def _ensure_years(self, first: int, last: int) -> None:
        loaded = self._loaded_years
        if all(year in loaded for year in range(first, last + 1)):
            return
        with self._lock:
            missing = [y for y in range(first, last + 1) if y not in self._loaded_years]
            names = dict(self._names)
            for year in missing:
                names.update(_federal_holidays(year))
            for closure in self._closures:
                if closure.year in missing:
                    # A closure on a holiday changes nothing; keep the holiday's name.
                    names.setdefault(closure, CLOSURE_LABEL)
            off = frozenset(d.toordinal() for d in names if d.weekday() < _WORKWEEK)
            self._names = names
            self._off_set = off
            self._off = sorted(off)
            # Published last, so no reader trusts a year before its days are in.
            self._loaded_years = self._loaded_years | set(missing)

    # -- queries ---------------------------------------------------------

    def is_business_day(self, day: date) -> bool:
        if day.weekday() >= _WORKWEEK:
            return False
        self._ensure_years(day.year, day.year)
        return day.toordinal() not in self._off_set

    def holiday_name(self, day: date) -> str | None:
        """The holiday's name (also on a weekend), "Closure" for a closure, else None."""
        self._ensure_years(day.year, day.year)
        return self._names.get(day)

    def count(self, start: date, end: date) -> int:
        """Business days after ``start`` up to and including ``end``."""
        if end <= start:
            return 0
        self._ensure_years(start.year, end.year)
        off = self._off  # one consistent list even if another thread loads a year
        first, last = start.toordinal(), end.toordinal()
        weekdays = _weekdays_through(last) - _weekdays_through(first)
        return weekdays - (bisect_right(off, last) - bisect_right(off, first))

    def add(self, start: date, days: int) -> date:
        """The date ``days`` business days after ``start``, not counting ``start``."""
        if days < 0:
            raise ValueError(
                f"Cannot add {days} business days: the number of days must be zero or more."
            )
        if days == 0:
            return start
        first = start.toordinal()
        base = _weekdays_through(first)
        # Walk forward by weekdays, then lengthen the walk by the non-business
        # weekdays it crossed, until no new ones are crossed. The length only
        # grows, so it stops at the smallest fit, which is always a business
        # day (if it ended on a holiday, one weekday fewer would also fit).
        weekdays = days
        while True:
            ordinal = _ordinal_of_weekday_number(base + weekdays)
            self._ensure_years(start.year, date.fromordinal(ordinal).year)
            off = self._off
            needed = days + bisect_right(off, ordinal) - bisect_right(off, first)
            if needed == weekdays:
                return date.fromordinal(ordinal)
            weekdays = needed

    def next_business_day(self, day: date) -> date:
        """``day`` itself when it is a business day, else the next one."""
        while not self.is_business_day(day):
            day += timedelta(days=1)
        return day
