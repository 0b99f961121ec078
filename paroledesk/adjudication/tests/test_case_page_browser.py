"""The case page in a real browser: a supervisor assigns, the officer asks for evidence and
decides, every page checked with axe-core, the error page included."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from paroledesk.cases.models import ParoleRequest
from paroledesk.testing.browser import check_page, sign_in, visit
from paroledesk.testing.fixtures import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page: Page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()


def test_assign_ask_for_evidence_and_deny_from_the_case_page(
    page: Page, live_server: Any, filed: ParoleRequest, sam: Any, olivia: Any
) -> None:
    case = f"/requests/{filed.receipt_number}/"
    sign_in(page, live_server, "sam", PASSWORD)
    visit(page, live_server, case)
    page.get_by_label("Officer").select_option("olivia")
    with page.expect_navigation():
        page.get_by_role("button", name="Assign").click()
    check_page(page)
    expect(page.get_by_text("The request is assigned.")).to_be_visible()
    sign_out(page)

    sign_in(page, live_server, "olivia", PASSWORD)
    visit(page, live_server, case)
    # A decision with nothing chosen comes back with the reason, and the page still passes.
    with page.expect_navigation():
        page.get_by_role("button", name="Record the decision").click()
    check_page(page)
    expect(page.get_by_text("The decision was not recorded")).to_be_visible()
    page.get_by_label("Evidence to send").fill("A letter from the treating doctor")
    page.get_by_label("Business days to answer").fill("20")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the request for evidence").click()
    check_page(page)
    expect(page.get_by_text("The request for evidence is sent")).to_be_visible()
    expect(page.get_by_role("heading", name="Status: Evidence requested")).to_be_visible()
