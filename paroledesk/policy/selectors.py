"""Reading policy: the rules in force on a date, and the business calendar.

Policy rows are few and read on every filing, so each process keeps them in
memory. A change through the services bumps a version in the cache, so every
process sharing that cache reloads within a second (the version is looked up
at most once a second, not on every read: a filing reads policy several times,
and with Redis each look would be a round trip); the copy also expires after a
minute, for processes that share no cache (the embedded default). The process
that made the change reloads at once.
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
VERSION_CHECK_SECONDS = 1.0


@dataclass
class _Loaded:
    version: int
    loaded_at: float
    policy: Policy
    calendar: BusinessCalendar
    checked_at: float = 0.0


class _Memo:
    loaded: _Loaded | None = None


_memo = _Memo()


def _current_version() -> int:
    return int(cache.get_or_set(VERSION_KEY, 1, timeout=None) or 1)


def _load() -> _Loaded:
    now = time.monotonic()
    loaded = _memo.loaded
    if loaded is not None and now - loaded.checked_at < VERSION_CHECK_SECONDS:
        return loaded
    version = _current_version()
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
    loaded.checked_at = now
    return loaded


def forget_policy_here() -> None:
    """Make this process reload policy on its next read (the cache is left alone)."""
    _memo.loaded = None


def forget_policy() -> None:
    """Make every process reload policy on its next read."""
    forget_policy_here()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def policy_on(day: date) -> PolicySnapshot:
    return _load().policy.in_force(day)


def business_calendar() -> BusinessCalendar:
    return _load().calendar
