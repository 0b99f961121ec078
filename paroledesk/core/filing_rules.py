"""What a parsed filing holds, and the rules intake checks it against.

``paroledesk.core.filing`` turns raw JSON into a ``FilingDocument``; this
module takes a well-formed document plus the few facts only the database
knows (the related request, open duplicates) and the policy in force on the
received date, and says what refuses the filing, what merely warns, and which
filing fee is due. Import everything through ``paroledesk.core.filing``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Protocol

from paroledesk.core.codes import ErrorCode, WarningCode
from paroledesk.core.policy import Channel

HQ_GRANTOR = "uscis_hq"


class Kind(StrEnum):
    INITIAL = "initial"
    REPAROLE = "reparole"
    REFILING = "refiling"


class RequestorRole(StrEnum):
    SELF = "self"
    RELATIVE = "relative"
    REPRESENTATIVE = "representative"
    ORGANIZATION = "organization"
    OTHER = "other"


class Location(StrEnum):
    OUTSIDE_US = "outside_us"
    INSIDE_US = "inside_us"


class Basis(StrEnum):
    URGENT_HUMANITARIAN = "urgent_humanitarian"
    SIGNIFICANT_PUBLIC_BENEFIT = "significant_public_benefit"


class Category(StrEnum):
    MEDICAL = "medical"
    FAMILY_EMERGENCY = "family_emergency"
    PROTECTION = "protection"
    PUBLIC_BENEFIT = "public_benefit"
    OTHER = "other"


class SponsorStatus(StrEnum):
    CITIZEN = "citizen"
    PERMANENT_RESIDENT = "permanent_resident"
    OTHER_LAWFUL = "other_lawful"


class FeePayment(StrEnum):
    PAID = "paid"
    EXEMPT = "exempt"
    WAIVER_REQUESTED = "waiver_requested"


@dataclass(frozen=True)
class FieldError:
    """One reason a filing is refused; ``field`` is the dotted path in the document, if any."""

    code: ErrorCode
    field: str | None
    message: str
    # The field is required here and was not given: a page may ask for it in its own words.
    missing: bool = dataclasses.field(default=False, compare=False)

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code.value, "field": self.field, "message": self.message}


@dataclass(frozen=True)
class Warning_:  # noqa: N801 - the underscore keeps clear of the builtin Warning
    """Something an officer should notice; the filing is accepted anyway."""

    code: WarningCode
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code.value, "message": self.message}


# -- the document -------------------------------------------------------------
# Optional text is None when absent or blank, never "".


@dataclass(frozen=True)
class RequestorInfo:
    role: RequestorRole
    family_name: str | None
    given_name: str | None
    organization_name: str | None
    email: str | None
    relationship: str | None
    bar_number: str | None
    accreditation_number: str | None


@dataclass(frozen=True)
class BeneficiaryInfo:
    family_name: str
    given_name: str
    date_of_birth: date
    country_of_birth: str  # ISO 3166-1 alpha-2 (or XK), upper case
    country_of_citizenship: str  # the same, or "stateless"
    location: Location
    current_country: str
    passport_number: str | None


@dataclass(frozen=True)
class ReasonInfo:
    basis: Basis
    category: Category
    statement: str
    why_no_visa: str


@dataclass(frozen=True)
class SponsorInfo:
    family_name: str
    given_name: str
    status: SponsorStatus
    annual_income_usd: int
    household_size: int


@dataclass(frozen=True)
class FeeInfo:
    payment: FeePayment
    amount_usd: int | None  # always present when paid
    exemption: str | None  # only when exempt; may be missing, which check_filing refuses


@dataclass(frozen=True)
class ExpediteInfo:
    reason: str


@dataclass(frozen=True)
class FilingDocument:
    kind: Kind
    related_receipt_number: str | None  # normalised, e.g. "IOE2700100042"
    channel: Channel
    received_on: date
    requestor: RequestorInfo
    beneficiary: BeneficiaryInfo
    reason: ReasonInfo
    requested_days: int
    sponsor: SponsorInfo | None  # None is refused by check_filing (sponsor_required)
    fee: FeeInfo | None  # None is refused by check_filing (fee_required)
    new_facts: str | None
    expedite: ExpediteInfo | None
    family_group: str | None = None


# -- what the database knows --------------------------------------------------


@dataclass(frozen=True)
class GrantFacts:
    """The parole an earlier request brought, as far as a re-parole cares."""

    granted_by: str  # "uscis_hq" | "cbp" | "other_program"
    # Parole begins with an arrival recorded or, for a re-parole, when its grant is
    # in effect; a conditional approval or an approval never used has not begun.
    began: bool
    end_reason: str | None  # "expired" | "departed" | "terminated" once it has ended
    ends_on: date | None


@dataclass(frozen=True)
class RelatedRequestFacts:
    exists: bool
    same_beneficiary: bool
    status: str
    is_denied: bool
    grant: GrantFacts | None


@dataclass(frozen=True)
class FilingFacts:
    related: RelatedRequestFacts | None = None  # for the document's related_receipt_number
    # Other open requests this filer filed for the same person (the likeness index):
    # the only duplicates a filer is told of.
    own_open_duplicates: int = 0


class FilingPolicy(Protocol):
    """The part of the policy in force on the received date that intake needs.

    ``paroledesk.core.policy.PolicySnapshot`` provides it.
    """

    def filing_fee(self, channel: Channel) -> int: ...

    def exemptions(self) -> list[tuple[str, str]]: ...

    def reparole_lead_days(self) -> int: ...

    def long_period_days(self) -> int: ...


@dataclass(frozen=True)
class FilingOutcome:
    errors: list[FieldError] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    filing_fee_usd: int = 0


# -- the rules ------------------------------------------------------------------


def _usd(amount: int) -> str:
    return f"${amount:,}"


_ENDED_WITHOUT_RENEWAL = frozenset({"departed", "terminated"})


def _link_problem(  # noqa: PLR0911 - one answer per way a link can fail
    doc: FilingDocument, related: RelatedRequestFacts | None
) -> str | None:
    """Why the related request cannot be renewed (re-parole) or refiled (refiling), if it can't."""
    number = doc.related_receipt_number or "(none)"
    grant = related.grant if related else None
    # An unknown number and another person's request get the same answer: a filer
    # must not learn that a request exists, or anything of it, without naming the
    # person it is for (as the public status inquiry answers both with one 404).
    if related is None or not related.exists or not related.same_beneficiary:
        return f"No request for this beneficiary has receipt number {number}."
    status = related.status.replace("_", " ") or "unknown"
    if doc.kind is Kind.REFILING:
        return None if related.is_denied else f"Request {number} was not denied ({status})."
    if grant is None:
        return f"Request {number} brought no parole to renew ({status})."
    if grant.granted_by != HQ_GRANTOR:
        by = "CBP" if grant.granted_by == "cbp" else "another program"
        return f"The parole under request {number} was granted by {by}, not by USCIS."
    if grant.end_reason in _ENDED_WITHOUT_RENEWAL:
        how = "the parolee left" if grant.end_reason == "departed" else "it was terminated"
        return f"The parole under request {number} ended when {how}."
    if not grant.began:
        return (
            f"The parole under request {number} has not begun ({status}): parole begins "
            "at arrival, once the approval is final."
        )
    return None


def _exemption_problem(fee: FeeInfo, received_on: date, policy: FilingPolicy) -> str | None:
    allowed = policy.exemptions()
    if fee.exemption in {code for code, _ in allowed}:
        return None
    if not allowed:
        return (
            f"No fee exemption existed on {received_on.isoformat()}, the day the request "
            "was received: the filing fee must be paid, or a fee waiver requested on paper."
        )
    listed = "; ".join(f"{code} ({label})" for code, label in allowed)
    if fee.exemption is None:
        problem = "A fee exemption must say which ground of exemption applies."
    else:
        problem = f"The fee exemption {fee.exemption!r} is not one that policy allows."
    return f"{problem} The exemptions in force are: {listed}."


def place_errors(kind: Kind, location: Location) -> list[FieldError]:
    """Where the person is against what is asked: only a re-parole is for someone inside."""
    if location is Location.INSIDE_US and kind is not Kind.REPAROLE:
        return [
            FieldError(
                ErrorCode.BENEFICIARY_INSIDE_US,
                "beneficiary.location",
                "The beneficiary is inside the United States; from there only a re-parole of "
                "a parole granted by USCIS headquarters can be requested.",
            )
        ]
    if location is Location.OUTSIDE_US and kind is Kind.REPAROLE:
        return [
            FieldError(
                ErrorCode.REPAROLE_REQUIRES_INSIDE_US,
                "beneficiary.location",
                "A re-parole is for someone inside the United States on parole; someone "
                "outside it asks for parole with an initial request.",
            )
        ]
    return []


def _link_errors(doc: FilingDocument, facts: FilingFacts) -> list[FieldError]:
    errors: list[FieldError] = []
    kind = doc.kind
    problem = _link_problem(doc, facts.related) if kind is not Kind.INITIAL else None
    if problem and kind is Kind.REPAROLE:
        errors.append(
            FieldError(
                ErrorCode.REPAROLE_REQUIRES_HQ_GRANT,
                "related_receipt_number",
                f"{problem} A re-parole must renew the beneficiary's own parole that USCIS "
                "headquarters granted, that began, and that did not end in departure.",
            )
        )
    if problem and kind is Kind.REFILING:
        errors.append(
            FieldError(
                ErrorCode.REFILING_REQUIRES_DENIAL,
                "related_receipt_number",
                f"{problem} A refiling must name a denied request for the same beneficiary.",
            )
        )
    if kind is Kind.REFILING and not (doc.new_facts and doc.new_facts.strip()):
        errors.append(
            FieldError(
                ErrorCode.NEW_FACTS_REQUIRED,
                "new_facts",
                "A refiling must state what is significantly new since the denial.",
            )
        )
    return errors


def fee_errors(
    fee: FeeInfo | None, channel: Channel, received_on: date, policy: FilingPolicy
) -> list[FieldError]:
    """The fee must be paid in the amount in force for the channel, exempt on a ground in force
    on the received date, or the subject of a waiver request on paper."""
    if fee is None:
        return [
            FieldError(
                ErrorCode.FEE_REQUIRED,
                "fee",
                "The filing fee must be paid, exempt, or the subject of a waiver request; "
                "the fee is missing.",
            )
        ]
    if fee.payment is FeePayment.EXEMPT:
        problem = _exemption_problem(fee, received_on, policy)
        return [FieldError(ErrorCode.FEE_REQUIRED, "fee", problem)] if problem else []
    if fee.payment is FeePayment.WAIVER_REQUESTED:
        if channel is not Channel.ONLINE:
            return []
        return [
            FieldError(
                ErrorCode.WAIVER_REQUIRES_PAPER,
                "fee.payment",
                "A fee waiver request (Form I-912) cannot be filed online; file on paper instead.",
            )
        ]
    due = policy.filing_fee(channel)
    if fee.amount_usd == due:
        return []
    sent = "nothing" if fee.amount_usd is None else _usd(fee.amount_usd)
    return [
        FieldError(
            ErrorCode.FEE_AMOUNT_INCORRECT,
            "fee.amount_usd",
            f"The filing fee on {received_on.isoformat()} for "
            f"{'an online' if channel is Channel.ONLINE else 'a paper'} filing is "
            f"{_usd(due)}; you sent {sent}.",
        )
    ]


def g28_problem(requestor: RequestorInfo) -> FieldError | None:
    """A representative must give their Form G-28's bar or accreditation number."""
    if requestor.role is not RequestorRole.REPRESENTATIVE:
        return None
    if requestor.bar_number or requestor.accreditation_number:
        return None
    return FieldError(
        ErrorCode.REPRESENTATIVE_G28_REQUIRED,
        "requestor.bar_number",
        "A representative must file a Form G-28 giving a bar number or an accreditation "
        "number; neither was given.",
    )


def _errors(doc: FilingDocument, facts: FilingFacts, policy: FilingPolicy) -> list[FieldError]:
    errors = [*place_errors(doc.kind, doc.beneficiary.location), *_link_errors(doc, facts)]
    if doc.sponsor is None:
        errors.append(
            FieldError(
                ErrorCode.SPONSOR_REQUIRED,
                "sponsor",
                "Every beneficiary needs a sponsor's affidavit of support (Form I-134); "
                "the sponsor is missing.",
            )
        )
    errors.extend(fee_errors(doc.fee, doc.channel, doc.received_on, policy))
    if (g28 := g28_problem(doc.requestor)) is not None:
        errors.append(g28)
    return errors


def reparole_is_late(*, ends_on: date, on: date, lead: int) -> bool:
    """Whether a re-parole asked for ``on`` comes under ``lead`` days before parole ends
    (or after it ended): the screener and intake judge lateness by this one rule."""
    return (ends_on - on).days < lead


def is_long_period(days: int, *, limit: int) -> bool:
    """More days than parole is usually granted for (the policy's ``limit``): allowed,
    but to be explained."""
    return days > limit


def _late_reparole(doc: FilingDocument, grant: GrantFacts | None, lead: int) -> str | None:
    if doc.kind is not Kind.REPAROLE or grant is None or grant.ends_on is None:
        return None
    if not reparole_is_late(ends_on=grant.ends_on, on=doc.received_on, lead=lead):
        return None
    left = (grant.ends_on - doc.received_on).days
    ends = grant.ends_on.isoformat()
    when = (
        f"ended on {ends}, before this request was received"
        if left < 0
        else f"ends on {ends}, {left} days after this request was received"
    )
    return (
        f"The parole being renewed {when}; a re-parole should be filed at least {lead} days "
        "before parole ends."
    )


def _warnings(doc: FilingDocument, facts: FilingFacts, policy: FilingPolicy) -> list[Warning_]:
    warnings: list[Warning_] = []
    limit, count = policy.long_period_days(), facts.own_open_duplicates
    grant = facts.related.grant if facts.related else None
    if is_long_period(doc.requested_days, limit=limit):
        warnings.append(
            Warning_(
                WarningCode.LONG_PERIOD,
                f"{doc.requested_days:,} days were requested, more than {limit:,}; parole that "
                "long is rare, so the statement should explain why the time is needed.",
            )
        )
    if count > 0:
        yours = "another open request" if count == 1 else f"{count:,} other open requests"
        warnings.append(
            Warning_(
                WarningCode.POSSIBLE_DUPLICATE,
                f"You already have {yours} for a person with a name like this one and the "
                "same date of birth; this may be a duplicate. If it is, withdraw one of them.",
            )
        )
    if late := _late_reparole(doc, grant, policy.reparole_lead_days()):
        warnings.append(Warning_(WarningCode.REPAROLE_LATE, late))
    if doc.expedite is not None:
        warnings.append(
            Warning_(
                WarningCode.EXPEDITE_REQUESTED,
                "An expedite was requested; an officer will decide whether the reason "
                "justifies it.",
            )
        )
    return warnings


def filing_fee_due(doc: FilingDocument, policy: FilingPolicy) -> int:
    """The filing fee owed: none when exempt; for a waiver request, what would be due."""
    if doc.fee is not None and doc.fee.payment is FeePayment.EXEMPT:
        return 0
    return policy.filing_fee(doc.channel)


def check_filing(doc: FilingDocument, facts: FilingFacts, policy: FilingPolicy) -> FilingOutcome:
    """Every rule that refuses the filing and every warning, each in the contract's order.

    ``policy`` must be the policy in force on ``doc.received_on``; ``facts`` describe
    ``doc.related_receipt_number`` and the open requests for the same person.
    """
    return FilingOutcome(
        _errors(doc, facts, policy), _warnings(doc, facts, policy), filing_fee_due(doc, policy)
    )
