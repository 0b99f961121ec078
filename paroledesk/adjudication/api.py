"""The officers' API: work lists, assignment, requests for evidence and decisions.

GET  /api/v1/queue?view=...
POST /api/v1/cases/{receipt}/assign
POST /api/v1/cases/{receipt}/rfe
POST /api/v1/cases/{receipt}/decision

A step is checked twice: first by the same rule that draws the case page's
buttons (adjudication.actions), for a clear answer, then again by the service
under the request's row lock, so that of two decisions sent at once only one
can win.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from paroledesk.accounts.models import User
from paroledesk.adjudication import services
from paroledesk.adjudication.actions import Step, StepRefused, step_take
from paroledesk.adjudication.models import DenialReason, Outcome
from paroledesk.adjudication.queue_query import (
    PAGE_SIZE_MAX,
    QueueQuery,
    QueueQueryForm,
    queue_query,
)
from paroledesk.adjudication.selectors import QueueRow, QueueView, queue_page
from paroledesk.cases.models import ParoleRequest
from paroledesk.cases.selectors import RequestNotFound, case_for_step
from paroledesk.core.codes import ErrorCode
from paroledesk.core.filing_rules import Category
from paroledesk.core.lifecycle import Status, TransitionRefused
from paroledesk.core.roles import ADJUDICATOR_ROLES
from paroledesk.lib.api_errors import ApiError
from paroledesk.lib.api_schema import (
    NOT_AUTHENTICATED,
    NOT_FOUND,
    WindowSerializer,
    error_response,
)

REFUSED = error_response(
    "The step is refused: not_assigned or already_decided (409), "
    "supervisor_approval_required or not_allowed (403).",
    ErrorCode.NOT_ASSIGNED,
    "You are not the officer assigned to this request.",
)
INVALID = error_response(
    "A field is missing or malformed; the error names it.",
    ErrorCode.INVALID,
    "Give one or more of the denial reasons.",
)


def _step_answers(status: int, answer: type[serializers.Serializer[Any]]) -> dict[int, Any]:
    """What a step on a case answers, as the schema documents it."""
    return {
        status: answer,
        401: NOT_AUTHENTICATED,
        403: REFUSED,
        404: NOT_FOUND,
        409: REFUSED,
        422: INVALID,
    }


def _staff(request: Request) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _case(receipt: str, user: User) -> ParoleRequest:
    try:
        return case_for_step(receipt_number=receipt, user=user)
    except RequestNotFound:
        raise ApiError(
            status_code=404, code=ErrorCode.NOT_FOUND, message="Nothing was found at this address."
        ) from None


def _body(serializer_class: type[serializers.Serializer[Any]], request: Request) -> dict[str, Any]:
    """The body, checked; 422 naming each bad field (the exception handler's shape)."""
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _step(case: ParoleRequest, user: User, step: Step, answers: dict[str, Any]) -> Any:
    """Take one step; a refusal answers with its code (actions.REFUSAL_STATUS)."""
    try:
        return step_take(case, user, step, answers)
    except StepRefused as refused:
        raise ApiError(
            status_code=refused.http_status,
            code=refused.refusal.code,
            message=refused.refusal.message,
        ) from None
    except services.AdjudicationError as error:
        raise ApiError(
            status_code=422, code=error.code, field=error.field, message=error.message
        ) from None


def _case_body(case: ParoleRequest) -> dict[str, Any]:
    case.refresh_from_db()
    officer = case.assigned_officer
    return {
        "receipt_number": case.receipt_number,
        "status": case.status,
        "assigned_officer": officer.username if officer else None,
    }


# -- assignment ------------------------------------------------------------------------


class AssignBody(serializers.Serializer[Any]):
    officer = serializers.CharField(max_length=150, help_text="The officer's user name.")


class CaseSerializer(serializers.Serializer[Any]):
    receipt_number = serializers.CharField()
    status = serializers.ChoiceField(choices=[status.value for status in Status])
    assigned_officer = serializers.CharField(allow_null=True)


class AssignView(APIView):
    @extend_schema(
        operation_id="case_assign",
        summary="Assign or reassign a request to an officer (supervisors)",
        request=AssignBody,
        responses=_step_answers(200, CaseSerializer),
    )
    def post(self, request: Request, receipt: str) -> Response:
        user = _staff(request)
        case = _case(receipt, user)
        name = _body(AssignBody, request)["officer"]
        officer = User.objects.filter(username=name).first()
        if officer is None or officer.role_enum not in ADJUDICATOR_ROLES or not officer.is_active:
            raise ApiError(
                status_code=422,
                code=ErrorCode.INVALID,
                field="officer",
                message=f"{name} is not an active officer.",
            )
        _step(case, user, Step.ASSIGN, {"officer": officer})
        return Response(_case_body(case))


class TakeView(APIView):
    @extend_schema(
        operation_id="queue_take",
        summary="Take the oldest unassigned request (officers and supervisors)",
        request=None,
        responses={
            200: CaseSerializer,
            401: NOT_AUTHENTICATED,
            403: REFUSED,
            404: error_response(
                "No request is waiting for an officer.",
                ErrorCode.NOT_FOUND,
                "No request is waiting for an officer.",
            ),
        },
    )
    def post(self, request: Request) -> Response:
        user = _staff(request)
        try:
            taken = services.case_take(officer=user)
        except TransitionRefused as refused:
            raise ApiError(
                status_code=403, code=refused.refusal.code, message=refused.refusal.message
            ) from None
        if taken is None:
            raise ApiError(
                status_code=404,
                code=ErrorCode.NOT_FOUND,
                message="No request is waiting for an officer.",
            )
        return Response(_case_body(taken))


# -- requests for evidence ----------------------------------------------------------------


class RfeBody(serializers.Serializer[Any]):
    items = serializers.ListField(
        child=serializers.CharField(max_length=services.RFE_ITEM_LENGTH),
        min_length=1,
        max_length=services.RFE_ITEMS_MAX,
        help_text="What the requestor is asked to send, one item each.",
    )
    due_in_business_days = serializers.IntegerField(
        min_value=1, max_value=services.RFE_DUE_DAYS_MAX
    )


class RfeSerializer(serializers.Serializer[Any]):
    receipt_number = serializers.CharField()
    status = serializers.CharField()
    items = serializers.ListField(child=serializers.CharField())
    due_on = serializers.DateField()


class RfeView(APIView):
    @extend_schema(
        operation_id="case_request_evidence",
        summary="Ask the requestor for evidence (the assigned officer)",
        request=RfeBody,
        responses=_step_answers(201, RfeSerializer),
    )
    def post(self, request: Request, receipt: str) -> Response:
        user = _staff(request)
        case = _case(receipt, user)
        body = _body(RfeBody, request)
        rfe = _step(case, user, Step.REQUEST_EVIDENCE, body)
        return Response(
            {
                "receipt_number": case.receipt_number,
                "status": Status.EVIDENCE_REQUESTED.value,
                "items": rfe.items,
                "due_on": rfe.due_on.isoformat(),
            },
            status=201,
        )


# -- decisions ------------------------------------------------------------------------------


class DecisionBody(serializers.Serializer[Any]):
    outcome = serializers.ChoiceField(choices=[outcome.value for outcome in Outcome])
    parole_days = serializers.IntegerField(
        min_value=1,
        max_value=services.PAROLE_DAYS_MAX,
        required=False,
        help_text="Approval: the parole period.",
    )
    reasons = serializers.ListField(
        child=serializers.ChoiceField(choices=[reason.value for reason in DenialReason]),
        required=False,
        max_length=len(DenialReason),
        help_text="Denial: one or more reasons; other needs a note.",
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=services.NOTE_LENGTH)
    parole_fee_exception = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=60,
        help_text="Approval: the statutory exception to the parole fee, if one applies.",
    )


class DecisionSerializer(serializers.Serializer[Any]):
    receipt_number = serializers.CharField()
    status = serializers.ChoiceField(choices=[status.value for status in Status])
    outcome = serializers.CharField()
    decided_on = serializers.DateField()
    parole_days = serializers.IntegerField(allow_null=True)
    reasons = serializers.ListField(child=serializers.CharField())


class DecisionView(APIView):
    @extend_schema(
        operation_id="case_decide",
        summary="Approve or deny a request (the assigned officer)",
        description="From 2025-10-16 an approval is conditionally_approved until the "
        "parole fee is paid, unless a statutory exception is recorded. A period longer "
        "than policy's long period needs a supervisor.",
        request=DecisionBody,
        responses=_step_answers(200, DecisionSerializer),
    )
    def post(self, request: Request, receipt: str) -> Response:
        user = _staff(request)
        case = _case(receipt, user)
        body = _body(DecisionBody, request)
        decision = _step(case, user, Step.DECIDE, body)
        case.refresh_from_db()
        return Response(
            {
                "receipt_number": case.receipt_number,
                "status": case.status,
                "outcome": decision.outcome,
                "decided_on": decision.decided_on.isoformat(),
                "parole_days": decision.parole_days,
                "reasons": decision.reasons,
            }
        )


# -- after a grant -------------------------------------------------------------------------


class ArrivalBody(serializers.Serializer[Any]):
    arrived_on = serializers.DateField(help_text="The day CBP admitted the beneficiary on parole.")
    ends_on = serializers.DateField(
        required=False, help_text="The end date on the I-94; by default the days granted."
    )


class EndBody(serializers.Serializer[Any]):
    reason = serializers.ChoiceField(choices=["departed", "terminated"])
    departed_on = serializers.DateField(
        required=False, help_text="Departure: the day the parolee left; parole ends then."
    )
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=services.NOTE_LENGTH,
        help_text="Termination: why, as the notice says it.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["reason"] == "departed" and attrs.get("departed_on") is None:
            raise serializers.ValidationError(
                {"departed_on": "Give the day the parolee left the United States."}
            )
        return attrs


class WorkPermitBody(serializers.Serializer[Any]):
    valid_from = serializers.DateField(help_text="The first day the work permit is valid.")
    renewal = serializers.BooleanField(required=False, default=False)


class WorkPermitSerializer(serializers.Serializer[Any]):
    receipt_number = serializers.CharField()
    category = serializers.CharField()
    fee_usd = serializers.IntegerField()
    valid_from = serializers.DateField()
    valid_until = serializers.DateField()


class WorkPermitView(APIView):
    @extend_schema(
        operation_id="case_record_work_permit",
        summary="Record a parolee's work permit, I-765 (c)(11) (staff)",
        request=WorkPermitBody,
        responses=_step_answers(201, WorkPermitSerializer),
    )
    def post(self, request: Request, receipt: str) -> Response:
        user = _staff(request)
        case = _case(receipt, user)
        permit = _step(case, user, Step.RECORD_WORK_PERMIT, _body(WorkPermitBody, request))
        return Response(
            {
                "receipt_number": case.receipt_number,
                "category": permit.category,
                "fee_usd": permit.fee_usd,
                "valid_from": permit.valid_from.isoformat(),
                "valid_until": permit.valid_until.isoformat(),
            },
            status=201,
        )


class _CaseStepView(APIView):
    """A step whose body is one serializer and whose answer is the case's state."""

    step: Step
    body: type[serializers.Serializer[Any]]

    def post(self, request: Request, receipt: str) -> Response:
        user = _staff(request)
        case = _case(receipt, user)
        _step(case, user, self.step, _body(self.body, request))
        return Response(_case_body(case))


@extend_schema_view(
    post=extend_schema(
        operation_id="case_record_arrival",
        summary="Record the arrival and the end of parole on the I-94 (staff)",
        request=ArrivalBody,
        responses=_step_answers(200, CaseSerializer),
    )
)
class ArrivalView(_CaseStepView):
    step, body = Step.RECORD_ARRIVAL, ArrivalBody


class ParoleEndView(APIView):
    @extend_schema(
        operation_id="case_end_parole",
        summary="Record that the parolee left (the case's officer or a supervisor), or "
        "terminate parole on notice (supervisors)",
        request=EndBody,
        responses=_step_answers(200, CaseSerializer),
    )
    def post(self, request: Request, receipt: str) -> Response:
        user = _staff(request)
        case = _case(receipt, user)
        body = _body(EndBody, request)
        step = Step.RECORD_DEPARTURE if body["reason"] == "departed" else Step.END_PAROLE
        _step(case, user, step, body)
        return Response(_case_body(case))


# -- work lists -----------------------------------------------------------------------------


class QueueItemSerializer(serializers.Serializer[Any]):
    receipt_number = serializers.CharField()
    status = serializers.CharField()
    kind = serializers.CharField()
    category = serializers.CharField()
    received_on = serializers.DateField()
    age_business_days = serializers.IntegerField()
    decision_window = WindowSerializer()
    overdue = serializers.BooleanField()
    expedite = serializers.BooleanField()
    possible_duplicate = serializers.BooleanField()
    assigned_officer = serializers.CharField(allow_null=True)


class QueueSerializer(serializers.Serializer[Any]):
    view = serializers.CharField()
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    page_size = serializers.IntegerField()
    results = QueueItemSerializer(many=True)


def _query(request: Request) -> QueueQuery:
    """The work list asked for, read by the same form as the page's; 422 naming each bad field."""
    form = QueueQueryForm(request.query_params)
    if not form.is_valid():
        errors = {
            name: [str(message) for message in messages] for name, messages in form.errors.items()
        }
        raise serializers.ValidationError(errors)
    return queue_query(form)


def _item(row: QueueRow) -> dict[str, Any]:
    case, clock = row.request, row.clock
    return {
        "receipt_number": case.receipt_number,
        "status": case.status,
        "kind": case.kind,
        "category": case.category,
        "received_on": case.received_on.isoformat(),
        "age_business_days": clock.age_business_days,
        "decision_window": {
            "earliest": clock.earliest.isoformat(),
            "latest": clock.latest.isoformat(),
        },
        "overdue": clock.overdue,
        "expedite": case.expedited,
        "possible_duplicate": row.possible_duplicate,
        "assigned_officer": case.officer,
    }


class QueueListView(APIView):
    @extend_schema(
        operation_id="queue",
        summary="Officers' work lists, oldest first (officers and supervisors)",
        description="Ages and windows are in business days, without the days a request "
        "waited on its requestor. Officers see their own work and the unassigned requests; "
        "supervisors see everyone's, except in mine.",
        parameters=[
            OpenApiParameter("view", str, enum=[view.value for view in QueueView], required=True),
            OpenApiParameter("category", str, enum=[c.value for c in Category]),
            OpenApiParameter("expedite", bool),
            OpenApiParameter("possible_duplicate", bool),
            OpenApiParameter("urgent_first", bool, description="Expedited and medical first."),
            OpenApiParameter("page", int),
            OpenApiParameter("page_size", int, description=f"1 to {PAGE_SIZE_MAX}."),
        ],
        responses={
            200: QueueSerializer,
            401: NOT_AUTHENTICATED,
            403: OpenApiResponse(description="Not an officer or supervisor."),
            422: INVALID,
        },
    )
    def get(self, request: Request) -> Response:
        user = _staff(request)
        if user.role_enum not in ADJUDICATOR_ROLES:
            raise ApiError(
                status_code=403,
                code=ErrorCode.PERMISSION_DENIED,
                message="Only officers and supervisors have work lists.",
            )
        query = _query(request)
        found = queue_page(
            query.view,
            user=user,
            filters=query.filters,
            page=query.page,
            page_size=query.page_size,
            today=timezone.localdate(),
        )
        return Response(
            {
                "view": found.view.value,
                "count": found.count,
                "page": found.page,
                "pages": found.pages,
                "page_size": found.page_size,
                "results": [_item(row) for row in found.rows],
            }
        )
