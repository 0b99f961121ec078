"""Written notices: every decision and reminder is one, to the requestor and representative."""

from __future__ import annotations

from enum import StrEnum

from django.db import models

from paroledesk.cases.models import ParoleRequest


class NoticeKind(StrEnum):
    RECEIPT = "receipt"
    RFE = "rfe"
    CONDITIONAL_APPROVAL = "conditional_approval"
    APPROVAL = "approval"
    DENIAL = "denial"
    WITHDRAWAL = "withdrawal"
    CLOSURE = "closure"
    RFE_REMINDER = "rfe_reminder"
    FEE_REMINDER = "fee_reminder"
    PAROLE_ENDING_REMINDER = "parole_ending_reminder"
    TERMINATION = "termination"
    INQUIRY_ANSWER = "inquiry_answer"


NOTICE_TITLES = {
    NoticeKind.RECEIPT: "Receipt notice",
    NoticeKind.RFE: "Request for evidence",
    NoticeKind.CONDITIONAL_APPROVAL: "Conditional approval: parole fee due",
    NoticeKind.APPROVAL: "Approval of parole",
    NoticeKind.DENIAL: "Denial notice",
    NoticeKind.WITHDRAWAL: "Withdrawal acknowledged",
    NoticeKind.CLOSURE: "Request closed",
    NoticeKind.RFE_REMINDER: "Reminder: evidence due",
    NoticeKind.FEE_REMINDER: "Reminder: parole fee due",
    NoticeKind.PAROLE_ENDING_REMINDER: "Reminder: parole ending",
    NoticeKind.TERMINATION: "Termination of parole",
    NoticeKind.INQUIRY_ANSWER: "Answer to a status inquiry",
}


def dedupe_key(receipt_number: str, kind: NoticeKind, on_iso: str) -> str:
    """The key that makes one notice of a kind per request and day (the sweep may rerun)."""
    return f"{receipt_number}:{kind.value}:{on_iso}"


class Notice(models.Model):
    request = models.ForeignKey(ParoleRequest, on_delete=models.PROTECT, related_name="notices")
    kind = models.CharField(
        max_length=30, choices=[(kind.value, title) for kind, title in NOTICE_TITLES.items()]
    )
    issued_on = models.DateField()
    # What the letter says, fixed at issue: a later correction of policy must
    # not change a notice already sent.
    content = models.JSONField(default=dict)
    # Idempotency for the daily sweep: the same reminder is never issued twice.
    dedupe_key = models.CharField(max_length=100)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dedupe_key"], name="notice_dedupe_unique")]
        indexes = [models.Index(fields=["request", "issued_on"], name="notice_request")]

    def __str__(self) -> str:
        return f"{self.kind} notice on {self.request}"
