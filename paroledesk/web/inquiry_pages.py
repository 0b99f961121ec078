"""The officer answers a status inquiry from the case page; the answer goes out as a notice."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from paroledesk.accounts.decorators import roles_required, signed_in_user
from paroledesk.core.roles import STAFF_ROLES
from paroledesk.inquiry.forms import InquiryAnswerForm
from paroledesk.inquiry.models import Inquiry
from paroledesk.inquiry.services import InquiryRefused, inquiry_answer
from paroledesk.web.views import _request_page, _seen


@require_POST
@roles_required(STAFF_ROLES)
def inquiry_answer_page(request: HttpRequest, receipt_number: str, inquiry_id: int) -> HttpResponse:
    user = signed_in_user(request)
    # Through the case's one door: an officer not assigned to it finds nothing here.
    case = _seen(receipt_number, user)
    inquiry = Inquiry.objects.filter(pk=inquiry_id, request=case).first()
    if inquiry is None:
        raise Http404("No such inquiry")
    form = InquiryAnswerForm(request.POST, prefix=f"inquiry-{inquiry.pk}")
    if form.is_valid():
        try:
            inquiry_answer(inquiry=inquiry, answer=form.cleaned_data["answer"], actor=user)
        except InquiryRefused as refused:
            if refused.field is None:
                messages.error(request, refused.message)
                return redirect("request_detail", case.receipt_number)
            form.add_error("answer", refused.message)
        else:
            messages.success(request, "The answer is sent: the requestor has a notice.")
            return redirect("request_detail", case.receipt_number)
    return _request_page(request, case, user, answer_form=form, status=422)
