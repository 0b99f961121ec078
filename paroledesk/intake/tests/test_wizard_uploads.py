"""Evidence uploads from the wizard's page: kept in memory (never in a plaintext temporary
file), at most 20 MB, and still checked against cross-site request forgery."""

from __future__ import annotations

import io
import os

import pytest
from django.conf import settings
from django.core.files import uploadedfile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from rest_framework.test import APIClient

from paroledesk.accounts.services import token_issue
from paroledesk.cases import documents
from paroledesk.cases.models import EvidenceDocument
from paroledesk.intake.evidence import api as evidence_api
from paroledesk.intake.evidence import views as evidence_views
from paroledesk.intake.tests.test_evidence_samples import (
    pdf_bytes,
    stored_files,
)
from paroledesk.intake.tests.test_wizard import errors_on
from paroledesk.lib.uploads import MAX_UPLOAD_BYTES, TOO_LARGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def spills(monkeypatch) -> list[str]:
    """The names of every file Django would have written to a temporary file on disk."""
    made: list[str] = []
    original = uploadedfile.TemporaryUploadedFile.__init__

    def record(self, name, *args, **kwargs):
        made.append(name)
        original(self, name, *args, **kwargs)

    monkeypatch.setattr(uploadedfile.TemporaryUploadedFile, "__init__", record)
    return made


@pytest.fixture
def received(monkeypatch) -> list[type]:
    """The class of each file the evidence service is given."""
    seen: list[type] = []
    original = documents.document_upload

    def spy(**kwargs):
        seen.append(type(kwargs["uploaded_file"]))
        return original(**kwargs)

    monkeypatch.setattr(evidence_views, "document_upload", spy)
    monkeypatch.setattr(evidence_api, "document_upload", spy)
    return seen


def big_png() -> bytes:
    """A real PNG over Django's in-memory limit: noise does not compress."""
    width, height = 1100, 1000
    out = io.BytesIO()
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(out, "PNG")
    data = out.getvalue()
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE < len(data) < MAX_UPLOAD_BYTES
    return data


def page_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_file_over_django_s_memory_limit_is_never_written_to_a_temporary_file(
    filed, alice, storage, spills, received
):
    data = big_png()
    url = f"/requests/{filed.receipt_number}/evidence/"
    photo = SimpleUploadedFile("passport.png", data, content_type="image/png")
    response = page_for(alice).post(url, {"kind": "passport", "file": photo})

    assert response["Location"] == url
    assert spills == []
    assert received == [uploadedfile.InMemoryUploadedFile]
    document = EvidenceDocument.objects.get()
    assert (document.content_type, document.size_bytes) == ("image/png", len(data))
    (on_disk,) = stored_files(storage)
    assert data[:1024] not in on_disk.read_bytes()  # what is written is sealed


def test_the_api_keeps_a_large_file_in_memory_too(filed, alice, storage, spills):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=alice)}")
    body = {"kind": "passport", "file": SimpleUploadedFile("p.png", big_png(), "image/png")}
    response = client.post(f"/api/v1/requests/{filed.receipt_number}/documents", body)
    assert response.status_code == 201, response.content
    assert spills == []


def test_a_file_over_20_mb_is_refused_by_the_field_it_was_sent_in(filed, alice, storage, spills):
    content = pdf_bytes() + bytes(MAX_UPLOAD_BYTES + 1 - len(pdf_bytes()))
    url = f"/requests/{filed.receipt_number}/evidence/"
    big = SimpleUploadedFile("scan.pdf", content, content_type="application/pdf")
    response = page_for(alice).post(url, {"kind": "medical", "file": big})

    assert errors_on(response) == {"file": [TOO_LARGE]}
    page = response.content.decode()
    assert "The file was not added" in page
    assert '<a class="usa-link" href="#id_file">' in page
    assert 'id="id_file-error"' in page
    assert spills == []
    assert stored_files(storage) == []
    assert not EvidenceDocument.objects.exists()


def test_the_upload_page_still_refuses_a_post_without_its_csrf_token(filed, alice, storage):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    url = f"/requests/{filed.receipt_number}/evidence/"
    client.get(url)
    token = client.cookies[settings.CSRF_COOKIE_NAME].value

    pdf = SimpleUploadedFile("letter.pdf", pdf_bytes(), content_type="application/pdf")
    assert client.post(url, {"kind": "medical", "file": pdf}).status_code == 403
    assert not EvidenceDocument.objects.exists()

    # With the token, even a file dropped for its size gets the form back with the reason.
    content = bytes(MAX_UPLOAD_BYTES + 1)
    big = SimpleUploadedFile("scan.pdf", content, content_type="application/pdf")
    refused = client.post(url, {"csrfmiddlewaretoken": token, "kind": "medical", "file": big})
    assert errors_on(refused) == {"file": [TOO_LARGE]}
    pdf.seek(0)
    added = client.post(url, {"csrfmiddlewaretoken": token, "kind": "medical", "file": pdf})
    assert added["Location"] == url
    assert EvidenceDocument.objects.count() == 1
