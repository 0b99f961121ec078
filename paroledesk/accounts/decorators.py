"""Sign-in for pages: a view for some roles only."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from paroledesk.accounts.models import User
from paroledesk.core.roles import Role

View = Callable[..., HttpResponse]


def roles_required(roles: Iterable[Role]) -> Callable[[View], View]:
    """Signed in, and with one of ``roles`` (a set from core.roles); otherwise 403."""
    allowed = frozenset(roles)

    def decorate(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            assert isinstance(user, User)
            if user.role_enum not in allowed:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def signed_in_user(request: HttpRequest) -> User:
    """The user of a request that a sign-in decorator let through."""
    assert isinstance(request.user, User)
    return request.user
