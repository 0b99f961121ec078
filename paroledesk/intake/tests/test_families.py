"""Families file together: one request and fee per person, linked by the filer's family group."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from paroledesk.accounts.models import User
from paroledesk.accounts.services import token_issue
from paroledesk.cases.models import ParoleRequest
from paroledesk.intake.bulk.importer import requests_import
from paroledesk.intake.models import FilingDraft
from paroledesk.intake.tests.test_wizard import ANSWERS, fill_all
from paroledesk.testing.fixtures import filing_document

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 30)
DAUGHTER = {
    **filing_document()["beneficiary"],
    "given_name": "Mariam",
    "date_of_birth": "2012-06-01",
}
OMID = {**DAUGHTER, "given_name": "Omid"}


def api_for(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=user)}")
    return client


def file(api: APIClient, **overrides: Any) -> str:
    response = api.post("/api/v1/requests", filing_document(**overrides), format="json")
    assert response.status_code == 201, response.json()
    return str(response.json()["receipt_number"])


def family(api: APIClient, receipt: str) -> list[str]:
    response = api.get(f"/api/v1/requests/{receipt}")
    assert response.status_code == 200
    return list(response.json()["family"])


@pytest.fixture
def monday(policy, time_machine) -> None:
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)


def test_a_filers_requests_with_one_family_group_show_each_other(monday, alice, rita):
    api = api_for(alice)
    mother = file(api, family_group="Haidari family")
    # Spacing and case do not make another family.
    daughter = file(api, beneficiary=DAUGHTER, family_group="  haidari   FAMILY ")
    alone = file(api, beneficiary=OMID)
    other_family = file(api, beneficiary={**DAUGHTER, "given_name": "Nadia"}, family_group="B")
    assert family(api, mother) == [daughter]
    assert family(api, daughter) == [mother]
    assert family(api, alone) == []
    assert family(api, other_family) == []
    # Another filer's group of the same name is another family.
    stranger = file(api_for(rita), beneficiary=DAUGHTER, family_group="Haidari family")
    assert family(api, mother) == [daughter]
    assert family(api_for(rita), stranger) == []


def test_the_family_group_is_sealed_and_only_its_keyed_hash_is_searchable(monday, alice):
    api = api_for(alice)
    receipt = file(api, family_group="Haidari family")
    request = ParoleRequest.objects.get(receipt_number=receipt)
    stored = ParoleRequest.objects.filter(pk=request.pk).values_list("family_group", "family_key")
    ((sealed, key),) = stored
    assert b"aidari" not in bytes(sealed)  # type: ignore[arg-type]  # sealed bytes, typed str
    assert "Haidari" not in key
    assert len(key) == 64
    assert request.family_group == "haidari family"


def test_an_import_links_the_lines_of_one_family(monday, alice):
    lines = [
        {**filing_document(family_group="F-17"), "received_on": "2026-11-02"},
        {**filing_document(beneficiary=DAUGHTER, family_group="F-17"), "received_on": "2026-11-02"},
        {
            **filing_document(beneficiary={**DAUGHTER, "given_name": "Omid"}),
            "received_on": "2026-11-02",
        },
    ]
    for line in lines:
        line["fee"] = {"payment": "paid", "amount_usd": 630}
    results = list(requests_import(lines=[json.dumps(line) for line in lines], filed_by=alice))
    mother, daughter, alone = (result.receipt_number for result in results)
    api = api_for(alice)
    assert family(api, str(mother)) == [daughter]
    assert family(api, str(daughter)) == [mother]
    assert family(api, str(alone)) == []


def test_the_request_page_shows_the_family(monday, alice):
    api = api_for(alice)
    mother = file(api, family_group="Haidari family")
    daughter = file(api, beneficiary=DAUGHTER, family_group="Haidari family")
    browser = Client()
    browser.force_login(alice)
    page = browser.get(f"/requests/{mother}/").content.decode()
    assert "Filed with it for the same family" in page
    assert f'href="/requests/{daughter}/"' in page
    assert "Mariam Haidari" in page


def test_the_wizard_files_a_second_family_member_asking_only_what_differs(client, alice):
    client.post("/requests/new/")
    first = FilingDraft.objects.get()
    fill_all(client, first)
    assert client.post(f"/requests/drafts/{first.pk}/submit/").status_code == 302
    done = client.get(f"/requests/drafts/{first.pk}/filed/").content.decode()
    assert "File for another family member" in done

    started = client.post(f"/requests/drafts/{first.pk}/family-member/")
    second = FilingDraft.objects.exclude(pk=first.pk).get()
    first.refresh_from_db()
    # Who files, the reason, the sponsor and the fee are carried over: the person is asked.
    assert started["Location"] == f"/requests/drafts/{second.pk}/beneficiary/"
    assert second.data["requestor"] == first.data["requestor"]
    assert second.data["reason"] == first.data["reason"]
    assert second.data["sponsor"] == first.data["sponsor"]
    assert "given_name" not in second.data["beneficiary"]
    assert second.data["family_group"] == first.data["family_group"]

    answered = client.post(
        f"/requests/drafts/{second.pk}/beneficiary/",
        {**ANSWERS["beneficiary"], "given_name": "Mariam", "date_of_birth_year": "2012"},
    )
    # Nothing else is left to answer: straight to the review.
    assert answered["Location"] == f"/requests/drafts/{second.pk}/review/"
    assert client.post(f"/requests/drafts/{second.pk}/submit/").status_code == 302

    second.refresh_from_db()
    first.refresh_from_db()
    assert second.submitted_request is not None
    assert first.submitted_request is not None
    assert second.submitted_request.beneficiary.given_name == "Mariam"
    done = client.get(f"/requests/drafts/{second.pk}/filed/").content.decode()
    assert first.submitted_request.receipt_number in done
    api = api_for(alice)
    assert family(api, first.submitted_request.receipt_number) == [
        second.submitted_request.receipt_number
    ]


def test_only_a_filed_draft_of_ones_own_starts_a_family_member(client, alice, rita):
    client.post("/requests/new/")
    unfiled = FilingDraft.objects.get()
    assert client.post(f"/requests/drafts/{unfiled.pk}/family-member/").status_code == 404
    other = Client()
    other.force_login(rita)
    fill_all(client, unfiled)
    client.post(f"/requests/drafts/{unfiled.pk}/submit/")
    assert other.post(f"/requests/drafts/{unfiled.pk}/family-member/").status_code == 404
    assert client.get(f"/requests/drafts/{unfiled.pk}/family-member/").status_code == 405
    assert FilingDraft.objects.count() == 1


def test_a_stranger_is_sent_to_sign_in_and_staff_may_not_start_one(client, alice, olivia):
    client.post("/requests/new/")
    draft = FilingDraft.objects.get()
    fill_all(client, draft)
    client.post(f"/requests/drafts/{draft.pk}/submit/")
    anonymous = Client().post(f"/requests/drafts/{draft.pk}/family-member/")
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")
    officer = Client()
    officer.force_login(olivia)
    assert officer.post(f"/requests/drafts/{draft.pk}/family-member/").status_code == 403
    assert FilingDraft.objects.count() == 1
