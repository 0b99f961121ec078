"""Writes for accounts: creating users and issuing API tokens."""

from __future__ import annotations

import hashlib
import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from paroledesk.accounts.models import ApiToken, User
from paroledesk.audit.services import event_record
from paroledesk.core.codes import EventAction
from paroledesk.core.roles import MANAGER_ROLES, Role
from paroledesk.core.text import UnsafeText, clean_text


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_issue(*, user: User) -> str:
    """Make a new API token for the user and return it; only its digest is kept."""
    token = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, digest=token_digest(token), prefix=token[:8])
    return token


def _typed(value: str, field: str, label: str) -> str:
    """A name or address given to the command line, judged as every channel judges text."""
    try:
        return clean_text(value).strip()
    except UnsafeText as unsafe:
        raise ValidationError({field: unsafe.about(label)}) from None


def user_create(
    *,
    username: str,
    role: Role,
    email: str = "",
    password: str | None = None,
    actor: User | None = None,
) -> tuple[User, str]:
    """Create a user with one role and return it with a fresh API token.

    Supervisors and administrators may use the Django admin; only administrators
    are superusers. Without a password the account signs in by token only; with
    one it needs an e-mail address, which counts as verified: the administrator
    vouches for it (sign-up verifies every address it is given).
    """
    username = _typed(username, "username", "The user name")
    email = _typed(email, "email", "The e-mail address")
    if not username:
        raise ValidationError({"username": "A user name is required."})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"The user name {username!r} is already taken."})
    user = User(
        username=username,
        email=email,
        role=role.value,
        is_staff=role in MANAGER_ROLES,
        is_superuser=role is Role.ADMIN,
    )
    if password is not None and not email:
        raise ValidationError(
            {"email": "An account that signs in with a password needs an e-mail address."}
        )
    if email and EmailAddress.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": f"The address {email!r} is already in use."})
    if password is None:
        user.set_unusable_password()
    else:
        validate_password(password, user)
        user.set_password(password)
    user.full_clean(exclude=["password"])
    with transaction.atomic():
        user.save()
        if email:
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        token = token_issue(user=user)
        event_record(
            actor=actor,
            action=EventAction.USER_CREATED,
            reason=f"{username} joined as {role.value}.",
            data={"user": username, "role": role.value},
        )
    return user, token
