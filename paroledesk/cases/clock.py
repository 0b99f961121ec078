"""A request's clock: its age and decision window in business days, computed when read.

The days a request waited on its requestor (for evidence asked for) do not
count: they are left out of its age and push its window back by as many
business days. One date is stored, the last day of the window as pushed back
by the waits that ended (decision_due_on), so that the database finds the
overdue work; cases.transitions keeps it when a wait ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from django.utils import timezone

from paroledesk.core.lifecycle import OPEN_STATUSES, Status
from paroledesk.policy.selectors import business_calendar, policy_on


@dataclass(frozen=True)
class Clock:
    earliest: date
    latest: date
    age_business_days: int  # from receipt to the decision (or today), less the waits
    waited_business_days: int  # the waits on the requestor, the current one included
    overdue: bool


class Clocked(Protocol):
    """What a clock reads of a request: a ParoleRequest, or a work list's row of it."""

    @property
    def status(self) -> str: ...
    @property
    def received_on(self) -> date: ...
    @property
    def decided_on(self) -> date | None: ...
    @property
    def waited_business_days(self) -> int: ...
    @property
    def waiting_since(self) -> date | None: ...


def decision_window_on_receipt(received_on: date) -> tuple[date, date]:
    """The window promised on the receipt notice: policy's, counted from the received date."""
    return policy_on(received_on).decision_window(received_on, business_calendar())


def due_on(received_on: date, waited_business_days: int) -> date:
    """The last day of the decision window, after the waits that ended."""
    latest = decision_window_on_receipt(received_on)[1]
    return business_calendar().add(latest, waited_business_days) if waited_business_days else latest


def clock_for(request: Clocked, *, today: date | None = None) -> Clock:
    today = today or timezone.localdate()
    calendar = business_calendar()
    waited = request.waited_business_days
    if request.waiting_since is not None and today > request.waiting_since:
        waited += calendar.count(request.waiting_since, today)
    earliest, latest = decision_window_on_receipt(request.received_on)
    if waited:
        earliest, latest = calendar.add(earliest, waited), calendar.add(latest, waited)
    until = request.decided_on or today
    age = max(0, calendar.count(request.received_on, until) - waited)
    open_ = Status(request.status) in OPEN_STATUSES
    return Clock(
        earliest=earliest,
        latest=latest,
        age_business_days=age,
        waited_business_days=waited,
        overdue=open_ and today > latest,
    )
