"""Delivering notices: a job after the change commits, in-process or on a Celery worker."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from paroledesk.notices.models import Notice


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notice_deliver(notice_id: int) -> bool:
    """Tell the requestor by e-mail that a notice is ready; once only, even if run twice.

    The e-mail names only the receipt number: what the notice says about the
    person stays behind the sign-in.
    """
    with transaction.atomic():
        notice = (
            Notice.objects.select_for_update(of=("self",))
            .select_related("request__requestor")
            .filter(pk=notice_id, delivered_at__isnull=True)
            .first()
        )
        if notice is None:
            return False
        address = notice.request.requestor.email
        if address:
            send_mail(
                subject=f"A new notice about request {notice.request.receipt_number}",
                message=(
                    f"A {notice.get_kind_display().lower()} about request "
                    f"{notice.request.receipt_number} is ready.\n\n"
                    f"Sign in to {settings.PAROLEDESK_SITE_NAME} to read it."
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[address],
            )
        notice.delivered_at = timezone.now()
        notice.save(update_fields=["delivered_at"])
    return True
