"""Reading uploaded files: in memory only, and never more than the limit.

Django's default upload handlers write a file larger than
FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file, in plaintext. Evidence holds
medical records and passports and is stored only encrypted, so every view that
takes files reads them with ``CappedUpload`` instead: the API through its
``initialize_request``, pages through ``in_memory_uploads``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.datastructures import MultiValueDict
from django.views.decorators.csrf import csrf_exempt, csrf_protect

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
TOO_LARGE = "The file is larger than 20 MB. Send a smaller file, or split it in parts."
# Room in a multipart body for the boundaries, part headers and the other fields.
FORM_OVERHEAD = 64 * 1024

View = Callable[..., HttpResponse]


class CappedUpload(FileUploadHandler):
    """Keeps uploaded files in memory, at most MAX_UPLOAD_BYTES for all together.

    A file past the limit is dropped as it arrives (``too_large`` says so) and
    the rest of the body is still read, with its other fields. Unless
    ``read_through``, a body whose Content-Length is far over the limit is not
    read at all. A page needs ``read_through``: its CSRF token comes in the
    body, and a browser sends the whole body before it reads any answer.
    """

    def __init__(self, request: HttpRequest | None = None, *, read_through: bool = False) -> None:
        super().__init__(request)
        self.read_through = read_through
        self.too_large = False
        self._received = 0
        self._buffer = io.BytesIO()

    def handle_raw_input(
        self,
        input_data: Any,
        META: dict[str, Any],  # noqa: N803 - Django's name
        content_length: int,
        boundary: Any,
        encoding: str | None = None,
    ) -> tuple[QueryDict, MultiValueDict[str, Any]] | None:
        if not self.read_through and content_length > MAX_UPLOAD_BYTES + FORM_OVERHEAD:
            self.too_large = True
            return QueryDict(), MultiValueDict()
        return None

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self._buffer = io.BytesIO()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self._received += len(raw_data)
        if self._received > MAX_UPLOAD_BYTES:
            self.too_large = True
            self._buffer = io.BytesIO()
            # The parser reads the rest of this file and drops it, then goes on
            # with the other fields, so the client gets our answer.
            raise SkipFile
        self._buffer.write(raw_data)
        return None

    def file_complete(self, file_size: int) -> InMemoryUploadedFile:
        self._buffer.seek(0)
        return InMemoryUploadedFile(
            file=self._buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )


def in_memory_uploads(view: View) -> View:
    """A page that takes files: they are read by CappedUpload, and the CSRF check still holds.

    Upload handlers must be set before anything reads the body, and the CSRF
    middleware reads it before the view runs. So the view is exempt from the
    middleware's check and makes the same check itself, once the handlers are
    set. The view learns of a dropped file from ``upload_too_large``.
    """
    protected = csrf_protect(view)

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        request.upload_handlers = [CappedUpload(request, read_through=True)]
        return protected(request, *args, **kwargs)

    return csrf_exempt(wrapped)


def upload_too_large(request: HttpRequest) -> bool:
    """Whether a file of this request was dropped for being over the limit."""
    return any(
        isinstance(handler, CappedUpload) and handler.too_large
        for handler in request.upload_handlers
    )


class ChunkedApiBodies:
    """Gives an API request sent in chunks (no Content-Length) the length of what it sent.

    Django reads no body without a Content-Length, so a file uploaded in
    chunks (as gunicorn passes them on) looked like no file at all, and a
    30 MB one was refused as ``invalid`` instead of ``file_too_large``. The
    body is read here, but never more than one byte past what any API request
    may hold; a longer one is cut there, and is then refused for its size by
    whatever reads it (CappedUpload, or the JSON parser) as if its length had
    been announced.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chunked = "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
        if chunked and not request.META.get("CONTENT_LENGTH") and request.path.startswith("/api/"):
            most = max(MAX_UPLOAD_BYTES + FORM_OVERHEAD, settings.DATA_UPLOAD_MAX_MEMORY_SIZE) + 1
            body = _read_at_most(request.META["wsgi.input"], most)
            request.META["CONTENT_LENGTH"] = str(len(body))
            # Where WSGIRequest reads its body from; it was made with a length of 0.
            request._stream = io.BytesIO(body)
        return self.get_response(request)


def _read_at_most(stream: Any, most: int) -> bytes:
    buffer = io.BytesIO()
    while buffer.tell() < most and (chunk := stream.read(min(64 * 1024, most - buffer.tell()))):
        buffer.write(chunk)
    return buffer.getvalue()
