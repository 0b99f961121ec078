"""Demo data for a first look: named people and a few dozen requests in every state.

Everything is made through the services, so every filing rule and every
transition guard holds exactly as for real data.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.accounts.second_factor import second_factor_enrol
from paroledesk.accounts.services import user_create
from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.cases.models import ParoleRequest
from paroledesk.core.policy import Channel
from paroledesk.core.roles import Role
from paroledesk.intake.services import request_file
from paroledesk.policy.selectors import policy_on

PEOPLE = [
    ("alice", Role.REQUESTOR),
    ("rita", Role.REPRESENTATIVE),
    ("olivia", Role.OFFICER),
    ("oscar", Role.OFFICER),
    ("sam", Role.SUPERVISOR),
    ("ada", Role.ADMIN),
]
# Fictional names from many places, as in the program's real caseload.
FAMILY = [
    "Haidari",
    "Kovalenko",
    "Mendoza",
    "Nguyen",
    "Okafor",
    "Rahimi",
    "Petrenko",
    "Castillo",
    "Haddad",
    "Shevchuk",
    "Amiri",
    "Dubois",
    "Morales",
    "Sultani",
]
GIVEN = [
    "Amina",
    "Oleksandr",
    "Lucía",
    "Minh",
    "Chidi",
    "Farid",
    "Iryna",
    "José",
    "Layla",
    "Taras",
    "Zahra",
    "Marie",
    "Diego",
    "Nasrin",
]
COUNTRIES = ["AF", "UA", "VE", "VN", "NG", "AF", "UA", "HN", "LB", "UA", "AF", "HT", "CU", "IR"]
CATEGORIES = ["medical", "family_emergency", "protection", "medical", "other"]

# How many demo requests end in each state.
COUNTS = {
    "received": 6, "assigned": 4, "in_review": 4, "evidence_requested": 3,
    "evidence_received": 2, "conditionally_approved": 3, "approved": 3, "paroled": 3,
    "denied": 3, "withdrawn": 2, "closed": 1, "parole_ended": 2,
}  # fmt: skip
PLAN = [state for state, count in COUNTS.items() for _ in range(count)]


def demo_accounts_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-accounts.txt"


@dataclass
class _Cast:
    people: dict[str, User]
    rng: random.Random


def _document(cast: _Cast, index: int, received_on: date, *, filer: str) -> dict[str, Any]:
    rng = cast.rng
    snapshot = policy_on(received_on)
    channel = "online"
    requestor: dict[str, Any] = {
        "role": "relative",
        "family_name": FAMILY[index % 14],
        "given_name": "Sara",
        "relationship": "sister",
    }
    if filer == "rita":
        requestor = {
            "role": "representative",
            "family_name": "Reyes",
            "given_name": "Rita",
            "organization_name": "Harbor Legal Aid",
            "bar_number": "NY-4451207",
        }
    return {
        "kind": "initial",
        "channel": channel,
        "requestor": requestor,
        "beneficiary": {
            "family_name": FAMILY[index % 14],
            "given_name": GIVEN[(index * 5) % 14],
            "date_of_birth": date(1950 + index % 60, 1 + index % 12, 1 + index % 28).isoformat(),
            "country_of_birth": COUNTRIES[index % 14],
            "country_of_citizenship": COUNTRIES[index % 14],
            "location": "outside_us",
            "current_country": COUNTRIES[(index + 3) % 14],
            "passport_number": f"P{rng.randrange(10**7, 10**8)}",
        },
        "reason": {
            "basis": "urgent_humanitarian",
            "category": CATEGORIES[index % 5],
            "statement": "A sudden emergency needs the beneficiary in the United States soon.",
            "why_no_visa": "The nearest consulate has no visa appointments for many months.",
        },
        "requested_days": rng.choice([90, 180, 270, 365]),
        "sponsor": {
            "family_name": "Reyes",
            "given_name": "Daniel",
            "status": "citizen",
            "annual_income_usd": rng.randrange(45_000, 140_000, 1_000),
            "household_size": rng.randrange(1, 6),
        },
        "fee": {"payment": "paid", "amount_usd": snapshot.filing_fee(Channel(channel))},
    }


@dataclass
class _Walk:
    """One demo request on its way, with the day of its latest step."""

    cast: _Cast
    request: ParoleRequest
    day: date
    today: date
    parole_days: int = 365

    @property
    def officer(self) -> User:
        return self.cast.people["olivia" if self.request.pk % 3 else "oscar"]

    def after(self, days: int) -> date:
        self.day = min(self.day + timedelta(days=days), self.today)
        return self.day


def _withdraw(w: _Walk) -> None:
    work.request_withdraw(
        request=w.request,
        actor=w.request.filed_by,
        reason="The family found another way to help.",
        on=w.after(8),
    )


def _assign(w: _Walk) -> None:
    work.case_assign(
        request=w.request, officer=w.officer, actor=w.cast.people["sam"], on=w.after(5)
    )


def _review(w: _Walk) -> None:
    work.case_start_review(request=w.request, actor=w.officer, on=w.after(3))


def _ask(w: _Walk) -> None:
    work.case_request_evidence(
        request=w.request,
        items=["A physician's letter with a prognosis."],
        due_in_business_days=30,
        actor=w.officer,
        on=w.after(10),
    )


def _answer(w: _Walk) -> None:
    work.evidence_receive(request=w.request, actor=w.request.filed_by, on=w.after(12))


def _deny(w: _Walk) -> None:
    work.case_decide(
        request=w.request,
        outcome=Outcome.DENY,
        actor=w.officer,
        reasons=["insufficient_evidence"],
        on=w.after(10),
    )


def _approve(w: _Walk) -> None:
    work.case_decide(
        request=w.request,
        outcome=Outcome.APPROVE,
        actor=w.officer,
        parole_days=w.parole_days,
        on=w.after(20),
    )


def _lapse(w: _Walk) -> None:
    work.parole_fee_lapse(request=w.request, on=w.after(31))


def _pay(w: _Walk) -> None:
    work.parole_fee_pay(request=w.request, actor=w.request.filed_by, on=w.after(10))


def _arrive(w: _Walk) -> None:
    work.arrival_record(request=w.request, arrived_on=w.after(14), actor=None)


def _end(w: _Walk) -> None:
    w.request.grant.refresh_from_db()
    ends_on = w.request.grant.ends_on
    assert ends_on is not None
    work.parole_end(request=w.request, reason="expired", actor=None, on=min(ends_on, w.today))


Step = Callable[[_Walk], None]
_REVIEWED: list[Step] = [_assign, _review]
_APPROVED: list[Step] = [*_REVIEWED, _approve, _pay]
# The steps that bring a new request to each state, every one through the services.
PATHS: dict[str, list[Step]] = {
    "received": [],
    "withdrawn": [_withdraw],
    "assigned": [_assign],
    "in_review": _REVIEWED,
    "evidence_requested": [*_REVIEWED, _ask],
    "evidence_received": [*_REVIEWED, _ask, _answer],
    "denied": [*_REVIEWED, _ask, _answer, _deny],
    "conditionally_approved": [*_REVIEWED, _approve],
    "closed": [*_REVIEWED, _approve, _lapse],
    "approved": _APPROVED,
    "paroled": [*_APPROVED, _arrive],
    "parole_ended": [*_APPROVED, _arrive, _end],
}


def demo_seed(
    *, today: date | None = None, progress: Callable[[str], object] = lambda _: None
) -> dict[str, str]:
    """Create the demo people and requests; return the people's passwords."""
    today = today or timezone.localdate()
    rng = random.Random(212)  # noqa: S311 - demo data, not secrets
    passwords = {name: secrets.token_urlsafe(12) for name, _ in PEOPLE}
    with transaction.atomic():
        people = {
            name: user_create(
                username=name, role=role, email=f"{name}@example.org", password=passwords[name]
            )[0]
            for name, role in PEOPLE
        }
        # Staff sign in with a code from an authenticator app; the demo's have one
        # set up already, and `paroledesk totp NAME` shows its code.
        for user in people.values():
            if user.is_staff_role:
                second_factor_enrol(user=user)
        cast = _Cast(people, rng)
        for index, target in enumerate(PLAN):
            # Requests further along were filed longer ago.
            age = 330 if target == "parole_ended" else 20 + (index * 7) % 200
            if target in {"paroled", "approved", "closed", "conditionally_approved"}:
                age = max(age, 120)
            received_on = today - timedelta(days=age)
            filer = "rita" if index % 3 == 0 else "alice"
            document = _document(cast, index, received_on, filer=filer)
            result = request_file(raw=document, filed_by=people[filer], today=received_on)
            # Parole that has already ended needs a short period.
            days = 60 if target == "parole_ended" else 365
            walk = _Walk(cast, result.request, received_on, today, parole_days=days)
            for step in PATHS[target]:
                step(walk)
        progress(f"Seeded {len(PLAN)} demo requests.")
    path = demo_accounts_file()
    path.write_text(
        "".join(f"  {name:<8} {role.value:<15} {passwords[name]}\n" for name, role in PEOPLE)
    )
    path.chmod(0o600)
    return passwords


def demo_usernames() -> set[str]:
    """The user names of the demo seeded here, from its accounts file (none if unseeded)."""
    path = demo_accounts_file()
    if not path.exists():
        return set()
    return {line.split()[0] for line in path.read_text().splitlines() if line.strip()}


def demo_seed_if_empty(*, progress: Callable[[str], object] = lambda _: None) -> bool:
    if User.objects.exists() or ParoleRequest.objects.exists():
        return False
    demo_seed(progress=progress)
    return True
