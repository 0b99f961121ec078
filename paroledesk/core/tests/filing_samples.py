"""Shared samples for the filing tests: a stand-in policy and document builders."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date

import pytest

from paroledesk.core.codes import FilingSource
from paroledesk.core.filing import (
    Channel,
    FilingDocument,
    FilingFacts,
    FilingInvalid,
    FilingOutcome,
    GrantFacts,
    RelatedRequestFacts,
    check_filing,
    parse_filing,
)

TODAY = date(2024, 5, 2)  # a Thursday, after the April 2024 fee change
RELATED = "IOE2400100042"
DROP = object()  # as a value in document(): remove the key


@dataclass(frozen=True)
class FakePolicy:
    """The dated facts intake needs, as in the 2024 fee rule: one fee until March 31."""

    on: date

    def filing_fee(self, channel: Channel) -> int:
        if self.on < date(2024, 4, 1):
            return 575
        return 580 if channel is Channel.ONLINE else 630

    def exemptions(self) -> list[tuple[str, str]]:
        return [
            ("armed_forces", "Current or former member of the U.S. armed forces"),
            ("afghan_special_immigrant", "Afghan special immigrant"),
        ]

    def reparole_lead_days(self) -> int:
        return 90

    def long_period_days(self) -> int:
        return 365


BASE: dict[str, object] = {
    "kind": "initial",
    "requestor": {
        "role": "relative",
        "family_name": "Núñez",
        "given_name": "Ana",
        "relationship": "sister",
    },
    "beneficiary": {
        "family_name": "Núñez",
        "given_name": "José",
        "date_of_birth": "1988-03-14",
        "country_of_birth": "HN",
        "country_of_citizenship": "HN",
        "location": "outside_us",
        "current_country": "GT",
        "passport_number": "p1234567",
    },
    "reason": {
        "basis": "urgent_humanitarian",
        "category": "medical",
        "statement": "He needs heart surgery that is not available where he lives.",
        "why_no_visa": "The consulate has no visa appointments for fourteen months.",
    },
    "requested_days": 180,
    "sponsor": {
        "family_name": "Núñez",
        "given_name": "Ana",
        "status": "citizen",
        "annual_income_usd": 64000,
        "household_size": 3,
    },
    "fee": {"payment": "paid", "amount_usd": 580},
}


def document(**changes: object) -> dict[str, object]:
    """A valid online initial filing; ``part__field=value`` changes one nested field."""
    raw = copy.deepcopy(BASE)
    for path, value in changes.items():
        *parts, key = path.split("__")
        target = raw[parts[0]] if parts else raw
        assert isinstance(target, dict)
        if value is DROP:
            target.pop(key, None)
        else:
            target[key] = value
    return raw


def parse(raw: object, *, source: FilingSource = FilingSource.API) -> FilingDocument:
    return parse_filing(raw, source=source, today=TODAY)


def problems(raw: object, **options: FilingSource) -> list[tuple[str, str | None]]:
    with pytest.raises(FilingInvalid) as caught:
        parse(raw, **options)
    assert all(error.code == "invalid" for error in caught.value.errors)
    return [(error.code, error.field) for error in caught.value.errors]


def message(raw: object, field: str, **options: FilingSource) -> str:
    with pytest.raises(FilingInvalid) as caught:
        parse(raw, **options)
    return next(error.message for error in caught.value.errors if error.field == field)


def check(raw: object, facts: FilingFacts | None = None, **options: FilingSource) -> FilingOutcome:
    doc = parse(raw, **options)
    return check_filing(doc, facts or FilingFacts(), FakePolicy(doc.received_on))


def codes(outcome: FilingOutcome) -> list[tuple[str, str | None]]:
    return [(error.code, error.field) for error in outcome.errors]


def warning_codes(outcome: FilingOutcome) -> list[str]:
    return [warning.code for warning in outcome.warnings]


def hq_grant(*, ends_on: date | None = date(2024, 12, 31), **changes: object) -> FilingFacts:
    values: dict[str, object] = {
        "exists": True,
        "same_beneficiary": True,
        "is_denied": False,
        "status": "paroled",
        "grant": GrantFacts(granted_by="uscis_hq", began=True, end_reason=None, ends_on=ends_on),
    }
    values.update(changes)
    return FilingFacts(related=RelatedRequestFacts(**values))  # type: ignore[arg-type]


def reparole(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "kind": "reparole",
        "related_receipt_number": RELATED,
        "beneficiary__location": "inside_us",
        "beneficiary__current_country": "US",
    }
    values.update(changes)
    return document(**values)


def refiling(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "kind": "refiling",
        "related_receipt_number": RELATED,
        "new_facts": "A second doctor now says surgery cannot wait.",
    }
    values.update(changes)
    return document(**values)


DENIED = FilingFacts(
    related=RelatedRequestFacts(
        exists=True, same_beneficiary=True, status="denied", is_denied=True, grant=None
    )
)


# -- parsing ---------------------------------------------------------------------
