"""A whole number with its thousands marked, "12,345": what Django's ``floatformat:"g"``
gives for a count, without its locale and decimal work (a dashboard shows many)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def thousands(value: int) -> str:
    return f"{value:,}"
