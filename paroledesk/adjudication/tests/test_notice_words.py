"""Each decision's written notice says what the issue asks of it, figures from policy."""

from datetime import date

import pytest

from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.adjudication.tests.steps import granted, reviewed
from paroledesk.notices.rendering import notice_pdf
from paroledesk.notices.templatetags.notice_dates import long_date
from paroledesk.testing.pdf import pdf_text

pytestmark = pytest.mark.django_db
DAY = date(2026, 12, 7)


def text_of(case, kind):
    return pdf_text(notice_pdf(case.notices.get(kind=kind)))


def test_the_rfe_notice_lists_the_items_and_the_date(filed, sam, olivia):
    case = reviewed(filed, sam, olivia)
    work.case_request_evidence(
        request=case,
        items=["A letter from the surgeon"],
        due_in_business_days=10,
        actor=olivia,
        on=DAY,
    )
    text = text_of(case, "rfe")
    assert "A letter from the surgeon" in text
    assert "December 21, 2026" in text


def test_conditional_approval_gives_the_fee_that_cannot_be_waived_and_the_deadline(
    filed, sam, olivia
):
    case = reviewed(filed, sam, olivia)
    work.case_decide(request=case, outcome=Outcome.APPROVE, actor=olivia, parole_days=180, on=DAY)
    text = text_of(case, "conditional_approval")
    assert "$1000" in text
    assert "cannot be waived" in text
    assert "How to pay" in text
    assert "January 6, 2027" in text  # 30 days, policy's deadline


def test_an_initial_approval_tells_travel_arrival_work_and_the_duty_to_leave(filed, sam, olivia):
    case = granted(filed, sam, olivia, on=DAY)
    text = text_of(case, "approval")
    for words in (
        "180 days",
        "embassy or consulate",
        "Customs and Border Protection",
        "I-94",
        "(c)(11)",
        "$560",
        "at least 90 days before",
        "within 10 days",
    ):
        assert words in text, words


def test_a_denial_says_why_that_there_is_no_appeal_and_how_to_file_again(filed, sam, olivia):
    case = reviewed(filed, sam, olivia)
    work.case_decide(
        request=case,
        outcome=Outcome.DENY,
        actor=olivia,
        reasons=["insufficient_evidence"],
        on=DAY,
    )
    text = text_of(case, "denial")
    assert "no appeal" in text
    assert "new fee" in text
    assert "significant new facts" in text
    assert "refiling" in text


def test_termination_is_a_notice_with_its_reason_and_needs_one(filed, sam, olivia, time_machine):
    time_machine.move_to("2027-01-05 10:00:00-05:00", tick=False)
    case = granted(filed, sam, olivia, on=DAY)
    work.arrival_record(request=case, arrived_on=date(2027, 1, 4), actor=olivia)
    with pytest.raises(work.AdjudicationError) as refused:
        work.parole_end(request=case, reason="terminated", actor=sam, on=date(2027, 3, 1))
    assert refused.value.field == "note"
    work.parole_end(
        request=case,
        reason="terminated",
        actor=sam,
        on=date(2027, 3, 1),
        note="The purpose of the parole has been met.",
    )
    text = text_of(case, "termination")
    assert "212.5(e)" in text
    assert "The purpose of the parole has been met." in text


def test_dates_in_notices_are_written_in_words_and_other_text_is_kept():
    assert long_date("2027-01-06") == "January 6, 2027"
    assert long_date(date(2026, 12, 21)) == "December 21, 2026"
    assert long_date("when the current parole ends") == "when the current parole ends"
    assert long_date(None) == ""
