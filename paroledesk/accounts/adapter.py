from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.http import HttpRequest
from django.urls import reverse

from paroledesk.core.text import UnsafeText, clean_text


def _typed(value: str, label: str) -> str:
    """Text typed at sign-up, judged as every channel judges text (core.text)."""
    try:
        return clean_text(value)
    except UnsafeText as unsafe:
        raise forms.ValidationError(unsafe.about(label)) from None


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth is untyped
    """Self sign-up makes requestors only; staff accounts are made by administrators."""

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return reverse("landing")

    def clean_username(self, username: str, shallow: bool = False) -> str:
        cleaned: str = super().clean_username(_typed(username, "The user name"), shallow=shallow)
        return cleaned

    def clean_email(self, email: str) -> str:
        cleaned: str = super().clean_email(_typed(email, "The e-mail address"))
        return cleaned
