"""The officer's work: assignments, requests for evidence and decisions."""

from __future__ import annotations

from enum import StrEnum

from django.conf import settings
from django.db import models

from paroledesk.cases.models import ParoleRequest
from paroledesk.lib.fields import choices


class AssignmentState(StrEnum):
    OPEN = "open"
    ON_HOLD = "on_hold"
    DONE = "done"


class Assignment(models.Model):
    """A work item apart from the case status: who holds the case, since when, due when."""

    request = models.ForeignKey(ParoleRequest, on_delete=models.CASCADE, related_name="assignments")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    state = models.CharField(max_length=10, choices=choices(AssignmentState), default="open")
    assigned_on = models.DateField()
    due_on = models.DateField(help_text="The latest day of the request's decision window.")
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["request"],
                condition=~models.Q(state="done"),
                name="assignment_one_active",
            )
        ]

    def __str__(self) -> str:
        return f"{self.request} to {self.officer} ({self.state})"


class EvidenceRequest(models.Model):
    """A request for evidence (RFE): the clock waits for the answer or the deadline."""

    request = models.ForeignKey(ParoleRequest, on_delete=models.CASCADE, related_name="rfes")
    items = models.JSONField()
    issued_on = models.DateField()
    due_on = models.DateField()
    answered_on = models.DateField(null=True, blank=True)
    lapsed_on = models.DateField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["due_on"], name="rfe_due")]

    def __str__(self) -> str:
        return f"RFE on {self.request}, due {self.due_on}"


class Outcome(StrEnum):
    APPROVE = "approve"
    DENY = "deny"


class DenialReason(StrEnum):
    NO_URGENT_HUMANITARIAN_REASON = "no_urgent_humanitarian_reason"
    NO_SIGNIFICANT_PUBLIC_BENEFIT = "no_significant_public_benefit"
    VISA_ROUTE_AVAILABLE = "visa_route_available"
    INSUFFICIENT_EVIDENCE = "insufficient_evidence"
    INSUFFICIENT_FINANCIAL_SUPPORT = "insufficient_financial_support"
    ADVERSE_DISCRETIONARY_FACTORS = "adverse_discretionary_factors"
    OTHER = "other"


DENIAL_TEXT = {
    DenialReason.NO_URGENT_HUMANITARIAN_REASON: "No urgent humanitarian reason was shown.",
    DenialReason.NO_SIGNIFICANT_PUBLIC_BENEFIT: "No significant public benefit was shown.",
    DenialReason.VISA_ROUTE_AVAILABLE: "A visa or other route to the United States is available.",
    DenialReason.INSUFFICIENT_EVIDENCE: "The evidence does not support the request.",
    DenialReason.INSUFFICIENT_FINANCIAL_SUPPORT: "The financial support shown is not enough.",
    DenialReason.ADVERSE_DISCRETIONARY_FACTORS: "Other factors weigh against parole.",
    DenialReason.OTHER: "Another reason, explained below.",
}


class Decision(models.Model):
    """The one decision on a request. A second is refused by the lifecycle and this constraint."""

    request = models.OneToOneField(ParoleRequest, on_delete=models.PROTECT, related_name="decision")
    outcome = models.CharField(max_length=10, choices=choices(Outcome))
    parole_days = models.PositiveIntegerField(null=True, blank=True)
    reasons = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField()

    class Meta:
        # The dashboard counts the last weeks' decisions by outcome from this alone.
        indexes = [models.Index(fields=["decided_on", "outcome"], name="decision_week")]

    def __str__(self) -> str:
        return f"{self.outcome} on {self.request}"
