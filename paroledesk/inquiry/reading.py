"""What a status inquiry asks, read the same way by the page and the API.

Each reader takes the value as typed and gives it back clean, or raises
InquiryInvalid naming the field with a sentence a person understands. A wrong
value that is well formed (a receipt number nobody has) is not refused here:
that is the lookup's answer, the same for every mismatch.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from paroledesk.core.receipt_numbers import InvalidReceiptNumber, parse_receipt_number
from paroledesk.core.text import UnsafeText, clean_text

FAMILY_NAME_LENGTH = 100
EXPLANATION_LENGTH = 1000
EARLIEST_DATE = date(1900, 1, 1)


class InquiryInvalid(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


@dataclass(frozen=True)
class Identity:
    """What the asker says of the request: only someone who knows all four is answered."""

    receipt_number: str
    family_name: str
    date_of_birth: date
    filed_on: date

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> Identity:
        """The four facts from the values the page's form or the API's body has read."""
        return cls(
            receipt_number=values["receipt_number"],
            family_name=values["family_name"],
            date_of_birth=values["date_of_birth"],
            filed_on=values["filed_on"],
        )


def receipt_read(text: str) -> str:
    try:
        return str(parse_receipt_number(text))
    except InvalidReceiptNumber:
        raise InquiryInvalid(
            "receipt_number",
            _(
                "Enter the receipt number as printed on the receipt notice: three letters "
                "and ten digits, like IOE2700100042."
            ),
        ) from None


def family_name_read(text: str) -> str:
    try:
        name = clean_text(text).strip()
    except UnsafeText as unsafe:
        raise InquiryInvalid(
            "family_name", unsafe.about(_("The family name"), translate=_)
        ) from None
    if not name:
        raise InquiryInvalid(
            "family_name", _("Enter the family name of the person the request is for.")
        )
    if len(name) > FAMILY_NAME_LENGTH:
        raise InquiryInvalid(
            "family_name",
            _("The family name can have at most %(count)d characters.")
            % {"count": FAMILY_NAME_LENGTH},
        )
    return name


def date_check(value: date, field: str) -> date:
    """A date of birth or of filing: neither can be in the future or before 1900."""
    if value > timezone.localdate():
        raise InquiryInvalid(field, _("The date cannot be in the future."))
    if value < EARLIEST_DATE:
        raise InquiryInvalid(field, _("Enter a year from 1900 on."))
    return value


def explanation_read(text: str) -> str:
    """What the asker wants to know; may be empty (then nothing reaches the officer)."""
    try:
        written = clean_text(text, paragraphs=True).strip()
    except UnsafeText as unsafe:
        raise InquiryInvalid(
            "explanation", unsafe.about(_("The explanation"), translate=_)
        ) from None
    if len(written) > EXPLANATION_LENGTH:
        raise InquiryInvalid(
            "explanation",
            _("Keep the explanation to %(count)d characters; it has %(length)d.")
            % {"count": EXPLANATION_LENGTH, "length": len(written)},
        )
    return written


def birth_date_check(value: date) -> date:
    return date_check(value, "date_of_birth")


def filed_on_check(value: date) -> date:
    return date_check(value, "filed_on")


# Each field's reader, for the page's form and the API's body alike.
READERS: dict[str, Callable[[Any], Any]] = {
    "receipt_number": receipt_read,
    "family_name": family_name_read,
    "date_of_birth": birth_date_check,
    "filed_on": filed_on_check,
    "explanation": explanation_read,
}


def fields_read(values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Each field of ``values`` through its reader: the clean values, and the refusals by field."""
    clean: dict[str, Any] = {}
    refused: dict[str, str] = {}
    for name, value in values.items():
        try:
            clean[name] = READERS[name](value) if name in READERS else value
        except InquiryInvalid as invalid:
            refused[name] = invalid.message
    return clean, refused
