"""Countries as the filing document names them: ISO 3166-1 alpha-2, plus Kosovo and statelessness.

ISO 3166-1 has no code for Kosovo; XK is the user-assigned code that the
European Commission, the ICAO and the U.S. government use for it. A person
with no citizenship at all says so with ``stateless``.
"""

from __future__ import annotations

from types import MappingProxyType

# A plain dict of ISO 3166-1 alpha-2 codes; importing it needs no Django settings.
from django_countries.data import COUNTRIES

KOSOVO = "XK"
UNITED_STATES = "US"
STATELESS = "stateless"

COUNTRY_NAMES = MappingProxyType(
    dict(
        sorted({**{code: str(name) for code, name in COUNTRIES.items()}, KOSOVO: "Kosovo"}.items())
    )
)


def country_choices() -> list[tuple[str, str]]:
    """(code, name) for every country, by name."""
    return sorted(COUNTRY_NAMES.items(), key=lambda item: item[1])


def citizenship_choices() -> list[tuple[str, str]]:
    """The countries, and statelessness last."""
    return [*country_choices(), (STATELESS, "Stateless (no citizenship)")]


def country_name(code: str) -> str:
    if code == STATELESS:
        return "Stateless"
    return COUNTRY_NAMES.get(code, code)
