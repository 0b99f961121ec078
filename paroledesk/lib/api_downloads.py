"""Endpoints that answer with a file rather than JSON: a notice, an evidence document."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponseBase
from drf_spectacular.utils import OpenApiParameter
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from paroledesk.lib.api_schema import response_header


class FileDownloadView(APIView):
    """Answers with the file whatever the client's Accept header asks for.

    The file is an HttpResponse of its own type, so no renderer is needed for it; only an
    error goes through the JSON renderer. Without this, a client that sends
    `Accept: application/pdf` for a PDF, as the schema invites, got 406 Not Acceptable.
    """

    def perform_content_negotiation(
        self, request: Request, force: bool = False
    ) -> tuple[BaseRenderer, str] | Any:
        return super().perform_content_negotiation(request, force=True)


def download_headers(*dispositions: str) -> list[Any]:
    """The headers of a file's 200 answer, for the schema: it is sent as one of
    ``dispositions`` (attachment, inline)."""
    either = "|".join(dispositions)
    return [
        response_header(
            "Content-Disposition",
            # filename="..." for an ASCII name, filename*=utf-8''... (RFC 6266) for others.
            {"type": "string", "pattern": f"^({either}); filename\\*?=.+$"},
            [200],
            f"{' or '.join(dispositions).capitalize()}, with the file's name.",
        ),
        response_header(
            "Cache-Control",
            {"type": "string", "enum": ["private, no-store"]},
            [200],
            "Personal records: no cache may keep a copy.",
        ),
    ]


# The types a page of ours may show inside itself, each judged by its content when it was
# uploaded (lib.files). Named here, not taken from what uploads accept: a type accepted
# one day is not shown in a page until it is judged safe to. Others are only attachments.
INLINE_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})
# A file shown in the page may be framed by this site's own pages and no other, and runs
# as a sandboxed document that loads nothing: a script hidden in a PDF gets no access to
# the site. Chromium's PDF viewer still shows it (test_case_page_browser.py).
INLINE_POLICY = "sandbox; default-src 'none'; frame-ancestors 'self'"
INLINE = "inline"


def wants_inline(request: Request, content_type: str) -> bool:
    """Whether to send the file to be shown in the page: asked for, and a type we verified."""
    return request.query_params.get("disposition") == INLINE and content_type in INLINE_TYPES


def show_inline(response: HttpResponseBase) -> None:
    """Let this site's pages frame the file, and no one else's; sandbox what it shows."""
    response["Content-Security-Policy"] = INLINE_POLICY
    response["X-Frame-Options"] = "SAMEORIGIN"


DISPOSITION_IN_QUERY = OpenApiParameter(
    "disposition",
    {"type": "string", "enum": ["attachment", INLINE], "default": "attachment"},
    OpenApiParameter.QUERY,
    description="inline: to be shown in a page of this site (PDF, JPEG and PNG only), "
    "framed by this site's pages alone and sandboxed. Any other value, or another type, "
    "answers as an attachment.",
)
