"""The filing document and the filing answer, described for the OpenAPI schema."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample

from paroledesk.core.codes import FILING_REFUSALS, ErrorCode, WarningCode
from paroledesk.core.countries import STATELESS
from paroledesk.core.filing import (
    Basis,
    Category,
    FeePayment,
    Kind,
    Location,
    RequestorRole,
    SponsorStatus,
)
from paroledesk.core.policy import Channel
from paroledesk.lib.api_schema import error_response

INTAKE_ERROR_CODES = [code.value for code in FILING_REFUSALS]
WARNING_CODES = [code.value for code in WarningCode]


def _text(description: str = "") -> dict[str, Any]:
    return {"type": "string", "description": description} if description else {"type": "string"}


def _choice(values: list[str], description: str = "") -> dict[str, Any]:
    return {"type": "string", "enum": values, "description": description}


def _obj(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": required,
            "additionalProperties": False}  # fmt: skip


def _values(enum: Any) -> list[str]:
    return [member.value for member in enum]


DATE = {"type": "string", "format": "date"}
FILING_DOCUMENT = _obj(
    {
        "kind": _choice(_values(Kind)),
        "related_receipt_number": _text("Re-parole: the request whose grant is renewed. "
                                        "Refiling: the denied request."),
        "channel": _choice([Channel.ONLINE.value], "Online: the API files online only; paper "
                           "filings arrive by bulk import."),
        "requestor": _obj({
            "role": _choice(_values(RequestorRole)), "family_name": _text(), "given_name": _text(),
            "organization_name": _text(), "email": _text(), "relationship": _text(),
            "bar_number": _text("Representatives (Form G-28)."),
            "accreditation_number": _text("Representatives (Form G-28)."),
        }, ["role"]),
        "beneficiary": _obj({
            "family_name": _text(), "given_name": _text(), "date_of_birth": DATE,
            "country_of_birth": _text("ISO 3166-1 alpha-2"),
            "country_of_citizenship": _text(f"ISO 3166-1 alpha-2 (XK for Kosovo), or "
                                            f"{STATELESS!r}"),
            "location": _choice(_values(Location)),
            "current_country": _text("ISO 3166-1 alpha-2 (XK for Kosovo); not US when outside "
                                     "the United States"),
            "passport_number": _text(),
        }, ["family_name", "given_name", "date_of_birth", "country_of_birth",
            "country_of_citizenship", "location", "current_country"]),
        "reason": _obj({
            "basis": _choice(_values(Basis)), "category": _choice(_values(Category)),
            "statement": _text(), "why_no_visa": _text(),
        }, ["basis", "category", "statement", "why_no_visa"]),
        "requested_days": {"type": "integer", "minimum": 1},
        "sponsor": _obj({
            "family_name": _text(), "given_name": _text(),
            "status": _choice(_values(SponsorStatus)),
            "annual_income_usd": {"type": "integer", "minimum": 0},
            "household_size": {"type": "integer", "minimum": 1},
        }, ["family_name", "given_name", "status", "annual_income_usd", "household_size"]),
        "fee": _obj({
            "payment": _choice(_values(FeePayment)),
            "amount_usd": {"type": "integer", "minimum": 0},
            "exemption": _text("The exemption ground, when exempt."),
        }, ["payment"]),
        "new_facts": _text("Refiling: what is new since the denial."),
        "expedite": _obj({"reason": _text()}, ["reason"]),
        "family_group": _text("Any label of the filer's: their requests with the same one are "
                              "one family, linked for officers (each still one request and "
                              "fee)."),
    },
    ["kind", "requestor", "beneficiary", "reason", "requested_days", "sponsor", "fee"],
)  # fmt: skip

FILED = _obj(
    {
        "receipt_number": _text(),
        "status": _choice(["received"]),
        "received_on": DATE,
        "decision_window": _obj({"earliest": DATE, "latest": DATE}, ["earliest", "latest"]),
        "filing_fee_usd": {"type": "integer"},
        "warnings": {"type": "array", "items": _obj(
            {"code": _choice(WARNING_CODES), "message": _text()}, ["code", "message"])},
    },
    ["receipt_number", "status", "received_on", "decision_window", "filing_fee_usd", "warnings"],
)  # fmt: skip

REFUSED = error_response(
    "The filing was refused; nothing of it was saved. Codes: " + ", ".join(INTAKE_ERROR_CODES),
    ErrorCode.FEE_AMOUNT_INCORRECT,
    "The filing fee on 2026-11-30 for an online filing is $580; you sent $630.",
)
FORBIDDEN = error_response(
    "Only requestors and representatives file requests.",
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
