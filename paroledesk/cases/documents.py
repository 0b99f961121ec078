"""A request's documents: checked by their content, sealed with AES-GCM, stored under random names.

The bytes in storage are an envelope (paroledesk.core.crypto) sealed with the
file sub-key and bound to the document's id, so a file swapped for another
document's does not open. See docs/security.md. Evidence filed with a request
and answers to a request for evidence are both stored here.
"""

from __future__ import annotations

import hashlib
import logging
import secrets

from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import transaction

from paroledesk.accounts.models import User
from paroledesk.audit.services import event_record
from paroledesk.cases.models import EvidenceDocument, EvidenceKind, ParoleRequest
from paroledesk.cases.signals import document_added
from paroledesk.core.codes import ErrorCode, EventAction
from paroledesk.lib.fields import data_keyring
from paroledesk.lib.files import UploadRefused, clean_name, detect_type
from paroledesk.lib.images import without_metadata
from paroledesk.lib.uploads import MAX_UPLOAD_BYTES, TOO_LARGE

log = logging.getLogger(__name__)


def _context(document: EvidenceDocument) -> bytes:
    return f"document:{document.pk}".encode()


def document_upload(
    *, request: ParoleRequest, uploaded_file: File[bytes], kind: EvidenceKind | str, actor: User
) -> EvidenceDocument:
    """Add an uploaded file (the API's or a page's) to a request; see document_add.

    Reads no more than the limit allows, whatever size the upload claims.
    """
    if uploaded_file.size is not None and uploaded_file.size > MAX_UPLOAD_BYTES:
        raise UploadRefused(ErrorCode.FILE_TOO_LARGE, TOO_LARGE)
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

    Photos are stored without their metadata (lib.images); size and SHA-256 are
    those of the bytes stored.

    Raises UploadRefused for a file that is not accepted. Runs its own
    transaction (durable: it cannot be rolled back by a caller after the file
    is kept), and deletes the file again if anything after writing it fails.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRefused(ErrorCode.FILE_TOO_LARGE, TOO_LARGE)
    content_type = detect_type(data)
    # A photo's GPS position and the like are not kept, nor anything after its end.
    data = without_metadata(data, content_type)
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
                subject=request,
                actor=actor,
                action=EventAction.DOCUMENT_ADDED,
                # No file name: names often say what a file is about, and events are kept forever.
                data={
                    "document": document.pk,
                    "kind": kind.value,
                    "content_type": content_type,
                    "size_bytes": len(data),
                },
            )
            document_added.send(
                sender=EvidenceDocument, request=request, document=document, actor=actor
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
