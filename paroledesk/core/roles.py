"""Who can act on a request: the roles, and the one definition of each group of them."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    REQUESTOR = "requestor"
    REPRESENTATIVE = "representative"
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


# Parties are the people on a request; whether a party is on *this* request is
# decided per request, not by role alone. Staff work requests for the agency.
PARTY_ROLES: frozenset[Role] = frozenset({Role.REQUESTOR, Role.REPRESENTATIVE})
STAFF_ROLES: frozenset[Role] = frozenset({Role.OFFICER, Role.SUPERVISOR, Role.ADMIN})
# Who can hold a case and decide it. An administrator runs the system but does not adjudicate.
ADJUDICATOR_ROLES: frozenset[Role] = frozenset({Role.OFFICER, Role.SUPERVISOR})
# Who oversees all work: sees every request, assigns, and may use the Django admin.
MANAGER_ROLES: frozenset[Role] = frozenset({Role.SUPERVISOR, Role.ADMIN})
