"""Pages. Thin: check the role, call a selector, render a USWDS template."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from paroledesk.accounts.decorators import roles_required, signed_in_user
from paroledesk.adjudication.selectors import QueueView, officer_loads, queue
from paroledesk.cases.clock import clock_for
from paroledesk.cases.selectors import (
    RequestNotFound,
    events_of,
    family_of,
    possible_duplicates_of,
    request_for_user,
    requests_of_party,
)
from paroledesk.core.lifecycle import STATUS_TEXT, Status
from paroledesk.core.roles import ADJUDICATOR_ROLES, PARTY_ROLES, Role
from paroledesk.intake.wizard.steps import draft_rows
from paroledesk.policy.selectors import policy_on

LANDING = {
    Role.REQUESTOR: "my_requests",
    Role.REPRESENTATIVE: "my_requests",
    Role.OFFICER: "work_queue",
    Role.SUPERVISOR: "supervise",
    Role.ADMIN: "administration",
}


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html")


@login_required
def landing(request: HttpRequest) -> HttpResponse:
    return redirect(LANDING[signed_in_user(request).role_enum])


@roles_required(PARTY_ROLES)
def my_requests(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    user = signed_in_user(request)
    rows = [(item, clock_for(item, today=today)) for item in requests_of_party(user=user)]
    drafts = draft_rows(owner=user)
    return render(request, "web/my_requests.html", {"rows": rows, "drafts": drafts})


@login_required
def request_detail(request: HttpRequest, receipt_number: str) -> HttpResponse:
    user = signed_in_user(request)
    try:
        found = request_for_user(receipt_number=receipt_number, user=user, via="page")
    except RequestNotFound:
        raise Http404("No such request") from None
    context = {
        "item": found,
        "clock": clock_for(found),
        "status_text": STATUS_TEXT[found.status_enum],
        "events": events_of(found),
        "notices": found.notices.order_by("issued_on", "id"),
        "family": family_of(found),
        # Who else may have filed for this person is for staff only (docs/security.md).
        "duplicates": possible_duplicates_of(found) if user.is_staff_role else [],
    }
    return render(request, "web/request_detail.html", context)


@roles_required(ADJUDICATOR_ROLES)
def work_queue(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    today = timezone.localdate()
    mine = queue(QueueView.MINE, user=user)[:50]
    rows = [(item, clock_for(item, today=today)) for item in mine]
    rfe_count = queue(QueueView.RFE, user=user).count()
    return render(request, "web/work_queue.html", {"rows": rows, "rfe_count": rfe_count})


@roles_required({Role.SUPERVISOR})
def supervise(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    unassigned = queue(QueueView.UNASSIGNED, user=signed_in_user(request))
    rows = [(item, clock_for(item, today=today)) for item in unassigned[:50]]
    context = {"rows": rows, "unassigned_count": unassigned.count(), "officers": officer_loads()}
    return render(request, "web/supervise.html", context)


@roles_required({Role.ADMIN})
def administration(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    snapshot = policy_on(today)
    context = {"today": today, "policy_items": snapshot.items(), "statuses": list(Status)}
    return render(request, "web/administration.html", context)
