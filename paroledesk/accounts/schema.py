"""How the OpenAPI schema describes the API token (`Authorization: Token <token>`).

Without this, drf-spectacular cannot describe TokenAuthentication and declares only the
session cookie, so generated clients never send the token the contract names.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class TokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "paroledesk.accounts.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "The word Token, a space, and the API token that "
            "`paroledesk user add` prints: `Authorization: Token <token>`.",
        }
