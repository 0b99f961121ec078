"""Writing policy: loading the published defaults and administrators' corrections."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction

from paroledesk.audit.services import event_record
from paroledesk.core.codes import EventAction
from paroledesk.core.policy import DEFAULT_ENTRIES
from paroledesk.policy.models import ClosureDay, PolicyValue
from paroledesk.policy.selectors import forget_policy

if TYPE_CHECKING:
    from paroledesk.accounts.models import User


def policy_load_defaults() -> int:
    """Add the published values that are missing, never overwriting a correction; count them."""
    added = 0
    with transaction.atomic():
        existing = set(PolicyValue.objects.values_list("key", "effective_from"))
        for entry in DEFAULT_ENTRIES:
            if (entry.key.value, entry.effective_from) in existing:
                continue
            PolicyValue.objects.create(
                key=entry.key.value,
                effective_from=entry.effective_from,
                value=entry.value,
                source=entry.source,
            )
            added += 1
        if added:
            event_record(actor=None, action=EventAction.POLICY_LOADED, data={"added": added})
    if added:
        transaction.on_commit(forget_policy)
    return added


def policy_value_save(*, row: PolicyValue, actor: User | None) -> PolicyValue:
    """Save an administrator's value (validated), with its event."""
    row.full_clean()
    row.changed_by = actor
    with transaction.atomic():
        adding = row._state.adding
        row.save()
        event_record(
            actor=actor,
            action=EventAction.POLICY_ADDED if adding else EventAction.POLICY_CORRECTED,
            reason=row.note,
            data={
                "key": row.key,
                "effective_from": row.effective_from.isoformat(),
                "value": row.value,
                "source": row.source,
            },
        )
        transaction.on_commit(forget_policy)
    return row


def closure_day_save(*, day: date, reason: str, actor: User | None) -> ClosureDay:
    with transaction.atomic():
        closure, _ = ClosureDay.objects.update_or_create(
            day=day, defaults={"reason": reason, "changed_by": actor}
        )
        event_record(
            actor=actor,
            action=EventAction.CLOSURE_DECLARED,
            reason=reason,
            data={"day": day.isoformat()},
        )
        transaction.on_commit(forget_policy)
    return closure
