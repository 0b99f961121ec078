"""Which language a request is answered in: the visitor's on pages, English in the API.

Pages follow the language cookie (the header's switcher), then the browser's
Accept-Language (docs/adr/0013-translations.md). The API's codes are its
contract and its messages are written in English; without this, the messages
of Django REST Framework would follow Accept-Language and one error would mix
two languages.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

API_PREFIX = "/api/"


class PageLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        if request.path_info.startswith(API_PREFIX):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            return
        super().process_request(request)

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if request.path_info.startswith(API_PREFIX):
            return response  # the same English whatever the client asks: nothing to vary on
        return super().process_response(request, response)
