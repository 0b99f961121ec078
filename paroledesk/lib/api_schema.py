"""Shapes shared by the API's documentation: the error body every 4xx carries, and the
parameters and headers that several operations share."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from paroledesk.core.codes import ErrorCode


class ErrorItemSerializer(serializers.Serializer[object]):
    code = serializers.CharField()
    field = serializers.CharField(allow_null=True)
    message = serializers.CharField()


class ErrorSerializer(serializers.Serializer[object]):
    # The metaclass turns this into a field; mypy sees it shadow Serializer.errors.
    errors = ErrorItemSerializer(many=True)  # type: ignore[assignment]


class WindowSerializer(serializers.Serializer[object]):
    """A request's decision window, as every answer that gives one writes it."""

    earliest = serializers.DateField()
    latest = serializers.DateField()


def error_response(description: str, code: ErrorCode, message: str) -> OpenApiResponse:
    return OpenApiResponse(
        response=ErrorSerializer,
        description=description,
        examples=[
            OpenApiExample(
                code.value,
                value={"errors": [{"code": code.value, "field": None, "message": message}]},
            )
        ],
    )


NOT_AUTHENTICATED = error_response(
    "No valid token or session.",
    ErrorCode.NOT_AUTHENTICATED,
    "Sign in or send a valid API token.",
)
NOT_FOUND = error_response(
    "No such request, or not one you may see (the two are not told apart).",
    ErrorCode.NOT_FOUND,
    "Nothing was found at this address.",
)


# -- path parameters and headers every operation on a request shares --------------

# As people type them: any case, with spaces or hyphens between (core.receipt_numbers).
RECEIPT_TYPED = r"^[ -]*(?:[A-Za-z][ -]*){3}(?:[0-9][ -]*){10}$"
# As the server writes them.
RECEIPT = r"^[A-Z]{3}[0-9]{10}$"

RECEIPT_IN_PATH = OpenApiParameter(
    "receipt",
    {"type": "string", "pattern": RECEIPT_TYPED, "example": "IOE2700100042"},
    OpenApiParameter.PATH,
    required=True,
    description="The receipt number, like IOE2700100042 (any case; spaces and hyphens "
    "are ignored). Anything else is answered as a request that does not exist.",
)


def id_in_path(name: str, what: str) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        {"type": "integer", "minimum": 1},
        OpenApiParameter.PATH,
        required=True,
        description=f"The id of the {what}, as the request lists it.",
    )


def response_header(name: str, schema: dict[str, Any], codes: list[int], description: str) -> Any:
    return OpenApiParameter(
        name,
        schema,
        OpenApiParameter.HEADER,
        required=True,
        description=description,
        response=codes,
    )


WWW_AUTHENTICATE = response_header(
    "WWW-Authenticate",
    {"type": "string", "enum": ["Token"]},
    [401],
    "How to authenticate: `Authorization: Token <token>`.",
)
CSRF_OR_FORBIDDEN = error_response(
    "Signed in on the site, but the CSRF token is missing or wrong: send the csrftoken "
    "cookie's value in the X-CSRFToken header (API tokens need none).",
    ErrorCode.PERMISSION_DENIED,
    "CSRF Failed: CSRF cookie not set.",
)
NOT_JSON = error_response(
    "The body is not sent as application/json.",
    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    "Send JSON.",
)
