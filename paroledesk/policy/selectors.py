"""Reading policy: the rules in force on a date, and the business calendar.

Policy rows are few and read on every filing, so each process keeps them in
memory. A change through the services bumps a version in the cache, so every
process sharing that cache reloads on its next read; the copy also expires
after a minute, for processes that share no cache (the embedded default).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache

from paroledesk.core.business_days import BusinessCalendar
from paroledesk.core.policy import Policy, PolicyEntry, PolicyKey, PolicySnapshot
from paroledesk.policy.models import ClosureDay, PolicyValue

VERSION_KEY = "paroledesk:policy-version"
MAX_AGE_SECONDS = 60.0


@dataclass
class _Loaded:
    version: int
    loaded_at: float
    policy: Policy
    calendar: BusinessCalendar


class _Memo:
    loaded: _Loaded | None = None


_memo = _Memo()


def _current_version() -> int:
    return int(cache.get_or_set(VERSION_KEY, 1, timeout=None) or 1)


def _load() -> _Loaded:
    version = _current_version()
    now = time.monotonic()
    loaded = _memo.loaded
    if loaded is None or loaded.version != version or now - loaded.loaded_at > MAX_AGE_SECONDS:
        entries = [
            PolicyEntry(
                key=PolicyKey(row.key),
                effective_from=row.effective_from,
                value=row.value,
                source=row.source,
            )
            for row in PolicyValue.objects.all()
        ]
        closures = ClosureDay.objects.values_list("day", flat=True)
        loaded = _memo.loaded = _Loaded(version, now, Policy(entries), BusinessCalendar(closures))
    return loaded


def forget_policy() -> None:
    """Make every process reload policy on its next read."""
    _memo.loaded = None
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def policy_on(day: date) -> PolicySnapshot:
    return _load().policy.in_force(day)


def business_calendar() -> BusinessCalendar:
    return _load().calendar
