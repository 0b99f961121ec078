from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth is untyped
    """Self sign-up makes requestors only; staff accounts are made by administrators."""

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return reverse("landing")
