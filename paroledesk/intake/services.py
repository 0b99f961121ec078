"""Filing a request: parse the filing document, check every rule, write it whole or not at all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from django.db import transaction
from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.audit.models import Event
from paroledesk.core.filing import (
    FeePayment,
    FieldError,
    FilingDocument,
    FilingFacts,
    FilingInvalid,
    FilingOutcome,
    GrantFacts,
    RelatedRequestFacts,
    Warning_,
    check_filing,
    name_key,
    parse_filing,
)
from paroledesk.core.lifecycle import OPEN_STATUSES, Status
from paroledesk.core.policy import Channel, PolicyKey, PolicyMissing, PolicySnapshot
from paroledesk.intake.bulk_rows import FilingRows
from paroledesk.intake.models import (
    Affidavit,
    Beneficiary,
    Fee,
    FeeKind,
    ParoleRequest,
    Requestor,
)
from paroledesk.intake.receipts import receipt_issue
from paroledesk.notices.models import Notice, NoticeKind
from paroledesk.policy.selectors import business_calendar, policy_on


class FilingRefused(ValueError):
    """The filing breaks a rule or is malformed; nothing of it was saved."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = errors


@dataclass(frozen=True)
class Filed:
    request: ParoleRequest
    warnings: list[Warning_]
    filing_fee_usd: int


Source = Literal["api", "import"]


def _identity(doc: FilingDocument) -> list[str]:
    """The beneficiary's blind identity index under each key in force.

    Birth dates are encrypted: the same person is found by this index instead.
    """
    key = name_key(doc.beneficiary.family_name, doc.beneficiary.given_name)
    return Beneficiary.identity_indexes(key, doc.beneficiary.date_of_birth)


def _facts(doc: FilingDocument) -> FilingFacts:
    identity = _identity(doc)
    open_duplicates = ParoleRequest.objects.filter(
        beneficiary__identity_index__in=identity,
        status__in=[status.value for status in OPEN_STATUSES],
    ).count()
    return FilingFacts(related=_related_facts(doc, identity), open_duplicates=open_duplicates)


def _related_facts(doc: FilingDocument, identity: list[str]) -> RelatedRequestFacts | None:
    """What the rules need of the request a re-parole or refiling names, if it names one."""
    if not doc.related_receipt_number:
        return None
    found = (
        ParoleRequest.objects.select_related("beneficiary", "grant")
        .filter(receipt_number=doc.related_receipt_number)
        .first()
    )
    if found is None:
        return RelatedRequestFacts(
            exists=False, same_beneficiary=False, status="", is_denied=False, grant=None
        )
    grant = getattr(found, "grant", None)
    return RelatedRequestFacts(
        exists=True,
        same_beneficiary=found.beneficiary.identity_index in identity,
        status=found.status,
        is_denied=found.status == Status.DENIED.value,
        grant=None
        if grant is None
        else GrantFacts(
            granted_by=grant.granted_by,
            ended=grant.ended_on is not None or found.status == Status.PAROLE_ENDED.value,
            ends_on=grant.ends_on,
        ),
    )


def request_file(
    *,
    raw: object,
    filed_by: User,
    source: Source = "api",
    today: date | None = None,
) -> Filed:
    """File one request from its filing document (the contract's JSON shape).

    Raises FilingRefused with every problem found; on success the request, its
    people, forms, fee, event and receipt notice are written in one transaction.
    A bulk import runs the same three steps (read, check, write) for each line.
    """
    doc = request_read(raw=raw, source=source, today=today or timezone.localdate())
    policy = policy_on(doc.received_on)
    outcome = request_check(doc=doc, policy=policy)
    with transaction.atomic():
        rows = FilingRows()
        request = request_write(
            doc=doc, outcome=outcome, policy=policy, filed_by=filed_by, source=source, rows=rows
        )
        rows.insert()
    return Filed(request=request, warnings=outcome.warnings, filing_fee_usd=outcome.filing_fee_usd)


def request_read(*, raw: object, source: Source, today: date) -> FilingDocument:
    """The filing document in ``raw``, or FilingRefused listing every malformed field.

    Filed through the API a request is online and received today; an import is
    on paper unless it says otherwise, and may give the date it was received.
    """
    try:
        return parse_filing(
            raw,
            channel_default=Channel.ONLINE if source == "api" else Channel.PAPER,
            received_on=None,
            allow_received_on=source == "import",
            today=today,
        )
    except FilingInvalid as invalid:
        raise FilingRefused(invalid.errors) from None


def request_check(
    *, doc: FilingDocument, policy: PolicySnapshot, facts: FilingFacts | None = None
) -> FilingOutcome:
    """Every rule and warning for a filing; FilingRefused when a rule refuses it.

    ``policy`` is the policy in force on ``doc.received_on``; ``facts`` are what the
    database knows (by default looked up by _facts; a bulk import counts the open
    requests of a whole batch at once).
    """
    try:
        outcome = check_filing(doc, _facts(doc) if facts is None else facts, policy)
    except PolicyMissing as missing:
        # Only an import can reach back to a date before the policy data begins.
        message = f"No filing can be judged on {doc.received_on.isoformat()}: {missing}"
        raise FilingRefused([FieldError("invalid", "received_on", message)]) from None
    if outcome.errors:
        raise FilingRefused(outcome.errors)
    return outcome


def request_write(
    *,
    doc: FilingDocument,
    outcome: FilingOutcome,
    policy: PolicySnapshot,
    filed_by: User,
    source: Source,
    rows: FilingRows,
    receipt_number: str | None = None,
) -> ParoleRequest:
    """Gather the request and its rows, under a receipt number issued now or given.

    Call inside a transaction, and insert ``rows`` before it ends: the request
    exists only then. A bulk import issues a batch's receipt numbers at once
    (receipts_issue) and passes each filing its own.
    """
    fee_key = (
        PolicyKey.FILING_FEE_ONLINE if doc.channel is Channel.ONLINE else PolicyKey.FILING_FEE_PAPER
    )
    number = receipt_number or receipt_issue(channel=doc.channel, received_on=doc.received_on)
    request = _write(
        doc,
        receipt_number=number,
        filed_by=filed_by,
        fee_since=policy.get(fee_key).effective_from,
        rows=rows,
    )
    earliest, latest = policy.decision_window(doc.received_on, business_calendar())
    rows.new(
        Event,
        request=request,
        actor=filed_by,
        action="file",
        to_status=Status.RECEIVED.value,
        on=doc.received_on,
        data={
            "channel": doc.channel.value,
            "source": source,
            "warnings": [warning.code for warning in outcome.warnings],
        },
    )
    rows.new(
        Notice,
        request=request,
        kind=NoticeKind.RECEIPT.value,
        issued_on=doc.received_on,
        content={
            "earliest": earliest.isoformat(),
            "latest": latest.isoformat(),
            "filing_fee_usd": outcome.filing_fee_usd,
        },
        # The key notice_issue would give it. Built here rather than issued
        # through notice_issue, whose lookup for an existing key is wasted on
        # a receipt number minted a moment ago.
        dedupe_key=f"{request.receipt_number}:{NoticeKind.RECEIPT.value}:"
        f"{doc.received_on.isoformat()}",
    )
    return request


def _beneficiary_for(
    doc: FilingDocument, related: ParoleRequest | None, rows: FilingRows
) -> Beneficiary:
    """The person of the request a re-parole or refiling names, if the same, or a new
    one gathered in ``rows``.

    A new person is inserted with the filing's other rows, before the request
    and affidavit that point to them; their birth date and passport number are
    sealed, and identity_index computed, then.
    """
    if related is not None and related.beneficiary.identity_index in _identity(doc):
        return related.beneficiary
    person = doc.beneficiary
    return rows.new(
        Beneficiary,
        family_name=person.family_name,
        given_name=person.given_name,
        name_key=name_key(person.family_name, person.given_name),
        date_of_birth=person.date_of_birth,
        country_of_birth=person.country_of_birth,
        country_of_citizenship=person.country_of_citizenship,
        passport_number=person.passport_number or "",
    )


def _write(
    doc: FilingDocument, *, receipt_number: str, filed_by: User, fee_since: date, rows: FilingRows
) -> ParoleRequest:
    related = None
    if doc.related_receipt_number:
        related = ParoleRequest.objects.select_related("beneficiary").get(
            receipt_number=doc.related_receipt_number
        )
    beneficiary = _beneficiary_for(doc, related, rows)
    request = rows.new(
        ParoleRequest,
        receipt_number=receipt_number,
        kind=doc.kind.value,
        channel=doc.channel.value,
        status=Status.RECEIVED.value,
        received_on=doc.received_on,
        beneficiary=beneficiary,
        related_request=related,
        location=doc.beneficiary.location.value,
        current_country=doc.beneficiary.current_country,
        basis=doc.reason.basis.value,
        category=doc.reason.category.value,
        statement=doc.reason.statement,
        why_no_visa=doc.reason.why_no_visa,
        requested_days=doc.requested_days,
        new_facts=doc.new_facts or "",
        expedite_reason=doc.expedite.reason if doc.expedite else "",
        filed_by=filed_by,
    )
    filer = doc.requestor
    rows.new(
        Requestor,
        request=request,
        role=filer.role.value,
        family_name=filer.family_name or "",
        given_name=filer.given_name or "",
        organization_name=filer.organization_name or "",
        email=filer.email or "",
        relationship=filer.relationship or "",
        bar_number=filer.bar_number or "",
        accreditation_number=filer.accreditation_number or "",
    )
    sponsor = doc.sponsor
    assert sponsor is not None  # check_filing refuses a filing without one
    rows.new(
        Affidavit,
        request=request,
        beneficiary=beneficiary,
        sponsor_family_name=sponsor.family_name,
        sponsor_given_name=sponsor.given_name,
        sponsor_status=sponsor.status.value,
        annual_income_usd=sponsor.annual_income_usd,
        household_size=sponsor.household_size,
    )
    fee = doc.fee
    assert fee is not None  # check_filing refuses a filing without one
    rows.new(
        Fee,
        request=request,
        kind=FeeKind.FILING.value,
        payment=fee.payment.value,
        amount_usd=fee.amount_usd if fee.payment is FeePayment.PAID and fee.amount_usd else 0,
        exemption=fee.exemption or "",
        policy_effective_from=fee_since,
        paid_on=doc.received_on if fee.payment is FeePayment.PAID else None,
    )
    return request
