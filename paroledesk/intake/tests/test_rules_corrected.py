"""The filing rules corrected for real filings, each shown through the API or the import."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from rest_framework.test import APIClient

from paroledesk.accounts.models import User
from paroledesk.accounts.services import token_issue
from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.cases.models import ParoleRequest
from paroledesk.intake.bulk.importer import requests_import
from paroledesk.intake.services import request_file
from paroledesk.notices.models import NoticeKind
from paroledesk.notices.rendering import notice_pdf
from paroledesk.testing.fixtures import filing_document
from paroledesk.testing.pdf import pdf_text

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 30)
INSIDE = {**filing_document()["beneficiary"], "location": "inside_us", "current_country": "US"}


@pytest.fixture
def api(policy, alice, time_machine) -> APIClient:
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=alice)}")
    return client


def filed(api: APIClient, **overrides: Any) -> Any:
    return api.post("/api/v1/requests", filing_document(**overrides), format="json")


def errors(response: Any) -> list[tuple[str, str | None]]:
    assert response.status_code == 422, response.json()
    return [(error["code"], error["field"]) for error in response.json()["errors"]]


def imported(alice: User, **document: Any) -> Any:
    (result,) = requests_import(lines=[json.dumps(document)], filed_by=alice, today=TODAY)
    return result


# -- a re-parole renews a parole that began and did not end in departure ---------------


def earlier_request(alice: User) -> ParoleRequest:
    return request_file(raw=filing_document(), filed_by=alice, today=TODAY).request


def in_review(request: ParoleRequest, olivia: User, sam: User) -> ParoleRequest:
    work.case_assign(request=request, officer=olivia, actor=sam, on=TODAY)
    work.case_start_review(request=request, actor=olivia, on=TODAY)
    return request


def approve(request: ParoleRequest, olivia: User, *, exception: str = "") -> None:
    work.case_decide(
        request=request,
        outcome=Outcome.APPROVE,
        actor=olivia,
        parole_days=365,
        parole_fee_exception=exception,
        on=TODAY,
    )


def conditional(request: ParoleRequest, olivia: User, sam: User, alice: User) -> None:
    approve(in_review(request, olivia, sam), olivia)


def approved_not_used(request: ParoleRequest, olivia: User, sam: User, alice: User) -> None:
    approve(in_review(request, olivia, sam), olivia, exception="medical_emergency")


def closed(request: ParoleRequest, olivia: User, sam: User, alice: User) -> None:
    conditional(request, olivia, sam, alice)
    work.parole_fee_lapse(request=request, on=date(2027, 1, 4))


def withdrawn(request: ParoleRequest, olivia: User, sam: User, alice: User) -> None:
    conditional(request, olivia, sam, alice)
    work.request_withdraw(request=request, actor=alice, on=TODAY)


def denied(request: ParoleRequest, olivia: User, sam: User, alice: User) -> None:
    work.case_decide(
        request=in_review(request, olivia, sam),
        outcome=Outcome.DENY,
        actor=olivia,
        reasons=["insufficient_evidence"],
        on=TODAY,
    )


def departed(request: ParoleRequest, olivia: User, sam: User, alice: User) -> None:
    approved_not_used(request, olivia, sam, alice)
    work.arrival_record(request=request, arrived_on=TODAY, actor=None)
    work.parole_end(request=request, reason="departed", actor=None, on=TODAY)


def paroled(request: ParoleRequest, olivia: User, sam: User, alice: User) -> None:
    approved_not_used(request, olivia, sam, alice)
    work.arrival_record(request=request, arrived_on=TODAY, actor=None)


def ran_out(request: ParoleRequest, olivia: User, sam: User, alice: User) -> None:
    paroled(request, olivia, sam, alice)
    work.parole_end(request=request, reason="expired", actor=None, on=date(2027, 11, 30))


Make = Callable[[ParoleRequest, User, User, User], None]


@pytest.mark.parametrize(
    "make",
    [conditional, approved_not_used, closed, withdrawn, denied, departed],
    ids=lambda make: make.__name__,
)
def test_a_reparole_of_a_parole_that_never_began_or_ended_in_departure_is_refused(
    api, alice, olivia, sam, make: Make
):
    request = earlier_request(alice)
    make(request, olivia, sam, alice)
    response = filed(
        api, kind="reparole", related_receipt_number=request.receipt_number, beneficiary=INSIDE
    )
    assert errors(response) == [("reparole_requires_hq_grant", "related_receipt_number")]


def test_a_reparole_of_a_parole_in_effect_is_filed(api, alice, olivia, sam):
    request = earlier_request(alice)
    paroled(request, olivia, sam, alice)
    response = filed(
        api, kind="reparole", related_receipt_number=request.receipt_number, beneficiary=INSIDE
    )
    assert response.status_code == 201
    assert response.json()["warnings"] == []


def test_a_reparole_of_a_parole_that_ran_out_is_filed_late(api, alice, olivia, sam, time_machine):
    request = earlier_request(alice)
    ran_out(request, olivia, sam, alice)
    time_machine.move_to("2027-12-06 10:00:00-05:00", tick=False)
    response = filed(
        api, kind="reparole", related_receipt_number=request.receipt_number, beneficiary=INSIDE
    )
    assert response.status_code == 201, response.json()
    assert [warning["code"] for warning in response.json()["warnings"]] == ["reparole_late"]


def test_a_reparole_for_someone_outside_is_refused_by_the_import(alice, olivia, sam, policy):
    request = earlier_request(alice)
    paroled(request, olivia, sam, alice)
    result = imported(
        alice,
        **filing_document(
            kind="reparole",
            related_receipt_number=request.receipt_number,
            channel="online",
            fee={"payment": "paid", "amount_usd": 580},
        ),
    )
    assert [(e.code.value, e.field) for e in result.errors] == [
        ("reparole_requires_inside_us", "beneficiary.location")
    ]


# -- the document itself -------------------------------------------------------------------


def test_the_api_files_online_only(api):
    assert errors(filed(api, channel="paper", fee={"payment": "paid", "amount_usd": 630})) == [
        ("invalid", "channel")
    ]


def test_a_birth_date_after_the_received_date_is_refused_by_the_import(alice, policy):
    person = {**filing_document()["beneficiary"], "date_of_birth": "2026-11-03"}
    result = imported(
        alice,
        **filing_document(
            beneficiary=person,
            received_on="2026-11-02",
            fee={"payment": "paid", "amount_usd": 630},
        ),
    )
    assert [(e.code.value, e.field) for e in result.errors] == [
        ("invalid", "beneficiary.date_of_birth")
    ]
    assert "after the day the request was received" in result.errors[0].message


def test_an_exemption_claimed_before_any_existed_is_refused_on_the_fee(alice, policy):
    result = imported(
        alice,
        **filing_document(
            received_on="2024-01-16",
            fee={"payment": "exempt", "exemption": "armed_forces"},
        ),
    )
    assert [(e.code.value, e.field) for e in result.errors] == [("fee_required", "fee")]
    assert "No fee exemption existed on 2024-01-16" in result.errors[0].message


def test_kosovo_and_statelessness_are_filed_and_kept(api):
    person = {
        **filing_document()["beneficiary"],
        "country_of_birth": "XK",
        "country_of_citizenship": "stateless",
        "current_country": "XK",
    }
    response = filed(api, beneficiary=person)
    assert response.status_code == 201, response.json()
    saved = ParoleRequest.objects.get(receipt_number=response.json()["receipt_number"])
    assert (saved.beneficiary.country_of_birth, saved.current_country) == ("XK", "XK")
    assert saved.beneficiary.country_of_citizenship == "stateless"


# -- the receipt notice says what was paid, or what was claimed ------------------------------


def receipt_text(request: ParoleRequest) -> str:
    notice = request.notices.get(kind=NoticeKind.RECEIPT.value)
    return pdf_text(notice_pdf(notice))


@pytest.mark.parametrize(
    ("fee", "says", "never"),
    [
        ({"payment": "paid", "amount_usd": 630}, "Filing fee paid: $630.", "waiver"),
        (
            {"payment": "exempt", "exemption": "armed_forces"},
            "No filing fee was paid: an exemption was claimed (Current or former member of the "
            "U.S. armed forces)",
            "Filing fee paid",
        ),
        (
            {"payment": "waiver_requested"},
            "No filing fee was paid: a fee waiver was requested (Form I-912)",
            "Filing fee paid",
        ),
    ],
)
def test_the_receipt_notice_states_the_fee_as_it_was_settled(alice, policy, fee, says, never):
    result = imported(alice, **filing_document(received_on="2026-11-02", fee=fee))
    assert result.receipt_number, result.errors
    text = receipt_text(ParoleRequest.objects.get(receipt_number=result.receipt_number))
    assert says in text
    assert never not in text
    assert "90 to 120 business days after receipt" in text
