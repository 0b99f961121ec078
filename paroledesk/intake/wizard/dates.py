"""The USWDS memorable date: a date asked as month, day and year, checked in plain words."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from paroledesk.core.filing import EARLIEST_BIRTH
from paroledesk.core.text import whole_number

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MONTHS = [
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
]
# The parts of a date, as the messages name them.
PARTS = {"month": _("month"), "day": _("day"), "year": _("year")}


class MemorableDateWidget(forms.MultiWidget):
    """Month, day and year, named ``<name>_month``, ``<name>_day`` and ``<name>_year``."""

    def __init__(self) -> None:
        super().__init__(
            widgets={"month": forms.TextInput, "day": forms.TextInput, "year": forms.TextInput}
        )

    def decompress(self, value: Any) -> list[str]:
        if isinstance(value, list | tuple):
            month, day, year = ([*map(str, value), "", "", ""])[:3]
            return [month, day, year]
        if isinstance(value, str) and value:
            try:
                value = date.fromisoformat(value)
            except ValueError:
                return ["", "", ""]
        if isinstance(value, date):
            return [str(value.month), str(value.day), str(value.year)]
        return ["", "", ""]


class MemorableDateField(forms.Field):
    """A date written as three parts, checked with messages a person understands.

    Cleans to the ISO date text ("1988-03-14"), as the filing document holds it.
    """

    widget = MemorableDateWidget

    def __init__(self, *, what: StrOrPromise, latest: date | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", _("For example: March 14 1988"))
        super().__init__(**kwargs)
        self.what, self.latest = what, latest

    def to_python(self, value: Any) -> str | None:
        month, day, year = (part.strip() for part in MemorableDateWidget().decompress(value))
        if not (month or day or year):
            return None
        parts = {"month": month, "day": day, "year": year}
        missing = [name for name, part in parts.items() if not part]
        if missing:
            parts_missing = gettext(" and a ").join(str(PARTS[name]) for name in missing)
            raise forms.ValidationError(
                gettext("The %(what)s needs a %(parts)s.")
                % {"what": self.what, "parts": parts_missing}
            )
        month_number = whole_number(month, digits=2)
        if month_number is None or not 1 <= month_number <= 12:
            raise forms.ValidationError(gettext("Choose the month from the list."))
        day_number = whole_number(day, digits=2)
        if day_number is None or not 1 <= day_number <= 31:
            raise forms.ValidationError(gettext("Enter the day as a number from 1 to 31."))
        year_number = whole_number(year, digits=4)
        if year_number is None or year_number < 1000:
            raise forms.ValidationError(gettext("Enter the year with four digits, like 1988."))
        try:
            found = date(year_number, month_number, day_number)
        except ValueError:
            raise forms.ValidationError(
                gettext("%(month)s %(year)s has no day %(day)s. Check the day and the month.")
                % {"month": MONTHS[month_number - 1], "year": year_number, "day": day_number}
            ) from None
        if self.latest and found > self.latest:
            raise forms.ValidationError(
                gettext("The %(what)s cannot be in the future.") % {"what": self.what}
            )
        if found < EARLIEST_BIRTH:
            raise forms.ValidationError(
                gettext("Enter a year from %(year)s on.") % {"year": EARLIEST_BIRTH.year}
            )
        return found.isoformat()

    def validate(self, value: Any) -> None:
        if value is None and self.required:
            raise forms.ValidationError(gettext("Enter the %(what)s.") % {"what": self.what})
