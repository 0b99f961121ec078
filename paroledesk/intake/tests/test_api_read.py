import pytest
from rest_framework.test import APIClient

from paroledesk.adjudication import services as work
from paroledesk.audit.models import View
from paroledesk.testing.fixtures import client_for

pytestmark = pytest.mark.django_db


def test_the_requestor_reads_her_request_with_its_window_history_and_notices(filed, alice):
    response = client_for(alice).get(f"/api/v1/requests/{filed.receipt_number}")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "received"
    assert body["decision_window"] == {"earliest": "2027-04-09", "latest": "2027-05-21"}
    assert [entry["status"] for entry in body["history"]] == ["received"]
    (notice,) = body["notices"]
    assert notice["kind"] == "receipt"
    assert notice["url"] == f"/api/v1/requests/{filed.receipt_number}/notices/{notice['id']}.pdf"


def test_another_requestor_gets_the_same_404_as_for_a_request_that_does_not_exist(filed, rita):
    client = client_for(rita)
    hidden = client.get(f"/api/v1/requests/{filed.receipt_number}")
    missing = client.get("/api/v1/requests/IOE2704099999")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content
    assert hidden.json()["errors"][0]["code"] == "not_found"


def test_no_token_is_a_401_in_the_error_shape(filed):
    response = APIClient().get(f"/api/v1/requests/{filed.receipt_number}")
    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "not_authenticated"


def test_a_wrong_token_is_refused(filed):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = client.get(f"/api/v1/requests/{filed.receipt_number}")
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "The token is not valid."


def test_an_officer_sees_only_what_she_is_assigned_and_each_view_is_logged(filed, olivia, sam):
    client = client_for(olivia)
    url = f"/api/v1/requests/{filed.receipt_number}"
    assert client.get(url).status_code == 404
    work.case_assign(request=filed, officer=olivia, actor=sam)
    assert client.get(url).status_code == 200
    assert list(View.objects.values_list("viewer__username", "via")) == [("olivia", "api")]


def test_the_receipt_notice_downloads_as_a_pdf(filed, alice):
    client = client_for(alice)
    notice = client.get(f"/api/v1/requests/{filed.receipt_number}").json()["notices"][0]
    response = client.get(notice["url"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_the_schema_documents_the_request_endpoint_and_its_404():
    response = APIClient().get("/api/v1/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    operation = schema["paths"]["/api/v1/requests/{receipt}"]["get"]
    assert {"200", "401", "404"} <= set(operation["responses"])
