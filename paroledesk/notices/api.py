"""GET /api/v1/requests/{receipt}/notices/{id}.pdf: the written notice, to its parties and staff."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.request import Request

from paroledesk.accounts.models import User
from paroledesk.cases.selectors import RequestNotFound, request_for_user
from paroledesk.lib.api_downloads import FileDownloadView, download_headers
from paroledesk.lib.api_schema import (
    NOT_AUTHENTICATED,
    NOT_FOUND,
    RECEIPT_IN_PATH,
    WWW_AUTHENTICATE,
    id_in_path,
)
from paroledesk.notices.models import Notice
from paroledesk.notices.rendering import notice_pdf


class NoticePdfView(FileDownloadView):
    @extend_schema(
        operation_id="notice_pdf",
        summary="Download a written notice as PDF",
        parameters=[
            RECEIPT_IN_PATH,
            id_in_path("notice_id", "notice"),
            *download_headers("inline"),
            WWW_AUTHENTICATE,
        ],
        responses={
            (200, "application/pdf"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The notice"
            ),
            401: NOT_AUTHENTICATED,
            404: NOT_FOUND,
        },
    )
    def get(self, request: Request, receipt: str, notice_id: int) -> HttpResponse:
        assert isinstance(request.user, User)
        try:
            found = request_for_user(
                receipt_number=receipt,
                user=request.user,
                via="notice",
                item=f"notice {notice_id}",
            )
        except RequestNotFound:
            raise NotFound from None
        notice = Notice.objects.filter(request=found, pk=notice_id).first()
        if notice is None:
            raise NotFound
        response = HttpResponse(notice_pdf(notice), content_type="application/pdf")
        name = f"{found.receipt_number}-{notice.kind}-{notice.issued_on.isoformat()}.pdf"
        response["Content-Disposition"] = f'inline; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        return response
