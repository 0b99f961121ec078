"""The API's one JSON parser: bodies read with the limits of core.json_text, and a size cap.

DRF's own parser reads the request stream past DATA_UPLOAD_MAX_MEMORY_SIZE
(only ``request.body`` checks it) and lets a deeply nested body recurse until
Python gives up with a 500. This one reads at most the limit and refuses more
with 413, and refuses unreadable JSON with a sentence saying why.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser
from rest_framework.renderers import JSONRenderer

from paroledesk.core.codes import ErrorCode
from paroledesk.core.json_text import JsonUnreadable, json_read
from paroledesk.lib.api_errors import ApiError


def body_too_large() -> ApiError:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return ApiError(
        status_code=413,
        code=ErrorCode.REQUEST_TOO_LARGE,
        message=f"The body is larger than {limit / 2**20:.1f} MB, more than any request "
        "here needs. Send less.",
    )


class JSONParser(BaseParser):
    media_type = "application/json"
    renderer_class = JSONRenderer

    def parse(
        self,
        stream: IO[bytes],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:  # any JSON value; the view says what it needs
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise body_too_large()
        encoding = (parser_context or {}).get("encoding") or settings.DEFAULT_CHARSET
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise ParseError(f"The body is not valid JSON: it is not {encoding} text.") from None
        try:
            return json_read(text)
        except JsonUnreadable as unreadable:
            raise ParseError(f"The body is not valid JSON: {unreadable.reason}.") from None
