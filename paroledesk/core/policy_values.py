"""The policy keys, what kind of value each holds, and how a raw value is checked.

Values arrive as JSON from the admin or the policy data file, so each kind
is checked strictly here and nowhere else: a fee typed as "630" or a prefix
in lower case is refused with a sentence naming the key, not coerced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Channel(StrEnum):
    ONLINE = "online"
    PAPER = "paper"


class PolicyKey(StrEnum):
    FILING_FEE_ONLINE = "filing_fee.online"
    FILING_FEE_PAPER = "filing_fee.paper"
    FILING_FEE_EXEMPTIONS = "filing_fee.exemptions"
    PAROLE_FEE = "parole_fee.amount"
    PAROLE_FEE_EXCEPTIONS = "parole_fee.exceptions"
    PAROLE_FEE_DEADLINE_DAYS = "parole_fee.deadline_days"
    WORK_PERMIT_FEE_INITIAL = "work_permit_fee.initial"
    WORK_PERMIT_FEE_RENEWAL = "work_permit_fee.renewal"
    DECISION_WINDOW_EARLIEST = "decision_window.earliest_business_days"
    DECISION_WINDOW_LATEST = "decision_window.latest_business_days"
    REPAROLE_LEAD_DAYS = "reparole.lead_days"
    LONG_PERIOD_DAYS = "parole.long_period_days"
    FILING_ADDRESS = "filing.address"
    RECEIPT_PREFIX_ONLINE = "receipt_prefix.online"
    RECEIPT_PREFIX_PAPER = "receipt_prefix.paper"
    REMINDER_RFE_BUSINESS_DAYS = "reminder.rfe_business_days"
    REMINDER_PAROLE_FEE_DAYS = "reminder.parole_fee_days"
    REMINDER_PAROLE_ENDING_LAST_DAYS = "reminder.parole_ending_last_days"
    ADDRESS_CHANGE_DAYS = "address_change.report_days"


class ValueKind(StrEnum):
    USD = "usd"
    DAYS = "days"
    BUSINESS_DAYS = "business_days"
    TEXT = "text"
    PREFIX = "prefix"
    CHOICES = "choices"


@dataclass(frozen=True)
class PolicySpec:
    kind: ValueKind
    description: str


SPECS: dict[PolicyKey, PolicySpec] = {
    PolicyKey.FILING_FEE_ONLINE: PolicySpec(
        ValueKind.USD, "Form I-131 filing fee for a parole request filed online, per beneficiary."
    ),
    PolicyKey.FILING_FEE_PAPER: PolicySpec(
        ValueKind.USD, "Form I-131 filing fee for a parole request filed on paper, per beneficiary."
    ),
    PolicyKey.FILING_FEE_EXEMPTIONS: PolicySpec(
        ValueKind.CHOICES, "Groups of beneficiaries who do not pay the filing fee."
    ),
    PolicyKey.PAROLE_FEE: PolicySpec(
        ValueKind.USD, "Parole fee due on each grant of parole, re-parole included."
    ),
    PolicyKey.PAROLE_FEE_EXCEPTIONS: PolicySpec(
        ValueKind.CHOICES, "Statutory exceptions for which a grant carries no parole fee."
    ),
    PolicyKey.PAROLE_FEE_DEADLINE_DAYS: PolicySpec(
        ValueKind.DAYS, "Calendar days after a conditional approval to pay the parole fee."
    ),
    PolicyKey.WORK_PERMIT_FEE_INITIAL: PolicySpec(
        ValueKind.USD, "Fee for a parolee's first work permit (Form I-765)."
    ),
    PolicyKey.WORK_PERMIT_FEE_RENEWAL: PolicySpec(
        ValueKind.USD, "Fee for renewing a parolee's work permit (Form I-765)."
    ),
    PolicyKey.DECISION_WINDOW_EARLIEST: PolicySpec(
        ValueKind.BUSINESS_DAYS, "Business days after receipt when a decision is first expected."
    ),
    PolicyKey.DECISION_WINDOW_LATEST: PolicySpec(
        ValueKind.BUSINESS_DAYS, "Business days after receipt by which a decision is expected."
    ),
    PolicyKey.REPAROLE_LEAD_DAYS: PolicySpec(
        ValueKind.DAYS, "Days before parole ends by which a re-parole request should be filed."
    ),
    PolicyKey.LONG_PERIOD_DAYS: PolicySpec(
        ValueKind.DAYS, "Requested parole periods longer than this many days are flagged as long."
    ),
    PolicyKey.FILING_ADDRESS: PolicySpec(ValueKind.TEXT, "Where paper requests are mailed."),
    PolicyKey.RECEIPT_PREFIX_ONLINE: PolicySpec(
        ValueKind.PREFIX, "Three letters that start the receipt number of an online filing."
    ),
    PolicyKey.RECEIPT_PREFIX_PAPER: PolicySpec(
        ValueKind.PREFIX, "Three letters that start the receipt number of a paper filing."
    ),
    PolicyKey.REMINDER_RFE_BUSINESS_DAYS: PolicySpec(
        ValueKind.BUSINESS_DAYS, "Business days before evidence is due when a reminder is sent."
    ),
    PolicyKey.REMINDER_PAROLE_FEE_DAYS: PolicySpec(
        ValueKind.DAYS, "Days before the parole fee is due when a reminder is sent."
    ),
    PolicyKey.ADDRESS_CHANGE_DAYS: PolicySpec(
        ValueKind.DAYS, "Days a parolee has to report a new address (Form AR-11)."
    ),
    PolicyKey.REMINDER_PAROLE_ENDING_LAST_DAYS: PolicySpec(
        ValueKind.DAYS,
        "Days before parole ends when the last reminder is sent (the first goes out when "
        "the re-parole lead time begins).",
    ),
}


class PolicyValueError(ValueError):
    """A policy value that does not fit its key; the message names the key."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"Policy value for {key} {problem}")
        self.key = key
        self.problem = problem


_SLUG = re.compile(r"[a-z0-9]+(?:[_-][a-z0-9]+)*")
_PREFIX = re.compile(r"[A-Z]{3}")


def _shown(raw: object) -> str:
    text = repr(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def _whole(raw: object) -> int | None:
    # bool is an int subclass, but True dollars is a typo, not a fee.
    return raw if isinstance(raw, int) and not isinstance(raw, bool) else None


def _check_choices(raw: object) -> tuple[list[dict[str, str]] | None, str]:
    """The normalized choices, or None and what is wrong with them."""
    if not isinstance(raw, list | tuple) or not raw:
        return None, "must be a non-empty list of choices"
    choices: list[dict[str, str]] = []
    for position, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or set(item) != {"code", "label"}:
            return None, f'choice {position} must have exactly a "code" and a "label"'
        code, label = item["code"], item["label"]
        if not isinstance(code, str) or not _SLUG.fullmatch(code):
            return None, f"choice {position} needs a code in lower case like armed_forces"
        if not isinstance(label, str) or not label.strip():
            return None, f"choice {position} ({code}) needs a label"
        if any(c["code"] == code for c in choices):
            return None, f"repeats the code {code}"
        choices.append({"code": code, "label": label.strip()})
    return choices, ""


def parse_value(key: PolicyKey | str, raw: object) -> object:
    """``raw`` checked and normalized for ``key``; raises PolicyValueError naming the key."""
    try:
        spec = SPECS[PolicyKey(key)]
    except ValueError:
        raise PolicyValueError(str(key), "cannot be set: there is no such policy key.") from None
    name = str(key)
    kind = spec.kind
    if kind is ValueKind.USD:
        amount = _whole(raw)
        if amount is None or amount < 0:
            raise PolicyValueError(
                name, f"must be a whole number of dollars, zero or more, not {_shown(raw)}."
            )
        return amount
    if kind in (ValueKind.DAYS, ValueKind.BUSINESS_DAYS):
        days = _whole(raw)
        if days is None or days <= 0:
            unit = "business days" if kind is ValueKind.BUSINESS_DAYS else "days"
            raise PolicyValueError(
                name, f"must be a whole number of {unit}, one or more, not {_shown(raw)}."
            )
        return days
    if kind is ValueKind.TEXT:
        if not isinstance(raw, str) or not raw.strip():
            raise PolicyValueError(name, f"must be non-empty text, not {_shown(raw)}.")
        return raw.strip()
    if kind is ValueKind.PREFIX:
        if not isinstance(raw, str) or not _PREFIX.fullmatch(raw):
            raise PolicyValueError(
                name, f"must be three capital letters like IOE, not {_shown(raw)}."
            )
        return raw
    choices, problem = _check_choices(raw)
    if choices is None:
        raise PolicyValueError(name, f"{problem}.")
    return choices
