"""The filing document: reading it from JSON, and the checks a draft gets as it is written.

``parse_filing`` checks the shape of every field and reports all problems at
once as ``invalid`` errors with the field's dotted path. The filing rules
(sponsor, fee, re-parole, refiling...) are checked afterwards by
``check_filing`` in ``filing_rules``, re-exported here so callers need only
this module. ``check_draft`` runs the same readers and the rules that need
only the document, over a document still being written: the wizard's steps
present its verdicts rather than checking anything of their own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar, cast

from paroledesk.core.codes import ErrorCode, FilingSource
from paroledesk.core.countries import COUNTRY_NAMES, STATELESS, UNITED_STATES
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
    fee_errors,
    filing_fee_due,
    g28_problem,
    place_errors,
)
from paroledesk.core.policy import Channel
from paroledesk.core.receipt_numbers import InvalidReceiptNumber, parse_receipt_number
from paroledesk.core.text import UnsafeText, clean_text, shown

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# fmt: off
__all__ = [
    "HQ_GRANTOR", "Basis", "BeneficiaryInfo", "Category", "Channel", "ExpediteInfo", "FeeInfo",
    "FeePayment", "FieldError", "FilingDocument", "FilingFacts", "FilingInvalid", "FilingOutcome",
    "FilingPolicy", "GrantFacts", "Kind", "Location", "ReasonInfo", "RelatedRequestFacts",
    "RequestorInfo", "RequestorRole", "SponsorInfo", "SponsorStatus", "Warning_", "check_draft",
    "check_filing", "filing_fee_due", "parse_filing",
]
# fmt: on

NAME_MAX = 100
ORGANIZATION_MAX = 200
GROUP_MAX = 100
TEXT_MAX = 10_000
DAYS_MAX = 3650
# An answer lists this many problems at most, then says how many more there were.
ERRORS_LISTED = 50
EARLIEST_BIRTH = date(1900, 1, 1)

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_PASSPORT = re.compile(r"[A-Z0-9]{5,20}")

_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")


class FilingInvalid(ValueError):
    """The document is malformed; ``errors`` lists its problems, each with code ``invalid``:
    every one, or the first ERRORS_LISTED and how many more were left out."""

    def __init__(self, errors: list[FieldError]) -> None:
        if len(errors) > ERRORS_LISTED:
            more = len(errors) - ERRORS_LISTED + 1
            cut = f"{more:,} more problems were found but not listed; correct these and try again."
            errors = [*errors[: ERRORS_LISTED - 1], FieldError(ErrorCode.INVALID, None, cut)]
        super().__init__(" ".join(error.message for error in errors))
        self.errors = errors


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
                # Repeated in the answer: cut short, and with nothing hidden in it.
                name = shown(str(key))
                self.fail(name, f"The field {self.path(name)!r} is not part of a filing document.")

    def path(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def fail(self, key: str, message: str, *, missing: bool = False) -> None:
        self.errors.append(FieldError(ErrorCode.INVALID, self.path(key), message, missing))

    def failed(self, key: str) -> bool:
        """Whether a problem with this field is recorded already."""
        return any(error.field == self.path(key) for error in self.errors)

    def given(self, key: str) -> object | None:
        """The raw value; null counts as absent."""
        return self.data.get(key)

    def missing(self, key: str, label: str, *, required: bool = True) -> None:
        if required:
            self.fail(key, f"{label} is missing.", missing=True)

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
        self,
        key: str,
        label: str,
        *,
        limit: int = NAME_MAX,
        required: bool = True,
        paragraphs: bool = False,
    ) -> str | None:
        """A line of text, or with ``paragraphs`` free text that keeps its line breaks;
        in Unicode NFKC and without hidden characters (core.text), trimmed."""
        value = self.given(key)
        if value is not None and not isinstance(value, str):
            self.fail(key, f"{label} must be text.")
            return None
        try:
            value = None if value is None else clean_text(value, paragraphs=paragraphs).strip()
        except UnsafeText as unsafe:
            self.fail(key, unsafe.about(label))
            return None
        if not value:
            self.missing(key, label, required=required)
        elif len(value) > limit:
            self.fail(key, f"{label} is {len(value):,} characters long; at most {limit:,}.")
        else:
            return value
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

    def day(
        self,
        key: str,
        label: str,
        *,
        earliest: date | None,
        latest: date,
        after_latest: str = "is in the future",
    ) -> date | None:
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
            self.fail(key, f"{label} {found.isoformat()} {after_latest}.")
        elif earliest is not None and found < earliest:
            self.fail(key, f"{label} {found.isoformat()} is before {earliest.isoformat()}.")
        else:
            return found
        return None

    def country(self, key: str, label: str, *, stateless: bool = False) -> str | None:
        value = self.given(key)
        if isinstance(value, str) and not value.strip():
            value = None
        code = value.strip().upper() if isinstance(value, str) else None
        if code in COUNTRY_NAMES:
            return code
        if stateless and isinstance(value, str) and value.strip().casefold() == STATELESS:
            return STATELESS
        if value is None:
            self.missing(key, label)
        elif code is not None and len(code) == 2 and code.isalpha():
            self.fail(
                key, f"{label} {code!r} is not a country code (ISO 3166-1, or XK for Kosovo)."
            )
        else:
            also = f', or "{STATELESS}"' if stateless else ""
            self.fail(
                key, f"{label} must be a two-letter ISO 3166 country code, like UA or AF{also}."
            )
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
    if role is RequestorRole.RELATIVE and relationship is None and not part.failed("relationship"):
        part.fail(
            "relationship",
            "A relative who files must say how they are related to the beneficiary, "
            "for example: sister.",
            missing=True,
        )
    bar = part.text("bar_number", "The bar number", limit=40, required=False)
    accreditation = part.text(
        "accreditation_number", "The accreditation number", limit=40, required=False
    )
    if role is None:
        return None
    return RequestorInfo(
        role, family, given_name, organization, email, relationship, bar, accreditation
    )


def _beneficiary(part: _Part, born_by: date) -> BeneficiaryInfo | None:
    """The beneficiary, born no later than ``born_by`` (the received date)."""
    family = part.text("family_name", "The beneficiary's family name")
    given_name = part.text("given_name", "The beneficiary's given name")
    born = part.day(
        "date_of_birth",
        "The beneficiary's date of birth",
        earliest=EARLIEST_BIRTH,
        latest=born_by,
        after_latest="is after the day the request was received",
    )
    birth_country = part.country("country_of_birth", "The beneficiary's country of birth")
    citizenship = part.country(
        "country_of_citizenship", "The beneficiary's citizenship", stateless=True
    )
    location = part.choice("location", "The beneficiary's location", Location)
    current = part.country("current_country", "The beneficiary's current country")
    if location is Location.OUTSIDE_US and current == UNITED_STATES:
        part.fail(
            "current_country",
            "The beneficiary is outside the United States, so the current country cannot be "
            "US: give the country they are in now.",
        )
        current = None
    elif location is Location.INSIDE_US and current not in (None, UNITED_STATES):
        part.fail(
            "current_country",
            "The beneficiary is inside the United States, so the current country is US.",
        )
        current = None
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
    statement = part.text(
        "statement", "The statement of the reason", limit=TEXT_MAX, paragraphs=True
    )
    why_no_visa = part.text(
        "why_no_visa", "Why no visa can be had", limit=TEXT_MAX, paragraphs=True
    )
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
    reason = part.text(
        "reason", "The reason to expedite", limit=TEXT_MAX, required=False, paragraphs=True
    )
    if reason is None and not part.failed("reason"):
        part.fail(
            "reason", "A request to expedite must say why the decision is urgent.", missing=True
        )
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
            top.fail(key, f"{label} {shown(bad.text)!r} {bad.problem}")
    return None


def _channel(top: _Part, source: FilingSource) -> Channel | None:
    if top.given("channel") is None:
        return Channel.PAPER if source is FilingSource.IMPORT else Channel.ONLINE
    channel = top.choice("channel", "The filing channel", Channel)
    if channel is Channel.PAPER and source is not FilingSource.IMPORT:
        top.fail(
            "channel",
            "A request filed here is filed online; leave channel out or set it to online. "
            "Paper filings reach us by mail and are entered by bulk import.",
        )
        return None
    return channel


def _received_on(top: _Part, source: FilingSource, today: date) -> date | None:
    if top.given("received_on") is None:
        return today
    if source is FilingSource.IMPORT:
        return top.day("received_on", "The received date", earliest=None, latest=today)
    top.fail(
        "received_on",
        "The received date is the day a request arrives and cannot be sent; "
        "only a bulk import of paper filings may give received_on.",
    )
    return None


@dataclass(frozen=True)
class _Read:
    """Every part of a document as read, each None when absent or malformed."""

    kind: Kind | None
    related: str | None
    channel: Channel | None
    received: date | None
    requestor: RequestorInfo | None
    beneficiary: BeneficiaryInfo | None
    reason: ReasonInfo | None
    days: int | None
    sponsor: SponsorInfo | None
    fee: FeeInfo | None
    new_facts: str | None
    expedite: ExpediteInfo | None
    family_group: str | None


def _read(
    raw: Mapping[Any, object], source: FilingSource, today: date
) -> tuple[_Read, list[FieldError]]:
    errors: list[FieldError] = []
    top = _Part(raw, "", FilingDocument, errors)
    kind = top.choice("kind", "The kind of request", Kind)
    related = _related(top, kind)
    channel = _channel(top, source)
    received = _received_on(top, source, today)
    requestor = top.part("requestor", RequestorInfo, _requestor, required=True)
    beneficiary = top.part(
        "beneficiary",
        BeneficiaryInfo,
        lambda part: _beneficiary(part, received or today),
        required=True,
    )
    reason = top.part("reason", ReasonInfo, _reason, required=True)
    days = top.whole("requested_days", "The number of days requested", low=1, high=DAYS_MAX)
    sponsor = top.part("sponsor", SponsorInfo, _sponsor)  # absent: sponsor_required, later
    fee = top.part("fee", FeeInfo, _fee)  # absent: fee_required, later
    new_facts = top.text(
        "new_facts", "The statement of new facts", limit=TEXT_MAX, required=False, paragraphs=True
    )
    expedite = top.part("expedite", ExpediteInfo, _expedite)
    group = top.text("family_group", "The family group", limit=GROUP_MAX, required=False)
    read = _Read(
        kind, related, channel, received, requestor, beneficiary, reason, days, sponsor, fee,
        new_facts, expedite, group,
    )  # fmt: skip
    return read, errors


def _not_an_object() -> FilingInvalid:
    message = "A filing document must be a JSON object with named fields."
    return FilingInvalid([FieldError(ErrorCode.INVALID, None, message)])


def parse_filing(raw: object, *, source: FilingSource, today: date) -> FilingDocument:
    """Read a filing document (the contract's JSON shape), or raise FilingInvalid listing all
    problems.

    Through the API and the wizard a request is filed online and received
    ``today``; a bulk import of paper filings is on paper unless a line says
    online, and may give the day it was received (not after ``today``).
    """
    if not isinstance(raw, Mapping):
        raise _not_an_object()
    read, errors = _read(raw, source, today)
    if errors:
        raise FilingInvalid(errors)
    r = read
    if not (r.kind and r.channel and r.received and r.requestor and r.beneficiary and r.reason):
        raise AssertionError("A reader returned nothing without recording why.")
    if not r.days:
        raise AssertionError("A reader returned nothing without recording why.")
    return FilingDocument(
        kind=r.kind,
        related_receipt_number=r.related,
        channel=r.channel,
        received_on=r.received,
        requestor=r.requestor,
        beneficiary=r.beneficiary,
        reason=r.reason,
        requested_days=r.days,
        sponsor=r.sponsor,
        fee=r.fee,
        new_facts=r.new_facts,
        expedite=r.expedite,
        family_group=r.family_group,
    )


def check_draft(
    raw: Mapping[str, object],
    *,
    fields: Collection[str],
    policy: FilingPolicy,
    today: date,
) -> list[FieldError]:
    """The problems an online filing of this document, as far as it is written, has in
    ``fields`` (dotted paths): the readers' and every rule that needs only the document.

    The rules that need the database (the earlier request of a re-parole or a
    refiling, possible duplicates) are judged when the draft is filed.
    """
    read, errors = _read(raw, FilingSource.WIZARD, today)
    # Where the person is, as soon as it is answered, before their other particulars are.
    person = raw.get("beneficiary")
    given = person.get("location") if isinstance(person, Mapping) else None
    location = _members(Location).get(given) if isinstance(given, str) else None
    if read.kind is not None and isinstance(location, Location):
        errors += place_errors(read.kind, location)
    if read.requestor is not None and (g28 := g28_problem(read.requestor)) is not None:
        errors.append(g28)
    if read.fee is not None:
        # A draft that asks for a fee waiver goes on paper (Form I-912 cannot be filed
        # online): the wizard hands its filer a packet to mail instead of filing it.
        waiver = read.fee.payment is FeePayment.WAIVER_REQUESTED
        errors += fee_errors(read.fee, Channel.PAPER if waiver else Channel.ONLINE, today, policy)
    return [error for error in errors if error.field in fields]
