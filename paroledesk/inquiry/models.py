"""Status inquiries: a question asked by someone who proved they know the request, waiting
on the case for the officer who works it, and the officer's written answer."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from paroledesk.cases.models import ParoleRequest
from paroledesk.lib.fields import EncryptedTextField
from paroledesk.notices.models import Notice


class Inquiry(models.Model):
    request = models.ForeignKey(ParoleRequest, on_delete=models.PROTECT, related_name="inquiries")
    # What the asker wrote may say where a person in danger is: sealed at rest, bound
    # to this row (docs/security.md), like the request's own statement.
    seal_id = models.UUIDField(default=uuid.uuid4, editable=False)
    explanation = EncryptedTextField()
    asked_at = models.DateTimeField(default=timezone.now)
    answer = EncryptedTextField(blank=True, default="")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    # The written notice that carried the answer to the requestor.
    notice = models.OneToOneField(
        Notice, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "inquiries"
        indexes = [
            # The work lists count and mark the unanswered ones: few, whatever the table's size.
            models.Index(
                fields=["request", "asked_at"],
                condition=models.Q(answered_at__isnull=True),
                name="inquiry_unanswered",
            ),
        ]

    def __str__(self) -> str:
        return f"Inquiry {self.pk} on {self.request_id}"

    @property
    def answered(self) -> bool:
        return self.answered_at is not None
