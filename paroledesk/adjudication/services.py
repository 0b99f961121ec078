"""Writes of adjudication: assign, review, ask for evidence, decide, and the parole after.

Each service is one transaction: lock the request, apply one lifecycle action
(which checks the guards and writes the event), then write what goes with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.adjudication.models import (
    DENIAL_TEXT,
    Assignment,
    AssignmentState,
    Decision,
    DenialReason,
    EvidenceRequest,
    Outcome,
)
from paroledesk.audit.services import event_record
from paroledesk.cases.clock import clock_for
from paroledesk.cases.models import (
    FEE_DUE,
    AddressChange,
    Fee,
    FeeKind,
    Grant,
    GrantEnd,
    ParoleRequest,
    WorkPermit,
)
from paroledesk.cases.transitions import request_lock, request_transition
from paroledesk.core.codes import ErrorCode, EventAction
from paroledesk.core.filing_rules import FeePayment, Kind
from paroledesk.core.lifecycle import OPEN_STATUSES, Action, Status
from paroledesk.core.policy import PolicyKey
from paroledesk.core.roles import ADJUDICATOR_ROLES
from paroledesk.core.text import UnsafeText, clean_text
from paroledesk.notices.models import NoticeKind
from paroledesk.notices.services import notice_issue
from paroledesk.policy.selectors import business_calendar, policy_on

# The bounds of a step's answers, for the page and the API alike.
RFE_ITEMS_MAX = 30
RFE_ITEM_LENGTH = 500
RFE_DUE_DAYS_MAX = 120
NOTE_LENGTH = 4000
PAROLE_DAYS_MAX = 3650


class AdjudicationError(ValueError):
    """Input a service refuses, with the field it concerns."""

    def __init__(self, code: ErrorCode, field: str | None, message: str) -> None:
        super().__init__(message)
        self.code, self.field, self.message = code, field, message


def _written(value: str, field: str, label: str) -> str:
    """What an officer writes for a notice, judged as every channel judges text: NFKC,
    and no hidden or direction-changing character that could make it read otherwise."""
    try:
        return clean_text(value, paragraphs=True).strip()
    except UnsafeText as unsafe:
        raise AdjudicationError(ErrorCode.INVALID, field, unsafe.about(label)) from None


def _today(on: date | None) -> date:
    return on or timezone.localdate()


def case_assign(
    *, request: ParoleRequest, officer: User, actor: User, on: date | None = None
) -> Assignment:
    if officer.role_enum not in ADJUDICATOR_ROLES or not officer.is_active:
        raise AdjudicationError(
            ErrorCode.INVALID, "officer", f"{officer.username} is not an active officer."
        )
    day = _today(on)
    with transaction.atomic():
        return _hand_to(request_lock(request), officer, actor, day, Action.ASSIGN)


def _hand_to(
    request: ParoleRequest, officer: User, actor: User, day: date, action: Action
) -> Assignment:
    """Give the locked request to ``officer``: the old work item ends, a new one opens,
    due at the end of the request's decision window."""
    Assignment.objects.filter(request=request).exclude(state=AssignmentState.DONE).update(
        state=AssignmentState.DONE, ended_on=day
    )
    previous = request.assigned_officer
    request.assigned_officer = officer
    request_transition(
        request=request,
        action=action,
        actor=actor,
        on=day,
        # Officers' names stay out of the reason: parties read it in their history.
        data={"officer": officer.username, "previous": previous.username if previous else None},
        update_fields=("assigned_officer",),
    )
    return Assignment.objects.create(
        request=request,
        officer=officer,
        assigned_by=actor,
        assigned_on=day,
        due_on=clock_for(request).latest,
    )


BATCH_MAX = 100


def cases_assign_oldest(*, officer: User, count: int, actor: User) -> int:
    """Give ``officer`` the ``count`` oldest requests waiting for one; how many it got.

    Each is assigned on its own (its event, its work item), as one would be.
    """
    waiting = ParoleRequest.objects.filter(status=Status.RECEIVED.value).order_by(
        "received_on", "id"
    )
    return _each(list(waiting[: min(count, BATCH_MAX)]), officer, actor)


def cases_move(*, from_officer: User, to_officer: User, count: int, actor: User) -> int:
    """Move ``count`` of one officer's open requests, the oldest first, to another."""
    if from_officer.pk == to_officer.pk:
        raise AdjudicationError(
            ErrorCode.INVALID, "to_officer", "Choose another officer to move the work to."
        )
    open_work = ParoleRequest.objects.filter(
        assigned_officer=from_officer, status__in=[status.value for status in OPEN_STATUSES]
    ).order_by("received_on", "id")
    return _each(list(open_work[: min(count, BATCH_MAX)]), to_officer, actor)


def _each(requests: list[ParoleRequest], officer: User, actor: User) -> int:
    for request in requests:
        case_assign(request=request, officer=officer, actor=actor)
    return len(requests)


def case_take(*, officer: User, on: date | None = None) -> ParoleRequest | None:
    """The oldest unassigned request, now assigned to ``officer`` who asked for it; None
    when there is none. Two officers taking at once get two different requests: a row
    another is taking is skipped, not waited for (on PostgreSQL)."""
    day = _today(on)
    with transaction.atomic():
        request = (
            ParoleRequest.objects.select_for_update(skip_locked=True)
            .filter(status=Status.RECEIVED.value)
            .order_by("received_on", "id")
            .first()
        )
        if request is None:
            return None
        _hand_to(request, officer, officer, day, Action.TAKE)
        return request


def case_start_review(*, request: ParoleRequest, actor: User, on: date | None = None) -> None:
    with transaction.atomic():
        request = request_lock(request)
        request_transition(request=request, action=Action.START_REVIEW, actor=actor, on=_today(on))


def case_request_evidence(
    *,
    request: ParoleRequest,
    items: Sequence[str],
    due_in_business_days: int,
    actor: User,
    on: date | None = None,
) -> EvidenceRequest:
    written = [_written(item, "items", "Each item") for item in items]
    cleaned = [item for item in written if item]
    if not cleaned:
        raise AdjudicationError(
            ErrorCode.INVALID, "items", "Name at least one piece of evidence to send."
        )
    if not 1 <= due_in_business_days <= RFE_DUE_DAYS_MAX:
        raise AdjudicationError(
            ErrorCode.INVALID,
            "due_in_business_days",
            f"The deadline must be 1 to {RFE_DUE_DAYS_MAX} business days away.",
        )
    day = _today(on)
    due = business_calendar().add(day, due_in_business_days)
    with transaction.atomic():
        request = request_lock(request)
        _into_review(request, actor, day)
        request_transition(
            request=request,
            action=Action.REQUEST_EVIDENCE,
            actor=actor,
            on=day,
            reason=f"Evidence requested, due {due.isoformat()}.",
            data={"items": cleaned},
        )
        _set_assignment_state(request, AssignmentState.ON_HOLD)
        rfe = EvidenceRequest.objects.create(
            request=request, items=cleaned, issued_on=day, due_on=due, issued_by=actor
        )
        notice_issue(
            request=request,
            kind=NoticeKind.RFE,
            on=day,
            content={"items": cleaned, "due_on": due.isoformat()},
        )
        return rfe


def evidence_receive(*, request: ParoleRequest, actor: User | None, on: date | None = None) -> None:
    day = _today(on)
    with transaction.atomic():
        request = request_lock(request)
        _evidence_in(request, actor, day)


def rfe_answer(*, request: ParoleRequest, actor: User, on: date | None = None) -> bool:
    """Take a party's document as the answer if the request still waits for evidence
    (checked under the lock: a lapse or a withdrawal may have come first)."""
    with transaction.atomic():
        request = request_lock(request)
        if request.status_enum is not Status.EVIDENCE_REQUESTED or not actor.is_party_role:
            return False
        _evidence_in(request, actor, _today(on))
        return True


def rfe_lapse(*, request: ParoleRequest, on: date | None = None) -> bool:
    """No answer by the deadline: the request goes back to its officer, who may decide on
    the record. False if it no longer waits (answered, withdrawn) by the time it is locked."""
    day = _today(on)
    with transaction.atomic():
        request = request_lock(request)
        if request.status_enum is not Status.EVIDENCE_REQUESTED:
            return False
        request_transition(
            request=request,
            action=Action.RFE_LAPSE,
            actor=None,
            on=day,
            reason="No evidence arrived by the deadline; the officer decides on the record.",
        )
        EvidenceRequest.objects.filter(
            request=request, answered_on__isnull=True, lapsed_on__isnull=True
        ).update(lapsed_on=day)
        _set_assignment_state(request, AssignmentState.OPEN)
        return True


def _evidence_in(request: ParoleRequest, actor: User | None, day: date) -> None:
    request_transition(request=request, action=Action.RECEIVE_EVIDENCE, actor=actor, on=day)
    EvidenceRequest.objects.filter(
        request=request, answered_on__isnull=True, lapsed_on__isnull=True
    ).update(answered_on=day)
    _set_assignment_state(request, AssignmentState.OPEN)


def _into_review(request: ParoleRequest, actor: User, day: date) -> None:
    """An assigned request enters review before its officer asks for evidence or decides
    (the same transaction: if the step after is refused, this is undone too)."""
    if request.status_enum is Status.ASSIGNED:
        request_transition(request=request, action=Action.START_REVIEW, actor=actor, on=day)


def case_resume_review(*, request: ParoleRequest, actor: User, on: date | None = None) -> None:
    with transaction.atomic():
        request = request_lock(request)
        request_transition(request=request, action=Action.RESUME_REVIEW, actor=actor, on=_today(on))


def case_decide(
    *,
    request: ParoleRequest,
    outcome: Outcome,
    actor: User,
    parole_days: int | None = None,
    reasons: Sequence[str] = (),
    note: str = "",
    parole_fee_exception: str = "",
    on: date | None = None,
) -> Decision:
    """Approve (conditionally, when the parole fee is due) or deny, with the notice."""
    day = _today(on)
    snapshot = policy_on(day)
    note = _written(note, "note", "The note")
    if outcome is Outcome.APPROVE:
        if parole_days is None or parole_days <= 0:
            raise AdjudicationError(
                ErrorCode.INVALID, "parole_days", "Give the parole period in days."
            )
        exceptions = {code for code, _ in snapshot.parole_fee_exceptions()}
        if parole_fee_exception and parole_fee_exception not in exceptions:
            raise AdjudicationError(
                ErrorCode.INVALID,
                "parole_fee_exception",
                f"Not a parole-fee exception: {parole_fee_exception}.",
            )
        action = Action.APPROVE if parole_fee_exception else Action.APPROVE_CONDITIONALLY
    else:
        known = {reason.value for reason in DenialReason}
        unknown = [reason for reason in reasons if reason not in known]
        if not reasons or unknown:
            raise AdjudicationError(
                ErrorCode.INVALID, "reasons", "Give one or more of the denial reasons."
            )
        if DenialReason.OTHER.value in reasons and not note.strip():
            raise AdjudicationError(
                ErrorCode.INVALID, "note", "A denial for another reason needs a note."
            )
        action = Action.DENY
    with transaction.atomic():
        request = request_lock(request)
        _into_review(request, actor, day)
        request.decided_on = day
        request_transition(
            request=request,
            action=action,
            actor=actor,
            on=day,
            parole_days=parole_days,
            long_period_days=snapshot.long_period_days(),
            reason=note,
            data={"reasons": list(reasons), "parole_days": parole_days},
            update_fields=("decided_on",),
        )
        decision = Decision.objects.create(
            request=request,
            outcome=outcome.value,
            parole_days=parole_days,
            reasons=list(reasons),
            note=note,
            decided_by=actor,
            decided_on=day,
        )
        _set_assignment_state(request, AssignmentState.DONE, on=day)
        if outcome is Outcome.DENY:
            notice_issue(
                request=request,
                kind=NoticeKind.DENIAL,
                on=day,
                # The words, not only the codes: a notice says what it said when issued.
                content={
                    "reasons": list(reasons),
                    "reason_texts": [DENIAL_TEXT[DenialReason(code)] for code in reasons],
                    "note": note,
                },
            )
            return decision
        assert parole_days is not None
        Grant.objects.create(
            request=request,
            parole_days=parole_days,
            authorized_on=day,
            parole_fee_exception=parole_fee_exception,
        )
        if action is Action.APPROVE:
            notice_issue(
                request=request,
                kind=NoticeKind.APPROVAL,
                on=day,
                content=_approval(request, parole_days, day),
            )
            return decision
        fee_due = day + timedelta(days=snapshot.parole_fee_deadline_days())
        Fee.objects.create(
            request=request,
            kind=FeeKind.PAROLE,
            payment=FEE_DUE,
            amount_usd=snapshot.parole_fee(),
            policy_effective_from=snapshot.get(PolicyKey.PAROLE_FEE).effective_from,
            due_on=fee_due,
        )
        notice_issue(
            request=request,
            kind=NoticeKind.CONDITIONAL_APPROVAL,
            on=day,
            content={
                "parole_days": parole_days,
                "fee_usd": snapshot.parole_fee(),
                "fee_due_on": fee_due.isoformat(),
            },
        )
        return decision


def parole_fee_pay(*, request: ParoleRequest, actor: User | None, on: date | None = None) -> None:
    day = _today(on)
    with transaction.atomic():
        request = request_lock(request)
        request_transition(request=request, action=Action.PAY_PAROLE_FEE, actor=actor, on=day)
        Fee.objects.filter(request=request, kind=FeeKind.PAROLE).update(
            payment=FeePayment.PAID.value, paid_on=day
        )
        notice_issue(
            request=request,
            kind=NoticeKind.APPROVAL,
            on=day,
            content=_approval(request, request.grant.parole_days, day),
        )


def parole_fee_lapse(*, request: ParoleRequest, on: date | None = None) -> None:
    day = _today(on)
    with transaction.atomic():
        request = request_lock(request)
        request_transition(
            request=request,
            action=Action.LAPSE_PAROLE_FEE,
            actor=None,
            on=day,
            reason="The parole fee was not paid by its deadline.",
        )
        notice_issue(request=request, kind=NoticeKind.CLOSURE, on=day)


def arrival_record(
    *,
    request: ParoleRequest,
    arrived_on: date,
    actor: User | None,
    ends_on: date | None = None,
) -> Grant:
    """The beneficiary arrived and was paroled: the end date is the one on the I-94
    (``ends_on``), or the granted period counted from the arrival when none is given."""
    with transaction.atomic():
        request = request_lock(request)
        grant = Grant.objects.select_for_update().get(request=request)
        if arrived_on < grant.authorized_on:
            raise AdjudicationError(
                ErrorCode.INVALID, "arrived_on", "Arrival cannot precede the approval."
            )
        if arrived_on > timezone.localdate():
            raise AdjudicationError(
                ErrorCode.INVALID, "arrived_on", "An arrival cannot be recorded before it happens."
            )
        longest = arrived_on + timedelta(days=grant.parole_days)
        if ends_on is not None and not arrived_on < ends_on <= longest:
            raise AdjudicationError(
                ErrorCode.INVALID,
                "ends_on",
                f"The I-94's end date must be after the arrival and no later than "
                f"{longest.isoformat()}, the end of the {grant.parole_days} days granted.",
            )
        request_transition(
            request=request, action=Action.RECORD_ARRIVAL, actor=actor, on=arrived_on
        )
        grant.arrived_on = arrived_on
        grant.ends_on = ends_on or longest
        grant.save(update_fields=["arrived_on", "ends_on"])
        return grant


def parole_end(
    *,
    request: ParoleRequest,
    reason: str,
    actor: User | None,
    on: date | None = None,
    note: str = "",
) -> None:
    """Parole ends on ``on``: its period ran out ("expired"), the parolee left ("departed",
    on the day they left), or it is terminated on written notice (8 CFR 212.5(e)), saying
    why in ``note``.

    A departure is a fact the case's officer records too, like the arrival
    (Action.RECORD_DEPARTURE); an expiry or a termination is the system's or a
    supervisor's (Action.END_PAROLE). Either way the grant keeps the day and the reason.
    """
    if reason not in set(GrantEnd):
        raise AdjudicationError(
            ErrorCode.INVALID, "reason", "End reason must be expired, departed or terminated."
        )
    note = _written(note, "note", "The reason")
    if reason == GrantEnd.TERMINATED.value and not note:
        raise AdjudicationError(
            ErrorCode.INVALID, "note", "Say why parole is terminated: the notice tells them."
        )
    day = _today(on)
    departed = reason == GrantEnd.DEPARTED.value
    with transaction.atomic():
        request = request_lock(request)
        if departed:
            _check_departure(request, day)
        request_transition(
            request=request,
            action=Action.RECORD_DEPARTURE if departed else Action.END_PAROLE,
            actor=actor,
            on=day,
            reason="The parolee left the United States."
            if departed
            else f"Parole ended: {reason}.",
            data={"end_reason": reason},
        )
        Grant.objects.filter(request=request).update(ended_on=day, end_reason=reason)
        if reason == GrantEnd.TERMINATED.value:
            notice_issue(
                request=request,
                kind=NoticeKind.TERMINATION,
                on=day,
                content={"reason": note, "ended_on": day.isoformat()},
            )


def _check_departure(request: ParoleRequest, day: date) -> None:
    """A departure falls between the arrival and today (the lifecycle checks the status)."""
    grant = Grant.objects.filter(request=request).first()
    arrived = grant.arrived_on if grant is not None else None
    if arrived is not None and day < arrived:
        raise AdjudicationError(
            ErrorCode.INVALID,
            "departed_on",
            f"A departure cannot precede the arrival on {arrived.isoformat()}.",
        )
    if day > timezone.localdate():
        raise AdjudicationError(
            ErrorCode.INVALID, "departed_on", "A departure cannot be recorded before it happens."
        )


def work_permit_record(
    *, request: ParoleRequest, valid_from: date, actor: User, renewal: bool = False
) -> WorkPermit:
    """A work permit granted to the parolee (I-765, (c)(11)): valid until the earlier of
    a year or the end of parole, with the fee in force on its first day."""
    with transaction.atomic():
        request = _on_parole(request, "A work permit is recorded for a parolee.")
        grant = Grant.objects.get(request=request)
        assert grant.arrived_on is not None  # paroled
        assert grant.ends_on is not None
        if not grant.arrived_on <= valid_from < grant.ends_on:
            raise AdjudicationError(
                ErrorCode.INVALID,
                "valid_from",
                f"A work permit starts during parole: from {grant.arrived_on.isoformat()} "
                f"to {grant.ends_on.isoformat()}.",
            )
        year_after = _a_year_on(valid_from) - timedelta(days=1)
        permit = WorkPermit.objects.create(
            grant=grant,
            renewal=renewal,
            fee_usd=policy_on(valid_from).work_permit_fee(renewal=renewal),
            valid_from=valid_from,
            valid_until=min(year_after, grant.ends_on),
            recorded_by=actor,
        )
        event_record(
            subject=request,
            actor=actor,
            action=EventAction.WORK_PERMIT_RECORDED,
            on=valid_from,
            data={"valid_until": permit.valid_until.isoformat(), "renewal": renewal},
        )
        return permit


def _on_parole(request: ParoleRequest, refusal: str) -> ParoleRequest:
    """The request locked, if its beneficiary is on parole; otherwise ``refusal``."""
    request = request_lock(request)
    if request.status_enum is not Status.PAROLED:
        raise AdjudicationError(ErrorCode.INVALID_TRANSITION, None, refusal)
    return request


def _a_year_on(day: date) -> date:
    """The same day a year later; 29 February becomes 1 March."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return date(day.year + 1, 3, 1)


ADDRESS_LENGTH = 500


def address_report(
    *, request: ParoleRequest, address: str, moved_on: date, actor: User
) -> AddressChange:
    """A parolee's new address (Form AR-11), from their own page; sealed at rest."""
    address = _written(address, "address", "The address")
    if not address:
        raise AdjudicationError(ErrorCode.INVALID, "address", "Give the new address.")
    if len(address) > ADDRESS_LENGTH:
        raise AdjudicationError(
            ErrorCode.INVALID, "address", f"Keep the address to {ADDRESS_LENGTH} characters."
        )
    today = timezone.localdate()
    if moved_on > today:
        raise AdjudicationError(
            ErrorCode.INVALID, "moved_on", "Report a move once it has happened."
        )
    with transaction.atomic():
        request = _on_parole(
            request, "An address change is reported while the beneficiary is on parole."
        )
        change = AddressChange.objects.create(
            request=request,
            address=address,
            moved_on=moved_on,
            reported_on=today,
            reported_by=actor,
        )
        # No address in the event: events are kept forever and read by more people.
        event_record(
            subject=request,
            actor=actor,
            action=EventAction.ADDRESS_REPORTED,
            on=today,
            data={"moved_on": moved_on.isoformat()},
        )
        return change


def request_withdraw(
    *, request: ParoleRequest, actor: User, reason: str = "", on: date | None = None
) -> None:
    day = _today(on)
    with transaction.atomic():
        request = request_lock(request)
        request_transition(
            request=request, action=Action.WITHDRAW, actor=actor, on=day, reason=reason
        )
        _set_assignment_state(request, AssignmentState.DONE, on=day)
        notice_issue(request=request, kind=NoticeKind.WITHDRAWAL, on=day)


def _approval(request: ParoleRequest, parole_days: int, day: date) -> dict[str, object]:
    """What an approval notice says, fixed on the day: the period, the work permit's fee,
    and the lead time for re-parole, all by the policy in force; for a re-parole, the day
    the new period starts (when the current parole ends)."""
    policy = policy_on(day)
    content: dict[str, object] = {
        "kind": request.kind,
        "parole_days": parole_days,
        "reparole_lead_days": policy.reparole_lead_days(),
        "work_permit_fee_usd": policy.work_permit_fee(renewal=False),
        "address_change_days": policy.address_change_days(),
    }
    current = request.related_request
    if request.kind == Kind.REPAROLE.value and current is not None:
        ends = Grant.objects.filter(request=current).values_list("ends_on", flat=True).first()
        content["starts_on"] = ends.isoformat() if ends else None
    return content


def _set_assignment_state(
    request: ParoleRequest, state: AssignmentState, *, on: date | None = None
) -> None:
    active = Assignment.objects.filter(request=request).exclude(state=AssignmentState.DONE)
    active.update(state=state.value, ended_on=on if state is AssignmentState.DONE else None)
