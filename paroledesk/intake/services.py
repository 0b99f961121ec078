"""Filing a request: parse the filing document, check every rule, write it whole or not at all.

The API, the wizard and the bulk import all file through these functions:
``request_read`` (the document's shape), ``request_check`` (the rules, with what
the database knows) and ``request_write`` (the rows, the event and the receipt
notice). ``request_file`` runs the three for one filing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.audit.services import event_record
from paroledesk.cases.clock import due_on
from paroledesk.cases.models import (
    Affidavit,
    Beneficiary,
    Fee,
    FeeKind,
    ParoleRequest,
    PossibleDuplicate,
    Requestor,
)
from paroledesk.core.codes import ErrorCode, EventAction, FilingSource
from paroledesk.core.filing import (
    BeneficiaryInfo,
    FeePayment,
    FieldError,
    FilingDocument,
    FilingFacts,
    FilingInvalid,
    FilingOutcome,
    GrantFacts,
    Kind,
    RelatedRequestFacts,
    Warning_,
    check_filing,
    parse_filing,
)
from paroledesk.core.lifecycle import OPEN_STATUSES, Status
from paroledesk.core.names import name_key
from paroledesk.core.policy import Channel, PolicyKey, PolicyMissing, PolicySnapshot
from paroledesk.intake.receipts import receipt_issue
from paroledesk.lib.rows import Rows
from paroledesk.notices.models import NoticeKind
from paroledesk.notices.services import notice_issue
from paroledesk.policy.selectors import business_calendar, policy_on

_OPEN = frozenset(status.value for status in OPEN_STATUSES)
# A re-parole renews a parole in effect: one that began at arrival or, for a
# re-parole's own grant, when it was approved (the person is here already).
_IN_EFFECT_FOR_REPAROLE = frozenset(
    {Status.APPROVED.value, Status.PAROLED.value, Status.PAROLE_ENDED.value}
)


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


# -- what the database knows ---------------------------------------------------------


def _person(info: BeneficiaryInfo) -> tuple[str, str, date]:
    return info.family_name, info.given_name, info.date_of_birth


@dataclass
class OpenRequest:
    """An open request that may be for the same person: its id, or its row if it is one
    of the batch being filed (set when the batch writes it)."""

    filed_by_id: int
    row: ParoleRequest | None = None
    pk: int | None = None


class Lookalikes:
    """The open requests for people whose names sound alike and who share a birth date
    (the likeness index), for one filing or all the filings of a bulk import's batch:
    looked up with one query, and kept up to date as the batch files."""

    def __init__(self, people: Iterable[BeneficiaryInfo]) -> None:
        self._indexes: dict[tuple[str, str, date], list[str]] = {}
        wanted = [index for person in people for index in self.indexes(person)]
        self._open: dict[str, list[OpenRequest]] = {}
        if not wanted:
            return
        # The status is checked here, not in SQL: with a few hundred indexes and a
        # status list, SQLite without statistics prefers the status index and reads
        # every open request.
        found = ParoleRequest.objects.filter(beneficiary__likeness_index__in=wanted).values_list(
            "pk", "filed_by_id", "status", "beneficiary__likeness_index"
        )
        for pk, filer, status, index in found:
            if status in _OPEN:
                self._open.setdefault(index, []).append(OpenRequest(filer, pk=pk))

    def indexes(self, person: BeneficiaryInfo) -> list[str]:
        """One likeness index per data key in force."""
        key = _person(person)
        if (found := self._indexes.get(key)) is None:
            found = self._indexes[key] = Beneficiary.likeness_indexes(*key)
        return found

    def of(self, person: BeneficiaryInfo) -> list[OpenRequest]:
        return [item for index in self.indexes(person) for item in self._open.get(index, [])]

    def add(self, person: BeneficiaryInfo, filer: User) -> OpenRequest:
        """A filing of the batch that passed its checks: later filings see it."""
        added = OpenRequest(filer.pk)
        index = self.indexes(person)[0]  # any one of them: of() reads them all
        self._open.setdefault(index, []).append(added)
        return added


def related_facts(doc: FilingDocument, identity: list[str]) -> RelatedRequestFacts | None:
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
    began = grant is not None and (
        grant.arrived_on is not None
        or (found.kind == Kind.REPAROLE.value and found.status in _IN_EFFECT_FOR_REPAROLE)
    )
    return RelatedRequestFacts(
        exists=True,
        same_beneficiary=found.beneficiary.identity_index in identity,
        status=found.status,
        is_denied=found.status == Status.DENIED.value,
        grant=None
        if grant is None
        else GrantFacts(
            granted_by=grant.granted_by,
            began=began,
            end_reason=grant.end_reason or None,
            ends_on=grant.ends_on,
        ),
    )


def identity_of(doc: FilingDocument) -> list[str]:
    """The beneficiary's blind identity index under each key in force.

    Birth dates are encrypted: the same person is found by this index instead.
    """
    key = name_key(doc.beneficiary.family_name, doc.beneficiary.given_name)
    return Beneficiary.identity_indexes(key, doc.beneficiary.date_of_birth)


def filing_facts(doc: FilingDocument, filed_by: User, duplicates: list[OpenRequest]) -> FilingFacts:
    """What the rules need of the database; of the possible duplicates, a filer is told
    only of their own."""
    return FilingFacts(
        related=related_facts(doc, identity_of(doc)),
        own_open_duplicates=sum(item.filed_by_id == filed_by.pk for item in duplicates),
    )


# -- filing --------------------------------------------------------------------------


def request_file(
    *,
    raw: object,
    filed_by: User,
    source: FilingSource = FilingSource.API,
    today: date | None = None,
) -> Filed:
    """File one request from its filing document (the contract's JSON shape).

    Raises FilingRefused with every problem found; on success the request, its
    people, forms, fee, event and receipt notice are written in one transaction.
    A bulk import runs the same three steps (read, check, write) for each line.
    """
    doc = request_read(raw=raw, source=source, today=today or timezone.localdate())
    policy = policy_on(doc.received_on)
    duplicates = Lookalikes([doc.beneficiary]).of(doc.beneficiary)
    outcome = request_check(doc=doc, policy=policy, facts=filing_facts(doc, filed_by, duplicates))
    with transaction.atomic():
        rows = Rows()
        request = request_write(
            doc=doc,
            outcome=outcome,
            policy=policy,
            filed_by=filed_by,
            source=source,
            rows=rows,
            duplicates=duplicates,
        )
        rows.insert()
    return Filed(request=request, warnings=outcome.warnings, filing_fee_usd=outcome.filing_fee_usd)


def request_read(*, raw: object, source: FilingSource, today: date) -> FilingDocument:
    """The filing document in ``raw``, or FilingRefused listing every malformed field."""
    try:
        return parse_filing(raw, source=source, today=today)
    except FilingInvalid as invalid:
        raise FilingRefused(invalid.errors) from None


def request_check(
    *, doc: FilingDocument, policy: PolicySnapshot, facts: FilingFacts
) -> FilingOutcome:
    """Every rule and warning for a filing; FilingRefused when a rule refuses it.

    ``policy`` is the policy in force on ``doc.received_on``; ``facts`` are what the
    database knows (filing_facts).
    """
    try:
        outcome = check_filing(doc, facts, policy)
    except PolicyMissing as missing:
        # Only an import can reach back to a date before the policy data begins.
        message = f"No filing can be judged on {doc.received_on.isoformat()}: {missing}"
        raise FilingRefused([FieldError(ErrorCode.INVALID, "received_on", message)]) from None
    if outcome.errors:
        raise FilingRefused(outcome.errors)
    return outcome


def request_write(
    *,
    doc: FilingDocument,
    outcome: FilingOutcome,
    policy: PolicySnapshot,
    filed_by: User,
    source: FilingSource,
    rows: Rows,
    duplicates: list[OpenRequest],
    receipt_number: str | None = None,
    becomes: OpenRequest | None = None,
) -> ParoleRequest:
    """Gather the request and its rows, under a receipt number issued now or given.

    Call inside a transaction, and insert ``rows`` before it ends: the request
    exists only then. A bulk import issues a batch's receipt numbers at once
    (receipts_issue) and passes each filing its own, and the place the filing
    holds among the batch's open requests (``becomes``). ``duplicates`` are the
    open requests that may be for the same person: each is flagged for officers.
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
    # Whoever filed them: officers see every possible duplicate, filers only their own.
    # Both requests of a pair carry the flag the work lists filter on.
    request.possible_duplicate = bool(duplicates)
    flag: list[int] = []
    for other in duplicates:
        if other.row is not None:
            rows.new(PossibleDuplicate, request=request, other=other.row, found_on=doc.received_on)
            if other.row._state.adding:  # not inserted yet: it goes in flagged
                other.row.possible_duplicate = True
            else:
                flag.append(other.row.pk)
        elif other.pk is not None:
            rows.new(
                PossibleDuplicate, request=request, other_id=other.pk, found_on=doc.received_on
            )
            flag.append(other.pk)
    if flag:
        ParoleRequest.objects.filter(pk__in=flag, possible_duplicate=False).update(
            possible_duplicate=True
        )
    if becomes is not None:
        becomes.row = request
    earliest, latest = policy.decision_window(doc.received_on, business_calendar())
    window_days = policy.decision_window_days()
    event_record(
        subject=request,
        actor=filed_by,
        action=EventAction.FILE,
        to_status=Status.RECEIVED.value,
        on=doc.received_on,
        data={
            "channel": doc.channel.value,
            "source": source.value,
            "warnings": [warning.code.value for warning in outcome.warnings],
        },
        rows=rows,
    )
    notice_issue(
        request=request,
        kind=NoticeKind.RECEIPT,
        on=doc.received_on,
        content={
            "earliest": earliest.isoformat(),
            "latest": latest.isoformat(),
            "window_earliest_days": window_days[0],
            "window_latest_days": window_days[1],
            "fee": _fee_statement(doc, outcome, policy),
        },
        rows=rows,
    )
    return request


def _fee_statement(
    doc: FilingDocument, outcome: FilingOutcome, policy: PolicySnapshot
) -> dict[str, object]:
    """What the receipt notice says of the fee: paid and how much, or what was claimed."""
    fee = doc.fee
    assert fee is not None  # check_filing refuses a filing without one
    labels = dict(policy.exemptions())
    return {
        "payment": fee.payment.value,
        "amount_usd": fee.amount_usd if fee.payment is FeePayment.PAID else outcome.filing_fee_usd,
        "exemption_label": labels.get(fee.exemption or "", fee.exemption or ""),
    }


def family_group_of(doc: FilingDocument) -> str:
    """The family group as matched: spacing and case do not make another family."""
    return " ".join((doc.family_group or "").split()).casefold()


def _beneficiary_for(doc: FilingDocument, related: ParoleRequest | None, rows: Rows) -> Beneficiary:
    """The person of the request a re-parole or refiling names, if the same, or a new
    one gathered in ``rows``.

    A new person is inserted with the filing's other rows, before the request
    and affidavit that point to them; their birth date and passport number are
    sealed, and the blind indexes computed, then.
    """
    if related is not None and related.beneficiary.identity_index in identity_of(doc):
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
    doc: FilingDocument, *, receipt_number: str, filed_by: User, fee_since: date, rows: Rows
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
        decision_due_on=due_on(doc.received_on, 0),
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
        expedited=doc.expedite is not None,
        family_group=family_group_of(doc),
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
