"""Adding evidence to a filed request from the browser: the page shown right after filing.

A request must exist before evidence can be stored (the files are encrypted
against it), so the wizard files first and asks for files here. Storing is
the case's documents' job (``cases.documents.document_upload``); this page only
reads the form and shows what it says. Files are read in memory, never to a
temporary file on disk, and no more than the limit (``lib.uploads``).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from paroledesk.accounts.decorators import roles_required, signed_in_user
from paroledesk.cases.documents import document_upload
from paroledesk.cases.models import EvidenceKind
from paroledesk.cases.selectors import RequestNotFound, request_for_user
from paroledesk.core.roles import PARTY_ROLES
from paroledesk.intake.wizard.fields import PageForm, choice
from paroledesk.lib.files import UploadRefused
from paroledesk.lib.uploads import TOO_LARGE, in_memory_uploads, upload_too_large

KIND_LABELS = {
    EvidenceKind.PASSPORT: _("Passport page with the photo"),
    EvidenceKind.EMERGENCY: _("Proof of the emergency"),
    EvidenceKind.MEDICAL: _("Medical records: diagnosis, prognosis, why treat it in the U.S."),
    EvidenceKind.RELATIONSHIP: _("Proof of relationship"),
    EvidenceKind.SPONSOR_INCOME: _("The sponsor’s proof of income"),
    EvidenceKind.VISA_ATTEMPT: _("Visa applications or refusal letters"),
    EvidenceKind.PRIOR_DECISION: _("Earlier decisions"),
    EvidenceKind.G28: _("Form G-28 (representatives)"),
    EvidenceKind.OTHER: _("Something else"),
}


class EvidenceForm(PageForm):
    kind = choice(
        _("What is this file?"),
        [("", _("- Select -")), *((kind.value, label) for kind, label in KIND_LABELS.items())],
        missing=_("Choose what the file is."),
    )
    file = forms.FileField(
        label=_("Choose a file"),
        help_text=_("A PDF, JPEG or PNG file, up to 20 MB. Add one file at a time."),
        error_messages={
            "required": _("Choose a file to add."),
            "empty": _("The file is empty. Choose another."),
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


@in_memory_uploads
@roles_required(PARTY_ROLES)
def evidence_add_page(request: HttpRequest, receipt_number: str) -> HttpResponse:
    user = signed_in_user(request)
    try:
        filed = request_for_user(receipt_number=receipt_number, user=user, via="page")
    except RequestNotFound:
        raise Http404("No such request") from None
    form = EvidenceForm(today=filed.received_on)
    if request.method == "POST":
        form = EvidenceForm(
            request.POST,
            request.FILES,
            today=filed.received_on,
            too_large=upload_too_large(request),
        )
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                document_upload(
                    request=filed, uploaded_file=upload, kind=form.cleaned_data["kind"], actor=user
                )
            except UploadRefused as refused:
                form.add_error("file", str(refused))
            else:
                messages.success(
                    request,
                    gettext("%(file)s is added to %(receipt)s.")
                    % {"file": upload.name, "receipt": filed.receipt_number},
                )
                return redirect("evidence_add", filed.receipt_number)
    context = {
        "item": filed,
        "form": form,
        "documents": filed.documents.order_by("uploaded_at", "id"),
    }
    return render(request, "intake/evidence.html", context)
