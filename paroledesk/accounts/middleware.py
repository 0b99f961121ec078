"""Staff reach nothing as staff before they have set up their second factor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect

from paroledesk.accounts.models import User
from paroledesk.accounts.second_factor import SET_UP_FIRST, needs_second_factor
from paroledesk.core.codes import ErrorCode


class StaffSecondFactorMiddleware:
    """A signed-in staff member without an authenticator app is sent to set one up.

    Only allauth's own pages (signing out, setting up the app, e-mail) stay
    open; every other page, the admin and the API answer with the set-up page
    (or, under /api/, a 403 in the API's error shape).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        if not isinstance(user, User) or view.__module__.startswith("allauth."):
            return None
        if not needs_second_factor(user):
            return None
        if request.path.startswith("/api/"):
            # Imported here: the API's error module loads DRF, whose settings load
            # parsers that import that module back; middleware loads before all that.
            from paroledesk.lib.api_errors import error_body  # noqa: PLC0415

            body = error_body(ErrorCode.PERMISSION_DENIED, SET_UP_FIRST)
            return JsonResponse(body, status=403)
        messages.info(request, SET_UP_FIRST)
        return redirect("mfa_activate_totp")
