"""The published processing times, checked against requests decided on known dates."""

from __future__ import annotations

from datetime import date

import pytest

from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.cases.models import ParoleRequest
from paroledesk.cases.processing_times import processing_times
from paroledesk.core.processing_times import GroupTimes
from paroledesk.intake.services import request_file
from paroledesk.testing.fixtures import filing_document

TODAY = date(2026, 11, 30)
RECEIVED = date(2026, 11, 2)  # a Monday
# Business days after November 2, 2026: Veterans Day (Wednesday the 11th) does not count.
DECIDED_ON = [date(2026, 11, day) for day in (3, 4, 5, 6, 9, 10, 12, 13, 16, 17)]


def file(alice, category: str, received: date = RECEIVED) -> ParoleRequest:
    reason = {**filing_document()["reason"], "category": category}
    document = filing_document(reason=reason)
    return request_file(raw=document, filed_by=alice, today=received).request


def decide(request: ParoleRequest, sam, olivia, on: date) -> None:
    work.case_assign(request=request, officer=olivia, actor=sam, on=request.received_on)
    work.case_decide(
        request=request, outcome=Outcome.DENY, actor=olivia, reasons=["insufficient_evidence"],
        on=on,
    )  # fmt: skip


@pytest.fixture
def decided(policy, alice, sam, olivia) -> None:
    """Ten medical decisions taking 1 to 10 business days, one more before the window;
    three protection decisions; two family emergencies waiting, one withdrawn."""
    for day in DECIDED_ON:
        decide(file(alice, "medical"), sam, olivia, day)
    decide(file(alice, "medical", date(2026, 5, 1)), sam, olivia, date(2026, 5, 29))
    for day in DECIDED_ON[:3]:
        decide(file(alice, "protection"), sam, olivia, day)
    file(alice, "family_emergency")
    file(alice, "family_emergency")
    withdrawn = file(alice, "family_emergency")
    work.request_withdraw(request=withdrawn, actor=alice, on=RECEIVED)


def by_category() -> dict[str, GroupTimes]:
    return {group.category: group for group in processing_times(today=TODAY).groups}


@pytest.mark.usefixtures("decided")
def test_median_and_eighty_percent_are_nearest_rank_business_days_from_receipt():
    medical = by_category()["medical"]
    # Durations 1..10 (the day after Veterans Day is the 7th business day, not the 8th):
    # nearest rank gives the 5th and the 8th of ten, where interpolation would give 5.5.
    assert medical == GroupTimes("medical", 10, 5, 8, 0)


@pytest.mark.usefixtures("decided")
def test_a_group_under_ten_decisions_publishes_no_figure_but_its_waiting():
    groups = by_category()
    assert groups["protection"] == GroupTimes("protection", None, None, None, 0)
    assert groups["family_emergency"] == GroupTimes("family_emergency", None, None, None, 2)
    assert list(groups) == ["medical", "family_emergency", "protection", "public_benefit", "other"]


@pytest.mark.usefixtures("decided")
def test_the_window_is_the_last_six_months():
    times = processing_times(today=TODAY)
    assert (times.since, times.window_months) == (date(2026, 5, 30), 6)
    # Six months after the first medical decision's day, it drops out: nine are left.
    assert processing_times(today=date(2027, 5, 2)).groups[0].decided == 10
    assert processing_times(today=date(2027, 5, 3)).groups[0].decided is None


def test_the_figures_take_two_queries_however_many_requests(policy, django_assert_num_queries):
    processing_times(today=TODAY)  # the policy and calendar, read once per process
    with django_assert_num_queries(2):
        processing_times(today=TODAY)
