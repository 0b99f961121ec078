"""Issuing notices. A notice is written in the transaction of the change it reports;
delivery happens after commit, so a rollback sends nothing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import Any

from django.db import transaction

from paroledesk.cases.models import ParoleRequest
from paroledesk.lib.rows import Rows
from paroledesk.notices.models import Notice, NoticeKind, dedupe_key
from paroledesk.notices.tasks import notices_deliver


def notice_issue(
    *,
    request: ParoleRequest,
    kind: NoticeKind,
    on: date,
    content: dict[str, Any] | None = None,
    key: str | None = None,
    rows: Rows | None = None,
) -> Notice:
    """Record a notice; the same dedupe key twice returns the first (the sweep may rerun).

    With ``rows``, the notice is gathered with the rows of a filing and inserted
    with them; its request is new, so no notice can have its key yet.
    """
    key = key or dedupe_key(request.receipt_number, kind, on.isoformat())
    if rows is not None:
        rows.after_insert(Notice, notices_deliver_after_commit)
        return rows.new(
            Notice,
            request=request,
            kind=kind.value,
            issued_on=on,
            content=content or {},
            dedupe_key=key,
        )
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


def notices_deliver_pending(batch: int = 500) -> int:
    """Deliver every notice not delivered yet, here and now: the outbox after a crash
    between a change's commit and its delivery (the sweep runs this). Returns how many."""
    delivered = 0
    start = 0
    while waiting := list(
        Notice.objects.filter(delivered_at__isnull=True, pk__gt=start)
        .order_by("pk")
        .values_list("pk", flat=True)[:batch]
    ):
        delivered += notices_deliver(waiting)
        start = waiting[-1]
    return delivered


def notices_deliver_after_commit(notices: Iterable[Notice]) -> None:
    """Queue delivery of new notices for when their transaction commits; a rollback sends none.

    The notices go to one job, so a change that issues many queues one message.
    """
    ids = [notice.pk for notice in notices]
    if ids:
        transaction.on_commit(partial(notices_deliver.delay, ids))
