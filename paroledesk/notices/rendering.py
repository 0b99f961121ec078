"""Notices as PDF letters: an HTML template per kind, rendered by WeasyPrint."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from paroledesk.adjudication.models import DENIAL_TEXT, DenialReason
from paroledesk.adjudication.selectors import clock_for
from paroledesk.core.lifecycle import STATUS_TEXT
from paroledesk.notices.models import Notice
from paroledesk.policy.selectors import policy_on


def notice_context(notice: Notice) -> dict[str, Any]:
    request = notice.request
    snapshot = policy_on(notice.issued_on)
    return {
        "notice": notice,
        "title": notice.get_kind_display(),
        "request": request,
        "beneficiary": request.beneficiary,
        "requestor": request.requestor,
        "content": notice.content,
        "clock": clock_for(request, today=notice.issued_on),
        "status_text": STATUS_TEXT[request.status_enum],
        "filing_address": snapshot.filing_address(),
        "denial_reasons": [
            DENIAL_TEXT[DenialReason(code)] for code in notice.content.get("reasons", [])
        ],
    }


def notice_pdf(notice: Notice) -> bytes:
    from weasyprint import HTML

    html = render_to_string("notices/notice.html", notice_context(notice))
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
