"""The supervisor's dashboard figures: counted by the database, and the same answers as
each request's own clock."""

from datetime import date, timedelta

import pytest

from paroledesk.adjudication import dashboard as figures
from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.cases.clock import clock_for
from paroledesk.cases.models import ParoleRequest
from paroledesk.core.lifecycle import Status
from paroledesk.core.roles import Role
from paroledesk.intake.services import request_file
from paroledesk.policy.selectors import business_calendar
from paroledesk.testing.fixtures import FILED_ON, filing_document, person

pytestmark = pytest.mark.django_db

AGES = [
    "Not yet in the window",
    "In the window",
    "Past it by up to 20 business days",
    "Past it by more than 20 business days",
    "Clock stopped: waiting on evidence",
]


def file_one(alice, number, *, on=FILED_ON):
    beneficiary = filing_document()["beneficiary"] | {"given_name": f"Person{number}"}
    raw = filing_document(beneficiary=beneficiary)
    return request_file(raw=raw, filed_by=alice, today=on).request


def ages(today):
    waiting = ParoleRequest.objects.filter(status=Status.EVIDENCE_REQUESTED.value).count()
    return {tally.label: tally.count for tally in figures.age_counts(today, waiting=waiting)}


def bucket_by_clock(case, today):
    """Where the request's own clock puts it: the rule the database's count must match."""
    clock = clock_for(ParoleRequest.objects.get(pk=case.pk), today=today)
    if case.status == Status.EVIDENCE_REQUESTED.value:
        return AGES[4]
    if today < clock.earliest:
        return AGES[0]
    if not clock.overdue:
        return AGES[1]
    late_by = business_calendar().count(clock.latest, today)
    return AGES[2] if late_by <= figures.WELL_PAST_DAYS else AGES[3]


def test_every_status_is_counted_even_with_none(policy, alice, sam, olivia):
    made = [file_one(alice, number) for number in range(3)]
    work.case_assign(request=made[0], officer=olivia, actor=sam, on=FILED_ON)
    work.case_assign(request=made[1], officer=olivia, actor=sam, on=FILED_ON)
    work.case_decide(
        request=made[1], outcome=Outcome.DENY, actor=olivia, reasons=["insufficient_evidence"]
    )
    counted = {tally.status: tally.count for tally in figures.status_counts()}
    assert set(counted) == set(Status)
    assert counted[Status.RECEIVED] == 1
    assert counted[Status.ASSIGNED] == 1
    assert counted[Status.DENIED] == 1
    assert sum(counted.values()) == 3


@pytest.mark.parametrize(
    "business_days_after_receipt",
    [0, 89, 90, 100, 120, 121, 140, 141, 200],
)
def test_each_open_request_lands_where_its_own_clock_says(
    policy, alice, business_days_after_receipt
):
    case = file_one(alice, 0)
    today = business_calendar().add(FILED_ON, business_days_after_receipt)
    counted = ages(today)
    assert counted[bucket_by_clock(case, today)] == 1
    assert sum(counted.values()) == 1


def test_a_wait_that_ended_pushes_the_window_back_and_a_wait_now_stops_the_clock(
    policy, alice, sam, olivia
):
    waited, waiting = file_one(alice, 0), file_one(alice, 1)
    for case in (waited, waiting):
        work.case_assign(request=case, officer=olivia, actor=sam, on=FILED_ON)
        work.case_request_evidence(
            request=case, items=["A letter"], due_in_business_days=30, actor=olivia, on=FILED_ON
        )
    work.rfe_answer(request=waited, actor=alice, on=business_calendar().add(FILED_ON, 15))
    # 125 business days after receipt: past the plain window, inside the one pushed back 15.
    today = business_calendar().add(FILED_ON, 125)
    assert bucket_by_clock(waited, today) == AGES[1]
    counted = ages(today)
    assert counted[AGES[1]] == 1
    assert counted[AGES[4]] == 1


def test_decided_requests_have_no_age_on_the_dashboard(policy, alice, sam, olivia):
    case = file_one(alice, 0)
    work.case_assign(request=case, officer=olivia, actor=sam, on=FILED_ON)
    work.case_decide(
        request=case, outcome=Outcome.DENY, actor=olivia, reasons=["insufficient_evidence"]
    )
    assert sum(ages(date(2027, 12, 1)).values()) == 0


def test_overdue_work_per_officer_and_the_overdue_no_one_holds(policy, alice, sam, olivia):
    oscar = person("oscar", Role.OFFICER)
    late = [file_one(alice, number) for number in range(4)]
    recent = file_one(alice, 9, on=date(2027, 5, 3))
    work.case_assign(request=late[0], officer=olivia, actor=sam, on=FILED_ON)
    work.case_assign(request=late[1], officer=olivia, actor=sam, on=FILED_ON)
    work.case_assign(request=recent, officer=olivia, actor=sam, on=date(2027, 5, 3))
    work.case_assign(request=late[2], officer=oscar, actor=sam, on=FILED_ON)
    rows = figures.officer_work(date(2027, 6, 1), unassigned=1)
    by_name = {row.officer: (row.open, row.overdue) for row in rows}
    assert by_name == {
        "olivia": (3, 2),
        "oscar": (1, 1),
        "sam": (0, 0),
        None: (1, 1),
    }
    assert rows[-1].officer is None


def test_decisions_are_counted_by_week_and_outcome_for_twelve_weeks(policy, alice, sam, olivia):
    today = date(2027, 3, 3)  # a Wednesday
    days = {
        date(2027, 3, 1): Outcome.APPROVE,  # this week's Monday
        date(2027, 3, 3): Outcome.DENY,
        date(2027, 2, 26): Outcome.DENY,  # the Friday before
        date(2026, 12, 14): Outcome.APPROVE,  # eleven weeks back: the first week shown
        date(2026, 12, 11): Outcome.APPROVE,  # twelve weeks back: too old
    }
    for number, (day, outcome) in enumerate(days.items()):
        case = file_one(alice, number, on=date(2026, 12, 1))
        work.case_assign(request=case, officer=olivia, actor=sam, on=date(2026, 12, 1))
        extra = (
            {"parole_days": 180, "parole_fee_exception": "medical_emergency"}
            if outcome is Outcome.APPROVE
            else {"reasons": ["insufficient_evidence"]}
        )
        work.case_decide(request=case, outcome=outcome, actor=olivia, on=day, **extra)
    weeks = figures.decisions_by_week(today)
    assert len(weeks) == 12
    assert weeks[0].week_of == date(2026, 12, 14)
    assert weeks[-1].week_of == date(2027, 3, 1)
    assert all(week.week_of.weekday() == 0 for week in weeks)
    assert (weeks[-1].approved, weeks[-1].denied) == (1, 1)
    assert (weeks[-2].approved, weeks[-2].denied) == (0, 1)
    assert (weeks[0].approved, weeks[0].denied) == (1, 0)
    assert sum(week.total for week in weeks) == 4
    assert [week.week_of for week in weeks] == [
        date(2026, 12, 14) + timedelta(weeks=number) for number in range(12)
    ]


def test_the_dashboard_is_counted_again_only_after_a_request_changed(
    policy, alice, django_assert_num_queries
):
    day = date(2027, 1, 4)
    file_one(alice, 0)
    # The latest event's id, then six counts whatever the number of requests.
    with django_assert_num_queries(7):
        board = figures.dashboard(day)
    assert board.open_total == 1
    assert board.window == (90, 120)
    with django_assert_num_queries(1):
        assert figures.dashboard(day) == board
    file_one(alice, 1)
    with django_assert_num_queries(7):
        assert figures.dashboard(day).open_total == 2
    # Another day is counted apart: what is overdue moves with it.
    with django_assert_num_queries(7):
        figures.dashboard(day + timedelta(days=1))
