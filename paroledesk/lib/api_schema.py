"""Shapes shared by the API's documentation: the error body every 4xx carries."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import serializers

from paroledesk.core.codes import ErrorCode


class ErrorItemSerializer(serializers.Serializer[object]):
    code = serializers.CharField()
    field = serializers.CharField(allow_null=True)
    message = serializers.CharField()


class ErrorSerializer(serializers.Serializer[object]):
    # The metaclass turns this into a field; mypy sees it shadow Serializer.errors.
    errors = ErrorItemSerializer(many=True)  # type: ignore[assignment]


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
