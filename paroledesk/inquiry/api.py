"""The status inquiry's API.

POST /api/v1/status-inquiries                              anyone, no sign-in
POST /api/v1/cases/{receipt}/inquiries/{id}/answer         the assigned officer, supervisors
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from paroledesk.accounts.models import User
from paroledesk.cases.selectors import RequestNotFound, case_for_step
from paroledesk.core.codes import ErrorCode
from paroledesk.core.lifecycle import Status
from paroledesk.inquiry.models import Inquiry
from paroledesk.inquiry.next_steps import next_steps
from paroledesk.inquiry.reading import (
    EXPLANATION_LENGTH,
    FAMILY_NAME_LENGTH,
    Identity,
    fields_read,
)
from paroledesk.inquiry.selectors import StatusAnswer
from paroledesk.inquiry.services import (
    ANSWER_LENGTH,
    GUESSES,
    InquiryRefused,
    TooManyTries,
    inquiry_answer,
    not_matched_message,
    status_inquire,
    too_many_tries_message,
)
from paroledesk.lib.api_errors import ApiError, error_body
from paroledesk.lib.api_schema import (
    NOT_AUTHENTICATED,
    NOT_FOUND,
    RECEIPT_IN_PATH,
    WindowSerializer,
    error_response,
    id_in_path,
    response_header,
)
from paroledesk.lib.attempts import client_of


class StatusInquiryBody(serializers.Serializer[Any]):
    receipt_number = serializers.CharField(
        max_length=40, help_text="As on the receipt notice, like IOE2700100042."
    )
    family_name = serializers.CharField(
        max_length=FAMILY_NAME_LENGTH,
        help_text="The beneficiary's family name; case and accents are ignored.",
    )
    date_of_birth = serializers.DateField(help_text="The beneficiary's date of birth.")
    filed_on = serializers.DateField(help_text="The date the request was received.")
    explanation = serializers.CharField(
        max_length=EXPLANATION_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        trim_whitespace=False,
        help_text="What the asker wants to know; it reaches the officer who works the "
        "request, who answers in a written notice to the requestor.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        clean, refused = fields_read(attrs)
        if refused:
            raise serializers.ValidationError(refused)
        return clean


class InquiryHistorySerializer(serializers.Serializer[Any]):
    on = serializers.DateField()
    status_text = serializers.CharField()


class StatusAnswerSerializer(serializers.Serializer[Any]):
    receipt_number = serializers.CharField()
    status = serializers.ChoiceField(choices=[status.value for status in Status])
    status_text = serializers.CharField()
    history = InquiryHistorySerializer(many=True, help_text="Each change of status, oldest first.")
    decision_window = WindowSerializer()
    next_steps = serializers.ListField(
        child=serializers.CharField(), help_text="What to do next, for this status."
    )
    inquiry_recorded = serializers.BooleanField(
        help_text="Whether the explanation was left on the case for its officer."
    )


def answer_body(answer: StatusAnswer) -> dict[str, Any]:
    return {
        "receipt_number": answer.receipt_number,
        "status": answer.status.value,
        "status_text": answer.status_text,
        "history": [
            {"on": line.on.isoformat(), "status_text": line.status_text} for line in answer.history
        ],
        "decision_window": {
            "earliest": answer.earliest.isoformat(),
            "latest": answer.latest.isoformat(),
        },
        "next_steps": next_steps(answer.status, on=timezone.localdate()),
        "inquiry_recorded": answer.inquiry_recorded,
    }


NOT_MATCHED = error_response(
    "No request matches all four details. An unknown receipt number and a wrong name, "
    "birth date or filing date get this same answer, byte for byte.",
    ErrorCode.NOT_FOUND,
    "No request matches these details. Check the receipt number, the family name, the "
    "date of birth and the date the request was received, as on the receipt notice.",
)
TOO_MANY = error_response(
    f"Too many lookups from this client: {GUESSES.tries} in any "
    f"{GUESSES.seconds // 60} minutes, counted across every server process.",
    ErrorCode.TOO_MANY_REQUESTS,
    "Too many tries from this connection. For the safety of the people in these "
    f"requests, wait {GUESSES.seconds // 60} minutes and try again.",
)
INVALID = error_response(
    "A field is missing or malformed; the error names it.",
    ErrorCode.INVALID,
    "Enter the receipt number as printed on the receipt notice.",
)
RETRY_AFTER = response_header(
    "Retry-After",
    {"type": "integer", "minimum": 1},
    [429],
    "Seconds after which a try is certainly counted again.",
)


def _too_many() -> Response:
    response = Response(
        error_body(ErrorCode.TOO_MANY_REQUESTS, too_many_tries_message()), status=429
    )
    response["Retry-After"] = str(GUESSES.seconds)
    return response


class StatusInquiryView(APIView):
    # Public, like the screener: a token may be sent but none is needed; the limit is
    # per client address.
    permission_classes = (AllowAny,)

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        # A request's status is no one else's: no cache on the way may keep it.
        add_never_cache_headers(response)
        finalized: Response = super().finalize_response(request, response, *args, **kwargs)
        return finalized

    @extend_schema(
        operation_id="status_inquiry",
        summary="Check a request's status with its receipt number, the beneficiary's "
        "family name and birth date, and the date received (anyone)",
        request=StatusInquiryBody,
        parameters=[RETRY_AFTER],
        responses={200: StatusAnswerSerializer, 404: NOT_MATCHED, 422: INVALID, 429: TOO_MANY},
        examples=[
            OpenApiExample(
                "inquiry",
                request_only=True,
                value={
                    "receipt_number": "IOE2700100042",
                    "family_name": "Haidari",
                    "date_of_birth": "1988-03-14",
                    "filed_on": "2026-11-30",
                    "explanation": "Has the officer received the medical records?",
                },
            )
        ],
    )
    def post(self, request: Request) -> Response:
        client = client_of(request._request)
        body = StatusInquiryBody(data=request.data)
        if not body.is_valid():
            if GUESSES.spent(client):
                return _too_many()
            raise serializers.ValidationError(body.errors)
        data = body.validated_data
        try:
            answer = status_inquire(
                identity=Identity.of(data), explanation=data["explanation"], client=client
            )
        except TooManyTries:
            return _too_many()
        if answer is None:
            return Response(error_body(ErrorCode.NOT_FOUND, not_matched_message()), status=404)
        return Response(StatusAnswerSerializer(answer_body(answer)).data)


# -- the officer's answer ---------------------------------------------------------------


class AnswerBody(serializers.Serializer[Any]):
    answer = serializers.CharField(
        max_length=ANSWER_LENGTH,
        help_text="Sent as a written notice to the requestor and the representative.",
    )


class AnswerNoticeSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(min_value=1)
    kind = serializers.CharField()
    issued_on = serializers.DateField()
    url = serializers.CharField()


class AnsweredSerializer(serializers.Serializer[Any]):
    receipt_number = serializers.CharField()
    inquiry = serializers.IntegerField(min_value=1)
    answered_at = serializers.DateTimeField()
    notice = AnswerNoticeSerializer()


REFUSED = error_response(
    "Not this user's to answer: not_assigned or conflict (already answered) (409), "
    "not_allowed (403).",
    ErrorCode.NOT_ASSIGNED,
    "Only the officer assigned to this request, or a supervisor, may answer.",
)
_REFUSAL_STATUS = {ErrorCode.NOT_ALLOWED: 403, ErrorCode.INVALID: 422}


def _inquiry(receipt: str, inquiry_id: int, user: User) -> Inquiry:
    """Staff may name any request, as for the steps of a case: whether they may answer is
    the service's to say. Anyone else finds nothing, as for a request that does not exist."""
    try:
        request = case_for_step(receipt_number=receipt, user=user)
    except RequestNotFound:
        request = None
    found = Inquiry.objects.filter(pk=inquiry_id, request=request).first() if request else None
    if found is None:
        raise ApiError(
            status_code=404, code=ErrorCode.NOT_FOUND, message="Nothing was found at this address."
        )
    return found


class InquiryAnswerView(APIView):
    @extend_schema(
        operation_id="inquiry_answer",
        summary="Answer a status inquiry on a case (the assigned officer, supervisors)",
        request=AnswerBody,
        parameters=[RECEIPT_IN_PATH, id_in_path("inquiry_id", "inquiry")],
        responses={
            200: AnsweredSerializer,
            401: NOT_AUTHENTICATED,
            403: REFUSED,
            404: NOT_FOUND,
            409: REFUSED,
            422: INVALID,
        },
    )
    def post(self, request: Request, receipt: str, inquiry_id: int) -> Response:
        user = request.user
        assert isinstance(user, User)
        found = _inquiry(receipt, inquiry_id, user)
        body = AnswerBody(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            notice = inquiry_answer(inquiry=found, answer=body.validated_data["answer"], actor=user)
        except InquiryRefused as refused:
            raise ApiError(
                status_code=_REFUSAL_STATUS.get(refused.code, 409),
                code=refused.code,
                field=refused.field,
                message=refused.message,
            ) from None
        found.refresh_from_db()
        number = found.request.receipt_number
        assert found.answered_at is not None
        return Response(
            {
                "receipt_number": number,
                "inquiry": found.pk,
                "answered_at": found.answered_at,
                "notice": {
                    "id": notice.pk,
                    "kind": notice.kind,
                    "issued_on": notice.issued_on,
                    "url": reverse("api-notice-pdf", args=[number, notice.pk]),
                },
            }
        )
