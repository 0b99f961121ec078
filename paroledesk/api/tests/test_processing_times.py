"""GET /api/v1/processing-times: the contract's shape, for anyone, figures only where ten
or more decisions keep them private."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from paroledesk.cases.tests.test_processing_times import decided  # noqa: F401 - a fixture

URL = "/api/v1/processing-times"


@pytest.mark.usefixtures("decided")
def test_anyone_reads_the_figures_of_requests_decided_on_known_dates(time_machine):
    time_machine.move_to("2026-11-30 15:00:00Z", tick=False)
    response = APIClient().get(URL)
    assert response.status_code == 200
    body = response.json()
    assert body["as_of"] == "2026-11-30"
    assert body["window_months"] == 6
    groups = {group["category"]: group for group in body["groups"]}
    assert groups["medical"] == {
        "category": "medical",
        "decided": 10,
        "median_business_days": 5,
        "p80_business_days": 8,
        "waiting": 0,
    }
    # Three decisions: nothing published, not even their number.
    assert groups["protection"] == {
        "category": "protection",
        "decided": None,
        "median_business_days": None,
        "p80_business_days": None,
        "waiting": 0,
    }
    assert groups["family_emergency"]["waiting"] == 2
    assert list(groups) == ["medical", "family_emergency", "protection", "public_benefit", "other"]


def test_with_no_decisions_every_group_is_there_without_figures(policy):
    groups = APIClient().get(URL).json()["groups"]
    assert len(groups) == 5
    assert all(group["median_business_days"] is None for group in groups)


def test_a_write_is_not_allowed(policy):
    response = APIClient().post(URL, {}, format="json")
    assert response.status_code == 405
    assert response.json()["errors"][0]["code"] == "method_not_allowed"
