"""The page benchmark spreads the work as an office has it, and times real answers."""

from datetime import date
from typing import Any
from urllib.parse import urlsplit

import pytest

from bench import pages
from paroledesk.adjudication.models import Decision, Outcome
from paroledesk.cases.models import ParoleRequest
from paroledesk.core.lifecycle import Status
from paroledesk.core.roles import Role
from paroledesk.intake.services import request_file
from paroledesk.testing.fixtures import FILED_ON, filing_document, person

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_work_is_spread_over_states_officers_and_weeks(policy: Any) -> None:
    owner = person("bench-alice", Role.REQUESTOR)
    for number in range(100):
        beneficiary = filing_document()["beneficiary"] | {"given_name": f"Person{number}"}
        request_file(raw=filing_document(beneficiary=beneficiary), filed_by=owner, today=FILED_ON)
    officers = [person(f"bench-o{n}", Role.OFFICER) for n in range(3)]
    supervisor = person("bench-sam", Role.SUPERVISOR)
    pages.work_spread(officers=officers, supervisor=supervisor, today=FILED_ON)

    counts = {status: ParoleRequest.objects.filter(status=status).count() for status in Status}
    assert counts[Status.RECEIVED] == 30
    assert counts[Status.ASSIGNED] == 20
    assert counts[Status.DENIED] == 10
    # Everything but the waiting requests has an officer, shared out evenly.
    assert not ParoleRequest.objects.filter(status=Status.RECEIVED, assigned_officer__isnull=False)
    held = [ParoleRequest.objects.filter(assigned_officer=o).count() for o in officers]
    assert sum(held) == 70
    assert max(held) - min(held) <= 1
    # Each decided request has its one decision, dated no later than today nor before receipt.
    decided = ParoleRequest.objects.filter(
        status__in=[Status.APPROVED, Status.DENIED, Status.PAROLED]
    )
    assert Decision.objects.count() == decided.count() == 28
    assert Decision.objects.filter(outcome=Outcome.DENY).count() == 10
    for request in decided.select_related("decision"):
        assert request.decided_on == request.decision.decided_on
        assert request.decided_on == FILED_ON  # not before its receipt, today
    waiting = ParoleRequest.objects.filter(status=Status.EVIDENCE_REQUESTED)
    assert waiting.count() == 5
    assert all(request.waiting_since == date(2026, 11, 20) for request in waiting)


def test_latencies_are_timed_from_real_answers_and_an_error_stops_the_figure(
    live_server: Any,
) -> None:
    where = urlsplit(live_server.url)
    site = (where.hostname or "", where.port or 80)
    figure = pages._timed("home page", site, "/", {}, clients=2, asks=3)
    assert figure.asks == 6
    assert 0 < figure.p50_ms <= figure.p95_ms
    assert figure.per_second > 0
    with pytest.raises(RuntimeError, match="answered 404"):
        pages._timed("nowhere", site, "/no-such-page/", {}, clients=2, asks=1)


def test_the_percentile_is_the_nearest_rank() -> None:
    values = [n / 1000 for n in range(1, 101)]  # 1 ms to 100 ms
    assert pages._percentile(values, 50) == pytest.approx(50)
    assert pages._percentile(values, 95) == pytest.approx(95)
    assert pages._percentile([0.002], 95) == pytest.approx(2)
