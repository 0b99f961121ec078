"""The one append-only event log, and the log of who viewed what.

Every change writes one Event in the same transaction as the change. The same
rows are the audit trail, the officer's timeline and the public status
history, so they may never be edited or deleted. The log knows no feature: an
event names its subject by the subject's model label and primary key, so any
app below or above can be written about without this app knowing it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from paroledesk.core.codes import EventAction
from paroledesk.core.lifecycle import Action
from paroledesk.lib.fields import choices


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


def subject_label(model: type[models.Model] | models.Model) -> str:
    """How the log names a kind of subject: its model's label, e.g. "cases.parolerequest"."""
    return model._meta.label_lower


class SubjectQuerySet(models.QuerySet[Any]):
    def about(self, subject: models.Model) -> SubjectQuerySet:
        return self.filter(subject_type=subject_label(subject), subject_id=subject.pk)


class Event(AppendOnly):
    # What the event is about, if anything: a request, a user, a policy value.
    subject_type = models.CharField(max_length=60, blank=True)
    subject_id = models.BigIntegerField(null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=40, choices=[*choices(Action), *choices(EventAction)])
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30, blank=True)
    reason = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    on = models.DateField(help_text="The business date of the change, shown in histories.")
    at = models.DateTimeField(default=timezone.now, help_text="When it was written.")

    objects = SubjectQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "at", "id"], name="event_subject_at")
        ]
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.on} {self.action} {self.from_status}->{self.to_status}"


class View(AppendOnly):
    """A staff member opened something private: privacy requires that we can say who saw what."""

    subject_type = models.CharField(max_length=60)
    subject_id = models.BigIntegerField()
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    via = models.CharField(max_length=20)
    # Which part of the subject was asked for, when it is more than the subject itself:
    # "document 12", "notice 3". Empty for the whole subject (its page, its API record).
    item = models.CharField(max_length=40, blank=True, default="")
    at = models.DateTimeField(default=timezone.now)

    objects = SubjectQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "at"], name="view_subject_at")
        ]

    def __str__(self) -> str:
        seen = f"{self.subject_type} {self.subject_id}"
        return f"{self.viewer_id} viewed {seen} at {self.at:%Y-%m-%d %H:%M}"
