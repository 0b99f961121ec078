"""Reading the officers' work: queues, oldest first, and the case a step is taken on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from math import ceil

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.adjudication.recount import latest_change, recounted
from paroledesk.cases.clock import Clock, clock_for
from paroledesk.cases.models import URGENT, Affidavit, ParoleRequest
from paroledesk.core.filing_rules import Category
from paroledesk.core.lifecycle import (
    DECIDED_STATUSES,
    OPEN_STATUSES,
    WAITING_ON_REQUESTOR,
    Status,
)
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

    @property
    def narrows(self) -> bool:
        """Whether the filters leave some requests of the list out (the order does not)."""
        return (self.category, self.expedited, self.possible_duplicate) != (None, None, None)


@dataclass(frozen=True)
class Listed:
    """A request as a work list shows it: what its row and its clock read, and no more.

    Read as plain values, not as ParoleRequest rows with their sealed texts: a page
    of them then costs a fraction of the time (issue 9 asks the lists for 50 ms).
    """

    pk: int
    receipt_number: str
    kind: str
    status: str
    category: str
    received_on: date
    expedited: bool
    waited_business_days: int
    waiting_since: date | None
    decided_on: date | None
    possible_duplicate: bool
    family_name: str
    given_name: str
    officer: str | None  # the user name of the officer who holds it


# The columns of Listed, in its order.
_LISTED = (
    "pk",
    "receipt_number",
    "kind",
    "status",
    "category",
    "received_on",
    "expedited",
    "waited_business_days",
    "waiting_since",
    "decided_on",
    "possible_duplicate",
    "beneficiary__family_name",
    "beneficiary__given_name",
    "assigned_officer__username",
)


def overdue_on(today: date) -> Q:
    """Open requests not waiting on their requestor, past the last day of their window.

    The same answer as cases.clock's ``overdue`` for them: a request that waits
    has its clock stopped, and its stored last day moves when the wait ends.
    """
    return Q(status__in=_NOT_WAITING, decision_due_on__lt=today)


def _sees_everyone(view: QueueView, user: User) -> bool:
    """Supervisors see everyone's work in every list but "mine"; anyone sees every
    request waiting for an officer."""
    return view is QueueView.UNASSIGNED or (
        user.role_enum in MANAGER_ROLES and view is not QueueView.MINE
    )


def _listed(view: QueueView, *, officer: User | None, today: date) -> QuerySet[ParoleRequest]:
    """The requests of a list, everyone's (``officer`` None) or one officer's.

    Each list is one of the partial indexes on ParoleRequest, read in its order.
    """
    requests = ParoleRequest.objects.all()
    if view is QueueView.UNASSIGNED:
        requests = requests.filter(status=Status.RECEIVED.value)
    elif view is QueueView.RFE:
        requests = requests.filter(status__in=_WAITING_FOR_EVIDENCE)
    elif view is QueueView.OVERDUE:
        requests = requests.filter(overdue_on(today))
    elif view is QueueView.DECIDED:
        requests = requests.filter(status__in=DECIDED)
    else:
        requests = requests.filter(status__in=OPEN)
    return requests if officer is None else requests.filter(assigned_officer=officer)


def _queue(
    view: QueueView,
    *,
    user: User,
    filters: QueueFilter = QueueFilter(),
    today: date | None = None,
) -> QuerySet[ParoleRequest]:
    """The requests of one work list, oldest first (the decided: the latest first).

    Officers see their own work (and the unassigned requests they may take);
    supervisors see everyone's, except in "mine".
    """
    officer = None if _sees_everyone(view, user) else user
    requests = _listed(view, officer=officer, today=today or timezone.localdate())
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
    return requests.select_related("assigned_officer", "beneficiary").order_by(*order)


def _counts(user: User, today: date, mark: int) -> dict[QueueView, int]:
    """The length of every list this user has, without filters. Counted again only after
    a request changed (recount): everyone's lists once for all supervisors and officers,
    an officer's own once for them."""
    everyone = recounted(
        ("queue-counts", today),
        lambda: {
            view: _listed(view, officer=None, today=today).count()
            for view in QueueView
            if view is not QueueView.MINE
        },
        mark=mark,
    )
    own = [view for view in QueueView if not _sees_everyone(view, user)]
    theirs = recounted(
        ("own-queue-counts", user.pk, today),
        lambda: {view: _listed(view, officer=user, today=today).count() for view in own},
        mark=mark,
    )
    return everyone | theirs


class QueueCounts(dict[QueueView, int]):
    """The lengths of a user's lists, with the latest change they were counted after."""

    def __init__(self, counts: Mapping[QueueView, int], *, mark: int) -> None:
        super().__init__(counts)
        self.mark = mark


def queue_counts(*, user: User, today: date | None = None) -> QueueCounts:
    """How many requests each of this user's lists holds, without filters: one look at the
    event log, and counts only when a request changed since they were last made."""
    today = today or timezone.localdate()
    mark = latest_change()
    return QueueCounts(_counts(user, today, mark), mark=mark)


@dataclass(frozen=True)
class QueueRow:
    request: Listed
    clock: Clock
    possible_duplicate: bool


@dataclass(frozen=True)
class QueuePage:
    view: QueueView
    count: int  # requests in the list, with its filters
    page: int
    pages: int
    page_size: int
    rows: list[QueueRow]

    @property
    def first(self) -> int:
        """The position of the first row shown, counted from 1 (0 when none is)."""
        return (self.page - 1) * self.page_size + 1 if self.rows else 0

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1 if self.rows else 0


def queue_page(
    view: QueueView,
    *,
    user: User,
    filters: QueueFilter = QueueFilter(),
    page: int = 1,
    page_size: int = 25,
    today: date | None = None,
    counts: QueueCounts | None = None,
    stay_in_range: bool = False,
) -> QueuePage:
    """One page of a work list with each row's clock and duplicate flag, in a fixed few
    queries (the count, the rows with their people) whatever the list's length.

    ``counts`` are the lists' lengths when the caller has them (queue_counts): a list
    without filters is not counted again. A page past the last is empty, or with
    ``stay_in_range`` the last page.
    """
    today = today or timezone.localdate()
    found = _queue(view, user=user, filters=filters, today=today)
    # Whose list it is, and what of it is asked: the key a count is kept under.
    scope = (view, None if _sees_everyone(view, user) else user.pk, today)
    mark = counts.mark if counts is not None else latest_change()
    if filters.narrows:
        # Counting a filter over everyone's waiting requests reads tens of thousands
        # of index entries: kept, as the lists' lengths are, until a request changes.
        kept_as = ("filtered", *scope, replace(filters, urgent_first=False))
        count = recounted(kept_as, found.count, mark=mark)
    else:
        count = (counts if counts is not None else _counts(user, today, mark))[view]
    pages = max(1, ceil(count / page_size))
    if stay_in_range:
        page = min(page, pages)
    start = (page - 1) * page_size
    if start >= count:
        shown: list[Listed] = []
    elif filters.urgent_first and view is not QueueView.DECIDED:
        ordered = found.order_by("received_on", "id")
        urgent = recounted(("urgent", *scope, filters), ordered.filter(URGENT).count, mark=mark)
        shown = _urgent_first(ordered, start, page_size, urgent=urgent)
    else:
        shown = _read(found[start : start + page_size])
    rows = [QueueRow(item, clock_for(item, today=today), item.possible_duplicate) for item in shown]
    return QueuePage(view, count, page, pages, page_size, rows)


def _read(requests: QuerySet[ParoleRequest]) -> list[Listed]:
    return [Listed(*values) for values in requests.values_list(*_LISTED)]


def _urgent_first(
    found: QuerySet[ParoleRequest], start: int, size: int, *, urgent: int
) -> list[Listed]:
    """Rows ``start`` on of the ``urgent`` urgent requests then the others, each oldest
    first: each part is read in its index's order, where sorting the whole list would
    read all of it."""
    shown = _read(found.filter(URGENT)[start : start + size]) if start < urgent else []
    if len(shown) < size:
        skip = max(0, start - urgent)
        shown += _read(found.exclude(URGENT)[skip : skip + size - len(shown)])
    return shown


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
