"""Policy as dated data: "the policy in force on date D".

Fees, deadlines and targets change by rule or statute on a known date, and a
request is judged by the policy in force when it was received, not today's.
So every value is an entry with the date it took effect and where it comes
from, and code asks a snapshot for a date instead of using literals. The
database layer stores entries; this module only decides which one applies.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import TypeVar

from paroledesk.core.business_days import BusinessCalendar
from paroledesk.core.policy_values import (
    SPECS,
    Channel,
    PolicyKey,
    PolicySpec,
    PolicyValueError,
    ValueKind,
    parse_value,
)

__all__ = [
    "DEFAULT_ENTRIES",
    "SPECS",
    "Channel",
    "InForce",
    "Policy",
    "PolicyEntry",
    "PolicyKey",
    "PolicyMissing",
    "PolicySnapshot",
    "PolicySpec",
    "PolicyValueError",
    "ValueKind",
    "if_in_force",
    "parse_value",
]


@dataclass(frozen=True)
class PolicyEntry:
    key: PolicyKey
    effective_from: date
    value: object
    source: str


@dataclass(frozen=True)
class InForce:
    value: object
    effective_from: date
    source: str


class PolicyMissing(LookupError):
    def __init__(self, key: PolicyKey, on: date) -> None:
        super().__init__(f"No value for policy {key.value} is in force on {on.isoformat()}.")
        self.key = key
        self.on = on


_T = TypeVar("_T")


def if_in_force(read: Callable[[], _T]) -> _T | None:
    """What ``read`` gives, or None when the value is not in force that day (a fee not yet
    enacted): for pages and letters that leave such a passage out."""
    try:
        return read()
    except PolicyMissing:
        return None


_FILING_FEE = {
    Channel.ONLINE: PolicyKey.FILING_FEE_ONLINE,
    Channel.PAPER: PolicyKey.FILING_FEE_PAPER,
}
_RECEIPT_PREFIX = {
    Channel.ONLINE: PolicyKey.RECEIPT_PREFIX_ONLINE,
    Channel.PAPER: PolicyKey.RECEIPT_PREFIX_PAPER,
}


class PolicySnapshot:
    """The values in force on one date, with typed accessors for the code that uses them."""

    def __init__(self, on: date, values: Mapping[PolicyKey, InForce]) -> None:
        self.on = on
        self._values = dict(values)
        self._windows: dict[tuple[date, BusinessCalendar], tuple[date, date]] = {}

    def get(self, key: PolicyKey) -> InForce:
        try:
            return self._values[key]
        except KeyError:
            raise PolicyMissing(key, self.on) from None

    def items(self) -> list[tuple[PolicyKey, InForce]]:
        """Every value in force, in the order of PolicyKey, for display."""
        return [(key, self._values[key]) for key in PolicyKey if key in self._values]

    # Values were checked against their kind when the Policy was built, so
    # these narrowings only fail if someone built a snapshot by hand.
    def _int(self, key: PolicyKey) -> int:
        value = self.get(key).value
        if not isinstance(value, int):
            raise TypeError(f"Policy {key.value} holds {value!r}, not a whole number.")
        return value

    def _str(self, key: PolicyKey) -> str:
        value = self.get(key).value
        if not isinstance(value, str):
            raise TypeError(f"Policy {key.value} holds {value!r}, not text.")
        return value

    def _choices(self, key: PolicyKey) -> list[tuple[str, str]]:
        value = self.get(key).value
        if not isinstance(value, list):
            raise TypeError(f"Policy {key.value} holds {value!r}, not a list of choices.")
        return [(str(item["code"]), str(item["label"])) for item in value]

    def filing_fee(self, channel: Channel) -> int:
        return self._int(_FILING_FEE[Channel(channel)])

    def exemptions(self) -> list[tuple[str, str]]:
        """Filing-fee exemptions as (code, label); none on a date before any was published."""
        if PolicyKey.FILING_FEE_EXEMPTIONS not in self._values:
            return []
        return self._choices(PolicyKey.FILING_FEE_EXEMPTIONS)

    def parole_fee(self) -> int:
        return self._int(PolicyKey.PAROLE_FEE)

    def parole_fee_exceptions(self) -> list[tuple[str, str]]:
        """Statutory exceptions to the parole fee as (code, label)."""
        return self._choices(PolicyKey.PAROLE_FEE_EXCEPTIONS)

    def parole_fee_deadline_days(self) -> int:
        return self._int(PolicyKey.PAROLE_FEE_DEADLINE_DAYS)

    def work_permit_fee(self, *, renewal: bool) -> int:
        key = PolicyKey.WORK_PERMIT_FEE_RENEWAL if renewal else PolicyKey.WORK_PERMIT_FEE_INITIAL
        return self._int(key)

    def decision_window_days(self) -> tuple[int, int]:
        """The published goal: a decision between these many business days after receipt."""
        return (
            self._int(PolicyKey.DECISION_WINDOW_EARLIEST),
            self._int(PolicyKey.DECISION_WINDOW_LATEST),
        )

    def decision_window(self, received_on: date, calendar: BusinessCalendar) -> tuple[date, date]:
        """(earliest, latest) expected decision dates, counted in business days from receipt."""
        # Asked once per filing, mostly for the same few days: each is counted once.
        key = (received_on, calendar)
        if (window := self._windows.get(key)) is None:
            earliest = calendar.add(received_on, self._int(PolicyKey.DECISION_WINDOW_EARLIEST))
            latest = calendar.add(received_on, self._int(PolicyKey.DECISION_WINDOW_LATEST))
            window = self._windows[key] = (earliest, latest)
        return window

    def reparole_lead_days(self) -> int:
        return self._int(PolicyKey.REPAROLE_LEAD_DAYS)

    def long_period_days(self) -> int:
        return self._int(PolicyKey.LONG_PERIOD_DAYS)

    def address_change_days(self) -> int:
        return self._int(PolicyKey.ADDRESS_CHANGE_DAYS)

    def rfe_reminder_business_days(self) -> int:
        return self._int(PolicyKey.REMINDER_RFE_BUSINESS_DAYS)

    def parole_fee_reminder_days(self) -> int:
        return self._int(PolicyKey.REMINDER_PAROLE_FEE_DAYS)

    def parole_ending_reminder_days(self) -> tuple[int, int]:
        """The days before parole ends when reminders go out, first and last."""
        return self.reparole_lead_days(), self._int(PolicyKey.REMINDER_PAROLE_ENDING_LAST_DAYS)

    def filing_address(self) -> str:
        return self._str(PolicyKey.FILING_ADDRESS)

    def receipt_prefix(self, channel: Channel) -> str:
        return self._str(_RECEIPT_PREFIX[Channel(channel)])


class Policy:
    """All entries for all keys; ask it for the snapshot in force on a date."""

    def __init__(self, entries: Iterable[PolicyEntry]) -> None:
        by_key: dict[PolicyKey, list[PolicyEntry]] = {}
        for entry in entries:
            key = PolicyKey(entry.key)
            checked = PolicyEntry(
                key, entry.effective_from, parse_value(key, entry.value), entry.source
            )
            by_key.setdefault(key, []).append(checked)
        self._history: dict[PolicyKey, list[PolicyEntry]] = {}
        self._dates: dict[PolicyKey, list[date]] = {}
        for key, items in by_key.items():
            items.sort(key=lambda e: e.effective_from)
            dates = [e.effective_from for e in items]
            for earlier, later in pairwise(dates):
                if earlier == later:
                    # Two values for one day would make the answer depend on load order.
                    raise PolicyValueError(
                        key.value, f"has two entries taking effect on {later.isoformat()}."
                    )
            self._history[key] = items
            self._dates[key] = dates
        # Snapshots are asked for the same few dates again and again (every filing
        # received that day); they never change, so each is made once.
        self._snapshots: dict[date, PolicySnapshot] = {}

    def history(self, key: PolicyKey) -> list[PolicyEntry]:
        """Every entry for ``key``, oldest first, for showing how a value changed."""
        return list(self._history.get(key, ()))

    def in_force(self, on: date) -> PolicySnapshot:
        if (snapshot := self._snapshots.get(on)) is None:
            snapshot = self._snapshots[on] = self._in_force(on)
        return snapshot

    def _in_force(self, on: date) -> PolicySnapshot:
        values: dict[PolicyKey, InForce] = {}
        for key, dates in self._dates.items():
            index = bisect_right(dates, on)
            if index:
                entry = self._history[key][index - 1]
                values[key] = InForce(entry.value, entry.effective_from, entry.source)
        return PolicySnapshot(on, values)


# -- the published facts ------------------------------------------------------

_RULE_2016 = "USCIS fee schedule final rule, 81 FR 73292 (Oct. 24, 2016), effective Dec. 23, 2016"
_RULE_2024 = "USCIS fee schedule final rule, 89 FR 6194 (Jan. 31, 2024), effective Apr. 1, 2024"
_WORK_PERMIT_2025 = (
    "Pub. L. 119-21; USCIS fee notice, 90 FR 34511 (July 22, 2025): Form I-765 for parolees, "
    "postmarked on or after July 22, 2025"
)
_WORK_PERMIT_2026 = "Inflation adjustment, 90 FR 52693: Form I-765 for parolees from Jan. 1, 2026"
_PAROLE_FEE_SOURCE = "Pub. L. 119-21; USCIS collects the parole fee on grants from Oct. 16, 2025"
_PROGRAM = "The Humanitarian Affairs Branch's published processing goal"
_GUIDANCE = "USCIS humanitarian parole guidance"
_DEFAULT = "Parole Desk default"
_SINCE_2013 = date(2013, 1, 1)
_FEE_RULE_2016 = date(2016, 12, 23)
_FEE_RULE_2024 = date(2024, 4, 1)
_WORK_PERMIT_FEE_START = date(2025, 7, 22)
_WORK_PERMIT_FEE_2026 = date(2026, 1, 1)
_PAROLE_FEE_START = date(2025, 10, 16)


def _choices(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"code": code, "label": label} for code, label in pairs]


DEFAULT_ENTRIES: tuple[PolicyEntry, ...] = (
    # Online filing of the parole I-131 came later; the 2016 fee applied to both.
    PolicyEntry(PolicyKey.FILING_FEE_ONLINE, _FEE_RULE_2016, 575, _RULE_2016),
    PolicyEntry(PolicyKey.FILING_FEE_PAPER, _FEE_RULE_2016, 575, _RULE_2016),
    PolicyEntry(PolicyKey.FILING_FEE_ONLINE, _FEE_RULE_2024, 580, _RULE_2024),
    PolicyEntry(PolicyKey.FILING_FEE_PAPER, _FEE_RULE_2024, 630, _RULE_2024),
    PolicyEntry(
        PolicyKey.FILING_FEE_EXEMPTIONS,
        _FEE_RULE_2024,
        _choices(
            ("armed_forces", "Current or former member of the U.S. armed forces"),
            ("afghan_special_immigrant", "Afghan special immigrant"),
            ("iraqi_special_immigrant", "Iraqi special immigrant"),
        ),
        f"{_RULE_2024}; Form I-131 instructions, fee exemptions",
    ),
    PolicyEntry(PolicyKey.PAROLE_FEE, _PAROLE_FEE_START, 1000, _PAROLE_FEE_SOURCE),
    PolicyEntry(
        PolicyKey.PAROLE_FEE_EXCEPTIONS,
        _PAROLE_FEE_START,
        _choices(
            ("medical_emergency", "Medical emergency"),
            ("dying_relative", "Visiting a dying relative"),
            ("funeral", "Attending a funeral"),
            ("organ_donor", "Organ donor"),
            ("law_enforcement", "Law-enforcement need"),
        ),
        _PAROLE_FEE_SOURCE,
    ),
    PolicyEntry(
        PolicyKey.PAROLE_FEE_DEADLINE_DAYS,
        _PAROLE_FEE_START,
        30,
        "Parole Desk default until USCIS publishes one",
    ),
    PolicyEntry(PolicyKey.WORK_PERMIT_FEE_INITIAL, _WORK_PERMIT_FEE_START, 550, _WORK_PERMIT_2025),
    PolicyEntry(PolicyKey.WORK_PERMIT_FEE_RENEWAL, _WORK_PERMIT_FEE_START, 275, _WORK_PERMIT_2025),
    PolicyEntry(PolicyKey.WORK_PERMIT_FEE_INITIAL, _WORK_PERMIT_FEE_2026, 560, _WORK_PERMIT_2026),
    PolicyEntry(PolicyKey.WORK_PERMIT_FEE_RENEWAL, _WORK_PERMIT_FEE_2026, 280, _WORK_PERMIT_2026),
    PolicyEntry(PolicyKey.DECISION_WINDOW_EARLIEST, _SINCE_2013, 90, _PROGRAM),
    PolicyEntry(PolicyKey.DECISION_WINDOW_LATEST, _SINCE_2013, 120, _PROGRAM),
    PolicyEntry(
        PolicyKey.REPAROLE_LEAD_DAYS, _SINCE_2013, 90, f"{_GUIDANCE}: file at least 90 days ahead"
    ),
    PolicyEntry(
        PolicyKey.LONG_PERIOD_DAYS, _SINCE_2013, 365, f"{_GUIDANCE}: rarely more than a year"
    ),
    PolicyEntry(PolicyKey.FILING_ADDRESS, _SINCE_2013, "USCIS Dallas Lockbox, Attn: HP", _GUIDANCE),
    PolicyEntry(PolicyKey.RECEIPT_PREFIX_ONLINE, _SINCE_2013, "IOE", _DEFAULT),
    PolicyEntry(PolicyKey.RECEIPT_PREFIX_PAPER, _SINCE_2013, "HPL", _DEFAULT),
    PolicyEntry(PolicyKey.REMINDER_RFE_BUSINESS_DAYS, _SINCE_2013, 5, _DEFAULT),
    PolicyEntry(PolicyKey.REMINDER_PAROLE_FEE_DAYS, _PAROLE_FEE_START, 7, _DEFAULT),
    PolicyEntry(PolicyKey.REMINDER_PAROLE_ENDING_LAST_DAYS, _SINCE_2013, 30, _DEFAULT),
    PolicyEntry(
        PolicyKey.ADDRESS_CHANGE_DAYS, _SINCE_2013, 10, "INA 265 and 8 CFR 265.1 (Form AR-11)"
    ),
)
