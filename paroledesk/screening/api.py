"""POST /api/v1/screenings: the eligibility screener, for anyone, signed in or not."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from paroledesk.core.codes import ErrorCode
from paroledesk.core.screening import ScreeningInvalid
from paroledesk.lib.api_schema import (
    CSRF_OR_FORBIDDEN,
    NOT_AUTHENTICATED,
    NOT_JSON,
    WWW_AUTHENTICATE,
    error_response,
)
from paroledesk.screening.schema import ANSWERS, RESULT
from paroledesk.screening.selectors import screening_for
from paroledesk.screening.words import screening_json

INVALID = error_response(
    "An answer is missing, malformed, or contradicts another; the error names it.",
    ErrorCode.INVALID,
    "A person outside the United States is not on parole in it: answer that they have no "
    "current parole, or that they are inside the United States.",
)
EXAMPLE = OpenApiExample(
    "A parolee whose parole ends soon",
    request_only=True,
    value={
        "beneficiary_location": "inside_us",
        "current_parole": {"granted_by": "uscis_hq", "ends_on": "2027-01-15"},
        "reason_category": "family_emergency",
        "visa_available": "unknown",
        "prior_denial": None,
        "prior_removal_or_criminal_record": False,
        "has_sponsor": True,
        "requested_days": 365,
    },
)


class ScreeningView(APIView):
    # Anyone may ask, and nothing is kept; a token sent is still checked, as everywhere.
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="screening_run",
        summary="Eligibility screener: could parole be asked for, and what would it need?",
        description="General information, not legal advice. Nothing sent is stored. "
        "Contradictory answers (such as a current parole for someone outside the United "
        "States) are refused with 422 invalid naming the field.",
        request={"application/json": ANSWERS},
        parameters=[WWW_AUTHENTICATE],
        responses={
            200: RESULT,
            401: NOT_AUTHENTICATED,
            403: CSRF_OR_FORBIDDEN,
            415: NOT_JSON,
            422: INVALID,
        },
        examples=[EXAMPLE],
    )
    def post(self, request: Request) -> Response:
        try:
            screening = screening_for(raw=request.data)
        except ScreeningInvalid as invalid:
            return Response({"errors": [e.as_dict() for e in invalid.errors]}, status=422)
        return Response(screening_json(screening))
