"""Reading requests. Every view and endpoint loads a request through request_for_user."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Q, QuerySet

from paroledesk.accounts.models import User
from paroledesk.audit.models import Event
from paroledesk.audit.services import view_record
from paroledesk.cases.models import ParoleRequest, PossibleDuplicate
from paroledesk.core.filing_rules import Kind
from paroledesk.core.receipt_numbers import InvalidReceiptNumber, parse_receipt_number
from paroledesk.core.roles import MANAGER_ROLES, Role


class RequestNotFound(LookupError):
    """Raised alike for a request that does not exist and one the user may not see."""


def visible_requests(*, user: User) -> QuerySet[ParoleRequest]:
    """The requests a user may see: parties see their own, officers what they are assigned."""
    requests = ParoleRequest.objects.all()
    if not user.is_authenticated or not user.is_active:
        return requests.none()
    role = user.role_enum
    if role in MANAGER_ROLES:
        return requests
    if role is Role.OFFICER:
        return requests.filter(assigned_officer=user)
    return requests.filter(Q(filed_by=user))


def request_for_user(*, receipt_number: str, user: User, via: str, item: str = "") -> ParoleRequest:
    """The one door to a request: checks who may see it and logs every staff view.

    ``via`` says how it is opened (page, api, document, notice); ``item`` which part of
    it is asked for, when a part is ("document 12"), so the log says what was seen.
    """
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
        view_record(subject=found, viewer=user, via=via, item=item)
    return found


def requests_of_party(*, user: User) -> QuerySet[ParoleRequest]:
    return (
        visible_requests(user=user)
        .filter(filed_by=user)
        .select_related("beneficiary")
        .order_by("-received_on", "-id")
    )


def events_of(request: ParoleRequest) -> QuerySet[Event]:
    """The request's history, oldest first: the timeline and the public status history."""
    return Event.objects.about(request).select_related("actor").order_by("at", "id")


def status_history(request: ParoleRequest) -> QuerySet[Event]:
    """The events that changed the request's status, oldest first."""
    return events_of(request).exclude(to_status="")


def family_of(request: ParoleRequest) -> QuerySet[ParoleRequest]:
    """The other requests its filer filed as one family with it (the same family_group)."""
    if not request.family_group:
        return ParoleRequest.objects.none()
    keys = ParoleRequest.family_keys(request.filed_by_id, request.family_group)
    return (
        ParoleRequest.objects.filter(filed_by_id=request.filed_by_id, family_key__in=keys)
        .exclude(pk=request.pk)
        .select_related("beneficiary")
        .order_by("received_on", "id")
    )


def possible_duplicates_of(request: ParoleRequest) -> QuerySet[ParoleRequest]:
    """Other requests that may be for the same person, whoever filed them. For staff only."""
    if not request.possible_duplicate:
        return ParoleRequest.objects.none()
    # The pairs first, then the requests by id: an OR of two subqueries reads every request.
    pairs = PossibleDuplicate.objects.filter(Q(request=request) | Q(other=request))
    others = {pk for pair in pairs.values_list("request", "other") for pk in pair} - {request.pk}
    return (
        ParoleRequest.objects.filter(pk__in=others)
        .select_related("beneficiary")
        .order_by("received_on", "id")
    )


class Link(StrEnum):
    """How another request is linked to the one on the page, by ParoleRequest.related_request."""

    REFILES = "refiles"  # this one refiles that denied request
    RENEWS = "renews"  # this re-parole renews that grant
    REFILED_BY = "refiled_by"  # that one refiles this denied request
    RENEWED_BY = "renewed_by"  # that re-parole renews this grant


@dataclass(frozen=True)
class LinkedRequest:
    request: ParoleRequest
    link: Link


def linked_requests_of(request: ParoleRequest, *, user: User) -> list[LinkedRequest]:
    """The request this one refiles or renews, then those that refile or renew it, oldest first.

    A linked request may have been filed by someone else (a new representative refiles a
    denial). Staff see every one, and each is logged as a view of that request, since
    its facts are shown; a party sees only the linked requests they filed themselves.
    """
    found: list[LinkedRequest] = []
    requests = ParoleRequest.objects.select_related("beneficiary")
    if request.related_request_id is not None:
        earlier = requests.get(pk=request.related_request_id)
        link = Link.RENEWS if request.kind == Kind.REPAROLE.value else Link.REFILES
        found.append(LinkedRequest(earlier, link))
    for follow_up in requests.filter(related_request=request).order_by("received_on", "id"):
        link = Link.RENEWED_BY if follow_up.kind == Kind.REPAROLE.value else Link.REFILED_BY
        found.append(LinkedRequest(follow_up, link))
    if not user.is_staff_role:
        return [item for item in found if item.request.filed_by_id == user.pk]
    for item in found:
        view_record(subject=item.request, viewer=user, via="linked")
    return found


def case_for_step(*, receipt_number: str, user: User) -> ParoleRequest:
    """The request an officer, supervisor or administrator takes a step on (a decision,
    an answer to an inquiry).

    Staff may name any request: whether they may take the step is the
    lifecycle's answer (an officer not assigned gets not_assigned). Anyone
    else finds nothing, as for a request that does not exist. Nothing of the
    request is shown here, so no view is logged; the step is, as an event.
    """
    if not user.is_authenticated or not user.is_active or not user.is_staff_role:
        raise RequestNotFound(receipt_number)
    try:
        receipt = str(parse_receipt_number(receipt_number))
    except InvalidReceiptNumber:
        raise RequestNotFound(receipt_number) from None
    found = (
        ParoleRequest.objects.select_related("assigned_officer")
        .filter(receipt_number=receipt)
        .first()
    )
    if found is None:
        raise RequestNotFound(receipt)
    return found
