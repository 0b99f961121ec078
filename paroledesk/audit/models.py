"""The one append-only event log, and the log of who viewed which request.

Every change to a request writes one Event in the same transaction as the
change. The same rows are the audit trail, the officer's timeline and the
public status history, so they may never be edited or deleted.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


class AppendOnlyError(Exception):
    pass


class AppendOnly(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(f"{type(self).__name__} rows are append-only.")


class Event(AppendOnly):
    request = models.ForeignKey(
        "intake.ParoleRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30, blank=True)
    reason = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    on = models.DateField(help_text="The business date of the change, shown in histories.")
    at = models.DateTimeField(default=timezone.now, help_text="When it was written.")

    class Meta:
        indexes = [models.Index(fields=["request", "at", "id"], name="event_request_at")]
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.on} {self.action} {self.from_status}->{self.to_status}"


class View(AppendOnly):
    """A staff member opened a request: privacy requires that we can say who saw what."""

    request = models.ForeignKey("intake.ParoleRequest", on_delete=models.PROTECT, related_name="+")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    via = models.CharField(max_length=20)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["request", "at"], name="view_request_at")]

    def __str__(self) -> str:
        return f"{self.viewer_id} viewed {self.request_id} at {self.at:%Y-%m-%d %H:%M}"
