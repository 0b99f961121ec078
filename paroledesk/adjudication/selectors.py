"""Reading the officers' work: queues, oldest first, and each request's clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.core.lifecycle import OPEN_STATUSES, Status
from paroledesk.core.roles import Role
from paroledesk.intake.models import ParoleRequest
from paroledesk.intake.selectors import decision_window_of
from paroledesk.policy.selectors import business_calendar

OPEN = [status.value for status in OPEN_STATUSES]


@dataclass(frozen=True)
class Clock:
    """A request's decision window and age, computed when read (never stored)."""

    earliest: date
    latest: date
    age_business_days: int
    overdue: bool


def clock_for(request: ParoleRequest, *, today: date | None = None) -> Clock:
    today = today or timezone.localdate()
    earliest, latest = decision_window_of(request)
    open_ = request.status_enum in OPEN_STATUSES
    return Clock(
        earliest=earliest,
        latest=latest,
        age_business_days=business_calendar().count(request.received_on, today),
        overdue=open_ and today > latest,
    )


def _oldest_first(requests: QuerySet[ParoleRequest]) -> QuerySet[ParoleRequest]:
    return requests.select_related("beneficiary", "assigned_officer").order_by("received_on", "id")


def queue_unassigned() -> QuerySet[ParoleRequest]:
    return _oldest_first(ParoleRequest.objects.filter(status=Status.RECEIVED.value))


def queue_for_officer(*, officer: User) -> QuerySet[ParoleRequest]:
    return _oldest_first(ParoleRequest.objects.filter(status__in=OPEN, assigned_officer=officer))


def queue_rfe(*, officer: User | None) -> QuerySet[ParoleRequest]:
    waiting = [Status.EVIDENCE_REQUESTED.value, Status.EVIDENCE_RECEIVED.value]
    requests = ParoleRequest.objects.filter(status__in=waiting)
    if officer is not None:
        requests = requests.filter(assigned_officer=officer)
    return _oldest_first(requests)


def officer_loads() -> QuerySet[User]:
    """Officers with how many open requests each holds, for the supervisor's balancing."""
    return (
        User.objects.filter(role__in=[Role.OFFICER.value, Role.SUPERVISOR.value], is_active=True)
        .annotate(
            open_requests=Count("assigned_requests", filter=Q(assigned_requests__status__in=OPEN))
        )
        .order_by("username")
    )
