"""Delivering notices: a job after the change commits, in-process or on a Celery worker."""

from __future__ import annotations

from collections.abc import Sequence

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from paroledesk.notices.models import NOTICE_TITLES, Notice, NoticeKind


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notices_deliver(notice_ids: Sequence[int]) -> int:
    """Tell the requestor and the representative by e-mail that a notice is ready; once
    only, even if run twice.

    One job delivers all the notices one change issued (a bulk import's batch
    issues hundreds): one transaction, one mail connection, one update. The
    e-mail names only the receipt number: what the notice says about the person
    stays behind the sign-in. If the mail server fails midway, the notices
    already sent are still marked delivered before the error is raised, so the
    retry sends only the rest. Returns how many were delivered by this run.
    """
    failure: OSError | None = None
    with transaction.atomic():
        # Read as plain values: a batch's hundreds of notices need no model instances.
        waiting = list(
            Notice.objects.select_for_update(of=("self",))
            .filter(pk__in=list(notice_ids), delivered_at__isnull=True)
            .order_by("pk")
            .values_list(
                "pk",
                "kind",
                "request__receipt_number",
                "request__requestor__email",
                "request__filed_by__email",
            )
        )
        delivered = []
        with get_connection() as connection:
            for pk, kind, receipt, *addresses in waiting:
                # The requestor on the form and the account that filed (a representative,
                # say): each who has an address gets their own message.
                messages = [_message(kind, receipt, to) for to in dict.fromkeys(addresses) if to]
                try:
                    if messages:
                        connection.send_messages(messages)
                except OSError as error:
                    failure = error
                    break
                delivered.append(pk)
        Notice.objects.filter(pk__in=delivered).update(delivered_at=timezone.now())
    if failure is not None:
        raise failure
    return len(delivered)


def _message(kind: str, receipt: str, address: str) -> EmailMessage:
    title = NOTICE_TITLES[NoticeKind(kind)].lower()
    return EmailMessage(
        subject=f"A new notice about request {receipt}",
        body=(
            f"A {title} about request {receipt} is ready.\n\n"
            f"Sign in to {settings.PAROLEDESK_SITE_NAME} to read it."
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
    )
