import pytest
from django.test import Client

from paroledesk.intake.tests.test_evidence_samples import use_temporary_storage


@pytest.fixture
def client(policy, alice, time_machine) -> Client:
    """Alice signed in on the site, on Monday 2026-11-30 at 10:00 in Washington."""
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)
    browser = Client()
    browser.force_login(alice)
    return browser


@pytest.fixture
def storage(settings, tmp_path):
    """Evidence files go to a folder of this test's own."""
    return use_temporary_storage(settings, tmp_path)
