from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from paroledesk.accounts.models import User
from paroledesk.policy.models import ClosureDay, PolicyValue
from paroledesk.policy.services import closure_day_save, policy_value_save


def _actor(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


@admin.register(PolicyValue)
class PolicyValueAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["key", "value", "effective_from", "source", "changed_by", "changed_at"]
    list_filter = ["key"]
    readonly_fields = ["description", "changed_by", "changed_at"]
    fields = [
        "key",
        "description",
        "effective_from",
        "value",
        "source",
        "note",
        "changed_by",
        "changed_at",
    ]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A value that was in force is history: correct it with a later value instead.
        return False

    def save_model(self, request: HttpRequest, obj: PolicyValue, form: Any, change: bool) -> None:
        policy_value_save(row=obj, actor=_actor(request))


@admin.register(ClosureDay)
class ClosureDayAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["day", "reason", "changed_by"]
    fields = ["day", "reason"]

    def save_model(self, request: HttpRequest, obj: ClosureDay, form: Any, change: bool) -> None:
        closure_day_save(day=obj.day, reason=obj.reason, actor=_actor(request))
