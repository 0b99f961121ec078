"""The public side as a visitor uses it, in English and in Spanish: the language chosen on
the home page, then the screener (a contradiction refused, then a result) and a status
inquiry (a mistake refused, then the answer). Every page is checked with axe-core."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import translation
from playwright.sync_api import Page, expect

from paroledesk.policy.services import policy_load_defaults
from paroledesk.testing.browser import check_page, visit
from paroledesk.testing.fixtures import FILED_ON

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_guesses_counted() -> Iterator[None]:
    # The status inquiry counts guesses in the cache table, which a flush leaves alone.
    cache.clear()
    yield
    cache.clear()


def words(language: str, english: str) -> str:
    """``english`` as the site writes it in ``language`` (in Spanish, translated)."""
    with translation.override(language):
        written = translation.gettext(english)
    assert (written == english) == (language == "en"), english
    return written


def choose(page: Page, name: str, value: str) -> None:
    # USWDS draws its own radio buttons: people click the label, so do we.
    radio = page.locator(f'input[type="radio"][name="{name}"][value="{value}"]')
    page.locator(f'label[for="{radio.get_attribute("id")}"]').click()


def submit(page: Page, action: str) -> None:
    with page.expect_navigation():
        page.locator(f'main form[action="{action}"] button[type="submit"]').click()
    check_page(page)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_visitor_screens_a_situation_and_checks_a_status_in_their_language(
    page: Page, live_server: Any, filed: Any, no_guesses_counted: None, language: str
) -> None:
    policy_load_defaults()
    visit(page, live_server, "/")
    if language == "es":
        with page.expect_navigation():
            page.get_by_role("button", name="Español").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    check_page(page)

    with page.expect_navigation():
        page.locator('nav[aria-label] a[href="/screener/"]').first.click()
    check_page(page)
    heading = words(language, "Could parole be asked for?")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    choose(page, "beneficiary_location", "outside_us")
    choose(page, "parole_granted_by", "cbp")
    page.locator('input[name="parole_ends_on"]').fill("2030-01-31")
    choose(page, "reason_category", "medical")
    choose(page, "visa_available", "no")
    choose(page, "prior_denial", "none")
    choose(page, "prior_removal_or_criminal_record", "yes")
    choose(page, "has_sponsor", "yes")
    page.locator('input[name="requested_days"]').fill("180")
    submit(page, "/screener/")
    expect(page.locator(".usa-error-message").first).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", language)

    choose(page, "parole_granted_by", "none")
    page.locator('input[name="parole_ends_on"]').fill("")
    submit(page, "/screener/")
    expect(page.locator("#result-heading")).to_be_visible()
    expect(page.locator('[data-flag="attorney_review_recommended"]')).to_be_visible()
    expect(page.get_by_role("heading", name=words(language, "Documents to gather"))).to_be_visible()

    visit(page, live_server, "/status/")
    check_page(page)
    heading = words(language, "Check the status of a request")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    for wrong, receipt in ((True, "IOE27"), (False, filed.receipt_number)):
        page.locator('input[name="receipt_number"]').fill(receipt)
        page.locator('input[name="family_name"]').fill("HAIDARI")
        page.locator('input[name="date_of_birth"]').fill("1988-03-14")
        page.locator('input[name="filed_on"]').fill(FILED_ON.isoformat())
        page.locator('textarea[name="explanation"]').fill("¿Falta algo?")
        submit(page, "/status/")
        if wrong:
            expect(page.locator(".usa-error-message").first).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text(filed.receipt_number)
    expect(page.locator("html")).to_have_attribute("lang", language)
