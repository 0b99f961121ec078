"""The only place a request's status changes: the lifecycle table, a row lock, one event."""

from __future__ import annotations

from datetime import date
from typing import Any

from paroledesk.accounts.models import User
from paroledesk.audit.services import event_record
from paroledesk.core.lifecycle import Action, Context, Status, available_actions, transition
from paroledesk.intake.models import ParoleRequest


def context_for(
    request: ParoleRequest, actor: User | None, *, parole_days: int | None = None
) -> Context:
    if actor is None:
        return Context(actor_role=None, parole_days=parole_days)
    return Context(
        actor_role=actor.role_enum,
        is_assigned_officer=request.assigned_officer_id == actor.pk,
        is_party=request.filed_by_id == actor.pk,
        parole_days=parole_days,
    )


def actions_for(request: ParoleRequest, user: User | None) -> list[Action]:
    """What this user may do to this request now: the page's buttons and the API's permissions."""
    return available_actions(request.status_enum, context_for(request, user))


def request_lock(request: ParoleRequest) -> ParoleRequest:
    """Reload the request under a row lock; call inside transaction.atomic()."""
    return ParoleRequest.objects.select_for_update().get(pk=request.pk)


def request_transition(
    *,
    request: ParoleRequest,
    action: Action,
    actor: User | None,
    on: date,
    reason: str = "",
    data: dict[str, Any] | None = None,
    parole_days: int | None = None,
    update_fields: tuple[str, ...] = (),
) -> Status:
    """Apply one action from the table (raises TransitionRefused) and write its event.

    The caller holds the transaction and the lock, and may have changed other
    fields of the request that this save must carry (update_fields).
    """
    before = request.status_enum
    after = transition(before, action, context_for(request, actor, parole_days=parole_days))
    request.status = after.value
    request.save(update_fields=["status", "updated_at", *update_fields])
    event_record(
        request=request,
        actor=actor,
        action=action.value,
        from_status=before.value,
        to_status=after.value,
        reason=reason,
        data=data,
        on=on,
    )
    return after
