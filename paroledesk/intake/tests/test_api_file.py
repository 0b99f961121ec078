from datetime import date

import pytest
from rest_framework.test import APIClient

from paroledesk.accounts.services import token_issue
from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.cases.models import Beneficiary, ParoleRequest
from paroledesk.testing.fixtures import filing_document

pytestmark = pytest.mark.django_db
URL = "/api/v1/requests"


@pytest.fixture
def api(policy, alice, time_machine):
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=alice)}")
    return client


def errors(response) -> list[tuple[str, str | None]]:
    assert response.status_code == 422, response.content
    return [(error["code"], error["field"]) for error in response.json()["errors"]]


def file(api, key=None, **overrides):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return api.post(URL, filing_document(**overrides), format="json", **headers)


def test_a_complete_filing_gets_a_receipt_number_window_and_fee(api):
    response = file(api)
    assert response.status_code == 201
    body = response.json()
    assert body["receipt_number"] == "IOE2704000001"
    assert body["status"] == "received"
    assert body["received_on"] == "2026-11-30"
    assert body["decision_window"] == {"earliest": "2027-04-09", "latest": "2027-05-21"}
    assert body["filing_fee_usd"] == 580
    assert body["warnings"] == []


def test_the_same_idempotency_key_returns_the_first_answer_and_files_nothing_new(api):
    first = file(api, key="batch-7-line-1")
    again = file(api, key="batch-7-line-1")
    assert again.status_code == 201
    assert again.json() == first.json()
    assert ParoleRequest.objects.count() == 1


def test_an_idempotency_key_reused_for_another_filing_is_refused(api):
    file(api, key="k1")
    assert errors(file(api, key="k1", requested_days=90)) == [("invalid", "Idempotency-Key")]
    assert ParoleRequest.objects.count() == 1


def test_a_malformed_field_is_named_and_nothing_is_saved(api):
    beneficiary = {**filing_document()["beneficiary"], "date_of_birth": "14/03/1988"}
    assert errors(file(api, beneficiary=beneficiary)) == [("invalid", "beneficiary.date_of_birth")]
    assert not ParoleRequest.objects.exists()
    assert not Beneficiary.objects.exists()


def test_a_body_that_is_not_json_is_a_422(api):
    response = api.post(URL, "{not json", content_type="application/json")
    assert errors(response) == [("invalid", None)]


def test_a_beneficiary_inside_the_us_is_refused_for_an_initial_request(api):
    beneficiary = {
        **filing_document()["beneficiary"],
        "location": "inside_us",
        "current_country": "US",
    }
    assert ("beneficiary_inside_us", "beneficiary.location") in errors(
        file(api, beneficiary=beneficiary)
    )


def test_a_reparole_must_name_a_live_hq_grant(api):
    undecided = file(api).json()["receipt_number"]
    inside = {**filing_document()["beneficiary"], "location": "inside_us", "current_country": "US"}
    response = file(api, kind="reparole", related_receipt_number=undecided, beneficiary=inside)
    assert errors(response) == [("reparole_requires_hq_grant", "related_receipt_number")]


def test_a_refiling_must_name_a_denied_request_and_state_new_facts(api, sam, olivia):
    receipt = file(api).json()["receipt_number"]
    assert errors(
        file(api, kind="refiling", related_receipt_number=receipt, new_facts="New surgery date.")
    ) == [("refiling_requires_denial", "related_receipt_number")]
    request = ParoleRequest.objects.get(receipt_number=receipt)
    work.case_assign(request=request, officer=olivia, actor=sam)
    work.case_start_review(request=request, actor=olivia)
    work.case_decide(
        request=request, outcome=Outcome.DENY, actor=olivia, reasons=["insufficient_evidence"]
    )
    assert errors(file(api, kind="refiling", related_receipt_number=receipt)) == [
        ("new_facts_required", "new_facts")
    ]
    refiled = file(
        api,
        kind="refiling",
        related_receipt_number=receipt,
        new_facts="A hospital has now confirmed the surgery date.",
    )
    assert refiled.status_code == 201


def test_every_beneficiary_needs_a_sponsor(api):
    document = filing_document()
    del document["sponsor"]
    assert errors(api.post(URL, document, format="json")) == [("sponsor_required", "sponsor")]


def test_the_fee_must_be_paid_exempt_or_waived(api):
    document = filing_document()
    del document["fee"]
    assert errors(api.post(URL, document, format="json")) == [("fee_required", "fee")]
    assert errors(file(api, fee={"payment": "exempt"})) == [("fee_required", "fee")]


def test_a_wrong_amount_is_refused_with_the_amount_due(api):
    response = file(api, fee={"payment": "paid", "amount_usd": 630})
    assert errors(response) == [("fee_amount_incorrect", "fee.amount_usd")]
    assert "$580" in response.json()["errors"][0]["message"]


def test_a_waiver_request_forces_paper(api):
    assert errors(file(api, fee={"payment": "waiver_requested"})) == [
        ("waiver_requires_paper", "fee.payment")
    ]


def test_a_representative_needs_a_g28(policy, rita, time_machine):
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=rita)}")
    response = client.post(
        URL,
        filing_document(
            requestor={"role": "representative", "family_name": "Reyes", "given_name": "Rita"}
        ),
        format="json",
    )
    assert errors(response) == [("representative_g28_required", "requestor.bar_number")]


def test_warnings_are_given_and_the_request_is_filed_anyway(api):
    file(api)
    response = file(api, requested_days=400, expedite={"reason": "Surgery is scheduled."})
    assert response.status_code == 201
    assert [warning["code"] for warning in response.json()["warnings"]] == [
        "long_period",
        "possible_duplicate",
        "expedite_requested",
    ]


def test_staff_cannot_file(policy, olivia):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=olivia)}")
    response = client.post(URL, filing_document(), format="json")
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "permission_denied"


def test_the_schema_documents_the_filing_and_its_refusals():
    schema = (
        APIClient()
        .get(URL.replace("requests", "schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
        .json()
    )
    operation = schema["paths"]["/api/v1/requests"]["post"]
    assert {"201", "401", "403", "422"} <= set(operation["responses"])
    assert "fee_amount_incorrect" in operation["responses"]["422"]["description"]


def test_a_late_reparole_of_a_live_hq_grant_is_filed_with_a_warning(api, sam, olivia):

    receipt = file(api).json()["receipt_number"]
    request = ParoleRequest.objects.get(receipt_number=receipt)
    work.case_assign(request=request, officer=olivia, actor=sam)
    work.case_start_review(request=request, actor=olivia)
    # Sixty days of parole from today: a re-parole now is under the 90-day lead time.
    work.case_decide(
        request=request,
        outcome=Outcome.APPROVE,
        actor=olivia,
        parole_days=60,
        parole_fee_exception="medical_emergency",
    )
    work.arrival_record(request=request, arrived_on=date(2026, 11, 30), actor=None)
    inside = {**filing_document()["beneficiary"], "location": "inside_us", "current_country": "US"}
    response = file(api, kind="reparole", related_receipt_number=receipt, beneficiary=inside)
    assert response.status_code == 201
    assert [warning["code"] for warning in response.json()["warnings"]] == ["reparole_late"]
    reparole = ParoleRequest.objects.get(receipt_number=response.json()["receipt_number"])
    assert reparole.related_request == request
    assert reparole.beneficiary == request.beneficiary
