"""POST and GET /api/v1/requests/{receipt}/documents: evidence by content, encrypted at rest."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from rest_framework.test import APIClient

from paroledesk.adjudication import services as work
from paroledesk.audit.models import Event, View
from paroledesk.cases.models import EvidenceDocument
from paroledesk.intake.services import request_file
from paroledesk.intake.tests.test_evidence_samples import (
    ELF,
    image_bytes,
    pdf_bytes,
    stored_files,
)
from paroledesk.lib.uploads import MAX_UPLOAD_BYTES
from paroledesk.testing.fixtures import FILED_ON, client_for, filing_document

pytestmark = pytest.mark.django_db


def upload(
    client, receipt, content, *, name="letter.pdf", kind="medical", sent_as="application/pdf"
):
    body = {"kind": kind, "file": SimpleUploadedFile(name, content, content_type=sent_as)}
    return client.post(f"/api/v1/requests/{receipt}/documents", body, format="multipart")


def refusal(response):
    assert response.status_code == 422, response.content
    return [(error["code"], error["field"]) for error in response.json()["errors"]]


def test_a_party_uploads_a_pdf_and_gets_its_description(filed, alice, storage):
    content = pdf_bytes()
    response = upload(client_for(alice), filed.receipt_number, content)
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {"id", "kind", "content_type", "size_bytes", "uploaded_at"}
    assert (body["kind"], body["content_type"], body["size_bytes"]) == (
        "medical",
        "application/pdf",
        len(content),
    )
    document = EvidenceDocument.objects.get(pk=body["id"])
    assert document.request == filed
    assert document.uploaded_by == alice
    assert document.original_name == "letter.pdf"
    event = Event.objects.about(filed).get(action="document_added")
    assert event.actor == alice
    assert event.data == {
        "document": document.pk,
        "kind": "medical",
        "content_type": "application/pdf",
        "size_bytes": len(content),
    }


def test_the_stored_file_is_sealed_and_the_download_is_exactly_what_was_sent(filed, alice, storage):
    content = pdf_bytes()
    client = client_for(alice)
    document_id = upload(client, filed.receipt_number, content).json()["id"]
    (on_disk,) = stored_files(storage)
    sealed = on_disk.read_bytes()
    assert b"%PDF" not in sealed
    assert b"Physician" not in sealed
    assert sealed != content
    assert on_disk.stat().st_mode & 0o777 == 0o600
    with connection.cursor() as cursor:
        cursor.execute("SELECT original_name FROM cases_evidencedocument")
        assert b"letter" not in bytes(cursor.fetchone()[0])

    response = client.get(f"/api/v1/requests/{filed.receipt_number}/documents/{document_id}")
    assert response.status_code == 200
    assert response.getvalue() == content
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="letter.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("format_", "detected"), [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_images_are_accepted_by_their_content_whatever_their_name_and_type_say(
    filed, alice, storage, format_, detected
):
    response = upload(
        client_for(alice), filed.receipt_number, image_bytes(format_), name="passport.pdf"
    )
    assert response.status_code == 201, response.content
    assert response.json()["content_type"] == detected
    # The name keeps what the person wrote, with an extension that tells the truth.
    document = EvidenceDocument.objects.get()
    assert document.original_name == f"passport.pdf.{detected.split('/')[1].replace('jpeg', 'jpg')}"


def test_an_executable_named_pdf_is_refused_and_nothing_is_kept(filed, alice, storage):
    response = upload(client_for(alice), filed.receipt_number, ELF, name="scan.pdf")
    assert refusal(response) == [("unsupported_file_type", "file")]
    assert not EvidenceDocument.objects.exists()
    assert stored_files(storage) == []


def test_a_text_file_named_png_is_refused(filed, alice, storage):
    response = upload(
        client_for(alice),
        filed.receipt_number,
        b"I am not a picture.\n" * 20,
        name="photo.png",
        sent_as="image/png",
    )
    assert refusal(response) == [("unsupported_file_type", "file")]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (pdf_bytes(password="secret"), "password"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthe rest is lost", "damaged"),
    ],
)
def test_a_pdf_that_cannot_be_opened_is_refused(filed, alice, storage, content, says):
    response = upload(client_for(alice), filed.receipt_number, content)
    assert refusal(response) == [("unsupported_file_type", "file")]
    assert says in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("size", [MAX_UPLOAD_BYTES + 1, MAX_UPLOAD_BYTES + 5 * 1024 * 1024])
def test_a_file_over_20_mb_is_refused_as_too_large(filed, alice, storage, size):
    content = pdf_bytes() + bytes(size - len(pdf_bytes()))
    response = upload(client_for(alice), filed.receipt_number, content)
    assert refusal(response) == [("file_too_large", "file")]
    assert "20 MB" in response.json()["errors"][0]["message"]
    assert stored_files(storage) == []


def test_a_missing_file_and_an_unknown_kind_are_each_named(filed, alice, storage):
    response = client_for(alice).post(
        f"/api/v1/requests/{filed.receipt_number}/documents",
        {"kind": "selfie"},
        format="multipart",
    )
    assert refusal(response) == [("invalid", "file"), ("invalid", "kind")]
    assert "passport" in response.json()["errors"][1]["message"]


def test_a_json_body_is_refused_with_a_sentence_saying_what_to_send(filed, alice, storage):
    response = client_for(alice).post(
        f"/api/v1/requests/{filed.receipt_number}/documents", {"kind": "other"}, format="json"
    )
    assert refusal(response) == [("invalid", "file")]
    assert "multipart/form-data" in response.json()["errors"][0]["message"]


def test_a_stranger_and_staff_get_the_same_404_as_for_a_missing_request(
    filed, rita, olivia, sam, storage
):
    work.case_assign(request=filed, officer=olivia, actor=sam)
    missing = upload(client_for(rita), "IOE2704099999", pdf_bytes())
    assert missing.status_code == 404
    for user in (rita, olivia, sam):
        response = upload(client_for(user), filed.receipt_number, pdf_bytes())
        assert response.status_code == 404
        assert response.content == missing.content
    assert not EvidenceDocument.objects.exists()


def test_without_a_token_the_upload_is_a_401(filed, storage):
    assert upload(APIClient(), filed.receipt_number, pdf_bytes()).status_code == 401


def test_assigned_staff_may_download_and_the_view_is_logged_others_get_404(
    filed, alice, rita, olivia, sam, storage
):
    document_id = upload(client_for(alice), filed.receipt_number, pdf_bytes()).json()["id"]
    url = f"/api/v1/requests/{filed.receipt_number}/documents/{document_id}"
    assert client_for(olivia).get(url).status_code == 404
    assert client_for(rita).get(url).status_code == 404
    work.case_assign(request=filed, officer=olivia, actor=sam)
    assert client_for(olivia).get(url).status_code == 200
    assert list(View.objects.values_list("viewer__username", "via")) == [("olivia", "document")]


def test_a_document_is_only_found_under_its_own_request(filed, alice, storage):

    other = request_file(raw=filing_document(), filed_by=alice, today=FILED_ON).request
    document_id = upload(client_for(alice), filed.receipt_number, pdf_bytes()).json()["id"]
    response = client_for(alice).get(
        f"/api/v1/requests/{other.receipt_number}/documents/{document_id}"
    )
    assert response.status_code == 404


def test_the_schema_documents_the_upload_its_form_and_its_refusals():
    schema = (
        APIClient().get("/api/v1/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    )
    path = schema["paths"]["/api/v1/requests/{receipt}/documents"]["post"]
    assert set(path["requestBody"]["content"]) == {"multipart/form-data"}
    assert {"201", "401", "404", "422"} <= set(path["responses"])
    examples = path["responses"]["422"]["content"]["application/json"]["examples"]
    assert {"UnsupportedFileType", "FileTooLarge"} <= set(examples)
    download = schema["paths"]["/api/v1/requests/{receipt}/documents/{document_id}"]["get"]
    assert {"200", "401", "404"} <= set(download["responses"])


def test_a_body_announced_far_over_the_limit_is_refused_without_being_read(filed, alice, storage):
    response = client_for(alice).post(
        f"/api/v1/requests/{filed.receipt_number}/documents",
        data=b"--x\r\n",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(10**9),
    )
    # The test client's body refuses to be read past its five bytes: none were read.
    assert refusal(response) == [("file_too_large", "file")]
