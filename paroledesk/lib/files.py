"""Judging uploaded files by their content: PDF, JPEG and PNG only, and names safe to show.

Nothing here knows what a file is for; the case's documents and any other
upload call these before they keep a byte.
"""

from __future__ import annotations

import io
import re
import unicodedata

import magic
from pypdf import PdfReader

from paroledesk.core.codes import ErrorCode

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


class UploadRefused(ValueError):
    """A file that is not accepted; code is the API's error code, message says why."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _check_pdf(data: bytes) -> None:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UploadRefused(
                ErrorCode.UNSUPPORTED_FILE_TYPE,
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
            ErrorCode.UNSUPPORTED_FILE_TYPE,
            "This PDF is damaged and cannot be opened. Save or scan it again and upload it.",
        )


def detect_type(data: bytes) -> str:
    """The content type of data, read from its bytes; UploadRefused unless PDF, JPEG or PNG.

    The file name and the type the client sent are ignored: both are the sender's word.
    """
    if not data:
        raise UploadRefused(ErrorCode.UNSUPPORTED_FILE_TYPE, "The file is empty.")
    detected = magic.from_buffer(data[:_SNIFF_BYTES], mime=True)
    if detected not in EXTENSIONS:
        raise UploadRefused(ErrorCode.UNSUPPORTED_FILE_TYPE, UNSUPPORTED)
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
