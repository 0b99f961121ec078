"""The filing document and the filing answer, described for the OpenAPI schema."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample

from paroledesk.core.codes import FILING_REFUSALS, ErrorCode, WarningCode
from paroledesk.core.countries import COUNTRY_NAMES, STATELESS
from paroledesk.core.filing import (
    DAYS_MAX,
    GROUP_MAX,
    NAME_MAX,
    ORGANIZATION_MAX,
    TEXT_MAX,
    Basis,
    Category,
    FeePayment,
    Kind,
    Location,
    RequestorRole,
    SponsorStatus,
)
from paroledesk.core.policy import Channel
from paroledesk.lib.api_schema import RECEIPT, RECEIPT_TYPED, error_response

INTAKE_ERROR_CODES = [code.value for code in FILING_REFUSALS]
WARNING_CODES = [code.value for code in WarningCode]


def _text(description: str = "", *, limit: int = NAME_MAX) -> dict[str, Any]:
    """Text the server strips and measures: at least one character that is not a space."""
    found: dict[str, Any] = {"type": "string", "minLength": 1, "maxLength": limit,
                             "pattern": r"\S"}  # fmt: skip
    if description:
        found["description"] = description
    return found


def _choice(values: list[str], description: str = "") -> dict[str, Any]:
    return {"type": "string", "enum": values, "description": description}


def _whole(low: int, high: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": low, "maximum": high}


def _obj(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": required,
            "additionalProperties": False}  # fmt: skip


def _values(enum: Any) -> list[str]:
    return [member.value for member in enum]


# The limits and shapes core.filing enforces; test_api_schema_limits holds the two together.
EMAIL_MAX, G28_MAX, PASSPORT_MAX, EXEMPTION_MAX = 254, 40, 40, 60
INCOME_MAX, HOUSEHOLD_MAX, FEE_MAX = 10**9, 99, 10**6
DATE = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
COUNTRIES = sorted(COUNTRY_NAMES)


def _country(description: str, *, stateless: bool = False) -> dict[str, Any]:
    codes = [*COUNTRIES, STATELESS] if stateless else COUNTRIES
    return _choice(codes, f"{description} Case is ignored.")


FILING_DOCUMENT = _obj(
    {
        "kind": _choice(_values(Kind)),
        "related_receipt_number": {
            "type": "string", "pattern": RECEIPT_TYPED,
            "description": "Re-parole: the request whose grant is renewed. Refiling: the "
                           "denied request. Not given for an initial request.",
        },
        "channel": _choice([Channel.ONLINE.value], "Online: the API files online only; paper "
                           "filings arrive by bulk import."),
        "requestor": _obj({
            "role": _choice(_values(RequestorRole)),
            "family_name": _text("Needed unless the role is organization."),
            "given_name": _text("Needed unless the role is organization."),
            "organization_name": _text("Needed when the role is organization.",
                                       limit=ORGANIZATION_MAX),
            "email": {"type": "string", "maxLength": EMAIL_MAX,
                      "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s.]+$"},
            "relationship": _text("Needed when the role is relative, e.g. sister."),
            "bar_number": _text("Representatives (Form G-28).", limit=G28_MAX),
            "accreditation_number": _text("Representatives (Form G-28).", limit=G28_MAX),
        }, ["role"]),
        "beneficiary": _obj({
            "family_name": _text(), "given_name": _text(),
            "date_of_birth": {**DATE, "description": "From 1900-01-01; not after today."},
            "country_of_birth": _country("ISO 3166-1 alpha-2 (XK for Kosovo)."),
            "country_of_citizenship": _country(
                f"ISO 3166-1 alpha-2 (XK for Kosovo), or {STATELESS!r}.", stateless=True),
            "location": _choice(_values(Location)),
            "current_country": _country("ISO 3166-1 alpha-2 (XK for Kosovo); US exactly when "
                                        "the location is inside_us."),
            "passport_number": {"type": "string", "maxLength": PASSPORT_MAX,
                                "pattern": r"^\s*[A-Za-z0-9]{5,20}\s*$",
                                "description": "5 to 20 letters or digits."},
        }, ["family_name", "given_name", "date_of_birth", "country_of_birth",
            "country_of_citizenship", "location", "current_country"]),
        "reason": _obj({
            "basis": _choice(_values(Basis)), "category": _choice(_values(Category)),
            "statement": _text(limit=TEXT_MAX), "why_no_visa": _text(limit=TEXT_MAX),
        }, ["basis", "category", "statement", "why_no_visa"]),
        "requested_days": {**_whole(1, DAYS_MAX), "description": "Whole days; over 365 is "
                           "filed with the warning long_period."},
        "sponsor": _obj({
            "family_name": _text(), "given_name": _text(),
            "status": _choice(_values(SponsorStatus)),
            "annual_income_usd": _whole(0, INCOME_MAX),
            "household_size": _whole(1, HOUSEHOLD_MAX),
        }, ["family_name", "given_name", "status", "annual_income_usd", "household_size"]),
        "fee": _obj({
            "payment": _choice(_values(FeePayment)),
            "amount_usd": {**_whole(0, FEE_MAX), "description": "Needed when paid: the fee in "
                           "force today for an online filing."},
            "exemption": _text("The exemption ground, only when exempt.", limit=EXEMPTION_MAX),
        }, ["payment"]),
        "new_facts": _text("Refiling: what is new since the denial.", limit=TEXT_MAX),
        "expedite": _obj({"reason": _text(limit=TEXT_MAX)}, ["reason"]),
        "family_group": _text("Any label of the filer's: their requests with the same one are "
                              "one family, linked for officers (each still one request and "
                              "fee).", limit=GROUP_MAX),
    },
    ["kind", "requestor", "beneficiary", "reason", "requested_days", "sponsor", "fee"],
)  # fmt: skip

# The header that makes a filing safe to retry (intake.api.filing).
IDEMPOTENCY_KEY_MAX = 255
IDEMPOTENCY_KEY = {"type": "string", "minLength": 1, "maxLength": IDEMPOTENCY_KEY_MAX,
                   "pattern": "^[ -~]*[!-~][ -~]*$"}  # fmt: skip

FILED = _obj(
    {
        "receipt_number": {"type": "string", "pattern": RECEIPT},
        "status": _choice(["received"]),
        "received_on": DATE,
        "decision_window": _obj({"earliest": DATE, "latest": DATE}, ["earliest", "latest"]),
        "filing_fee_usd": {"type": "integer", "minimum": 0},
        "warnings": {"type": "array", "items": _obj(
            {"code": _choice(WARNING_CODES), "message": {"type": "string"}}, ["code", "message"])},
    },
    ["receipt_number", "status", "received_on", "decision_window", "filing_fee_usd", "warnings"],
)  # fmt: skip

REFUSED = error_response(
    "The filing was refused; nothing of it was saved. Codes: " + ", ".join(INTAKE_ERROR_CODES),
    ErrorCode.FEE_AMOUNT_INCORRECT,
    "The filing fee on 2026-11-30 for an online filing is $580; you sent $630.",
)
FORBIDDEN = error_response(
    "Only requestors and representatives file requests; or, signed in on the site, the CSRF "
    "token is missing or wrong (send the csrftoken cookie's value in X-CSRFToken).",
    ErrorCode.PERMISSION_DENIED,
    "Only requestors and representatives file requests.",
)
EXAMPLE = OpenApiExample(
    "An initial request",
    request_only=True,
    value={
        "kind": "initial",
        "requestor": {"role": "relative", "family_name": "Haidari", "given_name": "Sara",
                      "relationship": "sister"},
        "beneficiary": {"family_name": "Haidari", "given_name": "Farid",
                        "date_of_birth": "1988-03-14", "country_of_birth": "AF",
                        "country_of_citizenship": "AF", "location": "outside_us",
                        "current_country": "PK"},
        "reason": {"basis": "urgent_humanitarian", "category": "medical",
                   "statement": "He needs surgery that is not available where he is.",
                   "why_no_visa": "No visa interview can be had for over a year."},
        "requested_days": 180,
        "sponsor": {"family_name": "Haidari", "given_name": "Sara", "status": "citizen",
                    "annual_income_usd": 72000, "household_size": 3},
        "fee": {"payment": "paid", "amount_usd": 580},
    },
)  # fmt: skip
