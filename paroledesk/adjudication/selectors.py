"""Reading the officers' work: queues, oldest first, and the case a step is taken on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.cases.models import URGENT, Affidavit, ParoleRequest
from paroledesk.cases.selectors import RequestNotFound
from paroledesk.core.filing_rules import Category
from paroledesk.core.lifecycle import (
    DECIDED_STATUSES,
    OPEN_STATUSES,
    WAITING_ON_REQUESTOR,
    Status,
)
from paroledesk.core.receipt_numbers import InvalidReceiptNumber, parse_receipt_number
from paroledesk.core.roles import ADJUDICATOR_ROLES, MANAGER_ROLES
from paroledesk.policy.selectors import policy_on

OPEN = sorted(status.value for status in OPEN_STATUSES)
DECIDED = sorted(status.value for status in DECIDED_STATUSES)
_WAITING_FOR_EVIDENCE = [Status.EVIDENCE_REQUESTED.value, Status.EVIDENCE_RECEIVED.value]
_NOT_WAITING = [status for status in OPEN if Status(status) not in WAITING_ON_REQUESTOR]


class QueueView(StrEnum):
    UNASSIGNED = "unassigned"
    MINE = "mine"
    RFE = "rfe"
    OVERDUE = "overdue"
    DECIDED = "decided"


@dataclass(frozen=True)
class QueueFilter:
    category: Category | None = None
    expedited: bool | None = None
    possible_duplicate: bool | None = None
    # Expedited and medical requests first, then the oldest.
    urgent_first: bool = False


def overdue_on(today: date) -> Q:
    """Open requests not waiting on their requestor, past the last day of their window.

    The same answer as cases.clock's ``overdue`` for them: a request that waits
    has its clock stopped, and its stored last day moves when the wait ends.
    """
    return Q(status__in=_NOT_WAITING, decision_due_on__lt=today)


def queue(
    view: QueueView,
    *,
    user: User,
    filters: QueueFilter = QueueFilter(),
    today: date | None = None,
) -> QuerySet[ParoleRequest]:
    """The requests of one work list, oldest first.

    Officers see their own work (and the unassigned requests they may take);
    supervisors see everyone's, except in "mine".
    """
    requests = ParoleRequest.objects.all()
    everyone = user.role_enum in MANAGER_ROLES and view is not QueueView.MINE
    if view is QueueView.UNASSIGNED:
        requests = requests.filter(status=Status.RECEIVED.value)
    elif view is QueueView.RFE:
        requests = requests.filter(status__in=_WAITING_FOR_EVIDENCE)
    elif view is QueueView.OVERDUE:
        requests = requests.filter(overdue_on(today or timezone.localdate()))
    elif view is QueueView.DECIDED:
        requests = requests.filter(status__in=DECIDED)
    else:
        requests = requests.filter(status__in=OPEN)
    if view is not QueueView.UNASSIGNED and not everyone:
        requests = requests.filter(assigned_officer=user)
    if filters.category is not None:
        requests = requests.filter(category=filters.category.value)
    if filters.expedited is not None:
        requests = requests.filter(expedited=filters.expedited)
    if filters.possible_duplicate is not None:
        requests = requests.filter(possible_duplicate=filters.possible_duplicate)
    order = ["received_on", "id"]
    if view is QueueView.DECIDED:
        order = ["-decided_on", "-id"]
    elif filters.urgent_first:
        requests = requests.annotate(urgent=URGENT)
        order = ["-urgent", *order]
    return requests.select_related("assigned_officer").order_by(*order)


def case_for_step(*, receipt_number: str, user: User) -> ParoleRequest:
    """The request an officer, supervisor or administrator takes a step on.

    Staff may name any request: whether they may take the step is the
    lifecycle's answer (an officer not assigned gets not_assigned). Anyone
    else finds nothing, as for a request that does not exist. Nothing of the
    request is shown here, so no view is logged; the step is, as an event.
    """
    if not user.is_authenticated or not user.is_active or not user.is_staff_role:
        raise RequestNotFound(receipt_number)
    try:
        receipt = str(parse_receipt_number(receipt_number))
    except InvalidReceiptNumber:
        raise RequestNotFound(receipt_number) from None
    found = (
        ParoleRequest.objects.select_related("assigned_officer")
        .filter(receipt_number=receipt)
        .first()
    )
    if found is None:
        raise RequestNotFound(receipt)
    return found


def officer_loads() -> QuerySet[User]:
    """Officers with how many open requests each holds, for the supervisor's balancing."""
    return (
        User.objects.filter(role__in=[role.value for role in ADJUDICATOR_ROLES], is_active=True)
        .annotate(
            open_requests=Count("assigned_requests", filter=Q(assigned_requests__status__in=OPEN))
        )
        .order_by("username")
    )


@dataclass(frozen=True)
class SponsorSupport:
    """A sponsor's income against the poverty guideline for their household."""

    affidavit: Affidavit
    guideline_usd: int
    # Income as a multiple of the guideline: 1.0 is at the guideline.
    ratio: float


def sponsors_of(case: ParoleRequest, *, today: date) -> list[SponsorSupport]:
    """Each Form I-134 on the case, with its income measured against the HHS poverty
    guideline in force today for the sponsor's household size."""
    policy = policy_on(today)
    found = []
    for affidavit in Affidavit.objects.filter(request=case).order_by("id"):
        guideline = policy.poverty_guideline(affidavit.household_size)
        found.append(SponsorSupport(affidavit, guideline, affidavit.annual_income_usd / guideline))
    return found
