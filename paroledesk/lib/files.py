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
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from paroledesk.core.codes import ErrorCode
from paroledesk.core.text import is_hidden

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
# What each type's files begin with. libmagic finds a PDF header anywhere in the first
# kilobyte, so an HTML page followed by a PDF passed as a PDF: the start is checked too.
SIGNATURES = {
    "application/pdf": b"%PDF-",
    "image/jpeg": b"\xff\xd8\xff",
    "image/png": b"\x89PNG\r\n\x1a\n",
}
# What may follow a PDF's last %%EOF: whitespace only (PDF counts NUL and form feed).
_PDF_END = b"%%EOF"
_PDF_WHITESPACE = b" \t\r\n\f\x00"
# Markup a browser would run if it ever took the file for a page.
_MARKUP = re.compile(rb"<\s*(script|html|iframe|svg)\b", re.IGNORECASE)
# Names that make a PDF act rather than show: scripts, launching programs, files inside.
_ACTIVE_KEYS = frozenset({"/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/RichMedia", "/XFA"})
_ACTIVE_VALUES = frozenset({"/JavaScript", "/Launch", "/EmbeddedFile", "/FileAttachment"})
# A PDF of evidence has hundreds of objects; past this many it is refused, not read on.
_PDF_MAX_OBJECTS = 200_000
_PRINT_AGAIN = (
    "Print it to a new PDF (Print, then Save as PDF) or scan it, and upload that instead."
)


class UploadRefused(ValueError):
    """A file that is not accepted; code is the API's error code, message says why."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _refused(message: str) -> UploadRefused:
    return UploadRefused(ErrorCode.UNSUPPORTED_FILE_TYPE, message)


def _active_part(reader: PdfReader) -> bool:
    """Whether any object of the PDF carries a script, a launch action or an embedded file.

    Every object the cross-reference lists is read (those in object streams too,
    where a byte search would not see them); names are compared as pypdf decodes
    them, so "/J#61vaScript" is "/JavaScript".
    """
    numbers = [
        (number, generation) for generation, table in reader.xref.items() for number in table
    ]
    numbers += [(number, 0) for number in reader.xref_objStm]
    if len(numbers) > _PDF_MAX_OBJECTS:
        raise _refused(f"This PDF has more than {_PDF_MAX_OBJECTS:,} parts. {_PRINT_AGAIN}")
    pending: list[object] = [
        reader.get_object(IndirectObject(number, generation, reader))
        for number, generation in numbers
    ]
    seen = 0
    while pending:
        item = pending.pop()
        seen += 1
        if seen > _PDF_MAX_OBJECTS * 10:
            raise _refused(f"This PDF is too complex to check. {_PRINT_AGAIN}")
        if isinstance(item, DictionaryObject):
            if _ACTIVE_KEYS & set(item):
                return True
            for value in item.values():
                if isinstance(value, NameObject) and value in _ACTIVE_VALUES:
                    return True
                pending.append(value)  # an IndirectObject is not followed: it is read above
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    return False


def _check_pdf(data: bytes) -> None:
    end = data.rfind(_PDF_END)
    if end < 0:
        raise _refused(
            "This PDF is damaged or incomplete: it has no end. Save or scan it again and upload it."
        )
    if data[end + len(_PDF_END) :].strip(_PDF_WHITESPACE):
        raise _refused(
            "This PDF has other data after its end, as a file hidden inside it would. "
            + _PRINT_AGAIN
        )
    if _MARKUP.search(data):
        raise _refused(f"This PDF contains web page markup (HTML or a script). {_PRINT_AGAIN}")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _refused(
                "This PDF is protected by a password. Save it without the password and "
                "upload it again."
            )
        pages = len(reader.pages)
        active = pages > 0 and _active_part(reader)
    except UploadRefused:
        raise
    except Exception:  # pypdf raises many kinds of errors on damaged files
        pages, active = 0, False
    if pages < 1:
        raise _refused(
            "This PDF is damaged and cannot be opened. Save or scan it again and upload it."
        )
    if active:
        raise _refused(
            "This PDF contains a script, an action that starts a program, or files inside it, "
            f"which evidence must not carry. {_PRINT_AGAIN}"
        )


def detect_type(data: bytes) -> str:
    """The content type of data, read from its bytes; UploadRefused unless PDF, JPEG or PNG.

    The file name and the type the client sent are ignored: both are the sender's word.
    """
    if not data:
        raise UploadRefused(ErrorCode.UNSUPPORTED_FILE_TYPE, "The file is empty.")
    detected = magic.from_buffer(data[:_SNIFF_BYTES], mime=True)
    if detected not in EXTENSIONS or not data.startswith(SIGNATURES[detected]):
        raise UploadRefused(ErrorCode.UNSUPPORTED_FILE_TYPE, UNSUPPORTED)
    if detected == "application/pdf":
        _check_pdf(data)
    return str(detected)


def clean_name(name: str, content_type: str) -> str:
    """A file name safe to show and to send back: no path, no control characters,
    and an extension that matches what the file really is."""
    base = re.split(r"[\\/]", name)[-1]
    # The characters core.text refuses in typed text, such as the right-to-left override
    # that can make "invoice\u202efdp.exe" display as "invoiceexe.pdf", are dropped here
    # rather than refused: the name came from the filer's disk, not their keyboard.
    base = unicodedata.normalize("NFKC", "".join(char for char in base if not is_hidden(char)))
    base = _UNSAFE_IN_NAMES.sub("_", " ".join(base.split())).strip(" .")
    stem, dot, extension = base.rpartition(".")
    allowed = EXTENSIONS[content_type]
    if not dot or extension.lower() not in allowed:
        stem, extension = base, allowed[0]
    stem = stem[:_MAX_STEM].strip(" .") or "document"
    return f"{stem}.{extension.lower()}"
