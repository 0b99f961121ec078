from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paroledesk.core.business_days import BusinessCalendar
from paroledesk.core.receipt_numbers import (
    MAX_WORKDAY,
    InvalidReceiptNumber,
    ReceiptNumber,
    fiscal_year_of,
    format_receipt_number,
    parse_receipt_number,
    workday_of,
)

CALENDAR = BusinessCalendar()


def test_a_receipt_number_prints_as_thirteen_characters() -> None:
    number = ReceiptNumber("IOE", 27, 53, 42)
    assert str(number) == "IOE2705300042"
    assert len(str(number)) == 13


def test_the_fiscal_year_starts_on_october_first() -> None:
    assert fiscal_year_of(date(2026, 9, 30)) == 2026
    assert fiscal_year_of(date(2026, 10, 1)) == 2027
    assert fiscal_year_of(date(2027, 1, 15)) == 2027


def test_the_first_business_day_of_the_fiscal_year_is_workday_one() -> None:
    # 2026-10-01 is a Thursday.
    assert workday_of(date(2026, 10, 1), CALENDAR) == (2027, 1)
    assert workday_of(date(2026, 10, 2), CALENDAR) == (2027, 2)
    # Sat 3, Sun 4, then Monday the 5th; Columbus Day is the 12th.
    assert workday_of(date(2026, 10, 3), CALENDAR) == (2027, 3)
    assert workday_of(date(2026, 10, 13), CALENDAR) == (2027, 8)


def test_when_october_first_is_a_weekend_the_following_monday_is_workday_one() -> None:
    # 2022-10-01 was a Saturday.
    assert workday_of(date(2022, 10, 1), CALENDAR) == (2023, 1)
    assert workday_of(date(2022, 10, 3), CALENDAR) == (2023, 1)


def test_a_weekend_filing_at_the_end_of_september_rolls_into_the_next_fiscal_year() -> None:
    # 2023-09-30 was a Saturday; Monday 2023-10-02 opens FY2024.
    assert workday_of(date(2023, 9, 30), CALENDAR) == (2024, 1)
    # The Friday before is the last workday of FY2023.
    fiscal_year, last = workday_of(date(2023, 9, 29), CALENDAR)
    assert fiscal_year == 2023
    assert last == CALENDAR.count(date(2022, 9, 30), date(2023, 9, 30))


def test_no_fiscal_year_from_2000_to_2060_has_more_workdays_than_the_bound() -> None:
    counts = {fy: CALENDAR.count(date(fy - 1, 9, 30), date(fy, 9, 30)) for fy in range(2000, 2061)}
    assert max(counts.values()) == MAX_WORKDAY
    assert MAX_WORKDAY <= 262  # 366 days can hold at most 262 weekdays
    # The year with the most workdays numbers its last one exactly at the bound.
    fullest = max(counts, key=counts.__getitem__)
    assert workday_of(date(fullest, 9, 30), CALENDAR)[1] <= MAX_WORKDAY


def test_format_builds_the_number_from_the_received_date() -> None:
    text = format_receipt_number(
        prefix="IOE", day=date(2026, 10, 13), sequence=42, calendar=CALENDAR
    )
    assert text == "IOE2700800042"


def test_format_accepts_a_lowercase_prefix_and_prints_it_in_capitals() -> None:
    assert format_receipt_number(
        prefix="hpl", day=date(2026, 10, 1), sequence=1, calendar=CALENDAR
    ).startswith("HPL27001")


@pytest.mark.parametrize("prefix", ["IO", "IOEX", "I0E", "ÉOE", ""])
def test_format_refuses_a_prefix_that_is_not_three_letters(prefix: str) -> None:
    with pytest.raises(ValueError, match="must be exactly three letters"):
        format_receipt_number(prefix=prefix, day=date(2026, 10, 1), sequence=1, calendar=CALENDAR)


@pytest.mark.parametrize("sequence", [0, -1, 100_000])
def test_format_refuses_a_sequence_out_of_range(sequence: int) -> None:
    with pytest.raises(ValueError, match="between 1 and 99999"):
        format_receipt_number(
            prefix="IOE", day=date(2026, 10, 1), sequence=sequence, calendar=CALENDAR
        )


@pytest.mark.parametrize(
    "typed", ["IOE2705300042", "ioe2705300042", "  IOE 27 053 00042 ", "IOE-2705300042"]
)
def test_parse_forgives_case_spaces_and_hyphens(typed: str) -> None:
    assert parse_receipt_number(typed) == ReceiptNumber("IOE", 27, 53, 42)


def test_a_short_number_is_refused_with_the_expected_shape() -> None:
    with pytest.raises(InvalidReceiptNumber) as raised:
        parse_receipt_number("IOE12")
    assert str(raised.value) == (
        "Receipt number 'IOE12' must be three letters followed by ten digits, like IOE2700100042."
    )
    assert raised.value.text == "IOE12"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "IOE",
        "IOE27053000420",
        "I0E2705300042",
        "1OE2705300042",
        "IOE27053OOO42",
        "IOE\u0662\u066705300042",
    ],
)
def test_malformed_numbers_are_refused(typed: str) -> None:
    with pytest.raises(InvalidReceiptNumber, match="three letters followed by ten digits"):
        parse_receipt_number(typed)


def test_workday_zero_and_past_the_bound_are_refused() -> None:
    with pytest.raises(InvalidReceiptNumber, match="workday 000"):
        parse_receipt_number("IOE2700000042")
    with pytest.raises(InvalidReceiptNumber, match=f"001 to {MAX_WORKDAY}"):
        parse_receipt_number(f"IOE27{MAX_WORKDAY + 1:03d}00042")
    assert parse_receipt_number(f"IOE27{MAX_WORKDAY:03d}00042").workday == MAX_WORKDAY


def test_sequence_zero_is_refused() -> None:
    with pytest.raises(InvalidReceiptNumber, match="sequence 00000"):
        parse_receipt_number("IOE2705300000")


def test_a_receipt_number_cannot_be_built_with_impossible_parts() -> None:
    with pytest.raises(InvalidReceiptNumber):
        ReceiptNumber("IOE", 27, 0, 1)
    with pytest.raises(InvalidReceiptNumber):
        ReceiptNumber("ioe", 27, 1, 1)


def test_invalid_receipt_number_is_a_value_error() -> None:
    assert issubclass(InvalidReceiptNumber, ValueError)


@settings(deadline=None)  # the first date of each year loads its holidays
@given(
    prefix=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3),
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2098, 12, 31)),
    sequence=st.integers(min_value=1, max_value=99_999),
)
def test_formatting_then_parsing_gives_back_the_parts(
    prefix: str, day: date, sequence: int
) -> None:
    text = format_receipt_number(prefix=prefix, day=day, sequence=sequence, calendar=CALENDAR)
    parsed = parse_receipt_number(text)
    fiscal_year, workday = workday_of(day, CALENDAR)
    assert parsed == ReceiptNumber(prefix, fiscal_year % 100, workday, sequence)
    assert str(parsed) == text
    assert fiscal_year in (fiscal_year_of(day), fiscal_year_of(day) + 1)
