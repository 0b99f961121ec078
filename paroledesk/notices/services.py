"""Issuing notices. A notice is written in the transaction of the change it reports;
delivery happens after commit, so a rollback sends nothing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import Any

from django.db import transaction

from paroledesk.intake.models import ParoleRequest
from paroledesk.notices.models import Notice, NoticeKind
from paroledesk.notices.tasks import notices_deliver


def notice_issue(
    *,
    request: ParoleRequest,
    kind: NoticeKind,
    on: date,
    content: dict[str, Any] | None = None,
    dedupe_key: str | None = None,
) -> Notice:
    """Record a notice; the same dedupe key twice returns the first (the sweep may rerun)."""
    key = dedupe_key or f"{request.receipt_number}:{kind.value}:{on.isoformat()}"
    notice, created = Notice.objects.get_or_create(
        dedupe_key=key,
        defaults={
            "request": request,
            "kind": kind.value,
            "issued_on": on,
            "content": content or {},
        },
    )
    if created:
        notices_deliver_after_commit([notice])
    return notice


def notices_deliver_after_commit(notices: Iterable[Notice]) -> None:
    """Queue delivery of new notices for when their transaction commits; a rollback sends none.

    The notices go to one job, so a change that issues many queues one message.
    """
    ids = [notice.pk for notice in notices]
    if ids:
        transaction.on_commit(partial(notices_deliver.delay, ids))
