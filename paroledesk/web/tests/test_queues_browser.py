"""My work, Supervise and the dashboard in a real browser: tabs, the filter form, pages and
charts, every page checked with axe-core."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from paroledesk.adjudication import services as work
from paroledesk.intake.services import request_file
from paroledesk.testing.browser import check_page, sign_in, visit
from paroledesk.testing.fixtures import FILED_ON, PASSWORD, filing_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def file_some(alice: Any, count: int) -> list[Any]:
    made = []
    for number in range(count):
        beneficiary = filing_document()["beneficiary"] | {"given_name": f"Person{number}"}
        reason = filing_document()["reason"] | {
            "category": "medical" if number % 2 else "family_emergency"
        }
        made.append(
            request_file(
                raw=filing_document(beneficiary=beneficiary, reason=reason),
                filed_by=alice,
                today=FILED_ON + timedelta(days=number),
            ).request
        )
    return made


def submit(page: Page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()
    check_page(page)


def test_a_supervisor_works_the_lists_filters_pages_and_reads_the_dashboard(
    page: Page, live_server: Any, alice: Any, sam: Any, olivia: Any, policy: None
) -> None:
    made = file_some(alice, 27)
    work.case_assign(request=made[0], officer=olivia, actor=sam, on=FILED_ON)
    sign_in(page, live_server, "sam", PASSWORD)

    visit(page, live_server, "/work/")
    lists = page.get_by_role("navigation", name="Work lists")
    expect(lists.get_by_role("link", name="Mine 0")).to_have_attribute("aria-current", "page")
    with page.expect_navigation():
        lists.get_by_role("link", name="Unassigned 26").click()
    check_page(page)
    expect(page.get_by_text("Showing 1 to 25 of 26, oldest first.")).to_be_visible()

    # The filters are a plain form: choose, send, and the list narrows.
    page.get_by_label("Category").select_option("medical")
    page.locator("label[for=filter-urgent]").click()  # USWDS draws the box on the label
    submit(page, "Show the list")
    expect(page.get_by_text("Showing 1 to 13 of 13 matching the filters")).to_be_visible()
    expect(page.get_by_label("Category")).to_have_value("medical")

    # Pages of 25: the second page of everyone's waiting requests.
    with page.expect_navigation():
        page.get_by_role("link", name="Clear the filters").click()
    check_page(page)
    pages = page.get_by_role("navigation", name="Pages of the list")
    with page.expect_navigation():
        pages.get_by_role("link", name="Next page").click()
    check_page(page)
    expect(page.get_by_text("Showing 26 to 26 of 26")).to_be_visible()

    # A bad value in the address: the list still, and what was put back.
    visit(page, live_server, "/work/?view=unassigned&page=abc&category=nothing")
    expect(page.get_by_text("Page: give a whole number.")).to_be_visible()
    expect(page.get_by_text("Category: choose one of the categories listed.")).to_be_visible()

    visit(page, live_server, "/work/?view=overdue")
    visit(page, live_server, "/work/supervise/")
    with page.expect_navigation():
        page.get_by_role("link", name="Open the dashboard").click()
    check_page(page)
    expect(page.get_by_role("img", name="Requests by status")).to_be_visible()
    expect(
        page.get_by_role("img", name="Open requests against the decision window")
    ).to_be_visible()
    expect(
        page.get_by_role(
            "table", name="Open requests by where today falls in their decision window"
        )
    ).to_be_visible()


def test_an_officer_sees_her_own_work_and_takes_the_oldest(
    page: Page, live_server: Any, alice: Any, sam: Any, olivia: Any, policy: None
) -> None:
    made = file_some(alice, 2)
    sign_in(page, live_server, "olivia", PASSWORD)
    visit(page, live_server, "/work/")
    expect(page.get_by_text("Nothing open is assigned to you.")).to_be_visible()
    submit(page, "Take the oldest unassigned request")
    expect(page.get_by_text(f"Request {made[0].receipt_number} is yours now.")).to_be_visible()
    visit(page, live_server, "/work/")
    expect(page.get_by_role("link", name=made[0].receipt_number)).to_be_visible()
