"""The filing document: reading it from JSON, and the name key used to find duplicates.

``parse_filing`` checks the shape of every field and reports all problems at
once as ``invalid`` errors with the field's dotted path. The filing rules
(sponsor, fee, re-parole, refiling...) are checked afterwards by
``check_filing`` in ``filing_rules``, re-exported here so callers need only
this module.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import fields
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar, cast

# A plain dict of ISO 3166-1 alpha-2 codes; importing it needs no Django settings.
from django_countries.data import COUNTRIES

from paroledesk.core.filing_rules import (
    HQ_GRANTOR,
    Basis,
    BeneficiaryInfo,
    Category,
    ExpediteInfo,
    FeeInfo,
    FeePayment,
    FieldError,
    FilingDocument,
    FilingFacts,
    FilingOutcome,
    FilingPolicy,
    GrantFacts,
    Kind,
    Location,
    ReasonInfo,
    RelatedRequestFacts,
    RequestorInfo,
    RequestorRole,
    SponsorInfo,
    SponsorStatus,
    Warning_,
    check_filing,
    filing_fee_due,
)
from paroledesk.core.policy import Channel
from paroledesk.core.receipt_numbers import InvalidReceiptNumber, parse_receipt_number

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# fmt: off
__all__ = [
    "HQ_GRANTOR", "Basis", "BeneficiaryInfo", "Category", "Channel", "ExpediteInfo", "FeeInfo",
    "FeePayment", "FieldError", "FilingDocument", "FilingFacts", "FilingInvalid", "FilingOutcome",
    "FilingPolicy", "GrantFacts", "Kind", "Location", "ReasonInfo", "RelatedRequestFacts",
    "RequestorInfo", "RequestorRole", "SponsorInfo", "SponsorStatus", "Warning_", "check_filing",
    "filing_fee_due", "name_key", "parse_filing",
]
# fmt: on

NAME_MAX = 100
ORGANIZATION_MAX = 200
TEXT_MAX = 10_000
DAYS_MAX = 3650
EARLIEST_BIRTH = date(1900, 1, 1)

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_PASSPORT = re.compile(r"[A-Z0-9]{5,20}")
_COUNTRY_CODES = frozenset(COUNTRIES)

_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")


class FilingInvalid(ValueError):
    """The document is malformed; ``errors`` lists every problem, each with code ``invalid``."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(" ".join(error.message for error in errors))
        self.errors = errors


# -- name keys -----------------------------------------------------------------

# Letters that Unicode does not decompose into a base letter plus an accent.
_FOLD = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"}
)
# Apostrophes are dropped (O'Brien, OBrien); hyphens and dashes separate words.
_APOSTROPHES = str.maketrans(dict.fromkeys("'`´ʼʻ’‘", ""))
_HYPHENS = re.compile(r"[-‐‑‒–—―]")


@functools.lru_cache(maxsize=8192)  # names recur: a bulk import folds each several times
def _fold_name(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    bare = _HYPHENS.sub(" ", bare.translate(_FOLD).translate(_APOSTROPHES))
    return " ".join(bare.split())


def name_key(family: str, given: str) -> str:
    """One string per person's name, equal whatever the case, accents, spacing or hyphens.

    ``name_key("Núñez", "José") == name_key("NUNEZ", "jose")``.
    """
    return f"{_fold_name(family)}|{_fold_name(given)}"


# -- reading fields ------------------------------------------------------------


@functools.cache
def _field_names(shape: type[DataclassInstance]) -> frozenset[str]:
    return frozenset(item.name for item in fields(shape))


@functools.cache
def _members(enum: type[StrEnum]) -> dict[str, StrEnum]:
    return {member.value: member for member in enum}


class _Part:
    """One JSON object of the document; its keys are the fields of ``shape``.

    Each reader returns the field's value, or None after recording why there is
    none; every problem goes to the one list shared by the whole document.
    """

    def __init__(
        self,
        data: Mapping[object, object],
        prefix: str,
        shape: type[DataclassInstance],
        errors: list[FieldError],
    ) -> None:
        self.data, self.prefix, self.errors = data, prefix, errors
        known = _field_names(shape)
        for key in data:
            if key not in known:
                name = str(key)
                self.fail(name, f"The field {self.path(name)!r} is not part of a filing document.")

    def path(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def fail(self, key: str, message: str) -> None:
        self.errors.append(FieldError("invalid", self.path(key), message))

    def given(self, key: str) -> object | None:
        """The raw value; null counts as absent."""
        return self.data.get(key)

    def missing(self, key: str, label: str, *, required: bool = True) -> None:
        if required:
            self.fail(key, f"{label} is missing.")

    def part(
        self,
        key: str,
        shape: type[DataclassInstance],
        read: Callable[[_Part], _T | None],
        *,
        required: bool = False,
    ) -> _T | None:
        value = self.given(key)
        if isinstance(value, Mapping):
            return read(_Part(value, f"{self.path(key)}.", shape, self.errors))
        if value is None:
            self.missing(key, f"The {key} part of the filing", required=required)
        else:
            self.fail(key, f"The {key} part of the filing must be an object with named fields.")
        return None

    def text(
        self, key: str, label: str, *, limit: int = NAME_MAX, required: bool = True
    ) -> str | None:
        value = self.given(key)
        if value is not None and not isinstance(value, str):
            self.fail(key, f"{label} must be text.")
        elif value is None or not value.strip():
            self.missing(key, label, required=required)
        elif len(value.strip()) > limit:
            self.fail(key, f"{label} is {len(value.strip()):,} characters long; at most {limit:,}.")
        else:
            return value.strip()
        return None

    def choice(self, key: str, label: str, enum: type[_E]) -> _E | None:
        value = self.given(key)
        if isinstance(value, str) and (member := _members(enum).get(value)) is not None:
            return cast("_E", member)
        if value is None:
            self.missing(key, label)
        else:
            self.fail(key, f"{label} must be one of: {', '.join(enum)}.")
        return None

    def whole(
        self, key: str, label: str, *, low: int, high: int, required: bool = True
    ) -> int | None:
        value = self.given(key)
        if value is None:
            self.missing(key, label, required=required)
        elif isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"{label} must be a whole number, like {max(low, 1)}.")
        elif not low <= value <= high:
            self.fail(key, f"{label} must be from {low:,} to {high:,}; it is {value:,}.")
        else:
            return value
        return None

    def day(self, key: str, label: str, *, earliest: date | None, latest: date) -> date | None:
        value = self.given(key)
        found = None
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                found = date.fromisoformat(value)
            except ValueError:  # the shape is right but the day is not, e.g. 2023-02-30
                found = None
        if found is None:
            if value is None:
                self.missing(key, label)
            else:
                self.fail(key, f"{label} must be a real date written YYYY-MM-DD, like 1988-03-14.")
        elif found > latest:
            self.fail(key, f"{label} {found.isoformat()} is in the future.")
        elif earliest is not None and found < earliest:
            self.fail(key, f"{label} {found.isoformat()} is before {earliest.isoformat()}.")
        else:
            return found
        return None

    def country(self, key: str, label: str) -> str | None:
        value = self.given(key)
        code = value.strip().upper() if isinstance(value, str) else None
        if code in _COUNTRY_CODES:
            return code
        if value is None:
            self.missing(key, label)
        elif code is not None and len(code) == 2 and code.isalpha():
            self.fail(key, f"{label} {code!r} is not a country code in ISO 3166-1.")
        else:
            self.fail(key, f"{label} must be a two-letter ISO 3166 country code, like UA or AF.")
        return None


# -- the parts -----------------------------------------------------------------


def _requestor(part: _Part) -> RequestorInfo | None:
    role = part.choice("role", "The requestor's role", RequestorRole)
    is_org = role is RequestorRole.ORGANIZATION
    person = role is not None and not is_org  # an organization files under its own name
    family = part.text("family_name", "The requestor's family name", required=person)
    given_name = part.text("given_name", "The requestor's given name", required=person)
    organization = part.text(
        "organization_name", "The organization's name", limit=ORGANIZATION_MAX, required=is_org
    )
    email = part.text("email", "The requestor's email address", limit=254, required=False)
    if email is not None and not _EMAIL.fullmatch(email):
        part.fail("email", f"The requestor's email address {email!r} is not an email address.")
    relationship = part.text("relationship", "The relationship", required=False)
    bar = part.text("bar_number", "The bar number", limit=40, required=False)
    accreditation = part.text(
        "accreditation_number", "The accreditation number", limit=40, required=False
    )
    if role is None:
        return None
    return RequestorInfo(
        role, family, given_name, organization, email, relationship, bar, accreditation
    )


def _beneficiary(part: _Part, today: date) -> BeneficiaryInfo | None:
    family = part.text("family_name", "The beneficiary's family name")
    given_name = part.text("given_name", "The beneficiary's given name")
    born = part.day(
        "date_of_birth", "The beneficiary's date of birth", earliest=EARLIEST_BIRTH, latest=today
    )
    birth_country = part.country("country_of_birth", "The beneficiary's country of birth")
    citizenship = part.country("country_of_citizenship", "The beneficiary's citizenship")
    location = part.choice("location", "The beneficiary's location", Location)
    current = part.country("current_country", "The beneficiary's current country")
    passport = part.text("passport_number", "The passport number", limit=40, required=False)
    if passport is not None:
        passport = passport.upper()
        if not _PASSPORT.fullmatch(passport):
            part.fail("passport_number", "The passport number must be 5 to 20 letters or digits.")
    if family and given_name and born and birth_country and citizenship and location and current:
        return BeneficiaryInfo(
            family, given_name, born, birth_country, citizenship, location, current, passport
        )
    return None


def _reason(part: _Part) -> ReasonInfo | None:
    basis = part.choice("basis", "The basis of the request", Basis)
    category = part.choice("category", "The category of the reason", Category)
    statement = part.text("statement", "The statement of the reason", limit=TEXT_MAX)
    why_no_visa = part.text("why_no_visa", "Why no visa can be had", limit=TEXT_MAX)
    if basis and category and statement and why_no_visa:
        return ReasonInfo(basis, category, statement, why_no_visa)
    return None


def _sponsor(part: _Part) -> SponsorInfo | None:
    family = part.text("family_name", "The sponsor's family name")
    given_name = part.text("given_name", "The sponsor's given name")
    status = part.choice("status", "The sponsor's immigration status", SponsorStatus)
    income = part.whole("annual_income_usd", "The sponsor's annual income", low=0, high=10**9)
    household = part.whole("household_size", "The sponsor's household size", low=1, high=99)
    if family and given_name and status and income is not None and household:
        return SponsorInfo(family, given_name, status, income, household)
    return None


def _fee(part: _Part) -> FeeInfo | None:
    payment = part.choice("payment", "The fee payment", FeePayment)
    paid = payment is FeePayment.PAID
    amount = part.whole("amount_usd", "The fee amount", low=0, high=10**6, required=paid)
    exemption = part.text("exemption", "The fee exemption", limit=60, required=False)
    if exemption is not None and payment not in (None, FeePayment.EXEMPT):
        part.fail("exemption", "A fee exemption can be given only when the payment is exempt.")
    return FeeInfo(payment, amount, exemption) if payment else None


def _expedite(part: _Part) -> ExpediteInfo | None:
    reason = part.text("reason", "The reason to expedite", limit=TEXT_MAX)
    return ExpediteInfo(reason) if reason else None


def _related(top: _Part, kind: Kind | None) -> str | None:
    key, label = "related_receipt_number", "The related receipt number"
    value = top.given(key)
    if value is None:
        if kind is Kind.REPAROLE:
            top.fail(key, "A re-parole must give the receipt number of the parole it renews.")
        elif kind is Kind.REFILING:
            top.fail(key, "A refiling must give the receipt number of the denied request.")
    elif kind is Kind.INITIAL:
        top.fail(key, "An initial request has no related receipt number; leave it out.")
    elif not isinstance(value, str):
        top.fail(key, f"{label} must be text, like IOE2700100042.")
    else:
        try:
            return str(parse_receipt_number(value))
        except InvalidReceiptNumber as bad:
            top.fail(key, f"{label} {bad.text!r} {bad.problem}")
    return None


def _received_on(top: _Part, allowed: bool, default: date, today: date) -> date | None:
    if top.given("received_on") is None:
        return default
    if allowed:
        return top.day("received_on", "The received date", earliest=None, latest=today)
    top.fail(
        "received_on",
        "The received date is the day a request arrives and cannot be sent; "
        "only a bulk import of paper filings may give received_on.",
    )
    return None


def parse_filing(
    raw: object,
    *,
    channel_default: Channel,
    received_on: date | None,
    allow_received_on: bool,
    today: date,
) -> FilingDocument:
    """Read a filing document (the contract's JSON shape), or raise FilingInvalid listing all
    problems.

    The document's own ``received_on`` is read only when ``allow_received_on`` (bulk
    import) and may not be after ``today``; otherwise the received date is the
    ``received_on`` argument, or ``today`` when that is None.
    """
    if not isinstance(raw, Mapping):
        message = "A filing document must be a JSON object with named fields."
        raise FilingInvalid([FieldError("invalid", None, message)])
    errors: list[FieldError] = []
    top = _Part(raw, "", FilingDocument, errors)
    kind = top.choice("kind", "The kind of request", Kind)
    related = _related(top, kind)
    channel = channel_default
    if top.given("channel") is not None:
        channel = top.choice("channel", "The filing channel", Channel) or channel_default
    received = _received_on(top, allow_received_on, received_on or today, today)
    requestor = top.part("requestor", RequestorInfo, _requestor, required=True)
    beneficiary = top.part(
        "beneficiary", BeneficiaryInfo, lambda part: _beneficiary(part, today), required=True
    )
    reason = top.part("reason", ReasonInfo, _reason, required=True)
    days = top.whole("requested_days", "The number of days requested", low=1, high=DAYS_MAX)
    sponsor = top.part("sponsor", SponsorInfo, _sponsor)  # absent: sponsor_required, later
    fee = top.part("fee", FeeInfo, _fee)  # absent: fee_required, later
    new_facts = top.text("new_facts", "The statement of new facts", limit=TEXT_MAX, required=False)
    expedite = top.part("expedite", ExpediteInfo, _expedite)
    if errors:
        raise FilingInvalid(errors)
    if not (kind and received and requestor and beneficiary and reason and days):
        raise AssertionError("A reader returned nothing without recording why.")
    return FilingDocument(
        kind=kind,
        related_receipt_number=related,
        channel=channel,
        received_on=received,
        requestor=requestor,
        beneficiary=beneficiary,
        reason=reason,
        requested_days=days,
        sponsor=sponsor,
        fee=fee,
        new_facts=new_facts,
        expedite=expedite,
    )
