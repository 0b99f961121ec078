"""Receipt numbers: three letters, then fiscal year, workday and sequence.

``IOE2705300042`` reads as prefix IOE, fiscal year 2027, the 53rd business
day of that fiscal year, and the 42nd request received that day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from paroledesk.core.business_days import BusinessCalendar

EXAMPLE = "IOE2700100042"
MAX_SEQUENCE = 99_999
# A fiscal year has at most 262 weekdays, less ten or eleven federal holidays
# that always fall on a weekday once observed. The largest count from FY2000
# to FY2060 is 252 (e.g. FY2004, FY2020); a test recomputes it, so a change in
# the holiday list that breaks this bound fails loudly instead of minting
# receipt numbers this module would later reject.
MAX_WORKDAY = 252

_SHAPE = re.compile(r"([A-Z]{3})([0-9]{2})([0-9]{3})([0-9]{5})")
_PREFIX = re.compile(r"[A-Z]{3}")
# People copy receipt numbers from notices with spaces or hyphens in them.
_SEPARATORS = str.maketrans("", "", " -")


class InvalidReceiptNumber(ValueError):
    """A receipt number that cannot be one; the message says what is wrong."""

    def __init__(self, text: str, problem: str) -> None:
        super().__init__(f"Receipt number {text!r} {problem}")
        self.text = text
        self.problem = problem


def _problem(prefix: str, fiscal_year: int, workday: int, sequence: int) -> str | None:
    """What is wrong with these parts, as the end of a sentence, or None."""
    if not _PREFIX.fullmatch(prefix):
        return f"must start with three capital letters, like {EXAMPLE}."
    if not 0 <= fiscal_year <= 99:
        return "must have a two-digit fiscal year."
    if not 1 <= workday <= MAX_WORKDAY:
        return (
            f"has workday {workday:03d}, but workdays run from 001 to {MAX_WORKDAY:03d} "
            "(the business days of a fiscal year)."
        )
    if not 1 <= sequence <= MAX_SEQUENCE:
        return f"has sequence {sequence:05d}, but sequences run from 00001 to {MAX_SEQUENCE}."
    return None


@dataclass(frozen=True)
class ReceiptNumber:
    prefix: str
    fiscal_year: int  # the last two digits only, as printed
    workday: int
    sequence: int

    def __post_init__(self) -> None:
        # Guards direct construction too, so a ReceiptNumber always prints as
        # something parse_receipt_number accepts.
        problem = _problem(self.prefix, self.fiscal_year, self.workday, self.sequence)
        if problem is not None:
            raise InvalidReceiptNumber(self._raw(), problem)

    def _raw(self) -> str:
        return f"{self.prefix}{self.fiscal_year:02d}{self.workday:03d}{self.sequence:05d}"

    def __str__(self) -> str:
        return self._raw()


def parse_receipt_number(text: str) -> ReceiptNumber:
    """Reads a receipt number as people type it: any case, spaces and hyphens ignored."""
    cleaned = text.strip().upper().translate(_SEPARATORS)
    match = _SHAPE.fullmatch(cleaned)
    if match is None:
        raise InvalidReceiptNumber(
            text.strip(), f"must be three letters followed by ten digits, like {EXAMPLE}."
        )
    prefix, year, workday, sequence = match.groups()
    problem = _problem(prefix, int(year), int(workday), int(sequence))
    if problem is not None:
        raise InvalidReceiptNumber(text.strip(), problem)
    return ReceiptNumber(prefix, int(year), int(workday), int(sequence))


def fiscal_year_of(day: date) -> int:
    """The U.S. federal fiscal year (four digits); it starts on October 1."""
    return day.year + 1 if day.month >= 10 else day.year


def workday_of(day: date, calendar: BusinessCalendar) -> tuple[int, int]:
    """(fiscal year, ordinal business day within it) for a receipt dated ``day``.

    Filings that arrive on a weekend or holiday are received on the next
    business day. That can carry them into the next fiscal year: a filing on
    Saturday, September 30 gets the first workday of the new year.
    """
    received = calendar.next_business_day(day)
    fiscal_year = fiscal_year_of(received)
    eve_of_year = date(fiscal_year - 1, 10, 1) - timedelta(days=1)
    return fiscal_year, calendar.count(eve_of_year, received)


def format_receipt_number(
    *, prefix: str, day: date, sequence: int, calendar: BusinessCalendar
) -> str:
    """The receipt number for the ``sequence``-th request received on ``day``."""
    if not (len(prefix) == 3 and prefix.isascii() and prefix.isalpha()):
        raise ValueError(f"Receipt prefix {prefix!r} must be exactly three letters, like IOE.")
    if isinstance(sequence, bool) or not 1 <= sequence <= MAX_SEQUENCE:
        raise ValueError(
            f"Receipt sequence {sequence} must be between 1 and {MAX_SEQUENCE}; "
            "a day cannot have more receipts under one prefix."
        )
    fiscal_year, workday = workday_of(day, calendar)
    return str(ReceiptNumber(prefix.upper(), fiscal_year % 100, workday, sequence))
