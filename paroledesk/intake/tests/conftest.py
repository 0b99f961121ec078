import pytest
from django.test import Client


@pytest.fixture
def client(policy, alice, time_machine) -> Client:
    """Alice signed in on the site, on Monday 2026-11-30 at 10:00 in Washington."""
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)
    browser = Client()
    browser.force_login(alice)
    return browser
