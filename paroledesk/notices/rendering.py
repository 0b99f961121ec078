"""Notices as PDF letters: an HTML template per kind, rendered by WeasyPrint.

A notice says what the service that issued it handed over (its ``content``,
fixed at issue: every figure, date and reason in words), plus who and what the
request is. Nothing here decides or looks up policy.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from paroledesk.core.lifecycle import STATUS_TEXT
from paroledesk.notices.models import Notice


def notice_context(notice: Notice) -> dict[str, Any]:
    request = notice.request
    return {
        "notice": notice,
        "title": notice.get_kind_display(),
        "request": request,
        "beneficiary": request.beneficiary,
        "requestor": request.requestor,
        "content": notice.content,
        "status_text": STATUS_TEXT[request.status_enum],
    }


def notice_pdf(notice: Notice) -> bytes:
    """The notice as a PDF letter, in English whatever the reader chose for the pages:
    English is the language of the decision (docs/adr/0013-translations.md), so its
    dates, figures and words are the same for every reader."""
    with translation.override("en"):
        html = render_to_string("notices/notice.html", notice_context(notice))
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
