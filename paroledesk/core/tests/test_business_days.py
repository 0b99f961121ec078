from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paroledesk.core.business_days import CLOSURE_LABEL, BusinessCalendar

# One calendar for the module: loading holidays is the only slow part, and
# sharing it also exercises the per-year cache across tests.
CALENDAR = BusinessCalendar()


def brute_force_add(calendar: BusinessCalendar, start: date, days: int) -> date:
    """Walk day by day, as a person would with a wall calendar."""
    day = start
    while days:
        day += timedelta(days=1)
        if calendar.is_business_day(day):
            days -= 1
    return day


def brute_force_count(calendar: BusinessCalendar, start: date, end: date) -> int:
    span = (end - start).days
    return sum(calendar.is_business_day(start + timedelta(days=i)) for i in range(1, span + 1))


@pytest.mark.parametrize(
    ("holiday", "observed", "name"),
    [
        (date(2026, 7, 4), date(2026, 7, 3), "Independence Day"),  # Sat -> Fri
        (date(2021, 7, 4), date(2021, 7, 5), "Independence Day"),  # Sun -> Mon
        (date(2021, 12, 25), date(2021, 12, 24), "Christmas Day"),  # Sat -> Fri
        (date(2022, 12, 25), date(2022, 12, 26), "Christmas Day"),  # Sun -> Mon
        (date(2022, 1, 1), date(2021, 12, 31), "New Year's Day"),  # Sat -> Fri, year before
        (date(2023, 1, 1), date(2023, 1, 2), "New Year's Day"),  # Sun -> Mon
    ],
)
def test_a_weekend_holiday_is_observed_on_the_nearest_weekday(
    holiday: date, observed: date, name: str
) -> None:
    assert holiday.weekday() >= 5
    assert not CALENDAR.is_business_day(observed)
    assert CALENDAR.holiday_name(observed) == f"{name} (observed)"
    # The weekday on the other side of the weekend is an ordinary business day.
    other_side = observed + timedelta(days=3 if observed.weekday() == 4 else -3)
    assert CALENDAR.is_business_day(other_side)


def test_new_years_day_observed_in_the_previous_year_is_found_by_a_fresh_calendar() -> None:
    # Only 2021 is ever asked about, so the 2022 holiday must come from loading 2021.
    calendar = BusinessCalendar()
    assert not calendar.is_business_day(date(2021, 12, 31))
    assert calendar.count(date(2021, 12, 30), date(2022, 1, 3)) == 1


def test_christmas_on_a_sunday_is_observed_on_monday() -> None:
    assert CALENDAR.next_business_day(date(2022, 12, 24)) == date(2022, 12, 27)


def test_juneteenth_is_a_holiday_since_2021_and_not_before() -> None:
    assert CALENDAR.holiday_name(date(2025, 6, 19)) == "Juneteenth National Independence Day"
    assert not CALENDAR.is_business_day(date(2025, 6, 19))
    # 2021-06-19 was a Saturday: observed Friday the 18th, the first year it was a holiday.
    assert not CALENDAR.is_business_day(date(2021, 6, 18))
    assert CALENDAR.is_business_day(date(2020, 6, 19))


def test_weekends_are_not_business_days_and_have_no_holiday_name() -> None:
    assert not CALENDAR.is_business_day(date(2025, 11, 15))
    assert not CALENDAR.is_business_day(date(2025, 11, 16))
    assert CALENDAR.holiday_name(date(2025, 11, 15)) is None
    assert CALENDAR.is_business_day(date(2025, 11, 17))


def test_only_federal_holidays_count_not_inauguration_day_or_state_days() -> None:
    # 2025-01-20 is Inauguration Day in DC and also MLK Day: named for MLK only.
    assert CALENDAR.holiday_name(date(2025, 1, 20)) == "Martin Luther King Jr. Day"
    # 2021-01-20 was Inauguration Day, a Wednesday: a business day for the federal calendar.
    assert CALENDAR.is_business_day(date(2021, 1, 20))
    # Cesar Chavez Day (California) and Patriots' Day (Massachusetts) are not federal.
    assert CALENDAR.is_business_day(date(2025, 3, 31))
    assert CALENDAR.is_business_day(date(2025, 4, 21))


def test_a_declared_closure_is_not_a_business_day_and_is_labelled_closure() -> None:
    # Christmas Eve 2024 was given off by executive order; the calendar only
    # knows that because an administrator declares it.
    eve = date(2024, 12, 24)
    assert CALENDAR.is_business_day(eve)
    closed = BusinessCalendar(closures=[eve])
    assert not closed.is_business_day(eve)
    assert closed.holiday_name(eve) == CLOSURE_LABEL
    assert closed.count(date(2024, 12, 23), date(2024, 12, 26)) == 1
    assert closed.add(date(2024, 12, 23), 1) == date(2024, 12, 26)


def test_a_closure_on_a_holiday_keeps_the_holiday_name() -> None:
    christmas = date(2024, 12, 25)
    assert BusinessCalendar([christmas]).holiday_name(christmas) == "Christmas Day"


def test_the_start_day_is_not_counted() -> None:
    monday = date(2025, 11, 17)
    assert CALENDAR.add(monday, 1) == date(2025, 11, 18)
    assert CALENDAR.count(monday, monday) == 0
    assert CALENDAR.count(monday, date(2025, 11, 18)) == 1
    # From a Friday, one business day later is the Monday.
    assert CALENDAR.add(date(2025, 11, 14), 1) == monday


def test_adding_zero_days_returns_the_start_even_on_a_weekend() -> None:
    saturday = date(2025, 11, 15)
    assert CALENDAR.add(saturday, 0) == saturday


def test_adding_negative_days_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="zero or more"):
        CALENDAR.add(date(2025, 1, 1), -1)


def test_count_is_zero_when_the_end_is_not_after_the_start() -> None:
    assert CALENDAR.count(date(2025, 11, 20), date(2025, 11, 10)) == 0


def test_the_90_and_120_business_day_window_crosses_the_year_end() -> None:
    received = date(2025, 11, 14)  # a Friday
    # By hand, week by week after the receipt date (holidays in brackets):
    #   Nov 17-21: 5  | Nov 24-28: 9 [Thanksgiving 27] | Dec 1-5: 14 | Dec 8-12: 19
    #   Dec 15-19: 24 | Dec 22-26: 28 [Christmas 25]   | Dec 29-Jan 2: 32 [New Year 1]
    #   Jan 5-9: 37   | Jan 12-16: 42 | Jan 19-23: 46 [MLK 19] | Jan 26-30: 51
    #   Feb 2-6: 56   | Feb 9-13: 61  | Feb 16-20: 65 [Washington 16] | Feb 23-27: 70
    #   Mar 2-6: 75   | Mar 9-13: 80  | Mar 16-20: 85 | Mar 23-27: 90 -> Fri 2026-03-27
    #   Mar 30-Apr 3: 95 | Apr 6-10: 100 | Apr 13-17: 105 | Apr 20-24: 110
    #   Apr 27-May 1: 115 | May 4-8: 120 -> Fri 2026-05-08
    assert CALENDAR.add(received, 90) == date(2026, 3, 27)
    assert CALENDAR.add(received, 120) == date(2026, 5, 8)
    assert brute_force_add(CALENDAR, received, 90) == date(2026, 3, 27)
    assert brute_force_add(CALENDAR, received, 120) == date(2026, 5, 8)
    assert CALENDAR.count(received, date(2026, 5, 8)) == 120


def test_declared_closures_push_the_window_back() -> None:
    received = date(2025, 11, 14)
    closed = BusinessCalendar([date(2025, 12, 24), date(2025, 12, 26)])
    assert closed.add(received, 90) == date(2026, 3, 31)
    assert closed.add(received, 120) == date(2026, 5, 12)


def test_next_business_day_skips_a_long_weekend() -> None:
    # Saturday before Columbus Day 2025 -> Tuesday.
    assert CALENDAR.next_business_day(date(2025, 10, 11)) == date(2025, 10, 14)
    assert CALENDAR.next_business_day(date(2025, 10, 14)) == date(2025, 10, 14)


def test_a_year_has_as_many_business_days_as_a_day_by_day_count() -> None:
    for year in (2020, 2021, 2026):
        start, end = date(year - 1, 12, 31), date(year, 12, 31)
        assert CALENDAR.count(start, end) == brute_force_count(CALENDAR, start, end)
    # 2025: 261 weekdays less 11 holidays, none on a weekend.
    assert CALENDAR.count(date(2024, 12, 31), date(2025, 12, 31)) == 250


dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))
# The first example in a year pays for loading its holidays; a per-example
# deadline would turn that one-off cost on a busy CI machine into a flaky failure.
calendar_settings = settings(deadline=None)


@calendar_settings
@given(start=dates, days=st.integers(min_value=0, max_value=400))
def test_count_undoes_add(start: date, days: int) -> None:
    assert CALENDAR.count(start, CALENDAR.add(start, days)) == days


@calendar_settings
@given(start=dates, days=st.integers(min_value=1, max_value=400))
def test_add_always_lands_on_a_business_day(start: date, days: int) -> None:
    assert CALENDAR.is_business_day(CALENDAR.add(start, days))


@settings(calendar_settings, max_examples=30)
@given(start=dates, span=st.integers(min_value=0, max_value=60))
def test_count_matches_a_day_by_day_walk(start: date, span: int) -> None:
    end = start + timedelta(days=span)
    assert CALENDAR.count(start, end) == brute_force_count(CALENDAR, start, end)


@settings(calendar_settings, max_examples=30)
@given(start=dates, days=st.integers(min_value=0, max_value=60))
def test_add_matches_a_day_by_day_walk(start: date, days: int) -> None:
    assert CALENDAR.add(start, days) == brute_force_add(CALENDAR, start, days)
