"""Policy is kept in memory per process; a change elsewhere is seen within a second."""

import pytest
from django.core.cache import cache

from paroledesk.policy import selectors
from paroledesk.policy.models import ClosureDay
from paroledesk.policy.services import closure_day_save
from paroledesk.testing.fixtures import FILED_ON

pytestmark = pytest.mark.django_db


def test_a_change_made_by_another_process_is_seen_once_the_version_is_looked_up(
    policy, monkeypatch
):
    clock = [1000.0]
    monkeypatch.setattr("paroledesk.policy.selectors.time.monotonic", lambda: clock[0])
    lookups: list[int] = []
    real_lookup = selectors._current_version

    def counted_lookup() -> int:
        lookups.append(1)
        return real_lookup()

    monkeypatch.setattr(selectors, "_current_version", counted_lookup)

    assert selectors.business_calendar().is_business_day(FILED_ON)
    # Another process declares a closure and bumps the shared version; this one has not
    # looked at the version since, and reads policy many times a filing without asking.
    ClosureDay.objects.create(day=FILED_ON, reason="Storm")
    cache.incr(selectors.VERSION_KEY)
    for _ in range(50):
        assert selectors.business_calendar().is_business_day(FILED_ON)
        selectors.policy_on(FILED_ON)
    assert len(lookups) == 1

    clock[0] += selectors.VERSION_CHECK_SECONDS
    assert not selectors.business_calendar().is_business_day(FILED_ON)
    assert len(lookups) == 2


def test_the_process_that_makes_a_change_sees_it_at_once(
    policy, ada, django_capture_on_commit_callbacks
):

    assert selectors.business_calendar().is_business_day(FILED_ON)
    with django_capture_on_commit_callbacks(execute=True):
        closure_day_save(day=FILED_ON, reason="Storm", actor=ada)
    assert not selectors.business_calendar().is_business_day(FILED_ON)
