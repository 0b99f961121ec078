"""The help center in a real browser: from the header's search box to an article, without
signing in; every page checked with axe-core by ``visit`` and ``check_page``."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from paroledesk.policy.services import policy_load_defaults
from paroledesk.testing.browser import check_page, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_searches_from_the_header_and_reads_an_article(page: Page, live_server):
    policy_load_defaults()
    visit(page, live_server, "/help/")
    expect(page.get_by_role("heading", name="Help center", level=1)).to_be_visible()

    page.get_by_role("searchbox", name="Search the help center").fill(
        "mi hijo esta enfermo en honduras"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Search", exact=True).first.click()
    check_page(page)
    first = page.locator(".usa-collection__heading a").first
    expect(first).to_have_text("A parent or relative abroad is seriously ill")

    with page.expect_navigation():
        first.click()
    check_page(page)
    expect(page.get_by_role("heading", name="Sources")).to_be_visible()
    expect(page.get_by_text("8 CFR 212.5", exact=True)).to_be_visible()

    with page.expect_navigation():
        page.get_by_role("link", name="medical evidence", exact=True).click()
    check_page(page)
    expect(page).to_have_url(live_server.url + "/help/medical-evidence-from-doctors/")
