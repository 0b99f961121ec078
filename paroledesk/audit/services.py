"""Writing to the event log. Callers own the transaction; this only appends."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from paroledesk.audit.models import Event, View

if TYPE_CHECKING:
    from paroledesk.accounts.models import User
    from paroledesk.intake.models import ParoleRequest


def event_record(
    *,
    action: str,
    actor: User | None,
    request: ParoleRequest | None = None,
    from_status: str = "",
    to_status: str = "",
    reason: str = "",
    data: dict[str, Any] | None = None,
    on: date | None = None,
) -> Event:
    return Event.objects.create(
        request=request,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        data=data or {},
        on=on or timezone.localdate(),
    )


def view_record(*, request: ParoleRequest, viewer: User, via: str) -> None:
    View.objects.create(request=request, viewer=viewer, via=via)
