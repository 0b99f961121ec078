"""Endpoints that answer with a file rather than JSON: a notice, an evidence document."""

from __future__ import annotations

from typing import Any

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


def download_headers(disposition: str) -> list[Any]:
    """The headers of a file's 200 answer, for the schema."""
    return [
        response_header(
            "Content-Disposition",
            # filename="..." for an ASCII name, filename*=utf-8''... (RFC 6266) for others.
            {"type": "string", "pattern": f"^{disposition}; filename\\*?=.+$"},
            [200],
            f"{disposition.capitalize()}, with the file's name.",
        ),
        response_header(
            "Cache-Control",
            {"type": "string", "enum": ["private, no-store"]},
            [200],
            "Personal records: no cache may keep a copy.",
        ),
    ]
