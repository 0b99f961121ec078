"""Filing anew after a denial, started from the denied request's page: the wizard knows
what it is for and which request it follows, so the requestor is asked only what is new."""

from __future__ import annotations

import html

import pytest
from django.test import Client

from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.adjudication.tests.steps import assigned
from paroledesk.cases.models import ParoleRequest
from paroledesk.intake.models import FilingDraft
from paroledesk.testing.fixtures import FILED_ON

pytestmark = pytest.mark.django_db

LINK_TEXT = "File a new request after this denial"


def denied(case: ParoleRequest, sam, olivia) -> ParoleRequest:
    assigned(case, sam, olivia)
    work.case_decide(
        request=case,
        outcome=Outcome.DENY,
        actor=olivia,
        reasons=["insufficient_evidence"],
        on=FILED_ON,
    )
    case.refresh_from_db()
    return case


def refile_link(case: ParoleRequest) -> str:
    return f'href="/requests/new/?refiling={case.receipt_number}">{LINK_TEXT}</a>'


def test_the_page_of_a_denied_request_links_its_requestor_to_file_anew(client, filed, sam, olivia):
    assert LINK_TEXT not in client.get(f"/requests/{filed.receipt_number}/").content.decode()
    denied(filed, sam, olivia)
    page = html.unescape(client.get(f"/requests/{filed.receipt_number}/").content.decode())
    assert refile_link(filed) in page


def test_the_officer_is_not_offered_to_file_anew(filed, sam, olivia):
    denied(filed, sam, olivia)
    officer = Client()
    officer.force_login(olivia)
    page = officer.get(f"/requests/{filed.receipt_number}/")
    assert page.status_code == 200
    assert LINK_TEXT not in page.content.decode()


def test_starting_from_the_denied_request_asks_first_what_is_new(client, filed, sam, olivia):
    denied(filed, sam, olivia)
    receipt = filed.receipt_number
    start = client.get("/requests/new/", {"refiling": receipt.lower()}).content.decode()
    assert f"follows the denial of request <strong>{receipt}</strong>" in start
    assert f'<input type="hidden" name="refiling" value="{receipt}">' in start

    answer = client.post("/requests/new/", {"refiling": receipt})
    draft = FilingDraft.objects.get()
    assert answer["Location"] == f"/requests/drafts/{draft.pk}/refiling/"
    assert (draft.data["kind"], draft.data["related_receipt_number"]) == ("refiling", receipt)
    assert draft.step == "refiling"
    step = client.get(answer["Location"]).content.decode()
    assert f'value="{receipt}"' in step


def test_a_start_naming_no_receipt_number_starts_an_empty_draft(client):
    start = client.get("/requests/new/", {"refiling": "not a receipt"}).content.decode()
    assert 'name="refiling"' not in start
    answer = client.post("/requests/new/", {"refiling": "not a receipt"})
    draft = FilingDraft.objects.get()
    assert answer["Location"] == f"/requests/drafts/{draft.pk}/kind/"
    assert list(draft.data) == ["family_group"]
