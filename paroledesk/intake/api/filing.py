"""POST /api/v1/requests: file a request, at most once per Idempotency-Key."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from paroledesk.accounts.models import User
from paroledesk.cases.clock import decision_window_on_receipt
from paroledesk.core.codes import ErrorCode, FilingSource
from paroledesk.core.json_text import fingerprint
from paroledesk.intake.api.schema import (
    EXAMPLE,
    FILED,
    FILING_DOCUMENT,
    FORBIDDEN,
    IDEMPOTENCY_KEY,
    REFUSED,
)
from paroledesk.intake.models import IdempotencyKey
from paroledesk.intake.services import Filed, FilingRefused, request_file
from paroledesk.lib.api_errors import ApiError, error_body
from paroledesk.lib.api_schema import NOT_AUTHENTICATED, NOT_JSON, WWW_AUTHENTICATE

KEY_HEADER = "Idempotency-Key"


def filed_body(filed: Filed) -> dict[str, Any]:
    request = filed.request
    earliest, latest = decision_window_on_receipt(request.received_on)
    return {
        "receipt_number": request.receipt_number,
        "status": request.status,
        "received_on": request.received_on.isoformat(),
        "decision_window": {"earliest": earliest.isoformat(), "latest": latest.isoformat()},
        "filing_fee_usd": filed.filing_fee_usd,
        "warnings": [warning.as_dict() for warning in filed.warnings],
    }


def _key(request: Request) -> str | None:
    key = request.headers.get(KEY_HEADER)
    if key is None:
        return None
    if not key.strip() or len(key) > 255 or not key.isprintable():
        raise ApiError(
            status_code=422,
            code=ErrorCode.INVALID,
            field=KEY_HEADER,
            message="The Idempotency-Key must be 1 to 255 printable characters.",
        )
    return key


def _replay(owner: User, key: str, document_sha256: str) -> Response | None:
    first = IdempotencyKey.objects.filter(owner=owner, key=key).first()
    if first is None:
        return None
    if first.body_sha256 != document_sha256:
        raise ApiError(
            status_code=422,
            code=ErrorCode.INVALID,
            field=KEY_HEADER,
            message="This Idempotency-Key was already used for a different filing.",
        )
    return Response(first.response, status=first.status_code)


class RequestFileView(APIView):
    @extend_schema(
        operation_id="request_file",
        summary="File a request for humanitarian parole",
        description="The filing document of the contract. Sending the same Idempotency-Key "
        "again returns the first answer and files nothing new.",
        request={"application/json": FILING_DOCUMENT},
        parameters=[
            OpenApiParameter(
                KEY_HEADER,
                IDEMPOTENCY_KEY,
                OpenApiParameter.HEADER,
                description="Any unique string chosen by the client: 1 to 255 printable "
                "characters, not all spaces.",
            ),
            WWW_AUTHENTICATE,
        ],
        responses={
            201: FILED,
            401: NOT_AUTHENTICATED,
            403: FORBIDDEN,
            415: NOT_JSON,
            422: REFUSED,
        },
        examples=[EXAMPLE],
    )
    def post(self, request: Request) -> Response:
        user = request.user
        assert isinstance(user, User)
        if not user.is_party_role:
            raise ApiError(
                status_code=403,
                code=ErrorCode.PERMISSION_DENIED,
                message="Only requestors and representatives file requests.",
            )
        key = _key(request)
        raw = request.data  # a body that is not JSON is refused here, with why (lib.json_body)
        # The document as parsed, not its bytes: the same filing sent again with other
        # spacing, key order or escapes is the same filing.
        document_sha256 = fingerprint(raw)
        if key and (replayed := _replay(user, key, document_sha256)):
            return replayed
        try:
            with transaction.atomic():
                try:
                    filed = request_file(raw=raw, filed_by=user, source=FilingSource.API)
                    status, body = 201, filed_body(filed)
                except FilingRefused as refused:
                    status = 422
                    body = {"errors": [error.as_dict() for error in refused.errors]}
                if key:
                    IdempotencyKey.objects.create(
                        owner=user,
                        key=key,
                        body_sha256=document_sha256,
                        status_code=status,
                        response=body,
                        request=filed.request if status == 201 else None,
                    )
        except IntegrityError:
            # The same key arrived twice at once: the other one filed; answer as it did.
            if key and (replayed := _replay(user, key, document_sha256)):
                return replayed
            return Response(error_body(ErrorCode.CONFLICT, "Please try again."), status=409)
        return Response(body, status=status)
