"""Input built to break the API answers a 4xx in the contract's error shape, never a 5xx
or a page (issue 8, finding 4), and the same filing however it is written is one filing
(finding 11)."""

import io
import json

import pytest
from django.test import Client
from rest_framework.test import APIClient

from paroledesk.cases.models import ParoleRequest
from paroledesk.intake.models import FilingDraft
from paroledesk.intake.tests import test_api_file
from paroledesk.intake.tests.test_api_file import URL, file
from paroledesk.intake.tests.test_evidence_samples import pdf_bytes
from paroledesk.testing.fixtures import client_for, filing_document

pytestmark = pytest.mark.django_db
api = test_api_file.api  # alice's API client, on Monday 2026-11-30


def in_contract_shape(response, status: int) -> list[tuple[str, str | None]]:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    errors = response.json()["errors"]
    for error in errors:
        assert set(error) == {"code", "field", "message"}
        assert error["message"].endswith("."), error  # a sentence

    return [(error["code"], error["field"]) for error in errors]


def post_json(api, text: str, **extra):
    return api.generic("POST", URL, text, content_type="application/json", **extra)


def test_json_nested_a_thousand_deep_is_an_invalid_body(api):
    response = post_json(api, "[" * 1000 + "]" * 1000)
    assert in_contract_shape(response, 422) == [("invalid", None)]
    assert "nested" in response.json()["errors"][0]["message"]


def test_a_lone_surrogate_in_a_name_is_an_invalid_field(api):
    document = filing_document()
    document["beneficiary"]["family_name"] = "Haid\ud800ari"
    response = post_json(api, json.dumps(document))
    assert in_contract_shape(response, 422) == [("invalid", "beneficiary.family_name")]
    assert "U+D800" in response.json()["errors"][0]["message"]


def test_a_date_written_in_other_digits_is_an_invalid_field_through_the_api(api):
    beneficiary = {**filing_document()["beneficiary"], "date_of_birth": "①⑨⑧⑧-03-14"}
    response = file(api, beneficiary=beneficiary)
    assert in_contract_shape(response, 422) == [("invalid", "beneficiary.date_of_birth")]


def test_a_ten_megabyte_body_is_refused_as_too_large(api):
    body = json.dumps({**filing_document(), "padding": "x" * (10 * 2**20)})
    response = post_json(api, body)
    assert in_contract_shape(response, 413) == [("request_too_large", None)]


def test_a_body_of_a_hundred_thousand_unknown_keys_gets_a_short_list_of_errors(api):
    document = {**filing_document(), **{f"unknown_{n}": 1 for n in range(100_000)}}
    response = post_json(api, json.dumps(document))
    errors = in_contract_shape(response, 422)
    assert len(errors) == 50
    assert "more problems were found but not listed" in response.json()["errors"][-1]["message"]
    assert len(response.content) < 10_000


def test_a_very_long_unknown_key_is_not_echoed_whole(api):
    response = post_json(api, json.dumps({**filing_document(), "k" * 100_000: 1}))
    ((code, field),) = in_contract_shape(response, 422)
    assert code == "invalid"
    assert field is not None
    assert len(field) < 100
    assert len(response.content) < 1_000


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("get", "/api/v1/no-such-thing", 404, "not_found"),
        ("post", "/api/v1/requests/IOE2704000001/nothing", 404, "not_found"),
        ("get", "/api/v1/requests/", 404, "not_found"),
        ("put", "/api/v1/requests", 405, "method_not_allowed"),
        ("delete", "/api/v1/requests", 405, "method_not_allowed"),
    ],
)
def test_unknown_addresses_and_methods_answer_in_the_contract_shape(
    api, method, path, status, code
):
    assert in_contract_shape(getattr(api, method)(path), status) == [(code, None)]


def test_an_unknown_address_is_a_json_404_signed_in_or_not(db):
    assert in_contract_shape(APIClient().get("/api/v1/nothing/here"), 404) == [("not_found", None)]


def test_a_session_post_without_its_csrf_token_is_refused_in_the_contract_shape(policy, alice):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    response = browser.post(URL, json.dumps(filing_document()), content_type="application/json")
    assert in_contract_shape(response, 403) == [("permission_denied", None)]
    assert not ParoleRequest.objects.exists()


BOUNDARY = "pd-boundary"
FORM = f"multipart/form-data; boundary={BOUNDARY}"


def form_body(content: bytes, name: str = "letter.pdf") -> bytes:
    """A multipart form with kind and file, written by hand (the test client cuts names)."""
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nmedical\r\n'
        f"--{BOUNDARY}\r\nContent-Disposition: form-data; "
        f'name="file"; filename="{name}"\r\nContent-Type: application/pdf\r\n\r\n'
    )
    return head.encode() + content + f"\r\n--{BOUNDARY}--\r\n".encode()


def chunked_upload(client, receipt: str, content: bytes):
    """A multipart upload sent in chunks, as gunicorn hands it on: no Content-Length."""
    return client.generic(
        "POST",
        f"/api/v1/requests/{receipt}/documents",
        "",
        content_type=FORM,
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": io.BytesIO(form_body(content))},
    )


def test_a_thirty_megabyte_chunked_upload_is_refused_as_too_large(filed, alice, storage):
    content = pdf_bytes() + b"\n" * (30 * 2**20)
    response = chunked_upload(client_for(alice), filed.receipt_number, content)
    assert in_contract_shape(response, 422) == [("file_too_large", "file")]
    assert not filed.documents.exists()


def test_a_small_chunked_upload_is_read_and_stored(filed, alice, storage):
    response = chunked_upload(client_for(alice), filed.receipt_number, pdf_bytes())
    assert response.status_code == 201, response.content
    assert filed.documents.count() == 1


def test_a_five_thousand_character_file_name_is_said_to_be_too_long(filed, alice, storage):
    response = client_for(alice).generic(
        "POST",
        f"/api/v1/requests/{filed.receipt_number}/documents",
        form_body(pdf_bytes(), name="n" * 5000 + ".pdf"),  # type: ignore[arg-type]  # bytes do
        content_type=FORM,
    )
    assert in_contract_shape(response, 422) == [("invalid", "file")]
    assert "name is too long" in response.json()["errors"][0]["message"]


def test_the_same_filing_written_another_way_with_the_same_key_is_the_same_filing(api):
    document = filing_document()
    first = post_json(api, json.dumps(document), HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == 201, first.content
    reordered = dict(reversed(list(document.items())))
    again = post_json(
        api, json.dumps(reordered, indent=4, ensure_ascii=True), HTTP_IDEMPOTENCY_KEY="k-1"
    )
    assert again.status_code == 201, again.content
    assert again.json() == first.json()
    assert ParoleRequest.objects.count() == 1


@pytest.mark.parametrize(
    "year",
    ["²⁰⁰⁰", "①⑨⑥⑥", "1" * 5000, "19\u200b88"],
    ids=["superscript", "circled", "long", "zwsp"],
)
def test_the_wizards_date_fields_take_any_digits_without_failing(client, year):
    client.post("/requests/new/")
    draft = FilingDraft.objects.latest("id")
    client.post(f"/requests/drafts/{draft.pk}/kind/", {"kind": "initial"})
    answers = {
        "given_name": "Farid",
        "family_name": "Haidari",
        "country_of_birth": "AF",
        "country_of_citizenship": "AF",
        "date_of_birth_month": "3",
        "date_of_birth_day": "①④",
        "date_of_birth_year": year,
    }
    response = client.post(f"/requests/drafts/{draft.pk}/beneficiary/", answers)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "four digits" in str(response.context["form"].errors["date_of_birth"])
    else:
        draft.refresh_from_db()
        assert draft.data["beneficiary"]["date_of_birth"][:4] in ("2000", "1966")


def test_a_five_thousand_character_file_name_on_the_page_gets_a_page_that_says_what_to_do(
    filed, alice, storage
):
    browser = Client()
    browser.force_login(alice)
    response = browser.generic(
        "POST",
        f"/requests/{filed.receipt_number}/evidence/",
        form_body(pdf_bytes(), name="n" * 5000 + ".pdf"),
        content_type=FORM,
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "We could not read what was sent" in page
    assert "rename the file" in page
    assert not filed.documents.exists()
