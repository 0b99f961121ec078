"""The eligibility screener: a few answers about a person's situation, and what they mean.

It says whether a parole request could be filed for the person and what it
would need, by the rules intake applies to a filing (core.filing_rules), so
that the two never disagree: only a re-parole of a parole USCIS headquarters
granted is for someone inside the United States; a re-parole is late under
the policy's lead time before parole ends; a period over the policy's long
period is flagged; every request needs a sponsor; a denial is answered only
by a refiling with new facts. It is guidance, not legal advice.

Contradictory answers are refused like a malformed filing: ``invalid``,
naming the field. A reason of "none" is an answer, not a contradiction: the
person is told that parole needs one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Protocol

from paroledesk.core import evidence
from paroledesk.core.codes import ErrorCode
from paroledesk.core.evidence import Item
from paroledesk.core.filing_rules import (
    HQ_GRANTOR,
    Basis,
    Category,
    FieldError,
    Kind,
    is_long_period,
    place_errors,
    reparole_is_late,
)
from paroledesk.core.policy import Channel, PolicyMissing, if_in_force
from paroledesk.core.screening_answers import (
    Answers,
    Grantor,
    ScreeningInvalid,
    Visa,
    parse_answers,
)

__all__ = [
    "Answers", "Flag", "Grantor", "NextStep", "Outcome", "Screening", "ScreeningInvalid",
    "ScreeningPolicy", "Step", "Visa", "parse_answers", "screen",
]  # fmt: skip


class Outcome(StrEnum):
    MAY_REQUEST_PAROLE = "may_request_parole"
    MAY_REQUEST_REPAROLE = "may_request_reparole"
    REFILE_NEEDS_NEW_FACTS = "refile_needs_new_facts"
    NOT_ELIGIBLE = "not_eligible"


class Flag(StrEnum):
    """In the contract's order, which is the order a result lists them in."""

    INSIDE_US_WITHOUT_HQ_PAROLE = "inside_us_without_hq_parole"
    REPAROLE_REQUIRES_HQ_GRANT = "reparole_requires_hq_grant"
    PAROLE_ALREADY_ENDED = "parole_already_ended"
    REPAROLE_FILE_NOW = "reparole_file_now"
    ATTORNEY_REVIEW_RECOMMENDED = "attorney_review_recommended"
    FINANCIAL_SUPPORT_MISSING = "financial_support_missing"
    VISA_ROUTE_AVAILABLE = "visa_route_available"
    LONG_PERIOD = "long_period"
    NO_HUMANITARIAN_REASON = "no_humanitarian_reason"


class Step(StrEnum):
    """What to do next, by code; the feature that shows a step words it."""

    INSIDE_US_ONLY_REPAROLE = "inside_us_only_reparole"
    NON_HQ_PAROLE = "non_hq_parole"
    APPLY_FOR_VISA = "apply_for_visa"
    NEEDS_REASON = "needs_reason"
    NO_APPEAL = "no_appeal"
    FILE_INITIAL = "file_initial"
    FILE_REFILING = "file_refiling"
    FILE_REPAROLE = "file_reparole"
    FILE_NOW = "file_now"
    PAROLE_ENDED = "parole_ended"
    CHECK_VISA = "check_visa"
    FIND_SPONSOR = "find_sponsor"
    EXPLAIN_PERIOD = "explain_period"
    GATHER_EVIDENCE = "gather_evidence"
    FILING_FEE = "filing_fee"
    PAROLE_FEE = "parole_fee"
    LEGAL_HELP = "legal_help"
    PRO_BONO = "pro_bono"
    NOTARIO_WARNING = "notario_warning"


# Where free and low-cost legal help is listed, and the warning against notario fraud:
# official pages, so the screener points to them rather than to anyone it would vouch for.
STEP_LINKS: dict[Step, str] = {
    Step.LEGAL_HELP: (
        "https://www.justice.gov/eoir/recognized-organizations-and-accredited-representatives-roster-state-and-city"
    ),
    Step.PRO_BONO: "https://www.justice.gov/eoir/list-pro-bono-legal-service-providers",
    Step.NOTARIO_WARNING: "https://www.uscis.gov/scams-fraud-and-misconduct/avoid-scams",
    Step.APPLY_FOR_VISA: "https://travel.state.gov/content/travel/en/us-visas.html",
}


# -- the rules -------------------------------------------------------------------------


class ScreeningPolicy(Protocol):
    """The part of the policy in force on the day that the screener needs
    (``paroledesk.core.policy.PolicySnapshot`` provides it)."""

    def filing_fee(self, channel: Channel) -> int: ...

    def parole_fee(self) -> int: ...

    def parole_fee_exceptions(self) -> list[tuple[str, str]]: ...

    def reparole_lead_days(self) -> int: ...

    def long_period_days(self) -> int: ...


@dataclass(frozen=True)
class NextStep:
    code: Step
    values: dict[str, str] = field(default_factory=dict)  # what its words name

    @property
    def url(self) -> str | None:
        return STEP_LINKS.get(self.code)


@dataclass(frozen=True)
class Screening:
    day: date
    outcome: Outcome
    flags: list[Flag]
    steps: list[NextStep]
    checklist: list[Item]
    filing_fee_usd: int  # online, in force on the day
    paper_filing_fee_usd: int
    parole_fee_usd: int | None  # due on approval; None before there was one
    parole_fee_exceptions: list[str]


def _usd(amount: int) -> str:
    return f"{amount:,}"


def _flags(answers: Answers, policy: ScreeningPolicy, day: date) -> set[Flag]:
    flags: set[Flag] = set()
    parole, location = answers.current_parole, answers.beneficiary_location
    kind = Kind.REPAROLE if parole is not None else Kind.INITIAL
    if place_errors(kind, location):
        flags.add(Flag.INSIDE_US_WITHOUT_HQ_PAROLE)
    if parole is not None:
        if parole.granted_by != HQ_GRANTOR:
            flags |= {Flag.INSIDE_US_WITHOUT_HQ_PAROLE, Flag.REPAROLE_REQUIRES_HQ_GRANT}
        if parole.ends_on < day:
            flags.add(Flag.PAROLE_ALREADY_ENDED)
        elif parole.granted_by == HQ_GRANTOR and reparole_is_late(
            ends_on=parole.ends_on, on=day, lead=policy.reparole_lead_days()
        ):
            flags.add(Flag.REPAROLE_FILE_NOW)
    if answers.reason_category is None:
        flags.add(Flag.NO_HUMANITARIAN_REASON)
    if answers.visa_available is Visa.YES:
        flags.add(Flag.VISA_ROUTE_AVAILABLE)
    if not answers.has_sponsor:
        flags.add(Flag.FINANCIAL_SUPPORT_MISSING)
    if is_long_period(answers.requested_days, limit=policy.long_period_days()):
        flags.add(Flag.LONG_PERIOD)
    # Out of status, removed before, a record, or no way to file from where they are:
    # each may have consequences only a lawyer or accredited representative can weigh.
    risky = {Flag.INSIDE_US_WITHOUT_HQ_PAROLE, Flag.PAROLE_ALREADY_ENDED}
    if answers.prior_removal_or_criminal_record or flags & risky:
        flags.add(Flag.ATTORNEY_REVIEW_RECOMMENDED)
    return flags


_BARS = (Flag.INSIDE_US_WITHOUT_HQ_PAROLE, Flag.VISA_ROUTE_AVAILABLE, Flag.NO_HUMANITARIAN_REASON)


def _outcome(answers: Answers, flags: set[Flag]) -> Outcome:
    if flags & set(_BARS):
        return Outcome.NOT_ELIGIBLE
    if answers.prior_denial is not None and not answers.prior_denial.new_facts:
        return Outcome.REFILE_NEEDS_NEW_FACTS
    if answers.current_parole is not None:
        return Outcome.MAY_REQUEST_REPAROLE
    return Outcome.MAY_REQUEST_PAROLE


def _why_not(flags: set[Flag]) -> list[NextStep]:
    steps = []
    if Flag.REPAROLE_REQUIRES_HQ_GRANT in flags:
        steps.append(NextStep(Step.NON_HQ_PAROLE))
    elif Flag.INSIDE_US_WITHOUT_HQ_PAROLE in flags:
        steps.append(NextStep(Step.INSIDE_US_ONLY_REPAROLE))
    if Flag.NO_HUMANITARIAN_REASON in flags:
        steps.append(NextStep(Step.NEEDS_REASON))
    if Flag.VISA_ROUTE_AVAILABLE in flags:
        steps.append(NextStep(Step.APPLY_FOR_VISA))
    return steps


def _filing(answers: Answers, flags: set[Flag], outcome: Outcome, day: date,
            policy: ScreeningPolicy) -> list[NextStep]:  # fmt: skip
    parole = answers.current_parole
    if outcome is Outcome.REFILE_NEEDS_NEW_FACTS:
        steps = [NextStep(Step.NO_APPEAL)]
    elif parole is not None:
        # One step: in time, late, or after parole ended.
        ends = {"ends_on": parole.ends_on.isoformat(), "lead": str(policy.reparole_lead_days())}
        if Flag.PAROLE_ALREADY_ENDED in flags:
            steps = [NextStep(Step.PAROLE_ENDED, ends)]
        elif Flag.REPAROLE_FILE_NOW in flags:
            steps = [NextStep(Step.FILE_NOW, {**ends, "days": str((parole.ends_on - day).days)})]
        else:
            steps = [NextStep(Step.FILE_REPAROLE, ends)]
    elif answers.prior_denial is not None:
        steps = [NextStep(Step.FILE_REFILING)]
    else:
        steps = [NextStep(Step.FILE_INITIAL)]
    if answers.visa_available is Visa.UNKNOWN:
        steps.append(NextStep(Step.CHECK_VISA))
    if Flag.FINANCIAL_SUPPORT_MISSING in flags:
        steps.append(NextStep(Step.FIND_SPONSOR))
    if Flag.LONG_PERIOD in flags:
        steps.append(NextStep(Step.EXPLAIN_PERIOD, {"limit": str(policy.long_period_days())}))
    steps.append(NextStep(Step.GATHER_EVIDENCE))
    return steps


def _fees(policy: ScreeningPolicy) -> list[NextStep]:
    online, paper = policy.filing_fee(Channel.ONLINE), policy.filing_fee(Channel.PAPER)
    steps = [NextStep(Step.FILING_FEE, {"online": _usd(online), "paper": _usd(paper)})]
    if (parole_fee := if_in_force(policy.parole_fee)) is not None:
        exceptions = "; ".join(label for _, label in policy.parole_fee_exceptions())
        steps.append(
            NextStep(Step.PAROLE_FEE, {"amount": _usd(parole_fee), "exceptions": exceptions})
        )
    return steps


def _checklist(answers: Answers, outcome: Outcome) -> list[Item]:
    """What to gather for this reason, then what every request needs; nothing when no
    request can be filed."""
    category = answers.reason_category
    if outcome is Outcome.NOT_ELIGIBLE or category is None:
        return []
    basis = (
        Basis.SIGNIFICANT_PUBLIC_BENEFIT
        if category is Category.PUBLIC_BENEFIT
        else Basis.URGENT_HUMANITARIAN
    )
    items = [evidence.FORM_I131, *evidence.BY_CATEGORY[category], *evidence.BY_BASIS[basis]]
    items += [evidence.PASSPORT, evidence.SPONSOR, evidence.VISA]
    if answers.prior_denial is not None:
        items.append(evidence.DENIAL)
    if answers.current_parole is not None:
        items.append(evidence.EARLIER_GRANT)
    items.append(evidence.FILING_FEE)
    return items


def screen(answers: Answers, policy: ScreeningPolicy, *, today: date) -> Screening:
    """What the answers mean on their ``today`` (else ``today``), by ``policy`` in force
    that day. Raises ScreeningInvalid naming ``today`` when no fee is on record for it."""
    day = answers.today or today
    try:
        online, paper = policy.filing_fee(Channel.ONLINE), policy.filing_fee(Channel.PAPER)
        flags = _flags(answers, policy, day)
    except PolicyMissing:
        message = f"No filing fee is on record for {day}; ask about a later day."
        raise ScreeningInvalid([FieldError(ErrorCode.INVALID, "today", message)]) from None
    outcome = _outcome(answers, flags)
    if outcome is Outcome.NOT_ELIGIBLE:
        steps = _why_not(flags)
    else:
        steps = _filing(answers, flags, outcome, day, policy) + _fees(policy)
    if Flag.ATTORNEY_REVIEW_RECOMMENDED in flags:
        steps += [NextStep(code) for code in (Step.LEGAL_HELP, Step.PRO_BONO)]
    # Wherever people look for help with immigration, notarios look for them.
    steps.append(NextStep(Step.NOTARIO_WARNING))
    parole_fee = if_in_force(policy.parole_fee)
    exceptions = if_in_force(policy.parole_fee_exceptions) or []
    return Screening(
        day=day,
        outcome=outcome,
        flags=[flag for flag in Flag if flag in flags],
        steps=steps,
        checklist=_checklist(answers, outcome),
        filing_fee_usd=online,
        paper_filing_fee_usd=paper,
        parole_fee_usd=parole_fee,
        parole_fee_exceptions=[label for _, label in exceptions],
    )
