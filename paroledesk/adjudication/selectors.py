"""Reading the officers' work: queues, oldest first."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from paroledesk.accounts.models import User
from paroledesk.cases.models import ParoleRequest
from paroledesk.core.lifecycle import OPEN_STATUSES, Status
from paroledesk.core.roles import ADJUDICATOR_ROLES

OPEN = [status.value for status in OPEN_STATUSES]


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
        User.objects.filter(role__in=[role.value for role in ADJUDICATOR_ROLES], is_active=True)
        .annotate(
            open_requests=Count("assigned_requests", filter=Q(assigned_requests__status__in=OPEN))
        )
        .order_by("username")
    )
