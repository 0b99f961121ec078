"""Policy as dated data: each value with the date it took effect.

Code never asks for "the fee"; it asks for the policy in force on a date
(paroledesk.policy.selectors.policy_on). Administrators correct values here.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from paroledesk.core.policy import SPECS, PolicyKey, PolicyValueError, parse_value


class PolicyValue(models.Model):
    key = models.CharField(max_length=60, choices=[(key.value, key.value) for key in PolicyKey])
    effective_from = models.DateField(help_text="The first day this value is in force.")
    value = models.JSONField(help_text="A number of dollars or days, a text, or a list.")
    source = models.CharField(max_length=300, help_text="Where the value comes from.")
    note = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "effective_from"], name="policy_key_date_unique")
        ]
        ordering = ["key", "-effective_from"]

    def __str__(self) -> str:
        return f"{self.key} from {self.effective_from}"

    def clean(self) -> None:
        try:
            self.value = parse_value(PolicyKey(self.key), self.value)
        except (PolicyValueError, ValueError) as error:
            raise ValidationError({"value": str(error)}) from None

    @property
    def description(self) -> str:
        return SPECS[PolicyKey(self.key)].description


class ClosureDay(models.Model):
    """A day the agency is closed beyond the federal holidays (e.g. an executive order)."""

    day = models.DateField()
    reason = models.CharField(max_length=200)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day"], name="closure_day_unique")]
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"{self.day}: {self.reason}"
