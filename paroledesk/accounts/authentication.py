"""`Authorization: Token <token>` checked against the stored digest.

A staff member's token works only once that account has set up its second
factor: a token is a password that never expires, so it must not let staff
skip what signing in would ask of them (docs/security.md, finding 1).
"""

from __future__ import annotations

from django.utils import timezone
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from paroledesk.accounts.models import ApiToken, User
from paroledesk.accounts.second_factor import SET_UP_FIRST, needs_second_factor
from paroledesk.accounts.services import token_digest


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "The Authorization header must be 'Token' followed by one token."
            )
        try:
            token = header[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(
                "The token has characters it cannot have."
            ) from None
        found = (
            ApiToken.objects.select_related("user")
            .filter(digest=token_digest(token), revoked_at__isnull=True)
            .first()
        )
        if found is None or not found.user.is_active:
            raise exceptions.AuthenticationFailed("The token is not valid.")
        if needs_second_factor(found.user):
            raise exceptions.AuthenticationFailed(f"{SET_UP_FIRST} Sign in on the site to do so.")
        now = timezone.now()
        # Touch last_used at most once a minute so reads stay reads.
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        return found.user, found

    def authenticate_header(self, request: Request) -> str:
        return self.keyword
