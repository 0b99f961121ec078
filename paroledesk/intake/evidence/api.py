"""Evidence documents of a request: upload (its parties) and download (parties and staff)."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, HttpRequest
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ParseError, UnsupportedMediaType
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from paroledesk.accounts.models import User
from paroledesk.cases.documents import document_content, document_upload
from paroledesk.cases.models import EvidenceDocument, EvidenceKind
from paroledesk.cases.selectors import RequestNotFound, request_for_user
from paroledesk.core.codes import ErrorCode
from paroledesk.lib.api_downloads import (
    DISPOSITION_IN_QUERY,
    INLINE,
    FileDownloadView,
    download_headers,
    show_inline,
    wants_inline,
)
from paroledesk.lib.api_errors import ApiError
from paroledesk.lib.api_schema import (
    CSRF_OR_FORBIDDEN,
    NOT_AUTHENTICATED,
    NOT_FOUND,
    RECEIPT_IN_PATH,
    WWW_AUTHENTICATE,
    ErrorSerializer,
    id_in_path,
    response_header,
)
from paroledesk.lib.files import EXTENSIONS, UNSUPPORTED, UploadRefused
from paroledesk.lib.uploads import TOO_LARGE, CappedUpload

KINDS = [kind.value for kind in EvidenceKind]
# What lib.files lets in, judged by content: a download is sent as one of these.
STORED_TYPES = list(EXTENSIONS)
_ATTACH = "Attach the file to add, in the form field named file."
_CHOOSE_KIND = f"Choose the kind of evidence: one of {', '.join(KINDS)}."
_NOT_MULTIPART = "Send the file as multipart/form-data, with the fields file and kind."
# Django refuses a form part whose headers pass 1 KB with this message; in practice it is
# a file name of hundreds of characters, and that is what the person must change.
_LONG_PART_HEADERS = "header size exceeded"
_NAME_TOO_LONG = (
    "The file's name is too long to read (a form part's headers may hold at most 1 KB). "
    "Rename the file with a shorter name and send it again."
)


class UploadSerializer(serializers.Serializer[object]):
    file = serializers.FileField(help_text="PDF, JPEG or PNG, judged by content; 20 MB at most.")
    kind = serializers.ChoiceField(choices=KINDS)


class DocumentSerializer(serializers.Serializer[object]):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=KINDS)
    content_type = serializers.ChoiceField(choices=STORED_TYPES)
    size_bytes = serializers.IntegerField()
    uploaded_at = serializers.DateTimeField()


def _example(code: ErrorCode, field: str, message: str) -> OpenApiExample:
    return OpenApiExample(
        code, value={"errors": [{"code": code, "field": field, "message": message}]}
    )


REFUSED_FILE = OpenApiResponse(
    response=ErrorSerializer,
    description="The file or kind is not accepted; nothing was stored.",
    examples=[
        _example(ErrorCode.UNSUPPORTED_FILE_TYPE, "file", UNSUPPORTED),
        _example(ErrorCode.FILE_TOO_LARGE, "file", TOO_LARGE),
        _example(ErrorCode.INVALID, "kind", _CHOOSE_KIND),
    ],
)


class _Invalid(ApiError):
    """Every part of the form that is missing or wrong, each named."""

    def __init__(self, errors: list[dict[str, str | None]]) -> None:
        super().__init__(
            status_code=422, code=ErrorCode.INVALID, message="The form is not complete."
        )
        self.errors = errors


class DocumentUploadView(APIView):
    parser_classes = [MultiPartParser]

    def initialize_request(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Request:
        # Set before anything reads the body (a session's CSRF check does, in authentication).
        # Files stay in memory: Django's default handlers would spill large ones to a
        # plaintext temporary file.
        self.upload = CappedUpload(request)
        request.upload_handlers = [self.upload]
        return super().initialize_request(request, *args, **kwargs)

    def _parts(self, request: Request) -> tuple[EvidenceKind, UploadedFile[bytes]]:
        try:
            form, upload = request.data, request.FILES.get("file")
        except (ParseError, UnsupportedMediaType) as unread:
            long_name = _LONG_PART_HEADERS in str(unread.detail)
            raise ApiError(
                status_code=422,
                code=ErrorCode.INVALID,
                field="file",
                message=_NAME_TOO_LONG if long_name else _NOT_MULTIPART,
            ) from None
        if self.upload.too_large:
            raise ApiError(
                status_code=422, code=ErrorCode.FILE_TOO_LARGE, field="file", message=TOO_LARGE
            )
        kind = form.get("kind") if isinstance(form, dict) else None
        errors: list[dict[str, str | None]] = []
        if upload is None:
            errors.append({"code": ErrorCode.INVALID.value, "field": "file", "message": _ATTACH})
        if not isinstance(kind, str) or kind not in KINDS:
            errors.append(
                {"code": ErrorCode.INVALID.value, "field": "kind", "message": _CHOOSE_KIND}
            )
        if errors or upload is None or not isinstance(kind, str):
            raise _Invalid(errors)
        return EvidenceKind(kind), upload

    @extend_schema(
        operation_id="document_add",
        summary="Add an evidence document to a request (its parties)",
        description="multipart/form-data with `file` and `kind`. PDF, JPEG or PNG only, "
        "judged by the content (not the name or the type sent); 20 MB at most. "
        "Stored encrypted.",
        parameters=[RECEIPT_IN_PATH, WWW_AUTHENTICATE],
        request={"multipart/form-data": UploadSerializer},
        responses={
            201: DocumentSerializer,
            401: NOT_AUTHENTICATED,
            403: CSRF_OR_FORBIDDEN,
            404: NOT_FOUND,
            422: REFUSED_FILE,
        },
    )
    def post(self, request: Request, receipt: str) -> Response:
        user = request.user
        assert isinstance(user, User)
        # Staff may read evidence but not add it; they get the answer a stranger gets.
        if not user.is_party_role:
            raise NotFound
        try:
            found = request_for_user(receipt_number=receipt, user=user, via="api")
        except RequestNotFound:
            raise NotFound from None
        kind, upload = self._parts(request)
        try:
            document = document_upload(request=found, uploaded_file=upload, kind=kind, actor=user)
        except UploadRefused as refused:
            raise ApiError(
                status_code=422, code=refused.code, field="file", message=refused.message
            ) from None
        body = {
            "id": document.pk,
            "kind": document.kind,
            "content_type": document.content_type,
            "size_bytes": document.size_bytes,
            "uploaded_at": document.uploaded_at,
        }
        return Response(DocumentSerializer(body).data, status=201)


_STORED_FILE = OpenApiResponse(
    OpenApiTypes.BINARY,
    description="The file as uploaded, sent as the type its content was found to be.",
)


class DocumentDownloadView(FileDownloadView):
    @extend_schema(
        operation_id="document_read",
        summary="Download an evidence document, or show it in a page (its parties and "
        "assigned staff)",
        parameters=[
            RECEIPT_IN_PATH,
            id_in_path("document_id", "evidence document"),
            DISPOSITION_IN_QUERY,
            *download_headers("attachment", INLINE),
            response_header(
                "X-Content-Type-Options",
                {"type": "string", "enum": ["nosniff"]},
                [200],
                "No browser may take the file for another type.",
            ),
            WWW_AUTHENTICATE,
        ],
        responses={
            **{(200, content_type): _STORED_FILE for content_type in STORED_TYPES},
            401: NOT_AUTHENTICATED,
            404: NOT_FOUND,
        },
    )
    def get(self, request: Request, receipt: str, document_id: int) -> FileResponse:
        user = request.user
        assert isinstance(user, User)
        try:
            found = request_for_user(
                receipt_number=receipt, user=user, via="document", item=f"document {document_id}"
            )
        except RequestNotFound:
            raise NotFound from None
        document = EvidenceDocument.objects.filter(request=found, pk=document_id).first()
        if document is None:
            raise NotFound
        inline = wants_inline(request, document.content_type)
        response = FileResponse(
            io.BytesIO(document_content(document)),
            as_attachment=not inline,
            filename=document.original_name,
            content_type=document.content_type,
        )
        response.block_size = 64 * 1024
        if inline:
            show_inline(response)
        # Personal records: no cache may keep a copy, and no browser may guess another type.
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
