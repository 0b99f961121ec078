"""The named demo people and policy data, as fixtures for any app's tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rest_framework.test import APIClient

from paroledesk.accounts.models import User
from paroledesk.accounts.second_factor import second_factor_enrol
from paroledesk.accounts.services import token_issue, user_create
from paroledesk.cases.models import ParoleRequest
from paroledesk.core.roles import Role
from paroledesk.intake.services import request_file
from paroledesk.policy.services import policy_load_defaults

PASSWORD = "correct horse battery staple 7"  # noqa: S105 - test accounts only
FILED_ON = date(2026, 11, 30)


def client_for(user: User) -> APIClient:
    """An API client that sends ``user``'s token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=user)}")
    return client


@pytest.fixture
def policy(db: None) -> None:
    policy_load_defaults()


def person(name: str, role: Role) -> User:
    """A user with a password and an address; staff as after their first sign-in."""
    user, _ = user_create(username=name, role=role, email=f"{name}@example.org", password=PASSWORD)
    if user.is_staff_role:
        second_factor_enrol(user=user)
    return user


@pytest.fixture
def alice(db: None) -> User:
    return person("alice", Role.REQUESTOR)


@pytest.fixture
def rita(db: None) -> User:
    return person("rita", Role.REPRESENTATIVE)


@pytest.fixture
def olivia(db: None) -> User:
    return person("olivia", Role.OFFICER)


@pytest.fixture
def sam(db: None) -> User:
    return person("sam", Role.SUPERVISOR)


@pytest.fixture
def ada(db: None) -> User:
    return person("ada", Role.ADMIN)


def filing_document(**overrides: Any) -> dict[str, Any]:
    """A valid online filing document for an initial request; override any top-level part."""
    document: dict[str, Any] = {
        "kind": "initial",
        "requestor": {
            "role": "relative",
            "family_name": "Haidari",
            "given_name": "Sara",
            "relationship": "sister",
            "email": "sara@example.org",
        },
        "beneficiary": {
            "family_name": "Haidari",
            "given_name": "Farid",
            "date_of_birth": "1988-03-14",
            "country_of_birth": "AF",
            "country_of_citizenship": "AF",
            "location": "outside_us",
            "current_country": "PK",
            "passport_number": "P1234567",
        },
        "reason": {
            "basis": "urgent_humanitarian",
            "category": "medical",
            "statement": "He needs surgery that is not available where he is.",
            "why_no_visa": "No visa interview can be had for over a year.",
        },
        "requested_days": 180,
        "sponsor": {
            "family_name": "Haidari",
            "given_name": "Sara",
            "status": "citizen",
            "annual_income_usd": 72000,
            "household_size": 3,
        },
        "fee": {"payment": "paid", "amount_usd": 580},
    }
    document.update(overrides)
    return document


@pytest.fixture
def filed(policy: None, alice: User) -> ParoleRequest:
    """An initial request alice filed online on Monday 2026-11-30."""
    return request_file(raw=filing_document(), filed_by=alice, today=FILED_ON).request
