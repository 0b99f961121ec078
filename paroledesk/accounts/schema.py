"""How the OpenAPI schema describes `Authorization: Token <token>`."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object

from paroledesk.accounts.authentication import TokenAuthentication


class TokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "paroledesk.accounts.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        scheme = build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix=TokenAuthentication.keyword
        )
        scheme["description"] = "An API token, sent as `Authorization: Token <token>`."
        return scheme
