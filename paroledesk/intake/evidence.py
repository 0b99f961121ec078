"""Evidence files: checked by their content, sealed with AES-GCM, stored under random names.

The bytes in storage are an envelope (paroledesk.core.crypto) sealed with the
file sub-key and bound to the document's id, so a file swapped for another
document's does not open. See docs/security.md.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import secrets
import unicodedata

import magic
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import transaction
from pypdf import PdfReader

from paroledesk.accounts.models import User
from paroledesk.audit.services import event_record
from paroledesk.intake.fields import data_keyring, rows_reseal
from paroledesk.intake.models import (
    Beneficiary,
    EvidenceDocument,
    EvidenceKind,
    FilingDraft,
    ParoleRequest,
)
from paroledesk.intake.uploads import MAX_UPLOAD_BYTES, TOO_LARGE

UNSUPPORTED = "Only PDF, JPEG and PNG files are accepted; this is not one."
# The types accepted, and the file name extensions each may keep.
EXTENSIONS = {
    "application/pdf": ("pdf",),
    "image/jpeg": ("jpg", "jpeg"),
    "image/png": ("png",),
}
# libmagic recognises all three types from their first bytes.
_SNIFF_BYTES = 64 * 1024
_UNSAFE_IN_NAMES = re.compile(r'[<>:"|?*\\/]')
_MAX_STEM = 150

log = logging.getLogger(__name__)


class UploadRefused(ValueError):
    """A file that is not accepted; code is the API's error code, message says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _check_pdf(data: bytes) -> None:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UploadRefused(
                "unsupported_file_type",
                "This PDF is protected by a password. Save it without the password and "
                "upload it again.",
            )
        pages = len(reader.pages)
    except UploadRefused:
        raise
    except Exception:  # pypdf raises many kinds of errors on damaged files
        pages = 0
    if pages < 1:
        raise UploadRefused(
            "unsupported_file_type",
            "This PDF is damaged and cannot be opened. Save or scan it again and upload it.",
        )


def detect_type(data: bytes) -> str:
    """The content type of data, read from its bytes; UploadRefused unless PDF, JPEG or PNG.

    The file name and the type the client sent are ignored: both are the sender's word.
    """
    if not data:
        raise UploadRefused("unsupported_file_type", "The file is empty.")
    detected = magic.from_buffer(data[:_SNIFF_BYTES], mime=True)
    if detected not in EXTENSIONS:
        raise UploadRefused("unsupported_file_type", UNSUPPORTED)
    if detected == "application/pdf":
        _check_pdf(data)
    return str(detected)


def clean_name(name: str, content_type: str) -> str:
    """A file name safe to show and to send back: no path, no control characters,
    and an extension that matches what the file really is."""
    base = re.split(r"[\\/]", name)[-1]
    # Category C covers control and format characters, such as the right-to-left
    # override that can make "invoice\u202efdp.exe" display as "invoiceexe.pdf".
    base = "".join(
        char for char in unicodedata.normalize("NFC", base) if unicodedata.category(char)[0] != "C"
    )
    base = _UNSAFE_IN_NAMES.sub("_", " ".join(base.split())).strip(" .")
    stem, dot, extension = base.rpartition(".")
    allowed = EXTENSIONS[content_type]
    if not dot or extension.lower() not in allowed:
        stem, extension = base, allowed[0]
    stem = stem[:_MAX_STEM].strip(" .") or "document"
    return f"{stem}.{extension.lower()}"


def _context(document: EvidenceDocument) -> bytes:
    return f"document:{document.pk}".encode()


def evidence_add(
    *, request: ParoleRequest, uploaded_file: File[bytes], kind: EvidenceKind | str, actor: User
) -> EvidenceDocument:
    """Add an uploaded file (the API's or a page's) to a request; see document_add.

    Reads no more than the limit allows, whatever size the upload claims.
    """
    if uploaded_file.size is not None and uploaded_file.size > MAX_UPLOAD_BYTES:
        raise UploadRefused("file_too_large", TOO_LARGE)
    uploaded_file.seek(0)
    data = uploaded_file.read(MAX_UPLOAD_BYTES + 1)
    return document_add(
        request=request,
        kind=EvidenceKind(kind),
        original_name=uploaded_file.name or "",
        data=data,
        actor=actor,
    )


def document_add(
    *, request: ParoleRequest, kind: EvidenceKind, original_name: str, data: bytes, actor: User
) -> EvidenceDocument:
    """Check, seal and store one file, with its row and its event, all or nothing.

    Raises UploadRefused for a file that is not accepted. Runs its own
    transaction (durable: it cannot be rolled back by a caller after the file
    is kept), and deletes the file again if anything after writing it fails.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRefused("file_too_large", TOO_LARGE)
    content_type = detect_type(data)
    # Random, and nothing in it says whose file it is.
    stored = f"evidence/{secrets.token_hex(16)}"
    try:
        with transaction.atomic(durable=True):
            document = EvidenceDocument.objects.create(
                request=request,
                kind=kind.value,
                original_name=clean_name(original_name, content_type),
                content_type=content_type,
                size_bytes=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                storage_name=stored,
                uploaded_by=actor,
            )
            sealed = data_keyring().seal(data, use="files", context=_context(document))
            written = default_storage.save(stored, ContentFile(sealed))
            if written != stored:
                stored = document.storage_name = written
                document.save(update_fields=["storage_name"])
            event_record(
                request=request,
                actor=actor,
                action="document_added",
                # No file name: names often say what a file is about, and events are kept forever.
                data={
                    "document": document.pk,
                    "kind": kind.value,
                    "content_type": content_type,
                    "size_bytes": len(data),
                },
            )
    except BaseException:
        _delete_quietly(stored)
        raise
    return document


def _delete_quietly(name: str) -> None:
    # Deleting a name never written is no error; a failure to delete must not hide
    # the error that brought us here, but it must be seen.
    try:
        default_storage.delete(name)
    except OSError:
        log.exception("Could not delete the evidence file %s after a failed upload.", name)


def document_content(document: EvidenceDocument) -> bytes:
    """The plaintext of a stored document; DecryptionError if it was altered or swapped."""
    with default_storage.open(document.storage_name, "rb") as handle:
        sealed = handle.read()
    return data_keyring().open(sealed, use="files", context=_context(document))


def document_reseal(document: EvidenceDocument) -> bool:
    """Seal a document again under the current key, after a key rotation.

    Writes the new file before the row points to it and deletes the old one
    after, so a failure at any point leaves a document that still opens.
    Returns whether anything had to be done.
    """
    with default_storage.open(document.storage_name, "rb") as handle:
        sealed = handle.read()
    keyring = data_keyring()
    if keyring.is_current(sealed, use="files"):
        return False
    plaintext = keyring.open(sealed, use="files", context=_context(document))
    old = document.storage_name
    new = default_storage.save(
        f"evidence/{secrets.token_hex(16)}",
        ContentFile(keyring.seal(plaintext, use="files", context=_context(document))),
    )
    try:
        document.storage_name = new
        document.save(update_fields=["storage_name"])
    except BaseException:
        document.storage_name = old
        _delete_quietly(new)
        raise
    _delete_quietly(old)
    return True


def data_reseal() -> dict[str, int]:
    """Seal everything encrypted at rest again under the current key (docs/security.md).

    Safe to stop and run again: each row and file is done on its own, and what
    is already under the current key is left as it is (rows are simply saved).
    """
    return {
        "beneficiaries": rows_reseal(Beneficiary.objects.all()),
        "drafts": rows_reseal(FilingDraft.objects.all()),
        "document_names": rows_reseal(EvidenceDocument.objects.all()),
        "documents": sum(
            document_reseal(document) for document in EvidenceDocument.objects.iterator()
        ),
    }
