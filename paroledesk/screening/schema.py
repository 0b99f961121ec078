"""The screener's answers and result, described for the OpenAPI schema.

The enumerations are the core's own, so that the schema cannot drift from
what core.screening reads and says.
"""

from __future__ import annotations

from typing import Any

from paroledesk.core.filing import DAYS_MAX
from paroledesk.core.filing_rules import Category, Location
from paroledesk.core.screening import Flag, Grantor, Outcome, Step, Visa
from paroledesk.core.screening_answers import EARLIEST_DAY, LATEST_DAY, NO_REASON

DATE = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
TEXT = {"type": "string"}


def _choice(values: list[str], description: str = "") -> dict[str, Any]:
    return {"type": "string", "enum": [str(value) for value in values], "description": description}


def _obj(properties: dict[str, Any], required: list[str], **more: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": required,
            "additionalProperties": False, **more}  # fmt: skip


ANSWERS = _obj(
    {
        "beneficiary_location": _choice(list(Location), "Where the person is now."),
        "current_parole": _obj(
            {"granted_by": _choice(list(Grantor)),
             "ends_on": {**DATE, "description": "The last day of parole (Form I-94)."}},
            ["granted_by", "ends_on"], nullable=True,
            description="Only for someone inside the United States; null when none.",
        ),
        "reason_category": _choice([*Category, NO_REASON]),
        "visa_available": _choice(list(Visa), "Whether a visa could serve, in time."),
        "prior_denial": _obj(
            {"new_facts": {"type": "boolean"}}, ["new_facts"], nullable=True,
            description="An earlier request denied, and whether there are new facts; null "
                        "when none.",
        ),
        "prior_removal_or_criminal_record": {"type": "boolean"},
        "has_sponsor": {"type": "boolean", "description": "Someone to sign Form I-134."},
        "requested_days": {"type": "integer", "minimum": 1, "maximum": DAYS_MAX},
        "today": {**DATE, "description": f"The day to answer for, from {EARLIEST_DAY} to "
                  f"{LATEST_DAY}; today when not given."},
    },
    ["beneficiary_location", "reason_category", "visa_available",
     "prior_removal_or_criminal_record", "has_sponsor", "requested_days"],
)  # fmt: skip

RESULT = _obj(
    {
        "outcome": _choice(list(Outcome)),
        "flags": {"type": "array", "items": _choice(list(Flag))},
        "next_steps": {"type": "array", "items": _obj(
            {"code": _choice(list(Step)), "text": TEXT,
             "url": {"type": "string", "format": "uri", "nullable": True}},
            ["code", "text", "url"])},
        "checklist": {"type": "array", "items": _obj(
            {"code": TEXT, "what": TEXT, "detail": TEXT}, ["code", "what", "detail"])},
        "filing_fee_usd": {"type": "integer", "minimum": 0,
                           "description": "The filing fee in force that day, online."},
        "parole_fee_usd": {"type": "integer", "minimum": 0, "nullable": True,
                           "description": "Due on approval; null on a day before it existed."},
        "as_of": DATE,
        "disclaimer": TEXT,
    },
    ["outcome", "flags", "next_steps", "checklist", "filing_fee_usd", "parole_fee_usd",
     "as_of", "disclaimer"],
)  # fmt: skip
