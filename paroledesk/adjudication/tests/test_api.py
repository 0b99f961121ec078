"""The officers' API: assign, ask for evidence, decide, and the work lists."""

from datetime import date, timedelta

import pytest
from rest_framework.test import APIClient

from paroledesk.adjudication import services as work
from paroledesk.adjudication.actions import Step, available_actions
from paroledesk.adjudication.models import Decision, EvidenceRequest, Outcome
from paroledesk.adjudication.tests.steps import assigned, granted
from paroledesk.audit.models import Event
from paroledesk.cases.models import ParoleRequest
from paroledesk.core.roles import Role
from paroledesk.intake.services import request_file
from paroledesk.intake.tests.test_evidence import upload
from paroledesk.intake.tests.test_evidence_samples import pdf_bytes, use_temporary_storage
from paroledesk.notices.models import Notice
from paroledesk.policy.selectors import business_calendar
from paroledesk.testing.fixtures import FILED_ON, client_for, filing_document, person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to("2026-12-07 10:00:00-05:00", tick=False)


@pytest.fixture
def storage(settings, tmp_path):
    return use_temporary_storage(settings, tmp_path)


def url(case, step):
    return f"/api/v1/cases/{case.receipt_number}/{step}"


def error(response):
    (only,) = response.json()["errors"]
    return only["code"], only["field"]


# -- assignment -------------------------------------------------------------------


def test_a_supervisor_assigns_and_reassigns_and_the_history_is_kept(filed, sam, olivia):
    person("oscar", Role.OFFICER)
    client = client_for(sam)
    first = client.post(url(filed, "assign"), {"officer": "olivia"}, format="json")
    assert first.status_code == 200
    assert first.json() == {
        "receipt_number": filed.receipt_number,
        "status": "assigned",
        "assigned_officer": "olivia",
    }
    again = client.post(url(filed, "assign"), {"officer": "oscar"}, format="json")
    assert again.json()["assigned_officer"] == "oscar"
    officers = [e.data["officer"] for e in Event.objects.about(filed).filter(action="assign")]
    assert officers == ["olivia", "oscar"]


def test_an_officer_may_not_assign(filed, olivia):
    response = client_for(olivia).post(url(filed, "assign"), {"officer": "olivia"}, format="json")
    assert response.status_code == 403
    assert error(response) == ("not_allowed", None)
    filed.refresh_from_db()
    assert filed.assigned_officer is None


@pytest.mark.parametrize("name", ["nobody", "alice", "sam-is-not-here", ""])
def test_assigning_to_someone_who_is_not_an_officer_names_the_field(filed, sam, alice, name):
    response = client_for(sam).post(url(filed, "assign"), {"officer": name}, format="json")
    assert response.status_code == 422
    assert error(response) == ("invalid", "officer")
    assert not Event.objects.about(filed).filter(action="assign").exists()


def test_the_parties_and_strangers_find_no_case(filed, alice, rita):
    for user in (alice, rita):
        response = client_for(user).post(url(filed, "decision"), {"outcome": "deny"}, format="json")
        assert response.status_code == 404
        assert error(response) == ("not_found", None)
    assert APIClient().post(url(filed, "assign"), {}, format="json").status_code == 401


# -- requests for evidence ------------------------------------------------------------


def test_the_assigned_officer_asks_for_evidence_and_the_request_waits(filed, sam, olivia):
    case = assigned(filed, sam, olivia)
    response = client_for(olivia).post(
        url(case, "rfe"),
        {
            "items": ["A letter from the treating doctor", "The hospital's estimate"],
            "due_in_business_days": 30,
        },
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "evidence_requested"
    # 30 business days after Monday 2026-12-07, past Christmas and New Year's Day.
    assert body["due_on"] == "2027-01-21"
    case.refresh_from_db()
    assert case.status == "evidence_requested"
    assert case.waiting_since is not None
    # The assigned request entered review first, in the same step.
    actions = list(Event.objects.about(case).values_list("action", flat=True))
    assert actions[-2:] == ["start_review", "request_evidence"]
    assert Notice.objects.filter(request=case, kind="rfe").count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"items": [], "due_in_business_days": 10}, "items"),
        ({"items": ["   "], "due_in_business_days": 10}, "items.0"),
        ({"items": ["A letter"], "due_in_business_days": 0}, "due_in_business_days"),
        ({"items": ["A letter"], "due_in_business_days": "soon"}, "due_in_business_days"),
        ({"items": ["A letter"]}, "due_in_business_days"),
        ({"items": "A letter", "due_in_business_days": 5}, "items"),
    ],
)
def test_a_bad_rfe_is_invalid_on_its_field_and_changes_nothing(filed, sam, olivia, body, field):
    case = assigned(filed, sam, olivia)
    response = client_for(olivia).post(url(case, "rfe"), body, format="json")
    assert response.status_code == 422
    assert error(response) == ("invalid", field)
    case.refresh_from_db()
    assert case.status == "assigned"
    assert not EvidenceRequest.objects.exists()


# -- decisions -----------------------------------------------------------------------------


def test_the_assigned_officer_denies_and_a_second_decision_is_already_decided(filed, sam, olivia):
    case = assigned(filed, sam, olivia)
    client = client_for(olivia)
    denial = {"outcome": "deny", "reasons": ["insufficient_evidence"], "note": ""}
    first = client.post(url(case, "decision"), denial, format="json")
    assert first.status_code == 200
    assert first.json()["status"] == "denied"
    second = client.post(url(case, "decision"), denial, format="json")
    assert second.status_code == 409
    assert error(second) == ("already_decided", None)
    assert Decision.objects.filter(request=case).count() == 1
    assert Notice.objects.filter(request=case, kind="denial").count() == 1


def test_an_officer_who_is_not_assigned_gets_not_assigned(filed, sam, olivia):
    oscar = person("oscar", Role.OFFICER)
    case = assigned(filed, sam, olivia)
    response = client_for(oscar).post(
        url(case, "decision"), {"outcome": "approve", "parole_days": 180}, format="json"
    )
    assert response.status_code == 409
    assert error(response) == ("not_assigned", None)
    case.refresh_from_db()
    assert case.status == "assigned"


def test_an_approval_today_is_conditional_on_the_parole_fee(filed, sam, olivia):
    case = assigned(filed, sam, olivia)
    response = client_for(olivia).post(
        url(case, "decision"), {"outcome": "approve", "parole_days": 365}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "conditionally_approved"
    assert Notice.objects.filter(request=case, kind="conditional_approval").count() == 1


def test_more_than_a_year_needs_a_supervisor_and_changes_nothing_until_one_decides(
    filed, sam, olivia
):
    case = assigned(filed, sam, olivia)
    long = {"outcome": "approve", "parole_days": 366}
    response = client_for(olivia).post(url(case, "decision"), long, format="json")
    assert response.status_code == 403
    assert error(response) == ("supervisor_approval_required", None)
    case.refresh_from_db()
    assert case.status == "assigned"
    assert not Decision.objects.exists()
    # The supervisor takes the case and grants it.
    client_for(sam).post(url(case, "assign"), {"officer": "sam"}, format="json")
    granted = client_for(sam).post(url(case, "decision"), long, format="json")
    assert granted.status_code == 200
    assert granted.json()["parole_days"] == 366


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"outcome": "maybe"}, "outcome"),
        ({}, "outcome"),
        ({"outcome": "deny"}, "reasons"),
        ({"outcome": "deny", "reasons": []}, "reasons"),
        ({"outcome": "deny", "reasons": ["we_said_so"]}, "reasons.0"),
        ({"outcome": "deny", "reasons": ["other"], "note": "  "}, "note"),
        ({"outcome": "approve"}, "parole_days"),
        ({"outcome": "approve", "parole_days": 0}, "parole_days"),
        ({"outcome": "approve", "parole_days": "a year"}, "parole_days"),
        (
            {"outcome": "approve", "parole_days": 90, "parole_fee_exception": "x"},
            "parole_fee_exception",
        ),
    ],
)
def test_a_bad_decision_names_its_field_and_changes_nothing(filed, sam, olivia, body, field):
    case = assigned(filed, sam, olivia)
    response = client_for(olivia).post(url(case, "decision"), body, format="json")
    assert response.status_code == 422, response.json()
    assert error(response)[1] == field
    case.refresh_from_db()
    assert case.status == "assigned"
    assert not Decision.objects.exists()
    assert not Event.objects.about(case).filter(action="start_review").exists()


def test_a_body_that_is_not_an_object_is_refused_in_the_contract_shape(filed, sam, olivia):
    case = assigned(filed, sam, olivia)
    response = client_for(olivia).post(url(case, "decision"), ["deny"], format="json")
    assert response.status_code == 422
    assert response.json()["errors"][0]["code"] == "invalid"


# -- one rule for buttons and refusals --------------------------------------------------------


def test_available_actions_follow_the_role_and_the_state(filed, sam, olivia, alice):
    oscar = person("oscar", Role.OFFICER)
    assert available_actions(filed, sam) == [Step.ASSIGN]
    assert available_actions(filed, olivia) == []
    case = assigned(filed, sam, olivia)
    assert available_actions(case, olivia) == [
        Step.START_REVIEW,
        Step.REQUEST_EVIDENCE,
        Step.DECIDE,
    ]
    assert available_actions(case, oscar) == []
    assert available_actions(case, alice) == []
    work.case_decide(
        request=case, outcome=Outcome.DENY, actor=olivia, reasons=["insufficient_evidence"]
    )
    case.refresh_from_db()
    assert available_actions(case, olivia) == []
    assert available_actions(case, sam) == []


# -- work lists -------------------------------------------------------------------------------


def file_many(alice, count, **overrides):
    made = []
    for number in range(count):
        beneficiary = filing_document()["beneficiary"] | {"given_name": f"Person{number}"}
        doc = filing_document(beneficiary=beneficiary, **overrides)
        made.append(
            request_file(raw=doc, filed_by=alice, today=FILED_ON + timedelta(days=number)).request
        )
    return made


def test_the_unassigned_list_is_oldest_first_and_paginated(policy, alice, olivia):
    made = file_many(alice, 5)
    response = client_for(olivia).get("/api/v1/queue?view=unassigned&page_size=2&page=2")
    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["pages"], body["page"]) == (5, 3, 2)
    assert [item["receipt_number"] for item in body["results"]] == [
        made[2].receipt_number,
        made[3].receipt_number,
    ]
    assert body["results"][0]["age_business_days"] == 3


def test_mine_holds_only_the_officers_own_work_and_filters_apply(policy, alice, sam, olivia):
    oscar = person("oscar", Role.OFFICER)
    family = filing_document()["reason"] | {"category": "family_emergency"}
    made = file_many(alice, 4, reason=family)
    urgent = request_file(
        raw=filing_document(
            beneficiary=filing_document()["beneficiary"] | {"given_name": "Urgent"},
            reason=filing_document()["reason"] | {"category": "protection"},
            expedite={"reason": "He is in hiding and his visa ran out."},
        ),
        filed_by=alice,
        today=FILED_ON + timedelta(days=6),
    ).request
    for case in [*made[:2], urgent]:
        work.case_assign(request=case, officer=olivia, actor=sam, on=FILED_ON + timedelta(days=7))
    work.case_assign(request=made[2], officer=oscar, actor=sam, on=FILED_ON + timedelta(days=7))
    client = client_for(olivia)
    mine = client.get("/api/v1/queue?view=mine").json()
    assert [item["receipt_number"] for item in mine["results"]] == [
        made[0].receipt_number,
        made[1].receipt_number,
        urgent.receipt_number,
    ]
    first = client.get("/api/v1/queue?view=mine&urgent_first=true").json()["results"][0]
    assert first["receipt_number"] == urgent.receipt_number
    assert first["expedite"] is True
    only = client.get("/api/v1/queue?view=mine&expedite=true&category=protection").json()
    assert [item["receipt_number"] for item in only["results"]] == [urgent.receipt_number]
    # The supervisor's lists hold everyone's work.
    everyone = client_for(sam).get("/api/v1/queue?view=rfe").json()
    assert everyone["count"] == 0
    assert client_for(sam).get("/api/v1/queue?view=decided").json()["count"] == 0


def test_possible_duplicates_can_be_listed_on_their_own(policy, alice, rita, olivia):
    request_file(raw=filing_document(), filed_by=alice, today=FILED_ON)
    second = request_file(raw=filing_document(), filed_by=rita, today=FILED_ON).request
    file_many(alice, 1)
    body = client_for(olivia).get("/api/v1/queue?view=unassigned&possible_duplicate=true").json()
    flagged = {item["receipt_number"] for item in body["results"]}
    assert second.receipt_number in flagged
    assert len(flagged) == 2


def test_overdue_counts_business_days_without_the_waits(policy, alice, sam, olivia, time_machine):
    (case,) = file_many(alice, 1)
    work.case_assign(request=case, officer=olivia, actor=sam, on=FILED_ON)
    time_machine.move_to("2027-05-24 10:00:00-04:00", tick=False)  # past 2027-05-21
    body = client_for(olivia).get("/api/v1/queue?view=overdue").json()
    assert [item["receipt_number"] for item in body["results"]] == [case.receipt_number]
    assert body["results"][0]["overdue"] is True
    # While it waits on its requestor, its clock stands still: not overdue.
    work.case_request_evidence(
        request=case, items=["A letter"], due_in_business_days=30, actor=olivia, on=FILED_ON
    )
    assert client_for(olivia).get("/api/v1/queue?view=overdue").json()["count"] == 0
    # Answered 10 business days later: the window moves back by those 10 days, and ends
    # after today; the waits alone decide it, not the days since receipt.
    answered_on = business_calendar().add(FILED_ON, 10)
    work.rfe_answer(request=case, actor=alice, on=answered_on)
    case.refresh_from_db()
    assert case.decision_due_on == business_calendar().add(date(2027, 5, 21), 10)
    assert client_for(olivia).get("/api/v1/queue?view=overdue").json()["count"] == 0
    time_machine.move_to("2027-06-08 10:00:00-04:00", tick=False)
    late = client_for(olivia).get("/api/v1/queue?view=overdue").json()
    assert [item["receipt_number"] for item in late["results"]] == [case.receipt_number]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "view=all",
        "view=mine&page=0",
        "view=mine&page_size=1000",
        "view=mine&expedite=maybe",
        "view=mine&category=urgent",
    ],
)
def test_a_bad_query_names_its_field(policy, olivia, query):
    response = client_for(olivia).get(f"/api/v1/queue?{query}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["code"] == "invalid"
    assert response.json()["errors"][0]["field"]


def test_requestors_have_no_work_list(policy, alice):
    response = client_for(alice).get("/api/v1/queue?view=mine")
    assert response.status_code == 403
    assert error(response) == ("permission_denied", None)


# -- the answer to a request for evidence ------------------------------------------------------


def test_the_requestors_upload_answers_the_rfe_and_the_case_returns_to_its_officer(
    filed, sam, olivia, alice, storage, time_machine
):
    case = assigned(filed, sam, olivia)
    client_for(olivia).post(
        url(case, "rfe"),
        {"items": ["A doctor's letter"], "due_in_business_days": 20},
        format="json",
    )
    time_machine.move_to("2026-12-14 10:00:00-05:00", tick=False)  # a week of waiting
    sent = upload(client_for(alice), case.receipt_number, pdf_bytes())
    assert sent.status_code == 201
    case.refresh_from_db()
    assert case.status == "evidence_received"
    assert (case.waiting_since, case.waited_business_days) == (None, 5)
    assert str(EvidenceRequest.objects.get(request=case).answered_on) == "2026-12-14"
    mine = client_for(olivia).get("/api/v1/queue?view=rfe").json()
    assert [item["status"] for item in mine["results"]] == ["evidence_received"]
    # A second document is kept, and changes nothing more.
    assert upload(client_for(alice), case.receipt_number, pdf_bytes()).status_code == 201
    case.refresh_from_db()
    assert case.status == "evidence_received"


def test_an_upload_while_nobody_asked_for_evidence_changes_no_status(filed, alice, storage):
    assert upload(client_for(alice), filed.receipt_number, pdf_bytes()).status_code == 201
    filed.refresh_from_db()
    assert filed.status == "received"


def test_a_body_with_hundreds_of_bad_values_gets_a_short_answer(filed, sam, olivia):
    case = assigned(filed, sam, olivia)
    body = {"outcome": "deny", "reasons": [f"reason-{n}" for n in range(500)]}
    response = client_for(olivia).post(url(case, "decision"), body, format="json")
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert len(errors) == 50
    assert errors[-1]["message"].startswith("451 more problems were found but not listed")
    assert len(response.content) < 10_000


def test_an_officer_takes_the_oldest_unassigned_request_then_the_next(policy, alice, olivia):
    made = file_many(alice, 2)
    client = client_for(olivia)
    first = client.post("/api/v1/queue/take")
    assert first.status_code == 200
    assert first.json()["receipt_number"] == made[0].receipt_number
    assert first.json()["assigned_officer"] == "olivia"
    assert client.post("/api/v1/queue/take").json()["receipt_number"] == made[1].receipt_number
    none_left = client.post("/api/v1/queue/take")
    assert none_left.status_code == 404
    assert error(none_left) == ("not_found", None)
    mine = client.get("/api/v1/queue?view=mine").json()
    assert mine["count"] == 2


def test_requestors_cannot_take_requests(policy, alice):
    file_many(alice, 1)
    response = client_for(alice).post("/api/v1/queue/take")
    assert response.status_code == 403
    assert error(response)[0] == "not_allowed"
    assert ParoleRequest.objects.get().assigned_officer is None


# -- after a grant ------------------------------------------------------------------------------


def test_the_officer_records_the_arrival_with_the_i94_end_date(filed, sam, olivia, time_machine):
    case = granted(filed, sam, olivia)
    time_machine.move_to("2027-01-05 10:00:00-05:00", tick=False)
    client = client_for(olivia)
    late = client.post(
        url(case, "arrival"), {"arrived_on": "2027-01-04", "ends_on": "2028-01-04"}, format="json"
    )
    assert late.status_code == 422
    assert error(late) == ("invalid", "ends_on")
    future = client.post(url(case, "arrival"), {"arrived_on": "2027-02-01"}, format="json")
    assert error(future) == ("invalid", "arrived_on")
    done = client.post(
        url(case, "arrival"), {"arrived_on": "2027-01-04", "ends_on": "2027-06-30"}, format="json"
    )
    assert done.status_code == 200
    assert done.json()["status"] == "paroled"
    case.refresh_from_db()
    assert str(case.grant.ends_on) == "2027-06-30"
    again = client.post(url(case, "arrival"), {"arrived_on": "2027-01-04"}, format="json")
    assert again.status_code == 409


def test_a_supervisor_terminates_parole_with_a_reason_and_a_notice(
    filed, sam, olivia, time_machine
):
    case = granted(filed, sam, olivia)
    time_machine.move_to("2027-01-05 10:00:00-05:00", tick=False)
    work.arrival_record(request=case, arrived_on=date(2027, 1, 4), actor=olivia)
    # Termination on notice is a supervisor's call, not the case officer's.
    refused = client_for(olivia).post(
        url(case, "parole-end"),
        {"reason": "terminated", "note": "The purpose of the parole has been met."},
        format="json",
    )
    assert refused.status_code == 403
    assert error(refused) == ("not_allowed", None)
    no_reason = client_for(sam).post(
        url(case, "parole-end"), {"reason": "terminated"}, format="json"
    )
    assert error(no_reason) == ("invalid", "note")
    ended = client_for(sam).post(
        url(case, "parole-end"),
        {"reason": "terminated", "note": "The purpose of the parole has been met."},
        format="json",
    )
    assert ended.status_code == 200
    assert ended.json()["status"] == "parole_ended"
    assert Notice.objects.filter(request=case, kind="termination").count() == 1


def test_the_cases_officer_records_the_departure_with_the_day_the_parolee_left(
    filed, sam, olivia, time_machine
):
    oscar = person("oscar", Role.OFFICER)
    case = granted(filed, sam, olivia)
    time_machine.move_to("2027-03-02 10:00:00-05:00", tick=False)
    work.arrival_record(request=case, arrived_on=date(2027, 1, 4), actor=olivia)
    client = client_for(olivia)
    for body, field in [
        ({"reason": "departed"}, "departed_on"),
        ({"reason": "departed", "departed_on": "2027-01-03"}, "departed_on"),
        ({"reason": "departed", "departed_on": "2027-03-03"}, "departed_on"),
    ]:
        wrong = client.post(url(case, "parole-end"), body, format="json")
        assert wrong.status_code == 422
        assert error(wrong) == ("invalid", field)
    left = {"reason": "departed", "departed_on": "2027-02-26"}
    other = client_for(oscar).post(url(case, "parole-end"), left, format="json")
    assert (other.status_code, error(other)) == (409, ("not_assigned", None))
    done = client.post(url(case, "parole-end"), left, format="json")
    assert done.status_code == 200
    assert done.json()["status"] == "parole_ended"
    case.refresh_from_db()
    assert (str(case.grant.ended_on), case.grant.end_reason) == ("2027-02-26", "departed")
    event = Event.objects.about(case).get(action="record_departure")
    assert (event.actor, str(event.on), event.to_status) == (olivia, "2027-02-26", "parole_ended")
    # No notice for a departure; and it is recorded once.
    assert not Notice.objects.filter(request=case, kind="termination").exists()
    again = client.post(url(case, "parole-end"), left, format="json")
    assert (again.status_code, error(again)[0]) == (409, "invalid_transition")


def test_no_departure_before_the_arrival(filed, sam, olivia):
    case = granted(filed, sam, olivia)
    left = {"reason": "departed", "departed_on": "2026-12-01"}
    response = client_for(sam).post(url(case, "parole-end"), left, format="json")
    assert (response.status_code, error(response)[0]) == (409, "invalid_transition")
    case.refresh_from_db()
    assert case.status == "approved"


@pytest.mark.parametrize(
    ("step", "body", "field"),
    [
        ("rfe", {"items": ["A letter from \u202edoctor"], "due_in_business_days": 5}, "items"),
        ("rfe", {"items": ["A letter\u2066x"], "due_in_business_days": 5}, "items"),
        ("decision", {"outcome": "deny", "reasons": ["other"], "note": "No\u200b"}, "note"),
    ],
)
def test_hidden_characters_in_what_an_officer_writes_are_refused(
    filed, sam, olivia, step, body, field
):
    case = assigned(filed, sam, olivia)
    response = client_for(olivia).post(url(case, step), body, format="json")
    assert response.status_code == 422
    assert error(response) == ("invalid", field)
    case.refresh_from_db()
    assert case.status == "assigned"


def test_a_work_permit_lasts_a_year_or_until_parole_ends_with_the_fee_in_force(
    filed, sam, olivia, alice, time_machine
):
    case = granted(filed, sam, olivia)
    time_machine.move_to("2027-01-05 10:00:00-05:00", tick=False)
    work.arrival_record(request=case, arrived_on=date(2027, 1, 4), actor=olivia)  # to 2027-07-03
    client = client_for(olivia)
    before = client.post(url(case, "work-permit"), {"valid_from": "2026-12-01"}, format="json")
    assert error(before) == ("invalid", "valid_from")
    made = client.post(url(case, "work-permit"), {"valid_from": "2027-02-01"}, format="json")
    assert made.status_code == 201
    assert made.json() | {"receipt_number": None} == {
        "receipt_number": None,
        "category": "(c)(11)",
        "fee_usd": 560,
        "valid_from": "2027-02-01",
        "valid_until": "2027-07-03",
    }
    assert (
        client_for(alice)
        .post(url(case, "work-permit"), {"valid_from": "2027-02-01"}, format="json")
        .status_code
        == 404
    )


def test_no_work_permit_before_the_arrival(filed, sam, olivia):
    case = granted(filed, sam, olivia)
    response = client_for(olivia).post(
        url(case, "work-permit"), {"valid_from": "2027-02-01"}, format="json"
    )
    assert response.status_code == 409
    assert error(response)[0] == "invalid_transition"


def test_only_the_cases_officer_or_a_supervisor_records_the_arrival_and_the_work_permit(
    filed, sam, olivia, time_machine
):
    oscar = person("oscar", Role.OFFICER)
    case = granted(filed, sam, olivia)
    time_machine.move_to("2027-01-05 10:00:00-05:00", tick=False)
    body = {"arrived_on": "2027-01-04"}
    refused = client_for(oscar).post(url(case, "arrival"), body, format="json")
    assert refused.status_code == 409
    assert error(refused) == ("not_assigned", None)
    assert client_for(sam).post(url(case, "arrival"), body, format="json").status_code == 200
    permit = {"valid_from": "2027-02-01"}
    assert error(client_for(oscar).post(url(case, "work-permit"), permit, format="json")) == (
        "not_assigned",
        None,
    )
