"""POST /api/v1/status-inquiries: the status to whoever knows the four facts, the same
404 to everyone else, 422 naming a malformed field, and 429 to a client that keeps guessing."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from paroledesk.adjudication.services import arrival_record
from paroledesk.adjudication.tests.steps import assigned, denied, granted
from paroledesk.audit.models import Event
from paroledesk.inquiry.models import Inquiry
from paroledesk.inquiry.services import GUESSES
from paroledesk.intake.services import request_file
from paroledesk.policy.selectors import policy_on
from paroledesk.testing.fixtures import FILED_ON, filing_document

pytestmark = pytest.mark.django_db

URL = "/api/v1/status-inquiries"


@pytest.fixture(autouse=True)
def _a_day_after_filing(time_machine):
    time_machine.move_to("2026-12-02 10:00:00-05:00", tick=False)


def facts(case, **changes):
    body = {
        "receipt_number": case.receipt_number,
        "family_name": "Haidari",
        "date_of_birth": "1988-03-14",
        "filed_on": FILED_ON.isoformat(),
        "explanation": "",
    }
    return body | changes


def ask(body, client=None, address="203.0.113.7"):
    return (client or APIClient()).post(URL, body, format="json", REMOTE_ADDR=address)


def test_the_four_facts_give_the_status_its_history_and_window(filed):
    answer = ask(facts(filed))
    assert answer.status_code == 200
    body = answer.json()
    assert body["receipt_number"] == filed.receipt_number
    assert body["status"] == "received"
    assert "waiting for an officer" in body["status_text"]
    assert body["history"] == [{"on": "2026-11-30", "status_text": body["status_text"]}]
    assert body["decision_window"] == {"earliest": "2027-04-09", "latest": "2027-05-21"}
    assert body["next_steps"]
    assert body["inquiry_recorded"] is False
    assert "no-store" in answer["Cache-Control"]


def test_the_answer_tells_nothing_but_the_status(filed, sam, olivia):
    body = ask(facts(assigned(filed, sam, olivia))).content.decode()
    for private in ("Farid", "olivia", "Sara", "surgery", "P1234567", "PK"):
        assert private not in body


def test_the_family_name_is_compared_without_case_or_accents(policy, alice):
    document = filing_document()
    document["beneficiary"] |= {"family_name": "Núñez-O'Brien"}
    case = request_file(raw=document, filed_by=alice, today=FILED_ON).request
    for typed in ("Núñez-O'Brien", "NUNEZ O’BRIEN", "nunez-obrien", "  núñez   o'brien "):
        assert ask(facts(case, family_name=typed)).status_code == 200, typed
    assert ask(facts(case, family_name="Nunez")).status_code == 404


def test_a_denial_says_there_is_no_appeal_and_how_to_refile(filed, sam, olivia):
    body = ask(facts(denied(filed, sam, olivia))).json()
    assert body["status"] == "denied"
    assert [line["status_text"] for line in body["history"]][-1] == body["status_text"]
    assert any("cannot be appealed" in step for step in body["next_steps"])
    assert any("new filing fee" in step for step in body["next_steps"])


def test_a_parolee_is_told_when_to_ask_for_re_parole_by_policys_lead_time(filed, sam, olivia):
    case = granted(filed, sam, olivia, on=date(2026, 12, 1))
    arrival_record(request=case, arrived_on=date(2026, 12, 2), actor=olivia)
    body = ask(facts(case)).json()
    assert body["status"] == "paroled"
    lead = policy_on(date(2026, 12, 2)).reparole_lead_days()
    assert any(f"at least {lead} days before it ends" in step for step in body["next_steps"])
    assert any("(c)(11)" in step for step in body["next_steps"])


def test_an_unknown_receipt_and_each_wrong_fact_get_the_same_bytes(filed):
    answers = [
        ask(facts(filed, receipt_number="IOE2704000999")),
        ask(facts(filed, family_name="Haidary")),
        ask(facts(filed, date_of_birth="1988-03-15")),
        ask(facts(filed, filed_on="2026-12-01")),
    ]
    assert {answer.status_code for answer in answers} == {404}
    assert len({answer.content for answer in answers}) == 1
    headers = [
        sorted((name, value) for name, value in answer.headers.items() if name != "Date")
        for answer in answers
    ]
    assert all(found == headers[0] for found in headers)
    assert answers[0].json()["errors"][0]["code"] == "not_found"


def test_an_unknown_receipt_costs_the_same_work_as_a_wrong_identity(filed):
    """The same queries in the same order: the time taken cannot tell the two apart."""
    worked = []
    unknown, wrong = facts(filed, receipt_number="IOE2704000999"), facts(filed, family_name="X")
    # From two clients, so that each takes its first try.
    for body, address in ((unknown, "192.0.2.1"), (wrong, "192.0.2.2")):
        with CaptureQueriesContext(connection) as queries:
            assert ask(body, address=address).status_code == 404
        # Each statement without its values: what it does, not what it looked for.
        worked.append([re.sub(r"'[^']*'|\d+", "?", query["sql"]) for query in queries])
    assert worked[0] == worked[1]
    assert any("cases_parolerequest" in sql for sql in worked[0])


def test_an_attempt_that_matches_nothing_stores_nothing_about_the_request(filed):
    events = Event.objects.count()
    ask(facts(filed, date_of_birth="1988-03-15", explanation="Where is my case?"))
    assert Inquiry.objects.count() == 0
    assert Event.objects.count() == events


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("receipt_number", "IOE27"),
        ("receipt_number", "123"),
        ("date_of_birth", "14/03/1988"),
        ("date_of_birth", "1988-02-30"),
        ("date_of_birth", "2099-01-01"),
        ("filed_on", "yesterday"),
        ("filed_on", "1800-01-01"),
        ("family_name", ""),
        ("family_name", "Haidari\u202e"),
        ("explanation", "x" * 1001),
    ],
)
def test_a_malformed_field_is_refused_by_name(filed, field, value):
    answer = ask(facts(filed, **{field: value}))
    assert answer.status_code == 422
    (error,) = answer.json()["errors"]
    assert (error["code"], error["field"]) == ("invalid", field)
    assert error["message"]


def test_missing_fields_and_bodies_that_are_not_objects_are_422_not_500(filed):
    answer = ask({})
    assert answer.status_code == 422
    fields = {error["field"] for error in answer.json()["errors"]}
    assert fields == {"receipt_number", "family_name", "date_of_birth", "filed_on"}
    for body in ([1, 2], "text", 7, None):
        assert ask(body).status_code in {400, 422}


def test_a_client_that_keeps_guessing_gets_429_and_others_do_not(filed):
    client = APIClient()
    for guess in range(GUESSES.tries):
        answer = ask(facts(filed, date_of_birth=f"1988-03-{guess + 1:02d}"), client)
        assert answer.status_code in {200, 404}
    refused = ask(facts(filed), client)
    assert refused.status_code == 429
    (error,) = refused.json()["errors"]
    assert error["code"] == "too_many_requests"
    assert refused["Retry-After"] == str(GUESSES.seconds)
    # Even the right facts and a malformed body wait; another address does not.
    assert ask(facts(filed, receipt_number="x"), client).status_code == 429
    assert ask(facts(filed), address="198.51.100.9").status_code == 200


def test_one_ipv6_network_is_one_client(filed):
    for host in range(GUESSES.tries):
        ask(facts(filed, family_name="Nobody"), address=f"2001:db8:1:2::{host + 1:x}")
    assert ask(facts(filed), address="2001:db8:1:2:ffff::1").status_code == 429
    assert ask(facts(filed), address="2001:db8:1:3::1").status_code == 200


def test_the_guesses_are_counted_again_after_the_period(filed, time_machine):
    for _ in range(GUESSES.tries):
        ask(facts(filed, family_name="Nobody"))
    assert ask(facts(filed)).status_code == 429
    time_machine.shift(GUESSES.seconds + 1)
    assert ask(facts(filed)).status_code == 200
