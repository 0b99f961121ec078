"""The life of a parole request as one transition table with guards.

Everything that changes a request's status goes through this table: the web
pages, the API, the command line and the daily sweep. Buttons and API
permissions are derived from :func:`available_actions`, so a rule changed
here changes everywhere at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from paroledesk.core.codes import ErrorCode
from paroledesk.core.roles import (
    ADJUDICATOR_ROLES,
    MANAGER_ROLES,
    PARTY_ROLES,
    STAFF_ROLES,
    Role,
)
from paroledesk.core.words import gettext_noop


class Status(StrEnum):
    RECEIVED = "received"
    ASSIGNED = "assigned"
    IN_REVIEW = "in_review"
    EVIDENCE_REQUESTED = "evidence_requested"
    EVIDENCE_RECEIVED = "evidence_received"
    CONDITIONALLY_APPROVED = "conditionally_approved"
    APPROVED = "approved"
    PAROLED = "paroled"
    DENIED = "denied"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"
    PAROLE_ENDED = "parole_ended"


class Action(StrEnum):
    ASSIGN = "assign"
    TAKE = "take"
    START_REVIEW = "start_review"
    REQUEST_EVIDENCE = "request_evidence"
    RECEIVE_EVIDENCE = "receive_evidence"
    RFE_LAPSE = "rfe_lapse"
    RESUME_REVIEW = "resume_review"
    APPROVE_CONDITIONALLY = "approve_conditionally"
    APPROVE = "approve"
    DENY = "deny"
    PAY_PAROLE_FEE = "pay_parole_fee"
    LAPSE_PAROLE_FEE = "lapse_parole_fee"
    RECORD_ARRIVAL = "record_arrival"
    RECORD_DEPARTURE = "record_departure"
    END_PAROLE = "end_parole"
    WITHDRAW = "withdraw"


@dataclass(frozen=True)
class Context:
    """Who is acting, as far as the rules care.

    ``actor_role`` None is the system itself (the daily sweep, intake's
    seeding); it is never a person, so person-only actions refuse it.
    """

    actor_role: Role | None
    is_assigned_officer: bool = False
    is_party: bool = False
    parole_days: int | None = None
    long_period_days: int | None = None  # policy's, on the decision date


@dataclass(frozen=True)
class Refusal:
    code: ErrorCode
    message: str


Guard = Callable[[Context], Refusal | None]


@dataclass(frozen=True)
class Transition:
    source: Status
    action: Action
    target: Status
    guards: tuple[Guard, ...]


class TransitionRefused(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message)
        self.refusal = refusal


OPEN_STATUSES: frozenset[Status] = frozenset(
    {
        Status.RECEIVED,
        Status.ASSIGNED,
        Status.IN_REVIEW,
        Status.EVIDENCE_REQUESTED,
        Status.EVIDENCE_RECEIVED,
    }
)
# A lapsed conditional approval (closed) was still decided. Withdrawn is the
# one status that is neither open nor decided: it ended without a decision.
DECIDED_STATUSES: frozenset[Status] = frozenset(
    {
        Status.CONDITIONALLY_APPROVED,
        Status.APPROVED,
        Status.PAROLED,
        Status.DENIED,
        Status.CLOSED,
        Status.PAROLE_ENDED,
    }
)
# While the request waits on the requestor its clock stops (cases.clock).
WAITING_ON_REQUESTOR: frozenset[Status] = frozenset({Status.EVIDENCE_REQUESTED})
TERMINAL_STATUSES: frozenset[Status] = frozenset(
    {Status.DENIED, Status.WITHDRAWN, Status.CLOSED, Status.PAROLE_ENDED}
)
DECISION_ACTIONS: frozenset[Action] = frozenset(
    {Action.APPROVE, Action.APPROVE_CONDITIONALLY, Action.DENY}
)


# -- guards ---------------------------------------------------------------


@dataclass(frozen=True)
class ActorGuard:
    """Allows the listed roles, the parties to this request, and/or the system.

    A class rather than a closure so the table can be described in docs and
    compared in tests.
    """

    roles: frozenset[Role] = frozenset()
    parties: bool = False
    system: bool = False

    def __call__(self, ctx: Context) -> Refusal | None:
        role = ctx.actor_role
        if role is None:
            allowed = self.system
        else:
            # A party role alone is not enough: it must be a party to *this* request.
            allowed = role in self.roles or (self.parties and ctx.is_party and role in PARTY_ROLES)
        if allowed:
            return None
        return Refusal(ErrorCode.NOT_ALLOWED, f"Only {self.who()} can do this.")

    def who(self) -> str:
        """Who may act, in words, e.g. "supervisors or administrators"."""
        names = [_ROLE_PLURALS[role] for role in Role if role in self.roles]
        if self.parties:
            names.insert(0, "the requestor or representative")
        if self.system:
            names.append("the system")
        if len(names) == 1:
            return names[0]
        return ", ".join(names[:-1]) + " or " + names[-1]


_ROLE_PLURALS = {
    Role.REQUESTOR: "requestors",
    Role.REPRESENTATIVE: "representatives",
    Role.OFFICER: "officers",
    Role.SUPERVISOR: "supervisors",
    Role.ADMIN: "administrators",
}


def assigned_officer(ctx: Context) -> Refusal | None:
    if ctx.actor_role not in ADJUDICATOR_ROLES:
        return Refusal(
            ErrorCode.NOT_ALLOWED, "Only the officer assigned to this request can do this."
        )
    if not ctx.is_assigned_officer:
        return Refusal(ErrorCode.NOT_ASSIGNED, "You are not the officer assigned to this request.")
    return None


def assigned_officer_manager_or_system(ctx: Context) -> Refusal | None:
    """The request's own officer, a supervisor or administrator, or the system."""
    if ctx.actor_role is None or ctx.actor_role in MANAGER_ROLES:
        return None
    return assigned_officer(ctx)


def supervisor_for_long_parole(ctx: Context) -> Refusal | None:
    """Grants longer than policy's long period (a year) are unusual, so a supervisor makes them."""
    if ctx.parole_days is None:
        return None
    if ctx.long_period_days is None:
        # A decision must say how long is long; a missing limit must not let it pass.
        raise ValueError("A decision with parole_days needs the policy's long_period_days.")
    if ctx.parole_days > ctx.long_period_days and ctx.actor_role is not Role.SUPERVISOR:
        return Refusal(
            ErrorCode.SUPERVISOR_APPROVAL_REQUIRED,
            f"A parole period of more than {ctx.long_period_days:,} days must be approved "
            "by a supervisor.",
        )
    return None


_BY_MANAGER = ActorGuard(roles=MANAGER_ROLES)
_BY_ADJUDICATOR = ActorGuard(roles=ADJUDICATOR_ROLES)
_BY_MANAGER_OR_SYSTEM = ActorGuard(roles=MANAGER_ROLES, system=True)
_BY_SYSTEM = ActorGuard(system=True)
_BY_ANYONE_ON_THE_CASE = ActorGuard(roles=STAFF_ROLES, parties=True, system=True)
_BY_PARTY_OR_ADMIN = ActorGuard(roles=frozenset({Role.ADMIN}), parties=True)
_BY_OFFICER: tuple[Guard, ...] = (assigned_officer,)
_BY_DECIDER: tuple[Guard, ...] = (assigned_officer, supervisor_for_long_parole)


def _table() -> Iterable[Transition]:
    s, a = Status, Action

    def row(source: Status, action: Action, target: Status, *guards: Guard) -> Transition:
        return Transition(source, action, target, tuple(guards))

    yield row(s.RECEIVED, a.ASSIGN, s.ASSIGNED, _BY_MANAGER)
    # An officer (or a supervisor who decides too) takes an unassigned request themself.
    yield row(s.RECEIVED, a.TAKE, s.ASSIGNED, _BY_ADJUDICATOR)
    # Reassignment hands the case to another officer without touching its status.
    for same in (s.ASSIGNED, s.IN_REVIEW, s.EVIDENCE_REQUESTED, s.EVIDENCE_RECEIVED):
        yield row(same, a.ASSIGN, same, _BY_MANAGER)
    yield row(s.ASSIGNED, a.START_REVIEW, s.IN_REVIEW, *_BY_OFFICER)
    yield row(s.IN_REVIEW, a.REQUEST_EVIDENCE, s.EVIDENCE_REQUESTED, *_BY_OFFICER)
    yield row(s.EVIDENCE_REQUESTED, a.RECEIVE_EVIDENCE, s.EVIDENCE_RECEIVED, _BY_ANYONE_ON_THE_CASE)
    # No answer by the deadline: back to the officer, who decides on the record.
    yield row(s.EVIDENCE_REQUESTED, a.RFE_LAPSE, s.IN_REVIEW, _BY_SYSTEM)
    yield row(s.EVIDENCE_RECEIVED, a.RESUME_REVIEW, s.IN_REVIEW, *_BY_OFFICER)
    for ready in (s.IN_REVIEW, s.EVIDENCE_RECEIVED):
        # Conditional: the parole fee is due. Plain approval: a statutory exception.
        yield row(ready, a.APPROVE_CONDITIONALLY, s.CONDITIONALLY_APPROVED, *_BY_DECIDER)
        yield row(ready, a.APPROVE, s.APPROVED, *_BY_DECIDER)
        yield row(ready, a.DENY, s.DENIED, *_BY_OFFICER)
    yield row(s.CONDITIONALLY_APPROVED, a.PAY_PAROLE_FEE, s.APPROVED, _BY_ANYONE_ON_THE_CASE)
    yield row(s.CONDITIONALLY_APPROVED, a.LAPSE_PAROLE_FEE, s.CLOSED, _BY_SYSTEM)
    yield row(s.APPROVED, a.RECORD_ARRIVAL, s.PAROLED, assigned_officer_manager_or_system)
    # The parolee left: a fact, recorded like the arrival by the case's own officer too.
    yield row(s.PAROLED, a.RECORD_DEPARTURE, s.PAROLE_ENDED, assigned_officer_manager_or_system)
    # Its period ran out (the system), or it is terminated on notice (a supervisor's call).
    yield row(s.PAROLED, a.END_PAROLE, s.PAROLE_ENDED, _BY_MANAGER_OR_SYSTEM)
    # An authorization can be terminated before the beneficiary ever travels.
    yield row(s.APPROVED, a.END_PAROLE, s.PAROLE_ENDED, _BY_MANAGER_OR_SYSTEM)
    # Once fully approved there is nothing left to withdraw; parole ends instead.
    withdrawable = (
        s.RECEIVED,
        s.ASSIGNED,
        s.IN_REVIEW,
        s.EVIDENCE_REQUESTED,
        s.EVIDENCE_RECEIVED,
        s.CONDITIONALLY_APPROVED,
    )
    for status in withdrawable:
        yield row(status, a.WITHDRAW, s.WITHDRAWN, _BY_PARTY_OR_ADMIN)


TRANSITIONS: Mapping[tuple[Status, Action], Transition] = MappingProxyType(
    {(t.source, t.action): t for t in _table()}
)


# -- using the table --------------------------------------------------------


def _words(member: Status | Action) -> str:
    return member.value.replace("_", " ")


def _already_decided(status: Status) -> Refusal:
    if status is Status.WITHDRAWN:
        return Refusal(
            ErrorCode.ALREADY_DECIDED, "This request was withdrawn, so it cannot be decided."
        )
    return Refusal(
        ErrorCode.ALREADY_DECIDED,
        f'This request has already been decided (status "{_words(status)}"), '
        "so it cannot be decided again.",
    )


def check(status: Status, action: Action, ctx: Context) -> Refusal | None:
    """Why ``action`` cannot be taken now, or None when it can."""
    # A second decision gets its own answer rather than a generic one: the
    # API maps it to 409 so a double-clicked "approve" explains itself.
    if action in DECISION_ACTIONS and (status in DECIDED_STATUSES or status in TERMINAL_STATUSES):
        return _already_decided(status)
    found = TRANSITIONS.get((status, action))
    if found is None:
        return Refusal(
            ErrorCode.INVALID_TRANSITION,
            f'A request with status "{_words(status)}" cannot take the action "{_words(action)}".',
        )
    for guard in found.guards:
        refusal = guard(ctx)
        if refusal is not None:
            return refusal
    return None


def transition(status: Status, action: Action, ctx: Context) -> Status:
    """The status after ``action``; raises TransitionRefused if it is not allowed."""
    refusal = check(status, action, ctx)
    if refusal is not None:
        raise TransitionRefused(refusal)
    return TRANSITIONS[(status, action)].target


def available_actions(status: Status, ctx: Context) -> list[Action]:
    """The actions this actor may take now, in table order."""
    return [
        t.action
        for t in TRANSITIONS.values()
        if t.source == status and check(status, t.action, ctx) is None
    ]


STATUS_TEXT: dict[Status, str] = {
    Status.RECEIVED: gettext_noop(
        "We received the request and sent a receipt notice. It is waiting for an officer."
    ),
    Status.ASSIGNED: gettext_noop("An officer has been assigned and will start the review soon."),
    Status.IN_REVIEW: gettext_noop("An officer is reviewing the request and its evidence."),
    Status.EVIDENCE_REQUESTED: gettext_noop(
        "We asked for more evidence. We will continue once we receive it or the deadline passes."
    ),
    Status.EVIDENCE_RECEIVED: gettext_noop(
        "We received the evidence we asked for. The officer will continue the review."
    ),
    Status.CONDITIONALLY_APPROVED: gettext_noop(
        "Parole can be granted once the parole fee is paid. The notice gives the amount and the "
        "deadline."
    ),
    Status.APPROVED: gettext_noop(
        "Parole is authorized. The beneficiary can get a travel document through the U.S. embassy "
        "or consulate named in the notice."
    ),
    Status.PAROLED: gettext_noop("The beneficiary arrived and was paroled into the United States."),
    Status.DENIED: gettext_noop(
        "The request was denied. The notice explains why. There is no appeal, but a new request "
        "with significant new facts can be filed."
    ),
    Status.WITHDRAWN: gettext_noop(
        "The request was withdrawn, so no further action will be taken on it."
    ),
    Status.CLOSED: gettext_noop(
        "The request was closed because the parole fee was not paid by the deadline."
    ),
    Status.PAROLE_ENDED: gettext_noop(
        "The parole, or the authorization to travel for it, has ended."
    ),
}


def mermaid_diagram() -> str:
    """The table as a Mermaid state diagram, for docs/architecture.md."""
    lines = ["stateDiagram-v2", f"    [*] --> {Status.RECEIVED.value}"]
    for t in TRANSITIONS.values():
        lines.append(f"    {t.source.value} --> {t.target.value}: {t.action.value}")
    for status in Status:
        if status in TERMINAL_STATUSES:
            lines.append(f"    {status.value} --> [*]")
    return "\n".join(lines) + "\n"
