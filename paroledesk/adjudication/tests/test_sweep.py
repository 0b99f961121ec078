"""`paroledesk sweep`: the dated duties, done once however often it runs in a day."""

from datetime import date, timedelta

import pytest
from django.core import mail

from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import EvidenceRequest, Outcome
from paroledesk.adjudication.sweep import SweepReport, sweep
from paroledesk.adjudication.tasks import sweep_today
from paroledesk.adjudication.tests.steps import reviewed
from paroledesk.audit.models import Event
from paroledesk.cli import main
from paroledesk.intake.services import request_file
from paroledesk.notices.models import Notice
from paroledesk.testing.fixtures import FILED_ON, filing_document

pytestmark = pytest.mark.django_db


def kinds(case):
    return sorted(Notice.objects.filter(request=case).values_list("kind", flat=True))


def test_an_rfe_past_due_goes_back_to_the_officer_once(filed, sam, olivia):
    case = reviewed(filed, sam, olivia)
    rfe = work.case_request_evidence(
        request=case, items=["A letter"], due_in_business_days=10, actor=olivia, on=FILED_ON
    )
    assert sweep(rfe.due_on).rfes_lapsed == 0  # due today: not late yet
    after = rfe.due_on + timedelta(days=1)
    assert sweep(after).rfes_lapsed == 1
    case.refresh_from_db()
    assert case.status == "in_review"
    assert case.waiting_since is None
    assert case.waited_business_days > 0
    assert EvidenceRequest.objects.get().lapsed_on == after
    again = sweep(after)
    assert again == SweepReport()
    assert Event.objects.about(case).filter(action="rfe_lapse").count() == 1


def test_a_reminder_before_evidence_is_due_is_sent_once(filed, sam, olivia):
    case = reviewed(filed, sam, olivia)
    rfe = work.case_request_evidence(
        request=case, items=["A letter"], due_in_business_days=10, actor=olivia, on=FILED_ON
    )
    early = rfe.due_on - timedelta(days=14)
    assert sweep(early).rfe_reminders == 0
    soon = rfe.due_on - timedelta(days=2)
    assert sweep(soon).rfe_reminders == 1
    assert sweep(soon).rfe_reminders == 0
    assert sweep(soon + timedelta(days=1)).rfe_reminders == 0
    assert kinds(case).count("rfe_reminder") == 1


def test_an_unpaid_parole_fee_reminds_then_closes_the_request(filed, sam, olivia):
    case = reviewed(filed, sam, olivia)
    work.case_decide(
        request=case, outcome=Outcome.APPROVE, actor=olivia, parole_days=180, on=FILED_ON
    )
    due = case.fees.get(kind="parole").due_on
    assert due is not None
    assert sweep(due - timedelta(days=3)).fee_reminders == 1
    assert sweep(due - timedelta(days=2)).fee_reminders == 0
    assert sweep(due).fees_lapsed == 0
    assert sweep(due + timedelta(days=1)).fees_lapsed == 1
    assert sweep(due + timedelta(days=1)).fees_lapsed == 0
    case.refresh_from_db()
    assert case.status == "closed"
    assert kinds(case).count("closure") == 1


def test_parole_ending_reminders_at_the_re_parole_lead_and_a_month_then_it_ends(
    filed, sam, olivia, time_machine
):
    time_machine.move_to("2027-01-05 10:00:00-05:00", tick=False)
    case = reviewed(filed, sam, olivia)
    work.case_decide(
        request=case,
        outcome=Outcome.APPROVE,
        actor=olivia,
        parole_days=365,
        parole_fee_exception="medical_emergency",
        on=FILED_ON,
    )
    grant = work.arrival_record(request=case, arrived_on=date(2027, 1, 4), actor=olivia)
    ends = grant.ends_on
    assert ends == date(2028, 1, 4)
    for day in (ends - timedelta(days=120), ends - timedelta(days=90), ends - timedelta(days=89)):
        sweep(day)
    assert kinds(case).count("parole_ending_reminder") == 1
    sweep(ends - timedelta(days=30))
    sweep(ends - timedelta(days=30))
    assert kinds(case).count("parole_ending_reminder") == 2
    assert sweep(ends).paroles_ended == 0
    assert sweep(ends + timedelta(days=1)).paroles_ended == 1
    case.refresh_from_db()
    assert case.status == "parole_ended"
    assert case.grant.end_reason == "expired"


def test_notices_left_undelivered_by_a_crash_are_delivered_once_by_the_sweep(
    policy, alice, django_capture_on_commit_callbacks
):
    # The filing commits, and the process dies before its delivery job runs.
    with django_capture_on_commit_callbacks(execute=False) as never_run:
        filed = request_file(raw=filing_document(), filed_by=alice, today=FILED_ON).request
    assert never_run
    assert not mail.outbox
    assert Notice.objects.get(request=filed).delivered_at is None
    # After the restart, the sweep finds it in the outbox.
    assert sweep(FILED_ON).notices_delivered == 1
    assert sweep(FILED_ON).notices_delivered == 0
    assert len(mail.outbox) == 2  # the requestor and the account that filed
    assert filed.receipt_number in mail.outbox[0].subject
    assert Notice.objects.get(request=filed).delivered_at is not None


def test_the_command_prints_what_it_did_and_refuses_a_bad_date(filed, capsys):
    assert main(["sweep", "--today", "2026-12-01"]) == 0
    printed = capsys.readouterr().out
    assert "Swept 2026-12-01:" in printed
    assert "rfes lapsed: 0" in printed
    with pytest.raises(SystemExit) as refused:
        main(["sweep", "--today", "tomorrow"])
    assert refused.value.code == 2
    assert "is not a date like 2026-12-01" in capsys.readouterr().err


def test_the_beat_task_sweeps_today(filed, sam, olivia, time_machine):
    case = reviewed(filed, sam, olivia)
    rfe = work.case_request_evidence(
        request=case, items=["A letter"], due_in_business_days=10, actor=olivia, on=FILED_ON
    )
    time_machine.move_to(f"{rfe.due_on + timedelta(days=1)} 03:00:00-05:00", tick=False)
    assert sweep_today.delay().get()["rfes_lapsed"] == 1
