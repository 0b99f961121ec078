from __future__ import annotations

from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from paroledesk.core.lifecycle import (
    DECIDED_STATUSES,
    DECISION_ACTIONS,
    OPEN_STATUSES,
    STATUS_TEXT,
    TERMINAL_STATUSES,
    TRANSITIONS,
    Action,
    Context,
    Status,
    TransitionRefused,
    available_actions,
    check,
    mermaid_diagram,
    transition,
)
from paroledesk.core.roles import Role

SYSTEM = Context(actor_role=None)
ASSIGNED_OFFICER = Context(Role.OFFICER, is_assigned_officer=True)
OTHER_OFFICER = Context(Role.OFFICER)
SUPERVISOR = Context(Role.SUPERVISOR)
ADMIN = Context(Role.ADMIN)
REQUESTOR = Context(Role.REQUESTOR, is_party=True)
STRANGER = Context(Role.REQUESTOR, is_party=False)

contexts = st.builds(
    Context,
    actor_role=st.none() | st.sampled_from(Role),
    is_assigned_officer=st.booleans(),
    is_party=st.booleans(),
    parole_days=st.none() | st.integers(min_value=1, max_value=1000),
    long_period_days=st.just(365),
)


def code(status: Status, action: Action, ctx: Context) -> str | None:
    refusal = check(status, action, ctx)
    return None if refusal is None else refusal.code


def test_every_status_is_reachable_from_received() -> None:
    seen = {Status.RECEIVED}
    todo = deque([Status.RECEIVED])
    while todo:
        here = todo.popleft()
        for t in TRANSITIONS.values():
            if t.source == here and t.target not in seen:
                seen.add(t.target)
                todo.append(t.target)
    assert seen == set(Status)


def test_terminal_statuses_have_no_outgoing_transition_and_the_others_do() -> None:
    sources = {t.source for t in TRANSITIONS.values()}
    assert sources.isdisjoint(TERMINAL_STATUSES)
    assert sources == set(Status) - TERMINAL_STATUSES


def test_every_status_is_open_decided_or_withdrawn_and_has_a_public_text() -> None:
    assert OPEN_STATUSES.isdisjoint(DECIDED_STATUSES)
    assert OPEN_STATUSES | DECIDED_STATUSES | {Status.WITHDRAWN} == set(Status)
    assert all(STATUS_TEXT[status].endswith(".") for status in Status)


def test_table_keys_match_their_rows() -> None:
    assert all(key == (t.source, t.action) for key, t in TRANSITIONS.items())


def test_the_happy_path_with_an_rfe_and_the_parole_fee() -> None:
    steps = [
        (Action.ASSIGN, SUPERVISOR, Status.ASSIGNED),
        (Action.START_REVIEW, ASSIGNED_OFFICER, Status.IN_REVIEW),
        (Action.REQUEST_EVIDENCE, ASSIGNED_OFFICER, Status.EVIDENCE_REQUESTED),
        (Action.RECEIVE_EVIDENCE, REQUESTOR, Status.EVIDENCE_RECEIVED),
        (Action.APPROVE_CONDITIONALLY, ASSIGNED_OFFICER, Status.CONDITIONALLY_APPROVED),
        (Action.PAY_PAROLE_FEE, REQUESTOR, Status.APPROVED),
        (Action.RECORD_ARRIVAL, SYSTEM, Status.PAROLED),
        (Action.END_PAROLE, SYSTEM, Status.PAROLE_ENDED),
    ]
    status = Status.RECEIVED
    for action, ctx, expected in steps:
        status = transition(status, action, ctx)
        assert status == expected


def test_the_cases_officer_records_a_departure_but_only_managers_end_parole_on_notice() -> None:
    for ctx in (ASSIGNED_OFFICER, SUPERVISOR, ADMIN, SYSTEM):
        assert transition(Status.PAROLED, Action.RECORD_DEPARTURE, ctx) == Status.PAROLE_ENDED
    assert code(Status.PAROLED, Action.RECORD_DEPARTURE, OTHER_OFFICER) == "not_assigned"
    assert code(Status.PAROLED, Action.RECORD_DEPARTURE, REQUESTOR) == "not_allowed"
    assert code(Status.PAROLED, Action.END_PAROLE, ASSIGNED_OFFICER) == "not_allowed"
    # No one leaves who has not arrived.
    assert code(Status.APPROVED, Action.RECORD_DEPARTURE, SUPERVISOR) == "invalid_transition"


def test_reassignment_keeps_the_status() -> None:
    for status in (Status.ASSIGNED, Status.IN_REVIEW, Status.EVIDENCE_REQUESTED):
        assert transition(status, Action.ASSIGN, ADMIN) == status


def test_only_supervisors_and_admins_assign() -> None:
    assert code(Status.RECEIVED, Action.ASSIGN, SUPERVISOR) is None
    assert code(Status.RECEIVED, Action.ASSIGN, ADMIN) is None
    for ctx in (ASSIGNED_OFFICER, REQUESTOR, SYSTEM):
        assert code(Status.RECEIVED, Action.ASSIGN, ctx) == "not_allowed"


def test_an_officer_who_is_not_assigned_is_told_so() -> None:
    assert code(Status.ASSIGNED, Action.START_REVIEW, OTHER_OFFICER) == "not_assigned"
    assert code(Status.IN_REVIEW, Action.DENY, Context(Role.SUPERVISOR)) == "not_assigned"
    with pytest.raises(TransitionRefused, match="not the officer assigned") as raised:
        transition(Status.IN_REVIEW, Action.APPROVE, OTHER_OFFICER)
    assert raised.value.refusal.code == "not_assigned"


def test_parties_the_system_and_admins_cannot_decide() -> None:
    for ctx in (REQUESTOR, SYSTEM, Context(Role.ADMIN, is_assigned_officer=True)):
        assert code(Status.IN_REVIEW, Action.DENY, ctx) == "not_allowed"


def test_a_parole_of_more_than_a_year_needs_a_supervisor_even_if_the_officer_is_assigned() -> None:
    officer = {"is_assigned_officer": True, "long_period_days": 365}
    long = Context(Role.OFFICER, parole_days=366, **officer)  # type: ignore[arg-type]
    for action in (Action.APPROVE, Action.APPROVE_CONDITIONALLY):
        assert code(Status.IN_REVIEW, action, long) == "supervisor_approval_required"
    exactly_a_year = Context(Role.OFFICER, parole_days=365, **officer)  # type: ignore[arg-type]
    assert code(Status.IN_REVIEW, Action.APPROVE, exactly_a_year) is None
    assigned_supervisor = Context(Role.SUPERVISOR, parole_days=730, **officer)  # type: ignore[arg-type]
    assert transition(Status.IN_REVIEW, Action.APPROVE, assigned_supervisor) == Status.APPROVED
    # Denying a long request needs no supervisor: nothing long is granted.
    assert code(Status.IN_REVIEW, Action.DENY, long) is None


def test_deciding_twice_is_already_decided_not_an_invalid_transition() -> None:
    for status in DECIDED_STATUSES | TERMINAL_STATUSES:
        for action in DECISION_ACTIONS:
            refusal = check(status, action, ASSIGNED_OFFICER)
            assert refusal is not None
            assert refusal.code == "already_decided"
    refusal = check(Status.APPROVED, Action.DENY, ASSIGNED_OFFICER)
    assert refusal is not None
    assert refusal.message == (
        'This request has already been decided (status "approved"), so it cannot be decided again.'
    )


def test_a_pair_missing_from_the_table_is_an_invalid_transition() -> None:
    assert code(Status.RECEIVED, Action.APPROVE, ASSIGNED_OFFICER) == "invalid_transition"
    assert code(Status.DENIED, Action.WITHDRAW, REQUESTOR) == "invalid_transition"
    with pytest.raises(
        TransitionRefused, match='status "in review" cannot take the action "start review"'
    ):
        transition(Status.IN_REVIEW, Action.START_REVIEW, ASSIGNED_OFFICER)


def test_lapses_are_for_the_system_alone() -> None:
    assert transition(Status.EVIDENCE_REQUESTED, Action.RFE_LAPSE, SYSTEM) == Status.IN_REVIEW
    assert code(Status.EVIDENCE_REQUESTED, Action.RFE_LAPSE, ADMIN) == "not_allowed"
    assert transition(Status.CONDITIONALLY_APPROVED, Action.LAPSE_PAROLE_FEE, SYSTEM) == (
        Status.CLOSED
    )
    assert code(Status.CONDITIONALLY_APPROVED, Action.LAPSE_PAROLE_FEE, ASSIGNED_OFFICER) == (
        "not_allowed"
    )


def test_evidence_and_fees_come_from_a_party_to_this_request_not_a_stranger() -> None:
    assert code(Status.EVIDENCE_REQUESTED, Action.RECEIVE_EVIDENCE, REQUESTOR) is None
    assert code(Status.EVIDENCE_REQUESTED, Action.RECEIVE_EVIDENCE, STRANGER) == "not_allowed"
    rep = Context(Role.REPRESENTATIVE, is_party=True)
    assert code(Status.CONDITIONALLY_APPROVED, Action.PAY_PAROLE_FEE, rep) is None
    assert code(Status.CONDITIONALLY_APPROVED, Action.PAY_PAROLE_FEE, STRANGER) == "not_allowed"


def test_withdrawal_is_for_the_parties_or_an_admin_until_full_approval() -> None:
    assert transition(Status.IN_REVIEW, Action.WITHDRAW, REQUESTOR) == Status.WITHDRAWN
    assert code(Status.RECEIVED, Action.WITHDRAW, ADMIN) is None
    assert code(Status.RECEIVED, Action.WITHDRAW, SUPERVISOR) == "not_allowed"
    assert code(Status.RECEIVED, Action.WITHDRAW, STRANGER) == "not_allowed"
    assert code(Status.APPROVED, Action.WITHDRAW, REQUESTOR) == "invalid_transition"


def test_parole_can_end_before_travel_but_only_by_a_supervisor_admin_or_the_system() -> None:
    assert transition(Status.APPROVED, Action.END_PAROLE, SUPERVISOR) == Status.PAROLE_ENDED
    assert code(Status.PAROLED, Action.END_PAROLE, ASSIGNED_OFFICER) == "not_allowed"


def test_available_actions_lists_the_buttons_in_table_order() -> None:
    assert available_actions(Status.IN_REVIEW, ASSIGNED_OFFICER) == [
        Action.REQUEST_EVIDENCE,
        Action.APPROVE_CONDITIONALLY,
        Action.APPROVE,
        Action.DENY,
    ]
    assert available_actions(Status.IN_REVIEW, REQUESTOR) == [Action.WITHDRAW]
    assert available_actions(Status.DENIED, ADMIN) == []


def test_the_refusal_message_is_the_exception_text() -> None:
    with pytest.raises(TransitionRefused) as raised:
        transition(Status.RECEIVED, Action.ASSIGN, REQUESTOR)
    assert str(raised.value) == "Only supervisors or administrators can do this."


def test_the_mermaid_diagram_shows_every_transition_in_the_table() -> None:
    lines = [line.strip() for line in mermaid_diagram().splitlines()]
    assert lines[0] == "stateDiagram-v2"
    assert "[*] --> received" in lines
    for t in TRANSITIONS.values():
        assert f"{t.source.value} --> {t.target.value}: {t.action.value}" in lines
    for status in TERMINAL_STATUSES:
        assert f"{status.value} --> [*]" in lines
    assert len(lines) == 2 + len(TRANSITIONS) + len(TERMINAL_STATUSES)


def test_every_status_action_and_actor_combination_agrees_with_the_table() -> None:
    # Exhaustive over a grid of actors: the cheap, deterministic twin of the
    # random tests below.
    grid = [
        Context(
            role,
            is_assigned_officer=assigned,
            is_party=party,
            parole_days=days,
            long_period_days=365,
        )
        for role in (None, *Role)
        for assigned in (False, True)
        for party in (False, True)
        for days in (None, 365, 366)
    ]
    for status in Status:
        for action in Action:
            row = TRANSITIONS.get((status, action))
            for ctx in grid:
                refusal = check(status, action, ctx)
                if refusal is None:
                    assert row is not None
                    assert transition(status, action, ctx) == row.target
                else:
                    assert refusal.code in CODES
                    assert refusal.message.endswith(".")
                    assert (row is None) == (
                        refusal.code in {"invalid_transition", "already_decided"}
                    )


CODES = {
    "not_assigned",
    "not_allowed",
    "supervisor_approval_required",
    "invalid_transition",
    "already_decided",
}

# Typical actors make the random walks go deep; arbitrary contexts probe the edges.
ACTORS = [
    SYSTEM,
    SUPERVISOR,
    ADMIN,
    ASSIGNED_OFFICER,
    REQUESTOR,
    Context(Role.SUPERVISOR, is_assigned_officer=True, parole_days=400, long_period_days=365),
]
typical = st.sampled_from(ACTORS)
actors = st.one_of(typical, typical, typical, contexts)


@settings(max_examples=60, deadline=None)
@given(steps=st.lists(st.tuples(st.sampled_from(Action), actors), min_size=50, max_size=150))
def test_random_actions_only_ever_follow_the_table(steps: list[tuple[Action, Context]]) -> None:
    pairs = {(t.source, t.target) for t in TRANSITIONS.values()}
    status = Status.RECEIVED
    for action, ctx in steps:
        before = status
        refusal = check(status, action, ctx)
        if refusal is not None:
            with pytest.raises(TransitionRefused) as raised:
                status = transition(status, action, ctx)
            assert raised.value.refusal == refusal
            assert status == before
            continue
        status = transition(status, action, ctx)
        assert (before, status) in pairs
        assert TRANSITIONS[(before, action)].target == status
        if status in TERMINAL_STATUSES:
            status = Status.RECEIVED  # a new request, so one walk covers several lives


class LifecycleMachine(RuleBasedStateMachine):
    """Drives requests through random actors and checks the offered buttons never lie."""

    def __init__(self) -> None:
        super().__init__()
        self.status = Status.RECEIVED

    @rule(data=st.data(), ctx=st.sampled_from(ACTORS), probe=contexts)
    def press_an_offered_button(self, data: st.DataObject, ctx: Context, probe: Context) -> None:
        for someone in (ctx, probe):
            allowed = {a for a in Action if check(self.status, a, someone) is None}
            offered = available_actions(self.status, someone)
            assert set(offered) == allowed
            assert len(offered) == len(allowed)
        if self.status in TERMINAL_STATUSES:
            self.status = Status.RECEIVED  # file a new request so the walk goes on
            return
        mine = available_actions(self.status, ctx)
        if not mine:
            return
        action = data.draw(st.sampled_from(mine))
        before, self.status = self.status, transition(self.status, action, ctx)
        assert TRANSITIONS[(before, action)].target == self.status

    @rule(action=st.sampled_from(Action), ctx=contexts)
    def try_anything(self, action: Action, ctx: Context) -> None:
        before = self.status
        if action in available_actions(before, ctx):
            self.status = transition(before, action, ctx)
        else:
            with pytest.raises(TransitionRefused):
                transition(before, action, ctx)
            assert self.status == before

    @invariant()
    def a_terminal_status_offers_nothing_to_anyone(self) -> None:
        if self.status in TERMINAL_STATUSES:
            for ctx in ACTORS:
                assert available_actions(self.status, ctx) == []


LifecycleMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=40, deadline=None
)
TestLifecycleMachine = LifecycleMachine.TestCase


def test_the_long_period_comes_from_policy_and_its_absence_is_an_error() -> None:
    six_months = Context(
        Role.OFFICER, is_assigned_officer=True, parole_days=200, long_period_days=180
    )
    assert code(Status.IN_REVIEW, Action.APPROVE, six_months) == "supervisor_approval_required"
    unknown = Context(Role.OFFICER, is_assigned_officer=True, parole_days=200)
    with pytest.raises(ValueError, match="long_period_days"):
        check(Status.IN_REVIEW, Action.APPROVE, unknown)
