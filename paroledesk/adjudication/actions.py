"""What a user may do to a case now: one answer for the case page's buttons and the API.

``available_actions(case, user)`` lists the steps the page offers, and
``action_refusal(case, user, step)`` says why one is not offered; the API
answers a refused step with that refusal's code, and the services check the
same rules again under the row lock. Both read the lifecycle table
(paroledesk.core.lifecycle), so a rule changed there changes everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import partial
from typing import Any, TypeVar

from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.adjudication import services
from paroledesk.adjudication.models import Outcome
from paroledesk.cases.models import GrantEnd, ParoleRequest
from paroledesk.cases.transitions import context_for
from paroledesk.core.codes import ErrorCode
from paroledesk.core.lifecycle import (
    Action,
    Refusal,
    Status,
    TransitionRefused,
    assigned_officer_manager_or_system,
    check,
)
from paroledesk.policy.selectors import policy_on

_T = TypeVar("_T")


class StepRefused(Exception):
    """A step the lifecycle refuses this user now, with its code and sentence."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message)
        self.refusal = refusal

    @property
    def http_status(self) -> int:
        return REFUSAL_STATUS.get(self.refusal.code, 409)


class Step(StrEnum):
    """A step an officer, supervisor or administrator takes on a case, as the page names it."""

    ASSIGN = "assign"
    START_REVIEW = "start_review"
    REQUEST_EVIDENCE = "request_evidence"
    RESUME_REVIEW = "resume_review"
    DECIDE = "decide"
    RECORD_PAROLE_FEE = "record_parole_fee"
    RECORD_ARRIVAL = "record_arrival"
    RECORD_WORK_PERMIT = "record_work_permit"
    RECORD_DEPARTURE = "record_departure"
    END_PAROLE = "end_parole"  # terminated on notice; an expiry is the sweep's


# What the page says once a step is done.
STEP_DONE: dict[Step, str] = {
    Step.ASSIGN: "The request is assigned.",
    Step.START_REVIEW: "The review has started.",
    Step.REQUEST_EVIDENCE: "The request for evidence is sent; the requestor has a notice.",
    Step.RESUME_REVIEW: "The review goes on with the evidence received.",
    Step.DECIDE: "The decision is recorded; the requestor has a notice.",
    Step.RECORD_PAROLE_FEE: "The parole fee is recorded as paid.",
    Step.RECORD_ARRIVAL: "The arrival is recorded, with the date parole ends.",
    Step.RECORD_WORK_PERMIT: "The work permit is recorded.",
    Step.RECORD_DEPARTURE: "The departure is recorded: parole ended the day they left.",
    Step.END_PAROLE: "Parole is terminated; the parolee has a notice.",
}
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
    Step.RECORD_DEPARTURE: Action.RECORD_DEPARTURE,
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


def step_run(
    case: ParoleRequest,
    user: User,
    action: Action,
    work: Callable[[], _T],
    *,
    parole_days: int | None = None,
) -> _T:
    """Take one step for the page or the API: refused (StepRefused) by the rule that
    draws the buttons, then checked again by the service under the row lock."""
    if (refusal := refusal_for(case, user, action, parole_days=parole_days)) is not None:
        raise StepRefused(refusal)
    try:
        return work()
    except TransitionRefused as refused:
        raise StepRefused(refused.refusal) from None


def step_take(case: ParoleRequest, user: User, step: Step, answers: dict[str, Any]) -> Any:
    """Take ``step`` with the answers read by the page's form or the API's body.

    Raises StepRefused, or services.AdjudicationError for an answer the rules
    refuse (naming its field). Returns what the service returns.
    """
    if step is Step.RECORD_WORK_PERMIT:
        if (refusal := action_refusal(case, user, step)) is not None:
            raise StepRefused(refusal)
        return services.work_permit_record(
            request=case,
            valid_from=answers["valid_from"],
            renewal=bool(answers.get("renewal")),
            actor=user,
        )
    parole_days: int | None = None
    action = _ACTION_OF[step]
    work: Callable[[], Any]
    if step is Step.ASSIGN:
        work = partial(services.case_assign, request=case, officer=answers["officer"], actor=user)
    elif step is Step.START_REVIEW:
        work = partial(services.case_start_review, request=case, actor=user)
    elif step is Step.REQUEST_EVIDENCE:
        work = partial(
            services.case_request_evidence,
            request=case,
            items=answers["items"],
            due_in_business_days=answers["due_in_business_days"],
            actor=user,
        )
    elif step is Step.RESUME_REVIEW:
        work = partial(services.case_resume_review, request=case, actor=user)
    elif step is Step.RECORD_PAROLE_FEE:
        work = partial(services.parole_fee_pay, request=case, actor=user)
    elif step is Step.RECORD_ARRIVAL:
        work = partial(
            services.arrival_record,
            request=case,
            arrived_on=answers["arrived_on"],
            ends_on=answers.get("ends_on"),
            actor=user,
        )
    elif step is Step.RECORD_DEPARTURE:
        work = partial(
            services.parole_end,
            request=case,
            reason=GrantEnd.DEPARTED.value,
            on=answers["departed_on"],
            actor=user,
        )
    elif step is Step.END_PAROLE:
        work = partial(
            services.parole_end,
            request=case,
            reason=GrantEnd.TERMINATED.value,
            note=answers.get("note") or "",
            actor=user,
        )
    else:
        outcome = Outcome(answers["outcome"])
        approve = outcome is Outcome.APPROVE
        parole_days = answers.get("parole_days") if approve else None
        action = Action.APPROVE_CONDITIONALLY if approve else Action.DENY
        work = partial(
            services.case_decide,
            request=case,
            outcome=outcome,
            actor=user,
            parole_days=parole_days,
            reasons=[] if approve else list(answers.get("reasons") or []),
            note=answers.get("note") or "",
            parole_fee_exception=(answers.get("parole_fee_exception") or "") if approve else "",
        )
    return step_run(case, user, action, work, parole_days=parole_days)


def action_refusal(case: ParoleRequest, user: User, step: Step) -> Refusal | None:
    """Why ``user`` may not take ``step`` on ``case`` now, or None when they may."""
    if step is Step.RECORD_WORK_PERMIT:
        # Not a change of status: the case's officer (or a manager) records it while the
        # beneficiary is on parole, by the same rule as the arrival.
        if (refusal := assigned_officer_manager_or_system(context_for(case, user))) is not None:
            return refusal
        if case.status_enum is not Status.PAROLED:
            return Refusal(ErrorCode.INVALID_TRANSITION, "A work permit is recorded for a parolee.")
        return None
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
