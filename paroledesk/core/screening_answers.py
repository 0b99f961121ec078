"""The screener's answers: reading them from JSON, refusing what contradicts itself.

``parse_answers`` checks every answer of the contract's screener input and
reports all problems at once as ``invalid`` errors naming the field, as
``core.filing`` does for a filing document. ``core.screening`` says what the
answers mean.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from paroledesk.core.codes import ErrorCode, errors_listed
from paroledesk.core.filing import DAYS_MAX
from paroledesk.core.filing_rules import HQ_GRANTOR, Category, FieldError, Location
from paroledesk.core.text import shown

NO_REASON = "none"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The screener answers for a day the policy data covers, within this range.
EARLIEST_DAY, LATEST_DAY = date(2000, 1, 1), date(2099, 12, 31)


class Grantor(StrEnum):
    USCIS_HQ = HQ_GRANTOR
    CBP = "cbp"
    OTHER_PROGRAM = "other_program"


class Visa(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class CurrentParole:
    granted_by: Grantor
    ends_on: date


@dataclass(frozen=True)
class PriorDenial:
    new_facts: bool


@dataclass(frozen=True)
class Answers:
    beneficiary_location: Location
    current_parole: CurrentParole | None
    reason_category: Category | None  # None: no reason ("none")
    visa_available: Visa
    prior_denial: PriorDenial | None
    prior_removal_or_criminal_record: bool
    has_sponsor: bool
    requested_days: int
    today: date | None = None


class ScreeningInvalid(ValueError):
    """The answers are malformed or contradict each other; each error names its field."""

    def __init__(self, errors: list[FieldError]) -> None:
        errors = errors_listed(errors, lambda more: FieldError(ErrorCode.INVALID, None, more))
        super().__init__(" ".join(error.message for error in errors))
        self.errors = errors


# -- reading the answers -------------------------------------------------------------

_TOP = frozenset(item for item in Answers.__dataclass_fields__)
_PAROLE = frozenset({"granted_by", "ends_on"})
_DENIAL = frozenset({"new_facts"})


class _Reader:
    """Reads one JSON object of answers; every problem goes to one shared list."""

    def __init__(self, data: Mapping[object, object], prefix: str, known: frozenset[str],
                 errors: list[FieldError]) -> None:  # fmt: skip
        self.data, self.prefix, self.errors = data, prefix, errors
        for key in data:
            if key not in known:
                self.fail(shown(str(key)), "This is not one of the screener's questions.")

    def fail(self, key: str, message: str) -> None:
        self.errors.append(FieldError(ErrorCode.INVALID, f"{self.prefix}{key}", message))

    def choice(self, key: str, label: str, values: list[str]) -> str | None:
        value = self.data.get(key)
        if isinstance(value, str) and value in values:
            return value
        self.fail(key, f"{label} must be one of: {', '.join(values)}.")
        return None

    def yes_no(self, key: str, label: str) -> bool | None:
        value = self.data.get(key)
        if isinstance(value, bool):
            return value
        self.fail(key, f"{label} must be true or false.")
        return None

    def day(self, key: str, label: str, earliest: date, latest: date) -> date | None:
        value, found = self.data.get(key), None
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                found = date.fromisoformat(value)
            except ValueError:  # e.g. 2027-02-30
                found = None
        if found is None:
            self.fail(key, f"{label} must be a real date written YYYY-MM-DD, like 2027-03-14.")
        elif not earliest <= found <= latest:
            self.fail(key, f"{label} must be from {earliest} to {latest}; it is {found}.")
        else:
            return found
        return None

    def part(self, key: str, known: frozenset[str]) -> _Reader | None:
        """The object under ``key``; None when the answer is null or absent."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, Mapping):
            return _Reader(value, f"{self.prefix}{key}.", known, self.errors)
        self.fail(key, "The answer must be null or an object with named fields.")
        return None


def _current_parole(top: _Reader, today: date) -> CurrentParole | None:
    part = top.part("current_parole", _PAROLE)
    if part is None:
        return None
    granted_by = part.choice("granted_by", "Who granted the parole", list(Grantor))
    span = timedelta(days=DAYS_MAX)
    ends_on = part.day("ends_on", "The day parole ends", today - span, today + span)
    if granted_by is None or ends_on is None:
        return None
    return CurrentParole(Grantor(granted_by), ends_on)


def _prior_denial(top: _Reader) -> PriorDenial | None:
    part = top.part("prior_denial", _DENIAL)
    if part is None:
        return None
    new_facts = part.yes_no("new_facts", "Whether there are new facts since the denial")
    return None if new_facts is None else PriorDenial(new_facts)


def _requested_days(top: _Reader) -> int | None:
    value = top.data.get("requested_days")
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= DAYS_MAX:
        return value
    top.fail(
        "requested_days",
        f"The period wanted must be a whole number of days from 1 to {DAYS_MAX:,}.",
    )
    return None


def parse_answers(raw: object, *, today: date) -> Answers:
    """The answers (the contract's screener input), or ScreeningInvalid listing every
    problem, contradictions included. ``today`` bounds the dates; the answers' own
    ``today``, when given, is the day the screening is for."""
    if not isinstance(raw, Mapping):
        message = "The answers must be a JSON object with named fields."
        raise ScreeningInvalid([FieldError(ErrorCode.INVALID, None, message)])
    errors: list[FieldError] = []
    top = _Reader(raw, "", _TOP, errors)
    day = today
    if raw.get("today") is not None:
        day = top.day("today", "The day of the screening", EARLIEST_DAY, LATEST_DAY) or today
    location = top.choice("beneficiary_location", "Where the person is", list(Location))
    parole = _current_parole(top, day)
    reason = top.choice("reason_category", "The reason", [*Category, NO_REASON])
    visa = top.choice("visa_available", "Whether a visa could serve", list(Visa))
    denial = _prior_denial(top)
    record = top.yes_no(
        "prior_removal_or_criminal_record", "Whether there was a removal or a criminal record"
    )
    sponsor = top.yes_no("has_sponsor", "Whether there is a sponsor")
    days = _requested_days(top)
    if location == Location.OUTSIDE_US and raw.get("current_parole") is not None:
        top.fail(
            "current_parole",
            "A person outside the United States is not on parole in it: answer that they "
            "have no current parole, or that they are inside the United States.",
        )
    if errors:
        raise ScreeningInvalid(errors)
    if location is None or reason is None or visa is None or record is None:
        raise AssertionError("A reader returned nothing without recording why.")
    if sponsor is None or days is None:
        raise AssertionError("A reader returned nothing without recording why.")
    return Answers(
        beneficiary_location=Location(location),
        current_parole=parole,
        reason_category=None if reason == NO_REASON else Category(reason),
        visa_available=Visa(visa),
        prior_denial=denial,
        prior_removal_or_criminal_record=record,
        has_sponsor=sponsor,
        requested_days=days,
        today=day,
    )
