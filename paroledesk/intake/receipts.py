"""Issuing receipt numbers: unique under concurrent filing, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from django.db import connection

from paroledesk.core.policy import Channel
from paroledesk.core.receipt_numbers import format_receipt_number, workday_of
from paroledesk.intake.models import ReceiptSequence
from paroledesk.policy.selectors import business_calendar, policy_on

# One statement takes the next numbers: the upsert locks the counter rows until
# the filing's transaction ends, so two filings never read the same value and a
# rolled-back filing gives its numbers back. Each counter is advanced by how many
# numbers it gives, and named in the answer (rows come back in no set order).
# Both databases speak this dialect.
_NEXT = (
    "INSERT INTO {table} (prefix, fiscal_year, workday, last) VALUES {values} "
    "ON CONFLICT (prefix, fiscal_year, workday) DO UPDATE SET last = {table}.last + excluded.last "
    "RETURNING prefix, fiscal_year, workday, last"
)
# Counters per statement: four parameters each, under SQLite's 999.
_COUNTERS_PER_STATEMENT = 200

_Counter = tuple[str, int, int]  # prefix, two-digit fiscal year, workday


def receipt_issue(*, channel: Channel, received_on: date) -> str:
    """The next receipt number for a filing received on that day; call inside its transaction."""
    (number,) = receipts_issue([(channel, received_on)])
    return number


def receipts_issue(wanted: Sequence[tuple[Channel, date]]) -> list[str]:
    """The next receipt numbers for filings by (channel, received on), in the order asked.

    A bulk import asks for a batch's numbers at once: one statement per 200
    counters, not one per filing. Counters are locked in one order (sorted), so
    two batches never wait for each other in a circle. Call inside the
    transaction that saves the filings.
    """
    calendar = business_calendar()
    counters: list[_Counter] = []
    workdays: dict[date, tuple[int, int]] = {}  # a batch's filings share a few days
    for channel, day in wanted:
        if (found := workdays.get(day)) is None:
            found = workdays[day] = workday_of(day, calendar)
        fiscal_year, workday = found
        counters.append((policy_on(day).receipt_prefix(channel), fiscal_year % 100, workday))
    needed = Counter(counters)
    following: dict[_Counter, int] = {}
    table = connection.ops.quote_name(ReceiptSequence._meta.db_table)
    with connection.cursor() as cursor:
        ordered = sorted(needed)
        for start in range(0, len(ordered), _COUNTERS_PER_STATEMENT):
            chunk = ordered[start : start + _COUNTERS_PER_STATEMENT]
            values = ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
            cursor.execute(
                _NEXT.format(table=table, values=values),
                [part for counter in chunk for part in (*counter, needed[counter])],
            )
            for prefix, fiscal_year, workday, last in cursor.fetchall():
                counter = (prefix, fiscal_year, workday)
                following[counter] = last - needed[counter] + 1
    numbers = []
    for counter, (_, day) in zip(counters, wanted, strict=True):
        sequence = following[counter]
        following[counter] += 1
        numbers.append(
            format_receipt_number(prefix=counter[0], day=day, sequence=sequence, calendar=calendar)
        )
    return numbers
