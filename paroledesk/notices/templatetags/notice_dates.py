"""Dates in notices as people write them: "December 29, 2026", not "2026-12-29".

A notice's content keeps its dates as ISO text (fixed at issue); the letter says them
in words. Anything that is not an ISO date is shown as it is.
"""

from __future__ import annotations

from datetime import date

from django import template

register = template.Library()

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(value: object) -> str:
    """The day in words, in English (the language of the decision)."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return str(value)
    if isinstance(value, date):
        return f"{MONTHS[value.month - 1]} {value.day}, {value.year}"
    return "" if value is None else str(value)


register.filter("long_date", long_date)
