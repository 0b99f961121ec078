"""Writing to the event log: the one writer of events. Callers own the transaction."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone

from paroledesk.audit.models import Event, View, subject_label
from paroledesk.core.codes import EventAction
from paroledesk.core.lifecycle import Action
from paroledesk.lib.rows import Rows, pk_of

if TYPE_CHECKING:
    from paroledesk.accounts.models import User


def event_record(
    *,
    action: Action | EventAction,
    actor: User | None,
    subject: models.Model | None = None,
    from_status: str = "",
    to_status: str = "",
    reason: str = "",
    data: dict[str, Any] | None = None,
    on: date | None = None,
    rows: Rows | None = None,
) -> Event:
    """Append one event about ``subject`` (if any).

    Saved now, or, with ``rows``, gathered with the rows of the change it records
    and inserted with them: then the subject may be a row not inserted yet.
    """
    values: dict[str, Any] = {
        "subject_type": subject_label(subject) if subject is not None else "",
        "subject_id": None,
        "actor": actor,
        "action": action.value,
        "from_status": from_status,
        "to_status": to_status,
        "reason": reason,
        "data": data or {},
        "on": on or timezone.localdate(),
    }
    if rows is not None:
        if subject is not None:
            values["subject_id"] = pk_of(subject)
        return rows.new(Event, **values)
    if subject is not None:
        values["subject_id"] = subject.pk
    return Event.objects.create(**values)


def view_record(*, subject: models.Model, viewer: User, via: str, item: str = "") -> None:
    """``viewer`` opened ``subject`` (or the ``item`` of it named) through ``via``, now."""
    View.objects.create(
        subject_type=subject_label(subject),
        subject_id=subject.pk,
        viewer=viewer,
        via=via,
        item=item,
    )
