from __future__ import annotations

import base64
import time
from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context

# The internal module, as allauth's adapter uses it: its usage can be taken back.
from allauth.core.internal import ratelimit
from allauth.mfa.adapter import DefaultMFAAdapter
from django import forms
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext

from paroledesk.accounts.models import User
from paroledesk.core.text import UnsafeText, clean_text
from paroledesk.lib.fields import data_keyring

# What a sealed second-factor secret is bound to: it opens nowhere else.
_SECRET_CONTEXT = b"mfa:secret"


def _typed(value: str, label: str) -> str:
    """Text typed at sign-up, judged as every channel judges text (core.text)."""
    try:
        return clean_text(value)
    except UnsafeText as unsafe:
        raise forms.ValidationError(unsafe.about(label, translate=gettext)) from None


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth is untyped
    """Self sign-up makes requestors only; staff accounts are made by administrators.

    Failed sign-ins are counted twice (settings.ACCOUNT_RATE_LIMITS): allauth
    counts them per account ("login_failed", keyed by the user name), and this
    adapter per account and client address ("login_failed_from"). A lockout
    thus never reaches another account, whoever shares the address.
    """

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return reverse("landing")

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        # Managing one's second factor asks for the password again, unless the
        # sign-in itself was moments ago (allauth's reauthentication timeout):
        # a staff member setting up the app at first sign-in, then shown the
        # recovery codes, is not asked twice for what they just typed.
        request = context.request
        user = getattr(request, "user", None)
        if app == "allauth.mfa" and isinstance(user, User):
            records = get_authentication_records(request, user)
            if (
                records
                and time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT
            ):
                return False
        required: bool = super().is_reauthentication_required(app=app, **kwargs)
        return required

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # allauth keys an account's failures by host name and user name: one account
        # behind three host names would get three allowances. The user name alone.
        return str(credentials.get("username", "")).lower()

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        login = str(credentials.get("username", "")).lower()
        # The address first: a client locked out of an account spends none of that
        # account's allowance, which its owner elsewhere still has.
        self._failed_from_usage = ratelimit.consume(
            request,
            app="allauth.account",
            action="login_failed_from",
            key=f"{self.get_client_ip(request)}|{login}",
        )
        if not self._failed_from_usage:
            raise self.validation_error("too_many_login_attempts")
        super().pre_authenticate(request, **credentials)

    def _rollback_login_failed_rl_usage(self) -> None:
        # The right password takes back what this attempt counted, in both counts.
        super()._rollback_login_failed_rl_usage()
        usage = getattr(self, "_failed_from_usage", None)
        if usage:
            usage.rollback()

    def clean_username(self, username: str, shallow: bool = False) -> str:
        cleaned: str = super().clean_username(
            _typed(username, gettext("The user name")), shallow=shallow
        )
        return cleaned

    def clean_email(self, email: str) -> str:
        cleaned: str = super().clean_email(_typed(email, gettext("The e-mail address")))
        return cleaned


class SecondFactorAdapter(DefaultMFAAdapter):  # type: ignore[misc]  # allauth is untyped
    """Second-factor secrets (TOTP keys, recovery-code seeds) sealed with the data key.

    A copied database then gives no one a staff member's codes (docs/security.md)."""

    def encrypt(self, text: str) -> str:
        sealed = data_keyring().seal(text.encode(), use="fields", context=_SECRET_CONTEXT)
        return base64.b64encode(sealed).decode()

    def decrypt(self, encrypted_text: str) -> str:
        sealed = base64.b64decode(encrypted_text)
        return data_keyring().open(sealed, use="fields", context=_SECRET_CONTEXT).decode()
