"""Two decisions on one request can never both win, also when they arrive at once."""

import threading

import pytest
from django.db import connection

from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Decision
from paroledesk.audit.models import Event
from paroledesk.core.roles import Role
from paroledesk.intake.services import request_file
from paroledesk.notices.models import Notice
from paroledesk.testing.fixtures import FILED_ON, client_for, filing_document, person

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks are PostgreSQL's (SQLite has one writer)",
    ),
]
CONTENDERS = 8


def test_of_eight_decisions_sent_at_once_exactly_one_wins(filed, sam, olivia):
    work.case_assign(request=filed, officer=olivia, actor=sam, on=FILED_ON)
    bodies = [
        {"outcome": "approve", "parole_days": 180}
        if number % 2
        else {"outcome": "deny", "reasons": ["insufficient_evidence"]}
        for number in range(CONTENDERS)
    ]
    clients = [client_for(olivia) for _ in bodies]
    start = threading.Barrier(CONTENDERS)
    answers: list[tuple[int, str]] = []

    def decide(client, body):
        try:
            start.wait()
            response = client.post(
                f"/api/v1/cases/{filed.receipt_number}/decision", body, format="json"
            )
            code = response.json().get("errors", [{}])[0].get("code", "")
            answers.append((response.status_code, code))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=pair) for pair in zip(clients, bodies, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(status for status, _ in answers) == [200] + [409] * (CONTENDERS - 1)
    assert {code for status, code in answers if status == 409} == {"already_decided"}
    assert Decision.objects.filter(request=filed).count() == 1
    decided = Event.objects.about(filed).filter(action__in=["approve_conditionally", "deny"])
    assert decided.count() == 1
    kinds = set(Notice.objects.filter(request=filed).values_list("kind", flat=True))
    assert len(kinds - {"receipt"}) == 1


def test_officers_taking_at_once_each_get_a_different_request(policy, alice):
    for number in range(CONTENDERS):
        someone = filing_document()["beneficiary"] | {"given_name": f"Person{number}"}
        request_file(raw=filing_document(beneficiary=someone), filed_by=alice, today=FILED_ON)
    officers = [person(f"o{n}", Role.OFFICER) for n in range(CONTENDERS)]
    start = threading.Barrier(CONTENDERS)
    taken: list[str] = []

    def take(officer):
        try:
            start.wait()
            taken.append(client_for(officer).post("/api/v1/queue/take").json()["receipt_number"])
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(officer,)) for officer in officers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(taken) == len(set(taken)) == CONTENDERS
