"""Reading the published processing times from the requests themselves.

Two aggregate queries, whatever the number of requests: the decisions of the
window counted by reason and by (received, decided) pair of dates, which the
partial index of decided requests serves, and the open requests counted by
reason (the statuses listed in the order of those indexes' conditions). Only
the durations of the distinct date pairs are counted in Python, in business
days by the policy's calendar.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.utils import timezone

from paroledesk.cases.models import ParoleRequest
from paroledesk.core.filing_rules import Category
from paroledesk.core.lifecycle import DECIDED_STATUSES, OPEN_STATUSES
from paroledesk.core.processing_times import (
    WINDOW_MONTHS,
    GroupTimes,
    group_times,
    months_before,
)
from paroledesk.policy.selectors import business_calendar


@dataclass(frozen=True)
class ProcessingTimes:
    as_of: date
    since: date  # decisions after this day count, up to as_of
    window_months: int
    groups: list[GroupTimes]  # one per reason category, in the order of Category


def processing_times(*, today: date | None = None) -> ProcessingTimes:
    """How long decisions took over the last WINDOW_MONTHS months, and what waits, by reason."""
    today = today or timezone.localdate()
    since = months_before(today, WINDOW_MONTHS)
    calendar = business_calendar()
    durations: dict[str, Counter[int]] = defaultdict(Counter)
    decided = (
        ParoleRequest.objects.filter(
            status__in=sorted(DECIDED_STATUSES), decided_on__gt=since, decided_on__lte=today
        )
        .values_list("category", "received_on", "decided_on")
        .annotate(count=Count("id"))
        .order_by()
    )
    for category, received_on, decided_on, count in decided:
        durations[category][calendar.count(received_on, decided_on)] += count
    waiting = dict(
        ParoleRequest.objects.filter(status__in=sorted(OPEN_STATUSES))
        .values("category")
        .annotate(count=Count("id"))
        .order_by()
        .values_list("category", "count")
    )
    groups = [
        group_times(
            category=category.value,
            durations=durations[category.value],
            waiting=waiting.get(category.value, 0),
        )
        for category in Category
    ]
    return ProcessingTimes(as_of=today, since=since, window_months=WINDOW_MONTHS, groups=groups)
