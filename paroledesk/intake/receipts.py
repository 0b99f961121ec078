"""Issuing receipt numbers: unique under concurrent filing, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from django.db import connection

from paroledesk.core.policy import Channel
from paroledesk.core.receipt_numbers import format_receipt_number, workday_of
from paroledesk.intake.models import ReceiptSequence
from paroledesk.policy.selectors import business_calendar, policy_on

# One statement takes the next number: the upsert locks the counter row until
# the filing's transaction ends, so two filings never read the same value and a
# rolled-back filing gives its number back. Both databases speak this dialect.
_NEXT = (
    "INSERT INTO {table} (prefix, fiscal_year, workday, last) VALUES (%s, %s, %s, 1) "
    "ON CONFLICT (prefix, fiscal_year, workday) DO UPDATE SET last = {table}.last + 1 "
    "RETURNING last"
)


def receipt_issue(*, channel: Channel, received_on: date) -> str:
    """The next receipt number for a filing received on that day; call inside its transaction."""
    calendar = business_calendar()
    prefix = policy_on(received_on).receipt_prefix(channel)
    fiscal_year, workday = workday_of(received_on, calendar)
    table = connection.ops.quote_name(ReceiptSequence._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(_NEXT.format(table=table), [prefix, fiscal_year % 100, workday])
        (sequence,) = cursor.fetchone()
    return format_receipt_number(
        prefix=prefix, day=received_on, sequence=sequence, calendar=calendar
    )
