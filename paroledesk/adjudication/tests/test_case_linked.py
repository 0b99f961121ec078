"""Linked requests side by side on the case page: the denial a refiling follows, the grant a
re-parole renews, and the other way round. Staff see each (and the view is logged); a party
sees only the linked requests they filed."""

from datetime import date

import pytest
from django.test import Client

from paroledesk.adjudication import services as work
from paroledesk.adjudication.tests import steps
from paroledesk.adjudication.tests.steps import granted, refiled
from paroledesk.audit.models import View
from paroledesk.cases.models import ParoleRequest
from paroledesk.intake.services import request_file
from paroledesk.testing.fixtures import FILED_ON, filing_document

pytestmark = pytest.mark.django_db

HEADING = "Linked requests side by side"


def shown_to(user, case: ParoleRequest) -> str:
    browser = Client()
    browser.force_login(user)
    answer = browser.get(f"/requests/{case.receipt_number}/")
    assert answer.status_code == 200
    return answer.content.decode()


def columns(page: str) -> str:
    """The comparison table, from its heading on, or "" when the page has none."""
    if HEADING not in page:
        return ""
    return page[page.index(HEADING) : page.index("</table>", page.index(HEADING))]


@pytest.fixture
def denied(filed, sam, olivia) -> ParoleRequest:
    return steps.denied(filed, sam, olivia)


def test_staff_see_a_refiling_beside_the_denial_it_follows_and_back(denied, alice, sam):
    refiling = refiled(denied, alice)
    table = columns(shown_to(sam, refiling))
    assert "The denied request it refiles" in table
    assert f'href="/requests/{denied.receipt_number}/"' in table
    for fact in ("Refiling", "Initial", "Received", "Denied", "Dec 14, 2026", "Nov 30, 2026"):
        assert fact in table
    assert "240 days" in table
    assert "180 days" in table
    assert table.count("Haidari, Farid") == 2
    assert "Medical" in table
    assert "Urgent humanitarian" in table
    back = columns(shown_to(sam, denied))
    assert "A refiling of this request" in back
    assert f'href="/requests/{refiling.receipt_number}/"' in back


def test_showing_a_linked_request_to_staff_is_logged_as_a_view_of_it(denied, alice, sam):
    refiling = refiled(denied, alice)
    shown_to(sam, refiling)
    logged = View.objects.values_list("subject_id", "viewer__username", "via")
    assert sorted(logged) == sorted([(refiling.pk, "sam", "page"), (denied.pk, "sam", "linked")])


def test_a_party_sees_only_the_linked_requests_they_filed(denied, alice, rita):
    # Rita, a representative, refiles the denial alice had filed: neither sees the other's.
    refiling = refiled(denied, rita)
    assert HEADING not in shown_to(alice, denied)
    assert refiling.receipt_number not in shown_to(alice, denied)
    assert HEADING not in shown_to(rita, refiling)
    assert denied.receipt_number not in shown_to(rita, refiling)
    # Her own refiling, alice does see beside her denial, and no view of hers is logged.
    own = refiled(denied, alice)
    table = columns(shown_to(alice, denied))
    assert own.receipt_number in table
    assert refiling.receipt_number not in table
    assert not View.objects.exists()


def test_a_reparole_is_beside_the_grant_it_renews(filed, alice, sam, olivia, time_machine):
    granted(filed, sam, olivia)
    work.arrival_record(request=filed, arrived_on=FILED_ON, actor=olivia)
    time_machine.move_to("2027-03-01 10:00:00-05:00", tick=False)
    inside = filing_document()["beneficiary"] | {"location": "inside_us", "current_country": "US"}
    document = filing_document(
        kind="reparole", related_receipt_number=filed.receipt_number, beneficiary=inside
    )
    reparole = request_file(raw=document, filed_by=alice, today=date(2027, 3, 1)).request
    assert reparole is not None
    for user in (alice, sam):
        table = columns(shown_to(user, reparole))
        assert "The grant it renews" in table
        assert "Reparole" in table
        assert "Paroled" in table
        assert "A re-parole renewing this grant" in columns(shown_to(user, filed))


def test_a_request_with_no_link_shows_no_table(filed, alice, sam):
    assert HEADING not in shown_to(sam, filed)
    assert HEADING not in shown_to(alice, filed)
