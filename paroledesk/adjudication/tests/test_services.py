from datetime import date, timedelta

import pytest

from paroledesk.accounts.services import user_create
from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Assignment, Decision, EvidenceRequest, Outcome
from paroledesk.adjudication.tests.steps import reviewed
from paroledesk.audit.models import Event
from paroledesk.cases.models import Fee, Grant
from paroledesk.core.lifecycle import Status, TransitionRefused
from paroledesk.core.roles import Role
from paroledesk.notices.models import Notice
from paroledesk.testing.fixtures import FILED_ON

pytestmark = pytest.mark.django_db
LATER = FILED_ON + timedelta(days=7)


def test_assignment_moves_the_request_and_opens_a_work_item_due_at_the_window_end(
    filed, sam, olivia
):
    assignment = work.case_assign(request=filed, officer=olivia, actor=sam, on=FILED_ON)
    filed.refresh_from_db()
    assert filed.status == Status.ASSIGNED
    assert filed.assigned_officer == olivia
    assert assignment.state == "open"
    # 120 business days after Monday 2026-11-30.
    assert assignment.due_on == date(2027, 5, 21)


def test_reassignment_closes_the_old_work_item_and_keeps_the_status(filed, sam, olivia):

    oscar, _ = user_create(username="oscar", role=Role.OFFICER)
    reviewed(filed, sam, olivia)
    work.case_assign(request=filed, officer=oscar, actor=sam, on=LATER)
    filed.refresh_from_db()
    assert filed.status == Status.IN_REVIEW
    assert filed.assigned_officer == oscar
    states = dict(Assignment.objects.values_list("officer__username", "state"))
    assert states == {"olivia": "done", "oscar": "open"}


def test_only_a_supervisor_may_assign(filed, olivia):
    with pytest.raises(TransitionRefused):
        work.case_assign(request=filed, officer=olivia, actor=olivia, on=FILED_ON)
    filed.refresh_from_db()
    assert filed.status == Status.RECEIVED
    assert not Assignment.objects.exists()


def test_an_officer_who_is_not_assigned_cannot_review(filed, sam, olivia):

    oscar, _ = user_create(username="oscar", role=Role.OFFICER)
    work.case_assign(request=filed, officer=olivia, actor=sam, on=FILED_ON)
    with pytest.raises(TransitionRefused) as refused:
        work.case_start_review(request=filed, actor=oscar)
    assert refused.value.refusal.code == "not_assigned"


def test_a_request_for_evidence_puts_the_work_on_hold_until_the_answer(filed, sam, olivia, alice):
    reviewed(filed, sam, olivia)
    rfe = work.case_request_evidence(
        request=filed,
        items=["A physician's letter"],
        due_in_business_days=30,
        actor=olivia,
        on=FILED_ON,
    )
    assert rfe.due_on == date(2027, 1, 13)
    assert Assignment.objects.get().state == "on_hold"
    assert Notice.objects.filter(kind="rfe").count() == 1
    work.evidence_receive(request=filed, actor=alice, on=LATER)
    filed.refresh_from_db()
    assert filed.status == Status.EVIDENCE_RECEIVED
    assert EvidenceRequest.objects.get().answered_on == LATER
    assert Assignment.objects.get().state == "open"


def test_an_rfe_needs_items_and_a_sane_deadline(filed, sam, olivia):
    reviewed(filed, sam, olivia)
    with pytest.raises(work.AdjudicationError) as no_items:
        work.case_request_evidence(
            request=filed, items=[" "], due_in_business_days=30, actor=olivia
        )
    with pytest.raises(work.AdjudicationError) as bad_deadline:
        work.case_request_evidence(request=filed, items=["x"], due_in_business_days=0, actor=olivia)
    assert (no_items.value.field, bad_deadline.value.field) == ("items", "due_in_business_days")
    assert not EvidenceRequest.objects.exists()


def test_an_approval_is_conditional_on_the_parole_fee_in_force(filed, sam, olivia):
    reviewed(filed, sam, olivia)
    work.case_decide(
        request=filed, outcome=Outcome.APPROVE, actor=olivia, parole_days=180, on=LATER
    )
    filed.refresh_from_db()
    assert filed.status == Status.CONDITIONALLY_APPROVED
    fee = Fee.objects.get(request=filed, kind="parole")
    assert (fee.amount_usd, fee.payment, fee.policy_effective_from) == (
        1000,
        "due",
        date(2025, 10, 16),
    )
    assert fee.due_on == LATER + timedelta(days=30)
    assert Notice.objects.filter(kind="conditional_approval").exists()


def test_a_statutory_exception_approves_without_the_fee(filed, sam, olivia):
    reviewed(filed, sam, olivia)
    work.case_decide(
        request=filed,
        outcome=Outcome.APPROVE,
        actor=olivia,
        parole_days=90,
        parole_fee_exception="medical_emergency",
        on=LATER,
    )
    filed.refresh_from_db()
    assert filed.status == Status.APPROVED
    assert not Fee.objects.filter(request=filed, kind="parole").exists()


def test_a_second_decision_on_a_case_is_refused(filed, sam, olivia):
    reviewed(filed, sam, olivia)
    work.case_decide(
        request=filed,
        outcome=Outcome.DENY,
        actor=olivia,
        reasons=["insufficient_evidence"],
        on=LATER,
    )
    with pytest.raises(TransitionRefused) as refused:
        work.case_decide(request=filed, outcome=Outcome.APPROVE, actor=olivia, parole_days=30)
    assert refused.value.refusal.code == "already_decided"
    assert Decision.objects.count() == 1


def test_a_denial_for_another_reason_needs_a_note(filed, sam, olivia):
    reviewed(filed, sam, olivia)
    with pytest.raises(work.AdjudicationError) as refused:
        work.case_decide(request=filed, outcome=Outcome.DENY, actor=olivia, reasons=["other"])
    assert refused.value.field == "note"
    filed.refresh_from_db()
    assert filed.status == Status.IN_REVIEW


def test_parole_over_a_year_needs_a_supervisor(filed, sam, olivia):
    reviewed(filed, sam, olivia)
    with pytest.raises(TransitionRefused) as refused:
        work.case_decide(request=filed, outcome=Outcome.APPROVE, actor=olivia, parole_days=400)
    assert refused.value.refusal.code == "supervisor_approval_required"
    assert not Grant.objects.exists()


def test_fee_paid_then_arrival_sets_the_end_of_parole(filed, sam, olivia, alice, time_machine):
    time_machine.move_to("2027-01-05 10:00:00-05:00", tick=False)
    reviewed(filed, sam, olivia)
    work.case_decide(
        request=filed, outcome=Outcome.APPROVE, actor=olivia, parole_days=180, on=LATER
    )
    work.parole_fee_pay(request=filed, actor=alice, on=LATER + timedelta(days=3))
    grant = work.arrival_record(request=filed, arrived_on=date(2027, 1, 4), actor=None)
    filed.refresh_from_db()
    assert filed.status == Status.PAROLED
    assert grant.ends_on == date(2027, 7, 3)
    # A departure is recorded once it happened.
    time_machine.move_to("2027-05-02 10:00:00-04:00", tick=False)
    work.parole_end(request=filed, reason="departed", actor=None, on=date(2027, 5, 1))
    filed.refresh_from_db()
    assert filed.status == Status.PAROLE_ENDED
    assert Grant.objects.get().end_reason == "departed"


def test_an_unpaid_parole_fee_closes_the_request(filed, sam, olivia):
    reviewed(filed, sam, olivia)
    work.case_decide(
        request=filed, outcome=Outcome.APPROVE, actor=olivia, parole_days=180, on=LATER
    )
    work.parole_fee_lapse(request=filed, on=LATER + timedelta(days=31))
    filed.refresh_from_db()
    assert filed.status == Status.CLOSED


def test_the_requestor_may_withdraw_but_the_officer_may_not(filed, sam, olivia, alice):
    reviewed(filed, sam, olivia)
    with pytest.raises(TransitionRefused):
        work.request_withdraw(request=filed, actor=olivia)
    work.request_withdraw(request=filed, actor=alice, reason="No longer needed.")
    filed.refresh_from_db()
    assert filed.status == Status.WITHDRAWN
    assert Assignment.objects.get().state == "done"


def test_every_change_writes_one_event_with_its_statuses(filed, sam, olivia):
    reviewed(filed, sam, olivia)
    trail = list(Event.objects.about(filed).values_list("action", "from_status", "to_status"))
    assert trail == [
        ("file", "", "received"),
        ("assign", "received", "assigned"),
        ("start_review", "assigned", "in_review"),
    ]


def test_a_refused_action_writes_no_event(filed, olivia):
    before = Event.objects.count()
    with pytest.raises(TransitionRefused):
        work.case_start_review(request=filed, actor=olivia)
    assert Event.objects.count() == before
