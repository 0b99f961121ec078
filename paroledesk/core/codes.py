"""Every code the outside world sees: refusals, warnings, and the actions in the event log.

The API's answers, the OpenAPI schema, the wizard's messages and the event
log all name these members; a code typed as a bare string anywhere else is a
mistake that the tests look for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TypeVar

_E = TypeVar("_E")
# An answer lists this many problems at most, then says how many more there were.
ERRORS_LISTED = 50


def errors_listed(errors: Sequence[_E], more: Callable[[str], _E]) -> list[_E]:
    """Every problem, or the first ERRORS_LISTED less one and ``more(sentence)`` saying
    how many were left out: an answer to a hostile body stays small."""
    if len(errors) <= ERRORS_LISTED:
        return list(errors)
    hidden = len(errors) - ERRORS_LISTED + 1
    sentence = f"{hidden:,} more problems were found but not listed; correct these and try again."
    return [*errors[: ERRORS_LISTED - 1], more(sentence)]


class ErrorCode(StrEnum):
    # A field is malformed or missing; the error's field says which.
    INVALID = "invalid"
    # Filing rules (shared/contract.md, intake error codes).
    BENEFICIARY_INSIDE_US = "beneficiary_inside_us"
    REPAROLE_REQUIRES_HQ_GRANT = "reparole_requires_hq_grant"
    REPAROLE_REQUIRES_INSIDE_US = "reparole_requires_inside_us"
    REFILING_REQUIRES_DENIAL = "refiling_requires_denial"
    NEW_FACTS_REQUIRED = "new_facts_required"
    SPONSOR_REQUIRED = "sponsor_required"
    FEE_REQUIRED = "fee_required"
    FEE_AMOUNT_INCORRECT = "fee_amount_incorrect"
    WAIVER_REQUIRES_PAPER = "waiver_requires_paper"
    REPRESENTATIVE_G28_REQUIRED = "representative_g28_required"
    # Evidence files.
    UNSUPPORTED_FILE_TYPE = "unsupported_file_type"
    FILE_TOO_LARGE = "file_too_large"
    # The lifecycle's refusals.
    NOT_ALLOWED = "not_allowed"
    NOT_ASSIGNED = "not_assigned"
    SUPERVISOR_APPROVAL_REQUIRED = "supervisor_approval_required"
    ALREADY_DECIDED = "already_decided"
    INVALID_TRANSITION = "invalid_transition"
    # The API's own.
    NOT_AUTHENTICATED = "not_authenticated"
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    # 413: a body (or its form fields) larger than any request here needs.
    REQUEST_TOO_LARGE = "request_too_large"
    TOO_MANY_REQUESTS = "too_many_requests"
    CONFLICT = "conflict"
    ERROR = "error"


# What a filing can be refused with (422), in the contract's order.
FILING_REFUSALS: tuple[ErrorCode, ...] = (
    ErrorCode.INVALID,
    ErrorCode.BENEFICIARY_INSIDE_US,
    ErrorCode.REPAROLE_REQUIRES_HQ_GRANT,
    ErrorCode.REPAROLE_REQUIRES_INSIDE_US,
    ErrorCode.REFILING_REQUIRES_DENIAL,
    ErrorCode.NEW_FACTS_REQUIRED,
    ErrorCode.SPONSOR_REQUIRED,
    ErrorCode.FEE_REQUIRED,
    ErrorCode.FEE_AMOUNT_INCORRECT,
    ErrorCode.WAIVER_REQUIRES_PAPER,
    ErrorCode.REPRESENTATIVE_G28_REQUIRED,
)
UPLOAD_REFUSALS: tuple[ErrorCode, ...] = (
    ErrorCode.INVALID,
    ErrorCode.UNSUPPORTED_FILE_TYPE,
    ErrorCode.FILE_TOO_LARGE,
)


class WarningCode(StrEnum):
    """Something an officer (or the filer) should notice; the filing is accepted anyway."""

    LONG_PERIOD = "long_period"
    POSSIBLE_DUPLICATE = "possible_duplicate"
    REPAROLE_LATE = "reparole_late"
    EXPEDITE_REQUESTED = "expedite_requested"


class EventAction(StrEnum):
    """What an event records besides a step of the lifecycle, whose events are named by
    paroledesk.core.lifecycle.Action (a test keeps the two apart)."""

    FILE = "file"
    DOCUMENT_ADDED = "document_added"
    USER_CREATED = "user_created"
    POLICY_LOADED = "policy_loaded"
    POLICY_ADDED = "policy_added"
    POLICY_CORRECTED = "policy_corrected"
    CLOSURE_DECLARED = "closure_declared"
    WORK_PERMIT_RECORDED = "work_permit_recorded"
    ADDRESS_REPORTED = "address_reported"
    # A status inquiry that matched the request, and the officer's written answer.
    INQUIRY_RECEIVED = "inquiry_received"
    INQUIRY_ANSWERED = "inquiry_answered"


class FilingSource(StrEnum):
    """Which door a filing came through, as its "file" event records it."""

    API = "api"
    WIZARD = "wizard"
    IMPORT = "import"
