"""GET /api/v1/requests/{receipt}: one request, to its parties and the staff who may see it."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from paroledesk.accounts.models import User
from paroledesk.cases.clock import clock_for
from paroledesk.cases.models import ParoleRequest
from paroledesk.cases.selectors import (
    RequestNotFound,
    family_of,
    request_for_user,
    status_history,
)
from paroledesk.core.codes import EventAction
from paroledesk.core.filing import Kind
from paroledesk.core.lifecycle import STATUS_TEXT, Action, Status
from paroledesk.core.policy import Channel
from paroledesk.lib.api_schema import (
    NOT_AUTHENTICATED,
    NOT_FOUND,
    RECEIPT,
    RECEIPT_IN_PATH,
    WWW_AUTHENTICATE,
    WindowSerializer,
)
from paroledesk.notices.models import NoticeKind

STATUSES = [status.value for status in Status]
REQUEST_KINDS = [kind.value for kind in Kind]
NOTICE_KINDS = [kind.value for kind in NoticeKind]


class HistorySerializer(serializers.Serializer[object]):
    on = serializers.DateField()
    status = serializers.ChoiceField(choices=STATUSES)
    status_text = serializers.CharField()
    # The filing, then the steps of the lifecycle: the events that set a status.
    action = serializers.ChoiceField(
        choices=[EventAction.FILE.value, *(action.value for action in Action)]
    )


class NoticeRefSerializer(serializers.Serializer[object]):
    id = serializers.IntegerField(min_value=1)
    kind = serializers.ChoiceField(choices=NOTICE_KINDS)
    issued_on = serializers.DateField()
    url = serializers.CharField(help_text="Where to download it: GET it with the same token.")


class RequestDetailSerializer(serializers.Serializer[object]):
    receipt_number = serializers.RegexField(RECEIPT)
    kind = serializers.ChoiceField(choices=REQUEST_KINDS)
    channel = serializers.ChoiceField(choices=[channel.value for channel in Channel])
    status = serializers.ChoiceField(choices=STATUSES)
    status_text = serializers.CharField()
    received_on = serializers.DateField()
    decision_window = WindowSerializer()
    age_business_days = serializers.IntegerField()
    requested_days = serializers.IntegerField()
    history = HistorySerializer(many=True)
    notices = NoticeRefSerializer(many=True)
    family = serializers.ListField(
        child=serializers.RegexField(RECEIPT),
        help_text="The receipt numbers of the requests its filer filed with the same family_group.",
    )


def request_body(request: ParoleRequest) -> dict[str, object]:
    clock = clock_for(request)
    return {
        "receipt_number": request.receipt_number,
        "kind": request.kind,
        "channel": request.channel,
        "status": request.status,
        "status_text": STATUS_TEXT[request.status_enum],
        "received_on": request.received_on,
        "decision_window": {"earliest": clock.earliest, "latest": clock.latest},
        "age_business_days": clock.age_business_days,
        "requested_days": request.requested_days,
        "history": [
            {
                "on": event.on,
                "status": event.to_status,
                "status_text": STATUS_TEXT[Status(event.to_status)],
                "action": event.action,
            }
            for event in status_history(request)
        ],
        "notices": [
            {
                "id": notice.pk,
                "kind": notice.kind,
                "issued_on": notice.issued_on,
                "url": reverse("api-notice-pdf", args=[request.receipt_number, notice.pk]),
            }
            for notice in request.notices.order_by("issued_on", "id")
        ],
        "family": [other.receipt_number for other in family_of(request)],
    }


class RequestDetailView(APIView):
    @extend_schema(
        operation_id="request_read",
        summary="Read one request (its parties and assigned staff)",
        parameters=[RECEIPT_IN_PATH, WWW_AUTHENTICATE],
        responses={200: RequestDetailSerializer, 401: NOT_AUTHENTICATED, 404: NOT_FOUND},
    )
    def get(self, request: Request, receipt: str) -> Response:
        assert isinstance(request.user, User)
        try:
            found = request_for_user(receipt_number=receipt, user=request.user, via="api")
        except RequestNotFound:
            raise NotFound from None
        return Response(RequestDetailSerializer(request_body(found)).data)
