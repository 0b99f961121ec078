"""The status inquiry in a real browser, in English: the form, a refusal and the answer, then
the officer's answer on the case page; each page checked with axe-core and under the site's
Content Security Policy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from paroledesk.adjudication.tests.steps import assigned
from paroledesk.inquiry.services import inquiry_ask
from paroledesk.testing.browser import check_page, sign_in, visit
from paroledesk.testing.fixtures import FILED_ON, PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_guesses_counted() -> Iterator[None]:
    # The count lives in the cache table, which a transactional test's flush leaves alone.
    cache.clear()
    yield
    cache.clear()


def fill(page: Page, receipt: str, birth: str) -> None:
    page.get_by_label("Receipt number").fill(receipt)
    page.get_by_label("Family name of the person the request is for").fill("haidari")
    page.get_by_label("Their date of birth").fill(birth)
    page.get_by_label("Date the request was received").fill(FILED_ON.isoformat())
    page.get_by_label("What would you like to know?").fill("Is anything missing?")
    with page.expect_navigation():
        page.get_by_role("button", name="Check the status").click()
    check_page(page)


def test_a_visitor_checks_a_status_after_a_typing_mistake(
    page: Page, live_server: Any, filed: Any, no_guesses_counted: None
) -> None:
    visit(page, live_server, "/status/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the status of a request")

    fill(page, "IOE27", "1988-03-14")
    summary = page.get_by_role("link", name="Receipt number: Enter the receipt number")
    expect(summary).to_be_visible()

    fill(page, filed.receipt_number, "1988-03-15")
    expect(page.get_by_role("alert")).to_contain_text("No request matches these details.")

    fill(page, filed.receipt_number, "1988-03-14")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Status of request {filed.receipt_number}"
    )
    expect(page.get_by_text("Your question was passed on to the officer")).to_be_visible()
    expect(page.get_by_role("heading", name="What to do next")).to_be_visible()


def test_the_officer_answers_an_inquiry_from_the_case_page(
    page: Page, live_server: Any, filed: Any, sam: Any, olivia: Any
) -> None:
    inquiry_ask(request=assigned(filed, sam, olivia), explanation="Is anything missing?")
    sign_in(page, live_server, "olivia", PASSWORD)
    visit(page, live_server, f"/requests/{filed.receipt_number}/")
    expect(page.get_by_role("heading", name="Status inquiries")).to_be_visible()

    send = page.get_by_role("button", name="Send the answer")
    with page.expect_navigation():
        send.click()
    check_page(page)
    expect(page.get_by_role("link", name="Your answer: Write the answer to send.")).to_be_visible()

    page.get_by_label("Your answer").fill("Nothing is missing; the review goes on.")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the answer").click()
    check_page(page)
    expect(page.get_by_text("The answer is sent: the requestor has a notice.")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Answer to a status inquiry"))).to_be_visible()
