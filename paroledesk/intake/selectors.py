"""Reading requests. Every view and endpoint loads a request through request_for_user."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from paroledesk.accounts.models import User
from paroledesk.audit.services import view_record
from paroledesk.core.receipt_numbers import InvalidReceiptNumber, parse_receipt_number
from paroledesk.core.roles import Role
from paroledesk.intake.models import ParoleRequest
from paroledesk.policy.selectors import business_calendar, policy_on


def decision_window_of(request: ParoleRequest) -> tuple[date, date]:
    """The earliest and latest decision dates, from the policy in force when it was received."""
    return policy_on(request.received_on).decision_window(request.received_on, business_calendar())


class RequestNotFound(LookupError):
    """Raised alike for a request that does not exist and one the user may not see."""


def visible_requests(*, user: User) -> QuerySet[ParoleRequest]:
    """The requests a user may see: parties see their own, officers what they are assigned."""
    requests = ParoleRequest.objects.all()
    if not user.is_authenticated or not user.is_active:
        return requests.none()
    role = user.role_enum
    if role in {Role.SUPERVISOR, Role.ADMIN}:
        return requests
    if role is Role.OFFICER:
        return requests.filter(assigned_officer=user)
    return requests.filter(Q(filed_by=user))


def request_for_user(*, receipt_number: str, user: User, via: str) -> ParoleRequest:
    """The one door to a request: checks who may see it and logs every staff view."""
    try:
        receipt = str(parse_receipt_number(receipt_number))
    except InvalidReceiptNumber:
        raise RequestNotFound(receipt_number) from None
    found = (
        visible_requests(user=user)
        .select_related("beneficiary", "requestor", "assigned_officer", "filed_by")
        .filter(receipt_number=receipt)
        .first()
    )
    if found is None:
        raise RequestNotFound(receipt)
    if user.is_staff_role:
        view_record(request=found, viewer=user, via=via)
    return found


def requests_of_party(*, user: User) -> QuerySet[ParoleRequest]:
    return (
        visible_requests(user=user)
        .filter(filed_by=user)
        .select_related("beneficiary")
        .order_by("-received_on", "-id")
    )
