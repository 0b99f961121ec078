"""The case page: the buttons are the steps available_actions allows, and each works."""

from datetime import date

import pytest
from django.test import Client

from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Assignment, Decision
from paroledesk.adjudication.tests.steps import granted
from paroledesk.audit.models import Event
from paroledesk.cases.models import AddressChange, ParoleRequest
from paroledesk.core.roles import Role
from paroledesk.intake.services import request_file
from paroledesk.testing.fixtures import FILED_ON, filing_document, person

pytestmark = pytest.mark.django_db


def signed_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


def page(case):
    return f"/requests/{case.receipt_number}/"


def timeline(answer):
    """The page's history, from its heading on, with its white space made single spaces."""
    return " ".join(answer.content.decode().split("What happened so far")[1].split())


def step(case, name):
    return f"/requests/{case.receipt_number}/steps/{name}/"


def test_the_supervisor_sees_assign_and_assigns_from_the_page(filed, sam, olivia):
    browser = signed_in(sam)
    shown = browser.get(page(filed)).content.decode()
    assert "What you can do now" in shown
    assert step(filed, "assign") in shown
    assert step(filed, "decide") not in shown
    done = browser.post(step(filed, "assign"), {"officer": "olivia"}, follow=True)
    assert "The request is assigned." in done.content.decode()
    filed.refresh_from_db()
    assert filed.assigned_officer == olivia


def test_the_assigned_officer_sees_exactly_her_steps(filed, sam, olivia):
    work.case_assign(request=filed, officer=olivia, actor=sam, on=FILED_ON)
    shown = signed_in(olivia).get(page(filed)).content.decode()
    for name in ("start_review", "request_evidence", "decide"):
        assert step(filed, name) in shown
    assert step(filed, "assign") not in shown


def test_a_denial_without_reasons_comes_back_with_the_reason_by_the_field(filed, sam, olivia):
    work.case_assign(request=filed, officer=olivia, actor=sam, on=FILED_ON)
    answer = signed_in(olivia).post(step(filed, "decide"), {"outcome": "deny", "note": "x"})
    assert answer.status_code == 422
    body = answer.content.decode()
    assert "The decision was not recorded" in body
    assert "Give one or more of the denial reasons." in body
    assert not Decision.objects.exists()


def test_a_denial_from_the_page_is_recorded_and_the_buttons_are_gone(filed, sam, olivia):
    work.case_assign(request=filed, officer=olivia, actor=sam, on=FILED_ON)
    browser = signed_in(olivia)
    done = browser.post(
        step(filed, "decide"),
        {"outcome": "deny", "reasons": ["insufficient_evidence", "other"], "note": "Two letters"},
        follow=True,
    )
    body = done.content.decode()
    assert "The decision is recorded" in body
    assert "There is no step for you to take on this request now." in body
    assert Decision.objects.get().reasons == ["insufficient_evidence", "other"]


def test_a_step_out_of_turn_or_by_another_officer_changes_nothing(filed, sam, olivia):
    oscar = person("oscar", Role.OFFICER)
    work.case_assign(request=filed, officer=olivia, actor=sam, on=FILED_ON)
    answer = signed_in(oscar).post(
        step(filed, "decide"), {"outcome": "approve", "parole_days": "90"}, follow=True
    )
    # Oscar may not see the request: he is sent back to his work, told why.
    assert not Decision.objects.exists()
    assert answer.redirect_chain[-1][0] == "/work/"
    assert "You are not the officer assigned to this request." in answer.content.decode()
    assert signed_in(olivia).post(step(filed, "nonsense"), {}).status_code == 404


def test_parties_cannot_take_steps(filed, alice):
    assert signed_in(alice).post(step(filed, "decide"), {"outcome": "approve"}).status_code == 403
    assert step(filed, "decide") not in signed_in(alice).get(page(filed)).content.decode()


def test_my_work_takes_the_oldest_unassigned_request_and_opens_it(filed, olivia):
    done = signed_in(olivia).post("/work/take/", follow=True)
    assert done.redirect_chain[-1][0] == page(filed)
    assert f"Request {filed.receipt_number} is yours now." in done.content.decode()
    again = signed_in(olivia).post("/work/take/", follow=True)
    assert "No request is waiting for an officer." in again.content.decode()


def test_the_officer_reads_everything_filed_and_the_sponsors_income_against_the_guideline(
    filed, sam, olivia, time_machine
):
    time_machine.move_to("2026-12-07 10:00:00-05:00", tick=False)
    work.case_assign(request=filed, officer=olivia, actor=sam, on=FILED_ON)
    shown = signed_in(olivia).get(page(filed)).content.decode()
    assert "He needs surgery that is not available where he is." in shown
    assert "March 14, 1988" in shown
    assert "P1234567" in shown
    # $72,000 for a household of 3 against 2025's $15,650 + 2 x $5,500 = $26,650.
    assert "2.70 times" in shown
    assert "$26650" in shown


def test_the_requestor_does_not_get_the_officers_view(filed, alice):
    shown = signed_in(alice).get(page(filed)).content.decode()
    assert "What was filed" not in shown
    assert "poverty guideline" not in shown


def test_arrival_is_recorded_from_the_case_page(filed, sam, olivia, time_machine):
    granted(filed, sam, olivia)
    time_machine.move_to("2027-01-05 10:00:00-05:00", tick=False)
    browser = signed_in(olivia)
    assert step(filed, "record_arrival") in browser.get(page(filed)).content.decode()
    wrong = browser.post(step(filed, "record_arrival"), {"arrived_on": "soon"})
    assert wrong.status_code == 422
    assert "Give the date of arrival as a date" in wrong.content.decode()
    done = browser.post(step(filed, "record_arrival"), {"arrived_on": "2027-01-04"}, follow=True)
    assert "The arrival is recorded" in done.content.decode()
    filed.refresh_from_db()
    assert filed.status == "paroled"
    assert str(filed.grant.ends_on) == "2027-07-03"


def test_the_parolee_side_reports_a_new_address_sealed_and_logged(
    filed, sam, olivia, alice, time_machine
):
    granted(filed, sam, olivia)
    time_machine.move_to("2027-02-10 10:00:00-05:00", tick=False)
    browser = signed_in(alice)
    assert "Report a new address" not in browser.get(page(filed)).content.decode()
    work.arrival_record(request=filed, arrived_on=date(2027, 1, 4), actor=olivia)
    assert "Report a new address" in browser.get(page(filed)).content.decode()
    hidden = browser.post(
        f"{page(filed)}address/", {"address": "12 Elm St\u202e", "moved_on": "2027-02-01"}
    )
    assert hidden.status_code == 422
    assert "U+202E" in hidden.content.decode()
    later = browser.post(
        f"{page(filed)}address/", {"address": "12 Elm St", "moved_on": "2027-03-01"}
    )
    assert later.status_code == 422
    done = browser.post(
        f"{page(filed)}address/",
        {"address": "12 Elm St\nSpringfield, IL 62701", "moved_on": "2027-02-01"},
        follow=True,
    )
    assert "The new address is recorded" in done.content.decode()
    change = AddressChange.objects.get()
    assert change.address == "12 Elm St\nSpringfield, IL 62701"
    event = Event.objects.about(filed).get(action="address_reported")
    assert "Elm" not in str(event.data)
    # Staff cannot use the parolee's form; others find no request.
    assert signed_in(olivia).post(f"{page(filed)}address/", {}).status_code == 403


def test_staff_record_a_work_permit_from_the_case_page(filed, sam, olivia, time_machine):
    granted(filed, sam, olivia)
    time_machine.move_to("2027-02-10 10:00:00-05:00", tick=False)
    work.arrival_record(request=filed, arrived_on=date(2027, 1, 4), actor=olivia)
    browser = signed_in(olivia)
    assert step(filed, "record_work_permit") in browser.get(page(filed)).content.decode()
    done = browser.post(
        step(filed, "record_work_permit"), {"valid_from": "2027-02-01"}, follow=True
    )
    assert "The work permit is recorded." in done.content.decode()


def file_some(alice, count):
    made = []
    for number in range(count):
        someone = filing_document()["beneficiary"] | {"given_name": f"Person{number}"}
        made.append(
            request_file(
                raw=filing_document(beneficiary=someone), filed_by=alice, today=FILED_ON
            ).request
        )
    return made


def test_a_supervisor_assigns_many_then_moves_some_to_another_officer(policy, alice, sam, olivia):
    oscar = person("oscar", Role.OFFICER)
    made = file_some(alice, 5)
    browser = signed_in(sam)
    done = browser.post("/work/supervise/assign/", {"officer": "olivia", "count": "3"}, follow=True)
    assert "3 requests assigned to olivia." in done.content.decode()
    assert [case.receipt_number for case in made[:3]] == list(
        ParoleRequest.objects.filter(assigned_officer=olivia)
        .order_by("received_on", "id")
        .values_list("receipt_number", flat=True)
    )
    moved = browser.post(
        "/work/supervise/move/",
        {"from_officer": "olivia", "to_officer": "oscar", "count": "2"},
        follow=True,
    )
    assert "2 requests moved to oscar." in moved.content.decode()
    assert ParoleRequest.objects.filter(assigned_officer=oscar).count() == 2
    assert Assignment.objects.filter(officer=olivia, state="done").count() == 2


@pytest.mark.parametrize(
    ("path", "body", "says"),
    [
        ("assign", {"officer": "olivia", "count": "0"}, "Give at least 1."),
        ("assign", {"officer": "olivia", "count": "500"}, "Give at most 100 at a time."),
        ("assign", {"officer": "alice", "count": "2"}, "Choose the officer."),
        (
            "move",
            {"from_officer": "olivia", "to_officer": "olivia", "count": "2"},
            "Choose another officer",
        ),
    ],
)
def test_bad_answers_to_share_out_work_come_back_by_field(
    policy, alice, sam, olivia, path, body, says
):
    file_some(alice, 2)
    answer = signed_in(sam).post(f"/work/supervise/{path}/", body)
    assert answer.status_code == 422
    assert says in answer.content.decode()
    assert not ParoleRequest.objects.filter(assigned_officer__isnull=False).exists()


def test_only_supervisors_share_out_work(policy, olivia):
    assert signed_in(olivia).post("/work/supervise/assign/", {}).status_code == 403


def test_the_officer_records_the_departure_and_the_page_and_timeline_show_it(
    filed, sam, olivia, alice, time_machine
):
    granted(filed, sam, olivia)
    time_machine.move_to("2027-03-02 10:00:00-05:00", tick=False)
    work.arrival_record(request=filed, arrived_on=date(2027, 1, 4), actor=olivia)
    browser = signed_in(olivia)
    shown = browser.get(page(filed)).content.decode()
    assert step(filed, "record_departure") in shown
    # Terminating parole on notice is for supervisors.
    assert step(filed, "end_parole") not in shown
    assert "Terminate parole" in signed_in(sam).get(page(filed)).content.decode()
    early = browser.post(step(filed, "record_departure"), {"departed_on": "2027-01-02"})
    assert early.status_code == 422
    assert "A departure cannot precede the arrival on 2027-01-04." in early.content.decode()
    done = browser.post(step(filed, "record_departure"), {"departed_on": "2027-02-26"}, follow=True)
    body = done.content.decode()
    assert "The departure is recorded" in body
    assert "Status: Parole ended" in body
    assert "February 26, 2027:" in body
    assert "the parolee left the United States" in body
    # The timeline: what happened, when, and who recorded it.
    for user, who in ((sam, "olivia"), (alice, "An officer")):
        timeline = (
            signed_in(user).get(page(filed)).content.decode().split("What happened so far")[1]
        )
        assert "Left the United States: parole ended" in timeline
        assert f"February 26, 2027 · {who}" in timeline
        assert "The parolee left the United States." in timeline


def test_the_timeline_says_what_happened_on_which_day_who_did_it_and_when_it_was_recorded(
    filed, sam, olivia, alice, time_machine
):
    time_machine.move_to("2026-12-01 09:15:00-05:00", tick=False)
    work.case_assign(request=filed, officer=olivia, actor=sam, on=FILED_ON)
    staff = timeline(signed_in(olivia).get(page(filed)))
    assert "Request received" in staff
    assert "Assigned to an officer" in staff
    assert "November 30, 2026 · sam · recorded" in staff
    assert '<time datetime="2026-12-01T09:15:00-05:00">Dec 1, 2026, 9:15 a.m. EST</time>' in staff
    # The requestor reads the same history, staff by their role, without the clock times.
    party = timeline(signed_in(alice).get(page(filed)))
    assert "November 30, 2026 · A supervisor" in party
    assert "recorded" not in party
