"""The evidence service: all or nothing, files bound to their row, names made safe, rotation."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from paroledesk.cases import documents
from paroledesk.cases.documents import document_add, document_content, document_upload
from paroledesk.cases.models import EvidenceDocument, EvidenceKind
from paroledesk.cli.reseal import data_reseal
from paroledesk.core.crypto import DecryptionError
from paroledesk.intake.tests.test_evidence_samples import (
    image_bytes,
    pdf_bytes,
    stored_files,
)
from paroledesk.lib.files import UploadRefused, clean_name
from paroledesk.lib.uploads import MAX_UPLOAD_BYTES

NEW_KEY = bytes(range(200, 232))


def add(request, actor, content=None, name="letter.pdf"):
    return document_add(
        request=request,
        kind=EvidenceKind.MEDICAL,
        original_name=name,
        data=pdf_bytes() if content is None else content,
        actor=actor,
    )


@pytest.mark.django_db
def test_an_upload_that_fails_after_the_file_is_written_leaves_no_file_and_no_row(
    filed, alice, storage, monkeypatch
):
    def fail(**_):
        raise RuntimeError("the event log is unavailable")

    monkeypatch.setattr(documents, "event_record", fail)
    with pytest.raises(RuntimeError, match="event log"):
        add(filed, alice)
    assert stored_files(storage) == []
    assert not EvidenceDocument.objects.exists()


@pytest.mark.django_db
def test_a_file_swapped_for_another_documents_file_does_not_open(filed, alice, storage):
    first, second = add(filed, alice), add(filed, alice, image_bytes("PNG"), "photo.png")
    first.storage_name, second.storage_name = second.storage_name, first.storage_name
    with pytest.raises(DecryptionError, match="another record"):
        document_content(first)


@pytest.mark.django_db
def test_after_a_key_rotation_files_are_sealed_again_under_the_new_key(
    filed, alice, storage, settings
):
    content = pdf_bytes()
    document = add(filed, alice, content)
    old_name = document.storage_name
    settings.PAROLEDESK_DATA_KEYS = [NEW_KEY, *settings.PAROLEDESK_DATA_KEYS]
    assert data_reseal()["documents"] == 1
    assert data_reseal()["documents"] == 0
    settings.PAROLEDESK_DATA_KEYS = [NEW_KEY]
    document.refresh_from_db()
    assert document.storage_name != old_name
    assert document_content(document) == content
    assert len(stored_files(storage)) == 1


@pytest.mark.django_db
def test_an_upload_claiming_more_than_the_limit_is_refused_before_it_is_read(filed, alice):
    upload = SimpleUploadedFile("big.pdf", b"")
    upload.size = MAX_UPLOAD_BYTES + 1
    with pytest.raises(UploadRefused) as refused:
        document_upload(request=filed, uploaded_file=upload, kind="medical", actor=alice)
    assert refused.value.code == "file_too_large"


@pytest.mark.parametrize(
    ("sent", "content_type", "kept"),
    [
        ("C:\\Users\\sara\\Desktop\\letter.pdf", "application/pdf", "letter.pdf"),
        ("../../etc/passwd", "application/pdf", "passwd.pdf"),
        ("scan.JPEG", "image/jpeg", "scan.jpeg"),
        ("invoice\u202efdp.exe", "application/pdf", "invoicefdp.exe.pdf"),
        ('my "best" photo\n.png', "image/png", "my _best_ photo.png"),
        ("   ", "image/png", "document.png"),
        ("x" * 300 + ".pdf", "application/pdf", "x" * 150 + ".pdf"),
    ],
)
def test_a_file_name_is_kept_without_paths_control_characters_or_a_false_extension(
    sent, content_type, kept
):
    assert clean_name(sent, content_type) == kept
