"""People who sign in: requestors, representatives and staff, each with one role."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from paroledesk.core.roles import PARTY_ROLES, STAFF_ROLES, Role


class User(AbstractUser):
    role = models.CharField(
        max_length=20,
        choices=[(role.value, role.value.capitalize()) for role in Role],
        default=Role.REQUESTOR.value,
    )

    @property
    def role_enum(self) -> Role:
        return Role(self.role)

    @property
    def is_party_role(self) -> bool:
        return self.role_enum in PARTY_ROLES

    @property
    def is_staff_role(self) -> bool:
        return self.role_enum in STAFF_ROLES

    def __str__(self) -> str:
        return self.username


class ApiToken(models.Model):
    """An API token. Only its SHA-256 digest is stored: a leaked database leaks no tokens."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64)
    prefix = models.CharField(max_length=8, help_text="The first characters, to tell tokens apart.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["digest"], name="apitoken_digest_unique")]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"
