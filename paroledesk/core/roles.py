"""Who can act on a request."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    REQUESTOR = "requestor"
    REPRESENTATIVE = "representative"
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


# Staff work requests on behalf of the agency; parties are the people on a
# request. Whether a party is on *this* request is decided per request, not
# by role alone.
STAFF_ROLES: frozenset[Role] = frozenset({Role.OFFICER, Role.SUPERVISOR, Role.ADMIN})
PARTY_ROLES: frozenset[Role] = frozenset({Role.REQUESTOR, Role.REPRESENTATIVE})
