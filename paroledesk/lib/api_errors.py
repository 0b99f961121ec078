"""Every API error has one shape: {"errors": [{"code", "field", "message"}]}."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from paroledesk.core.codes import ErrorCode


class ApiError(exceptions.APIException):
    """An error with our code, the field it concerns and a sentence for people."""

    def __init__(
        self, *, status_code: int, code: ErrorCode, message: str, field: str | None = None
    ):
        super().__init__(detail=message, code=code)
        self.status_code = status_code
        self.errors = [{"code": code, "field": field, "message": message}]


def error_body(code: ErrorCode, message: str, field: str | None = None) -> dict[str, Any]:
    return {"errors": [{"code": code, "field": field, "message": message}]}


_GENERIC = {
    status.HTTP_400_BAD_REQUEST: (ErrorCode.INVALID, "The request could not be read."),
    status.HTTP_401_UNAUTHORIZED: (
        ErrorCode.NOT_AUTHENTICATED,
        "Sign in or send a valid API token.",
    ),
    status.HTTP_403_FORBIDDEN: (ErrorCode.PERMISSION_DENIED, "You may not do this."),
    status.HTTP_404_NOT_FOUND: (ErrorCode.NOT_FOUND, "Nothing was found at this address."),
    status.HTTP_405_METHOD_NOT_ALLOWED: (
        ErrorCode.METHOD_NOT_ALLOWED,
        "This method is not allowed here.",
    ),
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: (ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send JSON."),
    status.HTTP_429_TOO_MANY_REQUESTS: (
        ErrorCode.TOO_MANY_REQUESTS,
        "Too many tries. Wait and try again.",
    ),
}


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, Any]]:
    if isinstance(detail, dict):
        found: list[dict[str, Any]] = []
        for key, value in detail.items():
            name = "" if key == "non_field_errors" else str(key)
            found.extend(_flatten(value, f"{prefix}.{name}" if prefix and name else prefix or name))
        return found
    if isinstance(detail, list):
        return [item for value in detail for item in _flatten(value, prefix)]
    return [{"code": ErrorCode.INVALID.value, "field": prefix or None, "message": str(detail)}]


def _suspicious(exc: SuspiciousOperation) -> Response:
    """Django's refusals of a body as it reads it, which would otherwise be an HTML 400."""
    if isinstance(exc, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
        body = error_body(
            ErrorCode.REQUEST_TOO_LARGE,
            "The request is larger, or has more fields or files, than any request here "
            "needs. Send less.",
        )
        return Response(body, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    return Response(error_body(*_GENERIC[status.HTTP_400_BAD_REQUEST]), status=400)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ApiError):
        return Response({"errors": exc.errors}, status=exc.status_code)
    if isinstance(exc, SuspiciousOperation):
        return _suspicious(exc)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ParseError):
        # Our JSON parser says why in a sentence (lib.json_body).
        response.data = error_body(ErrorCode.INVALID, str(exc.detail))
        response.status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
        return response
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"errors": _flatten(exc.detail)}
        response.status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
        return response
    code, message = _GENERIC.get(response.status_code, (ErrorCode.ERROR, "The request failed."))
    if isinstance(exc, exceptions.APIException) and response.status_code in {401, 403}:
        message = str(exc.detail)
    response.data = error_body(code, message)
    return response
