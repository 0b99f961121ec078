"""Reading for status inquiries: the public lookup, what it may tell, and the inquiries
waiting on cases for their officers."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from paroledesk.accounts.models import User
from paroledesk.cases.clock import clock_for
from paroledesk.cases.models import Beneficiary, ParoleRequest
from paroledesk.cases.selectors import status_history
from paroledesk.core.codes import ErrorCode
from paroledesk.core.lifecycle import STATUS_TEXT, Status
from paroledesk.core.names import same_family_name
from paroledesk.core.roles import ADJUDICATOR_ROLES, MANAGER_ROLES, Role
from paroledesk.inquiry.models import Inquiry
from paroledesk.inquiry.reading import Identity
from paroledesk.lib.fields import EncryptedDateField, Sealed

# Stands in for the person when no request has the receipt number, so that an unknown
# receipt costs what a wrong identity does (the same comparisons, one date opened).
_STAND_IN_SEAL = uuid.UUID(int=0)
_STAND_IN_KEY = "|"
_NEVER = date.min


@functools.cache
def _stand_in_birth() -> bytes:
    field = Beneficiary._meta.get_field("date_of_birth")
    assert isinstance(field, EncryptedDateField)
    return bytes(field.seal(Beneficiary(seal_id=_STAND_IN_SEAL), date.min))


def _stand_in() -> Beneficiary:
    person = Beneficiary(seal_id=_STAND_IN_SEAL, name_key=_STAND_IN_KEY)
    # Loaded sealed, as from the database: opened on first read, as a stored one is.
    person.__dict__["date_of_birth"] = Sealed(_stand_in_birth())
    return person


def request_matching(identity: Identity) -> ParoleRequest | None:
    """The request these four facts name, or None: an unknown receipt number and a wrong
    name, birth date or filing date are told apart by nothing, not even the work done."""
    found = (
        ParoleRequest.objects.select_related("beneficiary")
        .filter(receipt_number=identity.receipt_number)
        .first()
    )
    person = found.beneficiary if found is not None else _stand_in()
    received = found.received_on if found is not None else _NEVER
    # Every comparison is made, none cut short: the time taken says nothing about which failed.
    same = [
        same_family_name(identity.family_name, person.name_key),
        person.date_of_birth == identity.date_of_birth,
        received == identity.filed_on,
    ]
    return found if all(same) else None


@dataclass(frozen=True)
class HistoryLine:
    on: date
    status: Status

    @property
    def status_text(self) -> str:
        return STATUS_TEXT[self.status]


@dataclass(frozen=True)
class StatusAnswer:
    """All that the public is told of a request: nothing else leaves this app."""

    receipt_number: str
    status: Status
    history: list[HistoryLine]
    earliest: date
    latest: date
    decided_on: date | None
    inquiry_recorded: bool

    @property
    def status_text(self) -> str:
        return STATUS_TEXT[self.status]

    @property
    def status_label(self) -> str:
        return self.status.value.replace("_", " ").capitalize()


def status_answer(request: ParoleRequest, *, inquiry_recorded: bool) -> StatusAnswer:
    clock = clock_for(request)
    return StatusAnswer(
        receipt_number=request.receipt_number,
        status=request.status_enum,
        history=[
            HistoryLine(event.on, Status(event.to_status)) for event in status_history(request)
        ],
        earliest=clock.earliest,
        latest=clock.latest,
        decided_on=request.decided_on,
        inquiry_recorded=inquiry_recorded,
    )


def answer_refusal(user: User, request: ParoleRequest) -> tuple[ErrorCode, str] | None:
    """Why ``user`` may not answer the request's inquiries, or None: the officer assigned
    to the request answers them, or a supervisor."""
    role = user.role_enum
    if not user.is_active or role not in ADJUDICATOR_ROLES:
        return ErrorCode.NOT_ALLOWED, "Only officers and supervisors answer inquiries."
    if role is Role.OFFICER and request.assigned_officer_id != user.pk:
        return (
            ErrorCode.NOT_ASSIGNED,
            "Only the officer assigned to this request, or a supervisor, may answer.",
        )
    return None


def inquiries_on(request: ParoleRequest, *, user: User) -> list[Inquiry]:
    """The inquiries on a request, the unanswered first, for the staff who may see them:
    the officer assigned, supervisors and administrators (the page's own door checks
    the request; a party never sees what someone else asked)."""
    sees = user.role_enum in MANAGER_ROLES or (
        user.role_enum is Role.OFFICER and request.assigned_officer_id == user.pk
    )
    if not sees:
        return []
    found = Inquiry.objects.filter(request=request).select_related("answered_by", "notice")
    return sorted(found, key=lambda inquiry: (inquiry.answered, inquiry.asked_at, inquiry.pk))


def _unanswered_for(user: User) -> QuerySet[Inquiry]:
    waiting = Inquiry.objects.filter(answered_at__isnull=True)
    if user.role_enum in MANAGER_ROLES:
        return waiting
    return waiting.filter(request__assigned_officer=user)


@dataclass(frozen=True)
class Waiting:
    """The inquiries waiting for this user's answer: an officer's, on the requests they hold;
    a supervisor's, all of them."""

    count: int
    oldest: list[Inquiry]
    # Of the requests a work list shows, those with an inquiry waiting.
    marked: frozenset[int]


def inquiries_waiting(user: User, *, listed: Iterable[int], shown: int = 10) -> Waiting:
    """How many inquiries wait for this user, the oldest ``shown``, and which ``listed``
    requests have one: one query while they are few (the usual case), a count and a
    look at the listed requests when there are more."""
    waiting = _unanswered_for(user)
    oldest = list(waiting.select_related("request").order_by("asked_at", "id")[:shown])
    ids = set(listed)
    if len(oldest) < shown:
        marked = frozenset(inquiry.request_id for inquiry in oldest) & ids
        return Waiting(len(oldest), oldest, marked)
    found = waiting.filter(request_id__in=ids).values_list("request_id", flat=True)
    return Waiting(waiting.count(), oldest, frozenset(found) if ids else frozenset())
