"""GET /api/v1/help/search?q=...: the help center's answer, for anyone, no sign-in."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from paroledesk.core.codes import ErrorCode
from paroledesk.helpcenter.library import TOPICS
from paroledesk.helpcenter.selectors import (
    QUESTION_MAX,
    QuestionInvalid,
    help_answer,
    question_clean,
)
from paroledesk.lib.api_errors import ApiError
from paroledesk.lib.api_schema import NOT_AUTHENTICATED, error_response


class HelpResultSerializer(serializers.Serializer[Any]):
    slug = serializers.CharField()
    title = serializers.CharField()
    topics = serializers.ListField(child=serializers.ChoiceField(choices=list(TOPICS)))
    score = serializers.FloatField(help_text="BM25 relevance; higher is better.")
    snippet = serializers.CharField(help_text="The passage of the article nearest the question.")


class HelpAnswerSerializer(serializers.Serializer[Any]):
    query = serializers.CharField(help_text="The question as searched.")
    results = HelpResultSerializer(many=True, help_text="Best first; at most five.")


class HelpSearchView(APIView):
    # Anyone may ask; a token sent along is still checked, as on every operation, so a
    # script with a wrong one learns it here rather than on its next call.
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="help_search",
        summary="Search the help center (anyone)",
        description="Finds the articles that answer a question written in English or "
        "Spanish, in a person's own words; misspellings are tolerated.",
        parameters=[
            OpenApiParameter(
                "q",
                {"type": "string", "minLength": 1, "maxLength": QUESTION_MAX},
                OpenApiParameter.QUERY,
                required=True,
                description="The question, in English or Spanish.",
            )
        ],
        responses={
            200: HelpAnswerSerializer,
            401: NOT_AUTHENTICATED,
            422: error_response(
                "q is missing, empty, too long, or holds a control character.",
                ErrorCode.INVALID,
                "Type a question or a few words to search for.",
            ),
        },
    )
    def get(self, request: Request) -> Response:
        try:
            question = question_clean(request.query_params.get("q"))
        except QuestionInvalid as invalid:
            raise ApiError(
                status_code=422, code=ErrorCode.INVALID, field="q", message=str(invalid)
            ) from None
        return Response(help_answer(question=question))
