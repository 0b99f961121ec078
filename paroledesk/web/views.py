"""Pages. Thin: check the role, call a selector, render a USWDS template."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from paroledesk.accounts.decorators import roles_required, signed_in_user
from paroledesk.accounts.models import User
from paroledesk.adjudication.actions import (
    STEP_DONE,
    Step,
    StepRefused,
    action_refusal,
    available_actions,
    step_take,
)
from paroledesk.adjudication.dashboard import dashboard, officer_work
from paroledesk.adjudication.forms import (
    AddressForm,
    ArrivalForm,
    AssignForm,
    AssignOldestForm,
    DecisionForm,
    DepartureForm,
    EndParoleForm,
    MoveWorkForm,
    RfeForm,
    WorkPermitForm,
    officers_listed_once,
)
from paroledesk.adjudication.selectors import (
    QueueView,
    queue_page,
    sponsors_of,
)
from paroledesk.adjudication.services import (
    AdjudicationError,
    address_report,
    case_take,
    cases_assign_oldest,
    cases_move,
)
from paroledesk.cases.clock import clock_for
from paroledesk.cases.models import ParoleRequest
from paroledesk.cases.selectors import (
    RequestNotFound,
    case_for_step,
    events_of,
    family_of,
    linked_requests_of,
    possible_duplicates_of,
    request_for_user,
    requests_of_party,
    visible_requests,
)
from paroledesk.core.lifecycle import STATUS_TEXT, Status
from paroledesk.core.roles import (
    ADJUDICATOR_ROLES,
    MANAGER_ROLES,
    PARTY_ROLES,
    STAFF_ROLES,
    Role,
)
from paroledesk.inquiry.forms import InquiryAnswerForm
from paroledesk.inquiry.models import Inquiry
from paroledesk.inquiry.selectors import answer_refusal, inquiries_on, inquiries_waiting
from paroledesk.intake.wizard.steps import draft_rows
from paroledesk.policy.selectors import policy_on
from paroledesk.web.dashboard_charts import dashboard_charts
from paroledesk.web.queue_rows import table_body
from paroledesk.web.work_lists import work_list_context

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
    return _request_page(request, _seen(receipt_number, user), user)


def _seen(receipt_number: str, user: User) -> ParoleRequest:
    """The request through its one door (the view logged), or a 404 like any missing page."""
    try:
        return request_for_user(receipt_number=receipt_number, user=user, via="page")
    except RequestNotFound:
        raise Http404("No such request") from None


def _step_forms(case: ParoleRequest, user: User, data: Any = None) -> dict[str, Form]:
    """A form for each step this user may take on the case now (none for a party)."""
    made: dict[str, Form] = {}
    for step in available_actions(case, user) if user.is_staff_role else []:
        if step is Step.ASSIGN:
            made[step] = AssignForm(data)
        elif step is Step.REQUEST_EVIDENCE:
            made[step] = RfeForm(data)
        elif step is Step.RECORD_ARRIVAL:
            made[step] = ArrivalForm(data)
        elif step is Step.RECORD_DEPARTURE:
            made[step] = DepartureForm(data)
        elif step is Step.END_PAROLE:
            made[step] = EndParoleForm(data)
        elif step is Step.RECORD_WORK_PERMIT:
            made[step] = WorkPermitForm(data)
        elif step is Step.DECIDE:
            exceptions = policy_on(timezone.localdate()).parole_fee_exceptions()
            made[step] = DecisionForm(data, exceptions=exceptions)
        else:
            made[step] = Form(data)
    return made


def _request_page(
    request: HttpRequest,
    found: ParoleRequest,
    user: User,
    *,
    forms: dict[str, Form] | None = None,
    address_form: AddressForm | None = None,
    answer_form: InquiryAnswerForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "item": found,
        "clock": clock_for(found),
        "status_text": STATUS_TEXT[found.status_enum],
        "events": events_of(found),
        "notices": found.notices.order_by("issued_on", "id"),
        "family": family_of(found),
        # Refiled or renewed, either way: staff see all, a party only their own.
        "linked": linked_requests_of(found, user=user),
        # Who else may have filed for this person is for staff only (docs/security.md).
        "duplicates": possible_duplicates_of(found) if user.is_staff_role else [],
        "step_forms": forms if forms is not None else _step_forms(found, user),
        "sponsors": sponsors_of(found, today=timezone.localdate()) if user.is_staff_role else [],
        "address_form": address_form or _address_form(found, user),
        "inquiries": _inquiry_rows(found, user, answer_form),
    }
    return render(request, "web/request_detail.html", context, status=status)


def _inquiry_rows(
    case: ParoleRequest, user: User, answer_form: InquiryAnswerForm | None
) -> list[tuple[Inquiry, InquiryAnswerForm | None]]:
    """Each inquiry on the case this user may see, with a form to answer it where it waits
    and this user may answer (the form sent back, with its errors, for the one just tried)."""
    may = answer_refusal(user, case) is None
    rows: list[tuple[Inquiry, InquiryAnswerForm | None]] = []
    for inquiry in inquiries_on(case, user=user):
        form = None
        if may and not inquiry.answered:
            prefix = f"inquiry-{inquiry.pk}"
            mine = answer_form is not None and answer_form.prefix == prefix
            form = answer_form if mine else InquiryAnswerForm(prefix=prefix)
        rows.append((inquiry, form))
    return rows


@require_POST
@roles_required(STAFF_ROLES)
def case_step(request: HttpRequest, receipt_number: str, step: str) -> HttpResponse:
    """One step on a case from its page: done, then back to the page with what it did;
    refused or with answers to put right, the page again with the reason."""
    user = signed_in_user(request)
    try:
        case = case_for_step(receipt_number=receipt_number, user=user)
        taken = Step(step)
    except (RequestNotFound, ValueError):
        raise Http404("No such request") from None
    forms = _step_forms(case, user, request.POST)
    form = forms.get(taken)
    if form is None:
        refusal = action_refusal(case, user, taken)
        messages.error(request, refusal.message if refusal else "This step cannot be taken now.")
        return _back_to(case, user)
    if form.is_valid():
        try:
            step_take(case, user, taken, form.cleaned_data)
        except StepRefused as refused:
            messages.error(request, refused.refusal.message)
            return _back_to(case, user)
        except AdjudicationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, STEP_DONE[taken])
            return redirect("request_detail", case.receipt_number)
    # The page again, with everything filed: opened through the one door, so the view is logged.
    return _request_page(request, _seen(case.receipt_number, user), user, forms=forms, status=422)


def _address_form(case: ParoleRequest, user: User) -> AddressForm | None:
    """The parolee's side reports a new address (AR-11) while on parole."""
    on_parole = case.status_enum is Status.PAROLED
    return AddressForm() if on_parole and case.filed_by_id == user.pk else None


@require_POST
@roles_required(PARTY_ROLES)
def address_report_page(request: HttpRequest, receipt_number: str) -> HttpResponse:
    user = signed_in_user(request)
    case = _seen(receipt_number, user)
    form = AddressForm(request.POST)
    if form.is_valid():
        try:
            address_report(request=case, actor=user, **form.cleaned_data)
        except AdjudicationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request, gettext("The new address is recorded. Keep this page's notices.")
            )
            return redirect("request_detail", case.receipt_number)
    return _request_page(request, case, user, address_form=form, status=422)


def _back_to(case: ParoleRequest, user: User) -> HttpResponse:
    """To the case page if this user may see it, otherwise to their own start page."""
    if visible_requests(user=user).filter(pk=case.pk).exists():
        return redirect("request_detail", case.receipt_number)
    return redirect(LANDING[user.role_enum])


@roles_required(ADJUDICATOR_ROLES)
def work_queue(request: HttpRequest) -> HttpResponse:
    """A work list, its filters and one page of it; a bad value in the address is put back
    to its default, and the page says which."""
    context = work_list_context(
        request.GET, user=signed_in_user(request), today=timezone.localdate()
    )
    return render(request, "web/work_queue.html", context)


@require_POST
@roles_required(ADJUDICATOR_ROLES)
def take_next(request: HttpRequest) -> HttpResponse:
    """The oldest unassigned request becomes the signed-in officer's, and opens."""
    taken = case_take(officer=signed_in_user(request))
    if taken is None:
        messages.info(request, "No request is waiting for an officer.")
        return redirect("work_queue")
    messages.success(request, f"Request {taken.receipt_number} is yours now.")
    return redirect("request_detail", taken.receipt_number)


@roles_required({Role.SUPERVISOR})
def supervise(request: HttpRequest) -> HttpResponse:
    return _supervise_page(request)


def _supervise_page(
    request: HttpRequest,
    *,
    assign_form: AssignOldestForm | None = None,
    move_form: MoveWorkForm | None = None,
    status: int = 200,
) -> HttpResponse:
    today = timezone.localdate()
    waiting = queue_page(QueueView.UNASSIGNED, user=signed_in_user(request), today=today)
    assign_form = assign_form or AssignOldestForm()
    move_form = move_form or MoveWorkForm()
    officers_listed_once(assign_form, move_form)
    context = {
        "found": waiting,
        "body": table_body(
            waiting.rows,
            show_officer=False,
            hide_status=True,
            inquiring=inquiries_waiting(
                signed_in_user(request), listed=(row.request.pk for row in waiting.rows)
            ).marked,
        ),
        "officers": officer_work(today, unassigned=waiting.count),
        "assign_form": assign_form,
        "move_form": move_form,
    }
    return render(request, "web/supervise.html", context, status=status)


@require_POST
@roles_required({Role.SUPERVISOR})
def supervise_assign(request: HttpRequest) -> HttpResponse:
    """Many of the oldest waiting requests to one officer, each assigned on its own."""
    form = AssignOldestForm(request.POST)
    if not form.is_valid():
        return _supervise_page(request, assign_form=form, status=422)
    officer = form.cleaned_data["officer"]
    done = cases_assign_oldest(
        officer=officer, count=form.cleaned_data["count"], actor=signed_in_user(request)
    )
    messages.success(request, f"{done} request{pluralize(done)} assigned to {officer.username}.")
    return redirect("supervise")


@require_POST
@roles_required({Role.SUPERVISOR})
def supervise_move(request: HttpRequest) -> HttpResponse:
    """Rebalance: one officer's oldest open requests to another."""
    form = MoveWorkForm(request.POST)
    if form.is_valid():
        try:
            done = cases_move(actor=signed_in_user(request), **form.cleaned_data)
        except AdjudicationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            to = form.cleaned_data["to_officer"].username
            messages.success(request, f"{done} request{pluralize(done)} moved to {to}.")
            return redirect("supervise")
    return _supervise_page(request, move_form=form, status=422)


@roles_required(MANAGER_ROLES)
def supervise_dashboard(request: HttpRequest) -> HttpResponse:
    """Counts, ages and the weeks' decisions, each as a chart with its table."""
    figures = dashboard(timezone.localdate())
    return render(
        request,
        "web/dashboard.html",
        {"figures": figures, "charts": dashboard_charts(figures)},
    )


@roles_required({Role.ADMIN})
def administration(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    snapshot = policy_on(today)
    context = {"today": today, "policy_items": snapshot.items(), "statuses": list(Status)}
    return render(request, "web/administration.html", context)
