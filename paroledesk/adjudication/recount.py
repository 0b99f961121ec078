"""Figures counted over every request, kept in this process until a request changes.

Counting everyone's waiting or decided requests reads tens of thousands of
index entries; the supervisor's pages show several such counts on every visit,
and they change only when a request does. Every change to a request writes its
event in the same transaction (audit), so a figure is kept with the id of the
latest event it saw, and counted again when a newer event exists, when the day
changes (what is overdue moves with it), or once it is MAX_AGE_SECONDS old. The
last one bounds the rare miss: a transaction that commits after a later one can
add an event below the id already seen, and a change made in the Django admin
writes no event.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from threading import Lock
from typing import Any, TypeVar

from django.db.models import Max

from paroledesk.audit.models import Event

MAX_AGE_SECONDS = 30.0
# Filtered counts are kept per officer and filter; past this many, start again empty
# rather than hold every combination ever asked for.
MAX_KEPT = 10_000

_T = TypeVar("_T")


@dataclass(frozen=True)
class _Kept:
    mark: int
    at: float
    value: Any


_kept: dict[Hashable, _Kept] = {}
_lock = Lock()


def latest_change() -> int:
    """The id of the newest event: one look at the end of an index."""
    return int(Event.objects.aggregate(latest=Max("id"))["latest"] or 0)


def recounted(key: Hashable, count: Callable[[], _T], *, mark: int | None = None) -> _T:
    """``count()``'s answer, as kept under ``key`` if nothing changed since; ``mark`` is
    ``latest_change()`` when the caller has it already."""
    mark = latest_change() if mark is None else mark
    now = time.monotonic()
    kept = _kept.get(key)
    if kept is not None and kept.mark == mark and now - kept.at < MAX_AGE_SECONDS:
        value: _T = kept.value
        return value
    value = count()
    with _lock:
        if len(_kept) >= MAX_KEPT:
            _kept.clear()
        _kept[key] = _Kept(mark, now, value)
    return value


def forget_counts_here() -> None:
    """Count everything afresh in this process (tests, whose rollbacks reuse event ids)."""
    with _lock:
        _kept.clear()
