"""An explanation reaches the officer as an inquiry on the case; the officer's answer reaches
the requestor as a written notice; unanswered inquiries show in the work lists."""

import pytest
from django.core import mail
from django.test import Client
from rest_framework.test import APIClient

from paroledesk.adjudication.tests.steps import assigned
from paroledesk.audit.models import Event
from paroledesk.core.roles import Role
from paroledesk.inquiry.models import Inquiry
from paroledesk.inquiry.services import inquiry_ask
from paroledesk.notices.models import Notice
from paroledesk.notices.rendering import notice_pdf
from paroledesk.testing.fixtures import FILED_ON, client_for, person
from paroledesk.testing.pdf import pdf_text

pytestmark = pytest.mark.django_db

QUESTION = "Did the officer receive the hospital letter we mailed on December 1?"


@pytest.fixture(autouse=True)
def _a_day_after_filing(time_machine):
    time_machine.move_to("2026-12-02 10:00:00-05:00", tick=False)


def inquire(case, explanation=QUESTION, **changes):
    body = {
        "receipt_number": case.receipt_number,
        "family_name": "HAIDARI",
        "date_of_birth": "1988-03-14",
        "filed_on": FILED_ON.isoformat(),
        "explanation": explanation,
    } | changes
    return APIClient().post("/api/v1/status-inquiries", body, format="json")


def signed_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


def case_page(user, case):
    return signed_in(user).get(f"/requests/{case.receipt_number}/").content.decode()


def answer_address(inquiry):
    return f"/requests/{inquiry.request.receipt_number}/inquiries/{inquiry.pk}/answer/"


def test_an_explanation_is_stored_on_the_case_with_its_event(filed):
    answer = inquire(filed)
    assert answer.json()["inquiry_recorded"] is True
    inquiry = Inquiry.objects.get()
    assert (inquiry.request, inquiry.explanation, inquiry.answered) == (filed, QUESTION, False)
    event = Event.objects.filter(action="inquiry_received").get()
    assert (event.subject_id, event.actor, event.data) == (filed.pk, None, {"inquiry": inquiry.pk})
    # The question is sealed at rest, and the log does not repeat it.
    assert QUESTION not in str(Inquiry.objects.values_list("explanation", flat=True).get())
    assert QUESTION not in event.reason


def test_a_status_check_without_an_explanation_leaves_nothing_for_the_officer(filed):
    assert inquire(filed, explanation="  ").json()["inquiry_recorded"] is False
    assert not Inquiry.objects.exists()


def test_the_inquiry_shows_to_the_assigned_officer_and_supervisors_only(filed, sam, olivia, alice):
    case = assigned(filed, sam, olivia)
    inquire(case)
    assert QUESTION in case_page(olivia, case)
    assert QUESTION in case_page(sam, case)
    # The requestor sees that an inquiry came, not what someone asked.
    shown_to_alice = case_page(alice, case)
    assert "Status inquiry received" in shown_to_alice
    assert QUESTION not in shown_to_alice
    other = person("oscar", Role.OFFICER)
    assert signed_in(other).get(f"/requests/{case.receipt_number}/").status_code == 404


def test_an_inquiry_on_an_unassigned_request_waits_for_the_officer_assigned_later(
    filed, sam, olivia
):
    inquire(filed)
    assert QUESTION in case_page(sam, filed)
    case = assigned(filed, sam, olivia)
    page = case_page(olivia, case)
    assert QUESTION in page
    assert answer_address(Inquiry.objects.get()) in page


def test_the_officer_answers_from_the_page_and_the_requestor_gets_a_notice(
    filed, sam, olivia, django_capture_on_commit_callbacks
):
    case = assigned(filed, sam, olivia)
    inquire(case)
    inquiry = Inquiry.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = signed_in(olivia).post(
            answer_address(inquiry),
            {f"inquiry-{inquiry.pk}-answer": "Yes, it arrived on December 2 and is in the file."},
            follow=True,
        )
    assert "The answer is sent" in done.content.decode()
    inquiry.refresh_from_db()
    assert (inquiry.answered_by, inquiry.answer) == (
        olivia,
        "Yes, it arrived on December 2 and is in the file.",
    )
    notice = Notice.objects.get(kind="inquiry_answer")
    assert inquiry.notice == notice
    assert notice.request == case
    assert sorted(message.to[0] for message in mail.outbox) == [
        "alice@example.org",
        "sara@example.org",
    ]
    letter = pdf_text(notice_pdf(notice))
    assert "Answer to a status inquiry" in letter
    assert "it arrived on December 2" in letter
    assert Event.objects.filter(action="inquiry_answered", actor=olivia).count() == 1
    # The notice is among the request's notices, for its parties to read.
    assert f"/notices/{notice.pk}.pdf" in case_page(case.filed_by, case)


def test_an_empty_answer_comes_back_with_the_reason_by_the_field(filed, sam, olivia):
    case = assigned(filed, sam, olivia)
    inquire(case)
    inquiry = Inquiry.objects.get()
    answer = signed_in(olivia).post(answer_address(inquiry), {f"inquiry-{inquiry.pk}-answer": ""})
    assert answer.status_code == 422
    assert "Write the answer to send." in answer.content.decode()
    assert not Notice.objects.filter(kind="inquiry_answer").exists()


def test_only_the_assigned_officer_or_a_supervisor_may_answer(filed, sam, olivia, ada):
    case = assigned(filed, sam, olivia)
    inquire(case)
    inquiry = Inquiry.objects.get()
    url = f"/api/v1/cases/{case.receipt_number}/inquiries/{inquiry.pk}/answer"
    other = person("oscar", Role.OFFICER)
    assert client_for(other).post(url, {"answer": "No."}, format="json").status_code == 409
    assert client_for(ada).post(url, {"answer": "No."}, format="json").status_code == 403
    assert client_for(case.filed_by).post(url, {"answer": "No."}, format="json").status_code == 404
    assert client_for(olivia).post(url, {"answer": ""}, format="json").status_code == 422
    answered = client_for(sam).post(url, {"answer": "It is in review."}, format="json")
    assert answered.status_code == 200
    assert answered.json()["notice"]["kind"] == "inquiry_answer"
    again = client_for(olivia).post(url, {"answer": "Again."}, format="json")
    assert (again.status_code, again.json()["errors"][0]["code"]) == (409, "conflict")
    assert Notice.objects.filter(kind="inquiry_answer").count() == 1


def test_another_officer_cannot_answer_from_the_page(filed, sam, olivia):
    case = assigned(filed, sam, olivia)
    inquire(case)
    inquiry = Inquiry.objects.get()
    other = person("oscar", Role.OFFICER)
    answer = signed_in(other).post(answer_address(inquiry), {f"inquiry-{inquiry.pk}-answer": "x"})
    assert answer.status_code == 404
    assert not Inquiry.objects.get().answered


def test_unanswered_inquiries_are_marked_in_the_officers_work_list(filed, sam, olivia):
    case = assigned(filed, sam, olivia)
    inquire(case)
    work = signed_in(olivia).get("/work/?view=mine").content.decode()
    assert "1 status inquiry waiting for an answer" in work
    assert "Inquiry waiting" in work
    assert f"/requests/{case.receipt_number}/#inquiries-heading" in work
    other = person("oscar", Role.OFFICER)
    assert "status inquir" not in signed_in(other).get("/work/").content.decode()
    inquiry = Inquiry.objects.get()
    client_for(olivia).post(
        f"/api/v1/cases/{case.receipt_number}/inquiries/{inquiry.pk}/answer",
        {"answer": "It is in review."},
        format="json",
    )
    work = signed_in(olivia).get("/work/?view=mine").content.decode()
    assert "Inquiry waiting" not in work
    assert "waiting for an answer" not in work


def test_many_waiting_inquiries_are_counted_and_the_oldest_listed(filed, sam, olivia):
    case = assigned(filed, sam, olivia)
    for number in range(12):
        inquiry_ask(request=case, explanation=f"Question {number}")
    work = signed_in(olivia).get("/work/?view=mine").content.decode()
    assert "12 status inquiries waiting for an answer" in work
    assert work.count(f"/requests/{case.receipt_number}/#inquiries-heading") == 10
    assert "Inquiry waiting" in work
