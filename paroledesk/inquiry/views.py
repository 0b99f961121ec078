"""The public status inquiry page: no sign-in, nothing kept in the address or the session.

An answer is shown in reply to the POST itself, never behind a link that could
be shared or kept in a browser's history.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from paroledesk.inquiry.forms import StatusInquiryForm
from paroledesk.inquiry.next_steps import next_steps
from paroledesk.inquiry.services import (
    GUESSES,
    TooManyTries,
    not_matched_message,
    status_inquire,
    too_many_tries_message,
)
from paroledesk.lib.attempts import client_of


@never_cache
@require_http_methods(["GET", "POST"])
def status_inquiry(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _form_page(request, StatusInquiryForm())
    client = client_of(request)
    form = StatusInquiryForm(request.POST)
    if not form.is_valid():
        if GUESSES.spent(client):
            return _form_page(request, form, problem=too_many_tries_message(), status=429)
        return _form_page(request, form, status=422)
    try:
        answer = status_inquire(
            identity=form.identity(),
            explanation=form.cleaned_data["explanation"],
            client=client,
        )
    except TooManyTries:
        return _form_page(request, form, problem=too_many_tries_message(), status=429)
    if answer is None:
        return _form_page(request, form, problem=not_matched_message(), status=404)
    context = {"answer": answer, "next_steps": next_steps(answer.status, on=timezone.localdate())}
    return render(request, "inquiry/answer.html", context)


def _form_page(
    request: HttpRequest,
    form: StatusInquiryForm,
    *,
    problem: str = "",
    status: int = 200,
) -> HttpResponse:
    context: dict[str, object] = {
        "form": form,
        "problem": problem,
        "guess_tries": GUESSES.tries,
        "guess_minutes": GUESSES.seconds // 60,
    }
    response = render(request, "inquiry/status.html", context, status=status)
    if status == 429:
        response["Retry-After"] = str(GUESSES.seconds)
    return response
