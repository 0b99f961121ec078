"""Adding evidence to a filed request from the browser: the page shown right after filing.

A request must exist before evidence can be stored (the files are encrypted
against it), so the wizard files first and asks for files here. Storing is
the evidence service's job (``intake.evidence.evidence_add``); this page only
reads the form and shows what it says. Files are read in memory, never to a
temporary file on disk, and no more than the limit (``intake.uploads``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from paroledesk.accounts.models import User
from paroledesk.core.roles import Role
from paroledesk.intake.models import EvidenceKind
from paroledesk.intake.selectors import RequestNotFound, request_for_user
from paroledesk.intake.uploads import TOO_LARGE, in_memory_uploads, upload_too_large
from paroledesk.intake.wizard_fields import StepForm, choice
from paroledesk.web.views import roles_required

KIND_LABELS = {
    EvidenceKind.PASSPORT: "Passport page with the photo",
    EvidenceKind.EMERGENCY: "Proof of the emergency",
    EvidenceKind.MEDICAL: "Medical records: diagnosis, prognosis, why treat it in the U.S.",
    EvidenceKind.RELATIONSHIP: "Proof of relationship",
    EvidenceKind.SPONSOR_INCOME: "The sponsor’s proof of income",
    EvidenceKind.VISA_ATTEMPT: "Visa applications or refusal letters",
    EvidenceKind.PRIOR_DECISION: "Earlier decisions",
    EvidenceKind.G28: "Form G-28 (representatives)",
    EvidenceKind.OTHER: "Something else",
}


class EvidenceForm(StepForm):
    kind = choice(
        "What is this file?",
        [("", "- Select -"), *((kind.value, label) for kind, label in KIND_LABELS.items())],
        missing="Choose what the file is.",
    )
    file = forms.FileField(
        label="Choose a file",
        help_text="A PDF, JPEG or PNG file, up to 20 MB. Add one file at a time.",
        error_messages={
            "required": "Choose a file to add.",
            "empty": "The file is empty. Choose another.",
        },
        widget=forms.ClearableFileInput(
            attrs={"class": "usa-file-input", "accept": ".pdf,.jpg,.jpeg,.png"}
        ),
    )

    def __init__(self, *args: Any, too_large: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        if too_large:
            # The file was dropped as it arrived: say why, not that none was chosen.
            self.fields["file"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.too_large:
            self.add_error("file", TOO_LARGE)
        return data


def evidence_service() -> tuple[Callable[..., Any], type[Exception]] | None:
    """The evidence service's ``evidence_add`` and the error it refuses a file with.

    Imported when used: the service reads files with libmagic, which pages that
    add no evidence do not need.
    """
    try:
        from paroledesk.intake.evidence import UploadRefused, evidence_add
    except ImportError:
        return None
    return evidence_add, UploadRefused


@in_memory_uploads
@roles_required(Role.REQUESTOR, Role.REPRESENTATIVE)
def evidence_add_page(request: HttpRequest, receipt_number: str) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    try:
        filed = request_for_user(receipt_number=receipt_number, user=user, via="page")
    except RequestNotFound:
        raise Http404("No such request") from None
    service = evidence_service()
    form = EvidenceForm(today=filed.received_on)
    if request.method == "POST" and service is not None:
        add, refusal = service
        form = EvidenceForm(
            request.POST,
            request.FILES,
            today=filed.received_on,
            too_large=upload_too_large(request),
        )
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                add(request=filed, uploaded_file=upload, kind=form.cleaned_data["kind"], actor=user)
            except refusal as refused:
                form.add_error("file", str(refused))
            else:
                messages.success(request, f"{upload.name} is added to {filed.receipt_number}.")
                return redirect("evidence_add", filed.receipt_number)
    context = {
        "item": filed,
        "form": form,
        "available": service is not None,
        "documents": filed.documents.order_by("uploaded_at", "id"),
    }
    return render(request, "intake/evidence.html", context)
