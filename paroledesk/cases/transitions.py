"""The only place a request's status changes: the lifecycle table, a row lock, one event.

It also keeps the request's clock: the days a request waits on its requestor
(for evidence asked for) do not count toward its age or its decision window.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from paroledesk.accounts.models import User
from paroledesk.audit.services import event_record
from paroledesk.cases.clock import due_on
from paroledesk.cases.models import ParoleRequest
from paroledesk.core.lifecycle import WAITING_ON_REQUESTOR, Action, Context, Status, transition
from paroledesk.policy.selectors import business_calendar


def context_for(
    request: ParoleRequest,
    actor: User | None,
    *,
    parole_days: int | None = None,
    long_period_days: int | None = None,
) -> Context:
    """What the lifecycle's guards need to know of this actor and this request."""
    if actor is None:
        return Context(actor_role=None, parole_days=parole_days, long_period_days=long_period_days)
    return Context(
        actor_role=actor.role_enum,
        is_assigned_officer=request.assigned_officer_id == actor.pk,
        is_party=request.filed_by_id == actor.pk,
        parole_days=parole_days,
        long_period_days=long_period_days,
    )


def request_lock(request: ParoleRequest) -> ParoleRequest:
    """Reload the request under a row lock; call inside transaction.atomic()."""
    return ParoleRequest.objects.select_for_update().get(pk=request.pk)


def _keep_the_clock(request: ParoleRequest, before: Status, after: Status, on: date) -> list[str]:
    """Start or end a wait on the requestor; the fields changed."""
    waiting_before, waiting_after = before in WAITING_ON_REQUESTOR, after in WAITING_ON_REQUESTOR
    if waiting_after and not waiting_before:
        request.waiting_since = on
        return ["waiting_since"]
    if waiting_before and not waiting_after and request.waiting_since is not None:
        waited = business_calendar().count(request.waiting_since, max(on, request.waiting_since))
        request.waited_business_days += waited
        request.waiting_since = None
        request.decision_due_on = due_on(request.received_on, request.waited_business_days)
        return ["waiting_since", "waited_business_days", "decision_due_on"]
    return []


def request_transition(
    *,
    request: ParoleRequest,
    action: Action,
    actor: User | None,
    on: date,
    reason: str = "",
    data: dict[str, Any] | None = None,
    parole_days: int | None = None,
    long_period_days: int | None = None,
    update_fields: tuple[str, ...] = (),
) -> Status:
    """Apply one action from the table (raises TransitionRefused) and write its event.

    The caller holds the transaction and the lock, and may have changed other
    fields of the request that this save must carry (update_fields).
    """
    before = request.status_enum
    ctx = context_for(request, actor, parole_days=parole_days, long_period_days=long_period_days)
    after = transition(before, action, ctx)
    request.status = after.value
    clock = _keep_the_clock(request, before, after, on)
    request.save(update_fields=["status", "updated_at", *clock, *update_fields])
    event_record(
        subject=request,
        actor=actor,
        action=action,
        from_status=before.value,
        to_status=after.value,
        reason=reason,
        data=data,
        on=on,
    )
    return after
