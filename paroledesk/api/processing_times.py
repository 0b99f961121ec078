"""GET /api/v1/processing-times: how long decisions took lately, by reason, for anyone."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from paroledesk.cases.processing_times import ProcessingTimes, processing_times
from paroledesk.core.filing_rules import Category
from paroledesk.core.processing_times import MIN_DECISIONS
from paroledesk.lib.api_schema import NOT_AUTHENTICATED, WWW_AUTHENTICATE

NULL_BELOW = f"Null when the reason had fewer than {MIN_DECISIONS} decisions in the window."


class GroupSerializer(serializers.Serializer[Any]):
    category = serializers.ChoiceField(choices=[category.value for category in Category])
    decided = serializers.IntegerField(
        min_value=MIN_DECISIONS, allow_null=True, help_text=f"Decisions in the window. {NULL_BELOW}"
    )
    median_business_days = serializers.IntegerField(
        min_value=0,
        allow_null=True,
        help_text="Half the decisions took this many business days from receipt, or fewer "
        f"(nearest rank). {NULL_BELOW}",
    )
    p80_business_days = serializers.IntegerField(
        min_value=0,
        allow_null=True,
        help_text="Eight in ten took this many business days or fewer (nearest rank). "
        + NULL_BELOW,
    )
    waiting = serializers.IntegerField(min_value=0, help_text="Requests open now, not decided.")


class ProcessingTimesSerializer(serializers.Serializer[Any]):
    as_of = serializers.DateField()
    window_months = serializers.IntegerField(min_value=1)
    groups = GroupSerializer(many=True)


def processing_times_json(times: ProcessingTimes) -> dict[str, Any]:
    return {
        "as_of": times.as_of.isoformat(),
        "window_months": times.window_months,
        "groups": [
            {
                "category": group.category,
                "decided": group.decided,
                "median_business_days": group.median_business_days,
                "p80_business_days": group.p80_business_days,
                "waiting": group.waiting,
            }
            for group in times.groups
        ],
    }


class ProcessingTimesView(APIView):
    # Anyone may read; a token sent is still checked, as everywhere in the API.
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="processing_times",
        summary="How long decisions took over the last months, by reason",
        description="Business days from receipt (not counting that day) to decision, over "
        "the decisions of the last window_months months, by reason category: the median and "
        "the 80th percentile by the nearest-rank method (a duration some decision took), and "
        "how many requests are open now. A reason with fewer than "
        f"{MIN_DECISIONS} decisions publishes no figure, its count included, so that no one "
        "family's case can be made out from them.",
        parameters=[WWW_AUTHENTICATE],
        responses={200: ProcessingTimesSerializer, 401: NOT_AUTHENTICATED},
    )
    def get(self, request: Request) -> Response:
        return Response(processing_times_json(processing_times()))
