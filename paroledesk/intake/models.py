"""What filing keeps of its own: receipt counters, idempotency keys, and drafts being written."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from paroledesk.cases.models import ParoleRequest
from paroledesk.lib.fields import EncryptedJSONField


class ReceiptSequence(models.Model):
    """The last sequence number issued per prefix and workday, raised under a row lock."""

    prefix = models.CharField(max_length=3)
    fiscal_year = models.PositiveSmallIntegerField()
    workday = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["prefix", "fiscal_year", "workday"], name="receipt_sequence_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix} FY{self.fiscal_year:02d} day {self.workday}: {self.last}"


class IdempotencyKey(models.Model):
    """The first answer to a filing sent with an Idempotency-Key, replayed for the same key.

    Bulk import uses the same table with a key made from each line's content, so
    importing a file twice files nothing twice.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    # SHA-256 of the filing document as parsed (core.json_text.fingerprint), not of the
    # bytes sent: the same document written another way is the same filing.
    body_sha256 = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField()
    response = models.JSONField()
    request = models.ForeignKey(
        ParoleRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="idempotency_owner_key_unique")
        ]

    def __str__(self) -> str:
        return f"{self.owner_id}:{self.key} -> {self.status_code}"


class FilingDraft(models.Model):
    """A filing being written in the wizard: saved on every step, resumed later, submitted once."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="filing_drafts"
    )
    # The filing document as far as it is written, in the contract's shape. It holds
    # the same personal data as Beneficiary, so it is encrypted at rest too.
    seal_id = models.UUIDField(default=uuid.uuid4, editable=False)
    data = EncryptedJSONField(default=dict)
    step = models.CharField(max_length=30, default="filer")
    submitted_request = models.OneToOneField(
        ParoleRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "-updated_at"], name="draft_owner_recent")]

    def __str__(self) -> str:
        return f"Draft {self.pk} by {self.owner_id} at step {self.step}"
