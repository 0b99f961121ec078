"""Writes of the status inquiry: the public asking, and the officer answering.

A try is counted before the lookup, whatever its outcome: the limit is on
guesses, and a person checking a real request needs only a few. An attempt
that does not match stores nothing about any request.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from paroledesk.accounts.models import User
from paroledesk.audit.services import event_record
from paroledesk.cases.models import ParoleRequest
from paroledesk.core.codes import ErrorCode, EventAction
from paroledesk.core.text import UnsafeText, clean_text
from paroledesk.inquiry.models import Inquiry
from paroledesk.inquiry.reading import Identity
from paroledesk.inquiry.selectors import (
    StatusAnswer,
    answer_refusal,
    request_matching,
    status_answer,
)
from paroledesk.lib.attempts import AttemptLimit
from paroledesk.notices.models import Notice, NoticeKind
from paroledesk.notices.services import notice_issue

# Ten lookups in any fifteen minutes from one client: enough for a person to correct a
# few typing mistakes and look again, far too few to guess a birth date (docs/adr/0015).
GUESSES = AttemptLimit(scope="status-inquiry", tries=10, seconds=15 * 60)
ANSWER_LENGTH = 4000


def not_matched_message() -> str:
    """The one answer to every lookup that matches nothing, whatever did not match."""
    return _(
        "No request matches these details. Check the receipt number, the family name, the "
        "date of birth and the date the request was received, as on the receipt notice."
    )


def too_many_tries_message() -> str:
    return _(
        "Too many tries from this connection. For the safety of the people in these "
        "requests, wait %(minutes)d minutes and try again."
    ) % {"minutes": GUESSES.seconds // 60}


class TooManyTries(Exception):
    """The client has used up its lookups for now."""


class InquiryRefused(ValueError):
    """An answer a service refuses: its code, the field it concerns, and why."""

    def __init__(self, code: ErrorCode, field: str | None, message: str) -> None:
        super().__init__(message)
        self.code, self.field, self.message = code, field, message


def status_inquire(*, identity: Identity, explanation: str, client: str) -> StatusAnswer | None:
    """The status of the request the identity names, or None when none matches.

    With an explanation, it is left on the case for its officer as an inquiry.
    Raises TooManyTries when the client has no lookup left.
    """
    if not GUESSES.take(client):
        raise TooManyTries
    found = request_matching(identity)
    if found is None:
        return None
    if explanation:
        inquiry_ask(request=found, explanation=explanation)
    return status_answer(found, inquiry_recorded=bool(explanation))


def inquiry_ask(*, request: ParoleRequest, explanation: str) -> Inquiry:
    """Leave a question on the case, with its event, in one transaction."""
    with transaction.atomic():
        inquiry = Inquiry.objects.create(request=request, explanation=explanation)
        # The question stays sealed in its row; the log says only that one came.
        event_record(
            action=EventAction.INQUIRY_RECEIVED,
            actor=None,
            subject=request,
            data={"inquiry": inquiry.pk},
            on=timezone.localdate(),
        )
    return inquiry


def inquiry_answer(*, inquiry: Inquiry, answer: str, actor: User, on: date | None = None) -> Notice:
    """The officer's answer, sent to the requestor and representative as a written notice."""
    try:
        written = clean_text(answer, paragraphs=True).strip()
    except UnsafeText as unsafe:
        raise InquiryRefused(ErrorCode.INVALID, "answer", unsafe.about("The answer")) from None
    if not written:
        raise InquiryRefused(ErrorCode.INVALID, "answer", "Write the answer to send.")
    if len(written) > ANSWER_LENGTH:
        raise InquiryRefused(
            ErrorCode.INVALID,
            "answer",
            f"Keep the answer to {ANSWER_LENGTH} characters; it has {len(written)}.",
        )
    day = on or timezone.localdate()
    with transaction.atomic():
        # Locked, so that of two answers sent at once only the first is sent.
        locked = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
        request = ParoleRequest.objects.select_related("assigned_officer").get(pk=locked.request_id)
        refusal = answer_refusal(actor, request)
        if refusal is not None:
            raise InquiryRefused(refusal[0], None, refusal[1])
        if locked.answered:
            raise InquiryRefused(ErrorCode.CONFLICT, None, "This inquiry is already answered.")
        notice = notice_issue(
            request=request,
            kind=NoticeKind.INQUIRY_ANSWER,
            on=day,
            content={
                "asked_on": timezone.localdate(locked.asked_at).isoformat(),
                "answer": written,
            },
            # One notice per inquiry: two answered on one day are two letters.
            key=f"{request.receipt_number}:{NoticeKind.INQUIRY_ANSWER.value}:{locked.pk}",
        )
        locked.answer = written
        locked.answered_by = actor
        locked.answered_at = timezone.now()
        locked.notice = notice
        locked.save(update_fields=["answer", "answered_by", "answered_at", "notice"])
        event_record(
            action=EventAction.INQUIRY_ANSWERED,
            actor=actor,
            subject=request,
            data={"inquiry": locked.pk, "notice": notice.pk},
            on=day,
        )
    return notice
