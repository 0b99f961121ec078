"""What a user may do to a case now: one answer for the case page's buttons and the API.

``available_actions(case, user)`` lists the steps the page offers, and
``action_refusal(case, user, step)`` says why one is not offered; the API
answers a refused step with that refusal's code, and the services check the
same rules again under the row lock. Both read the lifecycle table
(paroledesk.core.lifecycle), so a rule changed there changes everywhere.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.cases.models import ParoleRequest
from paroledesk.cases.transitions import context_for
from paroledesk.core.codes import ErrorCode
from paroledesk.core.lifecycle import Action, Refusal, Status, check
from paroledesk.policy.selectors import policy_on


class Step(StrEnum):
    """A step an officer, supervisor or administrator takes on a case, as the page names it."""

    ASSIGN = "assign"
    START_REVIEW = "start_review"
    REQUEST_EVIDENCE = "request_evidence"
    RESUME_REVIEW = "resume_review"
    DECIDE = "decide"
    RECORD_PAROLE_FEE = "record_parole_fee"
    RECORD_ARRIVAL = "record_arrival"
    END_PAROLE = "end_parole"


# The lifecycle actions each step takes. A decision is one of three; checking
# denial is enough to know whether the officer may decide at all (approval's
# extra rule, the supervisor for a long period, depends on the period asked).
_ACTION_OF: dict[Step, Action] = {
    Step.ASSIGN: Action.ASSIGN,
    Step.START_REVIEW: Action.START_REVIEW,
    Step.REQUEST_EVIDENCE: Action.REQUEST_EVIDENCE,
    Step.RESUME_REVIEW: Action.RESUME_REVIEW,
    Step.DECIDE: Action.DENY,
    Step.RECORD_PAROLE_FEE: Action.PAY_PAROLE_FEE,
    Step.RECORD_ARRIVAL: Action.RECORD_ARRIVAL,
    Step.END_PAROLE: Action.END_PAROLE,
}
# An assigned request that is not yet in review enters review first when its
# officer asks for evidence or decides (shared/contract.md, the decision).
ENTERS_REVIEW_FIRST: frozenset[Action] = frozenset(
    {Action.REQUEST_EVIDENCE, Action.APPROVE, Action.APPROVE_CONDITIONALLY, Action.DENY}
)


def refusal_for(
    case: ParoleRequest, user: User, action: Action, *, parole_days: int | None = None
) -> Refusal | None:
    """Why ``user`` may not take the lifecycle ``action`` on ``case`` now, or None."""
    long_period = (
        policy_on(timezone.localdate()).long_period_days() if parole_days is not None else None
    )
    ctx = context_for(case, user, parole_days=parole_days, long_period_days=long_period)
    status = case.status_enum
    if status is Status.ASSIGNED and action in ENTERS_REVIEW_FIRST:
        if (first := check(status, Action.START_REVIEW, ctx)) is not None:
            return first
        status = Status.IN_REVIEW
    return check(status, action, ctx)


def action_refusal(case: ParoleRequest, user: User, step: Step) -> Refusal | None:
    """Why ``user`` may not take ``step`` on ``case`` now, or None when they may."""
    return refusal_for(case, user, _ACTION_OF[step])


def available_actions(case: ParoleRequest, user: User) -> list[Step]:
    """The steps ``user`` may take on ``case`` now, in the order the page shows them."""
    return [step for step in Step if action_refusal(case, user, step) is None]


# How the API answers each refusal (shared/contract.md): a step out of turn is
# a conflict with the case's state; a step by the wrong person is forbidden.
REFUSAL_STATUS: dict[ErrorCode, int] = {
    ErrorCode.ALREADY_DECIDED: 409,
    ErrorCode.NOT_ASSIGNED: 409,
    ErrorCode.INVALID_TRANSITION: 409,
    ErrorCode.SUPERVISOR_APPROVAL_REQUIRED: 403,
    ErrorCode.NOT_ALLOWED: 403,
}
