"""The public side is reached from the home page and from every public page's header."""

import pytest
from django.test import Client

from paroledesk.core.roles import Role
from paroledesk.testing.fixtures import person

pytestmark = pytest.mark.django_db

PUBLIC = ["/status/", "/screener/", "/help/", "/processing-times/"]


def test_the_home_page_leads_to_each_public_service_and_promises_nothing_to_come(client):
    page = client.get("/").content.decode()
    for path in PUBLIC:
        assert f'href="{path}"' in page
    assert "Coming soon" not in page


@pytest.mark.parametrize("role", [None, Role.REQUESTOR, Role.REPRESENTATIVE])
def test_the_public_and_requestors_find_status_screener_and_help_in_the_menu(role):
    browser = Client()
    if role is not None:
        browser.force_login(person("pat", role))
    nav = browser.get("/help/").content.decode().split('aria-label="Primary navigation"')[1]
    nav = nav.split("</ul>")[0]
    for path in ["/status/", "/screener/", "/help/"]:
        assert f'href="{path}"' in nav
    assert 'href="/help/" aria-current="page"' in nav


def test_staff_menus_keep_to_their_work():
    browser = Client()
    browser.force_login(person("olivia", Role.OFFICER))
    nav = browser.get("/work/").content.decode().split('aria-label="Primary navigation"')[1]
    nav = nav.split("</ul>")[0]
    assert 'href="/status/"' not in nav
    assert 'href="/work/"' in nav
