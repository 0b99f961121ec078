"""What the supervisor's dashboard reads: a few counts, each done by the database.

Every figure is one grouped or filtered COUNT, answered from an index, so the
page costs the same few queries for a hundred requests or a hundred thousand.
Dates that depend on the business calendar (where the decision window starts,
how late is very late) are worked out once here, in Python, and the database
only compares the stored ``decision_due_on`` with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncWeek

from paroledesk.accounts.models import User
from paroledesk.adjudication.models import Decision, Outcome
from paroledesk.adjudication.recount import recounted
from paroledesk.adjudication.selectors import OPEN, overdue_on
from paroledesk.cases.models import ParoleRequest
from paroledesk.core.business_days import BusinessCalendar
from paroledesk.core.lifecycle import OPEN_STATUSES, WAITING_ON_REQUESTOR, Status
from paroledesk.core.roles import ADJUDICATOR_ROLES
from paroledesk.policy.selectors import business_calendar, policy_on

WEEKS = 12
# Past the window by more than this many business days is "well past": four weeks.
WELL_PAST_DAYS = 20

_RUNNING = [status for status in OPEN if Status(status) not in WAITING_ON_REQUESTOR]
# Open and held by an officer: every open status but "received".
_HELD = [status for status in OPEN if status != Status.RECEIVED.value]

STATUS_LABELS = {
    Status.RECEIVED: "Received, not assigned",
    Status.ASSIGNED: "Assigned",
    Status.IN_REVIEW: "In review",
    Status.EVIDENCE_REQUESTED: "Evidence requested",
    Status.EVIDENCE_RECEIVED: "Evidence received",
    Status.CONDITIONALLY_APPROVED: "Approved, parole fee due",
    Status.APPROVED: "Approved",
    Status.PAROLED: "Paroled",
    Status.DENIED: "Denied",
    Status.WITHDRAWN: "Withdrawn",
    Status.CLOSED: "Closed",
    Status.PAROLE_ENDED: "Parole ended",
}


@dataclass(frozen=True)
class Tally:
    label: str
    count: int


@dataclass(frozen=True)
class StatusTally:
    status: Status
    label: str
    count: int

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class OfficerWork:
    officer: str | None  # None: the open requests no officer holds yet
    open: int
    overdue: int


@dataclass(frozen=True)
class WeekOfDecisions:
    week_of: date  # the Monday
    approved: int
    denied: int

    @property
    def total(self) -> int:
        return self.approved + self.denied


@dataclass(frozen=True)
class Dashboard:
    today: date
    window: tuple[int, int]  # the decision window in force today, in business days
    statuses: list[StatusTally]
    ages: list[Tally]
    officers: list[OfficerWork]
    weeks: list[WeekOfDecisions]

    @property
    def open_total(self) -> int:
        return sum(tally.count for tally in self.ages)

    @property
    def overdue_total(self) -> int:
        return sum(row.overdue for row in self.officers)

    @property
    def decided_this_week(self) -> int:
        return self.weeks[-1].total if self.weeks else 0


def status_counts() -> list[StatusTally]:
    """How many requests have each status, every status listed (one grouped count)."""
    found = dict(
        ParoleRequest.objects.order_by()
        .values_list("status")
        .annotate(count=Count("*"))
        .values_list("status", "count")
    )
    return [
        StatusTally(status, STATUS_LABELS[status], found.get(status.value, 0)) for status in Status
    ]


def _last_day_late_by(calendar: BusinessCalendar, today: date, days: int) -> date:
    """The latest last day of a window that today is more than ``days`` business days past."""
    day = today - timedelta(days=1)
    while calendar.count(day, today) <= days:
        day -= timedelta(days=1)
    return day


def age_counts(today: date, *, waiting: int) -> list[Tally]:
    """The open requests by where today falls in their decision window, waits left out;
    ``waiting`` of them wait on their requestor (from the status counts).

    A request's window ends on its stored ``decision_due_on`` and starts as many
    business days earlier as the window is long, so "not yet in its window" is a
    last day later than today's date plus that length. A request waiting on its
    requestor has its clock stopped and is counted apart.
    """
    calendar = business_calendar()
    earliest, latest = policy_on(today).decision_window_days()
    starts_later = calendar.add(today, latest - earliest)
    well_past = _last_day_late_by(calendar, today, WELL_PAST_DAYS)
    due = "decision_due_on"
    # Only dates in the filters and the status in the condition: the database reads the
    # index request_due alone (with a status in each filter, it read the whole table).
    found = ParoleRequest.objects.filter(status__in=_RUNNING).aggregate(
        before=Count(due, filter=Q(decision_due_on__gt=starts_later)),
        inside=Count(due, filter=Q(decision_due_on__gte=today, decision_due_on__lte=starts_later)),
        past=Count(due, filter=Q(decision_due_on__lt=today, decision_due_on__gt=well_past)),
        well_past=Count(due, filter=Q(decision_due_on__lte=well_past)),
    )
    return [
        Tally("Not yet in the window", found["before"]),
        Tally("In the window", found["inside"]),
        Tally(f"Past it by up to {WELL_PAST_DAYS} business days", found["past"]),
        Tally(f"Past it by more than {WELL_PAST_DAYS} business days", found["well_past"]),
        Tally("Clock stopped: waiting on evidence", waiting),
    ]


def officer_work(today: date, *, unassigned: int) -> list[OfficerWork]:
    """Each active officer and supervisor with their open and overdue requests, then the
    ``unassigned`` requests no officer holds with how many of them are overdue. Counted
    again only after a request changed (recount)."""
    rows, unassigned_overdue = recounted(("officer-work", today), lambda: _officer_work(today))
    return [*rows, OfficerWork(None, unassigned, unassigned_overdue)]


def _officer_work(today: date) -> tuple[list[OfficerWork], int]:
    """Two grouped counts (open work held, overdue work) and the list of names."""
    held: dict[int | None, int] = dict(
        ParoleRequest.objects.filter(status__in=_HELD)
        .order_by()
        .values_list("assigned_officer")
        .annotate(count=Count("*"))
        .values_list("assigned_officer", "count")
    )
    late: dict[int | None, int] = dict(
        ParoleRequest.objects.filter(overdue_on(today))
        .order_by()
        .values_list("assigned_officer")
        .annotate(count=Count("*"))
        .values_list("assigned_officer", "count")
    )
    people = User.objects.filter(
        Q(role__in=[role.value for role in ADJUDICATOR_ROLES], is_active=True)
        | Q(pk__in=[pk for pk in [*held, *late] if pk is not None])
    ).order_by("username")
    rows = [
        OfficerWork(person.username, held.get(person.pk, 0), late.get(person.pk, 0))
        for person in people.only("username")
    ]
    return rows, late.get(None, 0)


def decisions_by_week(today: date, weeks: int = WEEKS) -> list[WeekOfDecisions]:
    """Decisions made in each of the last ``weeks`` weeks (Monday to Sunday, this one
    included), by outcome, in one grouped count."""
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(weeks=weeks - 1)
    found = (
        Decision.objects.filter(decided_on__gte=first, decided_on__lte=today)
        .annotate(week=TruncWeek("decided_on"))
        .order_by()
        .values_list("week", "outcome")
        .annotate(count=Count("*"))
    )
    tally: dict[tuple[date, str], int] = {}
    for week, outcome, number in found:
        tally[(week.date() if isinstance(week, datetime) else week, outcome)] = number
    return [
        WeekOfDecisions(
            week_of=start,
            approved=tally.get((start, Outcome.APPROVE.value), 0),
            denied=tally.get((start, Outcome.DENY.value), 0),
        )
        for start in (first + timedelta(weeks=number) for number in range(weeks))
    ]


def dashboard(today: date) -> Dashboard:
    """Every figure of the page, counted again only after a request changed (recount):
    then six queries, whatever the number of requests."""
    return recounted(("dashboard", today), lambda: _dashboard(today))


def _dashboard(today: date) -> Dashboard:
    statuses = status_counts()
    counted = {tally.status: tally.count for tally in statuses}
    officers, unassigned_overdue = _officer_work(today)
    return Dashboard(
        today=today,
        window=policy_on(today).decision_window_days(),
        statuses=statuses,
        ages=age_counts(today, waiting=counted[Status.EVIDENCE_REQUESTED]),
        officers=[*officers, OfficerWork(None, counted[Status.RECEIVED], unassigned_overdue)],
        weeks=decisions_by_week(today),
    )
