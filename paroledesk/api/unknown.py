"""Every other address under /api/v1/: a 404 in the contract's error shape, never a page."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


class UnknownAddress(APIView):
    # The same answer signed in or not, for every method: there is nothing here.
    authentication_classes = ()
    permission_classes = (AllowAny,)
    schema = None  # not an endpoint: left out of the OpenAPI schema

    def nothing_here(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise NotFound

    get = post = put = patch = delete = head = options = nothing_here
