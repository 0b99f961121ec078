"""Pages. Thin: check the role, call a selector, render a USWDS template."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.adjudication.selectors import (
    clock_for,
    officer_loads,
    queue_for_officer,
    queue_rfe,
    queue_unassigned,
)
from paroledesk.core.lifecycle import STATUS_TEXT, Status
from paroledesk.core.roles import Role
from paroledesk.intake.selectors import RequestNotFound, request_for_user, requests_of_party
from paroledesk.intake.wizard import draft_rows
from paroledesk.policy.selectors import policy_on

View = Callable[..., HttpResponse]

LANDING = {
    Role.REQUESTOR: "my_requests",
    Role.REPRESENTATIVE: "my_requests",
    Role.OFFICER: "work_queue",
    Role.SUPERVISOR: "supervise",
    Role.ADMIN: "administration",
}


def roles_required(*roles: Role) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            assert isinstance(user, User)
            if user.role_enum not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html")


@login_required
def landing(request: HttpRequest) -> HttpResponse:
    return redirect(LANDING[_user(request).role_enum])


@roles_required(Role.REQUESTOR, Role.REPRESENTATIVE)
def my_requests(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    user = _user(request)
    rows = [(item, clock_for(item, today=today)) for item in requests_of_party(user=user)]
    drafts = draft_rows(owner=user)
    return render(request, "web/my_requests.html", {"rows": rows, "drafts": drafts})


@login_required
def request_detail(request: HttpRequest, receipt_number: str) -> HttpResponse:
    try:
        found = request_for_user(receipt_number=receipt_number, user=_user(request), via="page")
    except RequestNotFound:
        raise Http404("No such request") from None
    context = {
        "item": found,
        "clock": clock_for(found),
        "status_text": STATUS_TEXT[found.status_enum],
        "events": found.events.select_related("actor").order_by("at", "id"),
        "notices": found.notices.order_by("issued_on", "id"),
    }
    return render(request, "web/request_detail.html", context)


@roles_required(Role.OFFICER, Role.SUPERVISOR)
def work_queue(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    today = timezone.localdate()
    rows = [(item, clock_for(item, today=today)) for item in queue_for_officer(officer=user)[:50]]
    rfe_count = queue_rfe(officer=user).count()
    return render(request, "web/work_queue.html", {"rows": rows, "rfe_count": rfe_count})


@roles_required(Role.SUPERVISOR)
def supervise(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    unassigned = queue_unassigned()
    rows = [(item, clock_for(item, today=today)) for item in unassigned[:50]]
    context = {"rows": rows, "unassigned_count": unassigned.count(), "officers": officer_loads()}
    return render(request, "web/supervise.html", context)


@roles_required(Role.ADMIN)
def administration(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    snapshot = policy_on(today)
    context = {"today": today, "policy_items": snapshot.items(), "statuses": list(Status)}
    return render(request, "web/administration.html", context)
